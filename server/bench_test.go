package server_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"conceptgraph/server"
)

// The API's handlers on the real engine, without the network, against
// /api/health (a handler that does nothing) in the same run: figures are
// read as ratios to it. b.SetBytes is the response size, so MB/s shows
// throughput.
func benchGet(b *testing.B, s *server.Server, path string) {
	b.Helper()
	h := s.Handler()
	req := httptest.NewRequest("GET", path, nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		b.Fatalf("GET %s = %d %s", path, rec.Code, rec.Body.String())
	}
	b.SetBytes(int64(rec.Body.Len()))
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
	}
}

func benchServer(b *testing.B) *server.Server {
	s, _ := newSample(b, server.Options{})
	return s
}

func BenchmarkHealth(b *testing.B) { benchGet(b, benchServer(b), "/api/health") }

func BenchmarkSearch(b *testing.B) {
	benchGet(b, benchServer(b), "/api/concepts?q="+url.QueryEscape("도커"))
}

func BenchmarkNeighborhood(b *testing.B) {
	benchGet(b, benchServer(b), "/api/neighborhood?depth=2&focus="+url.QueryEscape("가상화"))
}

func BenchmarkSVGCached(b *testing.B) {
	benchGet(b, benchServer(b), "/api/svg?depth=2&focus="+url.QueryEscape("가상화"))
}

// BenchmarkSVGUncached draws the depth-2 view of 가상화 afresh each time:
// a reload (outside the timer) empties the cache.
func BenchmarkSVGUncached(b *testing.B) {
	s := benchServer(b)
	h := s.Handler()
	req := httptest.NewRequest("GET", "/api/svg?depth=2&focus="+url.QueryEscape("가상화"), nil)
	for b.Loop() {
		b.StopTimer()
		if err := s.Reload(context.Background()); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("svg = %d", rec.Code)
		}
		b.SetBytes(int64(rec.Body.Len()))
	}
}
