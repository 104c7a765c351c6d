package main

import (
	"fmt"
	"io"
	"os"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"conceptgraph/graph"
	"conceptgraph/graph/render"
)

func newExport(stdout, stderr io.Writer) *cobra.Command {
	var (
		format, focus, types, layout, out string
		depth                             int
		noLegend                          bool
	)
	cmd := &cobra.Command{
		Use:   "export [PATH...]",
		Short: "Draw the graph, or the neighbourhood of a concept, as SVG, PNG or data",
		Long: `Export the whole graph, or with --focus the concepts within --depth relations
of one concept, laid out by Graphviz with edges labelled and coloured by
relation type and a legend. Formats: svg, png, dot, json, graphml (with
Graphviz positions, for yEd and Gephi), mermaid, skos (Turtle) and anki
(flashcards, in the focus's learning order with --focus).`,
		Example: `  conceptgraph export --format svg -o notes.svg
  conceptgraph export --focus Docker --depth 2 --format png -o docker.png notes/
  conceptgraph export --types type_of,part_of --layout neato --format svg notes/`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, err := render.ParseExportFormat(format); err != nil {
				return usageError{err}
			}
			if _, err := graph.ParseLayout(layout); err != nil {
				return usageError{err}
			}
			if format == "png" && (out == "" || out == "-") && terminal(stdout) {
				return usageError{fmt.Errorf("a PNG is binary and standard output is a terminal: write it to a file with -o FILE.png, or redirect the output (> FILE.png)")}
			}
			tys, err := graph.ParseTypes(types)
			if err != nil {
				return usageError{err}
			}
			if depth < 0 {
				return usageError{fmt.Errorf("--depth %d: want 0 or more", depth)}
			}
			g, err := load(cmd.Context(), args, stderr)
			if err != nil {
				return err
			}
			view, err := g.View(focus, depth, tys)
			if err != nil {
				return didYouMean(g, err)
			}
			var r *render.Renderer
			if render.NeedsRenderer(format) {
				if r, err = render.New(cmd.Context()); err != nil {
					return err
				}
				defer r.Close()
				if format == "png" && r.Font() == "" {
					fmt.Fprintln(stderr, "warning: no CJK font found (install fonts-noto-cjk or fonts-nanum); Hangul in the PNG will not show")
				}
			}
			if format == "mermaid" && view.MermaidOverLimit() {
				fmt.Fprintf(stderr, "warning: the view has more than %d relations, Mermaid's default limit; narrow it with --focus or --types\n", graph.MermaidEdgeLimit)
			}
			data, err := render.Export(cmd.Context(), r, view, format, graph.DOTOptions{Layout: layout, Focus: focusID(view, focus), NoLegend: noLegend})
			if err != nil {
				return didYouMean(g, err)
			}
			if out == "" || out == "-" {
				_, err = stdout.Write(data)
				return err
			}
			return os.WriteFile(out, data, 0o644)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&format, "format", "f", "svg", "svg, png, dot, json, graphml, mermaid, skos or anki")
	f.StringVar(&focus, "focus", "", "draw only the neighbourhood of this concept (id or any of its names)")
	f.IntVar(&depth, "depth", 1, "with --focus, how many relations away to go")
	f.StringVar(&types, "types", "", "comma-separated relation types to keep (default all)")
	f.StringVar(&layout, "layout", "dot", "Graphviz layout: dot, neato, fdp, sfdp or circo")
	f.StringVarP(&out, "output", "o", "", "write to this file instead of standard output")
	f.BoolVar(&noLegend, "no-legend", false, "leave out the legend of relation types")
	return cmd
}

// focusID returns the id of the focus concept in view, or "".
func focusID(view *graph.Graph, focus string) string {
	if c := view.Lookup(focus); c != nil {
		return c.ID
	}
	return ""
}

// terminal reports whether w is a terminal, where binary output would be
// garbage and can upset the terminal itself.
func terminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}
