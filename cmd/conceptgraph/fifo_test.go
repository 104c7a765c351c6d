//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// extract given a named pipe says so and exits, rather than waiting for a
// writer for ever (which also left it deaf to Ctrl-C).
func TestExtractNamedPipe(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "x.md")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
	type result struct {
		code           int
		stdout, stderr string
	}
	done := make(chan result, 1)
	go func() {
		code, out, errs := runCLI(t, "extract", fifo)
		done <- result{code, out, errs}
	}()
	var got result
	select {
	case got = <-done:
	case <-time.After(time.Minute): // a hang, not a measured time
		if f, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
		}
		<-done
		t.Fatal("extract waited on the named pipe until it was opened for writing")
	}
	if got.code != 1 || !strings.Contains(got.stderr, "x.md: a named pipe (FIFO), not a file; skipped") {
		t.Errorf("extract %s = exit %d, stderr %q; want 1 and a message naming the pipe", fifo, got.code, got.stderr)
	}
}
