package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"conceptgraph/graph"
	"conceptgraph/graph/render"
)

func newPrereq(stdout, stderr io.Writer) *cobra.Command {
	var (
		format, out string
		cycles      bool
	)
	cmd := &cobra.Command{
		Use:   "prereq NAME [PATH...]",
		Short: "Print what to learn before a concept, in order, and why",
		Long: `Print the learning order for the concept NAME (its id or any of its names):
every concept it needs, directly or through others, each after what it needs,
with the relations and evidence that put it there. A concept's prerequisites
are what it requires, what it is a kind, example or part of, and what it
uses; compared_with and opposite_of are shown as "compare with". Cycles are
reported, and broken at their weakest relation. With --cycles, list every
prerequisite cycle in the notes instead (no NAME).

Formats: text (default), json, mermaid, svg.`,
		Example: `  conceptgraph prereq 쿠버네티스
  conceptgraph prereq Kubernetes notes/ --format json
  conceptgraph prereq Docker notes/ --format svg -o docker-order.svg
  conceptgraph prereq --cycles notes/`,
		Args: func(cmd *cobra.Command, args []string) error {
			if !cycles && len(args) == 0 {
				return usageError{fmt.Errorf("prereq: name the concept whose prerequisites to list")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			switch format {
			case "text", "json", "mermaid", "svg":
			default:
				return usageError{fmt.Errorf("unknown --format %q (want text, json, mermaid or svg)", format)}
			}
			if cycles {
				if format != "text" {
					return usageError{fmt.Errorf("--cycles prints text only")}
				}
				g, err := load(cmd.Context(), args, stderr)
				if err != nil {
					return err
				}
				return output(stdout, out, func(w io.Writer) error { return writeCycleGroups(w, g, g.FindCycles()) })
			}
			g, err := load(cmd.Context(), args[1:], stderr)
			if err != nil {
				return err
			}
			lo, err := g.LearningOrder(args[0])
			if err != nil {
				return didYouMean(g, err)
			}
			switch format {
			case "json":
				return output(stdout, out, lo.WriteJSON)
			case "mermaid":
				return output(stdout, out, lo.Graph().WriteMermaid)
			case "svg":
				r, err := render.New(cmd.Context())
				if err != nil {
					return err
				}
				defer r.Close()
				data, err := render.Export(cmd.Context(), r, lo.Graph(), "svg", graph.DOTOptions{Focus: lo.Target.ID})
				if err != nil {
					return err
				}
				return output(stdout, out, func(w io.Writer) error { _, err := w.Write(data); return err })
			}
			return output(stdout, out, func(w io.Writer) error { return writeLearningOrder(w, g, lo) })
		},
	}
	f := cmd.Flags()
	f.StringVarP(&format, "format", "f", "text", "text, json, mermaid or svg")
	f.StringVarP(&out, "output", "o", "", "write to this file instead of standard output")
	f.BoolVar(&cycles, "cycles", false, "list every prerequisite cycle in the notes instead")
	return cmd
}

// output writes with write to the file out, or to stdout when out is empty
// or "-".
func output(stdout io.Writer, out string, write func(io.Writer) error) error {
	if out == "" || out == "-" {
		return write(stdout)
	}
	var b strings.Builder
	if err := write(&b); err != nil {
		return err
	}
	return os.WriteFile(out, []byte(b.String()), 0o644)
}

// writeLearningOrder prints a learning order for a person: numbered steps,
// each with the relations that put it there and their first evidence, then
// the cycles and what was set aside to break them.
func writeLearningOrder(w io.Writer, g *graph.Graph, lo *graph.LearningOrder) error {
	var b strings.Builder
	t := lo.Target
	n := len(lo.Steps) - 1
	switch n {
	case 0:
		fmt.Fprintf(&b, "%s (%s) has no prerequisites in the notes.\n", t.Name, t.ID)
	case 1:
		fmt.Fprintf(&b, "Learning order for %s (%s): 1 concept to learn first.\n", t.Name, t.ID)
	default:
		fmt.Fprintf(&b, "Learning order for %s (%s): %d concepts to learn first.\n", t.Name, t.ID, n)
	}
	width := len(strconv.Itoa(len(lo.Steps)))
	for i, s := range lo.Steps {
		fmt.Fprintf(&b, "\n%*d. %s", width, i+1, s.Concept.Name)
		if s.Concept.ID == t.ID {
			b.WriteString("  (the concept asked about)")
		}
		b.WriteByte('\n')
		indent := strings.Repeat(" ", width+2)
		for _, r := range s.Because {
			b.WriteString(indent + sentence(g, r.Relation))
			if r.SetAside {
				b.WriteString("  (set aside: it closes a cycle, see below)")
			}
			b.WriteByte('\n')
			writeEvidence(&b, indent+"    ", r.Relation)
		}
		for _, r := range s.Compare {
			other := r.To
			if other == s.Concept.ID {
				other = r.From
			}
			fmt.Fprintf(&b, "%scompare with %s (%s)\n", indent, nameOf(g, other), r.Type)
		}
	}
	if len(lo.Cycles) > 0 {
		if len(lo.Cycles) == 1 {
			b.WriteString("\n1 prerequisite cycle:\n")
		} else {
			fmt.Fprintf(&b, "\n%d prerequisite cycles:\n", len(lo.Cycles))
		}
		for _, cy := range lo.Cycles {
			names := make([]string, 0, len(cy.Concepts)+1)
			for _, id := range cy.Concepts {
				names = append(names, nameOf(g, id))
			}
			fmt.Fprintf(&b, "\n  %s → %s\n", strings.Join(names, " → "), names[0])
			for _, r := range cy.Relations {
				b.WriteString("    " + sentence(g, r) + " (confidence " + strconv.FormatFloat(r.Confidence, 'f', -1, 64) + ")\n")
				writeEvidence(&b, "        ", r)
			}
			b.WriteString("    " + cy.Note + ".\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeCycleGroups prints the groups of concepts caught in prerequisite
// cycles.
func writeCycleGroups(w io.Writer, g *graph.Graph, groups []graph.CycleGroup) error {
	var b strings.Builder
	switch len(groups) {
	case 0:
		b.WriteString("No prerequisite cycles in the notes.\n")
	case 1:
		b.WriteString("1 group of concepts caught in prerequisite cycles:\n")
	default:
		fmt.Fprintf(&b, "%d groups of concepts caught in prerequisite cycles:\n", len(groups))
	}
	for _, cg := range groups {
		names := make([]string, len(cg.Concepts))
		for i, id := range cg.Concepts {
			names[i] = nameOf(g, id)
		}
		fmt.Fprintf(&b, "\n  %s\n", strings.Join(names, ", "))
		for _, r := range cg.Relations {
			b.WriteString("    " + sentence(g, r) + " (confidence " + strconv.FormatFloat(r.Confidence, 'f', -1, 64) + ")\n")
			writeEvidence(&b, "        ", r)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func nameOf(g *graph.Graph, id string) string {
	if c := g.Concept(id); c != nil && strings.TrimSpace(c.Name) != "" {
		return c.Name
	}
	return id
}

// sentence reads a relation as the notes state it: "도커 uses Linux".
func sentence(g *graph.Graph, r *graph.Relation) string {
	return nameOf(g, r.From) + " " + string(r.Type) + " " + nameOf(g, r.To)
}

// writeEvidence writes where the notes state r: the first piece of
// evidence, and how many more there are.
func writeEvidence(b *strings.Builder, indent string, r *graph.Relation) {
	if len(r.Evidence) == 0 {
		return
	}
	ev := r.Evidence[0]
	fmt.Fprintf(b, "%s%s:%d: %s", indent, ev.File, ev.Line, oneLine(ev.Text))
	if more := len(r.Evidence) - 1; more > 0 {
		fmt.Fprintf(b, " (+%d more)", more)
	}
	b.WriteByte('\n')
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
