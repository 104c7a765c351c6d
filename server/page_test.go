package server_test

import (
	"context"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"conceptgraph/graph"
	"conceptgraph/graph/render"
	"conceptgraph/server"
)

// page drives the explorer in a headless Chromium, for one test.
type page struct {
	t   *testing.T
	ctx context.Context
	url string
}

const pageReady = `document.body.dataset.state === "ready"`

// openPage starts a Chromium on the server ts at width×height, or skips
// the test when there is none (or in -short mode).
func openPage(t *testing.T, ts *httptest.Server, width, height int) *page {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	browser := chromium()
	if browser == "" {
		t.Skip("no Chromium found: install Debian's chromium (apt-get install chromium) to run the browser test")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(browser),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(width, height),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelTime(); cancel(); cancelAlloc() })
	p := &page{t: t, ctx: ctx, url: ts.URL}
	p.do("set the viewport", chromedp.EmulateViewport(int64(width), int64(height)))
	return p
}

// open loads path and waits for its drawing (or its message).
func (p *page) open(path string) {
	p.t.Helper()
	p.do("open "+path, chromedp.Navigate(p.url+path))
	p.poll("the view of "+path, pageReady+` && document.querySelector("#diagram svg, #view-error") !== null`)
}

// poll waits until the JavaScript expression is true.
func (p *page) poll(what, expr string) {
	p.t.Helper()
	if _, err := chromedp.Run(p.ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		state, _ := chromedp.Run(p.ctx, chromedp.Evaluate[string](`location.href + " " + document.body.dataset.state`))
		p.t.Fatalf("waiting for %s (%s): %v; page %s", what, expr, err, state)
	}
}

func (p *page) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, actions...); err != nil {
		p.t.Fatalf("%s: %v", what, err)
	}
}

