package server_test

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"conceptgraph/assets"
	"conceptgraph/extract"
	"conceptgraph/graph"
	"conceptgraph/graph/render"
	"conceptgraph/server"
)

var (
	rendererOnce sync.Once
	renderer     *render.Renderer
	rendererErr  error
)

// sharedRenderer starts Graphviz once for every test in the package.
func sharedRenderer(t testing.TB) *render.Renderer {
	t.Helper()
	rendererOnce.Do(func() { renderer, rendererErr = render.New(context.Background()) })
	if rendererErr != nil {
		t.Fatal(rendererErr)
	}
	return renderer
}

func sampleLoader(ctx context.Context) (*graph.Graph, []error, error) {
	var notes []extract.Note
	for _, f := range assets.Sample() {
		notes = append(notes, extract.Note{Name: f.Name, Data: f.Data})
	}
	res, err := extract.Notes(ctx, notes)
	if err != nil {
		return nil, nil, err
	}
	return res.Graph, res.Warnings, nil
}

// newSample returns a test server of the real engine over the sample.
func newSample(t testing.TB, opts server.Options) (*server.Server, *httptest.Server) {
	t.Helper()
	if opts.Load == nil {
		opts.Load = sampleLoader
	}
	opts.Renderer = sharedRenderer(t)
	s, err := server.New(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return s, ts
}

func get(t testing.TB, ts *httptest.Server, path string) (int, http.Header, []byte) {
	t.Helper()
	resp, err := http.Get(ts.URL + path)
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

func getJSON(t testing.TB, ts *httptest.Server, path string, wantStatus int, v any) {
	t.Helper()
	code, _, body := get(t, ts, path)
	if code != wantStatus {
		t.Fatalf("GET %s = %d %s, want %d", path, code, body, wantStatus)
	}
	if err := json.Unmarshal(body, v); err != nil {
		t.Fatalf("GET %s: %v in %s", path, err, body)
	}
}

type errorBody struct {
	Error       string `json:"error"`
	Suggestions []struct {
		ID, Name string
	} `json:"suggestions"`
}

func TestSearch(t *testing.T) {
	_, ts := newSample(t, server.Options{})
	tests := []struct {
		q, want string
	}{
		{"도커", "docker"},
		{"도커를", "docker"},             // particle-insensitive
		{"docker", "docker"},          // an alias, any case
		{"쿠버", "kubernetes"},          // prefix
		{"balancer", "load-balancer"}, // a later word of an alias
		{"컨테이너는", ""},                 // set below: the first hit is 컨테이너
	}
	for _, tt := range tests {
		var resp struct {
			Concepts []struct {
				ID, Name string
				Aliases  []string
			}
		}
		getJSON(t, ts, "/api/concepts?q="+url.QueryEscape(tt.q), 200, &resp)
		if len(resp.Concepts) == 0 {
			t.Errorf("search %q found nothing", tt.q)
			continue
		}
		if tt.want == "" {
			if resp.Concepts[0].Name != "컨테이너" {
				t.Errorf("search %q first = %s, want 컨테이너", tt.q, resp.Concepts[0].Name)
			}
			continue
		}
		if resp.Concepts[0].ID != tt.want {
			t.Errorf("search %q first = %s (%s), want %s", tt.q, resp.Concepts[0].ID, resp.Concepts[0].Name, tt.want)
		}
	}
}

func TestConcept(t *testing.T) {
	_, ts := newSample(t, server.Options{})
	var d struct {
		ID, Name, Summary string
		Aliases           []string
		Relations         []struct {
			Type, Direction string
			Other           struct{ ID, Name string }
			Evidence        []graph.Evidence
		}
	}
	getJSON(t, ts, "/api/concepts/"+url.PathEscape("DNS"), 200, &d)
	if d.ID != "dns" || d.Summary == "" || len(d.Relations) < 3 {
		t.Fatalf("DNS = %+v, want its summary and relations", d)
	}
	for _, r := range d.Relations {
		if len(r.Evidence) == 0 || r.Evidence[0].Line < 1 || r.Evidence[0].Text == "" {
			t.Errorf("relation %s %s %s has no evidence", r.Direction, r.Type, r.Other.Name)
		}
	}
	var e errorBody
	getJSON(t, ts, "/api/concepts/"+url.PathEscape("도컼"), 404, &e)
	if !strings.Contains(e.Error, "도컼") || len(e.Suggestions) == 0 || e.Suggestions[0].ID != "docker" {
		t.Errorf("unknown concept: %+v, want 404 naming it and suggesting 도커", e)
	}
}

func TestBadParams(t *testing.T) {
	_, ts := newSample(t, server.Options{})
	for _, path := range []string{
		"/api/view?depth=-1",
		"/api/view?depth=abc",
		"/api/svg?types=likes",
		"/api/svg?layout=twopi2",
		"/api/export?format=pdf",
		"/api/path?from=DNS",
		"/api/path?from=DNS&to=DHCP&directed=maybe",
		"/api/concepts?limit=0",
		"/api/neighborhood",
	} {
		var e errorBody
		getJSON(t, ts, path, 400, &e)
		if !strings.HasPrefix(e.Error, "parameter ") {
			t.Errorf("GET %s: error %q, want it to name the parameter", path, e.Error)
		}
	}
}

func TestViewAndSVG(t *testing.T) {
	_, ts := newSample(t, server.Options{})
	var v struct {
		Focus    struct{ ID, Name string }
		Graph    graph.Document
		Elements map[string]string
	}
	getJSON(t, ts, "/api/view?focus="+url.QueryEscape("가상화")+"&depth=1", 200, &v)
	if v.Focus.ID == "" || len(v.Graph.Concepts) < 3 {
		t.Fatalf("view of 가상화 = %+v", v)
	}
	code, hdr, body := get(t, ts, "/api/svg?focus="+url.QueryEscape("가상화")+"&depth=1")
	if code != 200 || !strings.HasPrefix(hdr.Get("Content-Type"), "image/svg+xml") {
		t.Fatalf("svg: %d %s", code, hdr.Get("Content-Type"))
	}
	if err := xml.Unmarshal(body, new(struct {
		XMLName xml.Name `xml:"svg"`
	})); err != nil {
		t.Fatalf("svg is not valid XML: %v", err)
	}
	// Every concept and relation of the view is drawn under the element id
	// the view names.
	ids := svgIDs(t, body)
	for el, id := range v.Elements {
		if !ids[el] {
			t.Errorf("svg lacks element %s for %s", el, id)
		}
	}
}

// svgIDs returns the id attributes of an SVG document, XML-decoded.
func svgIDs(t *testing.T, svg []byte) map[string]bool {
	t.Helper()
	ids := map[string]bool{}
	dec := xml.NewDecoder(strings.NewReader(string(svg)))
	dec.Strict = false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return ids
		}
		if err != nil {
			t.Fatalf("svg: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			for _, a := range se.Attr {
				if a.Name.Local == "id" {
					ids[a.Value] = true
				}
			}
		}
	}
}

