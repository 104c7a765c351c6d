package graph

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Layouts lists the Graphviz layout engines a view may be drawn with. The
// first is the default.
var Layouts = []string{"dot", "neato", "fdp", "sfdp", "circo"}

// ParseLayout returns the layout engine named s, "dot" for the empty string,
// or an error naming s.
func ParseLayout(s string) (string, error) {
	if s == "" {
		return Layouts[0], nil
	}
	if slices.Contains(Layouts, s) {
		return s, nil
	}
	return "", fmt.Errorf("unknown layout %q (want one of %s)", s, strings.Join(Layouts, ", "))
}

// Bounded chooses whether a view is drawn with the bounded preset, which
// caps the work Graphviz's dot spends on network simplex and crossing
// minimisation (nslimit=1, nslimit1=1, mclimit=0.2) and draws edges as
// straight lines (splines=line). It trades a tidier drawing for a bounded
// time: see PERFORMANCE.md.
type Bounded int

const (
	// BoundedAuto applies the preset to views of more than BoundedAbove
	// concepts.
	BoundedAuto Bounded = iota
	// BoundedOn always applies the preset.
	BoundedOn
	// BoundedOff never applies it.
	BoundedOff
)

// BoundedAbove is the number of concepts above which [BoundedAuto] turns the
// bounded preset on. Unbounded, dot takes 0.5–0.8 s at 200 nodes and grows
// steeply beyond.
const BoundedAbove = 150

// DOTOptions controls [Graph.WriteDOT]. The zero value draws with dot, with a
// legend, no focus, and the bounded preset above [BoundedAbove] concepts.
type DOTOptions struct {
	// Layout names the engine, one of [Layouts]; empty means dot. It is
	// written as the graph's layout attribute.
	Layout string
	// NoLegend leaves out the legend of relation types.
	NoLegend bool
	// Focus, if set, is the id or name (see [Graph.Lookup]) of a concept to
	// highlight. It must be in the graph.
	Focus string
	// Bounded chooses the bounded preset.
	Bounded Bounded
	// Caption, if set, is written under the drawing as the graph's label:
	// "300 of 832 concepts: the strongest relations first".
	Caption string
}

// relationStyle is how one relation type is drawn.
type relationStyle struct {
	color string // Okabe–Ito palette, safe for the common colour-vision deficiencies
	arrow string // Graphviz arrowhead
}

// relationStyles draws each relation type. The Okabe–Ito colours are told
// apart by people with protanopia, deuteranopia and tritanopia; the arrowhead
// and the dashed line of symmetric types carry the type a second way, and the
// edge label a third.
var relationStyles = map[RelationType]relationStyle{
	TypeOf:       {"#0072B2", "onormal"},  // blue; hollow triangle, as UML generalisation
	ExampleOf:    {"#56B4E9", "onormal"},  // sky blue
	PartOf:       {"#009E73", "odiamond"}, // bluish green; diamond at the whole, as UML aggregation
	Uses:         {"#E69F00", "normal"},   // orange
	Requires:     {"#D55E00", "normal"},   // vermillion
	ComparedWith: {"#CC79A7", "none"},     // reddish purple, dashed, undirected
	OppositeOf:   {"#000000", "none"},     // black, dashed, undirected
}

// Color returns the colour relations of type t are drawn in, as "#RRGGBB",
// or a neutral grey for an unknown type. Web pages use it to draw a legend
// that matches the SVG.
func (t RelationType) Color() string {
	if s, ok := relationStyles[t]; ok {
		return s.color
	}
	return "#777777"
}

// Sizes of the drawing, in points and inches.
const (
	nodeFontSize   = 14.0 // points
	edgeFontSize   = 10.0
	legendFontSize = 12.0
	nodePadX       = 0.32 // inches, both sides together
	nodePadY       = 0.22
	nodeMinHeight  = 0.5
	lineSpacing    = 1.25 // of the font size

	// Graphviz (and our go-graphviz build) has no metrics for East Asian
	// wide characters and estimates each as a space, so we size nodes
	// ourselves: a wide character takes about one em, the others a little
	// over half, which is generous for Helvetica and about right for the
	// sans-serif fonts browsers fall back to.
	wideEm   = 1.0
	narrowEm = 0.55
)

