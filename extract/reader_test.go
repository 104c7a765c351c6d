package extract_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"conceptgraph/extract"
)

// Every way a saved note can fail keeps that note's last good version,
// reported once with its file and line; an emptied or deleted note takes
// its concepts with it.
func TestReaderKeepsLastGood(t *testing.T) {
	const good = "---\naliases: [k8s]\n---\n# 쿠버네티스\n\n쿠버네티스는 도커를 사용한다.\n"
	tests := []struct {
		name     string
		save     string // written over the good note; "" deletes it
		wantKept bool   // 쿠버네티스 is still there
		wantWarn string // the start of the one warning about k8s.md, or ""
	}{
		{"broken front matter", "---\naliases: [unclosed\n---\n# 쿠버네티스\n", true, "k8s.md:1: front matter:"},
		{"not UTF-8", "# 쿠버네티스\n\xff\n", true, "k8s.md:2: invalid UTF-8"},
		{"NUL byte", "# 쿠버네티스\x00\n", true, "k8s.md:1: NUL byte"},
		{"emptied", "  \n", false, "k8s.md: empty note"},
		{"deleted", "", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			note := filepath.Join(dir, "k8s.md")
			writeNote(t, dir, "other.md", goodNote("Ansible"))
			writeNote(t, dir, "k8s.md", good)
			r := extract.NewReader([]string{dir})
			if _, err := r.Read(context.Background()); err != nil {
				t.Fatal(err)
			}
			if tt.save == "" {
				if err := os.Remove(note); err != nil {
					t.Fatal(err)
				}
			} else {
				writeNote(t, dir, "k8s.md", tt.save)
			}
			for round := 1; round <= 2; round++ { // and again: the last good version stays the last good one
				res, err := r.Read(context.Background())
				if err != nil {
					t.Fatalf("Read after saving %q = %v", tt.save, err)
				}
				if got := res.Graph.Lookup("쿠버네티스") != nil; got != tt.wantKept {
					t.Errorf("round %d: 쿠버네티스 in the graph = %t, want %t", round, got, tt.wantKept)
				}
				if tt.wantKept && res.Graph.Lookup("k8s") == nil {
					t.Errorf("round %d: the last good version's front matter alias k8s is lost", round)
				}
				if res.Graph.Lookup("Ansible") == nil {
					t.Errorf("round %d: the other note is lost", round)
				}
				var about []string
				for _, w := range res.Warnings {
					if strings.HasPrefix(w.Error(), "k8s.md") {
						about = append(about, w.Error())
					}
				}
				switch {
				case tt.wantWarn == "" && len(about) > 0:
					t.Errorf("round %d: warnings %q, want none about k8s.md", round, about)
				case tt.wantWarn != "" && (len(about) != 1 || !strings.HasPrefix(about[0], tt.wantWarn)):
					t.Errorf("round %d: warnings about k8s.md = %q, want one starting %q", round, about, tt.wantWarn)
				case tt.wantKept && !strings.HasSuffix(about[0], "(showing its last good version)"):
					t.Errorf("round %d: warning %q, want it to say the last good version is shown", round, about[0])
				}
			}
		})
	}
}
