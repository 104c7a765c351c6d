package graph

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// GraphML keys. Node names go under the attribute name "label", which
// Gephi and yEd show as the node's label; x and y are the positions Gephi
// and yEd's GraphML import read. A symmetric relation is marked by the
// data key "symmetric" rather than by the edge's directed attribute:
// readers that take edgedefault for the whole graph (networkx) refuse an
// undirected edge in a directed graph.
var graphMLKeys = []graphMLKey{
	{ID: "name", For: "node", Name: "label", Type: "string"},
	{ID: "aliases", For: "node", Name: "aliases", Type: "string"},
	{ID: "summary", For: "node", Name: "summary", Type: "string"},
	{ID: "x", For: "node", Name: "x", Type: "double"},
	{ID: "y", For: "node", Name: "y", Type: "double"},
	{ID: "type", For: "edge", Name: "type", Type: "string"},
	{ID: "confidence", For: "edge", Name: "confidence", Type: "double"},
	{ID: "symmetric", For: "edge", Name: "symmetric", Type: "boolean"},
	{ID: "evidence", For: "edge", Name: "evidence", Type: "string"},
}

type graphMLDoc struct {
	XMLName        xml.Name     `xml:"graphml"`
	XMLNS          string       `xml:"xmlns,attr"`
	XSI            string       `xml:"xmlns:xsi,attr"`
	SchemaLocation string       `xml:"xsi:schemaLocation,attr"`
	Keys           []graphMLKey `xml:"key"`
	Graph          graphMLGraph `xml:"graph"`
}

type graphMLKey struct {
	ID   string `xml:"id,attr"`
	For  string `xml:"for,attr"`
	Name string `xml:"attr.name,attr"`
	Type string `xml:"attr.type,attr"`
}

type graphMLGraph struct {
	ID          string        `xml:"id,attr"`
	EdgeDefault string        `xml:"edgedefault,attr"`
	Nodes       []graphMLNode `xml:"node"`
	Edges       []graphMLEdge `xml:"edge"`
}

type graphMLNode struct {
	ID   string        `xml:"id,attr"`
	Data []graphMLData `xml:"data"`
}

type graphMLEdge struct {
	ID     string        `xml:"id,attr"`
	Source string        `xml:"source,attr"`
	Target string        `xml:"target,attr"`
	Data   []graphMLData `xml:"data"`
}

type graphMLData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

// WriteGraphML writes the graph as GraphML to w, for Gephi, yEd or
// Cytoscape.
//
// Nodes are the concepts in id order, with their id as node id and data
// "name" (attribute name "label"), "aliases" (joined by "; ") and "summary";
// edges are the relations in from, to, type order, with ids e0, e1, …, data
// "type", "confidence", "symmetric" (true for compared_with and
// opposite_of, which read the same both ways) and "evidence" (one
// "file:line: text" per line). Every edge is directed, as the graph's
// edgedefault says; a symmetric relation runs from its from to its to. If pos has a position for a concept
// id (in points, y growing downward, as render.Positions returns them), the
// node also gets data "x" and "y". Text is escaped by encoding/xml, and
// characters XML cannot hold become U+FFFD. The output is deterministic.
func (g *Graph) WriteGraphML(w io.Writer, pos map[string][2]float64) error {
	doc := graphMLDoc{
		XMLNS:          "http://graphml.graphdrawing.org/xmlns",
		XSI:            "http://www.w3.org/2001/XMLSchema-instance",
		SchemaLocation: "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
		Keys:           graphMLKeys,
		Graph:          graphMLGraph{ID: "conceptgraph", EdgeDefault: "directed"},
	}
	for _, c := range g.Concepts() {
		n := graphMLNode{ID: clean(c.ID)}
		n.Data = append(n.Data, graphMLData{"name", clean(c.Name)})
		if len(c.Aliases) > 0 {
			n.Data = append(n.Data, graphMLData{"aliases", clean(strings.Join(c.Aliases, "; "))})
		}
		if c.Summary != "" {
			n.Data = append(n.Data, graphMLData{"summary", clean(c.Summary)})
		}
		if p, ok := pos[c.ID]; ok {
			n.Data = append(n.Data, graphMLData{"x", formatFloat(p[0])}, graphMLData{"y", formatFloat(p[1])})
		}
		doc.Graph.Nodes = append(doc.Graph.Nodes, n)
	}
	for i, r := range g.Relations() {
		e := graphMLEdge{ID: "e" + strconv.Itoa(i), Source: clean(r.From), Target: clean(r.To)}
		e.Data = append(e.Data, graphMLData{"type", string(r.Type)}, graphMLData{"confidence", formatFloat(r.Confidence)},
			graphMLData{"symmetric", strconv.FormatBool(r.Type.Symmetric())})
		if len(r.Evidence) > 0 {
			lines := make([]string, len(r.Evidence))
			for j, ev := range r.Evidence {
				lines[j] = fmt.Sprintf("%s:%d: %s", ev.File, ev.Line, ev.Text)
			}
			e.Data = append(e.Data, graphMLData{"evidence", clean(strings.Join(lines, "\n"))})
		}
		doc.Graph.Edges = append(doc.Graph.Edges, e)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write graphml: %w", err)
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func formatFloat(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }
