package render_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"testing"
	"time"

	"conceptgraph/graph"
	"conceptgraph/graph/internal/graphtest"
	"conceptgraph/graph/render"
)

// The test binary doubles as a render worker, as conceptgraph's hidden
// render-worker command does.
func TestMain(m *testing.M) {
	if os.Getenv("CONCEPTGRAPH_RENDER_WORKER") == "1" {
		if err := render.ServeWorker(os.Stdin, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func workerCommand() *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "CONCEPTGRAPH_RENDER_WORKER=1")
	cmd.Stderr = os.Stderr
	return cmd
}

func newPool(t testing.TB, opts render.PoolOptions) *render.Renderer {
	t.Helper()
	opts.Command = workerCommand
	r, err := render.NewPool(context.Background(), opts)
	if err != nil {
		t.Fatalf("NewPool = %v", err)
	}
	t.Cleanup(func() { _ = r.Close() })
	return r
}

// A pool draws what the renderer in this process draws, byte for byte.
func TestPoolRenders(t *testing.T) {
	local := newRenderer(t)
	p := newPool(t, render.PoolOptions{})
	d := dot(t, graphtest.Korean(), graph.DOTOptions{})
	for _, f := range render.Formats {
		want, err := local.Render(context.Background(), d, f, "")
		if err != nil {
			t.Fatal(err)
		}
		got, err := p.Render(context.Background(), d, f, "")
		if err != nil {
			t.Fatalf("pool Render(%s) = %v", f, err)
		}
		if f != render.PNG && !bytes.Equal(got, want) {
			t.Errorf("pool Render(%s) differs from the renderer in this process", f)
		}
		if f == render.PNG && !bytes.HasPrefix(got, []byte("\x89PNG")) {
			t.Errorf("pool Render(png) is not a PNG")
		}
	}
	if _, err := p.Render(context.Background(), []byte("digraph {"), render.SVG, ""); err == nil {
		t.Error("pool Render(bad DOT) = nil error")
	}
	if _, err := p.Render(context.Background(), d, render.SVG, ""); err != nil {
		t.Errorf("pool Render after a bad DOT = %v, want the worker still drawing", err)
	}
	if p.Font() != local.Font() {
		t.Errorf("pool Font = %q, want %q as in this process", p.Font(), local.Font())
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Render(context.Background(), d, render.SVG, ""); !errors.Is(err, render.ErrClosed) {
		t.Errorf("Render after Close = %v, want ErrClosed", err)
	}
}

// distinctViews returns the DOT of n different depth-2 views of one graph.
func distinctViews(t testing.TB, n int) [][]byte {
	t.Helper()
	g := graphtest.Synthetic(800, 2400)
	var out [][]byte
	for i := range n {
		v, err := g.Neighborhood(fmt.Sprintf("c%03d", i%800), 2, nil)
		if err != nil {
			t.Fatal(err)
		}
		layout := graph.Layouts[(i/800)%len(graph.Layouts)]
		out = append(out, dot(t, v, graph.DOTOptions{Layout: layout}))
	}
	return out
}

// Memory stays bounded however many drawings are made: a worker that holds
// more than its limit after a drawing is replaced. The limit is set a
// little above what a worker holds after its first drawing, measured here.
func TestPoolMemoryBounded(t *testing.T) {
	views := distinctViews(t, 1000)
	first := newPool(t, render.PoolOptions{Workers: 1})
	if _, err := first.Render(context.Background(), views[0], render.SVG, ""); err != nil {
		t.Fatal(err)
	}
	baseline := first.Stats().Peak
	first.Close()
	const headroom = 16 << 20
	p := newPool(t, render.PoolOptions{Workers: 1, MaxMemory: baseline + headroom})
	drawn := 0
	for _, v := range views {
		if _, err := p.Render(context.Background(), v, render.SVG, ""); err != nil {
			t.Fatal(err)
		}
		drawn++
		if p.Stats().Replaced >= 2 {
			break
		}
	}
	st := p.Stats()
	t.Logf("%d drawings: %d workers started, %d replaced; a worker held %d MiB after its first drawing, at most %d MiB (limit %d MiB)",
		drawn, st.Started, st.Replaced, baseline>>20, st.Peak>>20, (baseline+headroom)>>20)
	if st.Replaced < 2 {
		t.Fatalf("%d distinct drawings replaced %d workers, want the limit of %d MiB passed twice", drawn, st.Replaced, (baseline+headroom)>>20)
	}
	// Between replacements a worker grows by one drawing at most (and
	// whatever the Go runtime allocates at once for it): twice the limit
	// is generous.
	if limit := baseline + headroom; st.Peak > 2*limit {
		t.Errorf("a worker held %d MiB, want no more than twice its limit of %d MiB", st.Peak>>20, limit>>20)
	}
}

// A drawing abandoned because its context ended kills its worker, so the
// next drawing, within the same budget, is drawn by a fresh one instead of
// waiting for the abandoned one to finish.
func TestPoolAbandonedDrawing(t *testing.T) {
	start := time.Now()
	p := newPool(t, render.PoolOptions{Workers: 1})
	spawn := time.Since(start)
	small := dot(t, graphtest.Korean(), graph.DOTOptions{})
	// The budget: fifty times a small drawing and ten times starting a
	// worker, measured here.
	start = time.Now()
	if _, err := p.Render(context.Background(), small, render.SVG, ""); err != nil {
		t.Fatal(err)
	}
	budget := 50*time.Since(start) + 10*spawn
	t.Logf("budget %v: a worker started in %v", budget, spawn)
	slow := dot(t, graphtest.Synthetic(300, 3000), graph.DOTOptions{Layout: "circo"})
	ctx, cancel := context.WithTimeout(context.Background(), budget)
	_, err := p.Render(ctx, slow, render.SVG, "")
	cancel()
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Skipf("circo drew 300 concepts within %v (%v): this machine is too fast for the test", budget, err)
	}
	ctx, cancel = context.WithTimeout(context.Background(), budget)
	defer cancel()
	if _, err := p.Render(ctx, small, render.SVG, ""); err != nil {
		t.Errorf("a small drawing after an abandoned one = %v, want it drawn within the same budget (%v)", err, budget)
	}
	if st := p.Stats(); st.Killed != 1 || st.Started != 2 {
		t.Errorf("stats %+v, want the abandoned drawing's worker killed and one more started", st)
	}
}

// BenchmarkManyDrawings makes b.N distinct drawings in this process, and
// in a pool of one worker with a limit of 64 MiB, and reports how much
// memory the drawing process grew by: in this process it only grows.
func BenchmarkManyDrawings(b *testing.B) {
	views := distinctViews(b, 4000)
	b.Run("in-process", func(b *testing.B) {
		r := newRenderer(b)
		if _, err := r.Render(context.Background(), views[0], render.SVG, ""); err != nil {
			b.Fatal(err)
		}
		before := rss()
		i := 0
		for b.Loop() {
			if _, err := r.Render(context.Background(), views[1+i%(len(views)-1)], render.SVG, ""); err != nil {
				b.Fatal(err)
			}
			i++
		}
		b.ReportMetric(float64(rss()-before)/(1<<20), "MiB-grown")
	})
	b.Run("pool", func(b *testing.B) {
		first := newPool(b, render.PoolOptions{Workers: 1})
		if _, err := first.Render(context.Background(), views[0], render.SVG, ""); err != nil {
			b.Fatal(err)
		}
		baseline := first.Stats().Peak
		first.Close()
		p := newPool(b, render.PoolOptions{Workers: 1, MaxMemory: baseline + 64<<20})
		i := 0
		for b.Loop() {
			if _, err := p.Render(context.Background(), views[1+i%(len(views)-1)], render.SVG, ""); err != nil {
				b.Fatal(err)
			}
			i++
		}
		st := p.Stats()
		b.ReportMetric(float64(st.Peak-baseline)/(1<<20), "MiB-grown")
		b.ReportMetric(float64(st.Replaced), "replaced")
	})
}

// rss is this process's resident memory, in bytes, or 0 where /proc does
// not tell.
func rss() int64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	var size, resident int64
	fmt.Sscan(string(b), &size, &resident)
	return resident * int64(os.Getpagesize())
}
