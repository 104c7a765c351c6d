package graph

import (
	"encoding/json"
	"fmt"
	"io"
)

// Document is the JSON form of a graph, the contract documented in the
// README: concepts sorted by id, relations by from, to and type, and every
// list present (empty rather than null).
type Document struct {
	Concepts  []*Concept  `json:"concepts"`
	Relations []*Relation `json:"relations"`
}

// Document returns the graph as its JSON document.
func (g *Graph) Document() Document {
	d := Document{Concepts: g.Concepts(), Relations: g.Relations()}
	for i, c := range d.Concepts {
		cc := c.ForJSON()
		d.Concepts[i] = &cc
	}
	if d.Relations == nil {
		d.Relations = []*Relation{}
	}
	for i, r := range d.Relations {
		if r.Evidence == nil {
			rr := *r
			rr.Evidence = []Evidence{}
			d.Relations[i] = &rr
		}
	}
	return d
}

// ForJSON returns a copy of c whose lists are empty rather than nil, as the
// JSON contract has them.
func (c *Concept) ForJSON() Concept {
	cc := *c
	cc.Aliases = nonNil(cc.Aliases)
	cc.Pros = nonNil(cc.Pros)
	cc.Cons = nonNil(cc.Cons)
	cc.Tags = nonNil(cc.Tags)
	if cc.Sources == nil {
		cc.Sources = []Source{}
	}
	return cc
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// WriteJSON writes the graph's JSON document to w, indented.
func (g *Graph) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(true)
	return enc.Encode(g.Document())
}

// ReadJSON builds a graph from a JSON document as [Graph.WriteJSON] writes it.
func ReadJSON(r io.Reader) (*Graph, error) {
	var d Document
	if err := json.NewDecoder(r).Decode(&d); err != nil {
		return nil, fmt.Errorf("read graph json: %w", err)
	}
	g := New()
	for _, c := range d.Concepts {
		if _, err := g.AddConcept(*c); err != nil {
			return nil, err
		}
	}
	for _, r := range d.Relations {
		if err := g.AddRelation(*r); err != nil {
			return nil, err
		}
	}
	return g, nil
}
