package extract

import (
	"bytes"
	"fmt"
)

// goldmark takes time quadratic in some shapes of input: lists and quotes
// nested thousands deep (every line walks every open container), and long
// runs without a space in which "](" opens a link destination that never
// closes (each one scans to the end of the run). No note a person writes
// has these shapes at a size that matters, so a note is tamed before it is
// parsed (and paragraphs of thousands of lines, whose links each look
// back over every line, and brackets nested thousands deep, which each
// look back over every bracket still open): past the limits below its structure is flattened, with a warning
// naming the first line where that happened, and the rest is read as
// usual. Every note is then parsed in time linear in its size.
const (
	// maxNesting is the deepest nesting of quotes and list items read;
	// markers past it on a line are dropped, so deeper items join the
	// deepest list read.
	maxNesting = 32
	// maxIndent is the widest leading indentation read, in columns;
	// lines indented further are indented this far (a list nested by
	// indentation ends at about maxIndent/2 levels).
	maxIndent = 64
	// maxRun is the longest run of text without a space read as one;
	// longer runs are broken with a space.
	maxRun = 1 << 10
	// maxBrackets is the deepest nesting of "[" read in a paragraph; an
	// opening bracket past it is escaped ("\\[") and read as text.
	maxBrackets = 32
	// maxParagraph is the most lines read as one paragraph: a blank line
	// is read after every maxParagraph lines without one (table rows,
	// which a blank line would end, excepted).
	maxParagraph = 200
)

// tamed is a note's source as goldmark is given it.
type tamed struct {
	src []byte
	// lines maps each line of src (0-based) to its 1-based line in the
	// note; nil when src is the note unchanged.
	lines    []int
	warnings []error
}

// tame applies the limits above to src, which has "\n" line ends. Front
// matter is left as it is. When no limit is reached, src is returned as
// it is, without a copy.
func tame(file string, src []byte) tamed {
	body := frontMatterEnd(src)
	if !needsTaming(src[body:]) {
		return tamed{src: src}
	}
	out := make([]byte, 0, len(src)+len(src)/64)
	out = append(out, src[:body]...)
	var lines []int
	for i := range bytes.Count(src[:body], []byte{'\n'}) {
		lines = append(lines, i+1)
	}
	warned := map[string]bool{}
	var warnings []error
	warn := func(line int, format string, args ...any) {
		if !warned[format] {
			warned[format] = true
			warnings = append(warnings, &Error{File: file, Line: line, Err: fmt.Errorf(format, args...)})
		}
	}
	line := len(lines)
	run := 0      // lines since the last blank line
	brackets := 0 // "[" open in the paragraph
	for rest := src[body:]; len(rest) > 0; {
		var l []byte
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			l, rest = rest[:i], rest[i+1:]
		} else {
			l, rest = rest, nil
		}
		line++
		p := parsePrefix(l)
		if p.indent > maxIndent {
			warn(line, "indented more than %d columns; read as if indented %d", maxIndent, maxIndent)
			l = append(bytes.Repeat([]byte{' '}, maxIndent), l[p.indentEnd:]...)
			p = parsePrefix(l)
		}
		if p.markers > maxNesting {
			warn(line, "quotes and lists nested more than %d deep; read as %d deep", maxNesting, maxNesting)
			l = append(l[:p.keepEnd:p.keepEnd], l[p.end:]...)
			p = parsePrefix(l)
		}
		switch content := bytes.TrimSpace(l[p.end:]); {
		case len(content) == 0:
			run, brackets = 0, 0
		case content[0] == '|':
		case run == maxParagraph:
			warn(line, "more than %d lines without a blank line; read as if there were one every %d", maxParagraph, maxParagraph)
			out = append(out, quoteMarkers(l[:p.end])...)
			out = append(out, '\n')
			lines = append(lines, line)
			run, brackets = 1, 0
		default:
			run++
		}
		out = append(out, l[:p.end]...)
		lines = append(lines, line)
		broken, escaped := appendContent(&out, l[p.end:], &brackets)
		if broken > 0 {
			warn(line, "text runs more than %d bytes without a space; broken with spaces", maxRun)
		}
		if escaped > 0 {
			warn(line, "brackets nested more than %d deep; the deeper ones read as text", maxBrackets)
		}
		out = append(out, '\n')
	}
	if len(src) > 0 && src[len(src)-1] != '\n' {
		out = out[:len(out)-1]
	}
	return tamed{src: out, lines: lines, warnings: warnings}
}

