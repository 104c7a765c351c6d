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
	return x
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
	// Nothing contains it: try the names closest in edit distance.
	nq := graph.NormName(s)
	type cand struct {
		ref  conceptRef
		dist int
	}
	var cands []cand
	for _, e := range x.entries {
		best := -1
		for _, k := range e.keys {
			d := editDistance(k, nq)
			if best < 0 || d < best {
				best = d
			}
		}
		if best >= 0 && best <= max(2, utf8.RuneCountInString(nq)/3) {
			cands = append(cands, cand{e.ref, best})
		}
	}
	slices.SortFunc(cands, func(a, b cand) int {
		if a.dist != b.dist {
			return a.dist - b.dist
		}
		return strings.Compare(a.ref.ID, b.ref.ID)
	})
	for i := 0; i < len(cands) && i < limit; i++ {
		out = append(out, cands[i].ref)
	}
	return out
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
