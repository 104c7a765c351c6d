package server_test

import (
	"context"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
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
	p := &page{t: t, ctx: browserContext(t, width, height), url: ts.URL}
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
	// The sample has no tags: no tag filter.
	if !eval[bool](p, `document.querySelector("#tag-filter").hidden`) {
		t.Error("the tag filter shows for notes without tags")
	}
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

// drawnConcepts is a JavaScript expression: the ids of the concepts the
// drawing shows, sorted.
const drawnConcepts = `[...document.querySelectorAll("#diagram svg g.node[data-concept]")].map((g) => g.dataset.concept).sort()`

// The tag filter shows for a vault with tags: choosing a tag draws only
// the concepts with it, the URL keeps it through reload, back and
// forward, and the details of a concept show its tags, each a button
// that shows the concepts with that tag.
func TestPageTags(t *testing.T) {
	ts := newTagged(t)
	p := openPage(t, ts, 1280, 800)
	p.open("/")
	p.poll("the tag filter", `!document.querySelector("#tag-filter").hidden`)
	options := eval[[]string](p, `[...document.querySelectorAll("#tag option")].map((o) => o.value + " " + o.textContent)`)
	if want := []string{" all", "cache #cache · 1", "database #database · 3", "db/sql #db/sql · 1", "network #network · 2"}; !slices.Equal(options, want) {
		t.Errorf("tag options = %q, want %q", options, want)
	}
	all := eval[[]string](p, drawnConcepts)
	if !slices.Contains(all, "tcp") {
		t.Fatalf("the overview draws %q, want TCP among them", all)
	}
	p.shot("tags-overview")

	choose := func(tag string) {
		t.Helper()
		// As a pick from the list does: the value, then a change event.
		if !eval[bool](p, `(() => { const s = document.querySelector("#tag"); s.value = "`+tag+`"; return s.value === "`+tag+`" && s.dispatchEvent(new Event("change")); })()`) {
			t.Fatalf("#%s is not among the tags to choose", tag)
		}
	}
	database := `new URLSearchParams(location.search).get("tag") === "database"`
	choose("database")
	p.poll("the view of #database", pageReady+` && `+database+` && document.querySelector('#tag-chips .tag-chip[data-tag="database"]') !== null`)
	want := []string{"mvcc", "postgresql", "redis"}
	if got := eval[[]string](p, drawnConcepts); !slices.Equal(got, want) {
		t.Errorf("with #database the drawing shows %q, want %q", got, want)
	}
	if title := eval[string](p, `document.querySelector("#view-title").textContent`); !strings.Contains(title, "tagged #database") {
		t.Errorf("view title %q, want it to say the tag", title)
	}
	if href := eval[string](p, `document.querySelector("#export-svg").getAttribute("href")`); !strings.Contains(href, "tag=database") {
		t.Errorf("SVG export %q, want the tag in it", href)
	}
	p.shot("tags-database")

	// Reload, back and forward keep the filter the URL holds.
	p.do("reload", chromedp.Reload())
	p.poll("the reloaded view", pageReady+` && `+database+` && document.querySelectorAll("#diagram svg g.node").length > 0`)
	if got := eval[[]string](p, drawnConcepts); !slices.Equal(got, want) {
		t.Errorf("after a reload the drawing shows %q, want %q", got, want)
	}
	p.do("back", chromedp.NavigateBack())
	p.poll("the view before the tag", pageReady+` && !new URLSearchParams(location.search).has("tag") && document.querySelector('#diagram svg g.node[data-concept="tcp"]') !== null && document.querySelector("#tag-chips .tag-chip") === null`)
	p.do("forward", chromedp.NavigateForward())
	p.poll("the view of #database again", pageReady+` && `+database+` && document.querySelector('#diagram svg g.node[data-concept="tcp"]') === null`)

	// A second tag adds its concepts.
	choose("network")
	p.poll("the view of #database or #network", pageReady+` && new URLSearchParams(location.search).get("tag") === "database,network" && document.querySelector('#diagram svg g.node[data-concept="tcp"]') !== null`)
	if got := eval[[]string](p, drawnConcepts); !slices.Equal(got, []string{"dns", "mvcc", "postgresql", "redis", "tcp"}) {
		t.Errorf("with #database or #network the drawing shows %q", got)
	}
	// Its chip lets go of it.
	p.do("drop #network", chromedp.Click(chromedp.CSS(`#tag-chips .tag-chip[data-tag="network"]`)))
	p.poll("#database alone", pageReady+` && `+database+` && document.querySelector('#diagram svg g.node[data-concept="tcp"]') === null`)

	// The details of a concept show its tags; one shows its concepts.
	p.do("click PostgreSQL", chromedp.Click(chromedp.CSS(`#diagram svg g.node[data-concept="postgresql"]`)))
	p.poll("its tags", `document.querySelectorAll("#panel .tags .tag-chip").length === 2`)
	if got := eval[[]string](p, `[...document.querySelectorAll("#panel .tags .tag-chip")].map((b) => b.textContent + " " + b.getAttribute("aria-pressed"))`); !slices.Equal(got, []string{"#database true", "#db/sql false"}) {
		t.Errorf("PostgreSQL's tags in the panel = %q, want #database (shown) and #db/sql", got)
	}
	p.shot("tags-panel")
	p.do("show #db/sql", chromedp.Click(chromedp.CSS(`#panel .tags .tag-chip[data-tag="db/sql"]`)))
	p.poll("the view of #db/sql", pageReady+` && new URLSearchParams(location.search).get("tag") === "db/sql" && document.querySelector('#panel .tags .tag-chip[data-tag="db/sql"]')?.getAttribute("aria-pressed") === "true"`)
	if got := eval[[]string](p, drawnConcepts); !slices.Equal(got, []string{"postgresql"}) {
		t.Errorf("with #db/sql the drawing shows %q, want PostgreSQL alone", got)
	}

	// A focus stays, its neighbourhood reached through tagged concepts.
	p.open("/?focus=redis&depth=2&tag=network")
	p.poll("Redis among #network", `document.querySelector('#diagram svg g.node.focus[data-concept="redis"]') !== null`)
	if got := eval[[]string](p, drawnConcepts); !slices.Equal(got, []string{"dns", "redis", "tcp"}) {
		t.Errorf("Redis's view with #network shows %q, want Redis, TCP and DNS", got)
	}
	// A path draws every concept on it: the filter waits.
	p.do("path mode", chromedp.Click(chromedp.CSS("#mode-path")))
	p.poll("the filter disabled", pageReady+` && document.querySelector("#tag").disabled && document.querySelector("#tag-chips .tag-chip").disabled`)
	// A tag that went from the notes leaves the URL.
	p.open("/?tag=gone,network")
	p.poll("the tag dropped", pageReady+` && new URLSearchParams(location.search).get("tag") === "network"`)
}

// At phone width the tag filter has a row of its own within the screen,
// and the bottom sheet shows a concept's tags.
func TestPageTagsPhone(t *testing.T) {
	ts := newTagged(t)
	p := openPage(t, ts, 390, 844)
	p.open("/?tag=database,network")
	p.poll("the tag filter", `document.querySelectorAll("#tag-chips .tag-chip").length === 2`)
	if over := eval[int](p, `(() => { const b = document.querySelector(".toolbar"); return b.scrollWidth - b.clientWidth; })()`); over > 0 {
		t.Errorf("the toolbar runs %d px off screen at 390 px", over)
	}
	if off := eval[[]string](p, `[...document.querySelectorAll("#tag-filter button, #tag-filter select")].filter((e) => !(`+onScreen+`)(e)).map((e) => e.id || e.dataset.tag)`); len(off) > 0 {
		t.Errorf("tag filter controls off screen at 390 px: %q", off)
	}
	p.shot("phone-tags")
	id := eval[string](p, `(() => {
	  for (const g of document.querySelectorAll("#diagram svg g.node[data-concept]")) {
	    const r = g.getBoundingClientRect();
	    if (document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)?.closest("g.node") === g) return g.dataset.concept;
	  }
	  return "";
	})()`)
	if id == "" {
		t.Fatal("no concept of the view can be tapped at 390 px")
	}
	p.do("tap "+id, chromedp.Click(chromedp.CSS(`#diagram svg g.node[data-concept="`+id+`"]`)))
	p.poll("the sheet with the tags", pageReady+` && document.body.classList.contains("sheet-open") && document.querySelectorAll("#panel .tags .tag-chip").length > 0`)
	if off := eval[[]string](p, `[...document.querySelectorAll("#panel .tags .tag-chip")].filter((e) => !(`+onScreen+`)(e)).map((e) => e.dataset.tag)`); len(off) > 0 {
		t.Errorf("%s's tags off screen in the sheet at 390 px: %q", id, off)
	}
	p.shot("phone-tags-sheet")
}
