package graph

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// MermaidEdgeLimit is Mermaid's default maxEdges: a flowchart with more
// links fails to render unless the page raises the limit.
const MermaidEdgeLimit = 500

// MermaidOverLimit reports whether the graph has more relations than
// [MermaidEdgeLimit], so that its Mermaid flowchart will not render with
// Mermaid's default settings. (Mermaid also refuses diagrams over
// maxTextSize, 50,000 characters by default.)
func (g *Graph) MermaidOverLimit() bool {
	n := 0
	for _, e := range g.edges {
		n += len(e.rels)
	}
	return n > MermaidEdgeLimit
}

// WriteMermaid writes the graph as a Mermaid flowchart, left to right, to w.
//
// Concepts become nodes n0, n1, … in id order, each with its name as a
// quoted label; relations, in from, to, type order, become links labelled
// with their type: "-->" for directed types and "---" for symmetric ones,
// then coloured per type with linkStyle (symmetric types dashed). In labels
// the characters Mermaid or HTML would read (" < > & # ` and \) are written as
// Mermaid entity codes, so note text shows as text; line breaks become
// spaces. No click or href is ever written. The output is deterministic.
// Check [Graph.MermaidOverLimit] before showing it.
func (g *Graph) WriteMermaid(w io.Writer) error {
	var b strings.Builder
	b.WriteString("flowchart LR\n")
	ids := map[string]string{}
	for i, c := range g.Concepts() {
		id := "n" + strconv.Itoa(i)
		ids[c.ID] = id
		fmt.Fprintf(&b, "    %s[\"%s\"]\n", id, mermaidText(c.Name))
	}
	links := map[RelationType][]string{}
	for i, r := range g.Relations() {
		arrow := "-->"
		if r.Type.Symmetric() {
			arrow = "---"
		}
		fmt.Fprintf(&b, "    %s %s|%s| %s\n", ids[r.From], arrow, r.Type, ids[r.To])
		links[r.Type] = append(links[r.Type], strconv.Itoa(i))
	}
	for _, t := range Types {
		if len(links[t]) == 0 {
			continue
		}
		style := "stroke:" + t.Color()
		if t.Symmetric() {
			style += ",stroke-dasharray:5 5"
		}
		fmt.Fprintf(&b, "    linkStyle %s %s\n", strings.Join(links[t], ","), style)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mermaidText escapes note text for a quoted Mermaid label.
func mermaidText(s string) string {
	var b strings.Builder
	for _, r := range clean(s) {
		switch r {
		case '"':
			b.WriteString("#quot;")
		case '\n':
			b.WriteByte(' ')
		case '<', '>', '&', '#', '`', '\\':
			fmt.Fprintf(&b, "#%d;", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
