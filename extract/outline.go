package extract

import (
	"bytes"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	gtext "github.com/yuin/goldmark/text"
	"go.abhg.dev/goldmark/frontmatter"
	"go.yaml.in/yaml/v3"
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
	markItalic // "*DNS*: …": a term only where a term is expected
)

// mark is a span of marked-up text, as byte offsets into text.s.
type mark struct {
	start, end int
	kind       markKind
	// target is what a wikilink links to ("Transactions" in
	// "[[Transactions|트랜잭션]]"); the text shows the link's label.
	target string
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

// split returns t's lines, each a text of its own.
func (t *text) split() []text {
	var out []text
	for start := 0; start < len(t.s); {
		end := strings.IndexByte(t.s[start:], '\n')
		if end < 0 {
			end = len(t.s)
		} else {
			end += start
		}
		if strings.TrimSpace(t.s[start:end]) != "" {
			out = append(out, text{s: t.s[start:end], marks: marksIn(t, start, end), lines: []linePos{{0, t.lineAt(start)}}})
		}
		start = end + 1
	}
	return out
}

type blockKind uint8

const (
	blockPara blockKind = iota + 1
	blockQuote
	blockList
	blockTable
)

type block struct {
	kind  blockKind
	text  text     // paragraph and quote
	items []*item  // list
	rows  [][]text // table: its cells, the header row first
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
	// A note's front matter met in the middle of a file (notes joined
	// into one) opens a section: its aliases and its description.
	aliases  []string
	tags     []string
	meta     string
	metaLine int
}

// doc is one parsed note.
type doc struct {
	file    string
	root    *section
	aliases []string // front matter aliases
	title   string   // front matter title
	h1      string   // the first level-1 heading
	h1s     int      // how many level-1 headings there are
	tags    []string // front matter tags
	// desc is the front matter's description when it reads as prose,
	// at line descLine.
	desc     string
	descLine int
	// warnings are the limits of limits.go the note reached.
	warnings []error
	// seen is what its first reading worked out of its text for the
	// second (see readMemo).
	seen readMemo
}

var md = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Strikethrough, &frontmatter.Extender{}),
	goldmark.WithParserOptions(parser.WithAutoHeadingID()),
)

// mdPlain is md without front matter, for a note whose first line is no
// front matter fence: the extension takes any run of dashes for one, and
// "-----" over a heading is a rule ("-----", "### A vs B", "-----").
var mdPlain = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Strikethrough),
	goldmark.WithParserOptions(parser.WithAutoHeadingID()),
)

// fenced reports whether src opens with a front matter fence: "---" or
// "+++" alone on the first line.
func fenced(src []byte) bool {
	line, _, _ := bytes.Cut(src, []byte("\n"))
	line = bytes.TrimRight(line, " \t\r")
	return bytes.Equal(line, []byte("---")) || bytes.Equal(line, []byte("+++"))
}

// parse turns one note into its outline. src must be valid UTF-8; lines
// maps its lines to the note's (see [tamed]), or is nil.
func parse(file string, src []byte, lines []int) (*doc, error) {
	src, metas := noteBlocks(src)
	ctx := parser.NewContext()
	p := mdPlain.Parser()
	if fenced(src) {
		p = md.Parser()
	}
	root := p.Parse(gtext.NewReader(src), parser.WithContext(ctx))
	b := &builder{src: src, lineStarts: lineStarts(src), lines: lines, metas: metas}
	d := &doc{file: file, root: &section{kind: sectionRoot}}
	if fm := frontmatter.Get(ctx); fm != nil {
		var meta metaFields
		if err := fm.Decode(&meta); err != nil {
			return nil, &Error{File: file, Line: 1, Err: errorf("front matter: %v", err)}
		}
		d.title = strings.TrimSpace(meta.Title)
		d.aliases = meta.names()
		d.tags = tagList(append(stringList(meta.Tags), stringList(meta.Tag)...))
		d.desc, d.descLine = meta.description(frontMatter(src), 2)
	}
	b.cur = d.root
	b.top = d.root
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		b.topBlock(n)
	}
	b.flushPending()
	d.h1, d.h1s = b.h1, b.h1s
	return d, nil
}

// tagList cleans tags as Obsidian writes them: "#db", "db", "db/sql",
// separated by commas or spaces.
func tagList(in []string) []string {
	var out []string
	for _, t := range in {
		for _, f := range strings.Fields(t) {
			if f = strings.Trim(f, "#,"); f != "" && !slices.Contains(out, f) {
				out = append(out, f)
			}
		}
	}
	return out
}

// hashTagRe finds inline tags: "#database", "#db/sql", not "#1" or a
// heading.
var hashTagRe = regexp.MustCompile(`(?:^|[\s(])#([\p{L}\p{N}_/-]*[\p{L}_/-][\p{L}\p{N}_/-]*)`)

// inlineTags returns the tags written in s.
func inlineTags(s string) []string {
	if !strings.Contains(s, "#") {
		return nil
	}
	var out []string
	for _, m := range hashTagRe.FindAllStringSubmatch(s, -1) {
		if !slices.Contains(out, m[1]) {
			out = append(out, m[1])
		}
	}
	return out
}

