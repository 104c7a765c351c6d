package server

import (
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"conceptgraph/graph"
	"conceptgraph/graph/render"
)

// conceptRef names a concept in responses.
type conceptRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

func refOf(c *graph.Concept) conceptRef { return conceptRef{ID: c.ID, Name: c.Name} }

type typeInfo struct {
	Type  graph.RelationType `json:"type"`
	Color string             `json:"color"`
}

type hubRef struct {
	conceptRef
	Degree int `json:"degree"`
}

type statusResponse struct {
	Version   int        `json:"version"`
	Concepts  int        `json:"concepts"`
	Relations int        `json:"relations"`
	Error     string     `json:"error"`
	Types     []typeInfo `json:"types"`
	Layouts   []string   `json:"layouts"`
	Hubs      []hubRef   `json:"hubs"`
	MaxDrawn  int        `json:"maxDrawn"`
	// Related is how many concepts have a relation: the page's drawing of
	// the whole graph holds those and lists the others apart.
	Related int `json:"related"`
	// Tags are the notes' tags, by name, each with how many concepts
	// carry it: the values of the tag parameter.
	Tags []graph.Tag `json:"tags"`
}

type healthResponse struct {
	OK      bool `json:"ok"`
	Version int  `json:"version"`
}

// handleHealth answers GET /api/health: the server is up. It does no work,
// which makes it the baseline of the load test.
func (s *Server) handleHealth(c *gin.Context) {
	c.JSON(http.StatusOK, healthResponse{OK: true, Version: s.state.Load().version})
}

// handleStatus answers GET /api/status: the graph's version and size, the
// last reload problem, and what the page needs to draw its controls.
func (s *Server) handleStatus(c *gin.Context) {
	snap := s.state.Load()
	resp := statusResponse{
		Version: snap.version, Concepts: snap.g.Len(), Relations: snap.nrels, Related: snap.related,
		Error: snap.problem, Layouts: graph.Layouts, MaxDrawn: s.opts.MaxDrawn, Tags: snap.tags,
	}
	for _, t := range graph.Types {
		resp.Types = append(resp.Types, typeInfo{t, t.Color()})
	}
	for _, id := range snap.hubs {
		resp.Hubs = append(resp.Hubs, hubRef{refOf(snap.g.Concept(id)), snap.g.Degree(id)})
	}
	c.JSON(http.StatusOK, resp)
}

// handleGraph answers GET /api/graph: the whole graph in the extraction
// JSON contract, with only the relation types asked for and, with tags,
// only the concepts carrying any of them. It is serialised once per graph
// version and filter, and every request is sent the same bytes, with
// their length.
func (s *Server) handleGraph(c *gin.Context) {
	types, err := graph.ParseTypes(c.Query("types"))
	if err != nil {
		s.fail(c, errBadParam("types", err.Error()))
		return
	}
	tags, err := parseTags(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	snap := s.state.Load()
	if err := snap.checkTags(tags); err != nil {
		s.fail(c, err)
		return
	}
	data, err := snap.docs.get(types, tags, func() ([]byte, error) {
		if len(tags) > 0 {
			return json.Marshal(snap.g.Subgraph(snap.g.Tagged(tags), types).Document())
		}
		return json.Marshal(snap.g.Filter(types).Document())
	})
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("X-Graph-Version", strconv.Itoa(snap.version))
	c.Header("Content-Length", strconv.Itoa(len(data)))
	c.Data(http.StatusOK, "application/json; charset=utf-8", data)
}

type conceptSummary struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
	Degree  int      `json:"degree"`
}

type conceptsResponse struct {
	Concepts []conceptSummary `json:"concepts"`
}

// handleConcepts answers GET /api/concepts?q=&limit=: concepts whose name
// or an alias matches q, best first.
func (s *Server) handleConcepts(c *gin.Context) {
	limit, err := intParam(c, "limit", 10, 1, 100)
	if err != nil {
		s.fail(c, err)
		return
	}
	snap := s.state.Load()
	resp := conceptsResponse{Concepts: []conceptSummary{}}
	for _, m := range snap.search.Find(c.Query("q"), limit) {
		con := m.Concept
		resp.Concepts = append(resp.Concepts, conceptSummary{ID: con.ID, Name: con.Name, Aliases: nonNil(con.Aliases), Degree: m.Degree})
	}
	c.JSON(http.StatusOK, resp)
}

type relationView struct {
	Type       graph.RelationType `json:"type"`
	Direction  string             `json:"direction"` // "out": this concept is the relation's from
	Other      conceptRef         `json:"other"`
	Confidence float64            `json:"confidence"`
	Evidence   []graph.Evidence   `json:"evidence"`
}

