// Package server serves the concept explorer: a JSON API over the concept
// graph, SVG views laid out by Graphviz, downloads in every export format,
// live reload over Server-Sent Events, and the page itself.
//
// The server holds one graph at a time and swaps it atomically when the
// notes change; a reload that fails keeps the last good graph and reports
// the error to open pages. Every handler is safe for concurrent use.
// Rendering goes through one [render.Renderer], which serialises Graphviz;
// rendered views are cached per graph version.
package server

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gin-gonic/gin"

	"conceptgraph/graph"
	"conceptgraph/graph/render"
)

// Loader extracts the graph from the notes afresh. problems are notes that
// could not be read this time (the loader may have used their last good
// version); err means no graph could be made at all.
type Loader func(ctx context.Context) (g *graph.Graph, problems []error, err error)

// Options configures a [Server].
type Options struct {
	// Load extracts the graph; it is called once by New and again by
	// Reload. Required.
	Load Loader
	// Renderer draws SVG and PNG views. Required for those formats.
	Renderer *render.Renderer
	// Addr is the address served ("127.0.0.1:8080"). Requests whose Host
	// header names another host are refused, so a web page elsewhere cannot
	// reach this server through DNS rebinding: on loopback only loopback
	// names are accepted; on every interface ("0.0.0.0:8080", to reach it
	// from a tablet) and on another address, also this machine's host name
	// (and name.local) and the addresses of its interfaces. Empty accepts
	// any host.
	Addr string
	// Logger receives the request log and reload reports; nil discards.
	Logger *slog.Logger
	// RenderBudget bounds one render; past it the request fails with 503
	// and the render is abandoned. Zero means 10 s.
	RenderBudget time.Duration
	// WatchNames are file names, besides Markdown notes, whose changes
	// make Watch reload: the curation file beside the notes.
	WatchNames []string
	// MaxDrawn is the most concepts a drawn view (SVG, PNG, GraphML) may
	// hold; larger views are refused with 413 before Graphviz runs. Zero
	// means DefaultMaxDrawn.
	MaxDrawn int
}

// DefaultMaxDrawn is the largest view drawn on request. Graphviz in
// WebAssembly lays out 300 concepts with the bounded preset in about
// 0.2 s on the project's machines and 1,000 in about 4 s (see README), so
// larger views ask the user for a focus instead of hanging the page.
const DefaultMaxDrawn = 300

// Server is the explorer's HTTP server.
type Server struct {
	opts    Options
	log     *slog.Logger
	engine  *gin.Engine
	state   atomic.Pointer[snapshot]
	events  *hub
	cache   *viewCache
	machine machine

	reloadMu sync.Mutex // one reload at a time
}

// snapshot is one version of the graph and what was derived from it.
type snapshot struct {
	g       *graph.Graph
	version int
	problem string // why the last reload fell short, or ""
	search  *graph.Search
	hubs    []string
	nrels   int         // len(g.Relations()), which sorts them
	related int         // concepts with a relation: the whole graph as the page draws it
	tags    []graph.Tag // g.Tags(): for the page, and to check the tags asked for
	docs    *docCache   // the whole graph as JSON, serialised once
	views   *overviews
}

// overviews holds graph.Overview of one graph version for the few sizes
// asked for: working one out sorts every concept by degree.
type overviews struct {
	mu  sync.Mutex
	ids map[int][]string // top -> the overview's ids
}

// overview returns snap.g.Overview(top), worked out once.
func (snap *snapshot) overview(top int) []string {
	o := snap.views
	o.mu.Lock()
	defer o.mu.Unlock()
	if ids, ok := o.ids[top]; ok {
		return ids
	}
	if len(o.ids) >= 8 {
		o.ids = map[int][]string{}
	}
	ids := snap.g.Overview(top)
	o.ids[top] = ids
	return ids
}

func newSnapshot(g *graph.Graph, version int, problem string) *snapshot {
	snap := &snapshot{g: g, version: version, problem: problem, search: graph.NewSearch(g), hubs: g.Hubs(12), nrels: len(g.Relations()), docs: newDocCache(),
		views: &overviews{ids: map[int][]string{}}, tags: g.Tags()}
	for _, c := range g.Concepts() {
		if g.Degree(c.ID) > 0 {
			snap.related++
		}
	}
	return snap
}

