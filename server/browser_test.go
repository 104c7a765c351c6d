package server_test

import (
	"context"
	"encoding/xml"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"conceptgraph/assets"
	"conceptgraph/extract"
	"conceptgraph/graph"
	"conceptgraph/server"
)

// chromium finds a Chromium or Chrome to drive, or "".
func chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browserContext is a chromedp context on a headless Chromium with a
// width×height window, ended when the test ends; it skips the test when
// there is no Chromium, or in -short mode. The browser starts with the
// context's first action.
func browserContext(t *testing.T, width, height int) context.Context {
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
	ctx, cancelTime := context.WithTimeout(ctx, 3*time.Minute) // a hang, not a measured time
	t.Cleanup(func() { cancelTime(); cancel(); cancelAlloc() })
	return ctx
}

// TestBrowser drives the page in a real headless Chromium over the sample
// notes, as a person would: search, select, filter, find a path, export,
// and watch a note change. Screenshots are saved as test artefacts
// (go test -artifacts), and to $CONCEPTGRAPH_SCREENSHOTS when set.
func TestBrowser(t *testing.T) {
	ctx := browserContext(t, 1280, 800)

	// The sample, copied to a folder the server watches.
	dir := t.TempDir()
	note := filepath.Join(dir, "infra-notes.md")
	if err := os.WriteFile(note, assets.Sample()[0].Data, 0o644); err != nil {
		t.Fatal(err)
	}
	r := extract.NewReader([]string{dir})
	s, err := server.New(context.Background(), server.Options{
		Renderer: sharedRenderer(t),
		Load: func(ctx context.Context) (*graph.Graph, []error, error) {
			res, err := r.Read(ctx)
			if err != nil {
				return nil, nil, err
			}
			return res.Graph, res.Warnings, nil
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	watchCtx, stopWatch := context.WithCancel(context.Background())
	defer stopWatch()
	go s.Watch(watchCtx, []string{dir})
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()

	// poll waits until a JavaScript expression is true.
	poll := func(what, expr string) {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
			page, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href + "\n" + document.body.dataset.state + "\n" + document.querySelector("main, body").innerText.slice(0, 1500)`))
			t.Fatalf("waiting for %s (%s): %v\npage: %s", what, expr, err, page)
		}
	}
	evalInt := func(expr string) int {
		t.Helper()
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](expr))
		if err != nil {
			t.Fatalf("evaluate %s: %v", expr, err)
		}
		return n
	}
	evalString := func(expr string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](expr))
		if err != nil {
			t.Fatalf("evaluate %s: %v", expr, err)
		}
		return v
	}
	run := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	const ready = `document.body.dataset.state === "ready"`
	shots := []string{}
	shot := func(name string) {
		t.Helper()
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		for _, d := range []string{t.ArtifactDir(), os.Getenv("CONCEPTGRAPH_SCREENSHOTS")} {
			if d == "" {
				continue
			}
			if err := os.WriteFile(filepath.Join(d, name+".png"), png, 0o644); err != nil {
				t.Error(err)
			}
		}
		shots = append(shots, name)
	}

	// The page opens on a readable overview of the sample.
	run("open the page", chromedp.Navigate(ts.URL+"/"))
	poll("the overview", ready+` && document.querySelectorAll("#diagram svg g.node.concept").length >= 10`)
	drawn := evalInt(`document.querySelectorAll("#diagram svg g.node.concept").length`)
	if drawn > 60 {
		t.Errorf("overview draws %d concepts, want a readable overview, not every concept", drawn)
	}
	shot("overview")

	// Searching 도커 and picking the suggestion focuses Docker.
	run("search 도커", chromedp.Click(chromedp.CSS("#search")), chromedp.SendKeys(chromedp.CSS("#search"), "도커"))
	poll("the 도커 suggestion", `document.querySelector('#suggestions li[data-id="docker"]') !== null`)
	run("pick 도커", chromedp.Click(chromedp.CSS(`#suggestions li[data-id="docker"]`)))
	poll("the view of Docker", ready+` && new URLSearchParams(location.search).get("focus") === "docker" && document.querySelector('#diagram svg g.node.focus[data-concept="docker"]') !== null`)

	// Clicking a concept shows its evidence with file and line.
	run("click 도커", chromedp.Click(chromedp.CSS(`#diagram svg g.node[data-concept="docker"]`)))
	poll("evidence in the panel", `document.querySelectorAll("#panel .evidence").length > 0`)
	evidence := evalString(`document.querySelector("#panel .evidence").textContent`)
	if !strings.Contains(evidence, "infra-notes.md:") {
		t.Errorf("evidence %q, want a file:line", evidence)
	}
	// Each evidence line names the rule that read it.
	if n := evalInt(`document.querySelectorAll("#panel .evidence .rule").length`); n == 0 {
		t.Errorf("no evidence line names its rule")
	}
	shot("docker")

	// Hiding a relation type removes its edges.
	if evalInt(`document.querySelectorAll("#diagram svg g.edge.type_of").length`) == 0 {
		t.Fatal("the Docker view draws no type_of edges to hide")
	}
	run("hide type_of", chromedp.Click(chromedp.CSS(`#legend input[data-type="type_of"]`)))
	poll("type_of edges gone", ready+` && new URLSearchParams(location.search).has("types") && document.querySelectorAll("#diagram svg g.edge.type_of").length === 0`)
	run("show type_of again", chromedp.Click(chromedp.CSS(`#legend input[data-type="type_of"]`)))
	poll("type_of edges back", ready+` && document.querySelectorAll("#diagram svg g.edge.type_of").length > 0`)

	// Path mode shows the chain between two concepts.
	run("path mode", chromedp.Click(chromedp.CSS("#mode-path")))
	poll("the path form", ready+` && !document.querySelector("#path-pane").hidden`)
	// The form starts from the selected concept; type over it.
	evalString(`for (const id of ["#path-from", "#path-to"]) { const i = document.querySelector(id); i.value = ""; delete i.dataset.id; } ""`)
	// Each name is picked from its suggestions, as a person does: a click
	// elsewhere while the list is open would land on the list.
	run("type the start", chromedp.Click(chromedp.CSS("#path-from")), chromedp.SendKeys(chromedp.CSS("#path-from"), "Type-1 가상화"))
	poll("the start's suggestion", `document.querySelector('#path-from-suggestions:not([hidden]) li[data-id="type-1-가상화"]') !== null`)
	run("pick the start", chromedp.Click(chromedp.CSS(`#path-from-suggestions li[data-id="type-1-가상화"]`)))
	run("type the end", chromedp.Click(chromedp.CSS("#path-to")), chromedp.SendKeys(chromedp.CSS("#path-to"), "도커"))
	poll("the end's suggestion", `document.querySelector('#path-to-suggestions:not([hidden]) li[data-id="docker"]') !== null`)
	run("pick the end", chromedp.Click(chromedp.CSS(`#path-to-suggestions li[data-id="docker"]`)))
	run("find a path", chromedp.Click(chromedp.CSS("#path-go")))
	poll("the chain", ready+` && document.querySelectorAll("#path-result .hop").length >= 2`)
	shot("path")

	// Prerequisite mode lists the learning order, the concept asked about
	// last.
	run("prerequisite mode", chromedp.Click(chromedp.CSS("#mode-prereq")))
	poll("the prerequisite form", ready+` && !document.querySelector("#prereq-pane").hidden`)
	evalString(`{ const i = document.querySelector("#prereq-of"); i.value = ""; delete i.dataset.id; } ""`)
	run("type Type-1 가상화", chromedp.Click(chromedp.CSS("#prereq-of")), chromedp.SendKeys(chromedp.CSS("#prereq-of"), "Type-1 가상화"))
	poll("its suggestion", `document.querySelector('#prereq-of-suggestions:not([hidden]) li[data-id="type-1-가상화"]') !== null`)
	run("pick it", chromedp.Click(chromedp.CSS(`#prereq-of-suggestions li[data-id="type-1-가상화"]`)))
	run("learning order of Type-1 가상화", chromedp.Click(chromedp.CSS("#prereq-go")))
	poll("the learning order", ready+` && document.querySelectorAll("#prereq-result .step").length >= 3 && document.querySelector("#prereq-result .step:last-of-type").dataset.id === "type-1-가상화"`)
	shot("prerequisites")

	// The SVG export is a valid SVG of the current view.
	href := evalString(`document.querySelector("#export-svg").getAttribute("href")`)
	code, hdr, body := get(t, ts, href)
	if code != 200 || !strings.HasPrefix(hdr.Get("Content-Disposition"), "attachment") {
		t.Fatalf("export %s = %d, %q", href, code, hdr.Get("Content-Disposition"))
	}
	if err := xml.Unmarshal(body, new(struct {
		XMLName xml.Name `xml:"svg"`
	})); err != nil {
		t.Errorf("exported SVG is not valid: %v", err)
	}

	// Live reload: an edited note shows in the open page.
	version := evalString(`document.body.dataset.version`)
	f, err := os.OpenFile(note, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("\n---\n\n**포드맨 (Podman)**\n\n- 포드맨은 컨테이너 가상화의 일종이다.\n"); err != nil {
		t.Fatal(err)
	}
	f.Close()
	poll("the reload", `document.body.dataset.version !== "`+version+`" && `+ready)
	run("explore mode", chromedp.Click(chromedp.CSS("#mode-explore")))
	run("search 포드맨", chromedp.Click(chromedp.CSS("#search")), chromedp.SendKeys(chromedp.CSS("#search"), "포드맨"))
	poll("the new concept", `document.querySelector('#suggestions li[data-id="podman"]') !== null`)

	// A phone-width view still shows the diagram.
	run("phone width", chromedp.EmulateViewport(390, 844), chromedp.Navigate(ts.URL+"/?focus=kubernetes&depth=1"))
	poll("the phone view", ready+` && document.querySelector('#diagram svg g.node.focus[data-concept="kubernetes"]') !== null`)
	shot("phone")
	t.Logf("screenshots: %s in %s", strings.Join(shots, ", "), t.ArtifactDir())
}
