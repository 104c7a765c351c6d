package extract

import (
	"bytes"
	"context"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"conceptgraph/graph"
)

// Result is an extracted graph and what went wrong along the way without
// stopping it.
type Result struct {
	Graph    *graph.Graph
	Warnings []error // each an *Error naming the file (and line when known)
	// Skipped names the notes given to [Notes] that could not be read at
	// all (broken front matter, not UTF-8, empty), sorted.
	Skipped []string
}

// Files reads every note under paths (see [ReadNotes]) and extracts one
// graph from all of them. It fails when a path does not exist or when no
// note could be read; notes that cannot be read are skipped with a warning.
func Files(ctx context.Context, paths []string) (*Result, error) {
	notes, warnings, err := ReadNotes(paths)
	if err != nil {
		return nil, err
	}
	if len(notes) == 0 {
		if len(warnings) > 0 {
			return nil, fmt.Errorf("%w under %s: %v", ErrNoNotes, strings.Join(paths, ", "), warnings[0])
		}
		return nil, fmt.Errorf("%w under %s (no *.md files)", ErrNoNotes, strings.Join(paths, ", "))
	}
	res, err := Notes(ctx, notes)
	if err != nil {
		return nil, err
	}
	res.Warnings = append(warnings, res.Warnings...)
	return res, nil
}

// Notes extracts one graph from notes already read. A concept named in
// several notes is one node with every source. Notes that fail the checks
// of [Check] are skipped with a warning. The result depends only on the
// notes' names and contents, not on their order. It returns ctx.Err() if
// ctx is cancelled.
func Notes(ctx context.Context, notes []Note) (*Result, error) {
	notes = slices.Clone(notes)
	slices.SortFunc(notes, func(a, b Note) int { return strings.Compare(a.Name, b.Name) })
	e := newExtractor()
	// Notes are parsed independently, on every core; what follows reads
	// them in order.
	parsed := make([]*doc, len(notes))
	problems := make([]error, len(notes))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), len(notes)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				parsed[i], problems[i] = parseNote(notes[i])
			}
		}()
	}
	for i := range notes {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var docs []*doc
	var skipped []string
	for i := range notes {
		if problems[i] != nil {
			e.warnings = append(e.warnings, problems[i])
			skipped = append(skipped, notes[i].Name)
		} else if parsed[i] != nil {
			e.warnings = append(e.warnings, parsed[i].warnings...)
			docs = append(docs, parsed[i])
		}
	}
	// Two passes: the first finds the concepts, so the second can
	// recognise a concept mentioned before (or in another note than)
	// the place that names it.
	for pass := 1; pass <= 2; pass++ {
		e.pass = pass
		e.rels = nil
		e.relIndex = map[relKey]int{}
		for _, d := range docs {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			e.doc(d)
		}
	}
	e.compounds()
	e.basedOn()
	g, err := e.build()
	if err != nil {
		return nil, err
	}
	return &Result{Graph: g, Warnings: e.warnings, Skipped: skipped}, nil
}

// parseNote checks and parses one note; it returns a problem for a note
// that cannot be read.
func parseNote(n Note) (*doc, error) {
	if err := Check(n.Name, n.Data); err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(n.Data)) == 0 {
		return nil, &Error{File: n.Name, Err: errorf("empty note")}
	}
	t := tame(n.Name, norm.NFC.Bytes(unixLines(n.Data)))
	d, err := parse(n.Name, t.src, t.lines)
	if err != nil {
		return nil, err
	}
	d.warnings = t.warnings
	return d, nil
}

// unixLines ends every line with "\n": Windows "\r\n" and old Mac "\r"
// alike, which goldmark would not count as line ends.
func unixLines(b []byte) []byte {
	if bytes.IndexByte(b, '\r') < 0 {
		return b
	}
	b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(b, []byte("\r"), []byte("\n"))
}

// strength says how surely a place names a concept; a stronger place gives
// the concept its display name.
type strength uint8

