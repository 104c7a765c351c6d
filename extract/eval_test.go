package extract

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"conceptgraph/assets"
	"conceptgraph/graph"
)

// The evaluation notes live in ../shared/eval beside the repository (CI
// has them); notes by other authors are never copied into the repository.
const evalDir = "../../shared/eval"

// gold is a gold relation file: concepts with their names, and relations
// marked must (stated plainly) or may (implied).
type gold struct {
	names map[string][]string // normalised name -> canonical names
	must  map[[3]string]bool
	all   map[[3]string]bool
}

var scoreNormRe = regexp.MustCompile(`[\s\-_.·]+`)

// scoreNorm compares names the way ../shared/eval/score.py does.
func scoreNorm(s string) string { return strings.ToLower(scoreNormRe.ReplaceAllString(s, "")) }

func scoreKey(a string, t graph.RelationType, b string) [3]string {
	if t.Symmetric() && b < a {
		a, b = b, a
	}
	return [3]string{a, string(t), b}
}

func readGold(t *testing.T, path string) *gold {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	g := &gold{names: map[string][]string{}, must: map[[3]string]bool{}, all: map[[3]string]bool{}}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		p := strings.Split(line, "\t")
		switch p[0] {
		case "C":
			names := []string{p[1]}
			if len(p) > 2 && p[2] != "" {
				names = append(names, strings.Split(p[2], "|")...)
			}
			for _, n := range names {
				g.names[scoreNorm(n)] = append(g.names[scoreNorm(n)], p[1])
			}
		case "R":
			k := scoreKey(p[1], graph.RelationType(p[2]), p[3])
			g.all[k] = true
			if p[5] == "must" {
				g.must[k] = true
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return g
}

// score returns the precision of g's typed relations (requires is not
// scored) and the recall of the gold's must relations.
func (gd *gold) score(g *graph.Graph) (precision, recall float64, wrong, missed []string) {
	canon := map[string][]string{}
	for _, c := range g.Concepts() {
		seen := map[string]bool{}
		for _, n := range c.Names() {
			for _, gc := range gd.names[scoreNorm(n)] {
				if !seen[gc] {
					seen[gc] = true
					canon[c.ID] = append(canon[c.ID], gc)
				}
			}
		}
	}
	matched := map[[3]string]bool{}
	typed, correct := 0, 0
	for _, r := range g.Relations() {
		if r.Type == graph.Requires {
			continue
		}
		typed++
		hit := false
		for _, a := range canon[r.From] {
			for _, b := range canon[r.To] {
				if k := scoreKey(a, r.Type, b); gd.all[k] {
					hit = true
					matched[k] = true
				}
			}
		}
		if hit {
			correct++
		} else {
			wrong = append(wrong, g.Concept(r.From).Name+" -"+string(r.Type)+"-> "+g.Concept(r.To).Name)
		}
	}
	found := 0
	for k := range gd.must {
		if matched[k] {
			found++
		} else {
			missed = append(missed, k[0]+" -"+k[1]+"-> "+k[2])
		}
	}
	if typed > 0 {
		precision = float64(correct) / float64(typed)
	}
	if len(gd.must) > 0 {
		recall = float64(found) / float64(len(gd.must))
	}
	return precision, recall, wrong, missed
}

func sampleNotes() []Note {
	var notes []Note
	for _, f := range assets.Sample() {
		notes = append(notes, Note{Name: f.Name, Data: f.Data})
	}
	return notes
}

// TestQuality scores extraction on the sample and on notes by other authors
// against gold relations a careful reader found, with the targets the
// project holds itself to.
func TestQuality(t *testing.T) {
	if _, err := os.Stat(evalDir); err != nil {
		t.Skipf("evaluation notes not found at %s (they sit in ../shared beside the repository): %v", evalDir, err)
	}
	tests := []struct {
		name            string
		note            string // "" for the embedded sample
		gold            string
		precision, rcll float64
	}{
		{"sample", "", "seed-notes.gold.tsv", 0.85, 0.85},
		{"en-database", "dev/en-sdp-database.md", "dev/en-sdp-database.gold.tsv", 0.75, 0.65},
		{"ko-operating-system", "dev/ko-operating-system.md", "dev/ko-operating-system.gold.tsv", 0.75, 0.65},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			notes := sampleNotes()
			if tt.note != "" {
				data, err := os.ReadFile(filepath.Join(evalDir, tt.note))
				if err != nil {
					t.Fatal(err)
				}
				notes = []Note{{Name: filepath.Base(tt.note), Data: data}}
			}
			res, err := Notes(context.Background(), notes)
			if err != nil {
				t.Fatal(err)
			}
			p, r, wrong, missed := readGold(t, filepath.Join(evalDir, tt.gold)).score(res.Graph)
			t.Logf("%s: precision %.3f recall %.3f (%d concepts, %d relations)", tt.name, p, r, res.Graph.Len(), len(res.Graph.Relations()))
			if p < tt.precision || r < tt.rcll {
				t.Errorf("precision %.3f recall %.3f, want at least %.2f and %.2f\nnot in gold: %s\nmissed: %s",
					p, r, tt.precision, tt.rcll, strings.Join(wrong, "; "), strings.Join(missed, "; "))
			}
		})
	}
}