// WriteDOT writes the graph as a Graphviz DOT document to w.
//
// The output is deterministic: concepts in id order, relations in from, to,
// type order. Every node is named by its concept id and carries the
// concept's name (or, if the name is blank, its id) as label and tooltip,
// a width and height that fit the label with Hangul and other wide
// characters counted as one em each, an id attribute from [NodeElementID]
// and the class "concept" ("concept focus" for the focus). Every edge
// carries its type as label, the type's [RelationType.Color], an id from
// [RelationElementID], the class "relation <type>" and a tooltip quoting up
// to three pieces of evidence; symmetric types are dashed and undirected.
// Unless opts.NoLegend, a node with the id attribute "legend" lists the
// relation types present. With the dot layout, a graph of several
// connected components gets invisible edges (class "pack") that set the
// components side by side in rows of about a screen's shape, rather than
// in the one column dot would stack them in.
//
// Text from the notes is always written as quoted strings, escaped so that
// Graphviz shows it literally (no HTML-like label, no \N or \G expansion,
// no entity decoding), and never as a URL, href or image.
//
// WriteDOT returns an error for an unknown layout or focus, or the first
// error from w.
func (g *Graph) WriteDOT(w io.Writer, opts DOTOptions) error {
	layout, err := ParseLayout(opts.Layout)
	if err != nil {
		return fmt.Errorf("write dot: %w", err)
	}
	focus := ""
	if opts.Focus != "" {
		c := g.Lookup(opts.Focus)
		if c == nil {
			return fmt.Errorf("write dot: focus: %w", &NotFoundError{Name: opts.Focus})
		}
		focus = c.ID
	}
	bounded := opts.Bounded == BoundedOn || opts.Bounded == BoundedAuto && g.Len() > BoundedAbove

	var b strings.Builder
	b.WriteString("digraph \"conceptgraph\" {\n")
	graphAttrs := attrs{
		{"charset", "UTF-8"},
		{"class", "conceptgraph"},
		{"fontname", "Helvetica"},
		{"id", "conceptgraph"},
		{"layout", layout},
	}
	switch layout {
	case "dot":
		graphAttrs = append(graphAttrs, attr{"rankdir", "LR"})
	case "sfdp":
		// sfdp's prism overlap removal fails inside go-graphviz on graphs
		// of several components (the legend is one).
		graphAttrs = append(graphAttrs, attr{"overlap", "scale"}, attr{"sep", "+8"})
	default:
		graphAttrs = append(graphAttrs, attr{"overlap", "prism"}, attr{"sep", "+8"})
	}
	if bounded {
		graphAttrs = append(graphAttrs,
			attr{"mclimit", "0.2"}, attr{"nslimit", "1"}, attr{"nslimit1", "1"}, attr{"splines", "line"})
	}
	if opts.Caption != "" {
		graphAttrs = append(graphAttrs, attr{"fontcolor", "#555555"}, attr{"fontsize", num(legendFontSize)},
			attr{"label", escLabel(clean(opts.Caption))}, attr{"labelloc", "b"})
	}
	b.WriteString("\tgraph")
	graphAttrs.write(&b)
	b.WriteString("\tnode")
	attrs{
		{"color", "#555555"},
		{"fillcolor", "#F7F7F7"},
		{"fontname", "Helvetica"},
		{"fontsize", num(nodeFontSize)},
		{"shape", "box"},
		{"style", "rounded,filled"},
	}.write(&b)
	b.WriteString("\tedge")
	attrs{
		{"arrowsize", "0.8"},
		{"fontcolor", "#333333"},
		{"fontname", "Helvetica"},
		{"fontsize", num(edgeFontSize)},
	}.write(&b)

	concepts := g.Concepts()
	for _, c := range concepts {
		name := nodeLabel(c)
		wIn, hIn := labelSize(name, nodeFontSize)
		a := attrs{
			{"class", "concept"},
			{"fixedsize", "false"},
			{"height", inches(hIn)},
			{"id", NodeElementID(c.ID)},
			{"label", escLabel(name)},
			{"tooltip", escTooltip(name)},
			{"width", inches(wIn)},
		}
		if c.ID == focus {
			a[0].v = "concept focus"
			a = append(a, attr{"fillcolor", "#FFE9A8"}, attr{"penwidth", "2.5"})
		}
		b.WriteString("\t" + dotID(c.ID))
		a.write(&b)
	}

	rels := g.Relations()
	present := map[RelationType]bool{}
	for _, r := range rels {
		present[r.Type] = true
		st := relationStyles[r.Type]
		a := attrs{
			{"arrowhead", st.arrow},
			{"class", "relation " + string(r.Type)},
			{"color", st.color},
			{"id", RelationElementID(r)},
			{"label", string(r.Type)},
			{"penwidth", "1.4"},
			{"tooltip", escTooltip(g.relationTooltip(r))},
		}
		if r.Type.Symmetric() {
			a = append(a, attr{"dir", "none"}, attr{"style", "dashed"})
		}
		b.WriteString("\t" + dotID(r.From) + " -> " + dotID(r.To))
		a.write(&b)
	}

	if layout == "dot" {
		// The components side by side in rows (see pack.go): edges that
		// place them, drawn as nothing.
		for i, e := range g.packChain() {
			b.WriteString("\t" + dotID(e[0]) + " -> " + dotID(e[1]))
			attrs{{"class", "pack"}, {"id", "pack-" + strconv.Itoa(i+1)}, {"style", "invis"}}.write(&b)
		}
	}

	if !opts.NoLegend && len(present) > 0 {
		writeLegend(&b, present, legendName(concepts))
	}
	b.WriteString("}\n")
	_, err = io.WriteString(w, b.String())
	return err
}

