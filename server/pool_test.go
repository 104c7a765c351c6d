package server_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"conceptgraph/graph"
	"conceptgraph/graph/render"
	"conceptgraph/server"
)

// The test binary doubles as a render worker, as conceptgraph's hidden
// render-worker command does, so that servers here can draw in worker
// processes as serve does.
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

// newPool starts a pool of render workers for the rest of the test.
func newPool(t testing.TB, opts render.PoolOptions) *render.Renderer {
	t.Helper()
	opts.Command = func() *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "CONCEPTGRAPH_RENDER_WORKER=1")
		cmd.Stderr = os.Stderr
		return cmd
	}
	r, err := render.NewPool(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = r.Close() })
	return r
}

// poolServer serves bigGraph(n) drawing with r.
func poolServer(t testing.TB, n int, r *render.Renderer, budget time.Duration) string {
	t.Helper()
	v, ok := bigGraphs.Load(n)
	if !ok {
		v, _ = bigGraphs.LoadOrStore(n, bigGraph(n))
	}
	g := v.(*graph.Graph)
	s, err := server.New(context.Background(), server.Options{
		Load:         func(context.Context) (*graph.Graph, []error, error) { return g, nil, nil },
		Renderer:     r,
		RenderBudget: budget,
	})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return ts.URL
}

// A drawing past its budget answers 503 and stops drawing: views asked
// meanwhile and afterwards are drawn, and asking for it again answers at
// once without drawing it again.
func TestSlowDrawingLetsOthersThrough(t *testing.T) {
	start := time.Now()
	pool := newPool(t, render.PoolOptions{Workers: 2})
	spawn := time.Since(start)
	base := poolServer(t, 2000, pool, time.Minute)
	// Both workers started, then the budget: fifty times a fresh drawing
	// of a small view and ten times starting a worker, measured here.
	var wg sync.WaitGroup
	for _, id := range []string{"c01990", "c01991"} {
		wg.Go(func() { _, _, _ = fetch(base + "/api/svg?focus=" + id) })
	}
	wg.Wait()
	start = time.Now()
	if code, _, body := getURL(t, base+"/api/svg?focus=c01999"); code != 200 {
		t.Fatalf("small view = %d %s", code, body)
	}
	budget := 50*time.Since(start) + 10*spawn
	t.Logf("render budget %v: fifty times a small view's drawing and ten times a worker's start (%v)", budget, spawn)
	base = poolServer(t, 2000, pool, budget)
	slow := "/api/svg?layout=circo&depth=2&focus=c00000" // 300 concepts around the biggest hub, in circles

	renders := pool.Stats().Renders
	slowDone := make(chan int, 1)
	go func() {
		code, _, _ := fetch(base + slow)
		slowDone <- code
	}()
	for pool.Stats().Renders == renders { // the slow drawing has started
		select {
		case code := <-slowDone:
			t.Skipf("circo drew 300 concepts within %v (%d): this machine is too fast for the test", budget, code)
		case <-time.After(time.Millisecond):
		}
	}
	if code, _, body := getURL(t, base+"/api/svg?focus=c01998"); code != 200 {
		t.Errorf("a small view asked while a slow one draws = %d %.200s, want it drawn (budget %v)", code, body, budget)
	}
	if code := <-slowDone; code != 503 {
		t.Skipf("circo drew 300 concepts within %v (%d): this machine is too fast for the test", budget, code)
	}
	if code, _, body := getURL(t, base+"/api/svg?focus=c01997"); code != 200 {
		t.Errorf("a small view asked after a slow one failed = %d %.200s, want it drawn (budget %v)", code, body, budget)
	}
	before := pool.Stats()
	if code, _, _ := getURL(t, base+slow); code != 503 {
		t.Errorf("the slow view asked again = %d, want 503 at once", code)
	}
	if after := pool.Stats(); after.Renders != before.Renders || after.Killed < 1 {
		t.Errorf("pool stats %+v after %+v, want the slow drawing's worker killed and it not drawn again", after, before)
	}
}

// Drawings in worker processes, in parallel, come back whole in every
// drawn format.
func TestPoolConcurrentExports(t *testing.T) {
	base := poolServer(t, 2000, newPool(t, render.PoolOptions{}), time.Minute)
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for i := range 12 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			format := []string{"svg", "png", "graphml"}[i%3]
			code, body, err := fetch(fmt.Sprintf("%s/api/export?format=%s&focus=c%05d", base, format, 1000+i))
			if err != nil {
				errs <- err
				return
			}
			want := map[string]string{"svg": "<svg", "png": "\x89PNG", "graphml": "<graphml"}[format]
			if code != 200 || !strings.Contains(string(body), want) {
				errs <- fmt.Errorf("%s of c%05d = %d %.100s", format, 1000+i, code, body)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// BenchmarkDistinctDrawings asks for b.N distinct depth-2 drawings on a
// graph of 20,000 concepts, drawn in this process or in a pool of two
// workers, and reports how much memory the drawing grew: this process's
// resident memory, plus for the pool the most a worker held beyond what a
// fresh one holds.
func BenchmarkDistinctDrawings(b *testing.B) {
	for _, mode := range []string{"in-process", "pool"} {
		b.Run(mode, func(b *testing.B) {
			var r *render.Renderer
			if mode == "pool" {
				r = newPool(b, render.PoolOptions{})
			} else {
				r = sharedRenderer(b)
			}
			base := poolServer(b, 20_000, r, time.Minute)
			if code, _, _ := getURL(b, base+"/api/svg?focus=c19999&depth=2"); code != 200 {
				b.Fatal(code)
			}
			fresh := r.Stats().Peak
			before := residentBytes()
			i := 0
			for b.Loop() {
				if code, _, body := getURL(b, fmt.Sprintf("%s/api/svg?depth=2&focus=c%05d", base, 100+i*7%19000)); code != 200 {
					b.Fatalf("%d %.200s", code, body)
				}
				i++
			}
			b.ReportMetric(float64(residentBytes()-before)/(1<<20), "MiB-grown")
			if st := r.Stats(); mode == "pool" {
				b.ReportMetric(float64(st.Peak-fresh)/(1<<20), "MiB-worker-grown")
				b.ReportMetric(float64(st.Replaced), "replaced")
			}
		})
	}
}

// residentBytes is this process's resident memory, where /proc tells.
func residentBytes() int64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	var size, resident int64
	fmt.Sscan(string(b), &size, &resident)
	return resident * int64(os.Getpagesize())
}

// fetch gets u, for goroutines other than the test's.
func fetch(u string) (int, []byte, error) {
	resp, err := http.Get(u)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return resp.StatusCode, body, err
}
