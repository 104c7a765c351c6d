package graph

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// Prerequisite reports whether a relation of type t makes its To a
// prerequisite of its From: true for requires, type_of, example_of, part_of
// and uses; false for compared_with and opposite_of, which relate concepts
// learnt side by side. See the package documentation for the definition.
func (t RelationType) Prerequisite() bool {
	switch t {
	case Requires, TypeOf, ExampleOf, PartOf, Uses:
		return true
	}
	return false
}

// LearningOrder is what to learn before a concept, and in what order.
type LearningOrder struct {
	// Target is the concept asked about.
	Target *Concept
	// Steps are the target's prerequisites, direct and transitive, in
	// learning order, each after every prerequisite it has among the
	// others (except across a relation set aside to break a cycle), and
	// the target last.
	Steps []Step
	// Cycles are the prerequisite cycles met on the way, each broken by
	// setting its weakest link aside.
	Cycles []Cycle

	g *Graph // the graph the order is of, for the names of what it mentions
}

// Step is one concept of a learning order.
type Step struct {
	Concept *Concept
	// Depth is the fewest prerequisite relations that lead from the
	// target to this concept: 0 for the target, 1 for what it needs
	// directly.
	Depth int
	// Because are the prerequisite relations that put the concept in the
	// order: those whose To it is and whose From is a later step. Kept
	// relations come first, explicit requires before the others, then in
	// the order of [Types] and by the From's id.
	Because []Reason
	// Compare are the compared_with and opposite_of relations of the
	// concept, with any other concept: not prerequisites, but worth a look
	// while learning it. Sorted by from, to and type.
	Compare []*Relation
}

// Reason is a relation that makes a concept a prerequisite of another.
type Reason struct {
	Relation *Relation
	// SetAside is true when the relation closed a cycle and was set aside
	// to order the rest: the order does not follow it.
	SetAside bool
}

// Cycle is a chain of prerequisites that leads back to where it started,
// and how it was broken.
type Cycle struct {
	// Concepts are the ids around the cycle: each needs the next and the
	// last needs the first. The first is the one whose relation to the
	// second was set aside.
	Concepts []string
	// Relations are the prerequisite relations joining each concept to the
	// next, in cycle order, the set-aside ones first.
	Relations []*Relation
	// SetAside are the relations from Concepts[0] to Concepts[1], which the
	// order does not follow: the weakest link of the cycle, or a relation
	// that makes the target a prerequisite of one of its own.
	SetAside []*Relation
	// Note says, in a sentence, what was set aside and why.
	Note string
}

// strength is how firmly a prerequisite edge holds when a cycle must be
// broken: an explicit requires outranks any relation the prerequisite is
// derived from, then the higher confidence wins.
type strength struct {
	explicit bool
	conf     float64
}

func (a strength) compare(b strength) int {
	if a.explicit != b.explicit {
		if a.explicit {
			return 1
		}
		return -1
	}
	return cmp.Compare(a.conf, b.conf)
}

func edgeStrength(e *edge) strength {
	var s strength
	for _, r := range e.rels {
		if !r.Type.Prerequisite() {
			continue
		}
		if r.Type == Requires && !s.explicit {
			s = strength{explicit: true}
		}
		if (r.Type == Requires) == s.explicit {
			s.conf = max(s.conf, r.Confidence)
		}
	}
	return s
}

func prereqRels(e *edge) []*Relation {
	var out []*Relation
	for _, r := range e.rels {
		if r.Type.Prerequisite() {
			out = append(out, r)
		}
	}
	sortRelations(out)
	return out
}

// closure is the part of the graph a learning order is made from: the
// target (node 0) and every concept it needs, directly or not, numbered in
// breadth-first order, with the prerequisite edges among them in
// compressed sparse rows (the edges of node v are start[v]:start[v+1],
// sorted by the id they lead to).
type closure struct {
	ids   []string
	cons  []*Concept
	index map[string]int32
	depth []int32
	from  []int32 // the node each node was first reached from (-1 for the target)
	via   []int32 // … and by which edge
	start []int32
	to    []int32
	src   []int32 // the node each edge leaves from
	edges []*edge
}

