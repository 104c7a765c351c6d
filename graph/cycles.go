package graph

import "slices"

// The whole-graph algorithms below work on a compact form of (part of) the
// graph: nodes numbered 0…n-1 and their edges in one array (compressed
// sparse rows), the edges of node v being to[start[v]:start[v+1]]. They are
// iterative, so a chain of 100,000 concepts needs no deep call stack, and
// linear in nodes and edges unless said otherwise.

// sccs returns the strongly connected components of the graph of n nodes
// whose edges are given by start and to, ignoring edge k when skip is not
// nil and skip[k] is true: comp[v] is the component of node v, numbered so
// that every edge leaving a component goes to one with a smaller number
// (Tarjan's order), and count is the number of components. It runs in
// O(n + edges).
func sccs(n int, start, to []int32, skip []bool) (comp []int32, count int) {
	const unseen = -1
	index := make([]int32, n)
	low := make([]int32, n)
	comp = make([]int32, n)
	onStack := make([]bool, n)
	for i := range index {
		index[i] = unseen
	}
	type frame struct{ v, next int32 }
	var (
		calls []frame
		stack []int32
		next  int32
	)
	visit := func(v int32) {
		index[v], low[v] = next, next
		next++
		stack = append(stack, v)
		onStack[v] = true
		calls = append(calls, frame{v, start[v]})
	}
	for s := range int32(n) {
		if index[s] != unseen {
			continue
		}
		visit(s)
		for len(calls) > 0 {
			f := &calls[len(calls)-1]
			if f.next < start[f.v+1] {
				k := f.next
				f.next++
				if skip != nil && skip[k] {
					continue
				}
				switch w := to[k]; {
				case index[w] == unseen:
					visit(w)
				case onStack[w]:
					low[f.v] = min(low[f.v], index[w])
				}
				continue
			}
			v := f.v
			calls = calls[:len(calls)-1]
			if low[v] == index[v] {
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					onStack[w] = false
					comp[w] = int32(count)
					if w == v {
						break
					}
				}
				count++
			}
			if len(calls) > 0 {
				p := calls[len(calls)-1].v
				low[p] = min(low[p], low[v])
			}
		}
	}
	return comp, count
}

// arc is one kept edge in a [dynOrder]: the node at its other end and the
// edge's number in the caller's numbering.
type arc struct{ node, edge int32 }

// dynOrder keeps a set of edges acyclic as edges are offered one by one: an
// edge that would close a cycle is refused, and the path it would have
// closed is returned. It maintains a topological order of the nodes (every
// kept edge x→y has ord[x] < ord[y]) with the algorithm of Pearce and Kelly
// ("A dynamic topological sort algorithm for directed acyclic graphs",
// 2006): an edge that agrees with the order costs O(1), and one that does
// not searches and reorders only the nodes whose position lies between its
// ends. Searches are breadth-first, so a refused edge comes with a shortest
// path of kept edges that closes the cycle.
type dynOrder struct {
	ord     []int32 // position of each node; kept edges go from lower to higher
	out, in [][]arc // kept edges
	seen    []uint32
	epoch   uint32
	via     []arc // forward search: the kept edge each node was reached by
	fwd     []int32
	back    []int32
	keys    []uint64 // position<<32 | node, for sorting by position
	pool    []int32
}

func newDynOrder(n int) *dynOrder {
	d := &dynOrder{
		ord:  make([]int32, n),
		out:  make([][]arc, n),
		in:   make([][]arc, n),
		seen: make([]uint32, n),
		via:  make([]arc, n),
	}
	for i := range d.ord {
		d.ord[i] = int32(i)
	}
	return d
}

// seed sets the initial order from a depth-first search over the edges
// that will be offered, given in the order they will be (each from, to):
// the reverse of the order the search finishes nodes in. Every edge but
// those the search finds closing a cycle then agrees with the order and
// costs O(1) when offered, and the search follows the edges offered first
// before the others, so the strong edges shape the order.
func (d *dynOrder) seed(edges [][2]int32) {
	n := len(d.ord)
	start := make([]int32, n+1)
	for _, e := range edges {
		start[e[0]+1]++
	}
	for i := range n {
		start[i+1] += start[i]
	}
	to := make([]int32, len(edges))
	fill := slices.Clone(start[:n])
	for _, e := range edges {
		to[fill[e[0]]] = e[1]
		fill[e[0]]++
	}
	visited := make([]bool, n)
	type frame struct{ v, next int32 }
	var calls []frame
	post := int32(0)
	for s := range int32(n) {
		if visited[s] {
			continue
		}
		visited[s] = true
		calls = append(calls, frame{s, start[s]})
		for len(calls) > 0 {
			f := &calls[len(calls)-1]
			if f.next < start[f.v+1] {
				w := to[f.next]
				f.next++
				if !visited[w] {
					visited[w] = true
					calls = append(calls, frame{w, start[w]})
				}
				continue
			}
			d.ord[f.v] = int32(n) - 1 - post
			post++
			calls = calls[:len(calls)-1]
		}
	}
}