// conceptDetail is a concept as the JSON contract has it, with every
// relation in and out.
type conceptDetail struct {
	graph.Concept
	Relations []relationView `json:"relations"`
}

// handleConcept answers GET /api/concepts/:id: a concept (by id or any
// name) with every relation in and out and its evidence.
func (s *Server) handleConcept(c *gin.Context) {
	g := s.state.Load().g
	con := g.Lookup(c.Param("id"))
	if con == nil {
		s.fail(c, &graph.NotFoundError{Name: c.Param("id")})
		return
	}
	d := conceptDetail{Concept: con.ForJSON(), Relations: []relationView{}}
	out, in := g.RelationsOf(con.ID)
	for _, r := range out {
		d.Relations = append(d.Relations, relationView{r.Type, "out", refOf(g.Concept(r.To)), r.Confidence, r.Evidence})
	}
	for _, r := range in {
		d.Relations = append(d.Relations, relationView{r.Type, "in", refOf(g.Concept(r.From)), r.Confidence, r.Evidence})
	}
	c.JSON(http.StatusOK, d)
}

type viewResponse struct {
	Focus *conceptRef    `json:"focus"`
	Graph graph.Document `json:"graph"`
	// Omitted is how many concepts of the focus's neighbourhood were
	// left out so the view can be drawn (0 when none were).
	Omitted  int               `json:"omitted"`
	Elements map[string]string `json:"elements"`
	// Apart are the concepts of the view that the drawing leaves out, for
	// the page to list beside it: in the whole graph, those without a
	// relation.
	Apart []conceptRef `json:"apart"`
}

// handleView answers GET /api/view: the data of exactly the view that
// /api/svg draws, which SVG element shows which concept or relation, and
// the concepts of the view listed apart from the drawing. As the drawing,
// it holds at most MaxDrawn concepts.
func (s *Server) handleView(c *gin.Context) {
	s.answerView(c, s.opts.MaxDrawn)
}

// answerView answers with the data of a view of at most limit concepts
// (see Server.view; 0 for no limit).
func (s *Server) answerView(c *gin.Context, limit int) {
	p, err := s.parseView(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	v, err := s.view(s.state.Load(), p, limit)
	if err != nil {
		s.fail(c, err)
		return
	}
	resp := viewResponse{Focus: v.focus, Graph: v.g.Document(), Omitted: v.omitted, Elements: map[string]string{}, Apart: v.apart}
	if resp.Apart == nil {
		resp.Apart = []conceptRef{}
	}
	for _, con := range v.g.Concepts() {
		resp.Elements[graph.NodeElementID(con.ID)] = con.ID
	}
	for _, r := range v.g.Relations() {
		resp.Elements[graph.RelationElementID(r)] = r.From + "|" + r.To + "|" + string(r.Type)
	}
	c.JSON(http.StatusOK, resp)
}

// handleNeighborhood answers GET /api/neighborhood?focus=&depth=&types=&tag=:
// the subgraph around a concept, whole.
func (s *Server) handleNeighborhood(c *gin.Context) {
	if c.Query("focus") == "" {
		s.fail(c, errBadParam("focus", "missing: name the concept to centre on"))
		return
	}
	s.answerView(c, 0)
}

// handleSVG answers GET /api/svg: the view drawn by Graphviz, for the page.
func (s *Server) handleSVG(c *gin.Context) {
	s.draw(c, "svg", false)
}

// handleExport answers GET /api/export?format=: the view as a download.
func (s *Server) handleExport(c *gin.Context) {
	format, err := render.ParseExportFormat(c.DefaultQuery("format", "svg"))
	if err != nil {
		s.fail(c, errBadParam("format", err.Error()))
		return
	}
	s.draw(c, format, true)
}

// draw answers with the current view in format, from the cache when it was
// drawn before for this version of the graph.
func (s *Server) draw(c *gin.Context, format string, download bool) {
	p, err := s.parseView(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	p.legend = download
	snap := s.state.Load()
	var focus *graph.Concept
	if p.focus != "" {
		if focus = snap.g.Lookup(p.focus); focus == nil {
			s.fail(c, &graph.NotFoundError{Name: p.focus})
			return
		}
	}
	key := p.key(format, focus)
	d, ok := s.cache.lookup(snap.version, key)
	if ok && d.err != nil {
		s.fail(c, d.err) // it failed before: do not draw it again
		return
	}
	data := d.data
	if !ok {
		// Only a view not drawn before is worked out. Drawings are
		// limited in size; data is not.
		limit := 0
		if render.NeedsRenderer(format) {
			limit = s.opts.MaxDrawn
		}
		v, err := s.view(snap, p, limit)
		if err != nil {
			s.fail(c, err)
			return
		}
		if download {
			// A file has no list beside it: it holds the whole view.
			v.g = v.all
			if limit > 0 && v.g.Len() > limit {
				s.fail(c, s.errTooLarge(v.g.Len()))
				return
			}
		}
		if data, err = s.cache.get(snap.version, key, func() ([]byte, error) {
			return s.render(c.Request.Context(), v, format, p)
		}); err != nil {
			s.fail(c, err)
			return
		}
	}
	c.Header("X-Graph-Version", strconv.Itoa(snap.version))
	if download {
		c.Header("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": p.filename(focus, format)}))
	}
	c.Data(http.StatusOK, render.ContentType(format), data)
}

