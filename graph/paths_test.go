package graph_test

import (
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

// chains writes each chain as "a-type->b<-type-c".
func chains(cs [][]graph.Hop) []string {
	var out []string
	for _, hops := range cs {
		var b strings.Builder
		for i, h := range hops {
			if i == 0 {
				b.WriteString(h.From)
			}
			if h.Reversed {
				b.WriteString("<-" + string(h.Relation.Type) + "-")
			} else {
				b.WriteString("-" + string(h.Relation.Type) + "->")
			}
			b.WriteString(h.To)
		}
		out = append(out, b.String())
	}
	return out
}

func TestPaths(t *testing.T) {
	g := build(t, []rel{
		{"a", graph.Uses, "b", 1}, {"b", graph.Uses, "d", 1},
		{"a", graph.PartOf, "c", 1}, {"d", graph.TypeOf, "c", 1},
		{"a", graph.Uses, "e", 1}, {"e", graph.Uses, "f", 1}, {"f", graph.Uses, "d", 1},
		{"b", graph.ComparedWith, "c", 1},
	})
	tests := []struct {
		from, to string
		types    []graph.RelationType
		directed bool
		limit    int
		want     []string
	}{
		{"a", "d", nil, false, 1, []string{"a-uses->b-uses->d"}},
		{"a", "d", nil, false, 10, []string{
			"a-uses->b-uses->d",
			"a-part_of->c<-type_of-d",
			"a-uses->b-compared_with->c<-type_of-d",
			"a-part_of->c<-compared_with-b-uses->d",
			"a-uses->e-uses->f-uses->d",
		}},
		{"a", "d", nil, true, 10, []string{"a-uses->b-uses->d", "a-uses->e-uses->f-uses->d"}},
		{"a", "d", []graph.RelationType{graph.PartOf, graph.TypeOf}, false, 10, []string{"a-part_of->c<-type_of-d"}},
		{"d", "a", nil, true, 3, nil},
		{"A", "D", nil, false, 0, []string{"a-uses->b-uses->d"}}, // names; a limit below 1 is 1
	}
	for _, tt := range tests {
		got, err := g.Paths(tt.from, tt.to, tt.types, tt.directed, tt.limit)
		if err != nil {
			t.Fatalf("Paths(%s, %s) = %v", tt.from, tt.to, err)
		}
		if diff := cmp.Diff(tt.want, chains(got)); diff != "" {
			t.Errorf("Paths(%s, %s, %v, directed %v, %d) differ (-want +got):\n%s", tt.from, tt.to, tt.types, tt.directed, tt.limit, diff)
		}
	}
	var nf *graph.NotFoundError
	if _, err := g.Paths("a", "zz", nil, false, 3); !errors.As(err, &nf) {
		t.Errorf("Paths(a, zz) = %v, want a *NotFoundError", err)
	}
	if got, _ := g.Paths("a", "a", nil, false, 3); len(got) != 1 || len(got[0]) != 0 {
		t.Errorf("Paths(a, a) = %v, want one empty chain", got)
	}
}

// Paths agrees with Path on the length of the shortest chain, and with a
// brute-force enumeration of every simple chain on the lengths of the k
// shortest.
func TestPathsRandom(t *testing.T) {
	for seed := range uint64(60) {
		rng := rand.New(rand.NewPCG(seed, 5))
		n := 4 + rng.IntN(7)
		var rels []rel
		for range 2 * n {
			a, b := rng.IntN(n), rng.IntN(n)
			if a != b {
				rels = append(rels, rel{fmt.Sprintf("n%d", a), graph.Types[rng.IntN(len(graph.Types))], fmt.Sprintf("n%d", b), 1})
			}
		}
		rels = append(rels, rel{"n0", graph.Uses, "n1", 1}, rel{"n1", graph.Uses, fmt.Sprintf("n%d", n-1), 1})
		g := build(t, dedupe(rels))
		for _, directed := range []bool{false, true} {
			from, to := "n0", fmt.Sprintf("n%d", n-1)
			got, err := g.Paths(from, to, nil, directed, 6)
			if err != nil {
				t.Fatal(err)
			}
			one, _ := g.Path(from, to, nil, directed)
			if len(got) == 0 || len(got[0]) != len(one) {
				t.Fatalf("seed %d: Paths[0] has %d hops, Path %d", seed, len(got[0]), len(one))
			}
			all := allChains(g, from, to, directed)
			want := all[:min(6, len(all))]
			var lens []int
			seen := map[string]bool{}
			for _, hops := range got {
				lens = append(lens, len(hops))
				key := hops[0].From
				for i, h := range hops {
					if i > 0 && h.From != hops[i-1].To {
						t.Fatalf("seed %d: broken chain %v", seed, chains([][]graph.Hop{hops}))
					}
					if h.Relation == nil || directed && h.Reversed {
						t.Fatalf("seed %d: bad hop %+v", seed, h)
					}
					key += ">" + h.To
				}
				if seen[key] {
					t.Fatalf("seed %d: chain %s twice", seed, key)
				}
				seen[key] = true
			}
			if diff := cmp.Diff(want, lens); diff != "" {
				t.Fatalf("seed %d directed %v: chain lengths differ from brute force (-want +got):\n%s", seed, directed, diff)
			}
		}
	}
}

// allChains returns the lengths of every simple chain from a to b, sorted.
func allChains(g *graph.Graph, a, b string, directed bool) []int {
	var lens []int
	on := map[string]bool{a: true}
	var walk func(id string, n int)
	walk = func(id string, n int) {
		if id == b {
			lens = append(lens, n)
			return
		}
		out, in := g.RelationsOf(id)
		next := map[string]bool{}
		for _, r := range out {
			next[r.To] = true
		}
		if !directed {
			for _, r := range in {
				next[r.From] = true
			}
		}
		for nb := range next {
			if !on[nb] {
				on[nb] = true
				walk(nb, n+1)
				on[nb] = false
			}
		}
	}
	walk(a, 0)
	slices.Sort(lens)
	return lens
}

func TestPathsEvidence(t *testing.T) {
	g := graphtest.Course()
	got, err := g.Paths("Go", "Linux", nil, false, 3)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"go<-uses-kubernetes<-uses-linux",
		"go<-uses-kubernetes-requires->container-uses->linux",
		"go<-uses-kubernetes-requires->container-uses->cgroups-part_of->linux",
	}
	if diff := cmp.Diff(want, chains(got)); diff != "" {
		t.Errorf("Paths(Go, Linux) differ (-want +got):\n%s", diff)
	}
}