// blockTags returns the inline tags of a block's text, its items' and
// its cells'.
func blockTags(b *block) []string {
	tags := inlineTags(b.text.s)
	var walk func(its []*item)
	walk = func(its []*item) {
		for _, it := range its {
			tags = append(tags, inlineTags(it.text.s)...)
			walk(it.children)
			for _, bb := range it.blocks {
				tags = append(tags, blockTags(bb)...)
			}
		}
	}
	walk(b.items)
	for _, row := range b.rows {
		for _, c := range row {
			tags = append(tags, inlineTags(c.s)...)
		}
	}
	return tags
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
	h1         string
	h1s        int
	metas      map[int]noteMeta // joined notes' front matter, by line
	// hard holds, for the text inline returned last, whether each of
	// its line breaks is a hard one ("  " or "\\" ending the line).
	hard []bool
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
		if meta, ok := b.metas[t.line()]; ok {
			// A joined note's front matter: a level-1 section of its own.
			s := &section{kind: sectionHeading, level: 0, title: meta.title, aliases: meta.aliases, tags: meta.tags, meta: meta.desc, metaLine: meta.descLine}
			parent := b.top
			for parent.kind == sectionHeading {
				parent = parent.parent
			}
			b.attach(parent, s)
			b.top, b.cur, b.afterLabel = s, s, nil
			return
		}
		if n.Level == 1 {
			if b.h1 == "" {
				b.h1 = t.s
			}
			b.h1s++
		}
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
		if t = dropMarkerLines(t); strings.TrimSpace(t.s) == "" {
			return
		}
		if isAllBold(&t) {
			b.pseudo(sectionBold, trimBold(t))
			return
		}
		if q, rest, ok := questionLine(t); ok {
			// "**Q:** What is CSRF?" heads its answer, on the next line
			// or in the next paragraph ("**A:** …").
			b.pseudo(sectionBold, trimBold(q))
			if strings.TrimSpace(rest.s) != "" {
				b.add(&block{kind: blockPara, text: dropAnswerLabel(rest)})
			}
			return
		}
		if b.cur.kind == sectionBold && questionLabelled(b.cur.title.s) {
			t = dropAnswerLabel(t)
		}
		if items := linkLines(t); items != nil {
			// "[[MongoDB]]⏎[[Couchbase]]⏎…": a list written without
			// markers.
			b.add(&block{kind: blockList, items: items})
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
	case *ast.Blockquote:
		blks := b.blocks(n)
		if len(blks) > 0 && blks[0].kind == blockQuote {
			// An Obsidian callout: "> [!note] Title" heads the quote.
			if title, rest, ok := calloutTitle(blks[0].text); ok {
				blks[0].text = rest
				if strings.TrimSpace(rest.s) == "" {
					blks = blks[1:]
				}
				if strings.TrimSpace(title.s) != "" {
					b.flushPending()
					b.pseudo(sectionLabel, title)
				}
			}
		}
		// A quote right under a title is its definition ("**DAS**", "> 서버와
		// 저장 장치를 직접 연결"); later, a short one alone is a title.
		// (A question is no definition: "> X란 무엇인가요?" heads its answer.)
		titled := b.pending == nil && len(b.cur.blocks) == 0 && b.cur.kind != sectionRoot && !(len(blks) > 0 && (questionQuote(&blks[0].text) || namedByTitle(&blks[0].text, b.cur.title.s)))
		if len(blks) == 1 && blks[0].kind == blockQuote && quoteTitle(&blks[0].text) && !titled {
			// "> 로드 밸런싱 알고리즘" alone: a label for what follows.
			b.flushPending()
			b.pending = &block{kind: blockPara, text: blks[0].text}
			return
		}
		if b.pending != nil {
			p := b.pending
			b.pending = nil
			b.pseudo(sectionLabel, p.text)
		}
		if len(blks) > 1 && blks[0].kind == blockQuote && quoteTitle(&blks[0].text) && !titled {
			// "> 패킷(Packet)?" over the quote's list: its title.
			b.pseudo(sectionLabel, blks[0].text)
			blks = blks[1:]
		}
		for _, blk := range blks {
			b.add(blk)
		}
	case *ast.List, *ast.TextBlock:
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
// text; a <table> is a table; a definition list's terms (<dt>) open
// sections and its descriptions and list items are text; other markup is
// dropped.
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
	at := func(off int) text { return text{lines: []linePos{{0, b.lineOf(start + off)}}} }
	if tableRe.MatchString(s) {
		blk := &block{kind: blockTable}
		for _, row := range rowRe.FindAllStringSubmatchIndex(s, -1) {
			var cells []text
			for _, c := range cellRe.FindAllStringSubmatchIndex(s[row[2]:row[3]], -1) {
				t := at(row[2] + c[2])
				t.s = htmlText(s[row[2]+c[2] : row[2]+c[3]])
				cells = append(cells, t)
			}
			if len(cells) > 0 {
				blk.rows = append(blk.rows, cells)
			}
		}
		if len(blk.rows) > 0 {
			b.add(blk)
		}
		return
	}
	if strings.Contains(s, "<dt") || strings.Contains(s, "<li") {
		b.htmlList(s, start)
		return
	}
	ms := summaryRe.FindAllStringSubmatchIndex(s, -1)
	for i, m := range ms {
		inner := s[m[2]:m[3]]
		inner = strings.TrimSpace(unescapeHTML(tagRe.ReplaceAllString(inner, "")))
		if inner == "" {
			continue
		}
		line := b.lineOf(start + m[2])
		b.pseudo(sectionSummary, text{s: inner, lines: []linePos{{0, line}}})
		// The answer written in the same block, before a blank line
		// ends it: "</summary>", "<hr>", "… 체제입니다."
		end := len(s)
		if i+1 < len(ms) {
			end = ms[i+1][0]
		}
		if t := b.htmlPara(s[m[1]:end], start+m[1]); t.s != "" {
			for _, blk := range listLines(t) {
				b.add(blk)
			}
		}
	}
}

// htmlPara is the text of raw HTML at byte base of the source, tags
// dropped, one line a line, with the source line of each.
func (b *builder) htmlPara(raw string, base int) text {
	var t text
	var sb strings.Builder
	off := 0
	for _, l := range strings.SplitAfter(brRe.ReplaceAllString(raw, "\n"), "\n") {
		at := off
		off += len(l)
		c := collapseSpace(unescapeHTML(tagRe.ReplaceAllString(l, "")))
		if c == "" {
			continue
		}
		if sb.Len() > 0 {
			sb.WriteByte('\n')
		}
		t.lines = append(t.lines, linePos{sb.Len(), b.lineOf(base + at)})
		sb.WriteString(c)
	}
	t.s = sb.String()
	return t
}

// htmlList reads a definition list or list in HTML: a term (<dt>, or a
// <code> or <b> term alone before a <ul>) opens a section, list items are
// items, other text is paragraphs.
func (b *builder) htmlList(s string, start int) {
	var list *block
	var pending strings.Builder
	pendingAt := 0
	flush := func(next string) {
		t := text{s: htmlText(pending.String()), lines: []linePos{{0, b.lineOf(start + pendingAt)}}}
		pending.Reset()
		if strings.TrimSpace(t.s) == "" {
			return
		}
		if next == "ul" || next == "ol" {
			if _, isLabel := labelTitle(cleanTitle(t.s)); isLabel && !strings.Contains(strings.TrimSpace(t.s), "\n") {
				b.pseudo(sectionLabel, t) // "<p>발생조건 <ul>…": a label over its list
				return
			}
			if ns := parseNames(t.s); len(ns) == 1 && nameLike(ns[0].name, true) && !strings.Contains(t.s, "\n") {
				b.pseudo(sectionBold, t) // "<code>ntpd</code>" over its list
				return
			}
		}
		if next == "/summary" {
			b.pseudo(sectionSummary, t) // the question of a <details>: its answer follows
			return
		}
		b.add(&block{kind: blockPara, text: t})
	}
	pos := 0
	for _, m := range htmlTagRe.FindAllStringSubmatchIndex(s, -1) {
		if pending.Len() == 0 {
			pendingAt = pos
		}
		pending.WriteString(s[pos:m[0]])
		pos = m[1]
		closing := s[m[2]:m[3]] == "/"
		tag := lowerCase(s[m[4]:m[5]])
		switch tag {
		case "dt":
			if !closing {
				flush(tag)
				list = nil
				pendingAt = pos
			} else {
				t := text{s: htmlText(pending.String()), lines: []linePos{{0, b.lineOf(start + pendingAt)}}}
				pending.Reset()
				if strings.TrimSpace(t.s) != "" {
					b.pseudo(sectionBold, t)
				}
			}
		case "ul", "ol":
			if !closing {
				flush(tag)
				list = &block{kind: blockList, ordered: tag == "ol"}
				b.add(list)
			} else {
				flush(tag)
				list = nil
			}
		case "li":
			if !closing {
				flush(tag)
				pendingAt = pos
			} else if list != nil {
				t := text{s: htmlText(pending.String()), lines: []linePos{{0, b.lineOf(start + pendingAt)}}}
				pending.Reset()
				if strings.TrimSpace(t.s) != "" {
					list.items = append(list.items, &item{text: t})
				}
			}
		case "summary":
			if closing {
				flush("/summary")
			} else {
				flush(tag)
			}
		case "dd", "p", "div", "br", "dl":
			flush(tag)
		}
	}
	pending.WriteString(s[pos:])
	flush("")
}

var (
	htmlTagRe = regexp.MustCompile(`<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>`)
	tableRe   = regexp.MustCompile(`(?i)<table[\s>]`)
	rowRe     = regexp.MustCompile(`(?is)<tr[^>]*>(.*?)</tr>`)
	cellRe    = regexp.MustCompile(`(?is)<t[dh][^>]*>(.*?)</t[dh]>`)
	brRe      = regexp.MustCompile(`(?i)<(?:p|br|/p|div|/div)[^>]*>`)
)

// htmlText is the text of an HTML fragment, one line per paragraph.
func htmlText(s string) string {
	s = brRe.ReplaceAllString(s, "\n")
	s = unescapeHTML(tagRe.ReplaceAllString(s, ""))
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if l = collapseSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
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
		if it := blk.items; blk.ordered && len(it) == 1 && len(it[0].children) == 0 && len(it[0].blocks) == 0 {
			// "1. API Server 2. Scheduler 3. etcd": a list written on one
			// line, one item to goldmark.
			if parts := inlineNumbered(it[0].text, n.Start+1); parts != nil {
				blk.items = blk.items[:0]
				for _, t := range parts {
					blk.items = append(blk.items, &item{text: t})
				}
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
				t = b.itemLines(t, first)
				if first {
					f.it.text = t
					first = false
				} else if len(f.it.children) == 0 && len(f.it.blocks) == 0 && !endsSentence(f.it.text.s) && continues(t.s) {
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
		var cells []text
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			cells = append(cells, b.inline(cell))
		}
		blk.rows = append(blk.rows, cells)
	}
	return blk
}

// linkLines returns the lines of a paragraph as list items when there are
// two or more and each is one link alone, or nil.
func linkLines(t text) []*item {
	if strings.Count(t.s, "\n") == 0 {
		return nil
	}
	var items []*item
	from := 0
	mi := 0 // t.marks are in the order of their starts
	for from <= len(t.s) {
		end := strings.IndexByte(t.s[from:], '\n')
		if end < 0 {
			end = len(t.s)
		} else {
			end += from
		}
		line := strings.TrimSpace(t.s[from:end])
		lead := from + strings.Index(t.s[from:end], line)
		var link *mark
		for ; mi < len(t.marks) && t.marks[mi].start <= lead; mi++ {
			if m := &t.marks[mi]; (m.kind == markLink || m.kind == markWiki) && m.start == lead && m.end == lead+len(line) {
				link = m
			}
		}
		if line == "" || link == nil {
			return nil
		}
		it := &item{text: text{s: line, lines: []linePos{{0, t.lineAt(lead)}}}}
		it.text.marks = []mark{{0, len(line), link.kind, link.target}}
		items = append(items, it)
		from = end + 1
	}
	return items
}

// itemLines joins the lines of an item's paragraph, t as inline gave it:
// one item is one statement, however it wraps. But an item whose first
// line is only a name, broken off from what follows ("* Pod  ⏎ 컨테이너를
// 담는 가장 작은 단위"), is a term and its description, as "Pod: …" is;
// and a line the writer ended with a hard break ends a statement.
func (b *builder) itemLines(t text, first bool) text {
	if !strings.Contains(t.s, "\n") {
		return t
	}
	var out strings.Builder
	var shifts []int // where a byte was added, in t.s
	k := 0
	last := 0
	for i := 0; i < len(t.s); i++ {
		if t.s[i] != '\n' {
			continue
		}
		hard := k < len(b.hard) && b.hard[k]
		k++
		before := strings.TrimRight(t.s[:i], " ")
		out.WriteString(t.s[last:i])
		last = i + 1
		rest := strings.TrimSpace(t.s[i+1:])
		switch {
		case before == "" || rest == "":
			out.WriteByte(' ')
		case k == 1 && first && termLine(before, hard):
			out.WriteString(": ") // "Pod: …"
			shifts = append(shifts, i)
		case hard && !endsSentence(before) && !strings.ContainsAny(before[len(before)-1:], ",:;("):
			out.WriteString(". ") // a statement ends with its line
			shifts = append(shifts, i)
		case isHangul(lastRune(before)) && !wraps(before, rest):
			// "- HTTP는 TCP를 사용⏎  TLS는 …": Korean notes write a
			// statement a line; the break stays, as in a paragraph.
			out.WriteByte('\n')
		default:
			out.WriteByte(' ')
		}
	}
	out.WriteString(t.s[last:])
	if len(shifts) == 0 {
		t.s = out.String()
		return t
	}
	moved := func(off int) int {
		n := 0
		for _, at := range shifts {
			if at < off {
				n++
			}
		}
		return off + n
	}
	nt := text{s: out.String(), marks: make([]mark, len(t.marks)), lines: make([]linePos, len(t.lines))}
	for i, m := range t.marks {
		m.start, m.end = moved(m.start), moved(m.end)
		nt.marks[i] = m
	}
	for i, l := range t.lines {
		nt.lines[i] = linePos{moved(l.off), l.line}
	}
	return nt
}

// termLine reports whether the first line of an item, broken off from the
// rest by a hard break or a soft one, is a term: a short name alone.
func termLine(line string, hard bool) bool {
	if strings.ContainsAny(line, ":：=.,;!?") || utf8.RuneCountInString(line) > 40 {
		return false
	}
	n := len(strings.Fields(line))
	if n == 0 || n > 4 || !hard && n > 3 {
		return false
	}
	ns := parseNames(line)
	return len(ns) == 1 && nameLike(ns[0].name, true)
}

func joinText(a, b text) text {
	off := len(a.s) + 1
	out := text{s: a.s + " " + b.s, marks: slices.Clone(a.marks), lines: slices.Clone(a.lines)}
	for _, m := range b.marks {
		out.marks = append(out.marks, mark{m.start + off, m.end + off, m.kind, m.target})
	}
	for _, l := range b.lines {
		out.lines = append(out.lines, linePos{l.off + off, l.line})
	}
	return out
}

// rawTag returns an inline HTML tag's text in lower case, "<sub>".
func rawTag(n *ast.RawHTML, src []byte) string {
	var sb strings.Builder
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		sb.Write(seg.Value(src))
	}
	return strings.ToLower(strings.TrimSpace(sb.String()))
}

// inline flattens the inline content of n. Soft line breaks become "\n".
func (b *builder) inline(n ast.Node) text {
	var t text
	b.hard = b.hard[:0]
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
			switch n := f.n.(type) {
			case *ast.Link:
				kind = markLink
			case *ast.CodeSpan:
				kind = markCode
			case *ast.Emphasis:
				if n.Level < 2 {
					kind = markItalic
				}
			}
			if sb.Len() > f.start {
				t.marks = append(t.marks, mark{f.start, sb.Len(), kind, ""})
			}
			continue
		}
		switch c := f.n.(type) {
		case *ast.Text:
			note(c.Segment.Start)
			sb.Write(c.Segment.Value(b.src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				sb.WriteByte('\n')
				b.hard = append(b.hard, c.HardLineBreak())
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
			if strings.HasPrefix(sb.String()[start:], "=") {
				// "`= this.desc`": a Dataview expression, not text.
				cut := sb.String()[:start]
				sb.Reset()
				sb.WriteString(cut)
				continue
			}
			if sb.Len() > start {
				t.marks = append(t.marks, mark{start, sb.Len(), markCode, ""})
			}
			continue
		case *ast.RawHTML:
			// "**singleton** <sub>**싱글턴**</sub>": a gloss, as if in
			// parentheses.
			if tag := rawTag(c, b.src); tag == "<sub>" || tag == "<sup>" || tag == "<small>" {
				sb.WriteString(" (")
			} else if tag == "</sub>" || tag == "</sup>" || tag == "</small>" {
				sb.WriteString(")")
			}
			continue
		case *ast.Image:
			continue
		case *ast.AutoLink:
			continue
		case *ast.Emphasis:
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

var wikiRe = regexp.MustCompile(`(!?)\[\[([^\[\]|#\n]*)(#[^\[\]|\n]*)?(?:\|([^\[\]\n]*))?\]\]`)

// markWikilinks rewrites Obsidian [[Target|label]] links to the text a
// reader sees (the label, or the target), marked as a wikilink to the
// target; an embed (![[…]]) is not text and is dropped.
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
		target := strings.TrimSpace(t.s[m[4]:m[5]])
		if m[6] >= 0 {
			target += strings.TrimSpace(t.s[m[6]:m[7]]) // "#Heading" or "#^block"
		}
		shown := wikiShown(target)
		note := wikiNote(target)
		if m[8] >= 0 {
			shown = strings.TrimSpace(t.s[m[8]:m[9]])
		}
		if m[3] > m[2] {
			shown = "" // an embed
		}
		start := sb.Len()
		sb.WriteString(shown)
		if shown != "" {
			if _, heading, ok := strings.Cut(target, "#"); ok {
				note = strings.TrimSpace(heading) // "Note#Heading": the heading's concept
				if strings.HasPrefix(heading, "^") {
					note = "" // a block: named by the link's text
				}
			}
			marks = append(marks, mark{start, sb.Len(), markWiki, note})
		}
		edits = append(edits, edit{m[0], m[1], len(shown) - (m[1] - m[0])})
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

// wikiShown is the text Obsidian shows for a link to target with no
// label: the note's name, without its folder ("network/tcp-udp") and with
// a heading after it ("Note#Heading" shows "Note > Heading").
func wikiShown(target string) string {
	note, heading, _ := strings.Cut(target, "#")
	if i := strings.LastIndex(note, "/"); i >= 0 {
		note = note[i+1:]
	}
	heading = strings.TrimPrefix(heading, "^")
	switch {
	case note == "":
		return heading
	case heading != "" && !strings.HasPrefix(target[len(target)-len(heading)-1:], "^"):
		return note + " > " + heading
	}
	return note
}

// wikiNote is the name of the note a link points to: "network/tcp-udp"
// and "tcp-udp#Heading" are tcp-udp.
func wikiNote(target string) string {
	note, _, _ := strings.Cut(target, "#")
	if i := strings.LastIndex(note, "/"); i >= 0 {
		note = note[i+1:]
	}
	return strings.TrimSuffix(strings.TrimSpace(note), ".md")
}

// continues reports whether a paragraph continues the one before it in
// the same item: it opens with a Korean ending alone ("을 사용").
func continues(s string) bool {
	ws := words(strings.TrimSpace(s))
	return len(ws) > 0 && ws[0].stemEnd == ws[0].start && ws[0].kind != endNone
}

// calloutTitle splits an Obsidian callout's first line ("[!note] Title")
// from the quote's text.
func calloutTitle(t text) (title, rest text, ok bool) {
	s := strings.TrimLeft(t.s, " ")
	if !strings.HasPrefix(s, "[!") {
		return text{}, t, false
	}
	end := strings.Index(s, "]")
	if end < 0 {
		return text{}, t, false
	}
	off := len(t.s) - len(s) + end + 1
	if off < len(t.s) && (t.s[off] == '+' || t.s[off] == '-') {
		off++ // a folding callout: "[!faq]-"
	}
	nl := strings.IndexByte(t.s[off:], '\n')
	if nl < 0 {
		nl = len(t.s) - off
	}
	title = sliceText(t, off, off+nl)
	title.s = strings.TrimSpace(title.s)
	if strings.HasPrefix(title.s, "=") || strings.HasPrefix(title.s, "`=") {
		title.s = "" // a Dataview expression, not a title
	}
	title.s = strings.TrimRight(title.s, ":")
	rest = sliceText(t, min(len(t.s), off+nl+1), len(t.s))
	return title, rest, true
}

// inlineNumberRe is a number that goes on an ordered list within a line:
// " 2. ", " 3) ".
var inlineNumberRe = regexp.MustCompile(`\s([0-9]{1,2})[.)]\s+`)

// inlineNumbered cuts the text of an ordered list's one item at the
// numbers that continue it, next and on ("API Server 2. Scheduler 3.
// etcd"), or returns nil when it has none.
func inlineNumbered(t text, next int) []text {
	var out []text
	from := 0
	for _, m := range inlineNumberRe.FindAllStringSubmatchIndex(t.s, -1) {
		if n, _ := strconv.Atoi(t.s[m[2]:m[3]]); n != next {
			continue
		}
		if part := sliceText(t, from, m[0]); strings.TrimSpace(part.s) != "" {
			out = append(out, part)
		}
		from, next = m[1], next+1
	}
	if out == nil {
		return nil
	}
	return append(out, sliceText(t, from, len(t.s)))
}

// itemLineRe opens a Markdown list item: "- ", "* ", "1. ".
var itemLineRe = regexp.MustCompile(`^(?:[-*+]|[0-9]{1,2}[.)])\s+`)

// listLines returns the paragraph and list blocks that t, the text of an
// HTML block, holds: Markdown is not parsed there, but a line written as
// a list item ("- FIFO는 …") is one.
func listLines(t text) []*block {
	if !strings.Contains(t.s, "- ") && !strings.Contains(t.s, "* ") && !strings.Contains(t.s, ". ") {
		return []*block{{kind: blockPara, text: t}}
	}
	var out []*block
	var para []int // the start and end of the paragraph being built
	flushPara := func() {
		if para != nil {
			out = append(out, &block{kind: blockPara, text: sliceText(t, para[0], para[1])})
			para = nil
		}
	}
	var list *block
	for from := 0; from < len(t.s); {
		end := strings.IndexByte(t.s[from:], '\n')
		if end < 0 {
			end = len(t.s)
		} else {
			end += from
		}
		line := t.s[from:end]
		if m := itemLineRe.FindStringIndex(line); m != nil && end-from > m[1] {
			flushPara()
			if list == nil {
				list = &block{kind: blockList, ordered: !strings.ContainsAny(line[:1], "-*+")}
				out = append(out, list)
			}
			list.items = append(list.items, &item{text: sliceText(t, from+m[1], end)})
		} else {
			list = nil
			if para == nil {
				para = []int{from, end}
			} else {
				para[1] = end
			}
		}
		from = end + 1
	}
	flushPara()
	return out
}

// sliceText is t.s[from:to] with its marks and lines.
func sliceText(t text, from, to int) text {
	out := text{s: t.s[from:to]}
	for _, m := range t.marks {
		if m.start >= from && m.end <= to {
			out.marks = append(out.marks, mark{m.start - from, m.end - from, m.kind, m.target})
		}
	}
	out.lines = []linePos{{0, t.lineAt(from)}}
	for _, l := range t.lines {
		if l.off > from && l.off < to {
			out.lines = append(out.lines, linePos{l.off - from, l.line})
		}
	}
	return out
}

var (
	// markerLineRe matches lines that are markup, not text: admonition
	// fences (":::info", ":::"), Dataview fields ("key:: value"), tag
	// lines ("Tags: #a/b").
	markerLineRe = regexp.MustCompile(`^\s*(?::::+\s*\w*.*|[\w-]+::\s.*|(?i:tags?):\s*#.*)$`)
)

// dropMarkerLines removes the lines of t that are markup, not text.
func dropMarkerLines(t text) text {
	if !strings.Contains(t.s, ":") {
		return t
	}
	lines := strings.Split(t.s, "\n")
	keep := lines[:0]
	dropped := false
	off := 0
	var kept []text
	for _, l := range lines {
		if markerLineRe.MatchString(l) {
			dropped = true
		} else {
			keep = append(keep, l)
			kept = append(kept, sliceText(t, off, off+len(l)))
		}
		off += len(l) + 1
	}
	if !dropped {
		return t
	}
	if len(kept) == 0 {
		return text{}
	}
	out := kept[0]
	for _, k := range kept[1:] {
		out = joinLines(out, k)
	}
	return out
}

// questionLine cuts a paragraph that opens with a labelled question ("Q:
// Why …?", "질문: …") into the question and the rest, its answer.
func questionLine(t text) (q, rest text, ok bool) {
	end := strings.IndexByte(t.s, '\n')
	if end < 0 {
		end = len(t.s)
	}
	line := strings.TrimSpace(t.s[:end])
	if !questionLabelled(line) || utf8.RuneCountInString(line) > maxTitleRunes {
		return text{}, text{}, false
	}
	q = sliceText(t, 0, end)
	if end < len(t.s) {
		rest = sliceText(t, end+1, len(t.s))
	}
	return q, rest, true
}

// questionLabelled reports whether a line opens with a question's label
// ("Q:", "Q.", "Q1)", "Question:", "질문:") and says something after it.
func questionLabelled(line string) bool {
	return qaLabelRe.MatchString(line)
}

var (
	qaLabelRe     = regexp.MustCompile(`^[*_]*(?i:q[0-9]*[.:)]|question[0-9]*[.:]|질문[0-9]*[.:)]|문제[0-9]*[.:)])[*_]*\s*\S`)
	answerLabelRe = regexp.MustCompile(`^\s*[*_]*(?i:a[0-9]*[.:)]|answer[0-9]*[.:]|답변?[0-9]*[.:)])[*_]*\s*`)
)

// dropAnswerLabel cuts the label of an answer ("A:", "Answer:", "답:")
// off the text that follows a labelled question.
func dropAnswerLabel(t text) text {
	loc := answerLabelRe.FindStringIndex(t.s)
	if loc == nil || loc[1] == len(t.s) {
		return t
	}
	return sliceText(t, loc[1], len(t.s))
}

// joinLines joins two texts with a line break.
func joinLines(a, b text) text {
	off := len(a.s) + 1
	out := text{s: a.s + "\n" + b.s, marks: slices.Clone(a.marks), lines: slices.Clone(a.lines)}
	for _, m := range b.marks {
		out.marks = append(out.marks, mark{m.start + off, m.end + off, m.kind, m.target})
	}
	for _, l := range b.lines {
		out.lines = append(out.lines, linePos{l.off + off, l.line})
	}
	return out
}

// noteMeta is a note's front matter read in the middle of a file.
type noteMeta struct {
	title    text
	aliases  []string
	tags     []string
	desc     string
	descLine int
}

// noteBlocks finds the front matter of notes joined into one file ("---",
// "title: …", "aliases: …", "---" after the first note) and rewrites each
// block as a heading naming the note ("# title" on the block's first
// line, blank lines for the rest, so line numbers stay), returning what
// each block said by the line of its heading. The file's own front matter
// is left to goldmark.
func noteBlocks(src []byte) ([]byte, map[int]noteMeta) {
	if !bytes.Contains(src, []byte("\n---")) {
		return src, nil
	}
	lines := bytes.SplitAfter(src, []byte("\n"))
	start := 0
	if len(lines) > 0 && bytes.Equal(bytes.TrimRight(lines[0], "\r\n"), []byte("---")) {
		// Skip the file's own front matter.
		for i := 1; i < len(lines); i++ {
			if l := bytes.TrimRight(lines[i], " \t\r\n"); bytes.Equal(l, []byte("---")) || bytes.Equal(l, []byte("...")) {
				start = i + 1
				break
			}
		}
	}
	var metas map[int]noteMeta
	out := make([]byte, 0, len(src)+64) // what a note block adds is a short title line
	out = append(out, bytes.Join(lines[:start], nil)...)
	for i := start; i < len(lines); i++ {
		l := bytes.TrimRight(lines[i], " \t\r\n")
		if !bytes.Equal(l, []byte("---")) || i+1 >= len(lines) || !yamlKeyRe.Match(lines[i+1]) {
			out = append(out, lines[i]...)
			continue
		}
		end := -1
		for j := i + 1; j < len(lines) && j < i+60; j++ {
			lj := bytes.TrimRight(lines[j], " \t\r\n")
			if bytes.Equal(lj, []byte("---")) {
				end = j
				break
			}
			if !yamlLineRe.Match(lj) && len(lj) > 0 {
				break
			}
		}
		if end < 0 {
			out = append(out, lines[i]...)
			continue
		}
		meta, ok := readMeta(bytes.Join(lines[i+1:end], nil), i+2)
		if !ok {
			out = append(out, lines[i]...)
			continue
		}
		if metas == nil {
			metas = map[int]noteMeta{}
		}
		if meta.title.s == "" {
			// "---", "aliases: [HTTP/2]", "---", "# HTTP-2": a block
			// without a title names the note by the heading after it,
			// and is blank lines itself. With no heading there, it
			// names no note, and is still no text.
			if h, at := headingAfter(lines, end+1); h != "" {
				meta.title = text{s: h, lines: []linePos{{0, at + 1}}}
				metas[at+1] = meta
			}
			for j := i; j <= end; j++ {
				out = append(out, '\n')
			}
			i = end
			continue
		}
		metas[i+2] = meta
		out = append(out, '\n') // the opening "---" (a break between notes)
		out = append(out, []byte("# "+strings.ReplaceAll(meta.title.s, "\n", " ")+"\n")...)
		for j := i + 2; j <= end; j++ {
			out = append(out, '\n')
		}
		i = end
	}
	return out, metas
}

// headingAfter returns the text of the level-1 heading that is the first
// line after blank ones from lines[from], and its index; "" if there is
// none.
func headingAfter(lines [][]byte, from int) (string, int) {
	for k := from; k < len(lines) && k < from+3; k++ {
		l := bytes.TrimSpace(lines[k])
		if len(l) == 0 {
			continue
		}
		if h, ok := bytes.CutPrefix(l, []byte("# ")); ok {
			return strings.TrimSpace(string(h)), k
		}
		break
	}
	return "", -1
}

// metaFields are the keys of front matter the extractor reads.
type metaFields struct {
	Title       string `yaml:"title"`
	Aliases     any    `yaml:"aliases"`
	Alias       any    `yaml:"alias"`
	Tags        any    `yaml:"tags"`
	Tag         any    `yaml:"tag"`
	Desc        string `yaml:"desc"`
	Description string `yaml:"description"`
	Summary     string `yaml:"summary"`
	Short       string `yaml:"desc-short"`
	FullName    string `yaml:"full-name"`
	Acronym     string `yaml:"acronym"`
}

// names returns the other names the front matter gives its note.
func (m *metaFields) names() []string {
	out := append(stringList(m.Aliases), stringList(m.Alias)...)
	for _, a := range []string{m.FullName, m.Acronym} {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

// description returns the first description that reads as prose (a
// sentence, not a caption), and its line: src is the front matter, its
// first line at line.
func (m *metaFields) description(src string, line int) (string, int) {
	for _, d := range []struct{ key, value string }{{"desc", m.Desc}, {"description", m.Description}, {"summary", m.Summary}, {"desc-short", m.Short}} {
		v := strings.TrimSpace(d.value)
		if v == "" || !proseLike(v) {
			continue
		}
		for i, l := range strings.Split(src, "\n") {
			if strings.HasPrefix(l, d.key+":") {
				return v, line + i
			}
		}
		return v, line
	}
	return "", 0
}

// frontMatter returns the lines of a note's own front matter, between
// its opening "---" and its closing one.
func frontMatter(src []byte) string {
	rest, ok := bytes.CutPrefix(src, []byte("---\n"))
	if !ok {
		return ""
	}
	if end := bytes.Index(rest, []byte("\n---")); end >= 0 {
		return string(rest[:end+1])
	}
	return ""
}

// readMeta reads one block of front matter whose first line is line.
func readMeta(src []byte, line int) (noteMeta, bool) {
	var meta metaFields
	if err := yaml.Unmarshal(src, &meta); err != nil {
		return noteMeta{}, false
	}
	if strings.TrimSpace(meta.Title) == "" && len(meta.names()) == 0 && meta.Tags == nil && meta.Tag == nil {
		return noteMeta{}, false // no key a note's front matter has
	}
	out := noteMeta{title: text{s: strings.TrimSpace(meta.Title), lines: []linePos{{0, line}}}}
	out.aliases = meta.names()
	out.tags = tagList(append(stringList(meta.Tags), stringList(meta.Tag)...))
	out.desc, out.descLine = meta.description(string(src), line)
	return out, true
}

var yamlKeyRe = regexp.MustCompile(`^[\w-]+:(?:\s|$)`)

// proseLike reports whether a description is written as a sentence.
func proseLike(s string) bool {
	s = strings.TrimSpace(s)
	lower := lowerCase(s)
	return strings.HasSuffix(s, ".") || strings.Contains(lower, " is ") || strings.Contains(lower, " are ") ||
		strings.Contains(lower, " based on ") || strings.Contains(s, "이다") || strings.Contains(s, "한다")
}

// yamlLineRe matches a line of front matter: "key: value", "  - item", a
// continued value.
var yamlLineRe = regexp.MustCompile(`^(?:[\w-]+:.*|\s+.*|-\s.*|\s*\[.*|\s*\].*)$`)

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

// onlyLink reports whether t is one link and nothing else: a reference,
// not a title or a term.
func onlyLink(t *text) bool {
	s := strings.TrimSpace(t.s)
	for _, m := range t.marks {
		if (m.kind == markLink || m.kind == markWiki) && strings.TrimSpace(t.s[:m.start]) == "" && strings.TrimSpace(strings.Trim(t.s[m.end:], " .,:;")) == "" {
			return true
		}
	}
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "<http")
}

// quoteTitle reports whether a quote's paragraph is a title for what
// follows ("> 로드 밸런싱 알고리즘", "> 패킷(Packet)?") rather than a
// statement.
func quoteTitle(t *text) bool {
	if questionQuote(t) {
		return true // "> 트랜잭션 격리 수준이란 무엇인가요?": it heads its answer
	}
	s := strings.TrimRight(strings.TrimSpace(t.s), "?:")
	return isLabelCandidate(t) && !strings.HasSuffix(s, ".") && !strings.Contains(s, ": ") && nameLike(cleanTitle(s), true)
}

// namedByTitle reports whether a quote is one name that the title of its
// section names among others: "> RDBMS" under "## RDBMS와 NoSQL의 차이점은?"
// titles the answer's first part, it defines nothing.
func namedByTitle(t *text, title string) bool {
	s := strings.TrimSpace(t.s)
	if strings.Contains(s, "\n") || utf8.RuneCountInString(s) > 30 || !nameLike(s, true) || strings.EqualFold(strings.TrimSpace(title), s) {
		return false
	}
	// Word by word, particles cut: "> DB" is not named by "RDBMS와 …".
	var words []string
	for _, w := range strings.Fields(lowerCase(title)) {
		words = append(words, stripTrailingParticle(w))
	}
	return strings.Contains(" "+strings.Join(words, " ")+" ", " "+lowerCase(s)+" ")
}

// questionQuote reports whether a quote's text is one short question
// about a concept: "X이란 무엇인가요?", "What is X?".
func questionQuote(t *text) bool {
	s := strings.TrimSpace(t.s)
	if !strings.HasSuffix(s, "?") || strings.Contains(s, "\n") || utf8.RuneCountInString(s) > 60 {
		return false
	}
	_, ok := questionTopic(s)
	return ok
}

// isLabelCandidate reports whether a paragraph is short enough to head the
// list or quote that may follow it.
func isLabelCandidate(t *text) bool {
	s := strings.TrimSpace(t.s)
	if s == "" || strings.Contains(s, "\n") || utf8.RuneCountInString(s) > 40 || onlyLink(t) || strings.Contains(s, "@") {
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
