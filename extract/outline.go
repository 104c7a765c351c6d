package extract

import (
	"bytes"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	gtext "github.com/yuin/goldmark/text"
	"go.abhg.dev/goldmark/frontmatter"
)

// The outline is what the extractor reads instead of raw Markdown: a note
// cut into sections (headings, bold-only lines, HTML <summary> lines and
// short label lines all open one), each holding paragraphs, quotes and
// lists as plain text with the marks (bold, code, links) that matter for
// naming concepts, and the source line of every piece.

type markKind uint8

const (
	markBold markKind = iota + 1
	markCode
	markLink
	markWiki
)

// mark is a span of marked-up text, as byte offsets into text.s.
type mark struct {
	start, end int
	kind       markKind
}

// text is inline content flattened to a string.
type text struct {
	s     string
	marks []mark
	lines []linePos // where each source line starts in s, ascending
}

type linePos struct{ off, line int }

// lineAt returns the source line of byte offset off in t.s.
func (t *text) lineAt(off int) int {
	if len(t.lines) == 0 {
		return 0
	}
	i := sort.Search(len(t.lines), func(i int) bool { return t.lines[i].off > off })
	if i == 0 {
		return t.lines[0].line
	}
	return t.lines[i-1].line
}

func (t *text) line() int { return t.lineAt(0) }

type blockKind uint8

const (
	blockPara blockKind = iota + 1
	blockQuote
	blockList
	blockTable
)

type block struct {
	kind  blockKind
	text  text    // paragraph and quote
	items []*item // list
	// ordered lists: start is the first number; a list that starts where
	// the previous ordered list of the section stopped continues it.
	ordered bool
	start   int
}

type item struct {
	text     text
	children []*item  // items of the nested lists
	blocks   []*block // other blocks inside the item
}

type sectionKind uint8

const (
	sectionRoot    sectionKind = iota
	sectionHeading             // a Markdown heading
	sectionBold                // a paragraph that is all bold
	sectionSummary             // an HTML <summary>
	sectionLabel               // a short plain line before a list or quote
)

type section struct {
	kind     sectionKind
	level    int // heading level; 7 for the pseudo-headings
	title    text
	blocks   []*block
	children []*section
	parent   *section
	group    int // thematic-break group among the parent's children
}

// doc is one parsed note.
type doc struct {
	file    string
	root    *section
	aliases []string // front matter aliases
	title   string   // front matter title
	// warnings are the limits of limits.go the note reached.
	warnings []error
}

var md = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Strikethrough, &frontmatter.Extender{}),
	goldmark.WithParserOptions(parser.WithAutoHeadingID()),
)

// parse turns one note into its outline. src must be valid UTF-8; lines
// maps its lines to the note's (see [tamed]), or is nil.
func parse(file string, src []byte, lines []int) (*doc, error) {
	ctx := parser.NewContext()
	root := md.Parser().Parse(gtext.NewReader(src), parser.WithContext(ctx))
	b := &builder{src: src, lineStarts: lineStarts(src), lines: lines}
	d := &doc{file: file, root: &section{kind: sectionRoot}}
	if fm := frontmatter.Get(ctx); fm != nil {
		var meta struct {
			Title   string `yaml:"title"`
			Aliases any    `yaml:"aliases"`
			Alias   any    `yaml:"alias"`
		}
		if err := fm.Decode(&meta); err != nil {
			return nil, &Error{File: file, Line: 1, Err: errorf("front matter: %v", err)}
		}
		d.title = strings.TrimSpace(meta.Title)
		d.aliases = append(stringList(meta.Aliases), stringList(meta.Alias)...)
	}
	b.cur = d.root
	b.top = d.root
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		b.topBlock(n)
	}
	b.flushPending()
	return d, nil
}

