package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"conceptgraph/graph"
)

func newExtract(stdout, stderr io.Writer) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "extract [PATH...]",
		Short: "Print the concept graph of the notes (JSON by default)",
		Long: `Print the concepts and relations found in every *.md file under PATH
(files or folders, read recursively), or in the built-in sample when no PATH
is given. JSON is the documented contract (see README); dot, graphml and
mermaid are for other tools. GraphML here has no positions: "conceptgraph
export --format graphml" lays the graph out and gives them.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			switch format {
			case "json", "dot", "graphml", "mermaid":
			default:
				return usageError{fmt.Errorf("unknown --format %q (want json, dot, graphml or mermaid)", format)}
			}
			g, err := load(cmd.Context(), args, stderr)
			if err != nil {
				return err
			}
			switch format {
			case "dot":
				return g.WriteDOT(stdout, graph.DOTOptions{})
			case "graphml":
				return g.WriteGraphML(stdout, nil)
			case "mermaid":
				if g.MermaidOverLimit() {
					fmt.Fprintf(stderr, "warning: %d relations exceed Mermaid's default limit of %d edges; focus a view with 'export --focus'\n", len(g.Relations()), graph.MermaidEdgeLimit)
				}
				return g.WriteMermaid(stdout)
			}
			return g.WriteJSON(stdout)
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "json", "output format: json, dot, graphml or mermaid")
	return cmd
}
