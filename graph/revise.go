package graph

import (
	"math"
	"slices"
	"strings"
)

// Revise returns a new graph, g with each of concepts in place of the
// concept of its id and each of relations in place of the relation of its
// type between its ends: the graph that building g again with them would
// give, made without building it again. It is for a graph built with
// AddConcept and AddRelation whose concepts and relations change a few at
// a time: each of concepts must have the name and aliases given to
// AddConcept for the concept it replaces, and each of relations the ends
// and type given to AddRelation, with no other relation of that type
// between its ends (in either direction for symmetric types). g is left
// as it was, and must not be changed after: the two share what neither
// changes, maps included until the new graph changes them.
func (g *Graph) Revise(concepts []Concept, relations []Relation) *Graph {
	ng := &Graph{
		lib:      &library{},
		concepts: g.concepts,
		edges:    g.edges,
		out:      g.out,
		outEdges: g.outEdges,
		in:       g.in,
		names:    g.names,
		sym:      g.sym,
		revised:  true,
		shared:   sharesConcepts | sharesNames | sharesRelations,
	}
	if len(concepts) > 0 {
		ng.own(sharesConcepts)
	}
	for _, r := range relations {
		ng.own(sharesEdges | sharesOutEdges)
		if r.Type.Symmetric() {
			ng.own(sharesSym)
		}
	}
	for _, c := range concepts {
		stored := &Concept{ID: c.ID, Name: c.Name, Summary: c.Summary}
		ng.reviseNames(stored, c.Aliases)
		stored.Pros = appendNew(nil, c.Pros...)
		stored.Cons = appendNew(nil, c.Cons...)
		stored.Sources = append([]Source(nil), c.Sources...)
		stored.Tags = appendNew(nil, c.Tags...)
		slices.Sort(stored.Tags)
		ng.concepts[c.ID] = stored
	}
	for _, r := range relations {
		if r.Confidence <= 0 || r.Confidence > 1 || math.IsNaN(r.Confidence) {
			r.Confidence = 1
		}
		key := [2]string{r.From, r.To}
		e := ng.edges[key]
		if e == nil || e.find(r.Type) == nil {
			key = [2]string{r.To, r.From} // stored the other way round
			e = ng.edges[key]
		}
		old := e.find(r.Type)
		stored := *old
		stored.Confidence = r.Confidence
		stored.Evidence = append([]Evidence(nil), r.Evidence...)
		ne := &edge{rels: slices.Clone(e.rels)}
		ne.rels[slices.Index(ne.rels, old)] = &stored
		ng.edges[key] = ne
		from := slices.Clone(ng.outEdges[key[0]])
		from[slices.Index(from, e)] = ne
		ng.outEdges[key[0]] = from
		if stored.Type.Symmetric() {
			for _, end := range key {
				rs := slices.Clone(ng.sym[end])
				rs[slices.Index(rs, old)] = &stored
				ng.sym[end] = rs
			}
		}
	}
	return ng
}

// reviseNames gives c the aliases AddConcept gave it, which the index of
// names (complete, with every concept's names) already holds: an alias is
// left out where a name of c before it claimed the same normalised name,
// or where it is given twice (see addName).
func (g *Graph) reviseNames(c *Concept, aliases []string) {
	claimed := map[string]bool{} // by a name of c already given
	if k := NormName(c.Name); g.names[k] == c.ID {
		claimed[k] = true
	}
	for _, a := range aliases {
		a = strings.TrimSpace(a)
		if a == "" || a == c.Name {
			continue
		}
		k := NormName(a)
		if claimed[k] || slices.Contains(c.Aliases, a) {
			continue
		}
		c.Aliases = append(c.Aliases, a)
		if g.names[k] == c.ID {
			claimed[k] = true
		}
	}
}

// Unrelate removes the relation of r's type between r's ends (either way
// round for a symmetric type) and reports whether there was one. The
// lists of each concept's relations keep their order, and the edge goes
// with its last relation: when that relation was the only one between
// its ends, the graph is the one building it without that relation gives.
// Like AddRelation on a graph made by Revise, it changes nothing another
// graph shares.
func (g *Graph) Unrelate(r Relation) bool {
	key := [2]string{r.From, r.To}
	e := g.edges[key]
	if (e == nil || e.find(r.Type) == nil) && r.Type.Symmetric() {
		key = [2]string{r.To, r.From}
		e = g.edges[key]
	}
	if e == nil || e.find(r.Type) == nil {
		return false
	}
	g.own(sharesRelations)
	old := e.find(r.Type)
	from, to := key[0], key[1]
	if len(e.rels) > 1 {
		ne := &edge{rels: slices.DeleteFunc(slices.Clone(e.rels), func(x *Relation) bool { return x == old })}
		g.edges[key] = ne
		es := slices.Clone(g.outEdges[from])
		es[slices.Index(es, e)] = ne
		g.outEdges[from] = es
	} else {
		delete(g.edges, key)
		i := slices.Index(g.outEdges[from], e)
		setOrDrop(g.out, from, slices.Delete(slices.Clone(g.out[from]), i, i+1))
		setOrDrop(g.outEdges, from, slices.Delete(slices.Clone(g.outEdges[from]), i, i+1))
		j := slices.Index(g.in[to], from)
		setOrDrop(g.in, to, slices.Delete(slices.Clone(g.in[to]), j, j+1))
	}
	if old.Type.Symmetric() {
		for _, end := range key {
			setOrDrop(g.sym, end, slices.DeleteFunc(slices.Clone(g.sym[end]), func(x *Relation) bool { return x == old }))
		}
	}
	return true
}

// setOrDrop sets m[k] to s, or deletes it when s is empty, as a graph
// built anew holds no list for a concept with none.
func setOrDrop[V any](m map[string][]V, k string, s []V) {
	if len(s) == 0 {
		delete(m, k)
	} else {
		m[k] = s
	}
}