// prereqClosure walks the prerequisite edges from target breadth-first.
// It runs in O(V + E + E log d) for the V concepts and E edges reached, d
// being the largest number of prerequisites of one concept.
func (g *Graph) prereqClosure(target string) *closure {
	c := &closure{
		ids:   []string{target},
		cons:  []*Concept{g.concepts[target]},
		index: map[string]int32{target: 0},
		depth: []int32{0},
		from:  []int32{-1},
		via:   []int32{-1},
		start: []int32{0},
	}
	type next struct {
		id string
		e  *edge
	}
	var nexts []next
	for i := 0; i < len(c.ids); i++ {
		u := c.ids[i]
		nexts = nexts[:0]
		for j, e := range g.outEdges[u] {
			for _, r := range e.rels {
				if r.Type.Prerequisite() {
					nexts = append(nexts, next{g.out[u][j], e})
					break
				}
			}
		}
		slices.SortFunc(nexts, func(a, b next) int { return strings.Compare(a.id, b.id) })
		for _, n := range nexts {
			j, ok := c.index[n.id]
			if !ok {
				j = int32(len(c.ids))
				c.index[n.id] = j
				c.ids = append(c.ids, n.id)
				c.cons = append(c.cons, g.concepts[n.id])
				c.depth = append(c.depth, c.depth[i]+1)
				c.from = append(c.from, int32(i))
				c.via = append(c.via, int32(len(c.to)))
			}
			c.to = append(c.to, j)
			c.src = append(c.src, int32(i))
			c.edges = append(c.edges, n.e)
		}
		c.start = append(c.start, int32(len(c.to)))
	}
	return c
}

