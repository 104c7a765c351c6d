package server_test

import (
	"bufio"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"runtime"
	"strings"
	"testing"

	"conceptgraph/graph"
	"conceptgraph/server"
)

// On a vault of 20,000 concepts, whose hubs have well over a thousand
// neighbours, the overview keeps its size and every hub's view is trimmed
// to what can be drawn, saying how many concepts it left out, rather than
// refused.
func TestBigVaultViews(t *testing.T) {
	_, base := bigServer(t, 20_000, server.Options{})
	var st struct {
		Concepts, MaxDrawn int
		Hubs               []struct {
			ID     string
			Degree int
		}
	}
	getJSONURL(t, base+"/api/status", 200, &st)
	if st.Hubs[0].Degree <= st.MaxDrawn {
		t.Fatalf("the biggest hub has %d relations, want more than %d for this test", st.Hubs[0].Degree, st.MaxDrawn)
	}
	type view struct {
		Graph    graph.Document
		Omitted  int
		Elements map[string]string
	}
	var ov view
	getJSONURL(t, base+"/api/view?top=25", 200, &ov)
	if n := len(ov.Graph.Concepts); n > 25 || n < 10 {
		t.Errorf("overview of top=25 has %d concepts, want 10 to 25", n)
	}
	drawn(t, base+"/api/svg?top=25", ov.Elements)
	for _, h := range st.Hubs[:3] {
		for _, depth := range []int{1, 2} {
			var v view
			getJSONURL(t, base+fmt.Sprintf("/api/view?focus=%s&depth=%d", h.ID, depth), 200, &v)
			n := len(v.Graph.Concepts)
			var whole view
			getJSONURL(t, base+fmt.Sprintf("/api/neighborhood?focus=%s&depth=%d", h.ID, depth), 200, &whole)
			if n != st.MaxDrawn || v.Omitted != len(whole.Graph.Concepts)-n {
				t.Errorf("view of hub %s at depth %d = %d concepts, %d omitted; want %d, and the other %d of its neighbourhood omitted",
					h.ID, depth, n, v.Omitted, st.MaxDrawn, len(whole.Graph.Concepts)-st.MaxDrawn)
			}
		}
	}
	// The biggest hub is drawn, exactly as its view says, and a download
	// of it says what it left out.
	var v view
	getJSONURL(t, base+"/api/view?focus="+st.Hubs[0].ID, 200, &v)
	drawn(t, base+"/api/svg?focus="+st.Hubs[0].ID, v.Elements)
	code, _, body := getURL(t, base+"/api/export?format=svg&focus="+st.Hubs[0].ID)
	if want := fmt.Sprintf("%d of %d concepts", st.MaxDrawn, st.MaxDrawn+v.Omitted); code != 200 || !strings.Contains(string(body), want) {
		t.Errorf("SVG download of hub %s = %d, want a caption %q", st.Hubs[0].ID, code, want)
	}
	// The whole graph is refused as a drawing, and as its companion
	// data, before any work; as data it is served.
	for _, path := range []string{"/api/view", "/api/svg"} {
		var e errorBody
		getJSONURL(t, base+path, 413, &e)
		if !strings.Contains(e.Error, "focus") {
			t.Errorf("GET %s = 413 %q, want it to suggest a focus", path, e.Error)
		}
	}
	if code, _, _ := getURL(t, base+"/api/graph"); code != 200 {
		t.Errorf("GET /api/graph = %d, want 200", code)
	}
}

// drawn checks that the SVG at u draws every element of its view.
func drawn(t *testing.T, u string, elements map[string]string) {
	t.Helper()
	code, _, body := getURL(t, u)
	if code != 200 {
		t.Fatalf("GET %s = %d %.300s", u, code, body)
	}
	if err := xml.Unmarshal(body, new(struct {
		XMLName xml.Name `xml:"svg"`
	})); err != nil {
		t.Fatalf("GET %s: not SVG: %v", u, err)
	}
	ids := svgIDs(t, body)
	for el := range elements {
		if !ids[el] {
			t.Errorf("GET %s: no element %s", u, el)
		}
	}
}

func getJSONURL(t *testing.T, u string, want int, v any) {
	t.Helper()
	code, _, body := getURL(t, u)
	if code != want {
		t.Fatalf("GET %s = %d %.300s, want %d", u, code, body, want)
	}
	if err := json.Unmarshal(body, v); err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
}

// /api/graph is serialised once per graph version: requests after the
// first allocate next to nothing, and connections that never read their
// answer share one copy of it instead of holding one each.
func TestGraphJSONOnce(t *testing.T) {
	_, base := bigServer(t, 20_000, server.Options{})
	size := fetchSize(t, base+"/api/graph")
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	const requests = 10
	for range requests {
		if n := fetchSize(t, base+"/api/graph"); n != size {
			t.Fatalf("GET /api/graph = %d bytes, then %d", size, n)
		}
	}
	runtime.ReadMemStats(&after)
	perRequest := float64(after.TotalAlloc-before.TotalAlloc) / requests
	t.Logf("/api/graph of 20,000 concepts: %d bytes; %.0f bytes allocated per request after the first (%.3f× the document)", size, perRequest, perRequest/float64(size))
	if perRequest > float64(size)/4 {
		t.Errorf("each /api/graph allocates %.0f bytes, %.2f× the %d-byte document: want it served from one serialisation", perRequest, perRequest/float64(size), size)
	}

	// Connections that ask and read only the headers.
	const stalled = 40
	runtime.GC()
	runtime.ReadMemStats(&before)
	u, _ := url.Parse(base)
	for range stalled {
		conn, err := net.Dial("tcp", u.Host)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		fmt.Fprintf(conn, "GET /api/graph HTTP/1.1\r\nHost: %s\r\n\r\n", u.Host)
		resp, err := http.ReadResponse(bufio.NewReaderSize(conn, 4096), nil)
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("stalled GET /api/graph: %v", err)
		}
		// The body is left unread: the server is stuck writing it.
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	grew := int64(after.HeapInuse) - int64(before.HeapInuse)
	t.Logf("%d connections that do not read /api/graph: heap grew %d bytes (%.2f× the document)", stalled, grew, float64(grew)/float64(size))
	if grew > int64(size) {
		t.Errorf("%d stalled /api/graph requests grew the heap by %d bytes, %.1f× the document: want them to share one copy", stalled, grew, float64(grew)/float64(size))
	}
}

// fetchSize reads u to the end and returns how many bytes it had.
func fetchSize(t *testing.T, u string) int64 {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s = %d", u, resp.StatusCode)
	}
	n, err := io.Copy(io.Discard, resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