func stringList(v any) []string {
	switch v := v.(type) {
	case string:
		var out []string
		for _, s := range strings.Split(v, ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
		return out
	case []any:
		var out []string
		for _, e := range v {
			out = append(out, stringList(e)...)
		}
		return out
	}
	return nil
}

func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

type builder struct {
	src        []byte
	lineStarts []int
	lines      []int    // the note's line of each line of src, or nil
	top        *section // innermost heading section (or root)
	cur        *section // where blocks go: top or a pseudo-section under it
	pending    *block   // a short paragraph that may turn out to be a label
	// afterLabel is where blocks go once the label section in cur has
	// its one list or quote: a label heads only what follows it.
	afterLabel *section
}

// lineOf returns the 1-based line of byte offset off.
func (b *builder) lineOf(off int) int {
	l := sort.Search(len(b.lineStarts), func(i int) bool { return b.lineStarts[i] > off })
	if b.lines != nil {
		return b.lines[min(l, len(b.lines))-1]
	}
	return l
}

func (b *builder) topBlock(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		b.flushPending()
		t := b.inline(n)
		parent := b.top
		for parent.kind == sectionHeading && parent.level >= n.Level {
			parent = parent.parent
		}
		s := &section{kind: sectionHeading, level: n.Level, title: t}
		b.attach(parent, s)
		b.top, b.cur, b.afterLabel = s, s, nil
	case *ast.ThematicBreak:
		b.flushPending()
		b.top.group++
		b.cur, b.afterLabel = b.top, nil
	case *ast.Paragraph:
		t := b.inline(n)
		b.flushPending()
		if isAllBold(&t) {
			b.pseudo(sectionBold, trimBold(t))
			return
		}
		if isLabelCandidate(&t) {
			b.pending = &block{kind: blockPara, text: t}
			return
		}
		b.add(&block{kind: blockPara, text: t})
	case *ast.HTMLBlock:
		b.flushPending()
		b.html(n)
	case *ast.Blockquote, *ast.List, *ast.TextBlock:
		if b.pending != nil {
			// A short line right before a list or quote heads it.
			p := b.pending
			b.pending = nil
			b.pseudo(sectionLabel, p.text)
		}
		for _, blk := range b.blocks(n) {
			b.add(blk)
		}
	default:
		if n.Kind().String() == "Table" {
			if b.pending != nil {
				p := b.pending
				b.pending = nil
				b.pseudo(sectionLabel, p.text)
			}
			b.add(b.table(n))
			return
		}
		b.flushPending()
		// Code blocks and anything else carry no concepts.
	}
}

func (b *builder) flushPending() {
	if b.pending != nil {
		b.add(b.pending)
		b.pending = nil
	}
}

func (b *builder) attach(parent, s *section) {
	s.parent = parent
	s.group = parent.group
	parent.children = append(parent.children, s)
}

// pseudo opens a section below the innermost heading, closing the previous
// pseudo-section.
func (b *builder) pseudo(kind sectionKind, title text) {
	s := &section{kind: kind, level: 7, title: title}
	b.attach(b.top, s)
	b.afterLabel = nil
	if _, isLabel := labelTitle(cleanTitle(title.s)); isLabel && kind != sectionSummary {
		s.kind = sectionLabel
		b.afterLabel = b.cur
	}
	b.cur = s
}

func (b *builder) add(blk *block) {
	b.cur.blocks = append(b.cur.blocks, blk)
	if b.afterLabel != nil {
		b.cur, b.afterLabel = b.afterLabel, nil
	}
}

var (
	summaryRe = regexp.MustCompile(`(?is)<summary[^>]*>(.*?)</summary>`)
	tagRe     = regexp.MustCompile(`(?s)<[^>]*>`)
)

// html reads an HTML block: a <summary> opens a section titled by its
// text; other markup is dropped.
func (b *builder) html(n *ast.HTMLBlock) {
	var raw bytes.Buffer
	lines := n.Lines()
	start := 0
	if lines.Len() > 0 {
		start = lines.At(0).Start
	}
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		raw.Write(seg.Value(b.src))
	}
	if n.HasClosure() {
		raw.Write(n.ClosureLine.Value(b.src))
	}
	s := raw.String()
	for _, m := range summaryRe.FindAllStringSubmatchIndex(s, -1) {
		inner := s[m[2]:m[3]]
		inner = strings.TrimSpace(unescapeHTML(tagRe.ReplaceAllString(inner, "")))
		if inner == "" {
			continue
		}
		line := b.lineOf(start + m[2])
		b.pseudo(sectionSummary, text{s: inner, lines: []linePos{{0, line}}})
	}
}

var htmlEntities = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&#39;", "'", "&nbsp;", " ")

func unescapeHTML(s string) string { return htmlEntities.Replace(s) }