// LearningOrder returns what to learn before the concept named target (its
// id or any of its names), in order. It returns a *NotFoundError when no
// concept goes by that name.
//
// The prerequisites of a concept are defined in the package documentation
// (see "Prerequisites"). The order holds every concept the target needs,
// directly or through others, each placed after all it needs among them;
// among concepts that could come next, the one farthest from the target
// (by the fewest prerequisite relations) comes first, then by name, then
// by id, and the target always comes last. The result is the same for the
// same graph, whatever order its relations were added in.
//
// Cycles are never an error. A relation by which a prerequisite of the
// target needs the target itself is set aside first (the target is what is
// being learnt). Any other cycle is broken at its weakest link: relations
// are taken strongest first (an explicit requires before a derived
// prerequisite, then by confidence; equal ones in order of from and to id)
// and one that would close a cycle of those already taken is set aside, so
// every relation set aside is the weakest of the cycle it closes. Each
// appears in Cycles with the concepts and relations of that cycle and a
// note.
//
// It runs in time linear in the concepts and relations it reaches (plus
// the sorting of names, and a search among the concepts of a cycle for
// each relation that disagrees with the order found so far), and reads
// nothing outside them.
func (g *Graph) LearningOrder(target string) (*LearningOrder, error) {
	t := g.Lookup(target)
	if t == nil {
		return nil, &NotFoundError{Name: target}
	}
	c := g.prereqClosure(t.ID)
	n := len(c.ids)
	setAside := make([]bool, len(c.to))
	lo := &LearningOrder{Target: t, g: g}

	// A prerequisite of the target that needs the target.
	for k, to := range c.to {
		if to != 0 {
			continue
		}
		setAside[k] = true
		u := c.src[k]
		var path []int32 // edges from the target down to u
		for v := u; v != 0; v = c.from[v] {
			path = append(path, c.via[v])
		}
		slices.Reverse(path)
		lo.Cycles = append(lo.Cycles, c.cycle(g, int32(k), path,
			"%s is set aside: it makes %s a prerequisite of its own prerequisite %s, and %s is the concept being learnt"))
	}

	// The weakest link of every other cycle.
	comp, count := sccs(n, c.start, c.to, setAside)
	local := make([]int32, n)
	for _, m := range components(comp, count) {
		for i, v := range m {
			local[v] = int32(i)
		}
		type cand struct {
			k, u int32
			s    strength
		}
		var cands []cand
		for _, u := range m {
			for k := c.start[u]; k < c.start[u+1]; k++ {
				if !setAside[k] && comp[c.to[k]] == comp[u] {
					cands = append(cands, cand{k, u, edgeStrength(c.edges[k])})
				}
			}
		}
		slices.SortStableFunc(cands, func(a, b cand) int {
			if d := b.s.compare(a.s); d != 0 {
				return d
			}
			if d := strings.Compare(c.ids[a.u], c.ids[b.u]); d != 0 {
				return d
			}
			return strings.Compare(c.ids[c.to[a.k]], c.ids[c.to[b.k]])
		})
		d := newDynOrder(len(m))
		pairs := make([][2]int32, len(cands))
		for i, e := range cands {
			pairs[i] = [2]int32{local[e.u], local[c.to[e.k]]}
		}
		d.seed(pairs)
		for _, e := range cands {
			back := d.add(local[e.u], local[c.to[e.k]], e.k)
			if back == nil {
				continue
			}
			setAside[e.k] = true
			path := make([]int32, len(back))
			for i, a := range back {
				path[i] = a.edge
			}
			lo.Cycles = append(lo.Cycles, c.cycle(g, e.k, path,
				"%s is set aside: it is the weakest link of the cycle %s"))
		}
	}

	// Kahn's algorithm over the kept edges, from the concepts that need
	// nothing, the deepest and then the first by name first.
	byRank := make([]int32, n)
	for i := range byRank {
		byRank[i] = int32(i)
	}
	slices.SortFunc(byRank, func(a, b int32) int {
		if d := cmp.Compare(c.depth[b], c.depth[a]); d != 0 {
			return d
		}
		ca, cb := c.cons[a], c.cons[b]
		if d := strings.Compare(ca.Name, cb.Name); d != 0 {
			return d
		}
		return strings.Compare(ca.ID, cb.ID)
	})
	rank := make([]int32, n)
	for r, v := range byRank {
		rank[v] = int32(r)
	}
	waiting := make([]int32, n) // kept prerequisites not yet placed
	inStart := make([]int32, n+1)
	for k, to := range c.to {
		inStart[to+1]++
		if !setAside[k] {
			waiting[c.src[k]]++
		}
	}
	for i := range n {
		inStart[i+1] += inStart[i]
	}
	inEdges := make([]int32, len(c.to)) // edge numbers by the node they lead to
	fill := slices.Clone(inStart[:n])
	for u := range int32(n) {
		for k := c.start[u]; k < c.start[u+1]; k++ {
			to := c.to[k]
			inEdges[fill[to]] = k
			fill[to]++
		}
	}
	h := &intHeap{rank: rank}
	for v := int32(1); v < int32(n); v++ {
		if waiting[v] == 0 {
			h.push(v)
		}
	}
	order := make([]int32, 0, n)
	for len(h.items) > 0 {
		v := h.pop()
		order = append(order, v)
		for _, k := range inEdges[inStart[v]:inStart[v+1]] {
			if setAside[k] {
				continue
			}
			u := c.src[k]
			waiting[u]--
			if waiting[u] == 0 && u != 0 {
				h.push(u)
			}
		}
	}
	if len(order) != n-1 || waiting[0] != 0 {
		// Cannot happen: the kept edges are acyclic and nothing needs the
		// target. Say so rather than return a partial order.
		return nil, fmt.Errorf("learning order of %s: %d of %d concepts could not be ordered", t.ID, n-1-len(order), n-1)
	}
	order = append(order, 0)

	nReasons := 0
	for _, e := range c.edges {
		nReasons += len(e.rels)
	}
	reasons := make([]Reason, 0, nReasons) // one array for every step's reasons
	lo.Steps = make([]Step, 0, n)
	for _, v := range order {
		con := c.cons[v]
		from := len(reasons)
		for _, k := range inEdges[inStart[v]:inStart[v+1]] {
			for _, r := range c.edges[k].rels {
				if r.Type.Prerequisite() {
					reasons = append(reasons, Reason{Relation: r, SetAside: setAside[k]})
				}
			}
		}
		s := Step{Concept: con, Depth: int(c.depth[v]), Because: reasons[from:len(reasons):len(reasons)]}
		slices.SortStableFunc(s.Because, compareReasons)
		if len(s.Because) == 0 {
			s.Because = nil
		}
		if len(g.sym[con.ID]) > 0 {
			s.Compare = g.comparisons(con.ID)
		}
		lo.Steps = append(lo.Steps, s)
	}
	return lo, nil
}

