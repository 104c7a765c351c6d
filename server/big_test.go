package server_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"conceptgraph/graph"
	"conceptgraph/server"
)

// bigGraph is a notes-shaped graph of n concepts, the same for the same n:
// names of two or three English words or Korean syllable pairs, with an
// alias in the other script for every third concept; each concept is a
// kind of one of n/40 topics and uses two concepts before it, and the
// first few topics are hubs that hundreds of concepts are examples of, as
// "NoSQL" or "가상화" are in big vaults.
func bigGraph(n int) *graph.Graph {
	words := strings.Fields("cache server load balancer queue stream file system network protocol " +
		"process thread memory page table index tree graph store engine kernel driver socket packet " +
		"router proxy gateway token session schema query plan shard replica cluster node pod volume")
	syll := strings.Fields("가 나 다 라 마 바 사 아 자 차 카 타 파 하 도 커 쿠 버 네 티 스 리 눅 컨 테 이 너 메 모 디 스 크")
	rng := rand.New(rand.NewPCG(uint64(n), 7))
	g := graph.New()
	ids := make([]string, 0, n)
	for i := 0; len(ids) < n; i++ {
		var name, alias string
		if i%2 == 0 {
			k := 2 + rng.IntN(2)
			parts := make([]string, k)
			for j := range parts {
				parts[j] = words[rng.IntN(len(words))]
			}
			name = strings.Join(parts, " ")
		} else {
			var b strings.Builder
			for range 2 + rng.IntN(3) {
				b.WriteString(syll[rng.IntN(len(syll))])
			}
			name = b.String()
		}
		name = fmt.Sprintf("%s %d", name, i)
		if i%3 == 0 {
			alias = fmt.Sprintf("alias%d %s", i, syll[i%len(syll)])
		}
		id := fmt.Sprintf("c%05d", i)
		c := graph.Concept{ID: id, Name: name, Summary: name + " is a concept of the generated vault."}
		if alias != "" {
			c.Aliases = []string{alias}
		}
		if _, err := g.AddConcept(c); err != nil {
			panic(err)
		}
		ids = append(ids, id)
	}
	topics := max(1, n/40)
	ev := func(i int) []graph.Evidence {
		return []graph.Evidence{{File: fmt.Sprintf("vault/n%03d.md", i%97), Line: 1 + i%500, Text: "generated"}}
	}
	add := func(from, to string, t graph.RelationType, conf float64, i int) {
		if from != to {
			_ = g.AddRelation(graph.Relation{From: from, To: to, Type: t, Confidence: conf, Evidence: ev(i)})
		}
	}
	for i := topics; i < n; i++ {
		// Hubs: a quarter of the concepts are examples of one of the
		// first three topics.
		if i%4 == 0 {
			add(ids[i], ids[i%3], graph.ExampleOf, []float64{0.6, 0.7, 0.9}[rng.IntN(3)], i)
		} else {
			add(ids[i], ids[rng.IntN(topics)], graph.TypeOf, 0.8, i)
		}
		for range 2 {
			add(ids[i], ids[rng.IntN(i)], graph.Uses, 0.9, i)
		}
	}
	return g
}

var bigGraphs sync.Map // n -> *graph.Graph

// bigServer serves bigGraph(n) (built once per n for the test binary).
func bigServer(t testing.TB, n int, opts server.Options) (*server.Server, string) {
	t.Helper()
	v, ok := bigGraphs.Load(n)
	if !ok {
		v, _ = bigGraphs.LoadOrStore(n, bigGraph(n))
	}
	g := v.(*graph.Graph)
	opts.Load = func(context.Context) (*graph.Graph, []error, error) { return g, nil, nil }
	s, ts := newSample(t, opts)
	return s, ts.URL
}