// blocks converts a block node (and, for a blockquote, what it holds).
func (b *builder) blocks(n ast.Node) []*block {
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		return []*block{{kind: blockPara, text: b.inline(n)}}
	case *ast.Blockquote:
		var out []*block
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			for _, blk := range b.blocks(c) {
				if blk.kind == blockPara {
					blk.kind = blockQuote
				}
				out = append(out, blk)
			}
		}
		return out
	case *ast.List:
		blk := &block{kind: blockList, ordered: n.IsOrdered(), start: n.Start}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if li, ok := c.(*ast.ListItem); ok {
				blk.items = append(blk.items, b.item(li))
			}
		}
		return []*block{blk}
	}
	if n.Kind().String() == "Table" {
		return []*block{b.table(n)}
	}
	return nil
}

// item reads a list item iteratively over its first text and nested lists;
// deep nesting is walked with an explicit stack, not recursion.
func (b *builder) item(li *ast.ListItem) *item {
	type frame struct {
		node *ast.ListItem
		it   *item
	}
	rootItem := &item{}
	stack := []frame{{li, rootItem}}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		first := true
		var nested []frame
		for c := f.node.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Paragraph, *ast.TextBlock:
				t := b.inline(c)
				// One item is one statement, however it wraps.
				t.s = strings.ReplaceAll(t.s, "\n", " ")
				if first {
					f.it.text = t
					first = false
				} else if len(f.it.children) == 0 && len(f.it.blocks) == 0 && !endsSentence(f.it.text.s) {
					// "- UDP와 TCP 포트 53번\n\n  을 사용": one statement over two paragraphs.
					f.it.text = joinText(f.it.text, t)
				} else {
					f.it.blocks = append(f.it.blocks, &block{kind: blockPara, text: t})
				}
			case *ast.List:
				first = false
				for gc := c.FirstChild(); gc != nil; gc = gc.NextSibling() {
					if gli, ok := gc.(*ast.ListItem); ok {
						child := &item{}
						f.it.children = append(f.it.children, child)
						nested = append(nested, frame{gli, child})
					}
				}
			default:
				first = false
				f.it.blocks = append(f.it.blocks, b.blocks(c)...)
			}
		}
		for i := len(nested) - 1; i >= 0; i-- {
			stack = append(stack, nested[i])
		}
	}
	return rootItem
}

func (b *builder) table(n ast.Node) *block {
	blk := &block{kind: blockTable}
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			t := b.inline(cell)
			if strings.TrimSpace(t.s) != "" {
				blk.items = append(blk.items, &item{text: t})
			}
		}
	}
	return blk
}

func joinText(a, b text) text {
	off := len(a.s) + 1
	out := text{s: a.s + " " + b.s, marks: slices.Clone(a.marks), lines: slices.Clone(a.lines)}
	for _, m := range b.marks {
		out.marks = append(out.marks, mark{m.start + off, m.end + off, m.kind})
	}
	for _, l := range b.lines {
		out.lines = append(out.lines, linePos{l.off + off, l.line})
	}
	return out
}

// inline flattens the inline content of n. Soft line breaks become "\n".
func (b *builder) inline(n ast.Node) text {
	var t text
	var sb strings.Builder
	lastLine := -1
	note := func(off int) {
		if l := b.lineOf(off); l != lastLine {
			t.lines = append(t.lines, linePos{sb.Len(), l})
			lastLine = l
		}
	}
	if n.Lines().Len() > 0 {
		note(n.Lines().At(0).Start)
	}
	type frame struct {
		n     ast.Node
		exit  bool
		start int
	}
	stack := []frame{}
	for c := n.LastChild(); c != nil; c = c.PreviousSibling() {
		stack = append(stack, frame{n: c})
	}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if f.exit {
			kind := markBold
			switch f.n.(type) {
			case *ast.Link:
				kind = markLink
			case *ast.CodeSpan:
				kind = markCode
			}
			if sb.Len() > f.start {
				t.marks = append(t.marks, mark{f.start, sb.Len(), kind})
			}
			continue
		}
		switch c := f.n.(type) {
		case *ast.Text:
			note(c.Segment.Start)
			sb.Write(c.Segment.Value(b.src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				sb.WriteByte('\n')
			}
			continue
		case *ast.String:
			sb.Write(c.Value)
			continue
		case *ast.CodeSpan:
			start := sb.Len()
			for gc := c.FirstChild(); gc != nil; gc = gc.NextSibling() {
				if tx, ok := gc.(*ast.Text); ok {
					note(tx.Segment.Start)
					sb.Write(tx.Segment.Value(b.src))
				} else if s, ok := gc.(*ast.String); ok {
					sb.Write(s.Value)
				}
			}
			if sb.Len() > start {
				t.marks = append(t.marks, mark{start, sb.Len(), markCode})
			}
			continue
		case *ast.Image, *ast.RawHTML:
			continue
		case *ast.AutoLink:
			continue
		case *ast.Emphasis:
			if c.Level < 2 {
				break
			}
			stack = append(stack, frame{n: c, exit: true, start: sb.Len()})
		case *ast.Link:
			if !bytes.HasPrefix(c.Destination, []byte("#")) {
				stack = append(stack, frame{n: c, exit: true, start: sb.Len()})
			}
		}
		for gc := f.n.LastChild(); gc != nil; gc = gc.PreviousSibling() {
			stack = append(stack, frame{n: gc})
		}
	}
	t.s = sb.String()
	markWikilinks(&t)
	slices.SortFunc(t.marks, func(a, b mark) int { return a.start - b.start })
	return t
}

