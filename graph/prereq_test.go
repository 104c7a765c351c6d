package graph_test

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"conceptgraph/graph"
	"conceptgraph/graph/internal/graphtest"
)

// rel is a relation written "from type to confidence".
type rel struct {
	from string
	t    graph.RelationType
	to   string
	conf float64
}

// build returns a graph of the concepts named in rels (each named as its
// id, upper-cased) and rels.
func build(t testing.TB, rels []rel) *graph.Graph {
	t.Helper()
	g := graph.New()
	for _, r := range rels {
		for _, id := range []string{r.from, r.to} {
			if _, err := g.AddConcept(graph.Concept{ID: id, Name: strings.ToUpper(id)}); err != nil {
				t.Fatal(err)
			}
		}
	}
	for i, r := range rels {
		err := g.AddRelation(graph.Relation{From: r.from, To: r.to, Type: r.t, Confidence: r.conf,
			Evidence: []graph.Evidence{{File: "n.md", Line: i + 1, Text: r.from + " " + string(r.t) + " " + r.to}}})
		if err != nil {
			t.Fatal(err)
		}
	}
	return g
}

func TestPrerequisiteTypes(t *testing.T) {
	for _, tt := range []struct {
		t    graph.RelationType
		want bool
	}{
		{graph.Requires, true},
		{graph.TypeOf, true},
		{graph.ExampleOf, true},
		{graph.PartOf, true},
		{graph.Uses, true},
		{graph.ComparedWith, false},
		{graph.OppositeOf, false},
	} {
		if got := tt.t.Prerequisite(); got != tt.want {
			t.Errorf("%s.Prerequisite() = %v, want %v", tt.t, got, tt.want)
		}
	}
}