// needsTaming reports whether any limit is reached in src.
func needsTaming(src []byte) bool {
	run, lines, brackets := 0, 0, 0
	atLineStart := true
	for i := 0; i < len(src); i++ {
		if atLineStart {
			p := parsePrefix(src[i:min(len(src), i+maxIndent*4+maxNesting*12)])
			if p.indent > maxIndent || p.markers > maxNesting {
				return true
			}
			atLineStart = false
			j := i + p.end
			for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
				j++
			}
			switch {
			case j == len(src) || src[j] == '\n':
				lines, brackets = 0, 0
			case src[j] == '|':
			default:
				if lines++; lines > maxParagraph {
					return true
				}
			}
		}
		switch c := src[i]; c {
		case '\n':
			atLineStart = true
			run = 0
		case ' ', '\t':
			run = 0
		case '[':
			if brackets++; brackets > maxBrackets {
				return true
			}
			run++
		case ']':
			brackets = max(0, brackets-1)
			run++
		default:
			if run++; run > maxRun {
				return true
			}
		}
	}
	return false
}

// appendContent appends a line's content s to out, with a space inserted
// into every run of more than maxRun bytes without a space (at a rune
// boundary), and a backslash before every "[" that would nest deeper than
// maxBrackets. brackets is the depth of "[" open before s, and after it on
// return. It returns how many spaces and backslashes it inserted.
func appendContent(out *[]byte, s []byte, brackets *int) (broken, escaped int) {
	run, from := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' || s[i] == '\t' {
			run = 0
			continue
		}
		// Only at a rune's first byte: UTF-8 continuation bytes are
		// 10xxxxxx.
		if run >= maxRun && s[i]&0xC0 != 0x80 {
			*out = append(*out, s[from:i]...)
			*out = append(*out, ' ')
			from, run = i, 0
			broken++
		}
		run++
		switch s[i] {
		case '[':
			if *brackets == maxBrackets {
				*out = append(*out, s[from:i]...)
				*out = append(*out, '\\')
				from = i
				escaped++
			} else {
				*brackets++
			}
		case ']':
			*brackets = max(0, *brackets-1)
		}
	}
	*out = append(*out, s[from:]...)
	return broken, escaped
}

// quoteMarkers is prefix with everything but its quote markers dropped:
// a blank line there stays inside the quotes.
func quoteMarkers(prefix []byte) []byte {
	var out []byte
	for _, c := range prefix {
		if c == '>' {
			out = append(out, '>')
		}
	}
	return out
}

// linePrefix is the container prefix of a line: its indentation, quote
// markers and list markers.
type linePrefix struct {
	indent    int // columns of leading white space
	indentEnd int // byte where the leading white space ends
	markers   int // quote and list markers
	keepEnd   int // byte after the maxNesting-th marker and its space
	end       int // byte where the line's content starts
}

// parsePrefix reads the container markers at the start of l: "> ", "- ",
// "* ", "+ ", "1. ", "1) ", with the white space around them.
func parsePrefix(l []byte) linePrefix {
	var p linePrefix
	i, col := 0, 0
	space := func() {
		for i < len(l) && (l[i] == ' ' || l[i] == '\t') {
			if l[i] == '\t' {
				col += 4 - col%4
			} else {
				col++
			}
			i++
		}
	}
	space()
	p.indent, p.indentEnd = col, i
	for {
		n := markerLen(l[i:])
		if n == 0 {
			break
		}
		i += n
		col += n
		space()
		p.markers++
		if p.markers == maxNesting {
			p.keepEnd = i
		}
	}
	if p.markers <= maxNesting {
		p.keepEnd = i
	}
	p.end = i
	return p
}

// markerLen is the length of the quote or list marker that l starts with,
// or 0.
func markerLen(l []byte) int {
	if len(l) == 0 {
		return 0
	}
	spaceAt := func(j int) bool { return j == len(l) || l[j] == ' ' || l[j] == '\t' }
	switch c := l[0]; {
	case c == '>':
		return 1
	case c == '-' || c == '*' || c == '+':
		if spaceAt(1) {
			return 1
		}
	case c >= '0' && c <= '9':
		j := 1
		for j < len(l) && j < 9 && l[j] >= '0' && l[j] <= '9' {
			j++
		}
		if j < len(l) && (l[j] == '.' || l[j] == ')') && spaceAt(j+1) {
			return j + 1
		}
	}
	return 0
}

// frontMatterEnd is the byte where a note's YAML front matter ("---" lines
// at the very start) ends, or 0.
func frontMatterEnd(src []byte) int {
	if !bytes.HasPrefix(src, []byte("---\n")) {
		return 0
	}
	for i := 4; i < len(src); {
		j := bytes.IndexByte(src[i:], '\n')
		end := len(src)
		if j >= 0 {
			end = i + j
		}
		if l := bytes.TrimRight(src[i:end], " \t"); bytes.Equal(l, []byte("---")) || bytes.Equal(l, []byte("...")) {
			return min(len(src), end+1)
		}
		if j < 0 {
			break
		}
		i = end + 1
	}
	return 0
}
