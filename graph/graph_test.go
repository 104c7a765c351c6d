package graph_test

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"conceptgraph/graph"
)

// small builds a ← b → c, c -compared_with- d, and an isolated e.
func small(t *testing.T) *graph.Graph {
	t.Helper()
	g := graph.New()
	for _, c := range []graph.Concept{
		{ID: "a", Name: "도커", Aliases: []string{"Docker"}},
		{ID: "b", Name: "컨테이너", Aliases: []string{"Container"}},
		{ID: "c", Name: "Linux"},
		{ID: "d", Name: "Windows"},
		{ID: "e", Name: "Isolated"},
	} {
		if _, err := g.AddConcept(c); err != nil {
			t.Fatal(err)
		}
	}
	for _, r := range []graph.Relation{
		{From: "a", To: "b", Type: graph.Uses, Confidence: 0.9, Evidence: []graph.Evidence{{File: "n.md", Line: 3, Text: "도커는 컨테이너를 사용"}}},
		{From: "b", To: "c", Type: graph.Uses, Confidence: 0.8},
		{From: "c", To: "d", Type: graph.ComparedWith, Confidence: 0.6},
	} {
		if err := g.AddRelation(r); err != nil {
			t.Fatal(err)
		}
	}
	return g
}

func TestAddMerges(t *testing.T) {
	g := small(t)
	// The same concept again adds names and sources.
	if _, err := g.AddConcept(graph.Concept{ID: "a", Name: "Docker Engine", Sources: []graph.Source{{File: "x.md", Line: 1}}}); err != nil {
		t.Fatal(err)
	}
	if got, want := g.Concept("a").Aliases, []string{"Docker", "Docker Engine"}; !cmp.Equal(got, want) {
		t.Errorf("aliases = %v, want %v", got, want)
	}
	// The same relation again adds evidence and keeps the higher confidence.
	if err := g.AddRelation(graph.Relation{From: "a", To: "b", Type: graph.Uses, Confidence: 0.95, Evidence: []graph.Evidence{{File: "m.md", Line: 9}}}); err != nil {
		t.Fatal(err)
	}
	rs := g.Between("a", "b")
	if len(rs) != 1 || rs[0].Confidence != 0.95 || len(rs[0].Evidence) != 2 {
		t.Errorf("Between(a, b) = %+v, want one relation, confidence 0.95, two evidence", rs)
	}
	// A second type between the same pair is kept beside the first.
	if err := g.AddRelation(graph.Relation{From: "a", To: "b", Type: graph.TypeOf}); err != nil {
		t.Fatal(err)
	}
	if n := len(g.Between("a", "b")); n != 2 {
		t.Errorf("len(Between(a, b)) = %d, want 2", n)
	}
	// A symmetric relation stated the other way round is the same relation.
	if err := g.AddRelation(graph.Relation{From: "d", To: "c", Type: graph.ComparedWith}); err != nil {
		t.Fatal(err)
	}
	if n := len(g.Between("d", "c")); n != 0 {
		t.Errorf("len(Between(d, c)) = %d, want 0 (merged into c -> d)", n)
	}
}

func TestAddRejects(t *testing.T) {
	g := small(t)
	for _, r := range []graph.Relation{
		{From: "a", To: "a", Type: graph.Uses},
		{From: "a", To: "zz", Type: graph.Uses},
		{From: "a", To: "b", Type: "likes"},
	} {
		if err := g.AddRelation(r); err == nil {
			t.Errorf("AddRelation(%v) = nil, want an error", r)
		}
	}
	if _, err := g.AddConcept(graph.Concept{Name: "no id"}); err == nil {
		t.Error("AddConcept without id = nil error, want one")
	}
}

func TestLookup(t *testing.T) {
	g := small(t)
	for in, want := range map[string]string{"a": "a", "Docker": "a", "docker": "a", "도커": "a", "con tainer": "b", "LINUX": "c"} {
		if c := g.Lookup(in); c == nil || c.ID != want {
			t.Errorf("Lookup(%q) = %v, want %s", in, c, want)
		}
	}
	if c := g.Lookup("nothing"); c != nil {
		t.Errorf("Lookup(nothing) = %v, want nil", c)
	}
}

