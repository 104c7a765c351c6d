package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"conceptgraph/graph"
)

// runCLI runs the command line and returns its exit status and output.
func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestExtractSampleJSON(t *testing.T) {
	code, out, stderr := runCLI(t, "extract")
	if code != 0 {
		t.Fatalf("extract: exit %d, stderr %s", code, stderr)
	}
	var doc graph.Document
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("extract output is not the JSON contract: %v", err)
	}
	if len(doc.Concepts) < 50 || len(doc.Relations) < 50 {
		t.Fatalf("extract: %d concepts, %d relations, want a real graph of the sample", len(doc.Concepts), len(doc.Relations))
	}
	ids := map[string]bool{}
	for i, c := range doc.Concepts {
		if i > 0 && doc.Concepts[i-1].ID >= c.ID {
			t.Errorf("concepts not sorted by id: %q before %q", doc.Concepts[i-1].ID, c.ID)
		}
		ids[c.ID] = true
	}
	for _, r := range doc.Relations {
		if !ids[r.From] || !ids[r.To] {
			t.Errorf("relation %s -%s-> %s names an unknown concept", r.From, r.Type, r.To)
		}
		if len(r.Evidence) == 0 || r.Evidence[0].File != "infra-notes.md" || r.Evidence[0].Line < 1 {
			t.Errorf("relation %s -%s-> %s: evidence %v, want file and line", r.From, r.Type, r.To, r.Evidence)
		}
	}
	// Docker in the virtualisation list and the 도커 (Docker) section are one.
	n := 0
	for _, c := range doc.Concepts {
		for _, name := range append([]string{c.Name}, c.Aliases...) {
			if name == "Docker" || name == "도커" {
				n++
				break
			}
		}
	}
	if n != 1 {
		t.Errorf("concepts named Docker or 도커: %d, want 1", n)
	}
	// Same notes, same bytes.
	_, again, _ := runCLI(t, "extract")
	if again != out {
		t.Error("extract output differs between two runs")
	}
}

func TestExtractFormats(t *testing.T) {
	for _, tt := range []struct {
		format, want string
	}{
		{"dot", "digraph"},
		{"graphml", "<graphml"},
		{"mermaid", "flowchart"},
	} {
		code, out, stderr := runCLI(t, "extract", "--format", tt.format)
		if code != 0 || !strings.Contains(out, tt.want) {
			t.Errorf("extract --format %s: exit %d, output without %q; stderr %s", tt.format, code, tt.want, stderr)
		}
	}
}

func TestExtractPaths(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.md"), "**Kafka**\n\n- Kafka는 ZooKeeper를 사용한다.\n\n**ZooKeeper**\n\n분산 코디네이터\n")
	writeFile(t, filepath.Join(dir, "sub", "b.md"), "# ZooKeeper\n\nZooKeeper is a kind of coordination service.\n")
	code, out, stderr := runCLI(t, "extract", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	g, err := graph.ReadJSON(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	k, z := g.Lookup("Kafka"), g.Lookup("ZooKeeper")
	if k == nil || z == nil {
		t.Fatalf("Kafka = %v, ZooKeeper = %v, want both", k, z)
	}
	if len(z.Sources) != 2 {
		t.Errorf("ZooKeeper sources = %v, want one in each file", z.Sources)
	}
	if rs := g.Between(k.ID, z.ID); len(rs) != 1 || rs[0].Type != graph.Uses {
		t.Errorf("Kafka -> ZooKeeper = %v, want uses", rs)
	}
}

func TestErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.md")
	if err := os.WriteFile(bad, []byte("# ok\n\n\xff\xfe broken\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"missing path", []string{"extract", filepath.Join(dir, "nope")}, 1, "nope"},
		{"nothing readable", []string{"extract", bad}, 1, "bad.md:3: invalid UTF-8"},
		{"bad format", []string{"extract", "--format", "pdf"}, 2, `unknown --format "pdf"`},
		{"bad export format", []string{"export", "--format", "pdf"}, 2, `unknown format "pdf"`},
		{"bad type", []string{"export", "--types", "likes"}, 2, `unknown relation type "likes"`},
		{"bad layout", []string{"export", "--layout", "twopi2"}, 2, `unknown layout "twopi2"`},
		{"unknown focus", []string{"export", "--focus", "Quantum"}, 1, `no concept named "Quantum"`},
		{"misspelt focus", []string{"export", "--focus", "Kubernets", "--format", "anki"}, 1, `no concept named "Kubernets"; did you mean "쿠버네티스"?`},
		{"unknown flag", []string{"extract", "--frobnicate"}, 2, "frobnicate"},
		{"unknown command", []string{"frobnicate"}, 2, `unknown command "frobnicate" (want one of export, extract, path, prereq, serve)`},
		{"misspelt command", []string{"expor", "DNS"}, 2, `unknown command "expor"; did you mean "export"?`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.msg) {
				t.Errorf("run(%q) = exit %d, stderr %q; want exit %d mentioning %q", tt.args, code, stderr, tt.code, tt.msg)
			}
			if strings.Count(strings.TrimSpace(stderr), "\n") > 2 {
				t.Errorf("run(%q): stderr %q, want a short message", tt.args, stderr)
			}
		})
	}
}

func TestNoCommandIsHelp(t *testing.T) {
	code, out, stderr := runCLI(t)
	if code != 0 || !strings.Contains(out, "Available Commands:") || stderr != "" {
		t.Errorf("conceptgraph with no command = exit %d, stdout %.80q, stderr %q; want the help", code, out, stderr)
	}
}

func TestExportFocusSVG(t *testing.T) {
	out := filepath.Join(t.TempDir(), "docker.svg")
	code, _, stderr := runCLI(t, "export", "--focus", "도커", "--depth", "2", "--format", "svg", "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var svg struct {
		XMLName xml.Name `xml:"svg"`
	}
	if err := xml.Unmarshal(data, &svg); err != nil {
		t.Fatalf("export wrote invalid SVG: %v", err)
	}
	for _, want := range []string{"도커", "컨테이너 가상화", "example_of"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("docker.svg lacks %q", want)
		}
	}
}

func TestExportGraphMLHasPositions(t *testing.T) {
	code, out, stderr := runCLI(t, "export", "--format", "graphml", "--focus", "DNS")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, `key="x"`) || !strings.Contains(out, `key="y"`) {
		t.Errorf("graphml export has no x/y positions:\n%.400s", out)
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
