package graph

import (
	"slices"
	"strings"
)

// Paths returns up to limit shortest distinct chains of relations from one
// concept to another (each named by id or any name), through relations
// whose type passes types; unless directed, relations may be walked against
// their direction, as in [Graph.Path]. Two chains are distinct when they
// pass through different concepts or in a different order; between two
// concepts a chain walks one relation, the first whose type passes, in the
// order of [Types], walked along its direction if one is, else against it.
//
// The chains come shortest first, and chains of one length in the order of
// the ids along them, so the answer is stable; a chain never visits a
// concept twice. It returns an empty list when the two are not connected
// and a *NotFoundError for an unknown name. A limit below 1 is taken as 1.
//
// It is Yen's algorithm over breadth-first searches: finding k chains of
// up to L relations takes up to k·L searches of O(V + E) each, so keep limit
// small (the command line allows 100).
func (g *Graph) Paths(from, to string, types []RelationType, directed bool, limit int) ([][]Hop, error) {
	a, b := g.Lookup(from), g.Lookup(to)
	if a == nil {
		return nil, &NotFoundError{Name: from}
	}
	if b == nil {
		return nil, &NotFoundError{Name: to}
	}
	if a.ID == b.ID {
		return [][]Hop{{}}, nil
	}
	limit = max(limit, 1)
	w := walker{g: g, types: types, directed: directed}
	first := w.shortest(a.ID, b.ID, nil, nil)
	if first == nil {
		return [][]Hop{}, nil
	}
	found := [][]string{first}
	seen := map[string]bool{pathKey(first): true}
	var cands [][]string
	for len(found) < limit {
		prev := found[len(found)-1]
		for i := 0; i+1 < len(prev); i++ {
			spur, root := prev[i], prev[:i+1]
			steps := map[[2]string]bool{}
			for _, p := range found {
				if len(p) > i+1 && slices.Equal(p[:i+1], root) {
					steps[[2]string{p[i], p[i+1]}] = true
				}
			}
			nodes := make(map[string]bool, i)
			for _, n := range root[:i] {
				nodes[n] = true
			}
			tail := w.shortest(spur, b.ID, nodes, steps)
			if tail == nil {
				continue
			}
			p := append(slices.Clone(root[:i]), tail...)
			if k := pathKey(p); !seen[k] {
				seen[k] = true
				cands = append(cands, p)
			}
		}
		if len(cands) == 0 {
			break
		}
		best := 0
		for i, p := range cands {
			if comparePaths(p, cands[best]) < 0 {
				best = i
			}
		}
		found = append(found, cands[best])
		cands = slices.Delete(cands, best, best+1)
	}
	out := make([][]Hop, len(found))
	for i, p := range found {
		out[i] = w.hops(p)
	}
	return out, nil
}

func pathKey(p []string) string { return strings.Join(p, "\x00") }

func comparePaths(a, b []string) int {
	if len(a) != len(b) {
		return len(a) - len(b)
	}
	return slices.Compare(a, b)
}

// walker walks the graph through the relations a path query allows.
type walker struct {
	g        *Graph
	types    []RelationType
	directed bool
}

// step returns the relation a hop from a to b walks, and whether it is
// walked against its direction, or nil.
func (w walker) step(a, b string) (*Relation, bool) {
	pick := func(e *edge) *Relation {
		if e == nil {
			return nil
		}
		var best *Relation
		for _, r := range e.rels {
			if allowed(w.types, r.Type) && (best == nil || slices.Index(Types, r.Type) < slices.Index(Types, best.Type)) {
				best = r
			}
		}
		return best
	}
	if r := pick(w.g.edges[[2]string{a, b}]); r != nil {
		return r, false
	}
	if w.directed {
		return nil, false
	}
	if r := pick(w.g.edges[[2]string{b, a}]); r != nil {
		return r, true
	}
	return nil, false
}

// next calls f for each concept one allowed hop from id; back for each
// concept one allowed hop to id. A concept may be met twice.
func (w walker) next(id string, back bool, f func(string)) {
	fwd, rev := w.g.out[id], w.g.in[id]
	if back {
		fwd, rev = rev, fwd
	}
	for _, n := range fwd {
		if a, b := id, n; back && w.allowed(b, a) || !back && w.allowed(a, b) {
			f(n)
		}
	}
	if w.directed {
		return
	}
	for _, n := range rev {
		if w.allowed(id, n) {
			f(n)
		}
	}
}

func (w walker) allowed(a, b string) bool {
	r, _ := w.step(a, b)
	return r != nil
}

// shortest returns the concepts along the shortest chain from a to b that
// avoids the concepts in nodes and the hops in steps, the smallest by the
// ids along it among chains of that length, or nil. It searches
// breadth-first from b, so that the chain can then be read off from a
// choosing the smallest id at each hop.
func (w walker) shortest(a, b string, nodes map[string]bool, steps map[[2]string]bool) []string {
	dist := map[string]int{b: 0}
	frontier := []string{b}
	for len(frontier) > 0 && !hasKey(dist, a) {
		var next []string
		for _, x := range frontier {
			w.next(x, true, func(p string) {
				if hasKey(dist, p) || nodes[p] || steps[[2]string{p, x}] {
					return
				}
				dist[p] = dist[x] + 1
				next = append(next, p)
			})
		}
		frontier = next
	}
	if !hasKey(dist, a) {
		return nil
	}
	path := []string{a}
	for cur := a; cur != b; {
		best := ""
		w.next(cur, false, func(n string) {
			d, ok := dist[n]
			if ok && d == dist[cur]-1 && !nodes[n] && !steps[[2]string{cur, n}] && (best == "" || n < best) {
				best = n
			}
		})
		path = append(path, best)
		cur = best
	}
	return path
}

// hops turns the concepts along a chain into its hops.
func (w walker) hops(p []string) []Hop {
	hops := make([]Hop, 0, len(p)-1)
	for i := 0; i+1 < len(p); i++ {
		r, rev := w.step(p[i], p[i+1])
		hops = append(hops, Hop{From: p[i], To: p[i+1], Relation: r, Reversed: rev})
	}
	return hops
}
