package extract_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	gtext "github.com/yuin/goldmark/text"

	"conceptgraph/assets"
	"conceptgraph/extract"
	"conceptgraph/graph"
)

// linearFactor bounds how much slower than goldmark a pathological note
// may be read: extraction may take linearFactor times as long as goldmark
// takes to parse ordinary notes of the same size, measured in the same
// process just before. The bound catches hangs and super-linear time
// (which on these sizes is thousands of times slower); it is not a speed
// target, and a ratio, so a busy machine slows both sides alike — though
// not evenly: with the other packages' tests running beside it the ratio
// has been seen to double. The extractor reads ordinary notes about 30
// times slower than goldmark parses them and the worst shapes here about
// 70 times (see the percentages the cases log).
const linearFactor = 300

// baselineFloor is the smallest input the baseline is measured on: below
// it, timer resolution and warm-up would dominate the measure.
const baselineFloor = 256 << 10

// linearLimit is how long extracting n bytes may take: linearFactor times
// goldmark's parse of max(n, baselineFloor) bytes of the sample (best of
// two runs).
func linearLimit(t *testing.T, n int) time.Duration {
	t.Helper()
	var src []byte
	for len(src) < max(n, baselineFloor) {
		for _, f := range assets.Sample() {
			src = append(src, f.Data...)
			src = append(src, '\n')
		}
	}
	best := time.Duration(1<<63 - 1)
	for range 2 {
		start := time.Now()
		goldmark.New().Parser().Parse(gtext.NewReader(src))
		best = min(best, time.Since(start))
	}
	t.Logf("goldmark parses %d bytes of the sample in %v; the limit is %d times that", len(src), best.Round(time.Millisecond), linearFactor)
	return linearFactor * best
}

// extractWithin runs extract.Notes on notes in a goroutine and fails the
// test if it panics, fails or takes longer than limit. A note that hangs
// leaves its goroutine running until the test binary exits.
func extractWithin(t *testing.T, limit time.Duration, notes ...extract.Note) *extract.Result {
	t.Helper()
	type outcome struct {
		res   *extract.Result
		err   error
		panic any
		stack []byte
	}
	done := make(chan outcome, 1)
	start := time.Now()
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- outcome{panic: p, stack: debug.Stack()}
			}
		}()
		res, err := extract.Notes(context.Background(), notes)
		done <- outcome{res: res, err: err}
	}()
	select {
	case o := <-done:
		if o.panic != nil {
			t.Fatalf("Notes(%s) panicked: %v\n%s", describe(notes), o.panic, o.stack)
		}
		if o.err != nil {
			t.Fatalf("Notes(%s) = %v, want no error", describe(notes), o.err)
		}
		t.Logf("Notes(%s): %v (%.0f%% of the limit), %d concepts, %d relations, %d warnings",
			describe(notes), time.Since(start).Round(time.Millisecond), 100*float64(time.Since(start))/float64(limit), o.res.Graph.Len(), len(o.res.Graph.Relations()), len(o.res.Warnings))
		return o.res
	case <-time.After(limit):
		t.Fatalf("Notes(%s) did not return within %v (hang or super-linear time)", describe(notes), limit)
		return nil
	}
}

func describe(notes []extract.Note) string {
	n := 0
	for _, nt := range notes {
		n += len(nt.Data)
	}
	if len(notes) == 1 {
		return fmt.Sprintf("%s, %d bytes", notes[0].Name, n)
	}
	return fmt.Sprintf("%d notes, %d bytes", len(notes), n)
}

// sampleWords are the words of the embedded sample, Korean and Latin
// mixed, without Markdown marks; with stops false also without the
// punctuation that ends a sentence.
func sampleWords(stops bool) []string {
	var out []string
	for _, f := range assets.Sample() {
		for _, w := range strings.Fields(string(f.Data)) {
			w = strings.Trim(w, "*`>#-|[]()_=")
			if !stops {
				w = strings.TrimRight(w, ".?!。")
			}
			if w != "" {
				out = append(out, w)
			}
		}
	}
	return out
}

// wordLine is about n bytes of sample words on one line.
func wordLine(n int, stops bool) string {
	ws := sampleWords(stops)
	var b strings.Builder
	b.Grow(n + 64)
	for i := 0; b.Len() < n; i++ {
		b.WriteString(ws[i%len(ws)])
		b.WriteByte(' ')
	}
	return b.String()
}

