package graph_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"conceptgraph/graph"
	"conceptgraph/graph/internal/graphtest"
)

func TestParseCurationErrors(t *testing.T) {
	for _, tt := range []struct {
		name, yaml, want string
	}{
		{"bad yaml", "hide:\n  - a\n - b\n", "c.yaml:2: did not find expected key"},
		{"unclosed list", "hide: [a\n", "c.yaml:1: "},
		{"not a mapping", "- hide\n", "c.yaml:1: want sections (merge, aliases, retype, remove, add, hide)"},
		{"unknown section", "hide: [a]\nalias:\n  a: b\n", `c.yaml:2: unknown section "alias"`},
		{"section twice", "hide: [a]\nhide: [b]\n", `c.yaml:2: section "hide" is already given at line 1`},
		{"unknown type", "add:\n  - {from: a, type: likes, to: b}\n", `c.yaml:2: add: unknown relation type "likes"`},
		{"no type", "remove:\n  - a likes b\n", `c.yaml:2: remove: "a likes b" has no relation type`},
		{"two types", "add:\n  - a uses b uses c\n", `c.yaml:2: add: "a uses b uses c" names two relation types`},
		{"one side", "add:\n  - uses b\n", `c.yaml:2: add: "uses b": want a concept on each side of uses`},
		{"unknown field", "add:\n  - {from: a, type: uses, to: b, why: x}\n", `c.yaml:2: add: unknown field "why" (want from, type, to, because)`},
		{"missing field", "retype:\n  - {from: a, type: uses, to: b}\n", "c.yaml:2: retype: want from, type, to and as"},
		{"retype to itself", "retype:\n  - a uses b: uses\n", "c.yaml:2: retype: a uses b is already uses"},
		{"retype bad type", "retype:\n  - a uses b: likes\n", `c.yaml:2: retype: unknown relation type "likes"`},
		{"aliases not a mapping", "aliases:\n  - a\n", `c.yaml:2: aliases: want lines "concept: [its other names]"`},
		{"aliases without names", "aliases:\n  a:\n", `c.yaml:2: aliases: "a": want its other names`},
		{"concept twice", "merge:\n  a: b\n  A: c\n", `c.yaml:3: merge: "A" is already given at line 2`},
		{"not utf-8", "hide:\n  - a\n  - \xff\n", "c.yaml:3: invalid UTF-8"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := graph.ParseCuration("c.yaml", []byte(tt.yaml))
			var ce *graph.CurationError
			if !errors.As(err, &ce) || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("ParseCuration(%q) = %v, want a *CurationError starting %q", tt.yaml, err, tt.want)
			}
		})
	}
	for _, ok := range []string{"", "# nothing yet\n", "hide:\n", "hide: 장점\nadd: []\n"} {
		if _, err := graph.ParseCuration("c.yaml", []byte(ok)); err != nil {
			t.Errorf("ParseCuration(%q) = %v, want no error", ok, err)
		}
	}
}

