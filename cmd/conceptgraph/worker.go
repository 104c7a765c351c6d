package main

import (
	"io"

	"github.com/spf13/cobra"

	"conceptgraph/graph/render"
)

// renderWorkerCommand is the hidden command serve starts its drawing
// workers with.
const renderWorkerCommand = "render-worker"

// newRenderWorker is the body of one of serve's drawing workers: it draws
// what serve sends on standard input and answers on standard output,
// until its input ends (see render.NewPool). It is not for people.
func newRenderWorker(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:    renderWorkerCommand,
		Short:  "Draw for serve in a process of its own (internal)",
		Hidden: true,
		Args:   cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return render.ServeWorker(cmd.InOrStdin(), stdout)
		},
	}
}