// New loads the graph once and returns a server for it. It fails when the
// first load fails: there is no last good graph to fall back on.
func New(ctx context.Context, opts Options) (*Server, error) {
	if opts.Load == nil {
		return nil, fmt.Errorf("server: no loader")
	}
	if opts.RenderBudget == 0 {
		opts.RenderBudget = 10 * time.Second
	}
	if opts.MaxDrawn == 0 {
		opts.MaxDrawn = DefaultMaxDrawn
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Server{opts: opts, log: log, events: newHub(), cache: newViewCache(128)}
	g, problems, err := opts.Load(ctx)
	if err != nil {
		return nil, err
	}
	s.state.Store(newSnapshot(g, 1, joinProblems(problems)))
	s.logProblems(problems)
	s.engine = s.routes()
	return s, nil
}

// Handler returns the server's HTTP handler.
func (s *Server) Handler() http.Handler { return s.engine }

// Reload extracts the graph again and swaps it in, then tells open pages.
// When extraction fails the last good graph stays and the error is
// reported to the pages; Reload returns it too.
func (s *Server) Reload(ctx context.Context) error {
	s.reloadMu.Lock()
	defer s.reloadMu.Unlock()
	old := s.state.Load()
	start := time.Now()
	g, problems, err := s.opts.Load(ctx)
	var next *snapshot
	if err != nil {
		kept := *old // the last good graph, with the news of the failure
		kept.version, kept.problem = old.version+1, err.Error()
		next = &kept
		s.log.Warn("reload failed; keeping the last good graph", "err", err)
	} else {
		next = newSnapshot(g, old.version+1, joinProblems(problems))
		s.logProblems(problems)
		s.log.Info("reloaded", "version", next.version, "concepts", g.Len(), "took", time.Since(start).Round(time.Millisecond), "problems", len(problems))
	}
	s.state.Store(next)
	s.cache.purgeBefore(next.version)
	s.events.publish(reloadEvent{Version: next.version, Error: next.problem})
	return err
}

// logProblems logs each note that could not be read as it is, one line
// each, as the page's banner lists them.
func (s *Server) logProblems(problems []error) {
	for _, p := range problems {
		s.log.Warn("note", "problem", p.Error())
	}
}

func joinProblems(problems []error) string {
	var out []string
	for _, p := range problems {
		out = append(out, p.Error())
	}
	return strings.Join(out, "\n")
}

// hostAllowed reports whether a request's Host header names the address
// served: the same port, on a loopback name when serving loopback.
func (s *Server) hostAllowed(hostport string) bool {
	if s.opts.Addr == "" {
		return true
	}
	host, port, err := net.SplitHostPort(s.opts.Addr)
	if err != nil {
		return false
	}
	rh, rp, err := net.SplitHostPort(hostport)
	if err != nil {
		rh, rp = hostport, "80"
	}
	if rp != port {
		return false
	}
	rh = strings.Trim(rh, "[]")
	switch {
	case rh == host:
		return true
	case isLoopback(host):
		return isLoopback(rh)
	}
	// Serving every interface, or another address: this machine by any
	// of its names.
	return isLoopback(rh) || s.machine.names(rh)
}

// machine knows the names and addresses of this machine. The addresses of
// its interfaces are looked up again when a request names one not known,
// at most once a second (a laptop changes networks).
type machine struct {
	mu      sync.Mutex
	ips     map[string]bool
	checked time.Time
}

// names reports whether h is this machine's host name, with or without
// its domain or ".local", or an address of one of its interfaces.
func (m *machine) names(h string) bool {
	h = strings.TrimSuffix(strings.ToLower(h), ".")
	if name, err := os.Hostname(); err == nil && name != "" {
		name = strings.ToLower(name)
		short, _, _ := strings.Cut(name, ".")
		if h == name || h == short || h == short+".local" {
			return true
		}
	}
	ip := net.ParseIP(strings.SplitN(h, "%", 2)[0])
	if ip == nil {
		return false
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.ips[ip.String()] && time.Since(m.checked) > time.Second {
		m.checked = time.Now()
		m.ips = map[string]bool{}
		if addrs, err := net.InterfaceAddrs(); err == nil {
			for _, a := range addrs {
				if n, ok := a.(*net.IPNet); ok {
					m.ips[n.IP.String()] = true
				}
			}
		}
	}
	return m.ips[ip.String()]
}

func isLoopback(h string) bool {
	if h == "localhost" {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}