var wikiRe = regexp.MustCompile(`\[\[([^\[\]|#\n]+)(?:#[^\[\]|\n]*)?(?:\|([^\[\]\n]*))?\]\]`)

// markWikilinks rewrites Obsidian [[Target|label]] links to their target
// text, marked as a wikilink.
func markWikilinks(t *text) {
	if !strings.Contains(t.s, "[[") {
		return
	}
	locs := wikiRe.FindAllStringSubmatchIndex(t.s, -1)
	if locs == nil {
		return
	}
	var sb strings.Builder
	var marks []mark
	prev := 0
	type edit struct{ from, to, delta int }
	var edits []edit
	for _, m := range locs {
		sb.WriteString(t.s[prev:m[0]])
		target := strings.TrimSpace(t.s[m[2]:m[3]])
		start := sb.Len()
		sb.WriteString(target)
		marks = append(marks, mark{start, sb.Len(), markWiki})
		edits = append(edits, edit{m[0], m[1], len(target) - (m[1] - m[0])})
		prev = m[1]
	}
	sb.WriteString(t.s[prev:])
	// cum[i] is the shift of every offset at or after edits[i].to.
	cum := make([]int, len(edits))
	d := 0
	for i, e := range edits {
		d += e.delta
		cum[i] = d
	}
	moved := func(off int) int {
		// The edits before off shift it; an offset inside a link moves
		// to the link's start.
		i := sort.Search(len(edits), func(i int) bool { return edits[i].to > off })
		shift := 0
		if i > 0 {
			shift = cum[i-1]
		}
		if i < len(edits) && off > edits[i].from {
			return edits[i].from + shift
		}
		return off + shift
	}
	for i := range t.marks {
		t.marks[i].start, t.marks[i].end = moved(t.marks[i].start), moved(t.marks[i].end)
	}
	for i := range t.lines {
		t.lines[i].off = moved(t.lines[i].off)
	}
	t.marks = append(t.marks, marks...)
	t.s = sb.String()
}

// isAllBold reports whether the paragraph is one bold span, optionally
// followed by a colon.
func isAllBold(t *text) bool {
	s := strings.TrimRight(t.s, " \t\n:：")
	if s == "" || strings.Contains(strings.TrimSpace(s), "\n") {
		return false
	}
	for _, m := range t.marks {
		if m.kind == markBold && strings.TrimSpace(t.s[:m.start]) == "" && strings.TrimSpace(strings.TrimRight(t.s[m.end:], " \t\n:：")) == "" {
			return true
		}
	}
	return false
}

// trimBold returns the title text of an all-bold paragraph.
func trimBold(t text) text {
	t.s = strings.TrimRight(strings.TrimSpace(t.s), ":：")
	t.s = strings.TrimSpace(t.s)
	t.marks = nil
	return t
}

// isLabelCandidate reports whether a paragraph is short enough to head the
// list or quote that may follow it.
func isLabelCandidate(t *text) bool {
	s := strings.TrimSpace(t.s)
	if s == "" || strings.Contains(s, "\n") || utf8.RuneCountInString(s) > 40 {
		return false
	}
	return !endsSentence(s) || strings.HasSuffix(s, ":")
}

// endsSentence reports whether s ends like a finished sentence.
func endsSentence(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '.', '!', '?', '。', '！', '？':
		return true
	}
	return strings.HasSuffix(s, "다") || strings.HasSuffix(s, "요")
}
