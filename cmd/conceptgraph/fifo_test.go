//go:build unix

package main

import (
	"net/http"
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

// serve given a named pipe beside a note serves the note, names the pipe,
// and stops on SIGTERM.
func TestServeNamedPipe(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.md")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
	t.Cleanup(func() { // never leave the child waiting on the pipe
		if f, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
		}
	})
	note := filepath.Join(dir, "a.md")
	if err := os.WriteFile(note, []byte("# Ansible\n\nAnsible은 SSH를 사용한다.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c := serveChild(t, "--addr", "127.0.0.1:0", "--no-watch", fifo, note)
	resp, err := http.Get(c.url + "/api/concepts/Ansible")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("GET /api/concepts/Ansible = %d, want the note beside the pipe served", resp.StatusCode)
	}
	c.stop(syscall.SIGTERM)
	if !strings.Contains(c.stderr.String(), "pipe.md: a named pipe (FIFO), not a file; skipped") {
		t.Errorf("serve's stderr = %q, want the pipe named", c.stderr)
	}
}
