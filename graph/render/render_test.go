package render_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"image/png"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"conceptgraph/graph"
	"conceptgraph/graph/internal/graphtest"
	"conceptgraph/graph/render"
)

func newRenderer(t testing.TB) *render.Renderer {
	t.Helper()
	r, err := render.New(context.Background())
	if err != nil {
		t.Fatalf("New = %v", err)
	}
	t.Cleanup(func() {
		if err := r.Close(); err != nil {
			t.Errorf("Close = %v", err)
		}
	})
	return r
}

func dot(t testing.TB, g *graph.Graph, opts graph.DOTOptions) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := g.WriteDOT(&b, opts); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// checkSVG fails unless svg is well-formed XML with an <svg> root that has
// an element with each of ids.
func checkSVG(t testing.TB, svg []byte, ids ...string) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(svg))
	found := map[string]bool{}
	root := ""
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not XML: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			if root == "" {
				root = se.Name.Local
			}
			for _, a := range se.Attr {
				if a.Name.Local == "id" {
					found[a.Value] = true
				}
			}
		}
	}
	if root != "svg" {
		t.Fatalf("SVG root = <%s>, want <svg>", root)
	}
	for _, id := range ids {
		if !found[id] {
			t.Errorf("SVG has no element with id %q", id)
		}
	}
}

func nodeIDs(g *graph.Graph) []string {
	var ids []string
	for _, c := range g.Concepts() {
		ids = append(ids, graph.NodeElementID(c.ID))
	}
	return ids
}

func TestRenderFormats(t *testing.T) {
	r := newRenderer(t)
	g := graphtest.Korean()
	src := dot(t, g, graph.DOTOptions{})
	ctx := context.Background()

	svg, err := r.Render(ctx, src, render.SVG, "")
	if err != nil {
		t.Fatalf("Render(svg) = %v", err)
	}
	checkSVG(t, svg, nodeIDs(g)...)

	out, err := r.Render(ctx, src, render.PNG, "")
	if err != nil {
		t.Fatalf("Render(png) = %v", err)
	}
	img, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("Render(png) is not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() < 200 || b.Dy() < 100 {
		t.Errorf("Render(png) is %v, want a drawing of four nodes", b)
	}
	if r.Font() == "" {
		t.Log("no CJK font found: Hangul in PNG will not show (apt-get install fonts-noto-cjk)")
	}

	laid, err := r.Render(ctx, src, render.DOT, "")
	if err != nil {
		t.Fatalf("Render(dot) = %v", err)
	}
	if !bytes.Contains(laid, []byte("pos=")) {
		t.Errorf("Render(dot) has no positions:\n%s", laid)
	}

	js, err := r.Render(ctx, src, render.JSON, "")
	if err != nil {
		t.Fatalf("Render(json) = %v", err)
	}
	pos, err := render.Positions(js)
	if err != nil {
		t.Fatalf("Positions(Render(json)) = %v", err)
	}
	for _, c := range g.Concepts() {
		p, ok := pos[c.ID]
		if !ok {
			t.Errorf("Positions has no %q", c.ID)
			continue
		}
		if p[0] <= 0 || p[1] >= 0 {
			t.Errorf("Positions[%q] = %v, want x > 0 and y < 0 (y grows downward from the top edge at 0)", c.ID, p)
		}
	}
}

func TestRenderLayouts(t *testing.T) {
	r := newRenderer(t)
	g := graphtest.Synthetic(40, 60)
	for _, layout := range graph.Layouts {
		t.Run(layout, func(t *testing.T) {
			// The layout named in the DOT, and the same given explicitly.
			src := dot(t, g, graph.DOTOptions{Layout: layout})
			for _, arg := range []string{"", layout} {
				svg, err := r.Render(context.Background(), src, render.SVG, arg)
				if err != nil {
					t.Fatalf("Render(%s, layout %q) = %v", layout, arg, err)
				}
				checkSVG(t, svg, nodeIDs(g)...)
			}
		})
	}
}

func TestRenderRejects(t *testing.T) {
	r := newRenderer(t)
	ctx := context.Background()
	src := dot(t, graphtest.Korean(), graph.DOTOptions{})
	tests := []struct {
		name   string
		dot    []byte
		format render.Format
		layout string
	}{
		{"bad format", src, "pdf", ""},
		{"bad layout", src, render.SVG, "twopi"},
		{"bad layout attribute", []byte(`digraph { graph [layout="osage"]; a -> b }`), render.SVG, ""},
		{"syntax error", []byte(`digraph { a -> }`), render.SVG, ""},
		{"not dot", []byte("<svg/>"), render.SVG, ""},
	}
	for _, tt := range tests {
		if _, err := r.Render(ctx, tt.dot, tt.format, tt.layout); err == nil || !strings.HasPrefix(err.Error(), "render: ") {
			t.Errorf("Render(%s) = %v, want an error starting with \"render: \"", tt.name, err)
		}
	}
	// A failed render leaves the renderer working.
	svg, err := r.Render(ctx, src, render.SVG, "")
	if err != nil {
		t.Fatalf("Render after failures = %v", err)
	}
	checkSVG(t, svg, nodeIDs(graphtest.Korean())...)
}

