package server

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"conceptgraph/graph"
)

// searchIndex finds concepts by any of their names, Korean or English.
type searchIndex struct {
	entries []searchEntry
	// keys lists every name of every entry; grams indexes them by the
	// pairs of adjacent characters of each, padded at both ends, so that
	// names resembling a misspelt one are found without comparing it
	// against every name.
	keys  []gramKey
	grams map[[2]rune][]int32 // bigram -> indexes into keys, ascending
}

type gramKey struct {
	entry int32
	key   string
	runes int32
}

type searchEntry struct {
	ref    conceptRef
	keys   []string   // graph.NormName of the name (first) and each alias
	words  [][]string // the later words of each name, normalised
	degree int
}

func newSearchIndex(g *graph.Graph) *searchIndex {
	x := &searchIndex{}
	for _, c := range g.Concepts() {
		e := searchEntry{ref: conceptRef{ID: c.ID, Name: c.Name}, degree: g.Degree(c.ID)}
		for _, n := range c.Names() {
			k := graph.NormName(n)
			if k == "" {
				continue
			}
			var later []string
			for i, w := range strings.FieldsFunc(n, func(r rune) bool { return unicode.IsSpace(r) || r == '-' || r == '_' || r == '/' }) {
				if i > 0 {
					later = append(later, graph.NormName(w))
				}
			}
			e.keys = append(e.keys, k)
			e.words = append(e.words, later)
		}
		x.entries = append(x.entries, e)
	}
	x.grams = map[[2]rune][]int32{}
	for i, e := range x.entries {
		for _, k := range e.keys {
			ki := int32(len(x.keys))
			x.keys = append(x.keys, gramKey{entry: int32(i), key: k, runes: int32(utf8.RuneCountInString(k))})
			for _, g := range bigrams(k) {
				x.grams[g] = append(x.grams[g], ki)
			}
		}
	}
	return x
}

// bigrams returns the distinct pairs of adjacent characters of s padded
// with a 0 at both ends ("ab" has {0,a}, {a,b}, {b,0}), in order of first
// appearance.
func bigrams(s string) [][2]rune {
	var out [][2]rune
	prev := rune(0)
	add := func(g [2]rune) {
		// Names are short (at most MaxNameLen when asked for): a scan
		// costs less than a set.
		if !slices.Contains(out, g) {
			out = append(out, g)
		}
	}
	for _, r := range s {
		add([2]rune{prev, r})
		prev = r
	}
	add([2]rune{prev, 0})
	return out
}

// Scores of a match; the name beats an alias at each level.
const (
	scoreExact    = 100
	scoreParticle = 80 // the query is a name and a Korean particle: "도커를"
	scorePrefix   = 60
	scoreWord     = 50 // a later word of the name starts with the query
	scoreInfix    = 30
	aliasPenalty  = 5
)

// match returns how well the normalised query q matches a name, given as
// its normalised key and its later words ("balancer" in "Load Balancer"),
// or 0.
func match(key string, later []string, q string) int {
	switch {
	case key == q:
		return scoreExact
	case strings.HasPrefix(q, key) && particleTail(q[len(key):]):
		return scoreParticle
	case strings.HasPrefix(key, q):
		return scorePrefix
	}
	for _, w := range later {
		if strings.HasPrefix(w, q) {
			return scoreWord
		}
	}
	if strings.Contains(key, q) {
		return scoreInfix
	}
	return 0
}

// particleTail reports whether what follows a name in a query is a Korean
// particle: one to three Hangul syllables ("를", "에서는").
func particleTail(s string) bool {
	n := utf8.RuneCountInString(s)
	if n == 0 || n > 3 {
		return false
	}
	for _, r := range s {
		if !unicode.Is(unicode.Hangul, r) {
			return false
		}
	}
	return true
}

type hit struct {
	e     *searchEntry
	score int
}

// find returns up to limit concepts matching q, best first: by score, then
// by shorter name, then by how connected the concept is, then by id.
func (x *searchIndex) find(q string, limit int) []hit {
	nq := graph.NormName(q)
	if nq == "" {
		return nil
	}
	var hits []hit
	for i := range x.entries {
		e := &x.entries[i]
		best := 0
		for j, k := range e.keys {
			sc := match(k, e.words[j], nq)
			if sc == 0 {
				continue
			}
			if j > 0 {
				sc -= aliasPenalty
			}
			best = max(best, sc)
		}
		if best > 0 {
			hits = append(hits, hit{e, best})
		}
	}
	// Among equal matches the closest completion comes first ("쿠버" shows
	// 쿠버네티스 before 쿠버네티스 마스터), then the more connected concept.
	slices.SortFunc(hits, func(a, b hit) int {
		if a.score != b.score {
			return b.score - a.score
		}
		if d := len(a.e.ref.Name) - len(b.e.ref.Name); d != 0 {
			return d
		}
		if a.e.degree != b.e.degree {
			return b.e.degree - a.e.degree
		}
		return strings.Compare(a.e.ref.ID, b.e.ref.ID)
	})
	if len(hits) > limit {
		hits = hits[:limit]
	}
	return hits
}

// suggest returns concepts whose names resemble s, for "did you mean".
func (x *searchIndex) suggest(s string, limit int) []conceptRef {
	var out []conceptRef
	for _, h := range x.find(s, limit) {
		out = append(out, h.e.ref)
	}
	if len(out) > 0 {
		return out
	}
	// Nothing contains it: try the names closest in edit distance, among
	// those that share enough pairs of characters with it to be that
	// close (an edit changes at most two pairs).
	nq := graph.NormName(s)
	n := utf8.RuneCountInString(nq)
	if n == 0 {
		return out
	}
	limitDist := max(2, n/3)
	shared := map[int32]int{}
	for _, g := range bigrams(nq) {
		for _, ki := range x.grams[g] {
			shared[ki]++
		}
	}
	type cand struct {
		ki, shared int
	}
	var cands []cand
	for ki, sh := range shared {
		k := x.keys[ki]
		longer := max(int(k.runes), n)
		if abs(int(k.runes)-n) <= limitDist && sh >= longer+1-2*limitDist {
			cands = append(cands, cand{int(ki), sh})
		}
	}
	// Those sharing the most pairs first; only so many are compared.
	slices.SortFunc(cands, func(a, b cand) int {
		if a.shared != b.shared {
			return b.shared - a.shared
		}
		return a.ki - b.ki
	})
	if len(cands) > maxCompared {
		cands = cands[:maxCompared]
	}
	best := map[int32]int{} // entry -> its closest name's distance
	for _, c := range cands {
		k := x.keys[c.ki]
		d := editDistance(k.key, nq)
		if old, ok := best[k.entry]; d <= limitDist && (!ok || d < old) {
			best[k.entry] = d
		}
	}
	type near struct {
		ref  conceptRef
		dist int
	}
	var nears []near
	for e, d := range best {
		nears = append(nears, near{x.entries[e].ref, d})
	}
	slices.SortFunc(nears, func(a, b near) int {
		if a.dist != b.dist {
			return a.dist - b.dist
		}
		return strings.Compare(a.ref.ID, b.ref.ID)
	})
	for i := 0; i < len(nears) && i < limit; i++ {
		out = append(out, nears[i].ref)
	}
	return out
}

// maxCompared is how many names, at most, a misspelt name is compared with
// character by character for "did you mean".
const maxCompared = 256

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
