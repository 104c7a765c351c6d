package graph

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Search finds concepts by any of their names, Korean or English: the
// index behind the explorer's search box and every "did you mean", in the
// API and on the command line alike. Build one with [NewSearch] for a
// graph that is no longer changing; any number of goroutines may use it.
type Search struct {
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
	pairs int32 // len(bigrams(key))
}

// Match is a concept found by [Search.Find], with how many relations touch
// it.
type Match struct {
	Concept *Concept
	Degree  int
}

type searchEntry struct {
	Match
	keys  []string   // NormName of the name (first) and each alias
	words [][]string // the later words of each name, normalised
}

// NewSearch indexes the names of every concept of g.
func NewSearch(g *Graph) *Search {
	x := &Search{}
	for _, c := range g.Concepts() {
		e := searchEntry{Match: Match{Concept: c, Degree: g.Degree(c.ID)}}
		for _, n := range c.Names() {
			k := NormName(n)
			if k == "" {
				continue
			}
			var later []string
			for i, w := range strings.FieldsFunc(n, func(r rune) bool { return unicode.IsSpace(r) || r == '-' || r == '_' || r == '/' }) {
				if i > 0 {
					later = append(later, NormName(w))
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
			grams := bigrams(k)
			x.keys = append(x.keys, gramKey{entry: int32(i), key: k, runes: int32(utf8.RuneCountInString(k)), pairs: int32(len(grams))})
			for _, g := range grams {
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
		// Names are short, and the server caps those it is asked for
		// (server.MaxNameLen): a scan costs less than a set.
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

// Find returns up to limit concepts whose name or an alias matches q (as
// [NormName] compares them; "도커를" finds 도커), best first: an exact name,
// then a name and a Korean particle, a prefix, a later word's prefix, a
// part of the name, the concept's own name before an alias at each level;
// then the shorter name, the more connected concept, and the id.
func (x *Search) Find(q string, limit int) []Match {
	nq := NormName(q)
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
		if d := len(a.e.Concept.Name) - len(b.e.Concept.Name); d != 0 {
			return d
		}
		if a.e.Degree != b.e.Degree {
			return b.e.Degree - a.e.Degree
		}
		return strings.Compare(a.e.Concept.ID, b.e.Concept.ID)
	})
	if len(hits) > limit {
		hits = hits[:limit]
	}
	out := make([]Match, len(hits))
	for i, h := range hits {
		out[i] = h.e.Match
	}
	return out
}

// Suggest returns up to limit concepts whose names resemble s, for "did you
// mean": the matches of [Search.Find] or, when nothing matches, the
// concepts with a name closest to s in edit distance (at most two edits,
// or a third of the length of s), by id. Only names that share enough
// pairs of adjacent characters with s to be that close are compared with
// it, at most maxCompared of them, those sharing the most first: the cost
// does not grow with the number of concepts times the length of s.
func (x *Search) Suggest(s string, limit int) []*Concept {
	var out []*Concept
	for _, m := range x.Find(s, limit) {
		out = append(out, m.Concept)
	}
	if len(out) > 0 {
		return out
	}
	// Nothing contains it: try the names closest in edit distance, among
	// those that share enough pairs of characters with it to be that
	// close. An edit takes at most two distinct pairs away (a pair that
	// occurs twice may stay), so names d edits apart share all but 2d of
	// the distinct pairs of either.
	nq := NormName(s)
	n := utf8.RuneCountInString(nq)
	if n == 0 {
		return out
	}
	limitDist := max(2, n/3)
	grams := bigrams(nq)
	shared := map[int32]int{}
	for _, g := range grams {
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
		if abs(int(k.runes)-n) <= limitDist && sh >= max(int(k.pairs), len(grams))-2*limitDist {
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
		c    *Concept
		dist int
	}
	var nears []near
	for e, d := range best {
		nears = append(nears, near{x.entries[e].Concept, d})
	}
	slices.SortFunc(nears, func(a, b near) int {
		if a.dist != b.dist {
			return a.dist - b.dist
		}
		return strings.Compare(a.c.ID, b.c.ID)
	})
	// Only the closest: one edit away from 도컼 is 도커, and two-syllable
	// names two edits away (제약, 쿠키) would bury it.
	for i := 0; i < len(nears) && i < limit && nears[i].dist == nears[0].dist; i++ {
		out = append(out, nears[i].c)
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
