package graph_test

import (
	"sync"
	"testing"

	"conceptgraph/graph"
	"conceptgraph/graph/internal/graphtest"
)

// Learning orders and cycle detection at 100,000 concepts, each against a
// plain breadth-first search over the same adjacency measured in the same
// run (these machines are noisy; ratios hold). b.SetBytes counts one byte
// per concept and relation the algorithm answers about, so "MB/s" reads
// as millions of items per second.
//
// Two graphs: Layered, shaped like notes (a hierarchy, uses between
// neighbours, scattered two-concept cycles; the last concept needs about
// half of it), and Synthetic, random pairs of every type, where most
// concepts fall into one strongly connected tangle of tens of thousands:
// the worst case for breaking cycles.

var (
	layered100k   = sync.OnceValue(func() *graph.Graph { return graphtest.Layered(100_000) })
	synthetic100k = sync.OnceValue(func() *graph.Graph { return graphtest.Synthetic(100_000, 200_000) })
)

const (
	layeredTarget   = "c099999"
	syntheticTarget = "c99999"
)

// orderSize computes target's learning order once and sets the bytes of a
// benchmark to its steps and their reasons, so that benchmarks of the same
// chain report comparable MB/s.
func orderSize(b *testing.B, g *graph.Graph, target string) *graph.LearningOrder {
	b.Helper()
	lo, err := g.LearningOrder(target)
	if err != nil {
		b.Fatal(err)
	}
	items := len(lo.Steps)
	for _, s := range lo.Steps {
		items += len(s.Because)
	}
	b.SetBytes(int64(items))
	b.ReportAllocs()
	b.ResetTimer()
	return lo
}

func benchOrder(b *testing.B, g *graph.Graph, target string) {
	lo := orderSize(b, g, target)
	for b.Loop() {
		if _, err := g.LearningOrder(target); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(lo.Steps)), "concepts")
	b.ReportMetric(float64(len(lo.Cycles)), "cycles")
}

func benchReach(b *testing.B, g *graph.Graph, target string) {
	orderSize(b, g, target)
	for b.Loop() {
		g.Reach(target)
	}
}

func BenchmarkLearningOrderLayered100k(b *testing.B) { benchOrder(b, layered100k(), layeredTarget) }
func BenchmarkLearningOrderSynthetic100k(b *testing.B) {
	benchOrder(b, synthetic100k(), syntheticTarget)
}
func BenchmarkReachBaselineLayered100k(b *testing.B) { benchReach(b, layered100k(), layeredTarget) }
func BenchmarkReachBaselineSynthetic100k(b *testing.B) {
	benchReach(b, synthetic100k(), syntheticTarget)
}

func benchCycles(b *testing.B, g *graph.Graph, baseline bool) {
	b.SetBytes(int64(g.Len() + len(g.Relations())))
	b.ReportAllocs()
	b.ResetTimer()
	groups := 0
	for b.Loop() {
		if baseline {
			g.ReachAll()
		} else {
			groups = len(g.FindCycles())
		}
	}
	if !baseline {
		b.ReportMetric(float64(groups), "groups")
	}
}

func BenchmarkFindCyclesLayered100k(b *testing.B)         { benchCycles(b, layered100k(), false) }
func BenchmarkFindCyclesSynthetic100k(b *testing.B)       { benchCycles(b, synthetic100k(), false) }
func BenchmarkReachAllBaselineLayered100k(b *testing.B)   { benchCycles(b, layered100k(), true) }
func BenchmarkReachAllBaselineSynthetic100k(b *testing.B) { benchCycles(b, synthetic100k(), true) }
