package extract

import (
	"bytes"
	"strings"
	"testing"
)

func TestTame(t *testing.T) {
	long := strings.Repeat("x", maxRun+10)
	tests := []struct {
		name  string
		in    string
		want  string
		lines []int  // nil: the note unchanged
		warn  string // the first warning, "" for none
	}{
		{name: "ordinary note", in: "# DNS\n\n- a\n  - b\n> quote\n"},
		{
			name:  "markers past the limit dropped",
			in:    "x\n" + strings.Repeat("- ", maxNesting+3) + "도커\n",
			want:  "x\n" + strings.Repeat("- ", maxNesting) + "도커\n",
			lines: []int{1, 2},
			warn:  "n.md:2: quotes and lists nested more than 32 deep",
		},
		{
			name:  "quote markers too",
			in:    strings.Repeat(">", maxNesting+1) + " q",
			want:  strings.Repeat(">", maxNesting) + "q",
			lines: []int{1},
			warn:  "n.md:1: quotes and lists nested",
		},
		{
			name:  "indentation capped",
			in:    "- a\n" + strings.Repeat(" ", maxIndent+10) + "- b\n",
			want:  "- a\n" + strings.Repeat(" ", maxIndent) + "- b\n",
			lines: []int{1, 2},
			warn:  "n.md:2: indented more than 64 columns",
		},
		{
			name:  "tabs count four columns",
			in:    strings.Repeat("\t", maxIndent/4+1) + "x",
			want:  strings.Repeat(" ", maxIndent) + "x",
			lines: []int{1},
			warn:  "n.md:1: indented",
		},
		{
			name:  "long runs broken at a rune",
			in:    "a\n- " + long + "\n",
			want:  "a\n- " + long[:maxRun] + " " + long[maxRun:] + "\n",
			lines: []int{1, 2},
			warn:  "n.md:2: text runs more than 1024 bytes",
		},
		{
			name:  "at a rune's first byte",
			in:    strings.Repeat("가", 400), // 3 bytes each: 1,026 bytes is 342 runes
			want:  strings.Repeat("가", 342) + " " + strings.Repeat("가", 58),
			lines: []int{1},
			warn:  "n.md:1: text runs",
		},
		{
			name:  "a blank line every maxParagraph lines",
			in:    strings.Repeat("> a\n", maxParagraph+1) + "\n" + strings.Repeat("b\n", maxParagraph),
			want:  strings.Repeat("> a\n", maxParagraph) + ">\n> a\n\n" + strings.Repeat("b\n", maxParagraph),
			lines: append(append(seq(1, maxParagraph), maxParagraph+1, maxParagraph+1), seq(maxParagraph+2, 2*maxParagraph+2)...),
			warn:  "n.md:201: more than 200 lines without a blank line",
		},
		{
			name:  "brackets past the limit escaped",
			in:    strings.Repeat("[", maxBrackets) + "\n" + "[[x]]\n\n[y]",
			want:  strings.Repeat("[", maxBrackets) + "\n" + `\[\[x]]` + "\n\n[y]",
			lines: []int{1, 2, 3, 4},
			warn:  "n.md:2: brackets nested more than 32 deep",
		},
		{name: "table rows are not cut", in: "| a |\n|---|\n" + strings.Repeat("| b |\n", maxParagraph+5)},
		{
			name:  "front matter left as it is",
			in:    "---\naliases: [" + long + "]\n---\n" + strings.Repeat("> ", maxNesting+1) + "x\n",
			want:  "---\naliases: [" + long + "]\n---\n" + strings.Repeat("> ", maxNesting) + "x\n",
			lines: []int{1, 2, 3, 4},
			warn:  "n.md:4: quotes and lists",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tame("n.md", []byte(tt.in))
			want := tt.want
			if tt.lines == nil {
				want = tt.in
				if &got.src[0] != &[]byte(tt.in)[0] && !bytes.Equal(got.src, []byte(tt.in)) {
					t.Errorf("tame(%q) changed the note", tt.in)
				}
			}
			if string(got.src) != want {
				t.Errorf("tame(%q) = %q, want %q", tt.in, got.src, want)
			}
			if !equalInts(got.lines, tt.lines) {
				t.Errorf("tame(%q) lines = %v, want %v", tt.in, got.lines, tt.lines)
			}
			switch {
			case tt.warn == "" && len(got.warnings) > 0:
				t.Errorf("tame(%q) warnings = %v, want none", tt.in, got.warnings)
			case tt.warn != "" && (len(got.warnings) == 0 || !strings.HasPrefix(got.warnings[0].Error(), tt.warn)):
				t.Errorf("tame(%q) warnings = %v, want one starting %q", tt.in, got.warnings, tt.warn)
			}
		})
	}
}

// seq is the numbers from a to b.
func seq(a, b int) []int {
	var out []int
	for i := a; i <= b; i++ {
		out = append(out, i)
	}
	return out
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
