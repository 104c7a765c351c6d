package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"

	"conceptgraph/graph"
)

// ExportFormats lists the formats a view can be exported in: drawings laid
// out by Graphviz, and data for other tools.
var ExportFormats = []string{"svg", "png", "dot", "json", "graphml", "mermaid", "skos", "anki"}

// ParseExportFormat returns s if it is one of [ExportFormats], or an error
// naming it.
func ParseExportFormat(s string) (string, error) {
	for _, f := range ExportFormats {
		if f == s {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown format %q (want one of %s)", s, strings.Join(ExportFormats, ", "))
}

// NeedsRenderer reports whether exporting in format runs Graphviz.
func NeedsRenderer(format string) bool {
	return format == "svg" || format == "png" || format == "graphml"
}

// ContentType returns the media type of an export format.
func ContentType(format string) string {
	switch format {
	case "svg":
		return "image/svg+xml"
	case "png":
		return "image/png"
	case "dot":
		return "text/vnd.graphviz; charset=utf-8"
	case "json":
		return "application/json"
	case "graphml":
		return "application/graphml+xml"
	case "mermaid":
		return "text/vnd.mermaid; charset=utf-8"
	case "skos":
		return "text/turtle; charset=utf-8"
	case "anki":
		return "text/csv; charset=utf-8"
	}
	return "application/octet-stream"
}

// Extension returns the file name extension of an export format.
func Extension(format string) string {
	switch format {
	case "mermaid":
		return "mmd"
	case "skos":
		return "ttl"
	case "anki":
		return "csv"
	}
	return format
}

// ErrNoRenderer is returned by [Export] for a drawing without a renderer.
var ErrNoRenderer = errors.New("export: this format needs Graphviz, and no renderer was given")

// Export writes g in format. Drawings (svg, png) and GraphML (which carries
// Graphviz's positions so it opens laid out in yEd and Gephi) need r; the
// other formats do not run Graphviz and r may be nil. opts chooses the
// layout, the focus to highlight and the legend; for anki, the focus whose
// learning order the cards follow.
func Export(ctx context.Context, r *Renderer, g *graph.Graph, format string, opts graph.DOTOptions) ([]byte, error) {
	var buf bytes.Buffer
	switch format {
	case "json":
		err := g.WriteJSON(&buf)
		return buf.Bytes(), err
	case "mermaid":
		err := g.WriteMermaid(&buf)
		return buf.Bytes(), err
	case "dot":
		err := g.WriteDOT(&buf, opts)
		return buf.Bytes(), err
	case "skos":
		err := g.WriteSKOS(&buf)
		return buf.Bytes(), err
	case "anki":
		err := g.WriteAnki(&buf, opts.Focus)
		return buf.Bytes(), err
	case "svg", "png", "graphml":
	default:
		_, err := ParseExportFormat(format)
		return nil, err
	}
	if r == nil {
		return nil, ErrNoRenderer
	}
	if err := g.WriteDOT(&buf, opts); err != nil {
		return nil, err
	}
	layout, err := graph.ParseLayout(opts.Layout)
	if err != nil {
		return nil, err
	}
	if format != "graphml" {
		return r.Render(ctx, buf.Bytes(), Format(format), layout)
	}
	laidOut, err := r.Render(ctx, buf.Bytes(), JSON, layout)
	if err != nil {
		return nil, err
	}
	pos, err := Positions(laidOut)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	err = g.WriteGraphML(&out, pos)
	return out.Bytes(), err
}
