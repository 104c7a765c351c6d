package main

import (
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"conceptgraph/assets"
	"conceptgraph/graph"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites the file with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", path, diff)
	}
}

// courseNotes writes notes with a prerequisite cycle and returns their
// folder.
func courseNotes(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "k8s.md"), `# 쿠버네티스 (Kubernetes)

- 쿠버네티스는 도커를 사용한다.

# 도커 (Docker)

- 도커는 컨테이너를 이용한다.
- Linux 기반

# 컨테이너 (Container)

- 컨테이너는 도커를 사용한다.
- 컨테이너는 Linux를 사용한다.

# Linux
`)
	return dir
}

func TestPrereqText(t *testing.T) {
	code, out, stderr := runCLI(t, "prereq", "Docker")
	if code != 0 {
		t.Fatalf("prereq Docker: exit %d, %s", code, stderr)
	}
	golden(t, "prereq-docker.txt", out)

	dir := courseNotes(t)
	code, out, stderr = runCLI(t, "prereq", "Kubernetes", dir)
	if code != 0 {
		t.Fatalf("prereq Kubernetes: exit %d, %s", code, stderr)
	}
	golden(t, "prereq-cycle.txt", out)
}

func TestPrereqJSON(t *testing.T) {
	code, out, stderr := runCLI(t, "prereq", "도커", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc graph.LearningOrderDocument
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Target.ID != "docker" || len(doc.Steps) < 2 || doc.Steps[len(doc.Steps)-1].ID != "docker" || doc.Cycles == nil {
		t.Errorf("prereq --format json = %+v, want Docker's steps, the target last, and a cycles list", doc)
	}
	for _, s := range doc.Steps[:len(doc.Steps)-1] {
		if len(s.Because) == 0 || len(s.Because[0].Evidence) == 0 {
			t.Errorf("step %s has no reason with evidence", s.ID)
		}
	}
}

func TestPrereqDiagrams(t *testing.T) {
	code, out, stderr := runCLI(t, "prereq", "Docker", "--format", "mermaid")
	// The concept asked about comes last: numbered after every node
	// before it.
	last := fmt.Sprintf("%d. 도커", strings.Count(out, `["`))
	if code != 0 || !strings.HasPrefix(out, "flowchart") || !strings.Contains(out, `"`+last+`"`) {
		t.Errorf("prereq --format mermaid: exit %d, %s\n%s", code, stderr, out)
	}
	file := filepath.Join(t.TempDir(), "order.svg")
	code, _, stderr = runCLI(t, "prereq", "Docker", "--format", "svg", "-o", file)
	if code != 0 {
		t.Fatalf("prereq --format svg: exit %d, %s", code, stderr)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var svg struct {
		XMLName xml.Name `xml:"svg"`
	}
	if err := xml.Unmarshal(data, &svg); err != nil {
		t.Fatalf("prereq wrote invalid SVG: %v", err)
	}
	for _, want := range []string{"1. 하이퍼바이저", last, "example_of"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("order.svg lacks %q", want)
		}
	}
}

func TestPrereqCycles(t *testing.T) {
	code, out, stderr := runCLI(t, "prereq", "--cycles", courseNotes(t))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"1 group of concepts caught in prerequisite cycles:", "컨테이너, 도커", "컨테이너 uses 도커", "도커 uses 컨테이너"} {
		if !strings.Contains(out, want) {
			t.Errorf("prereq --cycles lacks %q:\n%s", want, out)
		}
	}
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "os.md"), "# 스레드\n\n- 스레드는 프로세스를 사용한다.\n\n# 프로세스\n\n- 프로세스는 메모리를 사용한다.\n")
	if _, out, _ := runCLI(t, "prereq", "--cycles", dir); !strings.Contains(out, "No prerequisite cycles") {
		t.Errorf("prereq --cycles on notes without cycles = %q", out)
	}
}

