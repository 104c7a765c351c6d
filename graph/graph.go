package graph

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"sync"

	dgraph "github.com/dominikbraun/graph"
)

// RelationType names how one concept relates to another. The set is closed:
// see [Types].
type RelationType string

// The relation types, read "From <type> To": "Docker uses Linux",
// "Static Caching type_of CDN caching", "Redis example_of NoSQL",
// "Pod part_of worker node", "Kubernetes requires container".
const (
	OppositeOf   RelationType = "opposite_of"
	TypeOf       RelationType = "type_of"
	ExampleOf    RelationType = "example_of"
	Uses         RelationType = "uses"
	PartOf       RelationType = "part_of"
	ComparedWith RelationType = "compared_with"
	Requires     RelationType = "requires"
)

// Types lists every relation type in a fixed order, the order legends and
// filters present them in.
var Types = []RelationType{TypeOf, ExampleOf, PartOf, Uses, Requires, ComparedWith, OppositeOf}

// ParseType returns the relation type named s, or an error naming s.
func ParseType(s string) (RelationType, error) {
	for _, t := range Types {
		if string(t) == s {
			return t, nil
		}
	}
	return "", fmt.Errorf("unknown relation type %q (want one of %s)", s, typeList())
}

// ParseTypes parses a comma-separated list of relation types. An empty string
// yields nil, which filters nothing.
func ParseTypes(s string) ([]RelationType, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	var out []RelationType
	for _, f := range strings.Split(s, ",") {
		t, err := ParseType(strings.TrimSpace(f))
		if err != nil {
			return nil, err
		}
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out, nil
}

func typeList() string {
	names := make([]string, len(Types))
	for i, t := range Types {
		names[i] = string(t)
	}
	return strings.Join(names, ", ")
}

// Symmetric reports whether "A t B" means the same as "B t A".
func (t RelationType) Symmetric() bool { return t == ComparedWith || t == OppositeOf }

// Source is a place in the notes where a concept is named.
type Source struct {
	File string `json:"file"`
	Line int    `json:"line"`
}

// Evidence is the text that states a relation: the sentence or list item, and
// where it stands.
type Evidence struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Text string `json:"text"`
	// Rule names the extraction rule that read the relation here
	// ("definition", "hearst", "cue:uses", "heading-kind"); see the
	// extract package. Empty for relations added by hand.
	Rule string `json:"rule,omitempty"`
}

// Concept is one idea in the notes, known by a name and any number of aliases.
type Concept struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
	Summary string   `json:"summary"`
	Pros    []string `json:"pros"`
	Cons    []string `json:"cons"`
	Sources []Source `json:"sources"`
	// Tags are the notes' tags for the concept (front matter "tags:",
	// inline "#tags"), without "#", sorted.
	Tags []string `json:"tags"`
}

// Names returns the concept's name followed by its aliases.
func (c *Concept) Names() []string {
	return append([]string{c.Name}, c.Aliases...)
}

// Relation is a typed, directed link between two concepts, with the evidence
// that states it. Confidence is in (0, 1].
type Relation struct {
	From       string       `json:"from"`
	To         string       `json:"to"`
	Type       RelationType `json:"type"`
	Confidence float64      `json:"confidence"`
	Evidence   []Evidence   `json:"evidence"`
}

// Graph is a set of concepts and the relations between them.
//
// Graph keeps its own plain adjacency index, which the whole-graph
// algorithms walk in linear time, and builds the dominikbraun/graph of
// the same concepts only when it is first asked for (see [Graph.library]):
// building that costs ten times the rest, and a live reload builds a
// graph every time a note is saved. It holds one edge per ordered pair
// of concepts; that edge carries every relation between the pair, so two
// relations of different types between the same concepts are both kept.
//
// A Graph is not safe for concurrent mutation; once built, any number of
// goroutines may read it.
type Graph struct {
	lib      *library // made by New; shared by copies of the Graph value
	concepts map[string]*Concept
	edges    map[[2]string]*edge
	out, in  map[string][]string
	outEdges map[string][]*edge     // the edges of out, in the same order
	names    map[string]string      // normalised name -> concept id
	sym      map[string][]*Relation // compared_with and opposite_of relations at each end
	// revised is set on a graph made by Revise, whose slices in out, in,
	// outEdges and sym may share their arrays with the graph it revised:
	// appending to one copies it first (see room). shared marks the maps
	// it still shares with that graph: each is copied before it is first
	// changed (see own).
	revised bool
	shared  uint8
}

