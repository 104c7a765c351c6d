// Package render draws DOT documents with Graphviz, through go-graphviz's
// WebAssembly build, behind one small type: [Renderer].
//
// # One Graphviz per process
//
// go-graphviz runs a single WebAssembly module per process. It is not safe
// for concurrent use, not even through separate graphviz instances, and a
// render interrupted half-way can leave it broken. So every [Renderer] in a
// process shares one lock, held for the whole of parse, layout, render and
// close; renders never run in parallel, and once started a render always
// runs to the end. A caller whose context ends first gets its error at once
// while the render finishes in the background. The module's memory only
// grows, by about a megabyte for each distinct drawing.
//
// # Worker processes
//
// A long-running server uses [NewPool] instead: each drawing runs in a
// worker process of its own (the same program, started again to run
// [ServeWorker]), up to a few at once. A worker that holds more memory than
// it may after a drawing is replaced by a fresh one, so memory stays
// bounded however many drawings are made; a worker whose drawing is
// abandoned (its context ended) is killed, so one slow drawing never holds
// up the next.
//
// # Fonts
//
// SVG output names Helvetica and leaves the choice of fonts, Hangul
// included, to whoever displays it. PNG output is drawn in Go, and
// go-graphviz's default font (Go Regular) has no Hangul, so the renderer
// draws PNG text with a system CJK font when it finds one (Noto Sans CJK,
// Nanum Gothic, Apple SD Gothic Neo, Malgun Gothic; see [Renderer.Font]).
// Without one, Hangul in PNG comes out as empty boxes. PNG drawings larger
// than 50 by 50 inches are scaled down to fit.
package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/goccy/go-graphviz"

	"conceptgraph/graph"
)

// Format is an output format of [Renderer.Render].
type Format string

const (
	SVG Format = "svg"
	PNG Format = "png"
	// DOT is the laid-out graph as DOT, every node and edge with its pos
	// attribute (Graphviz's "dot" output), for other Graphviz tools.
	// Graphviz's DOT writer leaves a quote unescaped after an escape such
	// as \n, so a label with a quote after a line break makes it invalid.
	DOT Format = "dot"
	// JSON is the laid-out graph as Graphviz's JSON without drawing
	// operations ("json0": attributes and positions); [Positions] reads
	// node positions from it. (Graphviz's full "json" output runs past the
	// end of a dashed HTML table cell's style into unrelated memory.)
	JSON Format = "json"
)

// graphvizFormat is the name Graphviz knows f by.
func graphvizFormat(f Format) graphviz.Format {
	if f == JSON {
		return "json0"
	}
	return graphviz.Format(f)
}

// Formats lists the formats [Renderer.Render] writes.
var Formats = []Format{SVG, PNG, DOT, JSON}

// ParseFormat returns the format named s, or an error naming s.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats {
		if string(f) == s {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown format %q (want svg, png, dot or json)", s)
}

// maxPNGInches caps PNG drawings: 50 inches at 96 dpi is 4,800 pixels a
// side, about 90 MB as an image.
const maxPNGInches = "50,50"

// wasmMu serialises every use of the process's one Graphviz module.
var wasmMu sync.Mutex

// Renderer turns DOT into SVG, PNG, or laid-out DOT or JSON. Create one
// with [New] and share it: its methods are safe for concurrent use, and
// renders are serialised (see the package documentation).
type Renderer struct {
	gv     *graphviz.Graphviz // guarded by wasmMu
	closed bool               // guarded by wasmMu
	font   string
	pool   *pool // drawing in worker processes instead (see NewPool)
}

// New starts Graphviz and looks for a CJK font for PNG output. Starting
// takes about 40 ms with wazero's compilation cache warm and a second
// without it.
func New(ctx context.Context) (*Renderer, error) {
	r := &Renderer{font: cjkFont()}
	wasmMu.Lock()
	defer wasmMu.Unlock()
	gv, err := newGraphviz(ctx)
	if err != nil {
		return nil, err
	}
	r.gv = gv
	return r, nil
}

func newGraphviz(ctx context.Context) (*graphviz.Graphviz, error) {
	png, err := graphviz.NewRenderPlugin(ctx, "png", newPNGEngine())
	if err != nil {
		return nil, fmt.Errorf("render: start graphviz: %w", err)
	}
	dev, err := graphviz.PNGDevicePlugin(ctx)
	if err != nil {
		return nil, fmt.Errorf("render: start graphviz: %w", err)
	}
	gv, err := graphviz.NewWithPlugins(ctx, png, dev)
	if err != nil {
		return nil, fmt.Errorf("render: start graphviz: %w", err)
	}
	return gv, nil
}

// Font returns the path of the font PNG text is drawn with, or "" if no
// CJK font was found and Hangul in PNG output will not show.
func (r *Renderer) Font() string { return r.font }

// ErrClosed is returned by [Renderer.Render] after [Renderer.Close].
var ErrClosed = errors.New("render: renderer closed")

// Render lays out dot with the engine layout (one of [graph.Layouts]; empty
// means the graph's own layout attribute, or dot) and returns it drawn in
// format.
//
// Render waits for any render in progress (in a pool, for a free worker).
// If ctx ends first, whether waiting or rendering, Render returns ctx.Err()
// at once; a render already started runs to the end in the background and
// its result is dropped (in a pool, its worker is killed instead).
// Errors in the DOT are returned as errors naming the origin "render"; a
// render that panics or fails inside the WebAssembly module also makes the
// renderer start a fresh Graphviz instance for the next call.
func (r *Renderer) Render(ctx context.Context, dot []byte, format Format, layout string) ([]byte, error) {
	if _, err := ParseFormat(string(format)); err != nil {
		return nil, fmt.Errorf("render: %w", err)
	}
	if layout != "" {
		if _, err := graph.ParseLayout(layout); err != nil {
			return nil, fmt.Errorf("render: %w", err)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if r.pool != nil {
		return r.pool.render(ctx, dot, format, layout)
	}
	type result struct {
		out []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		wasmMu.Lock()
		defer wasmMu.Unlock()
		if err := ctx.Err(); err != nil {
			done <- result{nil, err}
			return
		}
		out, err := r.renderLocked(dot, format, layout)
		done <- result{out, err}
	}()
	select {
	case res := <-done:
		return res.out, res.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// renderLocked renders with wasmMu held. It never passes the caller's
// context to Graphviz: wazero could abandon the module half-way through.
func (r *Renderer) renderLocked(dot []byte, format Format, layout string) (out []byte, err error) {
	if r.closed {
		return nil, ErrClosed
	}
	ctx := context.Background()
	if r.gv == nil {
		if r.gv, err = newGraphviz(ctx); err != nil {
			return nil, err
		}
	}
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("render: graphviz panicked: %v", p)
			r.dropLocked()
		} else if err != nil && strings.Contains(err.Error(), "wasm") {
			r.dropLocked()
		}
	}()
	g, err := graphviz.ParseBytes(dot)
	if err != nil {
		return nil, fmt.Errorf("render: parse dot: %w", err)
	}
	defer func() {
		if cerr := g.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("render: close graph: %w", cerr)
		}
	}()
	if layout == "" {
		if layout, err = graph.ParseLayout(g.GetStr("layout")); err != nil {
			return nil, fmt.Errorf("render: graph attribute: %w", err)
		}
	}
	if format == PNG && g.GetStr("size") == "" {
		// A PNG is held in memory whole, four bytes a pixel; scale big
		// drawings down rather than allocate gigabytes.
		if err := g.SafeSet("size", maxPNGInches, ""); err != nil {
			return nil, fmt.Errorf("render: set png size: %w", err)
		}
	}
	r.gv.SetLayout(graphviz.Layout(layout))
	var buf bytes.Buffer
	if err := r.gv.Render(ctx, g, graphvizFormat(format), &buf); err != nil {
		return nil, fmt.Errorf("render: %s %s: %w", layout, format, err)
	}
	if buf.Len() == 0 {
		return nil, fmt.Errorf("render: %s %s: graphviz wrote nothing", layout, format)
	}
	return buf.Bytes(), nil
}

// dropLocked discards the Graphviz instance after a failure that may have
// left it unusable; the next render starts a fresh one. The WebAssembly
// module itself lives as long as the process.
func (r *Renderer) dropLocked() {
	if r.gv == nil {
		return
	}
	func() {
		defer func() { _ = recover() }()
		_ = r.gv.Close()
	}()
	r.gv = nil
}

// Close waits for the render in progress, if any, and releases Graphviz
// (in a pool, ends every worker at once).
// Later renders return [ErrClosed]. Close returns nil: Graphviz reports,
// on release, the errors of earlier renders, which have been returned
// already.
func (r *Renderer) Close() error {
	if r.pool != nil {
		r.pool.close()
		return nil
	}
	wasmMu.Lock()
	defer wasmMu.Unlock()
	if r.closed {
		return nil
	}
	r.closed = true
	r.dropLocked()
	return nil
}