func repeatf(n int, format string) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, format, i)
	}
	return b.String()
}

// nestedIndented is a list nested depth deep, one level per line.
func nestedIndented(depth int) string {
	var b strings.Builder
	for i := range depth {
		b.WriteString(strings.Repeat("  ", i))
		fmt.Fprintf(&b, "- **항목 %d**: 컨테이너 %d는 도커의 일종이다\n", i, i)
	}
	return b.String()
}

// warnsAt checks that the extraction warns with a message starting so.
func warnsAt(prefix string) func(t *testing.T, res *extract.Result) {
	return func(t *testing.T, res *extract.Result) {
		t.Helper()
		var got []string
		for _, w := range res.Warnings {
			if strings.HasPrefix(w.Error(), prefix) {
				return
			}
			got = append(got, w.Error())
		}
		t.Errorf("Notes() warnings = %q, want one starting %q", got, prefix)
	}
}

// pathological are notes shaped to find quadratic paths, deep recursion
// and unbounded allocation. Sizes follow the task: the shapes a real
// collection can hold, at sizes it can reach.
var pathological = []struct {
	name  string
	data  func() string
	check func(t *testing.T, res *extract.Result)
}{
	{name: "10MB single line, one sentence", data: func() string { return wordLine(10<<20, false) }},
	{name: "10MB single line, many sentences", data: func() string { return wordLine(10<<20, true) }},
	{name: "10MB single bullet", data: func() string { return "- " + wordLine(10<<20, false) }},
	{name: "list nested 10000 deep on one line", data: func() string { return strings.Repeat("- ", 10000) + "도커\n" }},
	{name: "list nested 2000 deep by indentation", data: func() string { return nestedIndented(2000) }, check: warnsAt("p.md:34: indented more than 64 columns")},
	{name: "list nested 3000 deep by indentation", data: func() string { return nestedIndented(3000) }},
	{name: "5000 lines of growing quote runs", data: func() string {
		var b strings.Builder
		for i := range 5000 {
			b.WriteString(strings.Repeat(">", i) + " 도커는 컨테이너의 일종이다\n")
		}
		return b.String()
	}, check: warnsAt("p.md:34: quotes and lists nested more than 32 deep")},
	{name: "blockquote nested 10000 deep", data: func() string { return strings.Repeat("> ", 10000) + "도커는 컨테이너의 일종이다\n" }},
	{name: "list and quote alternating 10000 deep", data: func() string { return strings.Repeat("- > ", 5000) + "**도커**: 컨테이너\n" }},
	{name: "ordered list nested 5000 deep", data: func() string { return strings.Repeat("1. ", 5000) + "도커\n" }},
	{name: "100000 headings", data: func() string { return repeatf(100000, "# 개념 %d\n") }, check: func(t *testing.T, res *extract.Result) {
		if got := res.Graph.Len(); got != 100000 {
			t.Errorf("Notes(100000 headings) = %d concepts, want 100000", got)
		}
	}},
	{name: "100000 headings with text", data: func() string {
		return repeatf(100000, "## 개념 %[1]d\n\n개념 %[1]d는 개념의 일종이다.\n\n")
	}},
	{name: "100000 headings with a quote (glossary)", data: func() string { return repeatf(100000, "## Term %[1]d\n\n> Term %[1]d is a kind of thing.\n\n") }},
	{name: "100000 headings, one name", data: func() string { return strings.Repeat("# DNS\n\nDNS는 프로토콜의 일종이다.\n\n", 100000) }},
	{name: "100000 bold lines", data: func() string { return repeatf(100000, "**개념 %d**\n\n") }},
	{name: "1MB bold line", data: func() string { return "**" + wordLine(1<<20, false) + "**\n" }},
	{name: "1MB bold line with a colon", data: func() string { return "**" + wordLine(1<<20, false) + "**:\n\n- 도커\n" }},
	{name: "1MB bold list head", data: func() string { return "- **" + wordLine(1<<20, true) + "**: 설명\n" }},
	{name: "1MB heading", data: func() string { return "# " + wordLine(1<<20, false) + "\n\n- 도커\n" }},
	{name: "1MB label item", data: func() string { return "종류\n\n- " + wordLine(1<<20, false) + "\n" }},
	{name: "1MB equation", data: func() string { return "# DNS\n\n반대개념 = " + wordLine(1<<20, false) + "\n" }},
	{name: "1MB of bold terms in one paragraph", data: func() string { return repeatf(50000, "**용어%d**는 DNS의 일종이다. ") }},
	{name: "table 5000 cells wide", data: func() string {
		return "|" + strings.Repeat(" 도커 |", 5000) + "\n|" + strings.Repeat("---|", 5000) + "\n" + strings.Repeat("|"+strings.Repeat(" DNS는 프로토콜의 일종 |", 5000)+"\n", 20)
	}},
	{name: "100000 pipes without a table", data: func() string { return strings.Repeat("| ", 100000) + "\n" }},
	{name: "table with 100000 rows", data: func() string {
		return "| 이름 | 설명 |\n|---|---|\n" + repeatf(100000, "| 개념 %[1]d | 개념 %[1]d는 DNS의 일종 |\n")
	}},
	{name: "unbalanced parentheses", data: func() string {
		return "# " + strings.Repeat("(", 50000) + "DNS\n\n- " + strings.Repeat("(", 100000) + "\n- " + strings.Repeat(")", 100000) + "\n\n" + strings.Repeat("DNS(도메인 ", 50000) + "\n"
	}},
	{name: "unbalanced brackets", data: func() string {
		return strings.Repeat("[", 100000) + "\n\n" + strings.Repeat("]", 100000) + "\n\n" + strings.Repeat("[a](", 50000) + "\n\n" + strings.Repeat("![", 50000) + "\n"
	}},
	{name: "nested brackets", data: func() string { return strings.Repeat("[", 20000) + "DNS" + strings.Repeat("](x)", 20000) + "\n" }},
	{name: "nested emphasis", data: func() string {
		return strings.Repeat("**", 20000) + "DNS" + strings.Repeat("**", 20000) + "\n\n" + strings.Repeat("*_", 50000) + "\n"
	}},
	{name: "wikilinks nested", data: func() string {
		return strings.Repeat("[[", 20000) + "DNS" + strings.Repeat("]]", 20000) + "\n\n" + strings.Repeat("[[a|[[b|c]]]] ", 20000) + "\n"
	}},
	{name: "wikilinks unterminated", data: func() string {
		return strings.Repeat("[[DNS ", 100000) + "\n\n" + strings.Repeat("[[DNS|", 100000) + "\n"
	}},
	{name: "100000 wikilinks in one paragraph", data: func() string { return repeatf(100000, "[[개념 %d]]와 **굵게** 연결\n") }},
	{name: "code spans and HTML", data: func() string {
		return strings.Repeat("`", 100000) + "\n\n" + strings.Repeat("<summary>", 50000) + "\n\n<details>\n" + repeatf(20000, "<summary>개념 %d</summary>\n") + "</details>\n"
	}},
	{name: "many thematic breaks", data: func() string { return repeatf(100000, "**개념 %d**\n\n> 정의\n\n---\n\n") }},
	{name: "long front matter", data: func() string { return "---\naliases: [" + repeatf(100000, "별칭%d, ") + "끝]\n---\n# 도커\n" }, check: func(t *testing.T, res *extract.Result) {
		if c := res.Graph.Lookup("별칭99999"); c == nil || c != res.Graph.Lookup("끝") {
			t.Errorf("Lookup(별칭99999) = %v, want the note's concept, named 끝 too", c)
		}
	}},
	{name: "front matter YAML alias bomb", data: func() string {
		return "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\naliases: *g\n---\n# 도커\n"
	}},
	{name: "front matter nested 10000 deep", data: func() string {
		return "---\naliases: " + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + "\n---\n# 도커\n"
	}},
	{name: "front matter unterminated", data: func() string { return "---\ntitle: 도커\n" + repeatf(100000, "# 개념 %d\n") }},
	{name: "CR only line ends", data: func() string {
		return strings.Repeat("# DNS\r\rDNS는 프로토콜의 일종이다.\r- 도커\r", 20000)
	}},
}

