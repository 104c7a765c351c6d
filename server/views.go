package server

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/gin-gonic/gin"
	"golang.org/x/sync/singleflight"

	"conceptgraph/graph"
	"conceptgraph/graph/render"
)

// viewParams says which part of the graph a request is about.
type viewParams struct {
	focus  string // id or name; "" for the overview or the whole graph
	depth  int
	types  []graph.RelationType
	top    int      // with no focus: an overview of about this many concepts (see graph.Overview); 0 for all
	ids    []string // exactly these concepts (ids or names), for paths and learning orders
	tags   []string // only the concepts carrying any of these tags (and the focus); none for all
	layout string
	legend bool // draw the legend of relation types (downloads do; the page has its own)
}

const maxDepth = 6

func (s *Server) parseView(c *gin.Context) (viewParams, error) {
	var p viewParams
	var err error
	p.focus = strings.TrimSpace(c.Query("focus"))
	if p.depth, err = intParam(c, "depth", 1, 0, maxDepth); err != nil {
		return p, err
	}
	if p.top, err = intParam(c, "top", 0, 0, 10_000); err != nil {
		return p, err
	}
	if p.types, err = graph.ParseTypes(c.Query("types")); err != nil {
		return p, errBadParam("types", err.Error())
	}
	if p.layout, err = graph.ParseLayout(c.Query("layout")); err != nil {
		return p, errBadParam("layout", err.Error())
	}
	if p.tags, err = parseTags(c); err != nil {
		return p, err
	}
	for _, id := range strings.Split(c.Query("ids"), ",") {
		if id = strings.TrimSpace(id); id != "" {
			p.ids = append(p.ids, id)
		}
	}
	if len(p.ids) > 0 && p.focus != "" {
		return p, errBadParam("ids", "give either focus or ids, not both")
	}
	return p, nil
}

// aView is a part of the graph ready to draw.
type aView struct {
	g       *graph.Graph // what the page draws
	focus   *conceptRef
	omitted int // concepts of the focus's neighbourhood left out to fit
	// The whole graph's concepts without a relation in it are listed
	// beside the page's drawing instead of drawn (as a column, by dot):
	// apart names them, and all is g with them, for downloads.
	apart []conceptRef
	all   *graph.Graph
}

// view works out the part of the graph p asks for. With limit > 0 the view
// is one to draw: a focus's neighbourhood larger than limit is trimmed to
// its nearest and most strongly related concepts (see
// graph.NearestNeighborhood), an overview holds at most limit concepts,
// and any other view whose drawing is larger than limit (the whole graph's
// concepts with relations, a list of ids) is refused with 413. The view's
// all, which downloads draw, may be larger: the caller checks it.
//
// With tags, the view is of the concepts carrying any of them and the
// relations among them: a focus's neighbourhood is reached through those
// concepts only (the focus is kept, tagged or not), an overview is one of
// them, a list of ids keeps those of them.
func (s *Server) view(snap *snapshot, p viewParams, limit int) (aView, error) {
	if err := snap.checkTags(p.tags); err != nil {
		return aView{}, err
	}
	var tagged []string
	if len(p.tags) > 0 {
		tagged = snap.g.Tagged(p.tags)
	}
	var v aView
	switch {
	case p.focus != "":
		focus := snap.g.Lookup(p.focus)
		if focus == nil {
			return aView{}, &graph.NotFoundError{Name: p.focus}
		}
		g := snap.g
		if len(p.tags) > 0 {
			g = snap.g.Subgraph(append(tagged, focus.ID), nil)
		}
		sub, omitted, err := g.NearestNeighborhood(focus.ID, p.depth, p.types, limit)
		if err != nil {
			return aView{}, err
		}
		ref := refOf(focus)
		return aView{g: sub, all: sub, focus: &ref, omitted: omitted}, nil
	case len(p.ids) > 0:
		var ids []string
		for _, name := range p.ids {
			c := snap.g.Lookup(name)
			if c == nil {
				return aView{}, &graph.NotFoundError{Name: name}
			}
			if len(p.tags) == 0 || slices.ContainsFunc(p.tags, c.HasTag) {
				ids = append(ids, c.ID)
			}
		}
		sub := snap.g.Subgraph(ids, p.types)
		v = aView{g: sub, all: sub}
	case p.top > 0:
		top := p.top
		if limit > 0 {
			top = min(top, limit) // an overview is never too large to draw
		}
		var ids []string
		if len(p.tags) > 0 {
			ids = snap.g.Subgraph(tagged, nil).Overview(top)
		} else {
			ids = snap.overview(top)
		}
		sub := snap.g.Subgraph(ids, p.types)
		v = aView{g: sub, all: sub}
	default:
		// The page draws the whole graph's concepts that have a relation.
		// Without a filter their number is known: refuse too many before
		// copying the graph. With one, fewer may have a relation.
		if limit > 0 && len(p.types) == 0 && len(p.tags) == 0 && snap.related > limit {
			return aView{}, s.errTooLarge(snap.related)
		}
		var all *graph.Graph
		if len(p.tags) > 0 {
			all = snap.g.Subgraph(tagged, p.types)
		} else {
			all = snap.g.Filter(p.types)
		}
		v = aView{g: all, all: all, apart: []conceptRef{}}
		var related []string
		for _, c := range all.Concepts() {
			if all.Degree(c.ID) > 0 {
				related = append(related, c.ID)
			} else {
				v.apart = append(v.apart, refOf(c))
			}
		}
		if len(v.apart) > 0 {
			v.g = all.Subgraph(related, nil)
		}
	}
	if limit > 0 && v.g.Len() > limit {
		return aView{}, s.errTooLarge(v.g.Len())
	}
	return v, nil
}