func TestLearningOrder(t *testing.T) {
	const (
		req = graph.Requires
		use = graph.Uses
		typ = graph.TypeOf
		ex  = graph.ExampleOf
		prt = graph.PartOf
		cpw = graph.ComparedWith
		opp = graph.OppositeOf
	)
	tests := []struct {
		name     string
		rels     []rel
		target   string
		steps    []string   // ids in learning order
		cycles   [][]string // concept ids of each cycle
		setAside []string   // "from type to" of each cycle's set-aside relations
	}{
		{
			name:   "each relation type points at what comes first",
			rels:   []rel{{"a", req, "b", 1}, {"b", typ, "c", 1}, {"c", ex, "d", 1}, {"d", prt, "e", 1}, {"e", use, "f", 1}},
			target: "a",
			steps:  []string{"f", "e", "d", "c", "b", "a"},
		},
		{
			name:   "compared_with and opposite_of are not prerequisites",
			rels:   []rel{{"a", cpw, "b", 1}, {"c", opp, "a", 1}, {"a", use, "d", 1}},
			target: "a",
			steps:  []string{"d", "a"},
		},
		{
			name:   "ties: deeper first, then by name",
			rels:   []rel{{"a", use, "c", 1}, {"a", use, "b", 1}, {"c", use, "d", 1}, {"a", use, "e", 1}},
			target: "a",
			steps:  []string{"d", "b", "c", "e", "a"},
		},
		{
			name:   "a concept comes after everything it needs, even nearer ones",
			rels:   []rel{{"a", use, "b", 1}, {"b", use, "c", 1}, {"a", use, "c", 1}, {"c", use, "d", 1}},
			target: "a",
			steps:  []string{"d", "c", "b", "a"},
		},
		{
			name:   "only what the target needs",
			rels:   []rel{{"a", use, "b", 1}, {"c", use, "a", 1}, {"d", use, "b", 1}},
			target: "a",
			steps:  []string{"b", "a"},
		},
		{
			name:     "a cycle is broken at its weakest relation",
			rels:     []rel{{"a", use, "b", 0.9}, {"b", use, "c", 0.9}, {"c", use, "b", 0.6}},
			target:   "a",
			steps:    []string{"c", "b", "a"},
			cycles:   [][]string{{"c", "b"}},
			setAside: []string{"c uses b"},
		},
		{
			name:     "an explicit requires outranks a more confident derived prerequisite",
			rels:     []rel{{"a", use, "b", 0.9}, {"b", req, "c", 0.5}, {"c", use, "b", 0.9}},
			target:   "a",
			steps:    []string{"c", "b", "a"},
			cycles:   [][]string{{"c", "b"}},
			setAside: []string{"c uses b"},
		},
		{
			name:     "of two equal relations the one later by ids is set aside",
			rels:     []rel{{"a", use, "c", 0.8}, {"c", use, "b", 0.8}, {"b", use, "c", 0.8}},
			target:   "a",
			steps:    []string{"c", "b", "a"},
			cycles:   [][]string{{"c", "b"}},
			setAside: []string{"c uses b"},
		},
		{
			name:     "a three-concept cycle loses its weakest link",
			rels:     []rel{{"t", use, "a", 1}, {"a", use, "b", 0.9}, {"b", part, "c", 0.7}, {"c", use, "a", 0.8}},
			target:   "t",
			steps:    []string{"b", "a", "c", "t"},
			cycles:   [][]string{{"b", "c", "a"}},
			setAside: []string{"b part_of c"},
		},
		{
			name:     "whatever needs the target is set aside, however strong",
			rels:     []rel{{"a", use, "b", 0.5}, {"b", req, "a", 1}},
			target:   "a",
			steps:    []string{"b", "a"},
			cycles:   [][]string{{"b", "a"}},
			setAside: []string{"b requires a"},
		},
		{
			name: "two cycles sharing a concept",
			rels: []rel{{"t", use, "a", 1}, {"a", use, "b", 0.9}, {"b", use, "a", 0.7},
				{"a", use, "c", 0.9}, {"c", use, "a", 0.6}},
			target:   "t",
			steps:    []string{"b", "c", "a", "t"},
			cycles:   [][]string{{"b", "a"}, {"c", "a"}},
			setAside: []string{"b uses a", "c uses a"},
		},
		{
			name:   "two relations between one pair are both reasons",
			rels:   []rel{{"a", use, "b", 0.9}, {"a", prt, "b", 0.7}},
			target: "A",
			steps:  []string{"b", "a"},
		},
		{
			name:   "a concept with no prerequisites is its own order",
			rels:   []rel{{"a", cpw, "b", 1}},
			target: "b",
			steps:  []string{"b"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := build(t, tt.rels)
			lo, err := g.LearningOrder(tt.target)
			if err != nil {
				t.Fatalf("LearningOrder(%q) = %v", tt.target, err)
			}
			var steps []string
			for _, s := range lo.Steps {
				steps = append(steps, s.Concept.ID)
			}
			var cycles [][]string
			var setAside []string
			for _, c := range lo.Cycles {
				cycles = append(cycles, c.Concepts)
				for _, r := range c.SetAside {
					setAside = append(setAside, r.From+" "+string(r.Type)+" "+r.To)
				}
				if c.Note == "" {
					t.Errorf("cycle %v has no note", c.Concepts)
				}
			}
			if diff := cmp.Diff(tt.steps, steps); diff != "" {
				t.Errorf("LearningOrder(%q) steps differ (-want +got):\n%s", tt.target, diff)
			}
			if diff := cmp.Diff(tt.cycles, cycles); diff != "" {
				t.Errorf("LearningOrder(%q) cycles differ (-want +got):\n%s", tt.target, diff)
			}
			if diff := cmp.Diff(tt.setAside, setAside); diff != "" {
				t.Errorf("LearningOrder(%q) set aside differ (-want +got):\n%s", tt.target, diff)
			}
			checkOrder(t, g, lo)
		})
	}
}

// part is part_of, short for the table above.
const part = graph.PartOf

