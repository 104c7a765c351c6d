package server_test

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
