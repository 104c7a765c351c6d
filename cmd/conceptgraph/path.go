package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"conceptgraph/graph"
)

// maxPaths is the most chains "path --all" lists: each costs breadth-first
// searches of the whole graph.
const maxPaths = 100

func newPath(stdout, stderr io.Writer) *cobra.Command {
	var (
		types         string
		directed, all bool
		limit         int
	)
	cmd := &cobra.Command{
		Use:   "path A B [PATH...]",
		Short: "Print the shortest chain of relations between two concepts, with evidence",
		Long: `Print the shortest chain of typed relations joining the concepts A and B
(ids or any of their names), each hop with the sentence that states it.
Relations may be walked against their direction unless --directed; --types
keeps only some relation types. With --all, list up to --max shortest
distinct chains, shortest first.`,
		Example: `  conceptgraph path "Type-1 가상화" 도커
  conceptgraph path Kubernetes Linux notes/ --types uses,requires --directed
  conceptgraph path DNS TCP --all --max 5`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) < 2 {
				return usageError{fmt.Errorf("path: name two concepts")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			tys, err := graph.ParseTypes(types)
			if err != nil {
				return usageError{err}
			}
			if cmd.Flags().Changed("max") && !all {
				return usageError{fmt.Errorf("--max needs --all")}
			}
			if limit < 1 || limit > maxPaths {
				return usageError{fmt.Errorf("--max %d: want 1 to %d", limit, maxPaths)}
			}
			if !all {
				limit = 1
			}
			g, err := load(cmd.Context(), args[2:], stderr)
			if err != nil {
				return err
			}
			chains, err := g.Paths(args[0], args[1], tys, directed, limit)
			if err != nil {
				return didYouMean(g, err)
			}
			a, b := g.Lookup(args[0]), g.Lookup(args[1])
			if len(chains) == 0 {
				how := ""
				if directed {
					how = " along their direction"
				}
				if len(tys) > 0 {
					how += " through " + types
				}
				return fmt.Errorf("no chain of relations%s joins %s and %s", how, a.Name, b.Name)
			}
			return writeChains(stdout, g, a, b, chains, all)
		},
	}
	f := cmd.Flags()
	f.StringVar(&types, "types", "", "comma-separated relation types to walk (default all)")
	f.BoolVar(&directed, "directed", false, "walk relations only along their direction")
	f.BoolVar(&all, "all", false, "list several shortest distinct chains (see --max)")
	f.IntVar(&limit, "max", 10, "with --all, how many chains to list at most")
	return cmd
}

// writeChains prints chains of relations: the chain on one line, then each
// hop's relation as the notes state it, with its first evidence.
func writeChains(w io.Writer, g *graph.Graph, a, b *graph.Concept, chains [][]graph.Hop, numbered bool) error {
	var sb strings.Builder
	if numbered {
		n := "1 chain"
		if len(chains) > 1 {
			n = fmt.Sprintf("%d chains", len(chains))
		}
		fmt.Fprintf(&sb, "%s from %s to %s, shortest first:\n\n", n, a.Name, b.Name)
	}
	for i, hops := range chains {
		indent := "  "
		if numbered {
			if i > 0 {
				sb.WriteByte('\n')
			}
			fmt.Fprintf(&sb, "%d. ", i+1)
			indent = "     "
		}
		sb.WriteString(nameOf(g, a.ID))
		for _, h := range hops {
			t := string(h.Relation.Type)
			switch {
			case h.Relation.Type.Symmetric():
				sb.WriteString(" —" + t + "— ")
			case h.Reversed:
				sb.WriteString(" ←" + t + "— ")
			default:
				sb.WriteString(" —" + t + "→ ")
			}
			sb.WriteString(nameOf(g, h.To))
		}
		switch len(hops) {
		case 0:
			sb.WriteString("  (the same concept)\n")
		case 1:
			sb.WriteString("  (1 relation)\n")
		default:
			fmt.Fprintf(&sb, "  (%d relations)\n", len(hops))
		}
		for _, h := range hops {
			sb.WriteString(indent + sentence(g, h.Relation) + "\n")
			writeEvidence(&sb, indent+"    ", h.Relation)
		}
	}
	_, err := io.WriteString(w, sb.String())
	return err
}