// childBackstop is how long a child process may run before it is killed:
// far beyond any limit the child sets itself, it only stops a child that
// hangs before it can time itself.
const childBackstop = 10 * time.Minute

// pathologicalEnv, when set, makes the test binary run the one
// pathological case it names in this process (see TestPathological).
const pathologicalEnv = "EXTRACT_PATHOLOGICAL_CASE"

// maxHeap is the heap a pathological case may grow to before its process
// stops it: a quadratic number of relations exhausts memory before time.
const maxHeap = 4 << 30

// TestPathological runs each case of [pathological] in a process of its
// own (this test binary again, selecting the case), so a case that hangs or
// exhausts memory fails alone, is stopped, and leaves the other cases (and
// the rest of the package's tests) to run normally.
func TestPathological(t *testing.T) {
	if testing.Short() {
		t.Skip("pathological notes take a while")
	}
	child := os.Getenv(pathologicalEnv) != ""
	if child {
		go watchHeap(maxHeap)
	}
	for _, tt := range pathological {
		t.Run(tt.name, func(t *testing.T) {
			if !child {
				runIsolated(t)
				return
			}
			note := extract.Note{Name: "p.md", Data: []byte(tt.data())}
			res := extractWithin(t, linearLimit(t, len(note.Data)), note)
			checkGraph(t, res.Graph, map[string]int{note.Name: lineCount(note.Data)})
			if tt.check != nil {
				tt.check(t, res)
			}
		})
	}
}