func TestTooLarge(t *testing.T) {
	_, ts := newSample(t, server.Options{MaxDrawn: 20})
	var e errorBody
	getJSON(t, ts, "/api/svg", 413, &e)
	if !strings.Contains(e.Error, "focus") {
		t.Errorf("413 message %q should suggest a focus", e.Error)
	}
	// Data formats are not drawn and are not limited.
	if code, _, _ := get(t, ts, "/api/export?format=json"); code != 200 {
		t.Errorf("export json of the whole graph = %d, want 200", code)
	}
}

func TestExportDownloads(t *testing.T) {
	_, ts := newSample(t, server.Options{})
	for _, f := range render.ExportFormats {
		code, hdr, body := get(t, ts, "/api/export?format="+f+"&focus="+url.QueryEscape("쿠버네티스")+"&depth=1")
		if code != 200 || len(body) == 0 {
			t.Errorf("export %s = %d", f, code)
			continue
		}
		cd := hdr.Get("Content-Disposition")
		if !strings.HasPrefix(cd, "attachment") || !strings.Contains(cd, "."+render.Extension(f)) {
			t.Errorf("export %s: Content-Disposition %q", f, cd)
		}
	}
}

func TestPath(t *testing.T) {
	_, ts := newSample(t, server.Options{})
	var p struct {
		From, To struct{ ID string }
		Hops     []struct {
			From, To struct{ ID, Name string }
			Type     string
			Evidence []graph.Evidence
		}
	}
	getJSON(t, ts, "/api/path?from="+url.QueryEscape("Type-1 가상화")+"&to="+url.QueryEscape("도커"), 200, &p)
	if len(p.Hops) < 2 {
		t.Fatalf("path Type-1 가상화 → 도커 = %+v, want a chain", p)
	}
	if p.Hops[0].From.ID != p.From.ID || p.Hops[len(p.Hops)-1].To.ID != p.To.ID {
		t.Errorf("path does not run from %s to %s: %+v", p.From.ID, p.To.ID, p.Hops)
	}
	for _, h := range p.Hops {
		if len(h.Evidence) == 0 {
			t.Errorf("hop %s -%s-> %s has no evidence", h.From.Name, h.Type, h.To.Name)
		}
	}
	var all struct {
		Hops  []struct{ Type string }
		Paths [][]struct{ Type string }
	}
	getJSON(t, ts, "/api/path?all=true&max=3&from="+url.QueryEscape("Type-1 가상화")+"&to="+url.QueryEscape("도커"), 200, &all)
	if len(all.Paths) == 0 || len(all.Paths) > 3 || len(all.Paths[0]) != len(all.Hops) {
		t.Errorf("all paths = %d chains (first %d hops), want 1 to 3, the first the shortest (%d hops)", len(all.Paths), len(all.Paths[0]), len(all.Hops))
	}
}