// add offers edge number k from x to y. It keeps the edge and returns nil,
// or, if y already reaches x through kept edges, refuses it and returns
// that path as the kept edges from y to x, in order.
func (d *dynOrder) add(x, y, k int32) []arc {
	if d.ord[x] < d.ord[y] {
		d.link(x, y, k)
		return nil
	}
	lb, ub := d.ord[y], d.ord[x]
	d.epoch++
	// Forward from y through nodes placed before x: reaching x is a cycle.
	d.fwd = append(d.fwd[:0], y)
	d.seen[y] = d.epoch
	for i := 0; i < len(d.fwd); i++ {
		n := d.fwd[i]
		for _, a := range d.out[n] {
			w := a.node
			if w == x {
				d.via[x] = arc{n, a.edge}
				return d.pathTo(y, x)
			}
			if d.seen[w] != d.epoch && d.ord[w] < ub {
				d.seen[w] = d.epoch
				d.via[w] = arc{n, a.edge}
				d.fwd = append(d.fwd, w)
			}
		}
	}
	// Backward from x through nodes placed after y.
	d.back = append(d.back[:0], x)
	d.seen[x] = d.epoch
	for i := 0; i < len(d.back); i++ {
		for _, a := range d.in[d.back[i]] {
			w := a.node
			if d.seen[w] != d.epoch && d.ord[w] > lb {
				d.seen[w] = d.epoch
				d.back = append(d.back, w)
			}
		}
	}
	// Everything that reaches x goes before everything y reaches, in the
	// positions the two sets held.
	d.keys = d.keys[:0]
	for _, n := range d.back {
		d.keys = append(d.keys, uint64(d.ord[n])<<32|uint64(n))
	}
	slices.Sort(d.keys)
	nb := len(d.keys)
	for _, n := range d.fwd {
		d.keys = append(d.keys, uint64(d.ord[n])<<32|uint64(n))
	}
	slices.Sort(d.keys[nb:])
	// The positions both sets held, in order: a merge of two sorted runs.
	d.pool = d.pool[:0]
	i, j := 0, nb
	for i < nb || j < len(d.keys) {
		if j == len(d.keys) || i < nb && d.keys[i]>>32 < d.keys[j]>>32 {
			d.pool = append(d.pool, int32(d.keys[i]>>32))
			i++
		} else {
			d.pool = append(d.pool, int32(d.keys[j]>>32))
			j++
		}
	}
	for i, key := range d.keys {
		d.ord[int32(uint32(key))] = d.pool[i]
	}
	d.link(x, y, k)
	return nil
}

func (d *dynOrder) link(x, y, k int32) {
	d.out[x] = append(d.out[x], arc{y, k})
	d.in[y] = append(d.in[y], arc{x, k})
}

// pathTo returns the kept edges from y to x recorded by the last forward
// search, each as the node it leaves from and its edge number.
func (d *dynOrder) pathTo(y, x int32) []arc {
	var path []arc
	for n := x; n != y; n = d.via[n].node {
		path = append(path, d.via[n])
	}
	slices.Reverse(path)
	return path
}

// intHeap is a binary min-heap of node numbers ordered by rank.
type intHeap struct {
	items []int32
	rank  []int32
}

func (h *intHeap) push(v int32) {
	h.items = append(h.items, v)
	i := len(h.items) - 1
	for i > 0 {
		p := (i - 1) / 2
		if h.rank[h.items[p]] <= h.rank[h.items[i]] {
			break
		}
		h.items[p], h.items[i] = h.items[i], h.items[p]
		i = p
	}
}

func (h *intHeap) pop() int32 {
	top := h.items[0]
	last := len(h.items) - 1
	h.items[0] = h.items[last]
	h.items = h.items[:last]
	i := 0
	for {
		l, r, m := 2*i+1, 2*i+2, i
		if l < last && h.rank[h.items[l]] < h.rank[h.items[m]] {
			m = l
		}
		if r < last && h.rank[h.items[r]] < h.rank[h.items[m]] {
			m = r
		}
		if m == i {
			return top
		}
		h.items[i], h.items[m] = h.items[m], h.items[i]
		i = m
	}
}