func TestJSONRoundTrip(t *testing.T) {
	g := small(t)
	var a, b bytes.Buffer
	if err := g.WriteJSON(&a); err != nil {
		t.Fatal(err)
	}
	g2, err := graph.ReadJSON(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := g2.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(a.String(), b.String()); diff != "" {
		t.Errorf("JSON round trip differs (-first +second):\n%s", diff)
	}
	if !bytes.Contains(a.Bytes(), []byte(`"aliases": []`)) || !bytes.Contains(a.Bytes(), []byte(`"pros": []`)) {
		t.Errorf("empty lists must be [] not null:\n%s", a.String())
	}
}

func ids(g *graph.Graph) []string {
	var out []string
	for _, c := range g.Concepts() {
		out = append(out, c.ID)
	}
	return out
}

func TestNeighborhood(t *testing.T) {
	g := small(t)
	tests := []struct {
		focus string
		depth int
		types []graph.RelationType
		want  []string
	}{
		{"a", 0, nil, []string{"a"}},
		{"a", 1, nil, []string{"a", "b"}},
		{"Docker", 2, nil, []string{"a", "b", "c"}},
		{"b", 1, nil, []string{"a", "b", "c"}},
		{"c", 1, []graph.RelationType{graph.ComparedWith}, []string{"c", "d"}},
		{"e", 3, nil, []string{"e"}},
	}
	for _, tt := range tests {
		v, err := g.Neighborhood(tt.focus, tt.depth, tt.types)
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(v); !cmp.Equal(got, tt.want) {
			t.Errorf("Neighborhood(%q, %d, %v) = %v, want %v", tt.focus, tt.depth, tt.types, got, tt.want)
		}
	}
	var nf *graph.NotFoundError
	if _, err := g.Neighborhood("zz", 1, nil); !errors.As(err, &nf) {
		t.Errorf("Neighborhood(zz) error = %v, want NotFoundError", err)
	}
}

func TestPath(t *testing.T) {
	g := small(t)
	hops, err := g.Path("도커", "Windows", nil, false)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range hops {
		got = append(got, fmt.Sprintf("%s-%s->%s", h.From, h.Relation.Type, h.To))
	}
	if want := []string{"a-uses->b", "b-uses->c", "c-compared_with->d"}; !cmp.Equal(got, want) {
		t.Errorf("Path(도커, Windows) = %v, want %v", got, want)
	}
	// Against the direction of relations only when undirected.
	if hops, _ := g.Path("c", "a", nil, true); hops != nil {
		t.Errorf("directed Path(c, a) = %v, want none", hops)
	}
	if hops, _ := g.Path("c", "a", nil, false); len(hops) != 2 || !hops[0].Reversed {
		t.Errorf("Path(c, a) = %+v, want two reversed hops", hops)
	}
	if hops, _ := g.Path("a", "e", nil, false); hops != nil {
		t.Errorf("Path(a, e) = %v, want nil (not connected)", hops)
	}
	if hops, _ := g.Path("a", "c", []graph.RelationType{graph.TypeOf}, false); hops != nil {
		t.Errorf("Path(a, c, type_of only) = %v, want nil", hops)
	}
}

func TestParseTypes(t *testing.T) {
	got, err := graph.ParseTypes(" uses,type_of ,uses")
	if err != nil || !cmp.Equal(got, []graph.RelationType{graph.Uses, graph.TypeOf}) {
		t.Errorf("ParseTypes = %v, %v", got, err)
	}
	if _, err := graph.ParseTypes("uses,likes"); err == nil {
		t.Error("ParseTypes(likes) = nil error, want one")
	}
}

// TestLibrary: the dominikbraun/graph a Graph builds when asked holds
// every concept, and one edge per related pair carrying its relations.
func TestLibrary(t *testing.T) {
	g := small(t)
	n, edges, err := graph.LibraryEdges(g)
	if err != nil {
		t.Fatal(err)
	}
	if n != g.Len() {
		t.Errorf("LibraryEdges(small) = %d vertices, want %d", n, g.Len())
	}
	want := map[[2]string]int{}
	for _, r := range g.Relations() {
		want[[2]string{r.From, r.To}]++
	}
	if diff := cmp.Diff(want, edges); diff != "" {
		t.Errorf("LibraryEdges(small) edges (-want +got):\n%s", diff)
	}
}

// built is a graph of cs and rs, added in order.
func built(t *testing.T, cs []graph.Concept, rs []graph.Relation) *graph.Graph {
	t.Helper()
	g := graph.New()
	for _, c := range cs {
		if _, err := g.AddConcept(c); err != nil {
			t.Fatal(err)
		}
	}
	for _, r := range rs {
		if err := g.AddRelation(r); err != nil {
			t.Fatal(err)
		}
	}
	return g
}

// TestRevise: a graph revised is the graph built again with the concepts
// and relations changed, inside as well as out, and the graph revised is
// left as it was.
func TestRevise(t *testing.T) {
	concepts := []graph.Concept{
		{ID: "a", Name: "도커", Aliases: []string{"Docker", "docker", " Docker ", "Container", ""}, Summary: "컨테이너 런타임"},
		{ID: "b", Name: "컨테이너", Aliases: []string{"Container", "컨테이너", "container", "Container"}},
		{ID: "c", Name: "Linux", Pros: []string{"free"}},
		{ID: "d", Name: "Windows", Sources: []graph.Source{{File: "n.md", Line: 1}}},
	}
	relations := []graph.Relation{
		{From: "a", To: "b", Type: graph.Uses, Confidence: 0.9, Evidence: []graph.Evidence{{File: "n.md", Line: 3, Text: "도커는 컨테이너를 사용"}}},
		{From: "b", To: "c", Type: graph.Uses, Confidence: 0.8},
		{From: "a", To: "b", Type: graph.TypeOf, Confidence: 0.5},
		{From: "d", To: "c", Type: graph.ComparedWith, Confidence: 0.6},
	}
	build := func(cs []graph.Concept, rs []graph.Relation) *graph.Graph { return built(t, cs, rs) }
	g := build(concepts, relations)
	var before bytes.Buffer
	if err := g.WriteJSON(&before); err != nil {
		t.Fatal(err)
	}
	cs, rs := slices.Clone(concepts), slices.Clone(relations)
	cs[0].Tags = []string{"runtime", "container"}
	cs[1].Summary, cs[1].Sources = "격리된 프로세스", []graph.Source{{File: "m.md", Line: 2}}
	cs[2].Pros = []string{"free", "open"}
	rs[0].Evidence = append(slices.Clone(rs[0].Evidence), graph.Evidence{File: "m.md", Line: 5, Text: "Docker uses containers"})
	rs[2].Confidence = 0.7
	rs[3].Evidence = []graph.Evidence{{File: "m.md", Line: 9, Text: "Windows vs Linux"}}
	got := g.Revise([]graph.Concept{cs[0], cs[1], cs[2]}, []graph.Relation{rs[0], rs[2], rs[3]})
	if want := build(cs, rs); !graph.SameInside(got, want) {
		t.Errorf("Revise gives another graph than building it again")
	}
	var after bytes.Buffer
	if err := g.WriteJSON(&after); err != nil {
		t.Fatal(err)
	}
	if before.String() != after.String() {
		t.Errorf("Revise changed the graph revised")
	}
	// Two graphs revised from one, each added to, keep their own
	// relations, though the lists of each concept's relations began
	// shared: "a" has room in its list for a fourth.
	base := build(append(slices.Clone(concepts), graph.Concept{ID: "e", Name: "E"}, graph.Concept{ID: "f", Name: "F"}),
		append(slices.Clone(relations), graph.Relation{From: "a", To: "c", Type: graph.Uses}, graph.Relation{From: "a", To: "d", Type: graph.Uses}))
	one, two := base.Revise(nil, nil), base.Revise(nil, nil)
	if err := one.AddRelation(graph.Relation{From: "a", To: "e", Type: graph.Uses}); err != nil {
		t.Fatal(err)
	}
	if err := two.AddRelation(graph.Relation{From: "a", To: "f", Type: graph.Uses}); err != nil {
		t.Fatal(err)
	}
	// A relation of another type between two concepts already related,
	// added to one, is one's alone: their edge was base's too.
	if err := one.AddRelation(graph.Relation{From: "a", To: "b", Type: graph.PartOf}); err != nil {
		t.Fatal(err)
	}
	if got, want := len(one.Between("a", "b")), 3; got != want {
		t.Errorf("len(one.Between(a, b)) = %d, want %d", got, want)
	}
	if got, want := len(base.Between("a", "b")), 2; got != want {
		t.Errorf("len(base.Between(a, b)) = %d after a relation added to one, want %d", got, want)
	}
	// A concept added to one, which shares its maps with base until it
	// changes them, is one's alone.
	if _, err := one.AddConcept(graph.Concept{ID: "g", Name: "G"}); err != nil {
		t.Fatal(err)
	}
	if one.Lookup("G") == nil || base.Lookup("G") != nil || two.Lookup("g") != nil {
		t.Errorf("a concept added to a graph revised is found in %v, %v, %v of it, base and another revised, want only the first",
			one.Lookup("G") != nil, base.Lookup("G") != nil, two.Lookup("g") != nil)
	}
	for _, c := range []struct {
		g    *graph.Graph
		want string
	}{{one, "e"}, {two, "f"}, {base, ""}} {
		out, _ := c.g.RelationsOf("a")
		var to []string
		for _, r := range out {
			if r.To == "e" || r.To == "f" {
				to = append(to, r.To)
			}
		}
		if want := []string{c.want}; c.want == "" && len(to) > 0 || c.want != "" && !slices.Equal(to, want) {
			t.Errorf("RelationsOf(a) of a graph revised and added to reaches %v, want %q", to, c.want)
		}
	}
}

// TestUnrelate: a relation removed from a graph revised leaves the graph
// built without it, inside as well as out, where it was the only relation
// between its ends or not the first of them; and the graph revised is
// left as it was.
func TestUnrelate(t *testing.T) {
	concepts := []graph.Concept{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}, {ID: "c", Name: "C"}, {ID: "d", Name: "D"}}
	relations := []graph.Relation{
		{From: "a", To: "b", Type: graph.Uses, Confidence: 0.9},
		{From: "a", To: "c", Type: graph.Uses, Confidence: 0.8},
		{From: "d", To: "c", Type: graph.ComparedWith, Confidence: 0.6},
		{From: "a", To: "b", Type: graph.TypeOf, Confidence: 0.5},
		{From: "c", To: "b", Type: graph.PartOf, Confidence: 0.7},
		{From: "a", To: "d", Type: graph.Requires, Confidence: 0.4},
	}
	build := func(rs []graph.Relation) *graph.Graph { return built(t, concepts, rs) }
	base := build(relations)
	var before bytes.Buffer
	if err := base.WriteJSON(&before); err != nil {
		t.Fatal(err)
	}
	for _, i := range []int{1, 2, 3, 4, 5} {
		r := relations[i]
		if i == 2 {
			r.From, r.To = r.To, r.From // either way round
		}
		g := base.Revise(nil, nil)
		if !g.Unrelate(r) {
			t.Fatalf("Unrelate(%v) = false, want true", relations[i])
		}
		if want := build(slices.Delete(slices.Clone(relations), i, i+1)); !graph.SameInside(g, want) {
			t.Errorf("Unrelate(%v) gives another graph than building it without", relations[i])
		}
		if g.Unrelate(r) {
			t.Errorf("Unrelate(%v) again = true, want false", relations[i])
		}
	}
	var after bytes.Buffer
	if err := base.WriteJSON(&after); err != nil {
		t.Fatal(err)
	}
	if before.String() != after.String() || !graph.SameInside(base, build(relations)) {
		t.Errorf("Unrelate changed the graph revised")
	}
}
