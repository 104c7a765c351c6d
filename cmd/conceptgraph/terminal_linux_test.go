package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"
)

// openTerminal opens a pseudo-terminal and returns its terminal end, what
// a program run in a terminal writes to.
func openTerminal(t *testing.T) *os.File {
	t.Helper()
	ptmx, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminal to test with: %v", err)
	}
	t.Cleanup(func() { ptmx.Close() })
	// What is written to the terminal is read and dropped, as a terminal
	// shows it, so that a write never waits for a full buffer.
	go io.Copy(io.Discard, ptmx)
	if err := unix.IoctlSetPointerInt(int(ptmx.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		t.Fatalf("unlock the pseudo-terminal: %v", err)
	}
	n, err := unix.IoctlGetInt(int(ptmx.Fd()), unix.TIOCGPTN)
	if err != nil {
		t.Fatalf("name the pseudo-terminal: %v", err)
	}
	tty, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatalf("open the pseudo-terminal: %v", err)
	}
	t.Cleanup(func() { tty.Close() })
	return tty
}

func TestExportPNGNotToATerminal(t *testing.T) {
	tty := openTerminal(t)
	var stderr bytes.Buffer
	code := run([]string{"export", "--format", "png", "--focus", "도커"}, tty, &stderr)
	if code != 2 || !strings.Contains(stderr.String(), "standard output is a terminal: write it to a file with -o FILE.png") {
		t.Errorf("export --format png to a terminal = exit %d, stderr %q; want exit 2 and a hint to use -o", code, stderr.String())
	}

	// Text formats still print to the terminal, and a PNG goes where it
	// is sent.
	stderr.Reset()
	if code := run([]string{"export", "--format", "dot", "--focus", "도커"}, tty, &stderr); code != 0 {
		t.Errorf("export --format dot to a terminal = exit %d, %s; want it printed", code, stderr.String())
	}
	file := filepath.Join(t.TempDir(), "docker.png")
	if code := run([]string{"export", "--format", "png", "--focus", "도커", "-o", file}, tty, &stderr); code != 0 {
		t.Fatalf("export --format png -o = exit %d, %s", code, stderr.String())
	}
	var piped bytes.Buffer
	if code := run([]string{"export", "--format", "png", "--focus", "도커"}, &piped, &stderr); code != 0 || !bytes.HasPrefix(piped.Bytes(), []byte("\x89PNG")) {
		t.Errorf("export --format png to a pipe = exit %d, %d bytes starting %q; want a PNG", code, piped.Len(), piped.Bytes()[:min(8, piped.Len())])
	}
	data, err := os.ReadFile(file)
	if err != nil || !bytes.HasPrefix(data, []byte("\x89PNG")) {
		t.Errorf("export -o %s wrote %d bytes (%v), want a PNG", file, len(data), err)
	}
}
