package graph_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"conceptgraph/graph"
)

func searchGraph(t *testing.T) *graph.Graph {
	t.Helper()
	g := graph.New()
	for _, c := range []graph.Concept{
		{ID: "docker", Name: "도커", Aliases: []string{"Docker"}},
		{ID: "kubernetes", Name: "쿠버네티스", Aliases: []string{"Kubernetes"}},
		{ID: "kubernetes-master", Name: "쿠버네티스 마스터"},
		{ID: "load-balancer", Name: "Load Balancer", Aliases: []string{"로드 밸런서"}},
		{ID: "constraint", Name: "제약"},
		{ID: "cookie", Name: "쿠키"},
	} {
		if _, err := g.AddConcept(c); err != nil {
			t.Fatal(err)
		}
	}
	if err := g.AddRelation(graph.Relation{From: "kubernetes", To: "docker", Type: graph.Uses}); err != nil {
		t.Fatal(err)
	}
	return g
}

func TestSearchFind(t *testing.T) {
	x := graph.NewSearch(searchGraph(t))
	for _, tt := range []struct {
		q    string
		want []string
	}{
		{"도커를", []string{"docker"}},                         // a name and a particle
		{"docker", []string{"docker"}},                      // an alias, in any case
		{"쿠버", []string{"kubernetes", "kubernetes-master"}}, // the closest completion first
		{"balancer", []string{"load-balancer"}},             // a later word
		{"LoadBalancer", []string{"load-balancer"}},
		{"Quantum", nil},
		{"  ", nil},
	} {
		var got []string
		for _, m := range x.Find(tt.q, 10) {
			got = append(got, m.Concept.ID)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Find(%q) differs (-want +got):\n%s", tt.q, diff)
		}
	}
	if m := x.Find("쿠버네티스", 1); len(m) != 1 || m[0].Degree != 1 {
		t.Errorf("Find(쿠버네티스, 1) = %+v, want one match of degree 1", m)
	}
}

func TestSearchSuggest(t *testing.T) {
	x := graph.NewSearch(searchGraph(t))
	for _, tt := range []struct {
		s    string
		want []string
	}{
		{"쿠버", []string{"kubernetes", "kubernetes-master"}}, // what Find finds
		{"도컼", []string{"docker"}},                          // one edit away; 제약 and 쿠키 are two
		{"Kubernets", []string{"kubernetes"}},
		{"Quantum", nil},
	} {
		var got []string
		for _, c := range x.Suggest(tt.s, 5) {
			got = append(got, c.ID)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Suggest(%q) differs (-want +got):\n%s", tt.s, diff)
		}
	}
}
