package graph_test

import (
	"bytes"
	"encoding/xml"
	"testing"

	"github.com/google/go-cmp/cmp"

	"conceptgraph/graph"
	"conceptgraph/graph/internal/graphtest"
)

func TestWriteGraphMLGolden(t *testing.T) {
	pos := map[string][2]float64{"도커": {351.23, -26}, "linux": {0, 12.5}, "nowhere": {1, 1}}
	var b bytes.Buffer
	if err := graphtest.Hostile().WriteGraphML(&b, pos); err != nil {
		t.Fatalf("WriteGraphML = %v", err)
	}
	golden(t, "hostile.graphml", b.Bytes())
}

// graphML is what a GraphML reader sees.
type graphML struct {
	Keys []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	} `xml:"key"`
	Graph struct {
		EdgeDefault string `xml:"edgedefault,attr"`
		Nodes       []struct {
			ID   string `xml:"id,attr"`
			Data []struct {
				Key   string `xml:"key,attr"`
				Value string `xml:",chardata"`
			} `xml:"data"`
		} `xml:"node"`
		Edges []struct {
			Source   string  `xml:"source,attr"`
			Target   string  `xml:"target,attr"`
			Directed *string `xml:"directed,attr"`
			Data     []struct {
				Key   string `xml:"key,attr"`
				Value string `xml:",chardata"`
			} `xml:"data"`
		} `xml:"edge"`
	} `xml:"graph"`
}

func TestWriteGraphMLReadsBack(t *testing.T) {
	g := graphtest.Hostile()
	var b bytes.Buffer
	if err := g.WriteGraphML(&b, map[string][2]float64{"도커": {1.5, -2}}); err != nil {
		t.Fatal(err)
	}
	var doc graphML
	if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("WriteGraphML output is not XML: %v", err)
	}
	if got, want := len(doc.Graph.Nodes), g.Len(); got != want {
		t.Errorf("GraphML has %d nodes, want %d", got, want)
	}
	if got, want := len(doc.Graph.Edges), len(g.Relations()); got != want {
		t.Errorf("GraphML has %d edges, want %d", got, want)
	}
	keys := map[string]string{}
	for _, k := range doc.Keys {
		keys[k.ID] = k.Type
	}
	for _, id := range []string{"name", "aliases", "summary", "x", "y", "type", "confidence", "symmetric", "evidence"} {
		if _, ok := keys[id]; !ok {
			t.Errorf("GraphML has no key %q", id)
		}
	}
	// Names come back exactly, hostile text included; positions where given.
	got := map[string]map[string]string{}
	for _, n := range doc.Graph.Nodes {
		got[n.ID] = map[string]string{}
		for _, d := range n.Data {
			got[n.ID][d.Key] = d.Value
		}
	}
	for _, c := range g.Concepts() {
		if name := got[c.ID]["name"]; name != c.Name {
			t.Errorf("GraphML node %q name = %q, want %q", c.ID, name, c.Name)
		}
	}
	if diff := cmp.Diff(map[string]string{"name": "도커", "aliases": "Docker", "summary": `컨테이너 "엔진"`, "x": "1.5", "y": "-2"}, got["도커"]); diff != "" {
		t.Errorf("GraphML node 도커 (-want +got):\n%s", diff)
	}
	for _, e := range doc.Graph.Edges {
		var typ, symmetric string
		for _, d := range e.Data {
			switch d.Key {
			case "type":
				typ = d.Value
			case "symmetric":
				symmetric = d.Value
			}
		}
		rt, err := graph.ParseType(typ)
		if err != nil {
			t.Errorf("GraphML edge %s→%s type %q: %v", e.Source, e.Target, typ, err)
		}
		// Every edge follows edgedefault; symmetry is data.
		if e.Directed != nil {
			t.Errorf("GraphML %s edge directed = %q, want no directed attribute", typ, *e.Directed)
		}
		if want := map[bool]string{true: "true", false: "false"}[rt.Symmetric()]; symmetric != want {
			t.Errorf("GraphML %s edge symmetric = %q, want %q", typ, symmetric, want)
		}
	}
}
