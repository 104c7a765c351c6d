package server_test

import (
	"bytes"
	"context"
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

// A drawing's limit counts the concepts drawn: the page's whole graph is
// drawn when its concepts with relations fit, however many have none,
// and refused, before any work without a type filter, when they do not;
// a downloaded drawing holds every concept, so the limit counts them all.
func TestWholeGraphLimitCountsWhatIsDrawn(t *testing.T) {
	g := graph.New()
	for i := range 12 {
		if _, err := g.AddConcept(graph.Concept{ID: fmt.Sprintf("c%02d", i), Name: fmt.Sprintf("개념 %d", i)}); err != nil {
			t.Fatal(err)
		}
	}
	for _, r := range []graph.Relation{
		{From: "c00", To: "c01", Type: graph.Uses},
		{From: "c01", To: "c02", Type: graph.TypeOf},
		{From: "c03", To: "c02", Type: graph.Uses},
	} {
		if err := g.AddRelation(r); err != nil {
			t.Fatal(err)
		}
	}
	load := func(context.Context) (*graph.Graph, []error, error) { return g, nil, nil }

	_, ts := newSample(t, server.Options{Load: load, MaxDrawn: 5})
	var st struct{ Concepts, Related, MaxDrawn int }
	getJSON(t, ts, "/api/status", 200, &st)
	if st.Concepts != 12 || st.Related != 4 {
		t.Errorf("/api/status concepts, related = %d, %d; want 12, 4", st.Concepts, st.Related)
	}
	var v struct {
		Graph graph.Document
		Apart []struct{ ID string }
	}
	getJSON(t, ts, "/api/view", 200, &v)
	if len(v.Graph.Concepts) != 4 || len(v.Apart) != 8 {
		t.Errorf("/api/view draws %d concepts and lists %d apart, want 4 and 8", len(v.Graph.Concepts), len(v.Apart))
	}
	getJSON(t, ts, "/api/view?types=uses", 200, &v)
	if len(v.Graph.Concepts) != 4 || len(v.Apart) != 8 {
		t.Errorf("/api/view?types=uses draws %d concepts and lists %d apart, want 4 and 8", len(v.Graph.Concepts), len(v.Apart))
	}
	for _, tt := range []struct {
		path string
		want int
	}{
		{"/api/svg", 200},
		{"/api/export?format=svg", 413}, // 12 concepts
		{"/api/export?format=json", 200},
	} {
		if code, _, body := get(t, ts, tt.path); code != tt.want {
			t.Errorf("GET %s = %d %.200s, want %d", tt.path, code, body, tt.want)
		}
	}

	_, ts = newSample(t, server.Options{Load: load, MaxDrawn: 3})
	for _, path := range []string{"/api/view", "/api/svg", "/api/view?types=uses,type_of"} {
		var e errorBody
		getJSON(t, ts, path, 413, &e)
		if !strings.Contains(e.Error, "has 4 concepts") {
			t.Errorf("GET %s = 413 %q, want it to count the 4 concepts with relations", path, e.Error)
		}
	}
	// With one type, two concepts have a relation of it: they are drawn.
	getJSON(t, ts, "/api/view?types=type_of", 200, &v)
	if len(v.Graph.Concepts) != 2 || len(v.Apart) != 10 {
		t.Errorf("/api/view?types=type_of draws %d concepts and lists %d apart, want 2 and 10", len(v.Graph.Concepts), len(v.Apart))
	}
}
