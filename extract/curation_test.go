package extract_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"conceptgraph/extract"
	"conceptgraph/graph"
)

func writeCuration(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

const curationNote = "# Kafka\n\n- Kafka는 ZooKeeper를 사용한다.\n\n# ZooKeeper\n\n분산 코디네이터\n"

func TestApplyCuration(t *testing.T) {
	dir := t.TempDir()
	writeCuration(t, filepath.Join(dir, "notes", "kafka.md"), curationNote)
	writeCuration(t, filepath.Join(dir, "notes", extract.CurationFile), "retype:\n  - Kafka uses ZooKeeper: requires\naliases:\n  Kafka: [카프카]\nhide: [Mesos]\n")
	writeCuration(t, filepath.Join(dir, "more", "b.md"), "# Raft\n\nRaft is a kind of consensus algorithm.\n")
	writeCuration(t, filepath.Join(dir, "more", extract.CurationFile), "add:\n  - ZooKeeper uses Raft\n")
	notes := filepath.Join(dir, "notes")
	for _, tt := range []struct {
		name  string
		paths []string
	}{
		{"folders", []string{notes, filepath.Join(dir, "more")}},
		{"a file and a folder", []string{filepath.Join(notes, "kafka.md"), filepath.Join(dir, "more", "b.md"), notes}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res, err := extract.Files(context.Background(), tt.paths)
			if err != nil {
				t.Fatal(err)
			}
			warnings, err := extract.ApplyCuration(res.Graph, tt.paths)
			if err != nil {
				t.Fatal(err)
			}
			g := res.Graph
			k, z, r := g.Lookup("카프카"), g.Lookup("ZooKeeper"), g.Lookup("Raft")
			if k == nil || z == nil || r == nil {
				t.Fatalf("Kafka (as 카프카) = %v, ZooKeeper = %v, Raft = %v", k, z, r)
			}
			if rs := g.Between(k.ID, z.ID); len(rs) != 1 || rs[0].Type != graph.Requires {
				t.Errorf("Kafka -> ZooKeeper = %v, want requires", rs)
			}
			if rs := g.Between(z.ID, r.ID); len(rs) != 1 || rs[0].Evidence[0].File != filepath.ToSlash(filepath.Join(dir, "more", extract.CurationFile)) {
				t.Errorf("ZooKeeper -> Raft = %v, want uses with the curation file as evidence", rs)
			}
			// Each folder's file once, its stale entry reported once.
			if len(warnings) != 1 || !strings.Contains(warnings[0].Error(), "conceptgraph.yaml:5: hide: no concept named \"Mesos\"") {
				t.Errorf("warnings = %v, want one about Mesos at line 5", warnings)
			}
		})
	}
}

func TestApplyCurationErrors(t *testing.T) {
	dir := t.TempDir()
	writeCuration(t, filepath.Join(dir, "kafka.md"), curationNote)
	writeCuration(t, filepath.Join(dir, extract.CurationFile), "add:\n  - Kafka likes ZooKeeper\n")
	res, err := extract.Files(context.Background(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	before := len(res.Graph.Relations())
	_, err = extract.ApplyCuration(res.Graph, []string{dir})
	var ce *graph.CurationError
	if !errors.As(err, &ce) || ce.Line != 2 || !strings.HasSuffix(ce.File, "/"+extract.CurationFile) {
		t.Fatalf("ApplyCuration = %v, want a *graph.CurationError at line 2 of the file", err)
	}
	if len(res.Graph.Relations()) != before {
		t.Error("a curation file that cannot be read changed the graph")
	}
	// The Reader applies it too, and fails on it.
	if _, err := extract.NewReader([]string{dir}).Read(context.Background()); !errors.As(err, &ce) {
		t.Errorf("Reader.Read = %v, want the curation error", err)
	}
	// A folder without a curation file is fine.
	empty := t.TempDir()
	writeCuration(t, filepath.Join(empty, "a.md"), curationNote)
	if w, err := extract.ApplyCuration(res.Graph, []string{empty}); err != nil || w != nil {
		t.Errorf("ApplyCuration(no file) = %v, %v; want nothing", w, err)
	}
}

func TestReaderAppliesCuration(t *testing.T) {
	dir := t.TempDir()
	writeCuration(t, filepath.Join(dir, "kafka.md"), curationNote)
	r := extract.NewReader([]string{dir})
	res, err := r.Read(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.Graph.Lookup("ZooKeeper") == nil {
		t.Fatal("no ZooKeeper before curation")
	}
	writeCuration(t, filepath.Join(dir, extract.CurationFile), "hide: [ZooKeeper]\n")
	res, err = r.Read(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.Graph.Lookup("ZooKeeper") != nil {
		t.Error("ZooKeeper still there after the curation file hid it")
	}
}
