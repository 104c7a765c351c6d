package server_test

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"conceptgraph/graph"
	"conceptgraph/server"
)

// svgFacts reads an SVG's size in points and the id of every element.
func svgFacts(t *testing.T, svg []byte) (width, height float64, ids map[string]bool) {
	t.Helper()
	ids = map[string]bool{}
	d := xml.NewDecoder(bytes.NewReader(svg))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG: %v", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		for _, a := range se.Attr {
			switch {
			case a.Name.Local == "id":
				ids[a.Value] = true
			case se.Name.Local == "svg" && a.Name.Local == "width":
				fmt.Sscanf(strings.TrimSuffix(a.Value, "pt"), "%g", &width)
			case se.Name.Local == "svg" && a.Name.Local == "height":
				fmt.Sscanf(strings.TrimSuffix(a.Value, "pt"), "%g", &height)
			}
		}
	}
	return width, height, ids
}

// The whole graph: the concepts without relations are listed apart, not
// drawn; the rest is drawn with its components side by side; a download
// holds every concept.
func TestWholeGraphListsUnrelatedApart(t *testing.T) {
	_, ts := newSample(t, server.Options{})
	var whole graph.Document
	getJSON(t, ts, "/api/graph", 200, &whole)
	related := map[string]bool{}
	for _, r := range whole.Relations {
		related[r.From], related[r.To] = true, true
	}
	var alone []string
	for _, c := range whole.Concepts {
		if !related[c.ID] {
			alone = append(alone, c.ID)
		}
	}
	if len(alone) == 0 {
		t.Fatal("every concept of the sample has a relation: nothing to list apart")
	}

	var v struct {
		Graph graph.Document
		Apart []struct{ ID, Name string }
	}
	getJSON(t, ts, "/api/view", 200, &v)
	var apart []string
	for _, c := range v.Apart {
		apart = append(apart, c.ID)
		if c.Name == "" {
			t.Errorf("apart concept %s has no name", c.ID)
		}
	}
	if !slices.Equal(apart, alone) {
		t.Errorf("/api/view apart = %v, want the concepts without relations %v", apart, alone)
	}
	if len(v.Graph.Concepts) != len(whole.Concepts)-len(alone) || len(v.Graph.Relations) != len(whole.Relations) {
		t.Errorf("/api/view draws %d concepts and %d relations, want %d and %d", len(v.Graph.Concepts), len(v.Graph.Relations), len(whole.Concepts)-len(alone), len(whole.Relations))
	}

	code, _, svg := get(t, ts, "/api/svg")
	if code != 200 {
		t.Fatalf("/api/svg = %d %s", code, svg)
	}
	w, h, ids := svgFacts(t, svg)
	for _, c := range whole.Concepts {
		if drawn := ids[graph.NodeElementID(c.ID)]; drawn != related[c.ID] {
			t.Errorf("whole graph: %s drawn = %t, want %t", c.ID, drawn, related[c.ID])
		}
	}
	if w < 0.8*h {
		t.Errorf("the whole graph is drawn %.0f×%.0f pt, a column; want its components side by side", w, h)
	}

	code, _, svg = get(t, ts, "/api/export?format=svg")
	if code != 200 {
		t.Fatalf("/api/export = %d %s", code, svg)
	}
	_, _, ids = svgFacts(t, svg)
	for _, c := range whole.Concepts {
		if !ids[graph.NodeElementID(c.ID)] {
			t.Errorf("the download of the whole graph lacks %s", c.ID)
		}
	}

	// Other views draw every concept they hold.
	for _, q := range []string{"focus=docker&depth=0", "top=25", "ids=docker,컨테이너-가상화"} {
		var v struct{ Apart []any }
		getJSON(t, ts, "/api/view?"+q, 200, &v)
		if v.Apart == nil || len(v.Apart) != 0 {
			t.Errorf("/api/view?%s apart = %v, want an empty list", q, v.Apart)
		}
	}
}
