package extract

import (
	"context"
	"flag"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"conceptgraph/graph"
)

// Each testdata/cases/*.txtar holds notes and what a reader finds in them
// (a section may come more than once, after each note it is about):
//
//	-- note.md --     the note
//	-- want --        relations that must be found: "A -type-> B"
//	-- not --         relations that must not be
//	-- same --        "A = B": two names of one concept
//	-- concepts --    names that must be concepts
//	-- no concepts -- names that must not be
//	-- evidence --    "A -type-> B | text": a sentence that states it
//	-- tags --        "A: t1, t2": A's tags, all of them
//	-- pros -- / -- cons --   "A: text": an attribute of A
var caseSections = map[string]bool{"want": true, "not": true, "same": true, "concepts": true, "no concepts": true,
	"evidence": true, "tags": true, "pros": true, "cons": true}

var caseFilter = flag.String("case", "", "run only the cases whose file name contains this")

func TestCases(t *testing.T) {
	files, err := filepath.Glob("testdata/cases/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	for _, file := range files {
		if !strings.Contains(file, *caseFilter) {
			continue
		}
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			sections := map[string]string{}
			var notes []Note
			for _, f := range ar.Files {
				if strings.HasSuffix(f.Name, ".md") {
					notes = append(notes, Note{Name: f.Name, Data: f.Data})
					continue
				}
				if !caseSections[f.Name] {
					t.Fatalf("unknown section %q", f.Name)
				}
				sections[f.Name] += string(f.Data) // (a section may follow each note)
			}
			res, err := Notes(context.Background(), notes)
			if err != nil {
				t.Fatal(err)
			}
			g := res.Graph
			for _, w := range res.Warnings {
				t.Errorf("warning: %v", w)
			}
			for _, line := range lines(sections["want"]) {
				if !hasRelation(t, g, line) {
					t.Errorf("relation %q not found; relations:\n%s", line, dump(g))
				}
			}
			for _, line := range lines(sections["not"]) {
				if hasRelation(t, g, line) {
					t.Errorf("relation %q found, want none", line)
				}
			}
			for _, line := range lines(sections["same"]) {
				a, b, _ := strings.Cut(line, " = ")
				ca, cb := g.Lookup(a), g.Lookup(b)
				if ca == nil || cb == nil || ca.ID != cb.ID {
					t.Errorf("Lookup(%q) = %v, Lookup(%q) = %v, want one concept", a, ca, b, cb)
				}
			}
			for _, name := range lines(sections["concepts"]) {
				if g.Lookup(name) == nil {
					t.Errorf("Lookup(%q) = nil, want a concept", name)
				}
			}
			for _, line := range lines(sections["tags"]) {
				name, tags, _ := strings.Cut(line, ": ")
				c := g.Lookup(name)
				if c == nil || strings.Join(c.Tags, ", ") != tags {
					t.Errorf("tags of %q = %v, want %s", name, c, tags)
				}
			}
			for _, line := range lines(sections["evidence"]) {
				rel, text, _ := strings.Cut(line, " | ")
				if !slices.Contains(evidenceOf(t, g, rel), text) {
					t.Errorf("evidence of %q = %q, want %q among it", rel, evidenceOf(t, g, rel), text)
				}
			}
			for _, name := range lines(sections["no concepts"]) {
				if c := g.Lookup(name); c != nil {
					t.Errorf("Lookup(%q) = %v, want no concept", name, c)
				}
			}
			for kind, attr := range map[string]func(*graph.Concept) []string{
				"pros": func(c *graph.Concept) []string { return c.Pros },
				"cons": func(c *graph.Concept) []string { return c.Cons },
			} {
				for _, line := range lines(sections[kind]) {
					name, text, _ := strings.Cut(line, ": ")
					c := g.Lookup(name)
					if c == nil || !contains(attr(c), text) {
						t.Errorf("%s of %q = %v, want %q among them", kind, name, c, text)
					}
				}
			}
		})
	}
}

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// hasRelation reports whether "A -type-> B" holds in g (either direction
// for symmetric types).
// evidenceOf returns the texts of the evidence of the relation on line.
func evidenceOf(t *testing.T, g *graph.Graph, line string) []string {
	t.Helper()
	a, rest, _ := strings.Cut(line, " -")
	typ, b, _ := strings.Cut(rest, "-> ")
	ca, cb := g.Lookup(a), g.Lookup(b)
	if ca == nil || cb == nil {
		return nil
	}
	var out []string
	for _, r := range append(g.Between(ca.ID, cb.ID), g.Between(cb.ID, ca.ID)...) {
		if string(r.Type) == typ {
			for _, ev := range r.Evidence {
				out = append(out, ev.Text)
			}
		}
	}
	return out
}

func hasRelation(t *testing.T, g *graph.Graph, line string) bool {
	t.Helper()
	a, rest, ok1 := strings.Cut(line, " -")
	typ, b, ok2 := strings.Cut(rest, "-> ")
	if !ok1 || !ok2 {
		t.Fatalf("bad relation line %q", line)
	}
	rt, err := graph.ParseType(typ)
	if err != nil {
		t.Fatal(err)
	}
	ca, cb := g.Lookup(a), g.Lookup(b)
	if ca == nil || cb == nil {
		return false
	}
	for _, r := range g.Between(ca.ID, cb.ID) {
		if r.Type == rt {
			return true
		}
	}
	if rt.Symmetric() {
		for _, r := range g.Between(cb.ID, ca.ID) {
			if r.Type == rt {
				return true
			}
		}
	}
	return false
}

func dump(g *graph.Graph) string {
	var b strings.Builder
	for _, r := range g.Relations() {
		b.WriteString("  " + g.Concept(r.From).Name + " -" + string(r.Type) + "-> " + g.Concept(r.To).Name + "\n")
	}
	return b.String()
}
