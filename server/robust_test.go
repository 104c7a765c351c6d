package server_test

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"conceptgraph/extract"
	"conceptgraph/graph"
	"conceptgraph/server"
)

// readerLoader serves the notes under dir as serve does, through a
// Reader that keeps each note's last good version.
func readerLoader(dir string) server.Loader {
	r := extract.NewReader([]string{dir})
	return func(ctx context.Context) (*graph.Graph, []error, error) {
		res, err := r.Read(ctx)
		if err != nil {
			return nil, nil, err
		}
		return res.Graph, res.Warnings, nil
	}
}

func writeFile(t testing.TB, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Broken front matter saved over good notes keeps each note's concepts,
// and the status lists each failing note on its own line.
func TestReloadKeepsEachNote(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "k8s.md"), "---\naliases: [k8s]\n---\n# 쿠버네티스\n\n쿠버네티스는 도커를 사용한다.\n")
	writeFile(t, filepath.Join(dir, "db.md"), "# Redis\n\nRedis는 NoSQL의 일종이다.\n")
	s, ts := newSample(t, server.Options{Load: readerLoader(dir)})
	writeFile(t, filepath.Join(dir, "k8s.md"), "---\naliases: [unclosed\n---\n# 쿠버네티스\n")
	writeFile(t, filepath.Join(dir, "db.md"), "# Redis\n\xff\n")
	if err := s.Reload(context.Background()); err != nil {
		t.Fatalf("Reload = %v, want the notes' last good versions", err)
	}
	for _, name := range []string{"쿠버네티스", "k8s", "Redis"} {
		var c struct{ ID string }
		getJSON(t, ts, "/api/concepts/"+url.PathEscape(name), 200, &c)
	}
	var st struct{ Error string }
	getJSON(t, ts, "/api/status", 200, &st)
	lines := strings.Split(st.Error, "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "db.md:2: invalid UTF-8") || !strings.HasPrefix(lines[1], "k8s.md:1: front matter:") {
		t.Errorf("status error = %q, want one line for db.md:2 and one for k8s.md:1", st.Error)
	}
}

// logLines is a slog handler that sends every message logged to a
// channel, so a test can wait for what the server says it did.
type logLines chan string

func (l logLines) Enabled(context.Context, slog.Level) bool { return true }
func (l logLines) Handle(_ context.Context, r slog.Record) error {
	select {
	case l <- r.Message:
	default: // nobody is waiting for it
	}
	return nil
}
func (l logLines) WithAttrs([]slog.Attr) slog.Handler { return l }
func (l logLines) WithGroup(string) slog.Handler      { return l }

// waitLog waits until the server logs msg, failing after a minute (a hang,
// not a measured time).
func waitLog(t *testing.T, logs logLines, msg string) {
	t.Helper()
	timeout := time.After(time.Minute)
	for {
		select {
		case m := <-logs:
			if m == msg {
				return
			}
		case <-timeout:
			t.Fatalf("the server never logged %q", msg)
		}
	}
}

// watch serves the notes under dir, watched, and returns the event stream
// (after its hello) once the watcher has started.
func watch(t *testing.T, dir string) <-chan sse {
	t.Helper()
	logs := make(logLines, 1024)
	s, ts := newSample(t, server.Options{Load: readerLoader(dir), Logger: slog.New(logs)})
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	go func() { _ = s.Watch(ctx, []string{dir}) }()
	waitLog(t, logs, "watching notes")
	events := subscribe(t, ts)
	<-events // hello
	return events
}

// waitReload waits for the next reload event, failing after a minute (a
// hang, not a measured time).
func waitReload(t *testing.T, events <-chan sse, what string) sse {
	t.Helper()
	select {
	case ev := <-events:
		return ev
	case <-time.After(time.Minute):
		t.Fatalf("no reload after %s", what)
	}
	return sse{}
}

// Notes under a symbolically linked folder are watched, as they are read:
// the folder given, a folder inside it, and a link back up (a loop).
func TestWatchSymlinkedFolders(t *testing.T) {
	base := t.TempDir()
	real := filepath.Join(base, "real")
	elsewhere := filepath.Join(base, "elsewhere")
	writeFile(t, filepath.Join(real, "a.md"), "# Ansible\n")
	writeFile(t, filepath.Join(elsewhere, "b.md"), "# Bash\n")
	dir := filepath.Join(base, "notes") // the folder given is itself a link
	if err := os.Symlink(real, dir); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	if err := os.Symlink(elsewhere, filepath.Join(real, "linked")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("..", filepath.Join(elsewhere, "up")); err != nil {
		t.Fatal(err)
	}
	events := watch(t, dir)
	for i, tt := range []struct{ file, concept string }{
		{filepath.Join(elsewhere, "b.md"), "Bash2"},
		{filepath.Join(real, "a.md"), "Ansible2"},
	} {
		writeFile(t, tt.file, "# "+tt.concept+"\n")
		if ev := waitReload(t, events, "editing "+tt.file); ev.data.Version != i+2 {
			t.Errorf("reload after editing %s = %+v, want version %d", tt.file, ev, i+2)
		}
	}
}

// An editor that saves every 100 ms, for as long as it takes, still sees
// reloads while it saves: the debounce has a ceiling.
func TestWatchReloadsWhileChangesKeepComing(t *testing.T) {
	dir := t.TempDir()
	note := filepath.Join(dir, "n.md")
	writeFile(t, note, "# Kafka\n")
	events := watch(t, dir)
	const most = 100 // 10 s of saves: ten times the ceiling
	var reloads []int
	saves := 0
	for saves < most && len(reloads) < 2 {
		saves++
		writeFile(t, note, fmt.Sprintf("# Kafka\n\n- Kafka는 ZooKeeper%d를 사용한다.\n", saves))
		select {
		case <-events:
			reloads = append(reloads, saves)
		case <-time.After(100 * time.Millisecond):
		}
	}
	if len(reloads) < 2 {
		t.Fatalf("%d saves 100 ms apart gave %d reloads while they went on, want one at least every %v", saves, len(reloads), server.MaxDelay)
	}
	t.Logf("saves 100 ms apart: reloads after saves %v", reloads)
}

// Serving every interface (a tablet on the same network) keeps refusing
// Host names that are not this machine's.
func TestHostCheckEveryInterface(t *testing.T) {
	_, ts := newSample(t, server.Options{Addr: "0.0.0.0:8080"})
	want := map[string]int{
		"127.0.0.1:8080":      200,
		"localhost:8080":      200,
		"[::1]:8080":          200,
		"evil.example:8080":   421,
		"203.0.113.7:8080":    421, // TEST-NET-3: no machine's address
		"127.0.0.1:9999":      421,
		"localhost.evil:8080": 421,
	}
	if name, err := os.Hostname(); err == nil && name != "" {
		want[name+":8080"] = 200
	}
	if addrs, err := net.InterfaceAddrs(); err == nil {
		for _, a := range addrs {
			if n, ok := a.(*net.IPNet); ok && !n.IP.IsLoopback() && n.IP.To4() != nil {
				want[n.IP.String()+":8080"] = 200
			}
		}
	}
	for host, code := range want {
		req, _ := http.NewRequest("GET", ts.URL+"/api/health", nil)
		req.Host = host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != code {
			t.Errorf("serving 0.0.0.0:8080, Host %s = %d, want %d", host, resp.StatusCode, code)
		}
	}
}
