package render

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// Positions reads node positions from a laid-out graph in Graphviz's JSON,
// as [Renderer.Render] writes it in the [JSON] format. It returns each
// node's centre in points, with y negated so that it grows downward as on
// screen and in yEd, keyed by concept id: the escapes that graph.WriteDOT
// puts in node names (\\ for \, \n for a line break, &amp; for &, &#37; for
// %) are undone. The legend's node is included under its own name; nodes
// without a position are left out. Errors carry the origin "positions".
//
// It reads JSON rather than the laid-out DOT because Graphviz's DOT writer
// fails to escape a quote that follows an escape such as \n, so that DOT
// does not always parse.
func Positions(laidOut []byte) (map[string][2]float64, error) {
	var doc struct {
		Subgraphs int `json:"_subgraph_cnt"`
		Objects   []struct {
			Name string `json:"name"`
			Pos  string `json:"pos"`
		} `json:"objects"`
	}
	if err := json.Unmarshal(laidOut, &doc); err != nil {
		return nil, fmt.Errorf("positions: %w", err)
	}
	if doc.Subgraphs > len(doc.Objects) || doc.Subgraphs < 0 {
		return nil, fmt.Errorf("positions: %d subgraphs but %d objects", doc.Subgraphs, len(doc.Objects))
	}
	out := map[string][2]float64{}
	// Subgraphs come first, then nodes.
	for _, o := range doc.Objects[doc.Subgraphs:] {
		if o.Pos == "" {
			continue
		}
		p, ok := parsePoint(o.Pos)
		if !ok {
			return nil, fmt.Errorf("positions: node %q: bad pos %q", o.Name, o.Pos)
		}
		out[nodeID(o.Name)] = p
	}
	return out, nil
}

// parsePoint reads "x,y" or "x,y!" in points and negates y.
func parsePoint(s string) ([2]float64, bool) {
	xs, ys, ok := strings.Cut(strings.TrimSuffix(s, "!"), ",")
	if !ok {
		return [2]float64{}, false
	}
	if i := strings.IndexByte(ys, ','); i >= 0 {
		ys = ys[:i] // a z coordinate
	}
	x, err1 := strconv.ParseFloat(strings.TrimSpace(xs), 64)
	y, err2 := strconv.ParseFloat(strings.TrimSpace(ys), 64)
	if err1 != nil || err2 != nil {
		return [2]float64{}, false
	}
	return [2]float64{x, -y}, true
}

// nodeID undoes the escapes graph.WriteDOT puts in node names.
func nodeID(name string) string {
	if !strings.ContainsAny(name, `\&`) {
		return name
	}
	var b strings.Builder
	for i := 0; i < len(name); i++ {
		switch {
		case strings.HasPrefix(name[i:], `\\`):
			b.WriteByte('\\')
			i++
		case strings.HasPrefix(name[i:], `\n`):
			b.WriteByte('\n')
			i++
		case strings.HasPrefix(name[i:], "&amp;"):
			b.WriteByte('&')
			i += len("&amp;") - 1
		case strings.HasPrefix(name[i:], "&#37;"):
			b.WriteByte('%')
			i += len("&#37;") - 1
		default:
			b.WriteByte(name[i])
		}
	}
	return b.String()
}