// evidenceInTooltip caps how much evidence an edge's tooltip quotes; the
// full evidence is in the JSON document and the GraphML export.
const (
	evidenceInTooltip = 3
	evidenceRunes     = 200
)

func (g *Graph) relationTooltip(r *Relation) string {
	name := func(id string) string {
		if c := g.concepts[id]; c != nil {
			return c.Name
		}
		return id
	}
	var b strings.Builder
	b.WriteString(name(r.From) + " " + string(r.Type) + " " + name(r.To))
	for i, ev := range r.Evidence {
		if i == evidenceInTooltip {
			fmt.Fprintf(&b, "\n(+%d more)", len(r.Evidence)-i)
			break
		}
		fmt.Fprintf(&b, "\n%s:%d: %s", ev.File, ev.Line, truncate(ev.Text, evidenceRunes))
	}
	return clean(b.String())
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// legendName returns a node name for the legend that no concept has.
func legendName(concepts []*Concept) string {
	name := "legend:relations"
	for slices.ContainsFunc(concepts, func(c *Concept) bool { return c.ID == name }) {
		name = "_" + name
	}
	return name
}

// writeLegend writes the legend: one node whose table lists the relation
// types present, in the order of [Types], each beside a line in its colour,
// dashed for symmetric types. The table is an HTML-like label built only
// from the fixed type names and colours, never from note text.
func writeLegend(b *strings.Builder, present map[RelationType]bool, name string) {
	var t strings.Builder
	t.WriteString(`<table border="1" color="#BBBBBB" cellborder="0" cellspacing="0" cellpadding="3">`)
	t.WriteString(`<tr><td colspan="2"><b>relations</b></td></tr>`)
	for _, typ := range Types {
		if !present[typ] {
			continue
		}
		style := ""
		if typ.Symmetric() {
			style = ` style="dashed"`
		}
		// Graphviz measures the name in Helvetica; leave room for the wider
		// sans-serif fonts browsers substitute (DejaVu Sans is ~0.65 em a
		// letter).
		w := int(float64(len(typ))*0.7*legendFontSize) + 8
		fmt.Fprintf(&t, `<tr><td width="36" height="10" fixedsize="true" sides="b" border="2" color="%s"%s></td>`,
			relationStyles[typ].color, style)
		fmt.Fprintf(&t, `<td align="left" width="%d">%s</td></tr>`, w, typ)
	}
	t.WriteString(`</table>`)
	b.WriteString("\t" + dotID(name))
	attrs{
		{"class", "legend"},
		{"fontsize", num(legendFontSize)},
		{"id", "legend"},
		{"margin", "0"},
		{"shape", "plaintext"},
		{"style", "solid"},
		{"tooltip", "relation types"},
	}.writeRaw(b, "label=<"+t.String()+">")
}

// attr is one DOT attribute. Its value is written between quotes as it is:
// callers escape note text before putting it here.
type attr struct{ k, v string }

type attrs []attr

func (as attrs) write(b *strings.Builder) { as.writeRaw(b, "") }

// writeRaw writes the list with raw, if not empty, as a last attribute
// written as it is: the legend's HTML-like label, which must not be quoted.
func (as attrs) writeRaw(b *strings.Builder, raw string) {
	b.WriteString(" [")
	for i, a := range as {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(a.k + "=\"" + a.v + "\"")
	}
	if raw != "" {
		b.WriteString(", " + raw)
	}
	b.WriteString("];\n")
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func inches(f float64) string { return strconv.FormatFloat(f, 'f', 2, 64) }

// labelSize returns the width and height in inches of a box that holds the
// label s, whose lines are separated by "\n", at size points.
func labelSize(s string, size float64) (w, h float64) {
	lines := strings.Split(s, "\n")
	var em float64
	for _, l := range lines {
		em = max(em, textEm(l))
	}
	w = em*size/72 + nodePadX
	h = max(nodeMinHeight, float64(len(lines))*size*lineSpacing/72+nodePadY)
	return w, h
}

// textEm estimates the width of one line of text in ems.
func textEm(s string) float64 {
	var em float64
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
			// Combining marks and format characters take no room.
		case isWide(r):
			em += wideEm
		default:
			em += narrowEm
		}
	}
	return em
}

