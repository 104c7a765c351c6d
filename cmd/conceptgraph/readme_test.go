package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// readmeFile is the README whose examples TestREADMEExamples runs.
const readmeFile = "../../README.md"

// readmeBlock is a fenced code block of the README holding examples: the
// lines before its first "$ conceptgraph" line, then the examples.
type readmeBlock struct {
	start, end int // the lines inside the fence: lines[start:end]
	prefix     []string
	examples   []readmeExample
}

// readmeExample is a "$ conceptgraph …" line and the output shown under
// it, up to the next "$ " line or the end of the block.
type readmeExample struct {
	line    int // 1-based, for messages
	command string
	shown   []string
}

// readmeBlocks finds the README's code blocks with examples.
func readmeBlocks(lines []string) []readmeBlock {
	var blocks []readmeBlock
	for i := 0; i < len(lines); i++ {
		if !strings.HasPrefix(lines[i], "```") {
			continue
		}
		b := readmeBlock{start: i + 1}
		j := i + 1
		for j < len(lines) && !strings.HasPrefix(lines[j], "```") {
			j++
		}
		b.end = j
		var ex *readmeExample
		for k := b.start; k < b.end; k++ {
			l := lines[k]
			switch {
			case strings.HasPrefix(l, "$ conceptgraph"):
				b.examples = append(b.examples, readmeExample{line: k + 1, command: strings.TrimPrefix(l, "$ ")})
				ex = &b.examples[len(b.examples)-1]
			case ex != nil:
				ex.shown = append(ex.shown, l)
			default:
				b.prefix = append(b.prefix, l)
			}
		}
		for i := range b.examples {
			b.examples[i].shown = trimBlank(b.examples[i].shown)
		}
		if len(b.examples) > 0 {
			blocks = append(blocks, b)
		}
		i = j
	}
	return blocks
}

func trimBlank(lines []string) []string {
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// shellWords splits a command line as a shell would for the README's
// examples: words, "double" or 'single' quoted. Pipes, redirections and
// the like are refused: an example is one command.
func shellWords(s string) ([]string, error) {
	var words []string
	var w strings.Builder
	inWord := false
	var quote rune
	for _, r := range s {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			} else {
				w.WriteRune(r)
			}
		case r == '"' || r == '\'':
			quote, inWord = r, true
		case r == ' ' || r == '\t':
			if inWord {
				words = append(words, w.String())
				w.Reset()
				inWord = false
			}
		case strings.ContainsRune("|&;<>()$`\\*?", r):
			return nil, fmt.Errorf("%q: an example is one plain command, without %q", s, r)
		default:
			w.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 {
		return nil, fmt.Errorf("%q: unclosed quote", s)
	}
	if inWord {
		words = append(words, w.String())
	}
	return words, nil
}

// Every "$ conceptgraph …" example in the README runs on the built-in
// sample and prints what the README shows under it. As the extractor
// changes, go test -run README -update rewrites the shown output from
// the real commands.
func TestREADMEExamples(t *testing.T) {
	data, err := os.ReadFile(readmeFile)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	blocks := readmeBlocks(lines)
	if len(blocks) == 0 {
		t.Fatalf("%s has no examples (code blocks with \"$ conceptgraph\" lines)", readmeFile)
	}
	kinds := map[string]bool{}
	for bi, b := range blocks {
		for ei, ex := range b.examples {
			words, err := shellWords(ex.command)
			if err != nil {
				t.Fatalf("README.md:%d: %v", ex.line, err)
			}
			args := words[1:]
			if len(args) == 0 || args[0] == "serve" {
				t.Fatalf("README.md:%d: %q does not print and return; show a command that does", ex.line, ex.command)
			}
			kinds[args[0]] = true
			var stdout, stderr bytes.Buffer
			code := run(args, &stdout, &stderr)
			if strings.Contains(stderr.String(), "no such file or directory") {
				t.Errorf("README.md:%d: %q reads notes that are not shipped; examples run on the built-in sample: %s", ex.line, ex.command, stderr.String())
			}
			got := trimBlank(strings.Split(stdout.String()+stderr.String(), "\n"))
			if *update {
				blocks[bi].examples[ei].shown = got
				continue
			}
			if diff := cmp.Diff(ex.shown, got); diff != "" {
				t.Errorf("README.md:%d: %s (exit %d) prints otherwise than shown (-README +got); go test ./cmd/conceptgraph -run README -update rewrites it:\n%s", ex.line, ex.command, code, diff)
			}
		}
	}
	for _, want := range []string{"prereq", "path"} {
		if !kinds[want] {
			t.Errorf("the README shows no example of %s", want)
		}
	}
	if *update {
		if err := os.WriteFile(readmeFile, []byte(rewriteREADME(lines, blocks)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// rewriteREADME returns the README with each example block's output as
// the blocks now have it, one blank line between examples.
func rewriteREADME(lines []string, blocks []readmeBlock) string {
	var out []string
	at := 0
	for _, b := range blocks {
		out = append(out, lines[at:b.start]...)
		out = append(out, b.prefix...)
		for i, ex := range b.examples {
			if i > 0 {
				out = append(out, "")
			}
			out = append(out, "$ "+ex.command)
			out = append(out, ex.shown...)
		}
		at = b.end
	}
	out = append(out, lines[at:]...)
	return strings.Join(out, "\n")
}

func TestShellWords(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []string
		err  bool
	}{
		{`conceptgraph path "Type-1 가상화" 도커`, []string{"conceptgraph", "path", "Type-1 가상화", "도커"}, false},
		{`conceptgraph prereq 'In-Memory DB' --format json`, []string{"conceptgraph", "prereq", "In-Memory DB", "--format", "json"}, false},
		{`conceptgraph  extract`, []string{"conceptgraph", "extract"}, false},
		{`conceptgraph extract | head`, nil, true},
		{`conceptgraph export -o x > y`, nil, true},
		{`conceptgraph prereq "도커`, nil, true},
	} {
		got, err := shellWords(tt.in)
		if (err != nil) != tt.err || !cmp.Equal(got, tt.want) {
			t.Errorf("shellWords(%q) = %q, %v; want %q (error %t)", tt.in, got, err, tt.want, tt.err)
		}
	}
}