func compareReasons(a, b Reason) int {
	if a.SetAside != b.SetAside {
		if a.SetAside {
			return 1
		}
		return -1
	}
	if ra, rb := a.Relation.Type == Requires, b.Relation.Type == Requires; ra != rb {
		if ra {
			return -1
		}
		return 1
	}
	if d := cmp.Compare(slices.Index(Types, a.Relation.Type), slices.Index(Types, b.Relation.Type)); d != 0 {
		return d
	}
	return strings.Compare(a.Relation.From, b.Relation.From)
}

// components returns the members of every component of more than one
// node, each in ascending order, the components in order of number.
func components(comp []int32, count int) [][]int32 {
	size := make([]int32, count)
	for _, c := range comp {
		size[c]++
	}
	var multi []int32
	for v, c := range comp {
		if size[c] > 1 {
			multi = append(multi, int32(v))
		}
	}
	slices.SortStableFunc(multi, func(a, b int32) int { return cmp.Compare(comp[a], comp[b]) })
	var out [][]int32
	for i := 0; i < len(multi); {
		j := i + int(size[comp[multi[i]]])
		out = append(out, multi[i:j])
		i = j
	}
	return out
}

// comparisons returns the compared_with and opposite_of relations of id.
func (g *Graph) comparisons(id string) []*Relation {
	out := slices.Clone(g.sym[id])
	sortRelations(out)
	return out
}

// cycle describes the cycle closed by edge k, set aside, and path, the
// edges that lead from where k goes back to where it starts. note is a
// format with the set-aside relation first and then, for the target's
// cycles, the target, the concept and the target again; or the cycle.
func (c *closure) cycle(g *Graph, k int32, path []int32, note string) Cycle {
	u := c.src[k]
	cy := Cycle{Concepts: []string{c.ids[u], c.ids[c.to[k]]}, SetAside: prereqRels(c.edges[k])}
	cy.Relations = append(cy.Relations, cy.SetAside...)
	for _, e := range path {
		cy.Concepts = append(cy.Concepts, c.ids[c.to[e]])
		cy.Relations = append(cy.Relations, prereqRels(c.edges[e])...)
	}
	cy.Concepts = cy.Concepts[:len(cy.Concepts)-1] // the path ends where it began
	var rels []string
	for _, r := range cy.SetAside {
		rels = append(rels, g.describe(r))
	}
	what := strings.Join(rels, " and ")
	if c.to[k] == 0 {
		t := g.name(c.ids[0])
		cy.Note = fmt.Sprintf(note, what, t, g.name(c.ids[u]), t)
		return cy
	}
	names := make([]string, 0, len(cy.Concepts)+1)
	for _, id := range cy.Concepts {
		names = append(names, g.name(id))
	}
	names = append(names, names[0])
	cy.Note = fmt.Sprintf(note, what, strings.Join(names, " → "))
	return cy
}