func TestLearningOrderBecause(t *testing.T) {
	g := graphtest.Course()
	lo, err := g.LearningOrder("k8s") // an alias
	if err != nil {
		t.Fatal(err)
	}
	if lo.Target.ID != "kubernetes" {
		t.Fatalf("LearningOrder(k8s).Target = %s, want kubernetes", lo.Target.ID)
	}
	got := map[string][]string{}
	for _, s := range lo.Steps {
		for _, b := range s.Because {
			r := b.Relation
			e := r.From + " " + string(r.Type) + " " + r.To
			if b.SetAside {
				e += " (set aside)"
			}
			if len(r.Evidence) == 0 {
				t.Errorf("%s: no evidence", e)
			}
			got[s.Concept.ID] = append(got[s.Concept.ID], e)
		}
		for _, r := range s.Compare {
			got[s.Concept.ID] = append(got[s.Concept.ID], "compare "+r.From+" "+string(r.Type)+" "+r.To)
		}
	}
	want := map[string][]string{
		"linux":      {"cgroups part_of linux", "container uses linux"},
		"cgroups":    {"container uses cgroups"},
		"go":         {"kubernetes uses go"},
		"container":  {"kubernetes requires container", "docker uses container"},
		"docker":     {"kubernetes uses docker", "container uses docker (set aside)"},
		"kubernetes": {"linux uses kubernetes (set aside)", "compare kubernetes compared_with swarm"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("LearningOrder(k8s) reasons differ (-want +got):\n%s", diff)
	}
}

func TestLearningOrderUnknown(t *testing.T) {
	_, err := graphtest.Course().LearningOrder("Nomad")
	var nf *graph.NotFoundError
	if !errors.As(err, &nf) || nf.Name != "Nomad" {
		t.Errorf("LearningOrder(Nomad) = %v, want a *NotFoundError naming it", err)
	}
}

func TestLearningOrderJSONGolden(t *testing.T) {
	lo, err := graphtest.Course().LearningOrder("쿠버네티스")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := lo.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	golden(t, "course-prereq.json", b.Bytes())
}

func TestLearningOrderGraph(t *testing.T) {
	lo, err := graphtest.Course().LearningOrder("쿠버네티스")
	if err != nil {
		t.Fatal(err)
	}
	g := lo.Graph()
	var names []string
	for _, s := range lo.Steps {
		names = append(names, g.Concept(s.Concept.ID).Name)
	}
	want := []string{"1. Linux", "2. cgroups", "3. Go", "4. 컨테이너", "5. 도커", "6. 쿠버네티스"}
	if diff := cmp.Diff(want, names); diff != "" {
		t.Errorf("LearningOrder.Graph() names differ (-want +got):\n%s", diff)
	}
	// Every prerequisite relation among the steps, set aside or not.
	if n := len(g.Relations()); n != 9 {
		t.Errorf("LearningOrder.Graph() has %d relations, want 9", n)
	}
	var b bytes.Buffer
	if err := g.WriteMermaid(&b); err != nil {
		t.Fatal(err)
	}
	golden(t, "course-prereq.mmd", b.Bytes())
}

// The order depends on the graph, not on the order it was built in.
func TestLearningOrderStable(t *testing.T) {
	var rels []rel
	rng := rand.New(rand.NewPCG(1, 2))
	for range 120 {
		a, b := rng.IntN(40), rng.IntN(40)
		if a != b {
			rels = append(rels, rel{fmt.Sprintf("n%02d", a), graph.Types[rng.IntN(len(graph.Types))], fmt.Sprintf("n%02d", b), float64(1+rng.IntN(10)) / 10})
		}
	}
	var first string
	for i := range 5 {
		shuffled := slices.Clone(rels)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		g := build(t, dedupe(shuffled))
		lo, err := g.LearningOrder("n00")
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := lo.WriteJSON(&b); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = b.String()
			continue
		}
		if diff := cmp.Diff(first, b.String()); diff != "" {
			t.Fatalf("learning order differs with the relations added in another order (-first +now):\n%s", diff)
		}
	}
}

