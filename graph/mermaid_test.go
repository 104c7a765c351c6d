package graph_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"conceptgraph/graph"
	"conceptgraph/graph/internal/graphtest"
)

func TestWriteMermaidGolden(t *testing.T) {
	var b bytes.Buffer
	if err := graphtest.Hostile().WriteMermaid(&b); err != nil {
		t.Fatalf("WriteMermaid = %v", err)
	}
	golden(t, "hostile.mmd", b.Bytes())
}

func TestWriteMermaidEscapes(t *testing.T) {
	tests := []struct{ name, want string }{
		{`<script>alert(1)</script>`, `n0["#60;script#62;alert(1)#60;/script#62;"]`},
		{`javascript:alert(1)`, `n0["javascript:alert(1)"]`},
		{`Say "hi"`, `n0["Say #quot;hi#quot;"]`},
		{"#quot; & #35;", `n0["#35;quot; #38; #35;35;"]`},
		{"`**md**`", `n0["#96;**md**#96;"]`},
		{"두 줄\n이름", `n0["두 줄 이름"]`},
		{`back\slash ]] end\`, `n0["back#92;slash ]] end#92;"]`},
	}
	for _, tt := range tests {
		g := graph.New()
		if _, err := g.AddConcept(graph.Concept{ID: "x", Name: tt.name}); err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := g.WriteMermaid(&b); err != nil {
			t.Fatal(err)
		}
		if got := strings.Split(b.String(), "\n")[1]; strings.TrimSpace(got) != tt.want {
			t.Errorf("WriteMermaid(name %q) node = %s, want %s", tt.name, strings.TrimSpace(got), tt.want)
		}
	}
}

// TestWriteMermaidShape checks every line is a header, a node, a link or a
// linkStyle, with safe node ids and no click or href.
func TestWriteMermaidShape(t *testing.T) {
	var b bytes.Buffer
	if err := graphtest.Hostile().WriteMermaid(&b); err != nil {
		t.Fatal(err)
	}
	line := regexp.MustCompile(`^(flowchart LR|    n\d+\["[^"<>&\\` + "`" + `\n]*"\]|    n\d+ (-->|---)\|[a-z_]+\| n\d+|    linkStyle [\d,]+ stroke:#[0-9A-F]{6}(,stroke-dasharray:5 5)?)$`)
	for _, l := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
		if !line.MatchString(l) {
			t.Errorf("WriteMermaid wrote an unexpected line: %q", l)
		}
	}
	if strings.Contains(b.String(), "click") || strings.Contains(b.String(), "href") {
		t.Error("WriteMermaid wrote a click or href")
	}
}

func TestMermaidOverLimit(t *testing.T) {
	tests := []struct {
		concepts, relations int
		want                bool
	}{
		{10, 12, false},
		{graph.MermaidEdgeLimit + 1, graph.MermaidEdgeLimit, false},
		{graph.MermaidEdgeLimit + 1, graph.MermaidEdgeLimit + 1, true},
	}
	for _, tt := range tests {
		g := graphtest.Synthetic(tt.concepts, tt.relations)
		if n := len(g.Relations()); n != tt.relations {
			t.Fatalf("Synthetic(%d, %d) has %d relations", tt.concepts, tt.relations, n)
		}
		if got := g.MermaidOverLimit(); got != tt.want {
			t.Errorf("MermaidOverLimit() with %d relations = %v, want %v", tt.relations, got, tt.want)
		}
	}
}