// The maps of a Graph, for Graph.shared.
const (
	sharesConcepts uint8 = 1 << iota
	sharesNames
	sharesEdges
	sharesOut
	sharesOutEdges
	sharesIn
	sharesSym
	sharesRelations = sharesEdges | sharesOut | sharesOutEdges | sharesIn | sharesSym
)

// own makes the maps of which g's own to change: those it shares with
// the graph it revised are copied.
func (g *Graph) own(which uint8) {
	which &= g.shared
	if which == 0 {
		return
	}
	cloneIf(which, sharesConcepts, &g.concepts)
	cloneIf(which, sharesNames, &g.names)
	cloneIf(which, sharesEdges, &g.edges)
	cloneIf(which, sharesOut, &g.out)
	cloneIf(which, sharesOutEdges, &g.outEdges)
	cloneIf(which, sharesIn, &g.in)
	cloneIf(which, sharesSym, &g.sym)
	g.shared &^= which
}

// cloneIf replaces *m by a copy when which has bit.
func cloneIf[M ~map[K]V, K comparable, V any](which, bit uint8, m *M) {
	if which&bit != 0 {
		*m = maps.Clone(*m)
	}
}

// edge is the data carried by one dominikbraun/graph edge.
type edge struct {
	rels []*Relation
}

// library is the dominikbraun/graph of a Graph, built once when first
// needed.
type library struct {
	once sync.Once
	g    dgraph.Graph[string, *Concept]
}

// library returns the dominikbraun/graph of g's concepts and relations as
// they are now: one vertex per concept and one edge per ordered pair of
// related concepts, whose data is the relations between them. It is built
// on the first call and not updated after; a Graph is only read once
// built, so that is safe from any number of goroutines.
func (g *Graph) library() dgraph.Graph[string, *Concept] {
	g.lib.once.Do(func() {
		lg := dgraph.New(func(c *Concept) string { return c.ID }, dgraph.Directed())
		for _, c := range g.Concepts() {
			// Every id is new: g.concepts is keyed by it.
			_ = lg.AddVertex(c)
		}
		for _, k := range slices.SortedFunc(maps.Keys(g.edges), func(a, b [2]string) int {
			return cmp.Or(strings.Compare(a[0], b[0]), strings.Compare(a[1], b[1]))
		}) {
			// Both ends are vertices and each pair is one edge.
			_ = lg.AddEdge(k[0], k[1], dgraph.EdgeData(g.edges[k]))
		}
		g.lib.g = lg
	})
	return g.lib.g
}

// New returns an empty graph.
func New() *Graph { return NewSized(0, 0) }

// NewSized returns an empty graph with room for about the given numbers
// of concepts and relations: New, for a graph whose size is known before
// it is built, which saves growing it step by step.
func NewSized(concepts, relations int) *Graph {
	return &Graph{
		lib:      &library{},
		concepts: make(map[string]*Concept, concepts),
		edges:    make(map[[2]string]*edge, relations),
		out:      make(map[string][]string, concepts),
		outEdges: make(map[string][]*edge, concepts),
		in:       make(map[string][]string, concepts),
		names:    make(map[string]string, 2*concepts),
		sym:      map[string][]*Relation{},
	}
}