// dedupe keeps the first relation of each pair and type, so that the
// graph is the same whatever order rels come in (the graph keeps the
// higher confidence, but evidence lines would differ).
func dedupe(rels []rel) []rel {
	slices.SortStableFunc(rels, func(a, b rel) int { return strings.Compare(a.from+a.to+string(a.t), b.from+b.to+string(b.t)) })
	return slices.CompactFunc(rels, func(a, b rel) bool {
		return a.t == b.t && (a.from == b.from && a.to == b.to || a.t.Symmetric() && a.from == b.to && a.to == b.from)
	})
}

// On random graphs, full of cycles: the order holds what the target needs
// and nothing else, follows every relation kept, and every relation set
// aside is the weakest of a cycle that exists.
func TestLearningOrderRandom(t *testing.T) {
	for seed := range uint64(200) {
		rng := rand.New(rand.NewPCG(seed, 99))
		n := 3 + rng.IntN(30)
		var rels []rel
		for range rng.IntN(4 * n) {
			a, b := rng.IntN(n), rng.IntN(n)
			if a != b {
				rels = append(rels, rel{fmt.Sprintf("n%02d", a), graph.Types[rng.IntN(len(graph.Types))], fmt.Sprintf("n%02d", b), float64(1+rng.IntN(4)) / 4})
			}
		}
		rels = append(rels, rel{"n00", graph.Uses, "n01", 1})
		g := build(t, dedupe(rels))
		lo, err := g.LearningOrder("n00")
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		checkOrder(t, g, lo)
		if t.Failed() {
			t.Fatalf("seed %d", seed)
		}
	}
}

// checkOrder checks the contract of a learning order against g.
func checkOrder(t *testing.T, g *graph.Graph, lo *graph.LearningOrder) {
	t.Helper()
	target := lo.Target.ID
	// What the target needs, by a plain search.
	need := map[string]bool{target: true}
	queue := []string{target}
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		out, _ := g.RelationsOf(id)
		for _, r := range out {
			if r.Type.Prerequisite() && !need[r.To] {
				need[r.To] = true
				queue = append(queue, r.To)
			}
		}
	}
	pos := map[string]int{}
	for i, s := range lo.Steps {
		if _, dup := pos[s.Concept.ID]; dup {
			t.Errorf("%s appears twice", s.Concept.ID)
		}
		pos[s.Concept.ID] = i
		if !need[s.Concept.ID] {
			t.Errorf("%s is in the order but %s does not need it", s.Concept.ID, target)
		}
	}
	if len(pos) != len(need) {
		t.Errorf("order has %d concepts, %s needs %d", len(pos), target, len(need))
	}
	if last := lo.Steps[len(lo.Steps)-1].Concept.ID; last != target {
		t.Errorf("last step = %s, want the target %s", last, target)
	}
	setAside := map[*graph.Relation]bool{}
	for _, c := range lo.Cycles {
		for _, r := range c.SetAside {
			setAside[r] = true
		}
		// The cycle exists: each concept needs the next.
		for i, id := range c.Concepts {
			next := c.Concepts[(i+1)%len(c.Concepts)]
			if !slices.ContainsFunc(g.Between(id, next), func(r *graph.Relation) bool { return r.Type.Prerequisite() }) {
				t.Errorf("cycle %v: %s does not need %s", c.Concepts, id, next)
			}
		}
		// The set-aside link is the weakest, unless it leads to the target.
		if c.Concepts[1] == target {
			continue
		}
		weakest := strengthOf(g.Between(c.Concepts[0], c.Concepts[1]))
		for i, id := range c.Concepts {
			next := c.Concepts[(i+1)%len(c.Concepts)]
			if s := strengthOf(g.Between(id, next)); s < weakest {
				t.Errorf("cycle %v: %s → %s (%v) is weaker than the link set aside (%v)", c.Concepts, id, next, s, weakest)
			}
		}
	}
	for _, s := range lo.Steps {
		for _, b := range s.Because {
			r := b.Relation
			if r.To != s.Concept.ID || !need[r.From] || !r.Type.Prerequisite() {
				t.Errorf("%s: reason %s %s %s does not put it there", s.Concept.ID, r.From, r.Type, r.To)
			}
			if b.SetAside != setAside[r] {
				t.Errorf("%s %s %s: SetAside = %v, but the cycles say %v", r.From, r.Type, r.To, b.SetAside, setAside[r])
			}
			if !b.SetAside && pos[r.From] <= pos[r.To] {
				t.Errorf("%s (step %d) needs %s (step %d) but comes first", r.From, pos[r.From]+1, r.To, pos[r.To]+1)
			}
		}
	}
}