func TestPath(t *testing.T) {
	code, out, stderr := runCLI(t, "path", "Type-1 가상화", "도커")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	golden(t, "path-type1-docker.txt", out)
	code, out, stderr = runCLI(t, "path", "Kubernetes", "Linux", courseNotes(t), "--all", "--max", "3")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"2 chains from 쿠버네티스 to Linux, shortest first:", "1. 쿠버네티스 —uses→ 도커 —uses→ Linux  (2 relations)",
		"2. 쿠버네티스 —uses→ 도커 —uses→ 컨테이너 —uses→ Linux  (3 relations)"} {
		if !strings.Contains(out, want) {
			t.Errorf("path --all lacks %q:\n%s", want, out)
		}
	}
}

func TestPrereqAndPathErrors(t *testing.T) {
	for _, tt := range []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"prereq without name", []string{"prereq"}, 2, "name the concept"},
		{"prereq bad format", []string{"prereq", "DNS", "--format", "pdf"}, 2, `unknown --format "pdf"`},
		{"prereq unknown", []string{"prereq", "Quantum"}, 1, `no concept named "Quantum"`},
		{"prereq misspelt", []string{"prereq", "도컼"}, 1, `no concept named "도컼"; did you mean "도커"?`},
		{"path half a name", []string{"path", "DNS", "쿠버"}, 1, `no concept named "쿠버"; did you mean "쿠버네티스" or "쿠버네티스 마스터"?`},
		{"path one name", []string{"path", "DNS"}, 2, "name two concepts"},
		{"path max without all", []string{"path", "DNS", "UDP", "--max", "3"}, 2, "--max needs --all"},
		{"path max too big", []string{"path", "DNS", "UDP", "--all", "--max", "1000"}, 2, "--max 1000"},
		{"path bad type", []string{"path", "DNS", "UDP", "--types", "likes"}, 2, `unknown relation type "likes"`},
		{"path unknown", []string{"path", "DNS", "Quantum"}, 1, `no concept named "Quantum"`},
		{"path none", []string{"path", "DNS", "도커", "--directed", "--types", "opposite_of"}, 1, "no chain of relations along their direction through opposite_of joins"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.msg) {
				t.Errorf("run(%q) = exit %d, stderr %q; want exit %d mentioning %q", tt.args, code, stderr, tt.code, tt.msg)
			}
		})
	}
}

func TestCurationFile(t *testing.T) {
	dir := courseNotes(t)
	writeFile(t, filepath.Join(dir, "conceptgraph.yaml"), "remove:\n  - 컨테이너 uses 도커\nadd:\n  - Kubernetes requires 컨테이너\nhide: [Mesos]\n")
	code, out, stderr := runCLI(t, "prereq", "Kubernetes", dir, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc graph.LearningOrderDocument
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Cycles) != 0 {
		t.Errorf("cycles = %v, want none once the curation file removes one side", doc.Cycles)
	}
	want := filepath.ToSlash(filepath.Join(dir, "conceptgraph.yaml")) + `:5: hide: no concept named "Mesos"`
	if !strings.Contains(stderr, "warning: "+want) {
		t.Errorf("stderr = %q, want a warning %q", stderr, want)
	}
	// An added relation may bring a concept the notes do not name; that
	// is said, but not as a warning.
	writeFile(t, filepath.Join(dir, "conceptgraph.yaml"), "add:\n  - Kubernetes requires PostgreSQL\n")
	code, out, stderr = runCLI(t, "prereq", "Kubernetes", dir)
	yaml := filepath.ToSlash(filepath.Join(dir, "conceptgraph.yaml"))
	if code != 0 || strings.Contains(stderr, "warning:") ||
		!strings.Contains(stderr, "note: "+yaml+`:2: add Kubernetes requires PostgreSQL: "PostgreSQL" is not in the notes; added as a new concept`) {
		t.Errorf("prereq with an added concept: exit %d, stderr %q; want a note and no warning", code, stderr)
	}
	if !strings.Contains(out, "PostgreSQL\n   쿠버네티스 requires PostgreSQL\n       "+yaml+":2: Kubernetes requires PostgreSQL\n") {
		t.Errorf("prereq Kubernetes lacks the added PostgreSQL step with the file as evidence:\n%s", out)
	}

	writeFile(t, filepath.Join(dir, "conceptgraph.yaml"), "add:\n  - Kubernetes likes 컨테이너\n")
	code, _, stderr = runCLI(t, "extract", dir)
	if code != 1 || !strings.Contains(stderr, "conceptgraph.yaml:2: add:") {
		t.Errorf("extract with a broken curation file: exit %d, stderr %q; want exit 1 naming the line", code, stderr)
	}
}