// runIsolated runs test t (a subtest) in a child process and reports its
// outcome as t's.
func runIsolated(t *testing.T) {
	t.Helper()
	top, sub, _ := strings.Cut(t.Name(), "/")
	pattern := "^" + top + "$/^" + regexp.QuoteMeta(sub) + "$"
	// The child enforces its limit itself; this is the backstop should the
	// child not even get that far.
	ctx, cancel := context.WithTimeout(context.Background(), childBackstop)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run="+pattern, "-test.v", "-test.count=1")
	cmd.Env = append(os.Environ(), pathologicalEnv+"="+sub)
	out, err := cmd.CombinedOutput()
	log := childLog(out)
	switch {
	case ctx.Err() != nil:
		t.Fatalf("case %q killed after %v:\n%s", sub, childBackstop, log)
	case err != nil:
		t.Fatalf("case %q failed (%v):\n%s", sub, err, log)
	case !strings.Contains(string(out), "--- PASS: "+t.Name()):
		t.Fatalf("case %q did not run in the child process:\n%s", sub, out)
	}
	for _, line := range strings.Split(log, "\n") {
		if _, msg, ok := strings.Cut(line, ": Notes("); ok {
			t.Log("Notes(" + msg)
		}
	}
}

// childLog is the child's output without the test framework's lines.
func childLog(out []byte) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(string(out), "\n") {
		trim := strings.TrimSpace(line)
		if strings.HasPrefix(trim, "=== RUN") || trim == "PASS" || trim == "FAIL" || strings.HasPrefix(trim, "--- PASS: TestPathological ") || strings.Contains(trim, ": goldmark parses ") {
			continue
		}
		b.WriteString(line)
	}
	return b.String()
}

// watchHeap ends the process when its heap passes limit, before the
// machine runs out of memory.
func watchHeap(limit uint64) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	for range time.Tick(50 * time.Millisecond) {
		metrics.Read(sample)
		if v := sample[0].Value; v.Kind() == metrics.KindUint64 && v.Uint64() > limit {
			fmt.Fprintf(os.Stderr, "--- FAIL: heap reached %d MiB, over the %d MiB a pathological case may use (unbounded allocation)\n", v.Uint64()>>20, limit>>20)
			os.Exit(3)
		}
	}
}

// checkGraph checks what every extraction must hold: each relation joins
// two concepts of the graph, with a known type, and carries evidence at a
// line of a note. lines gives each note's line count.
func checkGraph(t *testing.T, g *graph.Graph, lines map[string]int) {
	t.Helper()
	bad := 0
	report := func(format string, args ...any) {
		if bad++; bad <= 5 {
			t.Errorf(format, args...)
		}
	}
	for _, r := range g.Relations() {
		if g.Concept(r.From) == nil || g.Concept(r.To) == nil {
			report("relation %s %s %s joins an unknown concept", r.From, r.Type, r.To)
		}
		if _, err := graph.ParseType(string(r.Type)); err != nil {
			report("relation %s %s %s: %v", r.From, r.Type, r.To, err)
		}
		if len(r.Evidence) == 0 {
			report("relation %s %s %s has no evidence", r.From, r.Type, r.To)
		}
		for _, ev := range r.Evidence {
			if n, ok := lines[ev.File]; !ok || ev.Line < 1 || ev.Line > n {
				report("relation %s %s %s: evidence at %q line %d, want a line of a note (%q)", r.From, r.Type, r.To, ev.File, ev.Line, ev.Text)
			}
		}
	}
	for _, c := range g.Concepts() {
		for _, s := range c.Sources {
			if n, ok := lines[s.File]; !ok || s.Line < 1 || s.Line > n {
				report("concept %s: source %q line %d, want a line of a note", c.ID, s.File, s.Line)
			}
		}
	}
	if bad > 5 {
		t.Errorf("… and %d more", bad-5)
	}
}

