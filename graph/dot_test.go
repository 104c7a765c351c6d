package graph_test

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"strings"
	"testing"

	"conceptgraph/graph"
	"conceptgraph/graph/internal/graphtest"
)

func TestWriteDOTGolden(t *testing.T) {
	tests := []struct {
		golden string
		g      *graph.Graph
		opts   graph.DOTOptions
	}{
		{"hostile.dot", graphtest.Hostile(), graph.DOTOptions{}},
		{"hostile-neato-focus.dot", graphtest.Hostile(), graph.DOTOptions{Layout: "neato", Focus: "Docker", NoLegend: true}},
		{"korean-bounded.dot", graphtest.Korean(), graph.DOTOptions{Bounded: graph.BoundedOn}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			var b bytes.Buffer
			if err := tt.g.WriteDOT(&b, tt.opts); err != nil {
				t.Fatalf("WriteDOT(%+v) = %v, want nil", tt.opts, err)
			}
			golden(t, tt.golden, b.Bytes())
		})
	}
}

func TestWriteDOTDeterministic(t *testing.T) {
	var first bytes.Buffer
	if err := graphtest.Synthetic(60, 90).WriteDOT(&first, graph.DOTOptions{}); err != nil {
		t.Fatal(err)
	}
	for range 5 {
		var b bytes.Buffer
		if err := graphtest.Synthetic(60, 90).WriteDOT(&b, graph.DOTOptions{}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b.Bytes(), first.Bytes()) {
			t.Fatal("WriteDOT wrote different output for the same graph")
		}
	}
}

func TestWriteDOTErrors(t *testing.T) {
	g := graphtest.Korean()
	var nf *graph.NotFoundError
	if err := g.WriteDOT(io.Discard, graph.DOTOptions{Focus: "nowhere"}); !errors.As(err, &nf) {
		t.Errorf("WriteDOT(focus nowhere) = %v, want a NotFoundError", err)
	}
	if err := g.WriteDOT(io.Discard, graph.DOTOptions{Layout: "twopi"}); err == nil || !strings.Contains(err.Error(), "twopi") {
		t.Errorf("WriteDOT(layout twopi) = %v, want an error naming twopi", err)
	}
}

func TestWriteDOTBounded(t *testing.T) {
	tests := []struct {
		concepts int
		mode     graph.Bounded
		want     bool
	}{
		{graph.BoundedAbove, graph.BoundedAuto, false},
		{graph.BoundedAbove + 1, graph.BoundedAuto, true},
		{10, graph.BoundedOn, true},
		{graph.BoundedAbove + 1, graph.BoundedOff, false},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		if err := graphtest.Synthetic(tt.concepts, tt.concepts).WriteDOT(&b, graph.DOTOptions{Bounded: tt.mode}); err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(b.String(), `nslimit="1"`); got != tt.want {
			t.Errorf("WriteDOT(%d concepts, bounded %d) has the bounded preset = %v, want %v", tt.concepts, tt.mode, got, tt.want)
		}
	}
}

// TestWriteDOTQuoting checks that every attribute value and node name is
// one well-formed quoted string, whatever the note text.
func TestWriteDOTQuoting(t *testing.T) {
	var b bytes.Buffer
	if err := graphtest.Hostile().WriteDOT(&b, graph.DOTOptions{NoLegend: true}); err != nil {
		t.Fatal(err)
	}
	// A quoted DOT string: no raw quote, no raw line break, and every
	// backslash paired with the character after it.
	quoted := `"(?:[^"\\\n]|\\.)*"`
	stmt := regexp.MustCompile(`^\t(?:graph|node|edge|` + quoted + `(?: -> ` + quoted + `)?) \[` +
		`\w+=` + quoted + `(?:, \w+=` + quoted + `)*\];$`)
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	for _, l := range lines[1 : len(lines)-1] {
		if !stmt.MatchString(l) {
			t.Errorf("WriteDOT wrote a malformed statement:\n%s", l)
		}
	}
	if strings.Contains(b.String(), "=<") {
		t.Error("WriteDOT wrote an HTML-like label for note text")
	}
	for _, bad := range []string{"URL=", "href=", "image="} {
		if strings.Contains(b.String(), bad) {
			t.Errorf("WriteDOT wrote %s", bad)
		}
	}
}

