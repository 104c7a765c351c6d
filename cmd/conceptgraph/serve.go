package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"conceptgraph/extract"
	"conceptgraph/graph"
	"conceptgraph/graph/render"
	"conceptgraph/server"
)

func newServe(stdout, stderr io.Writer) *cobra.Command {
	var (
		addr    string
		noWatch bool
		quiet   bool
	)
	cmd := &cobra.Command{
		Use:   "serve [PATH...]",
		Short: "Explore the graph in the browser",
		Long: `Serve the explorer on a loopback address and print its URL. An --addr
beyond loopback (0.0.0.0:8080, to reach it from a tablet) is announced with
a warning, and still answers only requests addressed to this machine. With
PATHs the notes are watched and the graph is re-extracted when they change
(unless --no-watch); open pages follow without losing their place. With no
PATH the built-in sample is served.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			// Listen first: a busy port fails at once, before any work.
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return err
			}
			defer ln.Close()
			level := slog.LevelInfo
			if quiet {
				level = slog.LevelWarn
			}
			logger := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))
			r, err := newRenderer(ctx, logger, stderr)
			if err != nil {
				return err
			}
			defer r.Close()
			srv, err := server.New(ctx, server.Options{
				Load:       loader(args),
				Renderer:   r,
				Addr:       ln.Addr().String(),
				Logger:     logger,
				WatchNames: []string{extract.CurationFile},
			})
			if err != nil {
				return err
			}
			hs := &http.Server{
				Handler:           srv.Handler(),
				ReadHeaderTimeout: 5 * time.Second,
				ReadTimeout:       10 * time.Second,
				// Drawing a view may take the render budget (10 s);
				// the event stream lifts this for itself.
				WriteTimeout: 30 * time.Second,
				IdleTimeout:  120 * time.Second,
				ErrorLog:     slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
			}
			if len(args) > 0 && !noWatch {
				go func() {
					if err := srv.Watch(ctx, args); err != nil {
						logger.Error("watching notes failed; reload by restarting", "err", err)
					}
				}()
			}
			// Event streams last as long as their pages: end them first,
			// or shutting down waits for its timeout whenever a page is
			// open.
			hs.RegisterOnShutdown(srv.CloseEvents)
			fmt.Fprint(stderr, beyondLoopback(addr, ln.Addr()))
			fmt.Fprintf(stdout, "conceptgraph: serving %s at http://%s/\n", describe(args), ln.Addr())
			errc := make(chan error, 1)
			go func() { errc <- hs.Serve(ln) }()
			select {
			case err := <-errc:
				return err
			case <-ctx.Done():
			}
			shutdown, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
			defer cancel()
			if err := hs.Shutdown(shutdown); errors.Is(err, context.DeadlineExceeded) {
				logger.Warn("requests still running when shutting down were cut off", "after", shutdownTimeout)
			} else if err != nil {
				return err
			}
			fmt.Fprintln(stdout, "conceptgraph: stopped")
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on (loopback by default; 0.0.0.0:PORT serves your network too, without a password)")
	f.BoolVar(&noWatch, "no-watch", false, "do not reload when the notes change")
	f.BoolVarP(&quiet, "quiet", "q", false, "log only warnings and errors, not every request")
	return cmd
}

// shutdownTimeout is how long Ctrl-C waits for requests in flight (a
// drawing takes at most its 10 s budget) before cutting them off.
const shutdownTimeout = 5 * time.Second

// beyondLoopback returns the warning to print when the address listened on,
// asked for as asked, can be reached from other machines, or "" when it is
// a loopback address.
func beyondLoopback(asked string, addr net.Addr) string {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok || tcp.IP.IsLoopback() {
		return ""
	}
	host, _, _ := net.SplitHostPort(asked)
	listening := net.JoinHostPort(host, strconv.Itoa(tcp.Port))
	var urls []string
	if tcp.IP.IsUnspecified() {
		ips, _ := net.InterfaceAddrs()
		for _, a := range ips {
			if ip, ok := a.(*net.IPNet); ok && !ip.IP.IsLoopback() && !ip.IP.IsLinkLocalUnicast() {
				urls = append(urls, "http://"+net.JoinHostPort(ip.IP.String(), strconv.Itoa(tcp.Port))+"/")
			}
		}
	} else {
		urls = append(urls, "http://"+tcp.String()+"/")
	}
	return fmt.Sprintf(`
  WARNING: conceptgraph is listening on %s, beyond this machine.
  Anyone who can reach it on your network can read your notes, with no
  password, at %s
  It answers only requests addressed to this machine by name or address.
  To keep your notes to yourself, serve on --addr 127.0.0.1:%d.

`, listening, strings.Join(urls, " "), tcp.Port)
}

// newRenderer starts the drawing workers: this program again, running its
// hidden render-worker command, so that Graphviz's memory is given back
// when a worker is replaced and a drawing past its budget can be stopped.
// When no worker can start, drawings are made in this process instead.
func newRenderer(ctx context.Context, logger *slog.Logger, stderr io.Writer) (*render.Renderer, error) {
	exe, err := os.Executable()
	if err == nil {
		var r *render.Renderer
		r, err = render.NewPool(ctx, render.PoolOptions{Command: func() *exec.Cmd {
			cmd := exec.Command(exe, renderWorkerCommand)
			cmd.Stderr = stderr
			return cmd
		}})
		if err == nil {
			return r, nil
		}
	}
	logger.Warn("drawing in this process: its memory grows with every drawing, and a slow drawing holds up the rest", "err", err)
	return render.New(ctx)
}

func describe(paths []string) string {
	if len(paths) == 0 {
		return "the built-in sample notes"
	}
	return "the notes in " + strings.Join(paths, ", ")
}

// loader returns how the server extracts the graph: from the embedded
// sample, or from the notes under paths, keeping each note's last good
// version.
func loader(paths []string) server.Loader {
	if len(paths) == 0 {
		return func(ctx context.Context) (*graph.Graph, []error, error) {
			res, err := extract.Notes(ctx, sampleNotes())
			if err != nil {
				return nil, nil, err
			}
			return res.Graph, res.Warnings, nil
		}
	}
	r := extract.NewReader(paths)
	return func(ctx context.Context) (*graph.Graph, []error, error) {
		res, err := r.Read(ctx)
		if err != nil {
			return nil, nil, err
		}
		// A concept the curation file added is what it asked for, not a
		// problem to show on the page; the concept itself cites the file.
		problems := slices.DeleteFunc(res.Warnings, func(w error) bool { return errors.Is(w, graph.ErrNewConcept) })
		return res.Graph, problems, nil
	}
}
