package graph_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"

	"conceptgraph/graph"
	"conceptgraph/graph/internal/graphtest"
	"conceptgraph/graph/render"
)

// These tests hand the DOT we write to Graphviz (go-graphviz) and check
// the SVG it draws: structure and text, not bytes.

var renderer = sync.OnceValues(func() (*render.Renderer, error) {
	return render.New(context.Background())
})

func renderSVG(t testing.TB, g *graph.Graph, opts graph.DOTOptions) *element {
	t.Helper()
	r, err := renderer()
	if err != nil {
		t.Fatal(err)
	}
	var dot bytes.Buffer
	if err := g.WriteDOT(&dot, opts); err != nil {
		t.Fatalf("WriteDOT = %v", err)
	}
	svg, err := r.Render(context.Background(), dot.Bytes(), render.SVG, "")
	if err != nil {
		t.Fatalf("Render(WriteDOT output) = %v\n%s", err, dot.Bytes())
	}
	root, err := parseXML(svg)
	if err != nil {
		t.Fatalf("Render(WriteDOT output) is not XML: %v\n%s", err, svg)
	}
	if root.name.Local != "svg" {
		t.Fatalf("Render(WriteDOT output) root = <%s>, want <svg>", root.name.Local)
	}
	return root
}

func TestDOTRendersNoteTextAsText(t *testing.T) {
	for _, layout := range graph.Layouts {
		t.Run(layout, func(t *testing.T) {
			g := graphtest.Hostile()
			root := renderSVG(t, g, graph.DOTOptions{Layout: layout, Focus: "도커"})
			checkNoActiveContent(t, root)
			for _, c := range g.Concepts() {
				checkNode(t, root, c)
			}
			for _, r := range g.Relations() {
				e := root.byID(graph.RelationElementID(r))
				if e == nil {
					t.Errorf("SVG has no element %q for relation %s %s %s", graph.RelationElementID(r), r.From, r.Type, r.To)
					continue
				}
				if !e.hasClass("relation") || !e.hasClass(string(r.Type)) {
					t.Errorf("relation element %q class = %q, want relation %s", e.attr("", "id"), e.attr("", "class"), r.Type)
				}
				tip := e.tooltip()
				for _, ev := range r.Evidence {
					if !strings.Contains(tip, graph.Clean(ev.Text)) {
						t.Errorf("relation %q tooltip = %q, want it to quote %q", e.attr("", "id"), tip, ev.Text)
					}
				}
			}
			if l := root.byID("legend"); l == nil || !l.hasClass("legend") {
				t.Error("SVG has no legend")
			}
			focus := root.byID(graph.NodeElementID("도커"))
			if focus == nil || !focus.hasClass("focus") {
				t.Error("focus node has no class focus")
			}
		})
	}
}

// checkNode checks that the node drawing c shows its name, exactly, as text
// and as tooltip.
func checkNode(t testing.TB, root *element, c *graph.Concept) {
	t.Helper()
	id := graph.NodeElementID(c.ID)
	n := root.byID(id)
	if n == nil {
		t.Errorf("SVG has no element %q for concept %q", id, c.ID)
		return
	}
	if !n.hasClass("concept") {
		t.Errorf("element %q class = %q, want concept", id, n.attr("", "class"))
	}
	name := graph.Clean(c.Name)
	if strings.TrimSpace(name) == "" {
		name = graph.Clean(c.ID)
	}
	// Graphviz splits lines into <text> elements and writes runs of
	// spaces as no-break spaces, so compare with white space removed.
	if got, want := noSpace(strings.Join(n.texts(), "")), noSpace(name); got != want {
		t.Errorf("node %q shows %q, want %q", id, strings.Join(n.texts(), "|"), name)
	}
	// Graphviz writes runs of spaces in tooltips as " \u00a0" too.
	nbsp := strings.NewReplacer("\u00a0", " ")
	if got := n.tooltip(); nbsp.Replace(got) != nbsp.Replace(name) {
		t.Errorf("node %q tooltip = %q, want %q", id, got, name)
	}
}

// checkNoActiveContent fails if the SVG holds a script, an event handler,
// a foreign object or any link.
func checkNoActiveContent(t testing.TB, root *element) {
	t.Helper()
	root.walk(func(e *element) {
		switch strings.ToLower(e.name.Local) {
		case "script", "foreignobject", "iframe", "image", "use":
			t.Errorf("SVG has a <%s> element", e.name.Local)
		}
		for _, a := range e.attrs {
			k := strings.ToLower(a.Name.Local)
			if k == "href" || strings.HasPrefix(k, "on") || k == "src" {
				t.Errorf("SVG <%s> has attribute %s=%q", e.name.Local, a.Name.Local, a.Value)
			}
		}
	})
}

func noSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func FuzzWriteDOT(f *testing.F) {
	for _, n := range graphtest.HostileNames {
		f.Add(n, "a")
	}
	f.Add("도커", `weird "id" \N & <x>`)
	f.Add(`end\`, `end\`)
	f.Add("&nbsp;", "&nbsp;")
	f.Add("  two  spaces  ", "a\nb")
	f.Add("\x00\x01\xff", "\x00")
	f.Add("-- -> <!-- ]]>", "legend:relations")
	f.Fuzz(func(t *testing.T, name, id string) {
		if graph.Clean(id) == "" || graph.Clean(id) == "b" {
			t.Skip()
		}
		g := graph.New()
		for _, c := range []graph.Concept{{ID: id, Name: name}, {ID: "b", Name: "b"}} {
			if _, err := g.AddConcept(c); err != nil {
				t.Skip()
			}
		}
		ev := graph.Evidence{File: "f.md", Line: 1, Text: name}
		if err := g.AddRelation(graph.Relation{From: id, To: "b", Type: graph.Uses, Evidence: []graph.Evidence{ev}}); err != nil {
			t.Fatal(err)
		}
		root := renderSVG(t, g, graph.DOTOptions{})
		checkNoActiveContent(t, root)
		checkNode(t, root, g.Concept(id))

		// The node name comes back out of the layout as the id.
		r, _ := renderer()
		var dot bytes.Buffer
		if err := g.WriteDOT(&dot, graph.DOTOptions{}); err != nil {
			t.Fatal(err)
		}
		laidOut, err := r.Render(context.Background(), dot.Bytes(), render.JSON, "")
		if err != nil {
			t.Fatal(err)
		}
		pos, err := render.Positions(laidOut)
		if err != nil {
			t.Fatalf("Positions = %v\n%s", err, laidOut)
		}
		if _, ok := pos[graph.Clean(id)]; !ok {
			t.Errorf("Positions has no %q; has %v\n%s", graph.Clean(id), keys(pos), laidOut)
		}
	})
}

func keys[V any](m map[string]V) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

// element is a parsed XML element, enough of a DOM to look into an SVG.
type element struct {
	name     xml.Name
	attrs    []xml.Attr
	children []*element
	text     strings.Builder
}

// parseXML parses doc strictly: an undefined entity, such as &nbsp;
// passed through by Graphviz, is an error.
func parseXML(doc []byte) (*element, error) {
	d := xml.NewDecoder(bytes.NewReader(doc))
	var stack []*element
	var root *element
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			e := &element{name: tok.Name, attrs: tok.Attr}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.children = append(p.children, e)
			} else {
				root = e
			}
			stack = append(stack, e)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text.Write(tok)
			}
		}
	}
	if root == nil {
		return nil, fmt.Errorf("no root element")
	}
	return root, nil
}

func (e *element) walk(f func(*element)) {
	f(e)
	for _, c := range e.children {
		c.walk(f)
	}
}

func (e *element) attr(space, local string) string {
	for _, a := range e.attrs {
		if a.Name.Local == local && (space == "" || a.Name.Space == space) {
			return a.Value
		}
	}
	return ""
}

func (e *element) hasClass(c string) bool {
	return strings.Contains(" "+e.attr("", "class")+" ", " "+c+" ")
}

func (e *element) byID(id string) *element {
	var found *element
	e.walk(func(x *element) {
		if found == nil && x.attr("", "id") == id {
			found = x
		}
	})
	return found
}

// texts returns the content of the <text> elements under e, in order.
func (e *element) texts() []string {
	var out []string
	e.walk(func(x *element) {
		if x.name.Local == "text" {
			out = append(out, x.text.String())
		}
	})
	return out
}

// tooltip returns the xlink:title of the first link under e.
func (e *element) tooltip() string {
	var tip string
	found := false
	e.walk(func(x *element) {
		if !found && x.name.Local == "a" {
			tip, found = x.attr("http://www.w3.org/1999/xlink", "title"), true
		}
	})
	return tip
}

// A graph of many small components is drawn with them side by side, not
// stacked in one tall column, and every relation keeps its label (which
// Graphviz's own pack attribute loses).
func TestDOTPacksComponents(t *testing.T) {
	g := graph.New()
	add := func(id string) {
		if _, err := g.AddConcept(graph.Concept{ID: id, Name: "개념 " + id}); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 30 {
		a, b := fmt.Sprintf("a%02d", i), fmt.Sprintf("b%02d", i)
		add(a)
		add(b)
		if err := g.AddRelation(graph.Relation{From: a, To: b, Type: graph.Types[i%len(graph.Types)]}); err != nil {
			t.Fatal(err)
		}
		if i%3 == 0 { // some of three concepts
			c := fmt.Sprintf("c%02d", i)
			add(c)
			if err := g.AddRelation(graph.Relation{From: c, To: b, Type: graph.Uses}); err != nil {
				t.Fatal(err)
			}
		}
	}
	for i := range 8 { // and some alone
		add(fmt.Sprintf("d%02d", i))
	}
	root := renderSVG(t, g, graph.DOTOptions{NoLegend: true})
	points := func(s string) float64 {
		var f float64
		if _, err := fmt.Sscanf(strings.TrimSuffix(s, "pt"), "%g", &f); err != nil {
			t.Fatalf("SVG size %q: %v", s, err)
		}
		return f
	}
	w, h := points(root.attr("", "width")), points(root.attr("", "height"))
	if ratio := w / h; ratio < 0.8 || ratio > 3 {
		t.Errorf("drawing of 38 components is %.0f×%.0f pt (width/height %.2f), want them side by side, about a screen's shape", w, h, ratio)
	}
	for _, r := range g.Relations() {
		e := root.byID(graph.RelationElementID(r))
		if e == nil || !slices.Contains(e.texts(), string(r.Type)) {
			t.Errorf("relation %s %s %s is drawn without its label", r.From, r.Type, r.To)
		}
	}
	for _, c := range g.Concepts() {
		checkNode(t, root, c)
	}
}