// AddConcept adds c, or merges it into the concept with the same ID: names
// become aliases, sources, pros and cons are appended, and the first
// non-empty summary is kept. It returns the stored concept.
func (g *Graph) AddConcept(c Concept) (*Concept, error) {
	if c.ID == "" {
		return nil, fmt.Errorf("concept %q has no id", c.Name)
	}
	g.own(sharesConcepts | sharesNames)
	if old, ok := g.concepts[c.ID]; ok {
		for _, n := range c.Names() {
			g.addName(old, n)
		}
		old.absorb(&c)
		return old, nil
	}
	stored := &Concept{ID: c.ID, Name: c.Name, Summary: c.Summary}
	g.concepts[c.ID] = stored
	g.index(stored.Name, stored.ID)
	for _, a := range c.Aliases {
		g.addName(stored, a)
	}
	stored.Pros = appendNew(nil, c.Pros...)
	stored.Cons = appendNew(nil, c.Cons...)
	stored.Sources = append([]Source(nil), c.Sources...)
	stored.Tags = appendNew(nil, c.Tags...)
	slices.Sort(stored.Tags)
	return stored, nil
}

// addName gives c one more name, unless it has one that compares equal
// ([NormName]). It takes constant time however many names c has.
func (g *Graph) addName(c *Concept, name string) {
	name = strings.TrimSpace(name)
	if name == "" || name == c.Name {
		return
	}
	if owner, ok := g.names[NormName(name)]; ok && (owner == c.ID || slices.Contains(c.Aliases, name)) {
		return
	}
	c.Aliases = append(c.Aliases, name)
	g.index(name, c.ID)
}

func (g *Graph) index(name, id string) {
	k := NormName(name)
	if _, taken := g.names[k]; !taken {
		g.names[k] = id
	}
}

// absorb takes into c what o knows besides names: the first non-empty
// summary, and pros, cons and sources it does not have yet.
func (c *Concept) absorb(o *Concept) {
	if c.Summary == "" {
		c.Summary = o.Summary
	}
	c.Pros = appendNew(c.Pros, o.Pros...)
	c.Cons = appendNew(c.Cons, o.Cons...)
	if len(o.Tags) > 0 {
		c.Tags = appendNew(c.Tags, o.Tags...)
		slices.Sort(c.Tags)
	}
	for _, s := range o.Sources {
		if !slices.Contains(c.Sources, s) {
			c.Sources = append(c.Sources, s)
		}
	}
}

func appendNew(dst []string, items ...string) []string {
	for _, s := range items {
		if !slices.Contains(dst, s) {
			dst = append(dst, s)
		}
	}
	return dst
}

// AddRelation adds r between two concepts already in the graph. A relation
// of the same type between the same concepts (in either direction for
// symmetric types) is merged: evidence is appended and the higher confidence
// kept. Self-relations are rejected.
func (g *Graph) AddRelation(r Relation) error {
	if r.From == r.To {
		return fmt.Errorf("relation %s %s %s: a concept cannot relate to itself", r.From, r.Type, r.To)
	}
	if _, err := ParseType(string(r.Type)); err != nil {
		return err
	}
	for _, id := range []string{r.From, r.To} {
		if _, ok := g.concepts[id]; !ok {
			return fmt.Errorf("relation %s %s %s: unknown concept %q", r.From, r.Type, r.To, id)
		}
	}
	if r.Confidence <= 0 || r.Confidence > 1 || math.IsNaN(r.Confidence) {
		r.Confidence = 1
	}
	g.own(sharesEdges | sharesOutEdges)
	if r.Type.Symmetric() {
		if e := g.edges[[2]string{r.To, r.From}]; e != nil && e.find(r.Type) != nil {
			r.From, r.To = r.To, r.From
		}
	}
	key := [2]string{r.From, r.To}
	e := g.edges[key]
	made := e == nil
	if made {
		g.own(sharesOut | sharesIn)
		e = &edge{}
		g.edges[key] = e
		g.out[r.From] = append(room(g, g.out[r.From]), r.To)
		g.outEdges[r.From] = append(room(g, g.outEdges[r.From]), e)
		g.in[r.To] = append(room(g, g.in[r.To]), r.From)
	}
	if old := e.find(r.Type); old != nil {
		old.Confidence = max(old.Confidence, r.Confidence)
		for _, ev := range r.Evidence {
			if !slices.Contains(old.Evidence, ev) {
				old.Evidence = append(old.Evidence, ev)
			}
		}
		return nil
	}
	stored := r
	stored.Evidence = append([]Evidence(nil), r.Evidence...)
	if g.revised && !made {
		// The edge may be shared with the graph this one revised: a
		// copy takes the relation.
		ne := &edge{rels: append(slices.Clip(e.rels), &stored)}
		g.edges[key] = ne
		es := slices.Clone(g.outEdges[r.From])
		es[slices.Index(es, e)] = ne
		g.outEdges[r.From] = es
	} else {
		e.rels = append(e.rels, &stored)
	}
	if stored.Type.Symmetric() {
		g.own(sharesSym)
		g.sym[r.From] = append(room(g, g.sym[r.From]), &stored)
		g.sym[r.To] = append(room(g, g.sym[r.To]), &stored)
	}
	return nil
}

