package graph

import (
	"fmt"
	"slices"
	"strings"
)

// allowed reports whether t passes the type filter types; an empty filter
// passes everything.
func allowed(types []RelationType, t RelationType) bool {
	return len(types) == 0 || slices.Contains(types, t)
}

// Subgraph returns a new graph holding the concepts ids (unknown ids are
// ignored) and the relations among them whose type passes types.
func (g *Graph) Subgraph(ids []string, types []RelationType) *Graph {
	sub := New()
	keep := make(map[string]bool, len(ids))
	for _, id := range ids {
		if c := g.concepts[id]; c != nil && !keep[id] {
			keep[id] = true
			sub.adopt(c)
		}
	}
	for _, id := range sortedKeys(keep) {
		for _, to := range g.out[id] {
			if !keep[to] {
				continue
			}
			for _, r := range g.edges[[2]string{id, to}].rels {
				if allowed(types, r.Type) {
					// Both ends exist and r was valid in g.
					_ = sub.AddRelation(*r)
				}
			}
		}
	}
	return sub
}

// adopt adds a copy of c, which already has a valid id, to g.
func (g *Graph) adopt(c *Concept) {
	cc := *c
	cc.Aliases = slices.Clone(c.Aliases)
	cc.Pros = slices.Clone(c.Pros)
	cc.Cons = slices.Clone(c.Cons)
	cc.Sources = slices.Clone(c.Sources)
	cc.Tags = slices.Clone(c.Tags)
	// The id is non-empty and new to g, so this cannot fail.
	_, _ = g.AddConcept(cc)
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Filter returns the whole graph with only the relations whose type passes
// types. Concepts are all kept.
func (g *Graph) Filter(types []RelationType) *Graph {
	ids := make([]string, 0, len(g.concepts))
	for id := range g.concepts {
		ids = append(ids, id)
	}
	return g.Subgraph(ids, types)
}

// neighbours calls f for each concept joined to id by a relation that passes
// types, following edges in both directions, in a stable order.
func (g *Graph) neighbours(id string, types []RelationType, directed bool, f func(next string, r *Relation)) {
	for _, to := range g.out[id] {
		for _, r := range g.edges[[2]string{id, to}].rels {
			if allowed(types, r.Type) {
				f(to, r)
				break
			}
		}
	}
	if directed {
		return
	}
	for _, from := range g.in[id] {
		for _, r := range g.edges[[2]string{from, id}].rels {
			if allowed(types, r.Type) {
				f(from, r)
				break
			}
		}
	}
}

// Neighborhood returns the concepts within depth relations of focus (in
// either direction, through relations whose type passes types) and the
// relations among them. It returns an error if focus is unknown.
func (g *Graph) Neighborhood(focus string, depth int, types []RelationType) (*Graph, error) {
	c := g.Lookup(focus)
	if c == nil {
		return nil, &NotFoundError{Name: focus}
	}
	return g.Subgraph(g.reach(c.ID, depth, types), types), nil
}

// NearestNeighborhood is [Graph.Neighborhood] of at most limit concepts
// (no limit when limit <= 0): when the neighbourhood is larger, it keeps
// the focus, then the concepts one relation away, then two, and so on,
// and within each distance those joined to the concepts kept by the
// strongest relation first (the highest confidence among the relations
// that join them, then the more connected concept, then by id), until
// limit concepts are kept. It also returns how many concepts of the
// neighbourhood were left out. It returns an error if focus is unknown.
func (g *Graph) NearestNeighborhood(focus string, depth int, types []RelationType, limit int) (*Graph, int, error) {
	c := g.Lookup(focus)
	if c == nil {
		return nil, 0, &NotFoundError{Name: focus}
	}
	ids, total := g.nearest(c.ID, depth, types, limit)
	return g.Subgraph(ids, types), total - len(ids), nil
}

// nearest returns the ids NearestNeighborhood keeps, focus first, and the
// size of the whole neighbourhood.
func (g *Graph) nearest(focus string, depth int, types []RelationType, limit int) ([]string, int) {
	all := g.reach(focus, depth, types)
	if limit <= 0 || len(all) <= limit {
		return all, len(all)
	}
	kept := map[string]bool{focus: true}
	ids := []string{focus}
	layer := []string{focus}
	for d := 1; d <= depth && len(ids) < limit && len(layer) > 0; d++ {
		strongest := map[string]float64{} // a concept next to the layer -> its strongest relation to it
		var next []string
		for _, id := range layer {
			g.relationsAround(id, types, func(other string, r *Relation) {
				if kept[other] {
					return
				}
				if old, seen := strongest[other]; !seen {
					strongest[other] = r.Confidence
					next = append(next, other)
				} else if r.Confidence > old {
					strongest[other] = r.Confidence
				}
			})
		}
		slices.SortFunc(next, func(a, b string) int {
			if sa, sb := strongest[a], strongest[b]; sa != sb {
				if sa > sb {
					return -1
				}
				return 1
			}
			if d := g.Degree(b) - g.Degree(a); d != 0 {
				return d
			}
			return strings.Compare(a, b)
		})
		next = next[:min(len(next), limit-len(ids))]
		for _, id := range next {
			kept[id] = true
		}
		ids = append(ids, next...)
		layer = next
	}
	return ids, len(all)
}

// reach returns the ids of the concepts within depth relations of id, in
// either direction, through relations whose type passes types; id first.
func (g *Graph) reach(id string, depth int, types []RelationType) []string {
	dist := map[string]int{id: 0}
	queue := []string{id}
	for i := 0; i < len(queue); i++ {
		at := queue[i]
		if dist[at] >= depth {
			continue
		}
		g.neighbours(at, types, false, func(next string, _ *Relation) {
			if _, seen := dist[next]; !seen {
				dist[next] = dist[at] + 1
				queue = append(queue, next)
			}
		})
	}
	return queue
}

// relationsAround calls f for every relation in or out of id whose type
// passes types, with the concept at its other end.
func (g *Graph) relationsAround(id string, types []RelationType, f func(other string, r *Relation)) {
	for _, to := range g.out[id] {
		for _, r := range g.edges[[2]string{id, to}].rels {
			if allowed(types, r.Type) {
				f(to, r)
			}
		}
	}
	for _, from := range g.in[id] {
		for _, r := range g.edges[[2]string{from, id}].rels {
			if allowed(types, r.Type) {
				f(from, r)
			}
		}
	}
}

// NotFoundError reports a name that no concept goes by.
type NotFoundError struct {
	Name string
}

func (e *NotFoundError) Error() string { return fmt.Sprintf("no concept named %q", e.Name) }

// Hop is one step of a path: the relation walked, and whether it was walked
// against its direction.
type Hop struct {
	From, To string
	Relation *Relation
	Reversed bool
}

// Path returns the shortest chain of relations from one concept to another,
// through relations whose type passes types. Unless directed, relations may
// be walked against their direction. It is the first of [Graph.Paths], so
// among chains of equal length the one through the smallest ids is chosen.
// It returns nil and no error when the two are not connected, and an empty
// chain when they are the same concept.
func (g *Graph) Path(from, to string, types []RelationType, directed bool) ([]Hop, error) {
	chains, err := g.Paths(from, to, types, directed, 1)
	if err != nil || len(chains) == 0 {
		return nil, err
	}
	return chains[0], nil
}

// Hubs returns up to n concept ids ordered by how many relations touch them,
// most first, ties broken by id.
func (g *Graph) Hubs(n int) []string {
	type hub struct {
		id     string
		degree int
	}
	hubs := make([]hub, 0, len(g.concepts))
	for id := range g.concepts {
		hubs = append(hubs, hub{id, g.Degree(id)})
	}
	slices.SortFunc(hubs, func(a, b hub) int {
		if a.degree != b.degree {
			return b.degree - a.degree
		}
		return strings.Compare(a.id, b.id)
	})
	ids := make([]string, min(n, len(hubs)))
	for i := range ids {
		ids[i] = hubs[i].id
	}
	return ids
}

// View returns what a diagram of g shows: the neighbourhood of focus within
// depth relations, or the whole graph when focus is empty, with only the
// relations whose type passes types. It returns a *NotFoundError for an
// unknown focus.
func (g *Graph) View(focus string, depth int, types []RelationType) (*Graph, error) {
	if focus == "" {
		return g.Filter(types), nil
	}
	return g.Neighborhood(focus, depth, types)
}

// Overview returns the ids of at most n concepts that show the graph at a
// glance: the most connected concepts, each with its neighbours, taken in
// order of degree while they fit, so the view has clusters rather than a
// column of unconnected hubs. When even the most connected concept has
// more neighbours than fit, it comes with those it is most strongly
// related to (as [Graph.NearestNeighborhood] keeps them). It returns every
// concept when there are no more than n.
func (g *Graph) Overview(n int) []string {
	if len(g.concepts) <= n {
		return g.Hubs(len(g.concepts))
	}
	in := map[string]bool{}
	var out []string
	add := func(id string) {
		if !in[id] {
			in[id] = true
			out = append(out, id)
		}
	}
	for _, hub := range g.Hubs(len(g.concepts)) {
		if len(out) >= n || g.Degree(hub) == 0 {
			break
		}
		group := []string{hub}
		g.neighbours(hub, nil, false, func(next string, _ *Relation) { group = append(group, next) })
		fresh := 0
		for _, id := range group {
			if !in[id] {
				fresh++
			}
		}
		if len(out)+fresh > n {
			if len(out) > 0 {
				continue // too big to fit whole; a smaller cluster may
			}
			group, _ = g.nearest(hub, 1, nil, n)
		}
		for _, id := range group {
			add(id)
		}
	}
	slices.Sort(out)
	return out
}

func hasKey[V any](m map[string]V, k string) bool {
	_, ok := m[k]
	return ok
}
