// Command conceptgraph reads study notes in Markdown and shows how the
// concepts in them connect: it extracts a typed concept graph, exports it as
// diagrams and data, and serves an explorer in the browser.
//
// Run "conceptgraph help" for the commands. With no PATH every command reads
// the sample notes built into the binary.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"conceptgraph/assets"
	"conceptgraph/extract"
	"conceptgraph/graph"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes the command line args, writing output to stdout and
// messages to stderr, and returns the exit status: 0 on success, 1 when
// the command failed, 2 for a usage error.
func run(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	root := newRoot(stdout, stderr)
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return 0
	}
	fmt.Fprintln(stderr, "conceptgraph:", err)
	var ue usageError
	if errors.As(err, &ue) {
		return 2
	}
	return 1
}

// usageError is a mistake in the command line rather than in the notes.
type usageError struct{ error }

func newRoot(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "conceptgraph",
		Short: "Explore how the concepts in your Markdown notes connect",
		Long: `conceptgraph reads study notes in Markdown (Korean, English or both) and
extracts the concepts they name and the typed relations between them
(type_of, example_of, part_of, uses, requires, compared_with, opposite_of),
each with the sentence that states it. With no PATH it reads the sample
notes built into the binary.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		// Cobra's own "unknown command" error would exit 1; a misspelt
		// command is a mistake in the command line.
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return cmd.Help()
			}
			var names []string
			for _, sub := range cmd.Commands() {
				if sub.IsAvailableCommand() && sub.Name() != "completion" {
					names = append(names, sub.Name())
				}
			}
			err := fmt.Errorf("unknown command %q (want one of %s)", args[0], strings.Join(names, ", "))
			if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
				err = fmt.Errorf("unknown command %q; did you mean %q? (see conceptgraph help)", args[0], s[0])
			}
			return usageError{err}
		},
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(newServe(stdout, stderr), newExtract(stdout, stderr), newExport(stdout, stderr))
	root.AddCommand(newPrereq(stdout, stderr), newPath(stdout, stderr))
	root.AddCommand(newRenderWorker(stdout))
	return root
}

// load extracts the graph from paths, or from the embedded sample when
// paths is empty, and applies the curation files beside the notes.
// Warnings about skipped notes and stale curation entries go to stderr,
// and so does a note for each concept the curation files added.
func load(ctx context.Context, paths []string, stderr io.Writer) (*graph.Graph, error) {
	var res *extract.Result
	var err error
	if len(paths) == 0 {
		res, err = extract.Notes(ctx, sampleNotes())
	} else {
		res, err = extract.Files(ctx, paths)
	}
	if err != nil {
		return nil, err
	}
	if len(paths) > 0 {
		cw, err := extract.ApplyCuration(res.Graph, paths)
		if err != nil {
			return nil, err
		}
		res.Warnings = append(res.Warnings, cw...)
	}
	for _, w := range res.Warnings {
		if errors.Is(w, graph.ErrNewConcept) {
			// A concept the curation file added: what was asked for.
			fmt.Fprintln(stderr, "note:", w)
			continue
		}
		fmt.Fprintln(stderr, "warning:", w)
	}
	return res.Graph, nil
}

// sampleNotes returns the notes built into the binary.
func sampleNotes() []extract.Note {
	var notes []extract.Note
	for _, f := range assets.Sample() {
		notes = append(notes, extract.Note{Name: f.Name, Data: f.Data})
	}
	return notes
}

// didYouMean adds to the error of a name no concept of g goes by the
// concepts whose names resemble it, as the API's suggestions do; other
// errors are returned as they are.
func didYouMean(g *graph.Graph, err error) error {
	var nf *graph.NotFoundError
	if !errors.As(err, &nf) {
		return err
	}
	var names []string
	for _, c := range graph.NewSearch(g).Suggest(nf.Name, maxSuggestions) {
		names = append(names, fmt.Sprintf("%q", c.Name))
	}
	switch len(names) {
	case 0:
		return err
	case 1:
		return fmt.Errorf("%w; did you mean %s?", err, names[0])
	}
	return fmt.Errorf("%w; did you mean %s or %s?", err, strings.Join(names[:len(names)-1], ", "), names[len(names)-1])
}

// maxSuggestions is how many names a "did you mean" offers on one line.
const maxSuggestions = 3
