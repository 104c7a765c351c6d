//go:build unix

package extract_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"conceptgraph/extract"
)

// mkfifo makes a named pipe at path, or skips the test.
func mkfifo(t *testing.T, path string) string {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
	return path
}

// unblockFIFO opens the pipe for writing and closes it, which ends a read
// that waits on it: a reader that blocked fails the test rather than
// hanging it.
func unblockFIFO(path string) {
	if f, err := os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
		f.Close()
	}
}

// A named pipe given as a path is skipped with a warning, never opened to
// wait for a writer; inside a folder it is skipped like any non-note.
func TestNamedPipe(t *testing.T) {
	tests := []struct {
		name     string
		paths    func(dir string) []string
		wantWarn string // a warning that names the pipe, or ""
		wantErr  error
	}{
		{
			name: "given directly beside a note",
			paths: func(dir string) []string {
				return []string{mkfifo(t, filepath.Join(dir, "pipe.md")), writeNote(t, dir, "a.md", goodNote("Ansible"))}
			},
			wantWarn: "pipe.md: a named pipe (FIFO), not a file; skipped",
		},
		{
			name:     "given alone",
			paths:    func(dir string) []string { return []string{mkfifo(t, filepath.Join(dir, "x.md"))} },
			wantErr:  extract.ErrNoNotes,
			wantWarn: "x.md: a named pipe (FIFO), not a file; skipped",
		},
		{
			name: "inside a folder",
			paths: func(dir string) []string {
				mkfifo(t, filepath.Join(dir, "pipe.md"))
				writeNote(t, dir, "a.md", goodNote("Ansible"))
				return []string{dir}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			paths := tt.paths(dir)
			type result struct {
				res *extract.Result
				err error
			}
			done := make(chan result, 1)
			go func() {
				res, err := extract.Files(context.Background(), paths)
				done <- result{res, err}
			}()
			var got result
			select {
			case got = <-done:
			case <-time.After(time.Minute): // a hang, not a measured time
				for _, p := range paths {
					unblockFIFO(p)
				}
				<-done
				t.Fatalf("Files(%q) waited on the named pipe until it was opened for writing", paths)
			}
			if tt.wantErr != nil {
				if !errors.Is(got.err, tt.wantErr) || !strings.Contains(got.err.Error(), tt.wantWarn) {
					t.Fatalf("Files(%q) = %v, want %v naming %q", paths, got.err, tt.wantErr, tt.wantWarn)
				}
				return
			}
			if got.err != nil {
				t.Fatalf("Files(%q) = %v, want the note read", paths, got.err)
			}
			if got.res.Graph.Lookup("Ansible") == nil {
				t.Errorf("Files(%q) lost the note beside the pipe", paths)
			}
			var warns []string
			for _, w := range got.res.Warnings {
				warns = append(warns, w.Error())
			}
			found := tt.wantWarn == "" && len(warns) == 0
			for _, w := range warns {
				found = found || tt.wantWarn != "" && strings.HasSuffix(w, tt.wantWarn)
			}
			if !found {
				t.Errorf("Files(%q) warnings = %q, want %q", paths, warns, tt.wantWarn)
			}
		})
	}
}

func writeNote(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