// name returns the name of the concept id, or id.
func (g *Graph) name(id string) string {
	if c := g.concepts[id]; c != nil && strings.TrimSpace(c.Name) != "" {
		return c.Name
	}
	return id
}

// describe reads a relation as a sentence with its confidence:
// "도커 uses Linux (confidence 0.9)".
func (g *Graph) describe(r *Relation) string {
	return fmt.Sprintf("%q %s %q (confidence %s)", g.name(r.From), r.Type, g.name(r.To), strconv.FormatFloat(r.Confidence, 'f', -1, 64))
}

// Graph returns the learning order as a graph for drawing: the steps, each
// named "N. name" after its place in the order, and the prerequisite
// relations among them, including those set aside.
func (lo *LearningOrder) Graph() *Graph {
	g := New()
	in := map[string]bool{}
	for i, s := range lo.Steps {
		c := *s.Concept
		c.Name = fmt.Sprintf("%d. %s", i+1, s.Concept.Name)
		c.Aliases = nil
		g.adopt(&c)
		in[c.ID] = true
	}
	for _, s := range lo.Steps {
		for _, b := range s.Because {
			if in[b.Relation.From] {
				// Both ends are steps and the relation was valid.
				_ = g.AddRelation(*b.Relation)
			}
		}
	}
	return g
}

// ConceptRef names a concept in a JSON answer.
type ConceptRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// LearningOrderDocument is the JSON form of a learning order:
//
//	{"target": {"id", "name"},
//	 "steps": [{"id", "name", "depth", "because": [relation…], "compare": [relation…]}…],
//	 "cycles": [[concept ids…]…],
//	 "broken": [{"concepts", "relations", "setAside", "note"}…],
//	 "names": {id: name…}}
//
// Steps are in learning order, the target last. Each relation in "because"
// is a relation of the JSON contract (from, to, type, confidence,
// evidence), with "setAside": true when the order does not follow it.
// "cycles" lists each cycle's concept ids as [Cycle.Concepts] does, and
// "broken" says, for the cycle at the same place, which relations form it,
// which were set aside, and why. "names" gives the name of every concept
// the document names by id, the ends of "compare" relations outside the
// order included. Every list is present, empty rather than null.
type LearningOrderDocument struct {
	Target ConceptRef        `json:"target"`
	Steps  []StepDocument    `json:"steps"`
	Cycles [][]string        `json:"cycles"`
	Broken []CycleReport     `json:"broken"`
	Names  map[string]string `json:"names"`
}

// StepDocument is one step of a [LearningOrderDocument].
type StepDocument struct {
	ID      string           `json:"id"`
	Name    string           `json:"name"`
	Depth   int              `json:"depth"`
	Because []ReasonDocument `json:"because"`
	Compare []Relation       `json:"compare"`
}

// ReasonDocument is a relation of the JSON contract, marked when it was
// set aside.
type ReasonDocument struct {
	Relation
	SetAside bool `json:"setAside,omitempty"`
}

// CycleReport is one cycle of a [LearningOrderDocument].
type CycleReport struct {
	Concepts  []string   `json:"concepts"`
	Relations []Relation `json:"relations"`
	SetAside  []Relation `json:"setAside"`
	Note      string     `json:"note"`
}

