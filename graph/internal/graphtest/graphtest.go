// Package graphtest builds the graphs the tests of graph and its exporters
// share: a small hand-made graph with hostile text, a small Korean one, and
// synthetic graphs of any size for benchmarks.
package graphtest

import (
	"fmt"
	"math/rand/v2"

	"conceptgraph/graph"
)

// HostileNames are concept names that try to break out of the formats the
// graph is exported to.
var HostileNames = []string{
	`<script>alert(1)</script>`,
	`javascript:alert(1)`,
	`Say "hi" \N \G \l \\ end\`,
	"두 줄\n이름",
	`&amp; &lt;b&gt; &nbsp; #quot; #35; ]] --> <!--`,
}

// Hostile returns a small graph with Korean and English names, aliases,
// summaries and evidence, and the text of [HostileNames] in names, an id,
// aliases and evidence.
func Hostile() *graph.Graph {
	g := graph.New()
	add := func(c graph.Concept) {
		if _, err := g.AddConcept(c); err != nil {
			panic(err)
		}
	}
	rel := func(from, to string, t graph.RelationType, conf float64, ev ...string) {
		r := graph.Relation{From: from, To: to, Type: t, Confidence: conf}
		for i, text := range ev {
			r.Evidence = append(r.Evidence, graph.Evidence{File: "notes/" + from + ".md", Line: 10 + i, Text: text})
		}
		if err := g.AddRelation(r); err != nil {
			panic(err)
		}
	}
	add(graph.Concept{ID: "마이크로-서비스-아키텍쳐", Name: "마이크로 서비스 아키텍쳐", Aliases: []string{"MSA", "Microservice architecture"},
		Summary: "작은 서비스들로 나눈 구조"})
	add(graph.Concept{ID: "모놀리식-아키텍쳐", Name: "모놀리식 아키텍쳐", Aliases: []string{"Monolith"}})
	add(graph.Concept{ID: "도커", Name: "도커", Aliases: []string{"Docker"}, Summary: `컨테이너 "엔진"`})
	add(graph.Concept{ID: "쿠버네티스-마스터", Name: "쿠버네티스 마스터", Aliases: []string{"Kubernetes master"}})
	add(graph.Concept{ID: "linux", Name: "Linux"})
	add(graph.Concept{ID: "script", Name: HostileNames[0], Aliases: []string{HostileNames[1]}, Summary: HostileNames[0]})
	add(graph.Concept{ID: "js", Name: HostileNames[1]})
	add(graph.Concept{ID: "quote", Name: HostileNames[2], Aliases: []string{`a"b`, `c\d`}})
	add(graph.Concept{ID: "two-lines", Name: HostileNames[3]})
	add(graph.Concept{ID: `weird "id" \N & <x>`, Name: HostileNames[4]})

	rel("마이크로-서비스-아키텍쳐", "모놀리식-아키텍쳐", graph.OppositeOf, 0.9, "MSA는 모놀리식 아키텍쳐의 반대 개념이다.")
	rel("마이크로-서비스-아키텍쳐", "도커", graph.Uses, 0.8, "MSA는 도커를 사용한다.", `"quoted" <script>alert(1)</script>`)
	rel("쿠버네티스-마스터", "도커", graph.Requires, 0.7, "쿠버네티스 마스터는 도커가 필요하다.")
	rel("도커", "linux", graph.Uses, 1, "Docker uses Linux namespaces.\nSecond line \\N.")
	rel("script", "js", graph.ComparedWith, 0.5, HostileNames[1])
	rel("quote", "script", graph.ExampleOf, 0.6, HostileNames[2])
	rel("two-lines", "quote", graph.PartOf, 0.4, HostileNames[3])
	rel(`weird "id" \N & <x>`, "linux", graph.TypeOf, 1, HostileNames[4])
	rel("도커", "linux", graph.PartOf, 0.3)
	return g
}

// Korean returns the four concepts the Hangul sizing is checked with.
func Korean() *graph.Graph {
	g := graph.New()
	for _, n := range []string{"마이크로 서비스 아키텍쳐", "모놀리식 아키텍쳐", "도커", "쿠버네티스 마스터"} {
		if _, err := g.AddConcept(graph.Concept{ID: graph.Slug(n), Name: n}); err != nil {
			panic(err)
		}
	}
	for _, r := range []graph.Relation{
		{From: "마이크로-서비스-아키텍쳐", To: "모놀리식-아키텍쳐", Type: graph.OppositeOf},
		{From: "마이크로-서비스-아키텍쳐", To: "도커", Type: graph.Uses},
		{From: "쿠버네티스-마스터", To: "도커", Type: graph.Requires},
	} {
		if err := g.AddRelation(r); err != nil {
			panic(err)
		}
	}
	return g
}

var (
	syllables = []rune("가나다라마바사아자차카타파하서비스아키텍쳐도커쿠버네티스모놀리식캐시큐")
	words     = []string{"cache", "queue", "service", "proxy", "index", "stream", "token", "worker", "schema", "replica"}
)

// Synthetic returns a graph of n concepts and about m relations, the same
// for the same n and m: every other name is Korean (two to five syllables
// and an English word), the rest English; the relations join every concept
// to an earlier one and then add random pairs, of every type.
func Synthetic(n, m int) *graph.Graph {
	rng := rand.New(rand.NewPCG(uint64(n), uint64(m)))
	g := graph.New()
	for i := range n {
		var name string
		if i%2 == 0 {
			k := 2 + rng.IntN(4)
			s := make([]rune, k)
			for j := range s {
				s[j] = syllables[rng.IntN(len(syllables))]
			}
			name = fmt.Sprintf("%s %s %d", string(s), words[rng.IntN(len(words))], i)
		} else {
			name = fmt.Sprintf("%s %s %d", words[rng.IntN(len(words))], words[rng.IntN(len(words))], i)
		}
		if _, err := g.AddConcept(graph.Concept{ID: fmt.Sprintf("c%03d", i), Name: name}); err != nil {
			panic(err)
		}
	}
	id := func(i int) string { return fmt.Sprintf("c%03d", i) }
	added := 0
	for i := 1; i < n && added < m; i++ {
		t := graph.Types[rng.IntN(len(graph.Types))]
		if g.AddRelation(graph.Relation{From: id(i), To: id(rng.IntN(i)), Type: t, Confidence: 0.9}) == nil {
			added++
		}
	}
	for tries := 0; added < m && tries < 10*m; tries++ {
		a, b := rng.IntN(n), rng.IntN(n)
		t := graph.Types[rng.IntN(len(graph.Types))]
		if a == b || len(g.Between(id(a), id(b))) > 0 || len(g.Between(id(b), id(a))) > 0 {
			continue
		}
		if g.AddRelation(graph.Relation{From: id(a), To: id(b), Type: t, Confidence: 0.5}) == nil {
			added++
		}
	}
	return g
}
