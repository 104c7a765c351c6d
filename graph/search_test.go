package graph_test

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
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

// vaultNames builds a graph of n concepts named as a vault's are: two or
// three English words or two to four Hangul syllables, then a number;
// every third has an alias.
func vaultNames(n int) *graph.Graph {
	words := strings.Fields("cache server load balancer queue stream file system network protocol " +
		"process thread memory page table index tree graph store engine kernel driver socket packet")
	syll := strings.Fields("가 나 다 라 마 바 사 아 자 차 카 타 파 하 도 커 쿠 버 네 티 스 리 눅 컨 테 이 너")
	rng := rand.New(rand.NewPCG(uint64(n), 7))
	g := graph.New()
	for i := range n {
		var name string
		if i%2 == 0 {
			parts := make([]string, 2+rng.IntN(2))
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
		c := graph.Concept{ID: fmt.Sprintf("c%05d", i), Name: fmt.Sprintf("%s %d", name, i)}
		if i%3 == 0 {
			c.Aliases = []string{fmt.Sprintf("alias%d %s", i, syll[i%len(syll)])}
		}
		if _, err := g.AddConcept(c); err != nil {
			panic(err)
		}
	}
	return g
}

// everyName is every name of every concept, normalised, to compare
// misspellings with one by one.
type everyName []struct {
	id    string
	runes []rune
	pairs map[[2]rune]bool
}

func namesOf(g *graph.Graph) everyName {
	var all everyName
	for _, c := range g.Concepts() {
		for _, n := range c.Names() {
			r := []rune(graph.NormName(n))
			all = append(all, struct {
				id    string
				runes []rune
				pairs map[[2]rune]bool
			}{c.ID, r, pairsOf(r)})
		}
	}
	return all
}

// pairsOf returns the pairs of adjacent characters of r padded with a 0
// at both ends.
func pairsOf(r []rune) map[[2]rune]bool {
	m := map[[2]rune]bool{}
	prev := rune(0)
	for _, c := range append(slices.Clone(r), 0) {
		m[[2]rune{prev, c}] = true
		prev = c
	}
	return m
}

// suggest is what Suggest answers when nothing matches, worked out by
// comparing s with every name: the concepts with a name closest to s in
// edit distance, at most two edits or a third of its length away, that
// has a pair of adjacent characters in common with it; by id.
func (all everyName) suggest(s string, limit int) []string {
	q := []rune(graph.NormName(s))
	if len(q) == 0 {
		return nil
	}
	qp := pairsOf(q)
	best := map[string]int{}
	for _, n := range all {
		common := false
		for p := range n.pairs {
			common = common || qp[p]
		}
		if !common {
			continue
		}
		d := levenshtein(n.runes, q)
		if old, ok := best[n.id]; d <= max(2, len(q)/3) && (!ok || d < old) {
			best[n.id] = d
		}
	}
	closest := -1
	for _, d := range best {
		if closest < 0 || d < closest {
			closest = d
		}
	}
	var out []string
	for _, id := range slices.Sorted(maps.Keys(best)) {
		if best[id] == closest && len(out) < limit {
			out = append(out, id)
		}
	}
	return out
}

func levenshtein(a, b []rune) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Suggest looks misspelt names up in its index of pairs of adjacent
// characters instead of comparing them with every name, and finds what
// comparing with every name finds: names one to three edits from a
// concept's, names with repeated pairs ("banana"), Hangul and Latin.
func TestSuggestAgreesWithEveryName(t *testing.T) {
	g := vaultNames(1_000)
	for _, extra := range []graph.Concept{
		{ID: "banana-bread", Name: "bananabananabread"},
		{ID: "kkkk", Name: "ㅋㅋㅋㅋㅋㅋㅋㅋㅋ"},
	} {
		if _, err := g.AddConcept(extra); err != nil {
			t.Fatal(err)
		}
	}
	x, all := graph.NewSearch(g), namesOf(g)
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("abcdeknrstz가나도커쿠버스ㅋ")
	edit := func(r []rune) []rune {
		r = slices.Clone(r)
		i := rng.IntN(len(r) + 1)
		switch c := alphabet[rng.IntN(len(alphabet))]; {
		case rng.IntN(3) == 0 || len(r) == 0:
			return slices.Insert(r, i, c)
		case i == len(r):
			return r[:i-1]
		case rng.IntN(2) == 0:
			return slices.Delete(r, i, i+1)
		default:
			r[i] = c
			return r
		}
	}
	queries := []string{"bananabananabred", "ㅋㅋㅋㅋㅋㅋㅋ가", "bananaxbananabread", "Quantum", "도컼", ""}
	concepts := g.Concepts()
	for range 400 {
		names := concepts[rng.IntN(len(concepts))].Names()
		r := []rune(graph.NormName(names[rng.IntN(len(names))]))
		for range 1 + rng.IntN(3) {
			r = edit(r)
		}
		queries = append(queries, string(r))
	}
	compared, found := 0, 0
	for _, q := range queries {
		var got []string
		for _, c := range x.Suggest(q, 5) {
			got = append(got, c.ID)
		}
		var want []string
		if m := x.Find(q, 5); len(m) > 0 {
			for _, m := range m {
				want = append(want, m.Concept.ID)
			}
		} else {
			want = all.suggest(q, 5)
			if len(want) > 0 {
				found++
			}
			compared++
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Suggest(%q) differs from comparing every name (-want +got):\n%s", q, diff)
		}
	}
	if compared < 100 || found < compared/2 {
		t.Errorf("%d of %d misspellings matched nothing and %d of those resemble a name, want at least 100 and half of them", compared, len(queries), found)
	}
}

// BenchmarkSuggestUnknownName looks up names no concept goes by, of
// growing length, among 20,000 concepts (the server refuses names past
// 200 characters; the command line does not). b.SetBytes is the name's
// length.
func BenchmarkSuggestUnknownName(b *testing.B) {
	x := graph.NewSearch(vaultNames(20_000))
	for _, n := range []int{10, 200, 10_000} {
		s := strings.Repeat("없", n/2) + strings.Repeat("z", n-n/2)
		b.Run("len="+strconv.Itoa(n), func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			b.ReportAllocs()
			for b.Loop() {
				if got := x.Suggest(s, 5); len(got) != 0 {
					b.Fatalf("Suggest(%.20q…) = %d concepts, want none", s, len(got))
				}
			}
		})
	}
	b.Run("misspelt", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			x.Suggest("procss thraed", 5)
		}
	})
}