// curated applies yaml to the Course graph and returns its relations as
// "from type to" and the warnings.
func curated(t *testing.T, yaml string) (*graph.Graph, []string) {
	t.Helper()
	c, err := graph.ParseCuration("notes/conceptgraph.yaml", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	g := graphtest.Course()
	var warnings []string
	for _, w := range g.Curate(c) {
		warnings = append(warnings, w.Error())
	}
	return g, warnings
}

func relationSet(g *graph.Graph) []string {
	var out []string
	for _, r := range g.Relations() {
		out = append(out, r.From+" "+string(r.Type)+" "+r.To)
	}
	return out
}

func TestCurate(t *testing.T) {
	g, warnings := curated(t, `
# Corrections to what conceptgraph reads in these notes.
merge:
  컨테이너: [도커]          # one concept for this course
aliases:
  Kubernetes: [쿠베, K8S 클러스터]
  Go: Golang
retype:
  - 쿠버네티스 uses Go: requires
remove:
  - Linux uses Kubernetes
add:
  - Kubernetes requires Linux
  - {from: cgroups, type: example_of, to: Linux, because: "cgroups는 리눅스 커널 기능의 예다."}
hide:
  - Docker Swarm
`)
	if len(warnings) != 0 {
		t.Errorf("warnings = %q, want none", warnings)
	}
	want := []string{
		"cgroups example_of linux",
		"cgroups part_of linux",
		"container uses cgroups",
		"container uses linux",
		"kubernetes requires container",
		"kubernetes uses container",
		"kubernetes requires go",
		"kubernetes requires linux",
		"msa uses container",
		"msa opposite_of monolith",
	}
	if diff := cmp.Diff(want, relationSet(g)); diff != "" {
		t.Errorf("curated relations differ (-want +got):\n%s", diff)
	}
	c := g.Lookup("도커")
	if c == nil || c.ID != "container" {
		t.Fatalf("Lookup(도커) = %v, want the merged concept container", c)
	}
	if diff := cmp.Diff([]string{"Container", "도커", "Docker"}, c.Aliases); diff != "" {
		t.Errorf("merged aliases differ (-want +got):\n%s", diff)
	}
	for _, name := range []string{"쿠베", "k8s 클러스터", "golang", "docker"} {
		if g.Lookup(name) == nil {
			t.Errorf("Lookup(%q) = nil after curation", name)
		}
	}
	if g.Lookup("Docker Swarm") != nil || g.Concept("swarm") != nil {
		t.Error("Docker Swarm is still there after hide")
	}
	added := g.Between("cgroups", "linux")[0]
	wantEv := []graph.Evidence{{File: "notes/conceptgraph.yaml", Line: 14, Text: "cgroups는 리눅스 커널 기능의 예다."}}
	if diff := cmp.Diff(wantEv, added.Evidence); diff != "" || added.Confidence != 1 {
		t.Errorf("added relation = %+v, want confidence 1 and the file's line as evidence (%s)", added, diff)
	}
	// The curated graph is a graph like any other.
	if _, err := g.LearningOrder("k8s"); err != nil {
		t.Errorf("LearningOrder after curation: %v", err)
	}
}

func TestCurateStale(t *testing.T) {
	g, warnings := curated(t, `merge:
  Nomad: [Kubernetes]
  Go: [Golang, Go]
aliases:
  Linux: [Docker, linux]
hide: [Mesos]
retype:
  - Kubernetes uses Linux: requires
  - Container requires Docker: uses
remove:
  - Go uses Kubernetes
add:
  - Kubernetes requires 컨테이너
  - Go uses Go
`)
	stale := ": the entry no longer matches anything and can go"
	want := []string{
		`notes/conceptgraph.yaml:2: merge: no concept named "Nomad"` + stale,
		`notes/conceptgraph.yaml:3: merge: no concept named "Golang"` + stale,
		`notes/conceptgraph.yaml:3: merge: "Go" is already a name of "Go"` + stale,
		`notes/conceptgraph.yaml:5: aliases: "Docker" already names "도커"; not added to "Linux" (merge them instead?)`,
		`notes/conceptgraph.yaml:5: aliases: "linux" is already a name of "Linux"` + stale,
		`notes/conceptgraph.yaml:8: retype Kubernetes uses Linux: no such relation` + stale,
		`notes/conceptgraph.yaml:9: retype Container requires Docker: the notes now say Container uses Docker` + stale,
		`notes/conceptgraph.yaml:11: remove Go uses Kubernetes: no such relation` + stale,
		`notes/conceptgraph.yaml:13: add Kubernetes requires 컨테이너: the notes already say so` + stale,
		`notes/conceptgraph.yaml:14: add Go uses Go: "Go" and "Go" are one concept; not added`,
		`notes/conceptgraph.yaml:6: hide: no concept named "Mesos"` + stale,
	}
	if diff := cmp.Diff(want, warnings); diff != "" {
		t.Errorf("warnings differ (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(relationSet(graphtest.Course()), relationSet(g)); diff != "" {
		t.Errorf("stale entries changed the graph (-want +got):\n%s", diff)
	}
}

// An added relation may name concepts the notes do not: they are made,
// and the news is not a warning.
func TestCurateAddCreates(t *testing.T) {
	g, reports := curated(t, `add:
  - Kubernetes requires PostgreSQL
  - {from: Nomad, type: compared_with, to: Kubernetes, because: "Nomad는 쿠버네티스보다 단순하다."}
  - PostgreSQL uses Linx
hide: [Nomad]
`)
	want := []string{
		`notes/conceptgraph.yaml:2: add Kubernetes requires PostgreSQL: "PostgreSQL" is not in the notes; added as a new concept`,
		`notes/conceptgraph.yaml:3: add Nomad compared_with Kubernetes: "Nomad" is not in the notes; added as a new concept`,
		`notes/conceptgraph.yaml:4: add PostgreSQL uses Linx: "Linx" is not in the notes; added as a new concept (the notes have "Linux": merge them if they are one)`,
	}
	if diff := cmp.Diff(want, reports); diff != "" {
		t.Errorf("reports differ (-want +got):\n%s", diff)
	}
	c, err := graph.ParseCuration("notes/conceptgraph.yaml", []byte("add:\n  - Kubernetes requires PostgreSQL\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range graphtest.Course().Curate(c) {
		if !errors.Is(r, graph.ErrNewConcept) || errors.Is(r, graph.ErrStale) {
			t.Errorf("Curate report %v: want it to wrap ErrNewConcept, not ErrStale", r)
		}
	}
	pg := g.Lookup("PostgreSQL")
	if pg == nil {
		t.Fatal("Lookup(PostgreSQL) = nil, want the concept the add entry made")
	}
	if diff := cmp.Diff([]graph.Source{{File: "notes/conceptgraph.yaml", Line: 2}}, pg.Sources); diff != "" {
		t.Errorf("PostgreSQL's sources differ (-want +got):\n%s", diff)
	}
	if rs := g.Between("kubernetes", pg.ID); len(rs) != 1 || rs[0].Type != graph.Requires {
		t.Errorf("Kubernetes -> PostgreSQL = %v, want requires", rs)
	}
	if g.Lookup("Linx") == nil || len(g.Between(pg.ID, g.Lookup("Linx").ID)) != 1 {
		t.Error("PostgreSQL uses Linx: want both made by the file related")
	}
	// A later section finds a concept an add entry made.
	if g.Lookup("Nomad") != nil {
		t.Error("Nomad is still there after hide")
	}
	lo, err := g.LearningOrder("Kubernetes")
	if err != nil || !slices.ContainsFunc(lo.Steps, func(s graph.Step) bool { return s.Concept.ID == pg.ID }) {
		t.Errorf("LearningOrder(Kubernetes) = %v, %v; want PostgreSQL among its steps", lo, err)
	}
}

// An empty curation leaves the graph alone.
func TestCurateNothing(t *testing.T) {
	g := graphtest.Course()
	before := relationSet(g)
	empty, err := graph.ParseCuration("c.yaml", []byte("# nothing\n"))
	if err != nil {
		t.Fatal(err)
	}
	if w := g.Curate(empty, nil); w != nil {
		t.Errorf("Curate(empty) = %v, want no warnings", w)
	}
	if diff := cmp.Diff(before, relationSet(g)); diff != "" {
		t.Errorf("Curate(empty) changed the graph (-want +got):\n%s", diff)
	}
}