// room returns s to append to: s, or in a revised graph s with no room
// to grow into, so that appending never writes where another graph reads.
func room[V any](g *Graph, s []V) []V {
	if g.revised {
		return slices.Clip(s)
	}
	return s
}

func (e *edge) find(t RelationType) *Relation {
	for _, r := range e.rels {
		if r.Type == t {
			return r
		}
	}
	return nil
}

// Len returns the number of concepts.
func (g *Graph) Len() int { return len(g.concepts) }

// Concept returns the concept with the given id, or nil.
func (g *Graph) Concept(id string) *Concept { return g.concepts[id] }

// Lookup returns the concept that id or name names, trying the id first and
// then every name and alias (compared by [NormName]), or nil.
func (g *Graph) Lookup(idOrName string) *Concept {
	if c := g.concepts[idOrName]; c != nil {
		return c
	}
	if id, ok := g.names[NormName(idOrName)]; ok {
		return g.concepts[id]
	}
	return nil
}

// Concepts returns every concept sorted by id.
func (g *Graph) Concepts() []*Concept {
	out := make([]*Concept, 0, len(g.concepts))
	for _, c := range g.concepts {
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b *Concept) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// Relations returns every relation sorted by from, to and type.
func (g *Graph) Relations() []*Relation {
	var out []*Relation
	for _, e := range g.edges {
		out = append(out, e.rels...)
	}
	sortRelations(out)
	return out
}

// RelationsOf returns the relations leaving and entering the concept id,
// each sorted by from, to and type.
func (g *Graph) RelationsOf(id string) (out, in []*Relation) {
	for _, to := range g.out[id] {
		out = append(out, g.edges[[2]string{id, to}].rels...)
	}
	for _, from := range g.in[id] {
		in = append(in, g.edges[[2]string{from, id}].rels...)
	}
	sortRelations(out)
	sortRelations(in)
	return out, in
}

// Between returns the relations from a to b, sorted by type.
func (g *Graph) Between(a, b string) []*Relation {
	e := g.edges[[2]string{a, b}]
	if e == nil {
		return nil
	}
	out := slices.Clone(e.rels)
	sortRelations(out)
	return out
}

func sortRelations(rs []*Relation) {
	slices.SortFunc(rs, func(a, b *Relation) int {
		if c := strings.Compare(a.From, b.From); c != 0 {
			return c
		}
		if c := strings.Compare(a.To, b.To); c != 0 {
			return c
		}
		return strings.Compare(string(a.Type), string(b.Type))
	})
}

// Degree returns how many relations touch the concept id.
func (g *Graph) Degree(id string) int {
	n := 0
	for _, to := range g.out[id] {
		n += len(g.edges[[2]string{id, to}].rels)
	}
	for _, from := range g.in[id] {
		n += len(g.edges[[2]string{from, id}].rels)
	}
	return n
}