func TestExportSKOSAndAnki(t *testing.T) {
	code, out, stderr := runCLI(t, "export", "--format", "skos")
	if code != 0 || !strings.Contains(out, "a skos:Concept") || !strings.Contains(out, `skos:prefLabel "도커"@ko`) {
		t.Errorf("export --format skos: exit %d, %s\n%.300s", code, stderr, out)
	}
	code, out, stderr = runCLI(t, "export", "--format", "anki", "--focus", "도커", "--depth", "2")
	if code != 0 || !strings.HasPrefix(out, "#separator:comma\n") || !strings.Contains(out, "도커 (Docker)는 무엇의 예인가요?") {
		t.Errorf("export --format anki: exit %d, %s\n%.600s", code, stderr, out)
	}
}

// The page shows stale curation entries as problems, but not the concepts
// the file added on purpose.
func TestServeLoaderProblems(t *testing.T) {
	dir := courseNotes(t)
	writeFile(t, filepath.Join(dir, "conceptgraph.yaml"), "add:\n  - Kubernetes requires PostgreSQL\nhide: [Mesos]\n")
	g, problems, err := loader([]string{dir})(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if g.Lookup("PostgreSQL") == nil {
		t.Error("the served graph lacks the concept the curation file added")
	}
	if len(problems) != 1 || !strings.Contains(problems[0].Error(), `hide: no concept named "Mesos"`) {
		t.Errorf("problems = %v, want only the stale hide entry", problems)
	}
}

// The sample's flashcards: one card per question, and every quote on them
// is text from the notes as a reader sees it.
func TestExportAnkiQuotesTheNotes(t *testing.T) {
	code, out, stderr := runCLI(t, "export", "--format", "anki")
	if code != 0 {
		t.Fatalf("export --format anki: exit %d, %s", code, stderr)
	}
	r := csv.NewReader(strings.NewReader(out))
	r.Comment = '#'
	cards, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	notes := readerText(string(assets.Sample()[0].Data))
	fronts := map[string]bool{}
	quotes := regexp.MustCompile(`“([^”]*)” \(infra-notes\.md:\d+\)`)
	n := 0
	for _, c := range cards {
		if fronts[c[0]] {
			t.Errorf("two cards ask %q: Anki would keep one", c[0])
		}
		fronts[c[0]] = true
		for _, m := range quotes.FindAllStringSubmatch(c[1], -1) {
			n++
			if q := oneLine(strings.TrimSuffix(m[1], "…")); !strings.Contains(notes, q) {
				t.Errorf("card %q quotes %q, which the notes do not say", c[0], m[1])
			}
		}
	}
	if len(cards) < 50 || n < len(cards)*3/4 {
		t.Errorf("%d cards with %d quotes, want the sample's cards, most with a quote", len(cards), n)
	}
}

// readerText is Markdown as a reader sees it, on one line: links show
// their text, and emphasis, code and HTML marks are gone.
func readerText(md string) string {
	for _, re := range []struct{ re, with string }{
		{`!?\[\[(?:[^\]|]*\|)?([^\]]*)\]\]`, "$1"}, // [[note|shown]]
		{`!?\[([^\]]*)\]\([^)]*\)`, "$1"},          // [text](url)
		{`</?[a-zA-Z][^>]*>`, ""},
		{"[*`]+", ""},
	} {
		md = regexp.MustCompile(re.re).ReplaceAllString(md, re.with)
	}
	return oneLine(md)
}