// strengthOf ranks the prerequisite relations between a pair as the
// learning order does: requires first, then confidence.
func strengthOf(rs []*graph.Relation) float64 {
	s, explicit := 0.0, false
	for _, r := range rs {
		switch {
		case r.Type == graph.Requires && !explicit:
			s, explicit = r.Confidence, true
		case r.Type == graph.Requires || !explicit && r.Type.Prerequisite():
			s = max(s, r.Confidence)
		}
	}
	if explicit {
		s += 10
	}
	return s
}

func TestFindCycles(t *testing.T) {
	g := build(t, []rel{
		{"a", graph.Uses, "b", 0.9}, {"b", graph.PartOf, "a", 0.6}, // one cycle
		{"c", graph.Uses, "d", 1}, {"d", graph.TypeOf, "e", 1}, {"e", graph.Requires, "c", 1}, {"e", graph.Uses, "f", 1},
		{"f", graph.ComparedWith, "a", 1}, {"g", graph.OppositeOf, "h", 1}, // not prerequisites
	})
	got := g.FindCycles()
	var concepts [][]string
	var rels [][]string
	for _, cg := range got {
		concepts = append(concepts, cg.Concepts)
		var rs []string
		for _, r := range cg.Relations {
			rs = append(rs, r.From+" "+string(r.Type)+" "+r.To)
		}
		rels = append(rels, rs)
	}
	if diff := cmp.Diff([][]string{{"a", "b"}, {"c", "d", "e"}}, concepts); diff != "" {
		t.Errorf("FindCycles concepts differ (-want +got):\n%s", diff)
	}
	want := [][]string{{"a uses b", "b part_of a"}, {"c uses d", "d type_of e", "e requires c"}}
	if diff := cmp.Diff(want, rels); diff != "" {
		t.Errorf("FindCycles relations differ (-want +got):\n%s", diff)
	}
	if got := graphtest.Korean().FindCycles(); len(got) != 0 {
		t.Errorf("FindCycles(acyclic) = %v, want none", got)
	}
}

// Every group is strongly connected and no two groups could be one.
func TestFindCyclesRandom(t *testing.T) {
	for seed := range uint64(50) {
		g := graphtest.Synthetic(60, 90+int(seed))
		reach := func(from string) map[string]bool {
			seen := map[string]bool{from: true}
			queue := []string{from}
			for len(queue) > 0 {
				out, _ := g.RelationsOf(queue[0])
				queue = queue[1:]
				for _, r := range out {
					if r.Type.Prerequisite() && !seen[r.To] {
						seen[r.To] = true
						queue = append(queue, r.To)
					}
				}
			}
			return seen
		}
		inGroup := map[string]int{}
		for i, cg := range g.FindCycles() {
			for _, a := range cg.Concepts {
				inGroup[a] = i + 1
				r := reach(a)
				for _, b := range cg.Concepts {
					if !r[b] {
						t.Fatalf("seed %d: %s does not reach %s in group %v", seed, a, b, cg.Concepts)
					}
				}
			}
		}
		for _, c := range g.Concepts() {
			r := reach(c.ID)
			for d := range r {
				if d != c.ID && reach(d)[c.ID] && (inGroup[c.ID] == 0 || inGroup[c.ID] != inGroup[d]) {
					t.Fatalf("seed %d: %s and %s need each other but are not grouped", seed, c.ID, d)
				}
			}
		}
	}
}
