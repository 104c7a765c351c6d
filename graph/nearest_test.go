package graph_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"conceptgraph/graph"
)

// star builds a hub that spokes s0…s(n-1) are examples of, spoke i with
// confidence 0.5 + i/(2n) (so later spokes are stronger), each spoke with
// a leaf that uses it, and a pair of concepts apart from the star.
func star(t *testing.T, n int) *graph.Graph {
	t.Helper()
	g := graph.New()
	add := func(id string) {
		if _, err := g.AddConcept(graph.Concept{ID: id, Name: id}); err != nil {
			t.Fatal(err)
		}
	}
	rel := func(from, to string, typ graph.RelationType, conf float64) {
		if err := g.AddRelation(graph.Relation{From: from, To: to, Type: typ, Confidence: conf}); err != nil {
			t.Fatal(err)
		}
	}
	add("hub")
	for i := range n {
		s, l := fmt.Sprintf("s%02d", i), fmt.Sprintf("l%02d", i)
		add(s)
		add(l)
		rel(s, "hub", graph.ExampleOf, 0.5+float64(i)/float64(2*n))
		rel(l, s, graph.Uses, 0.9)
	}
	add("x")
	add("y")
	rel("x", "y", graph.Uses, 0.9)
	return g
}

func TestNearestNeighborhood(t *testing.T) {
	g := star(t, 20)
	tests := []struct {
		depth, limit int
		want         []string // the concepts kept
		omitted      int
	}{
		{1, 0, nil, 0},  // no limit: the whole neighbourhood (checked by size below)
		{1, 30, nil, 0}, // it fits
		{1, 4, []string{"hub", "s17", "s18", "s19"}, 17},
		{2, 4, []string{"hub", "s17", "s18", "s19"}, 37},
		// Room for every spoke and a few leaves: the leaves are alike
		// (uses, 0.9, degree 1), so by id.
		{2, 23, append(numbered("s", 20), "hub", "l00", "l01"), 18},
	}
	for _, tt := range tests {
		sub, omitted, err := g.NearestNeighborhood("hub", tt.depth, nil, tt.limit)
		if err != nil {
			t.Fatal(err)
		}
		if tt.want == nil {
			full, _ := g.Neighborhood("hub", tt.depth, nil)
			if sub.Len() != full.Len() || omitted != 0 {
				t.Errorf("NearestNeighborhood(hub, %d, %d) = %d concepts, %d omitted, want all %d", tt.depth, tt.limit, sub.Len(), omitted, full.Len())
			}
			continue
		}
		var got []string
		for _, c := range sub.Concepts() {
			got = append(got, c.ID)
		}
		want := slices.Sorted(slices.Values(tt.want))
		if diff := cmp.Diff(want, got); diff != "" || omitted != tt.omitted {
			t.Errorf("NearestNeighborhood(hub, %d, %d) = %d omitted, want %d; concepts (-want +got):\n%s", tt.depth, tt.limit, omitted, tt.omitted, diff)
		}
		if len(sub.Relations()) < len(got)-1 {
			t.Errorf("NearestNeighborhood(hub, %d, %d) has %d relations, want every concept joined", tt.depth, tt.limit, len(sub.Relations()))
		}
	}
	if _, _, err := g.NearestNeighborhood("nowhere", 1, nil, 5); err == nil {
		t.Error("NearestNeighborhood(nowhere) = nil error, want not found")
	}
}

func numbered(prefix string, n int) []string {
	var out []string
	for i := range n {
		out = append(out, fmt.Sprintf("%s%02d", prefix, i))
	}
	return out
}

// The overview never holds more than it is asked for, even when the most
// connected concept alone has more neighbours.
func TestOverviewSize(t *testing.T) {
	g := star(t, 40)
	for _, n := range []int{1, 5, 25, 40, 41, 60, 200} {
		got := g.Overview(n)
		if len(got) > n || !slices.Contains(got, "hub") {
			t.Errorf("Overview(%d) = %d concepts (hub in it: %t), want at most %d with the hub", n, len(got), slices.Contains(got, "hub"), n)
		}
	}
	if got := g.Overview(5); !slices.Equal(got, []string{"hub", "s36", "s37", "s38", "s39"}) {
		t.Errorf("Overview(5) = %v, want the hub and its four strongest relations", got)
	}
}

func TestWriteDOTCaption(t *testing.T) {
	var b strings.Builder
	if err := star(t, 2).WriteDOT(&b, graph.DOTOptions{Caption: `3 of "5" concepts \N`}); err != nil {
		t.Fatal(err)
	}
	if want := `label="3 of \"5\" concepts \\N", labelloc="b"`; !strings.Contains(b.String(), want) {
		t.Errorf("WriteDOT(Caption) = %s, want the graph attributes to hold %s", b.String(), want)
	}
}
