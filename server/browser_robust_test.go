package server_test

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"conceptgraph/assets"
	"conceptgraph/server"
)

// browserPage drives a real headless Chromium for the rest of the test,
// or skips the test when there is none (or in -short mode).
type browserPage struct {
	t   *testing.T
	ctx context.Context
}

func newBrowserPage(t *testing.T) *browserPage {
	t.Helper()
	return &browserPage{t, browserContext(t, 1280, 800)}
}

// poll waits until a JavaScript expression is true.
func (p *browserPage) poll(what, expr string) {
	p.t.Helper()
	if _, err := chromedp.Run(p.ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		page, _ := chromedp.Run(p.ctx, chromedp.Evaluate[string](`location.href + "\n" + document.body.dataset.state + "\n" + document.querySelector("main, body").innerText.slice(0, 1500)`))
		p.t.Fatalf("waiting for %s (%s): %v\npage: %s", what, expr, err, page)
	}
}

func (p *browserPage) eval(expr string) string {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[string](expr))
	if err != nil {
		p.t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

func (p *browserPage) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, actions...); err != nil {
		p.t.Fatalf("%s: %v", what, err)
	}
}

// On a graph larger than can be drawn the page tells so without
// downloading it, a hub's view says what it left out, and a reload that
// could not read two notes lists each in the banner.
func TestBrowserLargeGraphAndBrokenNotes(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "infra-notes.md"), string(assets.Sample()[0].Data))
	writeFile(t, filepath.Join(dir, "k8s.md"), "---\naliases: [k8s]\n---\n# 쿠버네티스\n\n쿠버네티스는 도커를 사용한다.\n")
	const maxDrawn = 6
	s, err := server.New(context.Background(), server.Options{Renderer: sharedRenderer(t), Load: readerLoader(dir), MaxDrawn: maxDrawn})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close) // after the browser has gone, with its event stream
	page := newBrowserPage(t)
	const ready = `document.body.dataset.state === "ready"`

	page.do("open the page", chromedp.Navigate(ts.URL+"/"))
	page.poll("the overview", ready+` && document.querySelectorAll("#diagram svg g.node.concept").length >= 5`)

	// "Whole graph" answers at once, without asking for the graph.
	page.eval(`performance.clearResourceTimings(), ""`)
	page.do("whole graph", chromedp.Click(chromedp.CSS("#show-all")))
	page.poll("the too-large message", ready+` && document.querySelector("#view-error h2")?.textContent === "This view is too large to draw"`)
	if asked := page.eval(`performance.getEntriesByType("resource").map((e) => e.name).filter((n) => /\/api\/(view|svg)/.test(n)).join(" ")`); asked != "" {
		t.Errorf("the whole graph asked the server for %s, want its size known from the status", asked)
	}

	// A hub's depth-2 view is trimmed to what can be drawn, and says so.
	page.do("DNS at depth 2", chromedp.Navigate(ts.URL+"/?focus=dns&depth=2"))
	page.poll("the DNS view", ready+` && document.querySelector('#diagram svg g.node.focus[data-concept="dns"]') !== null`)
	if n := page.eval(`String(document.querySelectorAll("#diagram svg g.node.concept").length)`); n != "6" {
		t.Errorf("the trimmed view draws %s concepts, want %d", n, maxDrawn)
	}
	if title := page.eval(`document.querySelector("#view-title").textContent`); !strings.Contains(title, "more not shown") {
		t.Errorf("view title %q, want it to say how many concepts are not shown", title)
	}

	// Two notes saved broken: each keeps its concepts and has its line
	// in the banner.
	writeFile(t, filepath.Join(dir, "k8s.md"), "---\naliases: [unclosed\n---\n# 쿠버네티스\n")
	writeFile(t, filepath.Join(dir, "infra-notes.md"), string(assets.Sample()[0].Data)+"\n\xff\n")
	if err := s.Reload(context.Background()); err != nil {
		t.Fatal(err)
	}
	page.poll("the banner", `!document.querySelector("#banner").hidden && document.querySelectorAll("#banner-text li").length === 2`)
	lines := page.eval(`[...document.querySelectorAll("#banner-text li")].map((li) => li.textContent).join("\n")`)
	if !strings.Contains(lines, "infra-notes.md:") || !strings.Contains(lines, "k8s.md:1: front matter") {
		t.Errorf("banner lines %q, want one for infra-notes.md and one for k8s.md:1", lines)
	}
	if d := os.Getenv("CONCEPTGRAPH_SCREENSHOTS"); d != "" {
		png, err := chromedp.Run(page.ctx, chromedp.FullScreenshot(100))
		if err == nil {
			err = os.WriteFile(filepath.Join(d, "banner.png"), png, 0o644)
		}
		if err != nil {
			t.Error(err)
		}
	}
	page.poll("the DNS view again", ready+` && document.querySelector('#diagram svg g.node.focus[data-concept="dns"]') !== null`)
}