func eval[T any](p *page, expr string) T {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		p.t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// shot saves a screenshot as a test artefact (go test -artifacts), and to
// $CONCEPTGRAPH_SCREENSHOTS when set.
func (p *page) shot(name string) {
	p.t.Helper()
	png, err := chromedp.Run(p.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		p.t.Fatalf("screenshot %s: %v", name, err)
	}
	for _, d := range []string{p.t.ArtifactDir(), os.Getenv("CONCEPTGRAPH_SCREENSHOTS")} {
		if d != "" {
			if err := os.WriteFile(filepath.Join(d, name+".png"), png, 0o644); err != nil {
				p.t.Error(err)
			}
		}
	}
}

// onScreen is a JavaScript function: whether an element shows whole within
// the window and is what a press at its centre reaches.
const onScreen = `(e) => {
  if (!e) return false;
  const r = e.getBoundingClientRect();
  if (!r.width || !r.height || r.left < 0 || r.top < 0 || r.right > innerWidth || r.bottom > innerHeight) return false;
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return hit === e || e.contains(hit);
}`

// The SKOS and Anki exports are buttons of the page, for the view shown.
func TestPageExportButtons(t *testing.T) {
	_, ts := newSample(t, server.Options{})
	p := openPage(t, ts, 1280, 800)
	p.open("/?focus=docker&depth=2")
	for _, tt := range []struct{ id, ctype, has string }{
		{"export-skos", "text/turtle", `skos:prefLabel "도커"@ko`},
		{"export-anki", "text/csv", "#separator:comma\n"},
	} {
		if !eval[bool](p, `(`+onScreen+`)(document.getElementById("`+tt.id+`"))`) {
			t.Errorf("#%s is not on screen at 1280×800", tt.id)
			continue
		}
		href := eval[string](p, `document.getElementById("`+tt.id+`").getAttribute("href")`)
		if !strings.Contains(href, "focus=docker") {
			t.Errorf("#%s href = %q, want the view shown (focus=docker)", tt.id, href)
		}
		code, hdr, body := get(t, ts, href)
		if code != 200 || !strings.HasPrefix(hdr.Get("Content-Type"), tt.ctype) || !strings.HasPrefix(hdr.Get("Content-Disposition"), "attachment") || !strings.Contains(string(body), tt.has) {
			t.Errorf("GET %s = %d %q %q %.40q, want a %s download", href, code, hdr.Get("Content-Type"), hdr.Get("Content-Disposition"), body, tt.ctype)
		}
	}
	p.shot("desktop-exports")
}

// "Compare with" in a learning order names the concepts, also those
// outside the order.
func TestPageCompareWithNames(t *testing.T) {
	_, ts := newSample(t, server.Options{})
	var lo graph.LearningOrderDocument
	getJSON(t, ts, "/api/prerequisites?of="+url.QueryEscape("멀티 프로세스"), 200, &lo)
	p := openPage(t, ts, 1280, 800)
	p.open("/?mode=prereq&of=" + url.QueryEscape("멀티-프로세스"))
	p.poll("the learning order", `document.querySelectorAll("#prereq-result .compare-line .concept-link").length > 0`)
	links := eval[[][2]string](p, `[...document.querySelectorAll("#prereq-result .compare-line .concept-link")].map((b) => [b.dataset.id, b.textContent])`)
	seen := false
	for _, l := range links {
		if l[1] != lo.Names[l[0]] {
			t.Errorf("compare with %s shows %q, want its name %q", l[0], l[1], lo.Names[l[0]])
		}
		seen = seen || l[0] == "멀티-스레드"
	}
	if !seen {
		t.Errorf("compare links %q, want 멀티 스레드 among them", links)
	}
	p.shot("compare-with")
}

// The whole graph draws the concepts that have relations and lists the
// others apart; each listed one opens its details.
func TestPageWholeGraph(t *testing.T) {
	_, ts := newSample(t, server.Options{})
	var v struct {
		Apart []struct{ ID, Name string }
	}
	getJSON(t, ts, "/api/view", 200, &v)
	p := openPage(t, ts, 1280, 800)
	p.open("/")
	p.do("whole graph", chromedp.Click(chromedp.CSS("#show-all")))
	p.poll("the whole graph", pageReady+` && new URLSearchParams(location.search).get("top") === "all" && !document.querySelector("#apart").hidden`)
	if got := eval[string](p, `document.querySelector("#apart-summary").textContent`); !strings.HasPrefix(got, plural(len(v.Apart), "concept")+" without relations") {
		t.Errorf("apart summary = %q, want it to count the %d concepts without relations", got, len(v.Apart))
	}
	listed := eval[[]string](p, `[...document.querySelectorAll("#apart-list button")].map((b) => b.dataset.id)`)
	if len(listed) != len(v.Apart) {
		t.Errorf("listed apart: %d concepts, want %d", len(listed), len(v.Apart))
	}
	for _, id := range listed {
		if eval[bool](p, `document.querySelector('#diagram svg g.node[data-concept="`+id+`"]') !== null`) {
			t.Errorf("%s is listed apart and drawn too", id)
		}
	}
	// Drawn with its components side by side: wider than tall.
	if ratio := eval[float64](p, `(() => { const b = document.querySelector("#diagram g.viewport").getBBox(); return b.width / b.height; })()`); ratio < 0.8 {
		t.Errorf("the whole graph's drawing is %.2f times as wide as tall, a column; want its components side by side", ratio)
	}
	first := v.Apart[0]
	p.do("open the list", chromedp.Click(chromedp.CSS("#apart-summary")))
	p.do("pick "+first.Name, chromedp.Click(chromedp.CSS(`#apart-list button[data-id="`+first.ID+`"]`)))
	p.poll("its details", pageReady+` && document.querySelector("#panel-title")?.textContent === "`+first.Name+`"`)
	p.shot("whole-graph")
}

// At phone width every export is reachable, through a menu rather than a
// toolbar running off screen, and opening the bottom sheet leaves the
// view's title clear of the drawing.
func TestPagePhone(t *testing.T) {
	_, ts := newSample(t, server.Options{})
	p := openPage(t, ts, 390, 844)
	p.open("/")
	p.poll("the overview", `document.querySelectorAll("#diagram svg g.node.concept").length >= 10`)
	if over := eval[int](p, `(() => { const b = document.querySelector(".toolbar"); return b.scrollWidth - b.clientWidth; })()`); over > 0 {
		t.Errorf("the toolbar runs %d px off screen at 390 px", over)
	}
	if off := eval[[]string](p, `[...document.querySelectorAll(".toolbar button, .toolbar select")].filter((e) => e.offsetParent && !(`+onScreen+`)(e)).map((e) => e.id)`); len(off) > 0 {
		t.Errorf("toolbar controls off screen at 390 px: %q", off)
	}
	// The legend may scroll sideways, but then it shows that it does.
	if eval[bool](p, `(() => { const l = document.querySelector("#legend"); return l.scrollWidth > l.clientWidth && getComputedStyle(l).maskImage === "none"; })()`) {
		t.Error("the legend runs off screen with no cue")
	}
	p.do("open the exports", chromedp.Click(chromedp.CSS("#export-toggle")))
	p.poll("the export menu", `document.querySelector("#export-toggle").getAttribute("aria-expanded") === "true"`)
	links := eval[[][2]any](p, `[...document.querySelectorAll("#export-links a")].map((a) => [a.id, (`+onScreen+`)(a)])`)
	if len(links) != len(render.ExportFormats) {
		t.Errorf("%d export links, want %d (%v)", len(links), len(render.ExportFormats), render.ExportFormats)
	}
	for _, l := range links {
		if l[1] != true {
			t.Errorf("export %v is not reachable at 390 px", l[0])
		}
	}
	p.shot("phone-exports")
	p.do("close the exports", chromedp.KeyEvent(kb.Escape))
	p.poll("the menu closed", `!(`+onScreen+`)(document.querySelector("#export-svg"))`)

	// Select a concept: the bottom sheet opens with its details. (The
	// one tapped is one the screen shows: where the overview puts a
	// concept depends on the notes, and the sheet's handle covers the
	// bottom.)
	id := eval[string](p, `(() => {
	  for (const g of document.querySelectorAll("#diagram svg g.node.concept")) {
	    const r = g.getBoundingClientRect();
	    if (document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)?.closest("g.node") === g) return g.dataset.concept;
	  }
	  return "";
	})()`)
	if id == "" {
		t.Fatal("no concept of the overview can be tapped at 390 px")
	}
	p.do("tap "+id, chromedp.Click(chromedp.CSS(`#diagram svg g.node[data-concept="`+id+`"]`)))
	p.poll("the sheet", pageReady+` && document.body.classList.contains("sheet-open") && new URLSearchParams(location.search).get("sel") === "`+id+`" && document.querySelector("#panel-title")?.textContent !== ""`)
	// What shows of the drawing (its part inside the #diagram box) stays
	// clear of the title.
	covered := eval[[]string](p, `(() => {
	  const t = document.querySelector("#view-title").getBoundingClientRect();
	  const box = document.querySelector("#diagram").getBoundingClientRect();
	  const out = [];
	  for (const e of document.querySelectorAll("#diagram svg g.node, #diagram svg g.edge text")) {
	    const r = e.getBoundingClientRect();
	    const v = { l: Math.max(r.left, box.left), t: Math.max(r.top, box.top), r: Math.min(r.right, box.right), b: Math.min(r.bottom, box.bottom) };
	    if (v.l >= v.r || v.t >= v.b) continue; // not shown
	    if (v.l < t.right && v.r > t.left && v.t < t.bottom && v.b > t.top) out.push(e.closest("g[data-concept], g.edge")?.id || e.textContent);
	  }
	  return out;
	})()`)
	if len(covered) > 0 {
		t.Errorf("with the sheet open, the view's title covers %q", covered)
	}
	if !eval[bool](p, `(() => {
	  const r = document.querySelector('#diagram svg g.node[data-concept="`+id+`"]').getBoundingClientRect();
	  const box = document.querySelector("#diagram").getBoundingClientRect();
	  return r.top >= box.top && r.bottom <= document.querySelector("#side").getBoundingClientRect().top;
	})()`) {
		t.Errorf("with the sheet open, %s is not shown between the title and the sheet", id)
	}
	p.shot("phone-sheet")
}

func plural(n int, one string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + one + "s"
}
