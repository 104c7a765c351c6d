package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// The test binary doubles as conceptgraph, so that tests can run a child
// "conceptgraph serve" on 127.0.0.1 as a person would, and signal it.
func TestMain(m *testing.M) {
	if os.Getenv("CONCEPTGRAPH_TEST_MAIN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// child is a conceptgraph command running in its own process.
type child struct {
	t      *testing.T
	cmd    *exec.Cmd
	url    string // the URL it printed, for serve
	stdout *syncBuffer
	stderr *syncBuffer
	done   chan error
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// serveChild starts "conceptgraph serve args..." and waits for the URL it
// prints.
func serveChild(t *testing.T, args ...string) *child {
	t.Helper()
	cmd := exec.Command(os.Args[0], append([]string{"serve"}, args...)...)
	cmd.Env = append(os.Environ(), "CONCEPTGRAPH_TEST_MAIN=1")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	c := &child{t: t, cmd: cmd, stdout: &syncBuffer{}, stderr: &syncBuffer{}, done: make(chan error, 1)}
	cmd.Stderr = c.stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		<-c.done
	})
	urls := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			line := sc.Text()
			c.stdout.Write([]byte(line + "\n"))
			if _, u, ok := strings.Cut(line, " at http://"); ok && strings.HasPrefix(line, "conceptgraph: serving ") {
				urls <- "http://" + strings.TrimSuffix(u, "/")
			}
		}
		c.done <- cmd.Wait()
	}()
	select {
	case c.url = <-urls:
	case <-time.After(time.Minute): // a hang, not a measured time
		t.Fatalf("serve %v printed no URL; stderr:\n%s", args, c.stderr)
	}
	return c
}

// waitStderr waits until the child has written s to stderr.
func (c *child) waitStderr(s string) {
	c.t.Helper()
	for deadline := time.Now().Add(time.Minute); !strings.Contains(c.stderr.String(), s); { // a hang, not a measured time
		if time.Now().After(deadline) {
			c.t.Fatalf("serve never wrote %q to stderr:\n%s", s, c.stderr)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// stop sends sig and waits for the child to exit, returning how long that
// took.
func (c *child) stop(sig os.Signal) time.Duration {
	c.t.Helper()
	start := time.Now()
	if err := c.cmd.Process.Signal(sig); err != nil {
		c.t.Fatal(err)
	}
	select {
	case err := <-c.done:
		c.done <- err // for the cleanup
		if err != nil {
			c.t.Fatalf("serve exited with %v; stderr:\n%s", err, c.stderr)
		}
	case <-time.After(time.Minute): // a hang, not a measured time
		c.t.Fatalf("serve did not exit on %v; stderr:\n%s", sig, c.stderr)
	}
	return time.Since(start)
}

// Ctrl-C with a page open ends its event stream first, so serve stops as
// soon as with no page open, instead of waiting out its shutdown timeout.
func TestServeStopsWithAPageOpen(t *testing.T) {
	quiet := serveChild(t, "--addr", "127.0.0.1:0")
	baseline := quiet.stop(os.Interrupt)

	c := serveChild(t, "--addr", "127.0.0.1:0")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", c.url+"/api/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	r := bufio.NewReader(resp.Body)
	if line, err := r.ReadString('\n'); err != nil || line != "event: hello\n" {
		t.Fatalf("event stream starts %q, %v; want the hello event", line, err)
	}
	ended := make(chan error, 1)
	go func() {
		_, err := io.Copy(io.Discard, r)
		ended <- err
	}()
	took := c.stop(os.Interrupt)
	t.Logf("serve stopped in %v with a page open, %v with none (%.1f×)", took, baseline, float64(took)/float64(baseline))
	select {
	case err := <-ended:
		if err != nil {
			t.Errorf("the event stream ended with %v, want a clean end", err)
		}
	default:
		t.Error("serve exited before ending the event stream")
	}
	if strings.Contains(c.stderr.String(), "cut off") || !strings.Contains(c.stdout.String(), "conceptgraph: stopped") {
		t.Errorf("serve with a page open did not stop cleanly:\nstdout: %s\nstderr: %s", c.stdout, c.stderr)
	}
	if took > shutdownTimeout/2 {
		t.Errorf("serve took %v to stop with a page open (%v with none), want it not to wait for its %v shutdown timeout", took, baseline, shutdownTimeout)
	}
}

// Serving beyond loopback says so loudly, and still refuses Host names
// that are not this machine's.
func TestServeBeyondLoopback(t *testing.T) {
	c := serveChild(t, "--addr", "0.0.0.0:0")
	c.waitStderr("read your notes")
	if e := c.stderr.String(); !strings.Contains(e, "WARNING: conceptgraph is listening on 0.0.0.0:") {
		t.Errorf("serve --addr 0.0.0.0:0 printed %q, want a warning that the network can read the notes", e)
	}
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(c.url, "http://"))
	for host, want := range map[string]int{"127.0.0.1:" + port: 200, "evil.example:" + port: 421} {
		req, _ := http.NewRequest("GET", "http://127.0.0.1:"+port+"/api/health", nil)
		req.Host = host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %s = %d, want %d", host, resp.StatusCode, want)
		}
	}
	c.stop(os.Interrupt)
	loop := serveChild(t, "--addr", "127.0.0.1:0")
	if strings.Contains(loop.stderr.String(), "WARNING") {
		t.Errorf("serve on loopback warned: %s", loop.stderr)
	}
	loop.stop(os.Interrupt)
}

// serve draws in worker processes of its own, which end with it.
func TestServeDrawsInWorkers(t *testing.T) {
	c := serveChild(t, "--addr", "127.0.0.1:0")
	resp, err := http.Get(c.url + "/api/svg?focus=docker&depth=2")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !bytes.Contains(body, []byte("<svg")) {
		t.Fatalf("GET /api/svg = %d %.200s, want a drawing", resp.StatusCode, body)
	}
	if strings.Contains(c.stderr.String(), "drawing in this process") {
		t.Errorf("serve could not start its workers: %s", c.stderr)
	}
	workers := childrenOf(c.cmd.Process.Pid)
	if _, err := os.Stat("/proc/self/stat"); err == nil && len(workers) == 0 {
		t.Errorf("serve has no worker processes")
	}
	c.stop(os.Interrupt)
	for _, pid := range workers {
		for deadline := time.Now().Add(time.Minute); ; { // a hang, not a measured time
			if _, err := os.Stat("/proc/" + pid); err != nil {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("worker %s outlived serve", pid)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
}

// childrenOf lists the processes whose parent is pid, where /proc tells.
func childrenOf(pid int) []string {
	entries, _ := os.ReadDir("/proc")
	var out []string
	for _, e := range entries {
		b, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...: comm may hold spaces.
		s := string(b)
		if i := strings.LastIndexByte(s, ')'); i >= 0 {
			if f := strings.Fields(s[i+1:]); len(f) > 1 && f[1] == strconv.Itoa(pid) {
				out = append(out, e.Name())
			}
		}
	}
	return out
}