const (
	fromText    strength = iota + 1 // a marked term in a sentence
	fromItem                        // a list item
	fromBold                        // a bold list head or bold-only line
	fromHeading                     // a Markdown heading or front matter
)

type concept struct {
	id       string
	name     string
	aliases  []string
	strength strength
	summary  string
	pros     []string
	cons     []string
	sources  []graph.Source
	keys     map[string]bool // nameKey of the name and every alias
	srcSeen  map[graph.Source]bool
}

type relKey struct {
	from, to string
	typ      graph.RelationType
}

type relation struct {
	relKey
	conf float64
	ev   []graph.Evidence
	seen map[graph.Evidence]bool // ev as a set: a statement may repeat many times
}

type extractor struct {
	pass     int
	concepts []*concept
	byID     map[string]*concept
	idx      *index
	rels     []*relation
	relIndex map[relKey]int
	warnings []error
	file     string
	olists   map[*section]*olist
	// labelMemo remembers which list item heads are labels: the same text
	// is asked about in both passes.
	labelMemo map[string]labelMemo
	titleMemo map[titleKey]titleInfo
	// line is the line of the sentence being read.
	line int
	// sec is the section whose blocks are being read.
	sec *section
	// quiet is set while reading notes about a subject (sources, "see
	// also"): links there are references, not concepts.
	quiet bool
}

func newExtractor() *extractor {
	return &extractor{byID: map[string]*concept{}, idx: newIndex(), relIndex: map[relKey]int{}, labelMemo: map[string]labelMemo{}, titleMemo: map[titleKey]titleInfo{}}
}

// define records a concept named at file:line and returns its id. Names
// already known make it the same concept; the strongest place names it.
func (e *extractor) define(ns nameSet, line int, st strength) string {
	names := append([]string{ns.name}, ns.aliases...)
	var c *concept
	for _, n := range names {
		if id, ok := e.idx.byKey[nameKey(n)]; ok {
			c = e.byID[id]
			break
		}
	}
	if c == nil {
		for _, n := range names {
			if id := e.idx.lookupStem(n); id != "" {
				c = e.byID[id]
				break
			}
		}
	}
	if c == nil {
		c = &concept{id: e.newID(ns), name: ns.name, strength: st}
		e.concepts = append(e.concepts, c)
		e.byID[c.id] = c
		e.index(c, ns.name)
	} else if st > c.strength && nameKey(ns.name) != nameKey(c.name) {
		// A heading names the concept better than a mention did; its
		// aliases come first too, since the id is made from them.
		old := append([]string{c.name}, c.aliases...)
		c.name, c.aliases, c.strength, c.keys = ns.name, nil, st, nil
		e.index(c, c.name)
		for _, n := range append(slices.Clone(ns.aliases), old...) {
			e.addAlias(c, n)
		}
	} else if st > c.strength {
		c.strength = st
	}
	for _, n := range names {
		e.addAlias(c, n)
	}
	if e.pass == 2 && line > 0 {
		src := graph.Source{File: e.file, Line: line}
		if c.srcSeen == nil {
			c.srcSeen = map[graph.Source]bool{}
		}
		if !c.srcSeen[src] {
			c.srcSeen[src] = true
			c.sources = append(c.sources, src)
		}
	}
	return c.id
}

// addAlias gives c the name n, unless it has one that compares equal; it
// takes constant time however many names c has.
func (e *extractor) addAlias(c *concept, n string) {
	n = collapseSpace(n)
	if n == "" {
		return
	}
	k := nameKey(n)
	if c.keys == nil {
		c.keys = map[string]bool{nameKey(c.name): true}
	}
	if c.keys[k] {
		return // indexed when first given
	}
	c.keys[k] = true
	c.aliases = append(c.aliases, n)
	e.index(c, n)
}

