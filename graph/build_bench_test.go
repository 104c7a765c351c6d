package graph_test

import (
	"fmt"
	"testing"

	"conceptgraph/graph"
)

// Building a graph of n concepts and 2n relations, against the same work
// on a plain map adjacency (the baseline, measured in the same run: these
// machines are noisy, ratios hold). b.SetBytes counts one byte per
// concept and relation, so "MB/s" reads as millions of items per second.
func benchBuild(b *testing.B, n int) {
	ids := make([]string, n)
	names := make([]string, n)
	for i := range n {
		ids[i] = fmt.Sprintf("c%06d", i)
		names[i] = fmt.Sprintf("개념 concept %d", i)
	}
	b.SetBytes(int64(3 * n))
	b.ReportAllocs()
	for b.Loop() {
		g := graph.New()
		for i := range n {
			if _, err := g.AddConcept(graph.Concept{ID: ids[i], Name: names[i]}); err != nil {
				b.Fatal(err)
			}
		}
		for i := 1; i < n; i++ {
			if err := g.AddRelation(graph.Relation{From: ids[i], To: ids[i/2], Type: graph.TypeOf}); err != nil {
				b.Fatal(err)
			}
			if err := g.AddRelation(graph.Relation{From: ids[i], To: ids[0], Type: graph.Uses}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func benchBuildBaseline(b *testing.B, n int) {
	ids := make([]string, n)
	for i := range n {
		ids[i] = fmt.Sprintf("c%06d", i)
	}
	b.SetBytes(int64(3 * n))
	b.ReportAllocs()
	for b.Loop() {
		out := make(map[string][]string, n)
		names := make(map[string]string, n)
		for i := range n {
			names[ids[i]] = ids[i]
		}
		for i := 1; i < n; i++ {
			out[ids[i]] = append(out[ids[i]], ids[i/2], ids[0])
		}
	}
}

func BenchmarkBuild10k(b *testing.B)          { benchBuild(b, 10_000) }
func BenchmarkBuild100k(b *testing.B)         { benchBuild(b, 100_000) }
func BenchmarkBuildBaseline10k(b *testing.B)  { benchBuildBaseline(b, 10_000) }
func BenchmarkBuildBaseline100k(b *testing.B) { benchBuildBaseline(b, 100_000) }