// isWide reports whether r is East Asian Wide or Fullwidth: Hangul, kana,
// CJK ideographs, fullwidth forms, most emoji.
func isWide(r rune) bool {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return true
	}
	return false
}

// clean makes note text safe to hand to Graphviz and to XML: invalid UTF-8
// and every character XML 1.0 forbids (NUL and the other C0 controls, which
// would also cut Graphviz's C strings short) become U+FFFD, tabs become
// spaces, and every line break becomes "\n".
func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\r':
			return '\n'
		case r == '\t':
			return ' '
		case r < 0x20, r >= 0x7F && r <= 0x9F, r == 0xFFFE, r == 0xFFFF:
			return '\uFFFD'
		}
		return r
	}, s)
}

// Graphviz reads a quoted string in several passes, each with its own
// escapes, so each kind of string is escaped for the passes it goes
// through:
//
//   - the DOT lexer turns \" into " and keeps every other backslash;
//   - labels then turn \\ into \, expand \N, \G, \E, \T, \H, \L, break
//     lines at \n, \l, \r, and decode HTML entities such as &amp;;
//   - tooltips first turn \n into a line break, drop the backslash of every
//     other \x and decode HTML entities, and then expand \N and friends and
//     turn \\ into \, so a literal backslash needs four;
//   - node names are written into the SVG's <title> with any entity
//     (&nbsp;, &amp;) passed through unescaped, which can make the SVG
//     invalid XML, and a name starting with % is taken for an internal one.
//
// So every string doubles its backslashes (tooltips twice), escapes quotes,
// writes line breaks as \n and every & as &amp;.

// dotID quotes a concept id as a DOT node name. The name Graphviz keeps
// (and writes back in its output) has \ doubled, & as &amp;, line breaks
// as \n and % as &#37; (cgraph takes a name starting with % for an
// anonymous object and renames it); the render package's Positions reads it
// back.
func dotID(id string) string {
	return "\"" + strings.ReplaceAll(escape(clean(id), `\\`), "%", "&#37;") + "\""
}

// escLabel escapes cleaned text for a label.
func escLabel(s string) string { return escape(s, `\\`) }

// escTooltip escapes cleaned text for a tooltip.
func escTooltip(s string) string { return escape(s, `\\\\`) }

func escape(s, backslash string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(backslash)
		case '"':
			b.WriteString(`\"`)
		case '\n':
			b.WriteString(`\n`)
		case '&':
			b.WriteString("&amp;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// NodeElementID returns the id attribute of the SVG element drawing the
// concept id: "node-" followed by the id with letters, digits and hyphens
// kept, "_" written "__" and any other character written as "_<hex>_"
// (its code point in lower-case hex). Distinct ids give distinct element ids.
func NodeElementID(id string) string { return "node-" + elementEsc(id) }

// RelationElementID returns the id attribute of the SVG element drawing r:
// "edge-<from>.<to>.<type>" with from and to escaped as in [NodeElementID].
// The escape never yields a dot, so distinct relations give distinct element
// ids.
func RelationElementID(r *Relation) string {
	return "edge-" + elementEsc(r.From) + "." + elementEsc(r.To) + "." + string(r.Type)
}

func elementEsc(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-':
			b.WriteRune(r)
		case r == '_':
			b.WriteString("__")
		default:
			fmt.Fprintf(&b, "_%x_", r)
		}
	}
	return b.String()
}