// Document returns the learning order as its JSON document.
func (lo *LearningOrder) Document() LearningOrderDocument {
	d := LearningOrderDocument{
		Target: ConceptRef{lo.Target.ID, lo.Target.Name},
		Steps:  []StepDocument{},
		Cycles: [][]string{},
		Broken: []CycleReport{},
		Names:  map[string]string{},
	}
	name := func(ids ...string) {
		for _, id := range ids {
			d.Names[id] = id
			if c := lo.concept(id); c != nil && strings.TrimSpace(c.Name) != "" {
				d.Names[id] = c.Name
			}
		}
	}
	name(lo.Target.ID)
	for _, s := range lo.Steps {
		name(s.Concept.ID)
		for _, r := range s.Compare {
			name(r.From, r.To)
		}
	}
	for _, s := range lo.Steps {
		sd := StepDocument{ID: s.Concept.ID, Name: s.Concept.Name, Depth: s.Depth,
			Because: []ReasonDocument{}, Compare: relationValues(s.Compare)}
		for _, b := range s.Because {
			sd.Because = append(sd.Because, ReasonDocument{relationValue(b.Relation), b.SetAside})
		}
		d.Steps = append(d.Steps, sd)
	}
	for _, cy := range lo.Cycles {
		d.Cycles = append(d.Cycles, slices.Clone(cy.Concepts))
		d.Broken = append(d.Broken, CycleReport{
			Concepts:  slices.Clone(cy.Concepts),
			Relations: relationValues(cy.Relations),
			SetAside:  relationValues(cy.SetAside),
			Note:      cy.Note,
		})
	}
	return d
}

// concept returns the concept id of the order's graph, or nil.
func (lo *LearningOrder) concept(id string) *Concept {
	if lo.g == nil {
		return nil
	}
	return lo.g.concepts[id]
}

func relationValue(r *Relation) Relation {
	v := *r
	if v.Evidence == nil {
		v.Evidence = []Evidence{}
	}
	return v
}

func relationValues(rs []*Relation) []Relation {
	out := make([]Relation, 0, len(rs))
	for _, r := range rs {
		out = append(out, relationValue(r))
	}
	return out
}

// WriteJSON writes the learning order's JSON document to w, indented.
func (lo *LearningOrder) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(lo.Document())
}

// CycleGroup is a set of concepts caught in prerequisite cycles: each is,
// through prerequisite relations, a prerequisite of every other (a
// strongly connected component of the prerequisite relation).
type CycleGroup struct {
	Concepts  []string    // sorted by id
	Relations []*Relation // the prerequisite relations among them, sorted by from, to and type
}

// FindCycles returns every group of concepts caught in prerequisite cycles
// in the whole graph, sorted by their first id; none when the prerequisite
// relation is acyclic. It runs in O(V log V + E) for V concepts and E
// relations (Tarjan's algorithm, without recursion).
func (g *Graph) FindCycles() []CycleGroup {
	ids := make([]string, 0, len(g.concepts))
	for id := range g.concepts {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	index := make(map[string]int32, len(ids))
	for i, id := range ids {
		index[id] = int32(i)
	}
	start := make([]int32, 1, len(ids)+1)
	var to []int32
	var edges []*edge
	for _, u := range ids {
		out := g.out[u]
		for j, e := range g.outEdges[u] {
			v := out[j]
			for _, r := range e.rels {
				if r.Type.Prerequisite() {
					to = append(to, index[v])
					edges = append(edges, e)
					break
				}
			}
		}
		start = append(start, int32(len(to)))
	}
	comp, count := sccs(len(ids), start, to, nil)
	size := make([]int, count)
	for _, cm := range comp {
		size[cm]++
	}
	byComp := map[int32]*CycleGroup{}
	var groups []*CycleGroup
	for v, cm := range comp {
		if size[cm] < 2 {
			continue
		}
		cg := byComp[cm]
		if cg == nil {
			cg = &CycleGroup{}
			byComp[cm] = cg
			groups = append(groups, cg)
		}
		cg.Concepts = append(cg.Concepts, ids[v]) // ids ascend with v
		for k := start[v]; k < start[v+1]; k++ {
			if comp[to[k]] == cm {
				cg.Relations = append(cg.Relations, prereqRels(edges[k])...)
			}
		}
	}
	out := make([]CycleGroup, len(groups))
	for i, cg := range groups {
		sortRelations(cg.Relations)
		out[i] = *cg
	}
	// groups were met in order of their smallest id.
	return out
}