func TestHostCheck(t *testing.T) {
	_, ts := newSample(t, server.Options{Addr: "127.0.0.1:8080"})
	for host, want := range map[string]int{"127.0.0.1:8080": 200, "localhost:8080": 200, "evil.example:8080": 421, "127.0.0.1:9999": 421} {
		req, _ := http.NewRequest("GET", ts.URL+"/api/status", nil)
		req.Host = host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %s: %d, want %d", host, resp.StatusCode, want)
		}
	}
}

func TestPage(t *testing.T) {
	_, ts := newSample(t, server.Options{})
	code, hdr, body := get(t, ts, "/")
	if code != 200 || !strings.Contains(hdr.Get("Content-Type"), "text/html") || !strings.Contains(string(body), "<") {
		t.Fatalf("GET / = %d %s", code, hdr.Get("Content-Type"))
	}
	if csp := hdr.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("page CSP = %q", csp)
	}
	if code, _, _ := get(t, ts, "/static/../../go.mod"); code != 404 {
		t.Errorf("path escape = %d, want 404", code)
	}
}

// Concurrent exports of several views, drawn and cached, must all come back
// whole: go-graphviz is not safe for concurrent use, the server must be.
func TestConcurrentExports(t *testing.T) {
	_, ts := newSample(t, server.Options{})
	focuses := []string{"도커", "DNS", "가상화", "로드 밸런서", "NoSQL", "프로세스"}
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for i := range 24 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f := focuses[i%len(focuses)]
			format := []string{"svg", "png", "graphml"}[i%3]
			resp, err := http.Get(ts.URL + "/api/export?format=" + format + "&depth=2&focus=" + url.QueryEscape(f))
			if err != nil {
				errs <- err
				return
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != 200 {
				errs <- fmt.Errorf("%s %s: %d %s", format, f, resp.StatusCode, body)
				return
			}
			switch format {
			case "svg":
				if err := xml.Unmarshal(body, new(struct {
					XMLName xml.Name `xml:"svg"`
				})); err != nil {
					errs <- fmt.Errorf("svg %s: %v", f, err)
				}
			case "png":
				if !strings.HasPrefix(string(body), "\x89PNG") {
					errs <- fmt.Errorf("png %s: not a PNG", f)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// A reload that fails keeps the last good graph and tells open pages.
func TestReloadKeepsLastGood(t *testing.T) {
	fail := false
	var mu sync.Mutex
	load := func(ctx context.Context) (*graph.Graph, []error, error) {
		mu.Lock()
		defer mu.Unlock()
		if fail {
			return nil, nil, fmt.Errorf("notes/x.md:3: invalid UTF-8")
		}
		return sampleLoader(ctx)
	}
	s, ts := newSample(t, server.Options{Load: load})
	events := subscribe(t, ts)
	if ev := <-events; ev.name != "hello" || ev.data.Version != 1 {
		t.Fatalf("first event = %+v, want hello at version 1", ev)
	}
	mu.Lock()
	fail = true
	mu.Unlock()
	if err := s.Reload(context.Background()); err == nil {
		t.Fatal("Reload = nil, want the loader's error")
	}
	ev := <-events
	if ev.name != "reload" || ev.data.Version != 2 || !strings.Contains(ev.data.Error, "x.md:3") {
		t.Errorf("event after a failed reload = %+v", ev)
	}
	var st struct {
		Concepts int
		Error    string
	}
	getJSON(t, ts, "/api/status", 200, &st)
	if st.Concepts < 50 || st.Error == "" {
		t.Errorf("status after failed reload = %+v, want the old graph and the error", st)
	}
	mu.Lock()
	fail = false
	mu.Unlock()
	if err := s.Reload(context.Background()); err != nil {
		t.Fatal(err)
	}
	if ev := <-events; ev.data.Version != 3 || ev.data.Error != "" {
		t.Errorf("event after a good reload = %+v", ev)
	}
}

type sse struct {
	name string
	data struct {
		Version int    `json:"version"`
		Error   string `json:"error"`
	}
}

// subscribe reads /api/events in the background.
func subscribe(t *testing.T, ts *httptest.Server) <-chan sse {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, "GET", ts.URL+"/api/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	out := make(chan sse, 16)
	go func() {
		defer resp.Body.Close()
		var ev sse
		buf := make([]byte, 0, 4096)
		tmp := make([]byte, 1024)
		for {
			n, err := resp.Body.Read(tmp)
			buf = append(buf, tmp[:n]...)
			for {
				i := strings.Index(string(buf), "\n\n")
				if i < 0 {
					break
				}
				block := string(buf[:i])
				buf = buf[i+2:]
				for _, line := range strings.Split(block, "\n") {
					if v, ok := strings.CutPrefix(line, "event: "); ok {
						ev.name = v
					}
					if v, ok := strings.CutPrefix(line, "data: "); ok {
						_ = json.Unmarshal([]byte(v), &ev.data)
					}
				}
				if ev.name != "" {
					out <- ev
				}
				ev = sse{}
			}
			if err != nil {
				return
			}
		}
	}()
	return out
}

// Editing a watched note reloads the graph: an editor's save through a
// temporary file and a rename, and a burst of writes, each one reload.
func TestWatchReloads(t *testing.T) {
	dir := t.TempDir()
	note := filepath.Join(dir, "n.md")
	write := func(s string) {
		tmp := filepath.Join(dir, ".n.md.swp")
		if err := os.WriteFile(tmp, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, note); err != nil {
			t.Fatal(err)
		}
	}
	write("**Kafka**\n\n- Kafka는 ZooKeeper를 사용한다.\n")
	r := extract.NewReader([]string{dir})
	load := func(ctx context.Context) (*graph.Graph, []error, error) {
		res, err := r.Read(ctx)
		if err != nil {
			return nil, nil, err
		}
		return res.Graph, res.Warnings, nil
	}
	s, ts := newSample(t, server.Options{Load: load})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go s.Watch(ctx, []string{dir})
	time.Sleep(100 * time.Millisecond) // let the watcher start
	events := subscribe(t, ts)
	<-events // hello
	for i := range 5 {
		write(fmt.Sprintf("**Kafka**\n\n- Kafka는 ZooKeeper를 사용한다.\n- 대표적으로 Redpanda%d 등이 있다.\n", i))
	}
	select {
	case ev := <-events:
		if ev.data.Version != 2 {
			t.Errorf("reload event = %+v, want version 2", ev)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no reload after editing a watched note")
	}
	var c struct{ ID string }
	getJSON(t, ts, "/api/concepts/Redpanda4", 200, &c)
	select {
	case ev := <-events:
		t.Errorf("a burst of saves gave a second reload: %+v", ev)
	case <-time.After(2 * server.Debounce):
	}
	// A note that turns unreadable keeps its last good version.
	if err := os.WriteFile(note, []byte("**Kafka**\n\xff\xfe"), 0o644); err != nil {
		t.Fatal(err)
	}
	select {
	case ev := <-events:
		if !strings.Contains(ev.data.Error, "n.md") {
			t.Errorf("event after a bad save = %+v, want the note named", ev)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no event after a bad save")
	}
	getJSON(t, ts, "/api/concepts/Redpanda4", 200, &c)
	// A deleted note takes its concepts with it.
	if err := os.WriteFile(filepath.Join(dir, "other.md"), []byte("# Other\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	<-events
	if err := os.Remove(note); err != nil {
		t.Fatal(err)
	}
	<-events
	var e errorBody
	getJSON(t, ts, "/api/concepts/Kafka", 404, &e)
}
