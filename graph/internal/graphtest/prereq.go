package graphtest

import (
	"fmt"
	"math/rand/v2"

	"conceptgraph/graph"
)

// Course returns a small graph of Korean and English concepts for
// learning orders: Kubernetes needs containers (requires), Docker (uses)
// and Go (uses); Docker uses containers and containers use Docker back,
// more weakly (a cycle); Linux uses Kubernetes (a cycle through the
// target); Docker Swarm is compared with Kubernetes, and MSA is the
// opposite of 모놀리식 아키텍쳐.
func Course() *graph.Graph {
	g := graph.New()
	for _, c := range []graph.Concept{
		{ID: "kubernetes", Name: "쿠버네티스", Aliases: []string{"Kubernetes", "k8s"}},
		{ID: "docker", Name: "도커", Aliases: []string{"Docker"}},
		{ID: "container", Name: "컨테이너", Aliases: []string{"Container"}},
		{ID: "linux", Name: "Linux"},
		{ID: "cgroups", Name: "cgroups"},
		{ID: "go", Name: "Go"},
		{ID: "swarm", Name: "Docker Swarm"},
		{ID: "msa", Name: "마이크로 서비스 아키텍쳐", Aliases: []string{"MSA"}},
		{ID: "monolith", Name: "모놀리식 아키텍쳐"},
	} {
		if _, err := g.AddConcept(c); err != nil {
			panic(err)
		}
	}
	line := 0
	for _, r := range []struct {
		from string
		t    graph.RelationType
		to   string
		conf float64
		text string
	}{
		{"kubernetes", graph.Requires, "container", 0.9, "쿠버네티스를 배우려면 컨테이너를 먼저 알아야 한다."},
		{"kubernetes", graph.Uses, "docker", 0.9, "쿠버네티스는 도커를 사용한다."},
		{"kubernetes", graph.Uses, "go", 0.6, "Kubernetes is written in Go."},
		{"docker", graph.Uses, "container", 0.9, "도커는 컨테이너를 이용한다."},
		{"container", graph.Uses, "docker", 0.6, "컨테이너는 보통 도커로 만든다."},
		{"container", graph.Uses, "linux", 0.8, "Containers use Linux namespaces."},
		{"cgroups", graph.PartOf, "linux", 0.8, "cgroups are part of Linux."},
		{"container", graph.Uses, "cgroups", 0.8, "Containers use cgroups."},
		{"linux", graph.Uses, "kubernetes", 0.6, "Linux clusters use Kubernetes."},
		{"kubernetes", graph.ComparedWith, "swarm", 0.9, "Kubernetes vs Docker Swarm"},
		{"msa", graph.OppositeOf, "monolith", 0.9, "MSA는 모놀리식 아키텍쳐의 반대 개념이다."},
		{"msa", graph.Uses, "docker", 0.8, "MSA는 도커를 사용한다."},
	} {
		line += 2
		err := g.AddRelation(graph.Relation{From: r.from, To: r.to, Type: r.t, Confidence: r.conf,
			Evidence: []graph.Evidence{{File: "course.md", Line: line, Text: r.text}}})
		if err != nil {
			panic(err)
		}
	}
	return g
}

// Layered returns a graph of n concepts shaped like study notes at scale:
// every concept is a kind of one of the concepts before it (a broad
// hierarchy), uses two more of them at random, and every hundredth one is
// used back by what it uses, weakly, so prerequisite cycles of two
// concepts are scattered through it. The last concept needs, directly or
// not, a large part of the graph. The same n gives the same graph.
func Layered(n int) *graph.Graph {
	rng := rand.New(rand.NewPCG(uint64(n), 7))
	g := graph.New()
	id := func(i int) string { return fmt.Sprintf("c%06d", i) }
	for i := range n {
		if _, err := g.AddConcept(graph.Concept{ID: id(i), Name: fmt.Sprintf("개념 concept %d", i)}); err != nil {
			panic(err)
		}
	}
	for i := 1; i < n; i++ {
		rel := func(to int, t graph.RelationType, conf float64) {
			if to != i {
				_ = g.AddRelation(graph.Relation{From: id(i), To: id(to), Type: t, Confidence: conf})
			}
		}
		rel(rng.IntN(i), graph.TypeOf, 0.9)
		for range 2 {
			to := i - 1 - rng.IntN(min(i, 50))
			rel(to, graph.Uses, 0.8)
			if i%100 == 0 {
				_ = g.AddRelation(graph.Relation{From: id(to), To: id(i), Type: graph.Uses, Confidence: 0.6})
			}
		}
	}
	return g
}
