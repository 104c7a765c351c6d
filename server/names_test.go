package server_test

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"conceptgraph/server"
)

// unknownName is a name of n characters, Hangul and Latin, that no
// concept goes by.
func unknownName(n int) string {
	return strings.Repeat("없", n/2) + strings.Repeat("z", n-n/2)
}

// BenchmarkUnknownName asks for a concept no one named, on a graph of
// 20,000 concepts, by names of growing length (10,000 is refused by the
// name cap); /api/health in the same run is the baseline.
func BenchmarkUnknownName(b *testing.B) {
	s, _ := bigServer(b, 20_000, server.Options{})
	h := s.Handler()
	for _, n := range []int{10, server.MaxNameLen, 10_000} {
		b.Run("len="+strconv.Itoa(n), func(b *testing.B) {
			req := httptest.NewRequest("GET", "/api/concepts/"+url.PathEscape(unknownName(n)), nil)
			for b.Loop() {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code == http.StatusOK {
					b.Fatal("found")
				}
			}
		})
	}
	b.Run("health", func(b *testing.B) {
		req := httptest.NewRequest("GET", "/api/health", nil)
		for b.Loop() {
			h.ServeHTTP(httptest.NewRecorder(), req)
		}
	})
}

// logBuffer collects the server's log as text.
type logBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// A name longer than a name may be is refused at once on every route that
// resolves names, without being echoed in the answer or the log.
func TestLongNames(t *testing.T) {
	var logs logBuffer
	_, base := bigServer(t, 20_000, server.Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	long := url.QueryEscape(unknownName(10_000))
	for _, tt := range []struct{ path, param string }{
		{"/api/concepts/" + long, "id"},
		{"/api/concepts?q=" + long, "q"},
		{"/api/view?focus=" + long, "focus"},
		{"/api/neighborhood?focus=" + long, "focus"},
		{"/api/svg?focus=" + long, "focus"},
		{"/api/export?format=json&focus=" + long, "focus"},
		{"/api/view?ids=c00001," + long, "ids"},
		{"/api/path?from=c00001&to=" + long, "to"},
		{"/api/prerequisites?of=" + long, "of"},
		{"/api/svg?focus=c00001&layout=" + long, "layout"},
		{"/api/graph?types=" + long, "types"},
	} {
		code, _, body := getURL(t, base+tt.path)
		var e errorBody
		if err := json.Unmarshal(body, &e); err != nil || code != 400 || !strings.HasPrefix(e.Error, "parameter "+tt.param+": ") {
			t.Errorf("GET %.60s… = %d %.200s, want 400 naming parameter %s", tt.path, code, body, tt.param)
		}
		if len(body) > 500 {
			t.Errorf("GET %.60s… answers %d bytes, want a short message that does not echo the name", tt.path, len(body))
		}
	}
	for _, line := range strings.Split(logs.String(), "\n") {
		if len(line) > 1000 {
			t.Errorf("a log line of %d bytes, want requests logged without echoing what they sent: %.200s…", len(line), line)
		}
	}
	// At the cap, "did you mean" costs about what it costs for a short
	// misspelling (it once grew with the name's length times the number of
	// concepts: 0.43 s against 24 ms here).
	timeGet := func(path string, want int) time.Duration {
		start := time.Now()
		if code, _, body := getURL(t, base+path); code != want {
			t.Fatalf("GET %.60s… = %d %.200s, want %d", path, code, body, want)
		}
		return time.Since(start)
	}
	var short, capped []time.Duration
	for range 7 {
		short = append(short, timeGet("/api/concepts/"+url.PathEscape(unknownName(10)), 404))
		capped = append(capped, timeGet("/api/concepts/"+url.PathEscape(unknownName(server.MaxNameLen)), 404))
	}
	ms, mc := median(short), median(capped)
	t.Logf("unknown name on 20,000 concepts: 10 characters %v, %d characters %v (%.1f×)", ms, server.MaxNameLen, mc, float64(mc)/float64(ms))
	if mc > 5*ms {
		t.Errorf("an unknown name of %d characters takes %v, %.1f× one of 10 (%v); want no more than 5×", server.MaxNameLen, mc, float64(mc)/float64(ms), ms)
	}
}

func median(ds []time.Duration) time.Duration {
	ds = slices.Clone(ds)
	slices.Sort(ds)
	return ds[len(ds)/2]
}

func getURL(t testing.TB, u string) (int, http.Header, []byte) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, body
}