// index makes n find c, and also the name without a generic head noun
// ("스택 영역" is found as "스택") when that is no other concept's name.
func (e *extractor) index(c *concept, n string) {
	e.idx.add(n, c.id)
	words := strings.Fields(n)
	if len(words) >= 2 && words[len(words)-1] == "영역" {
		short := strings.Join(words[:len(words)-1], " ")
		if _, taken := e.idx.byKey[nameKey(short)]; !taken {
			e.idx.add(short, c.id)
		}
	}
}

func (x *index) lookupStem(name string) string {
	if !isLatin(name) {
		return ""
	}
	return x.byStem[stemKey(name)]
}

func (e *extractor) newID(ns nameSet) string {
	return uniqueID(slugOf(ns.name, ns.aliases), func(id string) bool { return e.byID[id] != nil })
}

// slugOf makes an id from a concept's names: the name's slug, or for a
// Korean name its first English alias's ("도커 (Docker)" is "docker").
func slugOf(name string, aliases []string) string {
	base := graph.Slug(name)
	if hasHangul(name) {
		for _, a := range aliases {
			if isLatin(a) && graph.Slug(a) != "" {
				base = graph.Slug(a)
				break
			}
		}
	}
	if base == "" {
		base = "concept"
	}
	return base
}

func uniqueID(base string, taken func(string) bool) string {
	id := base
	for n := 2; taken(id); n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	return id
}

// relate records "from typ to" stated by ev, read by rule. Both ends must
// be known; a relation of a concept to itself is dropped. It reports
// whether the relation was recorded (in the second pass).
func (e *extractor) relate(from string, typ graph.RelationType, to string, conf float64, ev graph.Evidence, rule string) bool {
	if e.pass != 2 || from == "" || to == "" || from == to || typ == "" {
		return false
	}
	ev.Rule = rule
	if typ.Symmetric() && to < from {
		from, to = to, from
	}
	k := relKey{from, to, typ}
	ev.Text = evidenceText(ev.Text)
	if i, ok := e.relIndex[k]; ok {
		r := e.rels[i]
		r.conf = max(r.conf, conf)
		if !r.seen[ev] {
			r.seen[ev] = true
			r.ev = append(r.ev, ev)
		}
		return true
	}
	e.relIndex[k] = len(e.rels)
	e.rels = append(e.rels, &relation{relKey: k, conf: conf, ev: []graph.Evidence{ev}, seen: map[graph.Evidence]bool{ev: true}})
	return true
}

// related reports whether any relation joins a and b.
func (e *extractor) related(a, b string) bool {
	for _, t := range graph.Types {
		if _, ok := e.relIndex[relKey{a, b, t}]; ok {
			return true
		}
		if _, ok := e.relIndex[relKey{b, a, t}]; ok {
			return true
		}
	}
	return false
}

const maxEvidence = 300

func evidenceText(s string) string {
	s = collapseSpace(s)
	if utf8.RuneCountInString(s) <= maxEvidence {
		return s
	}
	r := []rune(s)
	return string(r[:maxEvidence]) + "…"
}

// build turns what was found into a graph. Ids are made afresh from each
// concept's final names, so they do not depend on where it was first met.
func (e *extractor) build() (*graph.Graph, error) {
	g := graph.New()
	ids := make(map[string]string, len(e.concepts))
	taken := make(map[string]bool, len(e.concepts))
	for _, c := range e.concepts {
		id := uniqueID(slugOf(c.name, c.aliases), func(id string) bool { return taken[id] })
		taken[id] = true
		ids[c.id] = id
		if _, err := g.AddConcept(graph.Concept{
			ID: id, Name: c.name, Aliases: c.aliases, Summary: c.summary,
			Pros: c.pros, Cons: c.cons, Sources: c.sources,
		}); err != nil {
			return nil, err
		}
	}
	for _, r := range e.rels {
		if err := g.AddRelation(graph.Relation{From: ids[r.from], To: ids[r.to], Type: r.typ, Confidence: r.conf, Evidence: r.ev}); err != nil {
			return nil, err
		}
	}
	return g, nil
}
