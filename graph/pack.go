package graph

import (
	"math"
	"slices"
	"strings"
)

// Graphviz's dot stacks the connected components of a graph one under the
// other (with rankdir=LR), so a graph of many small components is drawn
// as one tall column. Its pack attribute lays them out side by side, but
// loses every edge label on the way (Graphviz 2.43 and 12.1 alike). So
// WriteDOT packs them itself: it sorts the components by size and fills
// rows of about the same width, as lines of text are filled, each
// component of a row chained to the one before by an invisible edge from
// one of its last concepts to one of the next's first, which puts the next
// component to its right. Rows stack as dot stacks components.

// packAspect is the width over height the rows aim at: about a screen's.
const packAspect = 1.6

// Estimates of dot's spacing, in inches, for sizing components before
// layout: its default ranksep and nodesep, and the room an edge label
// takes between ranks.
const (
	rankSep  = 0.5
	nodeSep  = 0.25
	labelGap = 0.6
)

// component is a connected component of a graph: its concepts in id
// order, and its estimated size in inches when drawn with rankdir=LR.
type component struct {
	ids           []string
	first, last   string // a concept of its first rank, and of its last
	width, height float64
}

// components returns the connected components of g, relations followed
// either way, largest first, then by their first id.
func (g *Graph) components() []component {
	seen := make(map[string]bool, len(g.concepts))
	var out []component
	for _, c := range g.Concepts() {
		if seen[c.ID] {
			continue
		}
		seen[c.ID] = true
		ids := []string{c.ID}
		for i := 0; i < len(ids); i++ {
			for _, next := range slices.Concat(g.out[ids[i]], g.in[ids[i]]) {
				if !seen[next] {
					seen[next] = true
					ids = append(ids, next)
				}
			}
		}
		slices.Sort(ids)
		out = append(out, g.measure(ids))
	}
	slices.SortStableFunc(out, func(a, b component) int {
		if d := len(b.ids) - len(a.ids); d != 0 {
			return d
		}
		return strings.Compare(a.ids[0], b.ids[0])
	})
	return out
}

// measure estimates how dot draws the component ids left to right: each
// concept at the rank of the longest chain of relations leading to it
// (relations closing a cycle ignored), as many ranks wide as its longest
// chain, as tall as its most crowded rank.
func (g *Graph) measure(ids []string) component {
	in := make(map[string]bool, len(ids))
	for _, id := range ids {
		in[id] = true
	}
	// Longest-path ranks over the relations that go forward in a
	// depth-first order, which leaves out one relation of every cycle.
	order := make([]string, 0, len(ids))
	state := make(map[string]int, len(ids)) // 1 on the stack, 2 done
	back := map[[2]string]bool{}
	type frame struct {
		id   string
		next int
	}
	for _, root := range ids {
		if state[root] != 0 {
			continue
		}
		stack := []frame{{root, 0}}
		state[root] = 1
		for len(stack) > 0 {
			f := &stack[len(stack)-1]
			if f.next < len(g.out[f.id]) {
				to := g.out[f.id][f.next]
				f.next++
				switch state[to] {
				case 0:
					state[to] = 1
					stack = append(stack, frame{to, 0})
				case 1:
					back[[2]string{f.id, to}] = true
				}
				continue
			}
			state[f.id] = 2
			order = append(order, f.id)
			stack = stack[:len(stack)-1]
		}
	}
	rank := make(map[string]int, len(ids))
	last := 0
	for i := len(order) - 1; i >= 0; i-- { // reverse post-order: a topological order
		id := order[i]
		for _, to := range g.out[id] {
			if !back[[2]string{id, to}] {
				rank[to] = max(rank[to], rank[id]+1)
				last = max(last, rank[to])
			}
		}
	}
	perRank := make([]int, last+1)
	var widest float64
	c := component{ids: ids}
	for _, id := range ids {
		perRank[rank[id]]++
		w, _ := labelSize(nodeLabel(g.concepts[id]), nodeFontSize)
		widest = max(widest, w)
		if c.first == "" && rank[id] == 0 {
			c.first = id
		}
		if c.last == "" && rank[id] == last {
			c.last = id
		}
	}
	gap := rankSep
	if len(ids) > 1 {
		gap += labelGap
	}
	c.width = float64(last+1)*widest + float64(last)*gap
	c.height = float64(slices.Max(perRank))*(nodeMinHeight+nodeSep) - nodeSep
	return c
}

// packChain returns the invisible edges that arrange the components of g
// in rows (see above): pairs of concept ids, from the last rank of one
// component to the first of the next in its row. It returns none for a
// graph of one component.
func (g *Graph) packChain() [][2]string {
	comps := g.components()
	if len(comps) < 2 {
		return nil
	}
	var area float64
	for _, c := range comps {
		area += (c.width + nodeSep) * (c.height + nodeSep)
	}
	width := math.Sqrt(area * packAspect)
	var chain [][2]string
	row := 0.0
	for i, c := range comps {
		if i > 0 && row > 0 && row+c.width <= width {
			chain = append(chain, [2]string{comps[i-1].last, c.first})
			row += rankSep + c.width
			continue
		}
		row = c.width
	}
	return chain
}

// nodeLabel is the text of a concept's box: its name, or its id when the
// name is blank.
func nodeLabel(c *Concept) string {
	name := clean(c.Name)
	if strings.TrimSpace(name) == "" {
		return clean(c.ID)
	}
	return name
}