type hopView struct {
	From       conceptRef         `json:"from"`
	To         conceptRef         `json:"to"`
	Type       graph.RelationType `json:"type"`
	Reversed   bool               `json:"reversed"`
	Confidence float64            `json:"confidence"`
	Evidence   []graph.Evidence   `json:"evidence"`
}

type pathResponse struct {
	From conceptRef `json:"from"`
	To   conceptRef `json:"to"`
	Hops []hopView  `json:"hops"` // the shortest chain
	// Paths holds up to max shortest distinct chains, shortest first,
	// when all=true was asked.
	Paths [][]hopView `json:"paths,omitempty"`
}

// handlePath answers GET /api/path?from=&to=&types=&directed=&all=&max=:
// the shortest chain of relations between two concepts, each hop with its
// evidence (no chain gives no hops), and with all=true up to max (10 by
// default, at most 100) shortest distinct chains.
func (s *Server) handlePath(c *gin.Context) {
	g := s.state.Load().g
	types, err := graph.ParseTypes(c.Query("types"))
	if err != nil {
		s.fail(c, errBadParam("types", err.Error()))
		return
	}
	directed, err := boolParam(c, "directed")
	if err != nil {
		s.fail(c, err)
		return
	}
	for _, name := range []string{"from", "to"} {
		if c.Query(name) == "" {
			s.fail(c, errBadParam(name, "missing: name a concept"))
			return
		}
	}
	all, err := boolParam(c, "all")
	if err != nil {
		s.fail(c, err)
		return
	}
	limit, err := intParam(c, "max", 10, 1, 100)
	if err != nil {
		s.fail(c, err)
		return
	}
	if !all {
		limit = 1
	}
	chains, err := g.Paths(c.Query("from"), c.Query("to"), types, directed, limit)
	if err != nil {
		s.fail(c, err)
		return
	}
	view := func(hops []graph.Hop) []hopView {
		out := []hopView{}
		for _, h := range hops {
			out = append(out, hopView{refOf(g.Concept(h.From)), refOf(g.Concept(h.To)), h.Relation.Type, h.Reversed, h.Relation.Confidence, h.Relation.Evidence})
		}
		return out
	}
	resp := pathResponse{From: refOf(g.Lookup(c.Query("from"))), To: refOf(g.Lookup(c.Query("to"))), Hops: []hopView{}}
	if len(chains) > 0 {
		resp.Hops = view(chains[0])
	}
	if all {
		resp.Paths = [][]hopView{}
		for _, ch := range chains {
			resp.Paths = append(resp.Paths, view(ch))
		}
	}
	c.JSON(http.StatusOK, resp)
}

// handlePrerequisites answers GET /api/prerequisites?of=: the learning
// order of a concept (by id or any name), as graph.LearningOrderDocument:
// its prerequisites in order, each with the relations and evidence that
// put it there, and the cycles met and how they were broken.
func (s *Server) handlePrerequisites(c *gin.Context) {
	of := strings.TrimSpace(c.Query("of"))
	if of == "" {
		s.fail(c, errBadParam("of", "missing: name the concept to learn"))
		return
	}
	lo, err := s.state.Load().g.LearningOrder(of)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, lo.Document())
}

func intParam(c *gin.Context, name string, def, lo, hi int) (int, error) {
	v := c.Query(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, errBadParam(name, fmt.Sprintf("%q is not a whole number from %d to %d", v, lo, hi))
	}
	return n, nil
}

func boolParam(c *gin.Context, name string) (bool, error) {
	switch strings.ToLower(c.Query(name)) {
	case "", "0", "false", "no":
		return false, nil
	case "1", "true", "yes":
		return true, nil
	}
	return false, errBadParam(name, fmt.Sprintf("%q is not true or false", c.Query(name)))
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