// lineCount is the number of lines of a note as the extractor counts them:
// "\n", "\r\n" and a lone "\r" each end a line.
func lineCount(data []byte) int {
	s := strings.ReplaceAll(string(data), "\r\n", "\n")
	return strings.Count(s, "\n") + strings.Count(s, "\r") + 1
}

func TestFrontMatter(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		note    string
		concept string   // concept the note names
		aliases []string // aliases it must carry
		warn    string   // a warning must start with this; "" for none
	}{
		{
			name:    "aliases flow list",
			file:    "docker.md",
			note:    "---\ntitle: 도커\naliases: [Docker, Docker Engine]\n---\n\n도커는 컨테이너 런타임이다.\n",
			concept: "도커",
			aliases: []string{"Docker", "Docker Engine"},
		},
		{
			name:    "aliases block list",
			file:    "kubernetes.md", // the note is named by its file, as in Obsidian
			note:    "---\naliases:\n  - K8s\n  - 쿠버네티스\n---\n# Kubernetes\n\nKubernetes는 컨테이너 오케스트레이션 도구이다.\n",
			concept: "Kubernetes",
			aliases: []string{"K8s", "쿠버네티스"},
		},
		{
			name:    "alias string, no title",
			file:    "로드-밸런서.md",
			note:    "---\nalias: \"Load Balancer, LB\"\n---\n로드 밸런서는 트래픽을 나눈다.\n",
			concept: "로드-밸런서", // the file name without .md
			aliases: []string{"Load Balancer", "LB"},
		},
		{
			name: "invalid YAML",
			file: "bad-yaml.md",
			note: "---\ntitle: [unclosed\naliases: {\n---\n# DNS\n",
			warn: "bad-yaml.md:",
		},
		{
			name: "front matter that is not a map",
			file: "bad-yaml.md",
			note: "---\n- just\n- a list\n---\n# DNS\n",
			warn: "bad-yaml.md:",
		},
		{
			name:    "aliases of the wrong type",
			file:    "docker.md",
			note:    "---\ntitle: 도커\naliases: {a: 1}\n---\n도커는 컨테이너 런타임이다.\n",
			concept: "도커",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			notes := []extract.Note{
				{Name: tt.file, Data: []byte(tt.note)},
				{Name: "other.md", Data: []byte(goodNote("Ansible"))},
			}
			res := extractWithin(t, linearLimit(t, 0), notes...)
			if res.Graph.Lookup("Ansible") == nil {
				t.Errorf("Notes(%q) lost the other note's concept Ansible", tt.note)
			}
			var warns []string
			for _, w := range res.Warnings {
				warns = append(warns, w.Error())
			}
			if tt.warn != "" {
				if len(warns) != 1 || !strings.HasPrefix(warns[0], tt.warn) {
					t.Errorf("Notes(%q) warnings = %q, want one naming %q", tt.note, warns, tt.warn)
				}
				return
			}
			if len(warns) != 0 {
				t.Errorf("Notes(%q) warnings = %q, want none", tt.note, warns)
			}
			c := res.Graph.Lookup(tt.concept)
			if c == nil {
				t.Fatalf("Notes(%q) has no concept %q; concepts %v", tt.note, tt.concept, conceptNames(res.Graph))
			}
			for _, a := range tt.aliases {
				if !containsName(c.Names(), a) {
					t.Errorf("Notes(%q) concept %q names = %q, want alias %q", tt.note, tt.concept, c.Names(), a)
				}
				if got := res.Graph.Lookup(a); got != c {
					t.Errorf("Lookup(%q) = %v, want concept %s", a, got, c.ID)
				}
			}
		})
	}
}

func containsName(names []string, n string) bool {
	for _, x := range names {
		if graph.NormName(x) == graph.NormName(n) {
			return true
		}
	}
	return false
}

func conceptNames(g *graph.Graph) []string {
	var out []string
	for _, c := range g.Concepts() {
		out = append(out, c.Name)
	}
	return out
}