func (s *Server) errTooLarge(n int) error {
	return errTooLarge(fmt.Sprintf("this view has %d concepts, more than the %d that can be laid out on request: choose a focus concept (focus=…), whose view keeps its %d nearest concepts, or keep fewer relation types", n, s.opts.MaxDrawn, s.opts.MaxDrawn))
}

// caption says, under a drawing, what a trimmed view left out.
func (v aView) caption() string {
	if v.omitted == 0 {
		return ""
	}
	n := v.g.Len()
	return fmt.Sprintf("%d of %d concepts, the nearest and most strongly related first: %d more not shown", n, n+v.omitted, v.omitted)
}

// key identifies a drawn view within one version of the graph.
func (p viewParams) key(format string, focusConcept *graph.Concept) string {
	focus := ""
	if focusConcept != nil {
		focus = focusConcept.ID
	}
	var types []string
	for _, t := range p.types {
		types = append(types, string(t))
	}
	return fmt.Sprintf("%s|%s|%d|%s|%d|%s|%s|%t|%q", format, focus, p.depth, strings.Join(types, ","), p.top, strings.Join(p.ids, ","), p.layout, p.legend, tagsKey(p.tags))
}

// filename is the name a download is saved under:
// conceptgraph-docker-d2.svg.
func (p viewParams) filename(focus *graph.Concept, format string) string {
	name := "conceptgraph"
	switch {
	case focus != nil:
		name += "-" + graph.Slug(focus.Name) + "-d" + strconv.Itoa(p.depth)
	case p.top > 0:
		name += "-top" + strconv.Itoa(p.top)
	}
	if len(p.tags) > 0 {
		name += "-tag-" + graph.Slug(strings.Join(p.tags, " "))
	}
	return name + "." + render.Extension(format)
}

// render draws a view. It runs within the render budget, detached from the
// request that asked first, since others may be waiting for the same
// drawing.
func (s *Server) render(ctx context.Context, v aView, format string, p viewParams) ([]byte, error) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.opts.RenderBudget)
	defer cancel()
	opts := graph.DOTOptions{Layout: p.layout, NoLegend: !p.legend}
	if p.legend {
		opts.Caption = v.caption() // the page says it in its own title
	}
	if v.focus != nil {
		opts.Focus = v.focus.ID
	}
	return render.Export(ctx, s.opts.Renderer, v.g, format, opts)
}

// viewCache keeps drawn views of the current graph version, and the views
// that could not be drawn within the render budget, so that asking again
// answers at once instead of drawing again; it makes concurrent requests
// for one view wait for a single drawing.
type viewCache struct {
	mu       sync.Mutex
	max      int   // entries
	maxBytes int64 // bytes of drawings held
	bytes    int64
	version  int
	entries  map[string]drawing
	order    []string // insertion order, for eviction
	flight   singleflight.Group
}

// cacheBytes bounds the bytes of drawings and exports a viewCache holds:
// a drawing of 300 concepts is about 400 KB, the JSON of a 10 MB vault
// about 10 MB.
const cacheBytes = 128 << 20

// drawing is a view drawn, or why it could not be.
type drawing struct {
	data []byte
	err  error
}

func newViewCache(max int) *viewCache {
	return &viewCache{max: max, maxBytes: cacheBytes, entries: map[string]drawing{}}
}

// lookup returns the cached drawing of key for version, or why it failed.
func (vc *viewCache) lookup(version int, key string) (drawing, bool) {
	vc.mu.Lock()
	defer vc.mu.Unlock()
	d, ok := vc.entries[strconv.Itoa(version)+"|"+key]
	return d, ok && vc.version == version
}

// get returns the cached drawing of key for version, or makes it. A
// drawing past the render budget is remembered as failed; other failures
// (a worker that died) are not, and the next request draws again.
func (vc *viewCache) get(version int, key string, make func() ([]byte, error)) ([]byte, error) {
	if d, ok := vc.lookup(version, key); ok {
		return d.data, d.err
	}
	full := strconv.Itoa(version) + "|" + key
	data, err, _ := vc.flight.Do(full, func() (any, error) { return make() })
	if err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return nil, err
	}
	d := drawing{err: err}
	if err == nil {
		d.data = data.([]byte)
	}
	vc.mu.Lock()
	defer vc.mu.Unlock()
	if version >= vc.version && int64(len(d.data)) <= vc.maxBytes/4 {
		if version > vc.version {
			vc.reset(version)
		}
		if _, ok := vc.entries[full]; !ok {
			vc.entries[full] = d
			vc.bytes += int64(len(d.data))
			vc.order = append(vc.order, full)
			for len(vc.order) > vc.max || vc.bytes > vc.maxBytes {
				vc.bytes -= int64(len(vc.entries[vc.order[0]].data))
				delete(vc.entries, vc.order[0])
				vc.order = vc.order[1:]
			}
		}
	}
	return d.data, d.err
}

// reset empties the cache for version. vc.mu is held.
func (vc *viewCache) reset(version int) {
	vc.entries, vc.order, vc.bytes, vc.version = map[string]drawing{}, nil, 0, version
}

// purgeBefore drops drawings of versions older than version.
func (vc *viewCache) purgeBefore(version int) {
	vc.mu.Lock()
	defer vc.mu.Unlock()
	if version > vc.version {
		vc.reset(version)
	}
}