// TestRenderConcurrent renders different graphs from several goroutines at
// once (run it with -race) and checks each gets exactly what a render on
// its own gives.
func TestRenderConcurrent(t *testing.T) {
	r := newRenderer(t)
	ctx := context.Background()
	const workers, each = 4, 3
	srcs := make([][]byte, workers)
	want := make([][]byte, workers)
	for i := range srcs {
		srcs[i] = dot(t, graphtest.Synthetic(8+4*i, 10+6*i), graph.DOTOptions{})
		var err error
		if want[i], err = r.Render(ctx, srcs[i], render.SVG, ""); err != nil {
			t.Fatal(err)
		}
	}
	var wg sync.WaitGroup
	errs := make(chan error, workers*each)
	for i := range workers {
		wg.Go(func() {
			for range each {
				got, err := r.Render(ctx, srcs[i], render.SVG, "")
				if err != nil {
					errs <- err
					return
				}
				if !bytes.Equal(got, want[i]) {
					errs <- fmt.Errorf("worker %d: concurrent render differs from the render on its own", i)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestRenderContext(t *testing.T) {
	r := newRenderer(t)
	small := dot(t, graphtest.Korean(), graph.DOTOptions{})

	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := r.Render(cancelled, small, render.SVG, ""); !errors.Is(err, context.Canceled) {
		t.Errorf("Render(cancelled context) = %v, want context.Canceled", err)
	}

	// A view big enough to take a while unbounded.
	big := dot(t, graphtest.Synthetic(200, 300), graph.DOTOptions{Bounded: graph.BoundedOff})
	ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := r.Render(ctx, big, render.SVG, "")
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Render(1 ms budget) = %v, want context.DeadlineExceeded", err)
	}
	if d := time.Since(start); d > 250*time.Millisecond {
		t.Errorf("Render(1 ms budget) returned after %v, want at once", d)
	}

	// The abandoned render finishes in the background; the next waits
	// for it and works.
	svg, err := r.Render(context.Background(), small, render.SVG, "")
	if err != nil {
		t.Fatalf("Render after a timed-out render = %v", err)
	}
	checkSVG(t, svg, nodeIDs(graphtest.Korean())...)
}

func TestRenderClosed(t *testing.T) {
	r, err := render.New(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Close(); err != nil {
		t.Fatalf("Close = %v", err)
	}
	if err := r.Close(); err != nil {
		t.Errorf("second Close = %v, want nil", err)
	}
	src := dot(t, graphtest.Korean(), graph.DOTOptions{})
	if _, err := r.Render(context.Background(), src, render.SVG, ""); !errors.Is(err, render.ErrClosed) {
		t.Errorf("Render after Close = %v, want ErrClosed", err)
	}
}

// BenchmarkRenderSVG lays out and draws a 200-concept, ~300-relation view;
// MB/s counts DOT read.
func BenchmarkRenderSVG(b *testing.B) {
	r := newRenderer(b)
	g := graphtest.Synthetic(200, 300)
	for _, bench := range []struct {
		name    string
		bounded graph.Bounded
	}{{"bounded", graph.BoundedOn}, {"unbounded", graph.BoundedOff}} {
		b.Run(bench.name, func(b *testing.B) {
			src := dot(b, g, graph.DOTOptions{Bounded: bench.bounded})
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				if _, err := r.Render(context.Background(), src, render.SVG, ""); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestRenderPNGSizeCap(t *testing.T) {
	r := newRenderer(t)
	src := dot(t, graphtest.Synthetic(400, 400), graph.DOTOptions{Layout: "circo", NoLegend: true})
	out, err := r.Render(context.Background(), src, render.PNG, "")
	if err != nil {
		t.Fatalf("Render(png) = %v", err)
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("Render(png) is not a PNG: %v", err)
	}
	if cfg.Width > 4900 || cfg.Height > 4900 {
		t.Errorf("Render(png of 400 concepts) is %d×%d pixels, want at most 4800 a side", cfg.Width, cfg.Height)
	}
}