func TestLabelSize(t *testing.T) {
	tests := []struct {
		label      string
		minW, maxW float64 // inches
		lines      int
	}{
		// One em of 14 pt is 0.194 in.
		{"도커", 2 * 0.194, 2*0.194 + 0.4, 1},
		{"마이크로 서비스 아키텍쳐", 11 * 0.194, 12.5*0.194 + 0.4, 1},
		{"Docker", 6 * 0.45 * 0.194, 6*0.6*0.194 + 0.4, 1},
		{"두 줄\n이름", 2 * 0.194, 3*0.194 + 0.4, 2},
		{"e\u0301", 0.45 * 0.194, 0.6*0.194 + 0.4, 1}, // the combining accent takes no room
	}
	for _, tt := range tests {
		w, h := graph.LabelSize(tt.label, 14)
		if w < tt.minW || w > tt.maxW {
			t.Errorf("LabelSize(%q) width = %.2f in, want %.2f–%.2f", tt.label, w, tt.minW, tt.maxW)
		}
		if minH := float64(tt.lines) * 14 / 72; h < minH || h < 0.5 {
			t.Errorf("LabelSize(%q) height = %.2f in, want at least %.2f and 0.5", tt.label, h, minH)
		}
	}
	// Hangul must come out wider than as many Latin letters: Graphviz's own
	// estimate gets this backwards.
	if k, _ := graph.LabelSize("쿠버네티스", 14); k <= func() float64 { l, _ := graph.LabelSize("abcde", 14); return l }() {
		t.Errorf("LabelSize(쿠버네티스) = %.2f, not wider than five Latin letters", k)
	}
}

func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a\r\nb\rc", "a\nb\nc"},
		{"tab\there", "tab here"},
		{"nul\x00bel\x07", "nul\uFFFDbel\uFFFD"},
		{"bad \xff utf8", "bad \uFFFD utf8"},
		{"\uFFFE\u0085", "\uFFFD\uFFFD"},
		{"한글 & <ok>", "한글 & <ok>"},
	}
	for _, tt := range tests {
		if got := graph.Clean(tt.in); got != tt.want {
			t.Errorf("clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseLayout(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"", "dot", true},
		{"dot", "dot", true},
		{"neato", "neato", true},
		{"fdp", "fdp", true},
		{"sfdp", "sfdp", true},
		{"circo", "circo", true},
		{"twopi", "", false},
		{"DOT", "", false},
		{"dot; rm -rf", "", false},
	}
	for _, tt := range tests {
		got, err := graph.ParseLayout(tt.in)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("ParseLayout(%q) = %q, %v, want %q, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestElementIDs(t *testing.T) {
	tests := []struct{ id, want string }{
		{"docker", "node-docker"},
		{"마이크로-서비스", "node-마이크로-서비스"},
		{"a_b", "node-a__b"},
		{"a b", "node-a_20_b"},
		{`x"<y>`, "node-x_22__3c_y_3e_"},
		{"a.b", "node-a_2e_b"},
	}
	for _, tt := range tests {
		if got := graph.NodeElementID(tt.id); got != tt.want {
			t.Errorf("NodeElementID(%q) = %q, want %q", tt.id, got, tt.want)
		}
	}
	// Distinct ids and relations give distinct element ids.
	seen := map[string]string{}
	for _, id := range []string{"a_b", "a__b", "a b", "a_20_b", "a-b", "a.b", "a_2e_b", "_", "__", "_5f_"} {
		e := graph.NodeElementID(id)
		if prev, dup := seen[e]; dup {
			t.Errorf("NodeElementID(%q) = NodeElementID(%q) = %q", id, prev, e)
		}
		seen[e] = id
	}
	rels := []*graph.Relation{
		{From: "a", To: "b.c", Type: graph.Uses},
		{From: "a.b", To: "c", Type: graph.Uses},
		{From: "a", To: "b", Type: graph.Uses},
		{From: "b", To: "a", Type: graph.Uses},
		{From: "a", To: "b", Type: graph.PartOf},
	}
	for _, r := range rels {
		e := graph.RelationElementID(r)
		if prev, dup := seen[e]; dup {
			t.Errorf("RelationElementID(%+v) = %q, also the id of %s", r, e, prev)
		}
		seen[e] = r.From + " " + r.To
	}
}

func TestRelationTypeColor(t *testing.T) {
	hex := regexp.MustCompile(`^#[0-9A-F]{6}$`)
	seen := map[string]graph.RelationType{}
	for _, typ := range graph.Types {
		c := typ.Color()
		if !hex.MatchString(c) {
			t.Errorf("%s.Color() = %q, want #RRGGBB", typ, c)
		}
		if other, dup := seen[c]; dup {
			t.Errorf("%s.Color() = %s, the colour of %s too", typ, c, other)
		}
		seen[c] = typ
	}
}

// BenchmarkWriteDOT writes a 200-concept view; MB/s counts DOT written.
func BenchmarkWriteDOT(b *testing.B) {
	g := graphtest.Synthetic(200, 300)
	var buf bytes.Buffer
	if err := g.WriteDOT(&buf, graph.DOTOptions{}); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := g.WriteDOT(&buf, graph.DOTOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
