package extract

import (
	"bytes"
	"context"
	"fmt"
	"maps"
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
	c := NewCache()
	c.once = true
	return c.Notes(ctx, notes)
}

// parseNote checks and parses one note; it returns a problem for a note
// that cannot be read.
func parseNote(n Note) (d *doc, err error) {
	defer func() {
		if p := recover(); p != nil {
			d, err = nil, &Error{File: n.Name, Err: fmt.Errorf("the note could not be parsed, and is skipped (please report it): %v", p)}
		}
	}()
	if err := Check(n.Name, n.Data); err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(n.Data)) == 0 {
		return nil, &Error{File: n.Name, Err: errorf("empty note")}
	}
	t := tame(n.Name, dropShortcodes(nfc(unixLines(n.Data))))
	d, err = parse(n.Name, t.src, t.lines)
	if err != nil {
		return nil, err
	}
	d.warnings = t.warnings
	return d, nil
}

// nfc is norm.NFC.Bytes(b), b itself when it is NFC already. ASCII and
// Hangul syllables, most of what notes are written in, are checked
// without the normalisation tables: neither ever combines with the rune
// before it, so the text before each is checked apart from what follows.
func nfc(b []byte) []byte {
	start := 0 // the text before start is NFC, and ends before a rune of those
	for i := 0; i < len(b); {
		c := b[i]
		n := 1
		if c >= utf8.RuneSelf {
			if i+2 < len(b) && c >= 0xEA && c <= 0xED {
				if r := rune(c&0x0F)<<12 | rune(b[i+1]&0x3F)<<6 | rune(b[i+2]&0x3F); r >= hangulFirst && r <= hangulLast && b[i+1]&0xC0 == 0x80 && b[i+2]&0xC0 == 0x80 {
					n = 3
				}
			}
			if n == 1 {
				// Another script: checked by the tables up to the next
				// rune of those.
				j := i + 1
				for j < len(b) && !(b[j] < utf8.RuneSelf || isHangulAt(b, j)) {
					j++
				}
				if norm.NFC.QuickSpan(b[start:j]) != j-start {
					return norm.NFC.Bytes(b)
				}
				i, start = j, j
				continue
			}
		}
		start = i
		i += n
	}
	if norm.NFC.QuickSpan(b[start:]) != len(b)-start {
		return norm.NFC.Bytes(b)
	}
	return b
}

// dropShortcodes returns b without the emoji written as GitHub
// shortcodes, each a word of its own (":memo:", ":small_blue_diamond:"),
// and the space after each: they decorate a heading or an item and name
// nothing. Lines stay as they are; b itself is returned when it has none.
func dropShortcodes(b []byte) []byte {
	var out []byte
	last := 0 // b[last:i] is still to copy
	space := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' }
	for i := 0; i < len(b); i++ {
		if b[i] != ':' || i > 0 && !space(b[i-1]) {
			continue
		}
		j := i + 1
		letter := false
		for j < len(b) && (b[j] >= 'a' && b[j] <= 'z' || b[j] >= '0' && b[j] <= '9' || b[j] == '_' || b[j] == '+' || b[j] == '-') {
			letter = letter || b[j] >= 'a' && b[j] <= 'z'
			j++
		}
		if !letter || j >= len(b) || b[j] != ':' || j+1 < len(b) && !space(b[j+1]) {
			continue
		}
		out = append(out, b[last:i]...)
		j++
		if j < len(b) && (b[j] == ' ' || b[j] == '\t') {
			j++
		}
		last = j
		i = j - 1
	}
	if out == nil {
		return b
	}
	return append(out, b[last:]...)
}

// isHangulAt reports whether a Hangul syllable starts at b[i].
func isHangulAt(b []byte, i int) bool {
	if i+2 >= len(b) || b[i] < 0xEA || b[i] > 0xED || b[i+1]&0xC0 != 0x80 || b[i+2]&0xC0 != 0x80 {
		return false
	}
	r := rune(b[i]&0x0F)<<12 | rune(b[i+1]&0x3F)<<6 | rune(b[i+2]&0x3F)
	return r >= hangulFirst && r <= hangulLast
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
	fromLetters strength = iota + 1 // a word that reads as a name by its letters alone
	fromText                        // a marked term in a sentence
	fromItem                        // a list item
	fromBold                        // a bold list head or bold-only line
	fromHeading                     // a Markdown heading or front matter
)

type concept struct {
	id       string
	name     string
	key      string // nameKey(name)
	aliases  []string
	strength strength
	summary  string
	pros     []string
	cons     []string
	tags     []string
	sources  []graph.Source
	keys     map[string]bool       // nameKey of the name and every alias
	srcSeen  map[graph.Source]bool // sources as a set, once there are many (see addSource)
	// born is when a merge first named the concept (see extractor.at):
	// the order of the concepts an extractor's base does not know.
	born int64
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
	at   int64                   // when it was first stated (see extractor.at)
	// shared is set on a relation that another extractor holds too: it
	// is copied before it is changed.
	shared bool
}

type extractor struct {
	// base, when set, is known before this extractor's own concepts:
	// it is only read, and a concept of it that changes is copied
	// first (see own). An extractor reading one note logs what it
	// does, for the extractor of all notes to replay (see read).
	base     *extractor
	logs     bool
	log      []op
	pass     int
	concepts []*concept
	byID     map[string]*concept
	idx      *index
	rels     []*relation // in the order first stated
	relIndex map[relKey]*relation
	// neighbours are the concepts each concept is related to by what the
	// note being read says, so far (logging extractors only).
	neighbours map[string][]string
	// at is where the op being replayed stands among all notes' ops, for
	// the order of what it makes (see merging).
	at int64
	// trace, when set, records what each op replayed reads and changes
	// (see merging).
	trace *trace
	// named, when set, keeps what compounds and basedOn found of each
	// concept.
	named    *namedAfter
	warnings []error
	file     string
	olists   map[*section]*olist
	// line is the line of the sentence being read.
	line int
	// sec is the section whose blocks are being read.
	sec *section
	// prev is the topic last marked in a Korean sentence of sec, for a
	// pronoun opening the next ("이를 개선한 …").
	prev prevTopic
	// note is the concept the note being read defines, if any.
	note string
	// initials maps the initials of concepts' multi-word Latin names to
	// the concepts, for acronyms; made once the first pass has named the
	// concepts (see expansion).
	initials map[string][]string
	// quiet is set while reading notes about a subject (sources, "see
	// also"): links there are references, not concepts.
	quiet bool
	// spareWords are word slices to use again (see takeWords).
	spareWords [][]word
	// analyses are those of the words of the note read so far: the
	// shared memo of analysisOf costs more than a map of one note's.
	analyses map[string]*analysis
	// seen is the memo of the note being read, when there is one.
	seen *readMemo
}

// readMemo keeps what a note's first reading works out of its text
// alone, for its second: both passes read the same sentences, and only
// what they make of them depends on what the other notes name. It is
// used by one goroutine at a time (the passes never overlap).
type readMemo struct {
	cues     map[string][]cueHit  // findCues of a lower-cased sentence
	analyses map[string]*analysis // see extractor.analyses
}

// cuesOf returns findCues(st.lower), the memo's when e has one. The
// slice is shared: it is only read.
func (e *extractor) cuesOf(st *sent) []cueHit {
	if e.seen == nil {
		return findCues(st.lower)
	}
	if hits, ok := e.seen.cues[st.lower]; ok {
		return hits
	}
	hits := findCues(st.lower)
	if e.seen.cues == nil {
		e.seen.cues = map[string][]cueHit{}
	}
	e.seen.cues[st.lower] = hits
	return hits
}

type prevTopic struct {
	sec *section
	id  string
	t   *text // the paragraph of the sentence that named it
}

// newExtractor returns an extractor over base (nil for none): one that
// knows base's concepts, changes only its own copies of them, and logs
// what it does for base to replay.
func newExtractor(base *extractor) *extractor {
	e := &extractor{base: base, logs: base != nil, byID: map[string]*concept{}, relIndex: map[relKey]*relation{}, neighbours: map[string][]string{}}
	if base != nil {
		e.idx = newIndex(base.idx)
		e.idx.memo = e.logs // one note's reader
	} else {
		e.idx = newIndex(nil)
	}
	return e
}

// read reads d in the given pass with an extractor over e (which it only
// reads) and returns the log of what it found. The first pass's log is
// the concepts the note names, with their names and strength; the
// second's, every concept named, alias, summary, attribute and relation,
// in the order read. A fault of the rules on the note (a panic) is an
// error naming the note and the line being read: one note the rules
// cannot read costs that note, not the graph of all, nor the server that
// shows it.
func (e *extractor) read(d *doc, pass int) (log []op, err error) {
	r := newExtractor(e)
	defer func() {
		if p := recover(); p != nil {
			log, err = nil, &Error{File: d.file, Line: r.line, Err: fmt.Errorf("the extractor failed on this note, which is skipped (please report it): %v", p)}
		}
	}()
	return r.readAs(d, pass), nil
}

// testHookSentence, when set (by tests), is called with every sentence
// read.
var testHookSentence func(pass int, s string)

// readAs is read, by r itself.
func (r *extractor) readAs(d *doc, pass int) []op {
	r.pass = pass
	r.seen = &d.seen
	if d.seen.analyses == nil {
		d.seen.analyses = map[string]*analysis{}
	}
	r.analyses = d.seen.analyses
	if pass == 1 {
		r.doc(d)
		log := make([]op, 0, len(r.concepts))
		for _, c := range r.concepts {
			log = append(log, op{kind: opDefine, kn: keyed(nameSet{name: c.name, aliases: c.aliases}), st: c.strength, id: c.id})
		}
		return log
	}
	scratch := scratchLogs.Get().(*[]op)
	r.log = *scratch
	r.doc(d)
	var log []op
	if len(r.log) > 0 {
		log = slices.Clone(r.log)
	}
	clear(r.log) // the scratch keeps nothing of this note alive
	*scratch = r.log[:0]
	scratchLogs.Put(scratch)
	return log
}

// scratchLogs hold the logs of notes being read, to use again: a log
// grows to thousands of ops, and growing it anew for every note cost
// several times its size (a large slice grows by a quarter at a time).
// The log a note's reading returns is copied out of one, at its size.
var scratchLogs = sync.Pool{New: func() any { return new([]op) }}

// op is one thing a note's extractor did that its base replays.
type op struct {
	kind opKind
	id   string // the concept: defined, or given an alias, summary or attribute; a relation's from
	kn   keyedNames
	line int
	st   strength
	text string // an alias, summary or attribute
	mode labelMode
	to   string
	typ  graph.RelationType
	conf float64
	ev   graph.Evidence
	rule string
}

type opKind uint8

const (
	opDefine opKind = iota + 1
	opAlias
	opSummary
	opAttribute
	opRelate
	opTag
)

// replay does what a note's extractor logged, in e.pass. The log's ids
// are the note extractor's: those of concepts it defined are mapped to the
// ids the definitions have here.
func (e *extractor) replay(file string, log []op) {
	e.file = file
	ids := map[string]string{}
	for _, o := range log {
		e.apply(o, ids)
	}
}

// target is what one op changed: a concept, or a relation.
type target struct {
	concept string
	rel     relKey
}

// apply does one logged op of the note e.file. ids maps the note
// extractor's ids of the concepts it defined to theirs here; apply adds
// to it. It returns what the op may have changed (nothing for an op that
// did nothing).
func (e *extractor) apply(o op, ids map[string]string) target {
	id := o.id
	if m, ok := ids[id]; ok {
		id = m
	}
	switch o.kind {
	case opDefine:
		id = e.defineKeyed(o.kn, o.line, o.st)
		ids[o.id] = id
	case opAlias:
		c := e.get(id)
		if c == nil {
			return target{}
		}
		e.addAlias(c, o.text)
	case opSummary:
		e.setSummary(id, o.text)
	case opAttribute:
		e.attribute(id, o.mode, o.text)
	case opRelate:
		to := o.to
		if m, ok := ids[to]; ok {
			to = m
		}
		if !e.relate(id, o.typ, to, o.conf, o.ev, o.rule) {
			return target{}
		}
		if o.typ.Symmetric() && to < id {
			id, to = to, id
		}
		return target{rel: relKey{id, to, o.typ}}
	case opTag:
		e.tag(id, []string{o.text})
	}
	return target{concept: id}
}

// get returns the concept with id, this extractor's own copy or its
// base's.
func (e *extractor) get(id string) *concept {
	c := e.byID[id]
	if c == nil && e.base != nil {
		c = e.base.get(id)
	}
	if e.trace != nil {
		e.trace.read('i', id, strconv.FormatBool(c != nil))
	}
	return c
}

// own returns c as this extractor's to change: a concept of the base is
// copied first.
func (e *extractor) own(c *concept) *concept {
	if mine := e.byID[c.id]; mine != nil {
		return mine
	}
	cp := *c
	cp.aliases = slices.Clone(c.aliases)
	cp.pros, cp.cons, cp.tags = slices.Clone(c.pros), slices.Clone(c.cons), slices.Clone(c.tags)
	cp.sources = slices.Clone(c.sources)
	cp.keys = maps.Clone(c.keys)
	cp.srcSeen = maps.Clone(c.srcSeen)
	e.byID[c.id] = &cp
	e.concepts = append(e.concepts, &cp)
	return &cp
}

// eachConcept calls f with every concept known: the base's, then this
// extractor's new ones (its copies of the base's stand in for them).
func (e *extractor) eachConcept(f func(*concept)) {
	if e.base != nil {
		e.base.eachConcept(func(c *concept) {
			if mine := e.byID[c.id]; mine != nil {
				c = mine
			}
			f(c)
		})
	}
	for _, c := range e.concepts {
		if e.base == nil || e.base.get(c.id) == nil {
			f(c)
		}
	}
}

// define records a concept named at file:line and returns its id. Names
// already known make it the same concept; the strongest place names it.
func (e *extractor) define(ns nameSet, line int, st strength) string {
	return e.defineKeyed(keyed(ns), line, st)
}

// keyedNames is a concept's names, spaces collapsed, with their keys (see
// nameKey): worked out where a note is read, on any core, so that
// replaying a definition costs only lookups.
type keyedNames struct {
	names []string // the name, then its aliases
	keys  []string
}

func keyed(ns nameSet) keyedNames {
	k := keyedNames{names: make([]string, 0, 1+len(ns.aliases)), keys: make([]string, 0, 1+len(ns.aliases))}
	for i, n := range append([]string{ns.name}, ns.aliases...) {
		n = collapseSpace(n)
		if n == "" && i > 0 {
			continue
		}
		k.names = append(k.names, n)
		k.keys = append(k.keys, nameKey(n))
	}
	return k
}

func (e *extractor) defineKeyed(kn keyedNames, line int, st strength) string {
	var c *concept
	for _, k := range kn.keys {
		if id, ok := e.idx.key(k); ok {
			c = e.get(id)
			break
		}
	}
	if c == nil {
		for _, n := range kn.names {
			if id := e.idx.lookupStem(n); id != "" {
				c = e.get(id)
				break
			}
		}
	}
	if c == nil {
		ns := nameSet{name: kn.names[0], aliases: kn.names[1:]}
		c = &concept{id: e.newID(ns), name: ns.name, key: kn.keys[0], strength: st, born: e.at}
		e.concepts = append(e.concepts, c)
		e.byID[c.id] = c
		if e.trace != nil {
			e.trace.write('i', c.id, "true")
		}
		e.index(c, c.name, c.key)
	} else {
		c = e.own(c)
	}
	if e.logs && e.pass == 2 {
		e.log = append(e.log, op{kind: opDefine, kn: kn, line: line, st: st, id: c.id})
	}
	if st > c.strength && kn.keys[0] != c.key {
		// A heading names the concept better than a mention did; its
		// aliases come first too, since the id is made from them.
		old := append([]string{c.name}, c.aliases...)
		c.name, c.key, c.aliases, c.strength, c.keys = kn.names[0], kn.keys[0], nil, st, nil
		e.index(c, c.name, c.key)
		for _, n := range append(slices.Clone(kn.names[1:]), old...) {
			e.addAlias(c, n)
		}
	} else if st > c.strength {
		c.strength = st
	}
	for i, n := range kn.names {
		e.addAliasKeyed(c, n, kn.keys[i])
	}
	if e.pass == 2 && line > 0 {
		c.addSource(graph.Source{File: e.file, Line: line})
	}
	return c.id
}

// addSource adds src to c's sources unless it is one of them. A few
// sources are compared one by one; a concept named in many places keeps
// a set of them too.
func (c *concept) addSource(src graph.Source) {
	switch {
	case c.srcSeen != nil:
		if c.srcSeen[src] {
			return
		}
		c.srcSeen[src] = true
	case slices.Contains(c.sources, src):
		return
	case len(c.sources) >= 8:
		c.srcSeen = make(map[graph.Source]bool, 2*len(c.sources))
		for _, s := range c.sources {
			c.srcSeen[s] = true
		}
		c.srcSeen[src] = true
	}
	c.sources = append(c.sources, src)
}

// giveAlias gives concept id the name n, as a rule found it.
func (e *extractor) giveAlias(id, n string) {
	c := e.get(id)
	if c == nil {
		return
	}
	if e.logs && e.pass == 2 {
		e.log = append(e.log, op{kind: opAlias, id: id, text: n})
	}
	e.addAlias(c, n)
}

// addAlias gives c the name n, unless it has one that compares equal; it
// takes constant time however many names c has.
func (e *extractor) addAlias(c *concept, n string) {
	n = collapseSpace(n)
	e.addAliasKeyed(c, n, nameKey(n))
}

// addAliasKeyed is addAlias of a name already collapsed, with its key.
func (e *extractor) addAliasKeyed(c *concept, n, k string) {
	if n == "" {
		return
	}
	c = e.own(c)
	if c.keys == nil {
		c.keys = map[string]bool{c.key: true}
	}
	if c.keys[k] {
		return // indexed when first given
	}
	c.keys[k] = true
	c.aliases = append(c.aliases, n)
	e.index(c, n, k)
}

// index makes n find c, and also the name without a generic head noun
// ("스택 영역" is found as "스택") when that is no other concept's name.
func (e *extractor) index(c *concept, n, k string) {
	e.idx.addKeyed(n, k, c.id)
	if !strings.HasSuffix(n, "영역") {
		return
	}
	words := strings.Fields(n)
	if len(words) >= 2 && words[len(words)-1] == "영역" {
		short := strings.Join(words[:len(words)-1], " ")
		if _, taken := e.idx.key(nameKey(short)); !taken {
			e.idx.add(short, c.id)
		}
	}
}

func (x *index) lookupStem(name string) string {
	if !isLatin(name) {
		return ""
	}
	k := stemKey(name)
	id := x.byStem[k]
	if x.trace != nil {
		x.trace.read('s', k, id)
	}
	return id
}

func (e *extractor) newID(ns nameSet) string {
	return uniqueID(slugOf(ns.name, ns.aliases), func(id string) bool { return e.get(id) != nil })
}

// slugOf makes an id from a concept's names: the name's slug, or for a
// Korean name its first English alias's ("도커 (Docker)" is "docker").
func slugOf(name string, aliases []string) string {
	base := graph.Slug(name)
	if hasHangul(name) {
		for _, a := range aliases {
			if !isLatin(a) {
				continue
			}
			if s := graph.Slug(a); s != "" {
				base = s
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
	if e.logs {
		ev.Text = evidenceText(ev.Text)
		e.log = append(e.log, op{kind: opRelate, id: from, typ: typ, to: to, conf: conf, ev: ev, rule: rule})
		if k := (relKey{from, to, typ}); !hasKey(e.relIndex, k) {
			e.relIndex[k] = nil // for related, while the note is read
			e.neighbours[from] = append(e.neighbours[from], to)
			e.neighbours[to] = append(e.neighbours[to], from)
		}
		return true
	}
	ev.Rule = rule
	if typ.Symmetric() && to < from {
		from, to = to, from
	}
	k := relKey{from, to, typ}
	if len(ev.Text) > maxEvidence {
		ev.Text = evidenceText(ev.Text)
	}
	if r, ok := e.relIndex[k]; ok {
		if r.shared {
			r = e.ownRelation(r)
		}
		r.conf = max(r.conf, conf)
		if !r.seen[ev] {
			r.seen[ev] = true
			r.ev = append(r.ev, ev)
		}
		return true
	}
	r := &relation{relKey: k, conf: conf, ev: []graph.Evidence{ev}, seen: map[graph.Evidence]bool{ev: true}, at: e.at}
	e.relIndex[k] = r
	e.rels = append(e.rels, r)
	return true
}

// ownRelation replaces r, which another extractor holds too, with a copy
// of e's own, and returns the copy.
func (e *extractor) ownRelation(r *relation) *relation {
	cp := *r
	cp.ev, cp.seen, cp.shared = slices.Clone(r.ev), maps.Clone(r.seen), false
	e.relIndex[r.relKey] = &cp
	e.rels[slices.Index(e.rels, r)] = &cp
	return &cp
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
// When prev, the last graph built of the same notes, has the same
// concepts under the same names and the same relations in the same order,
// the graph is prev revised where they differ (see graph.Graph.Revise);
// build records what it built in next.
func (e *extractor) build(prev *built) (g *graph.Graph, next *built, err error) {
	n := len(e.concepts)
	if e.base != nil {
		n += len(e.base.concepts)
	}
	next = &built{from: make([]*concept, 0, n), concepts: make([]graph.Concept, 0, n), rels: make([]graph.Relation, 0, len(e.rels))}
	ids := make(map[string]string, n)
	taken := make(map[string]bool, n)
	e.eachConcept(func(c *concept) {
		id := uniqueID(e.named.slugOf(c), func(id string) bool { return taken[id] })
		taken[id] = true
		ids[c.id] = id
		next.from = append(next.from, c)
		next.concepts = append(next.concepts, c.graphConcept(id))
	})
	for _, r := range e.rels {
		next.rels = append(next.rels, graph.Relation{From: ids[r.from], To: ids[r.to], Type: r.typ, Confidence: r.conf, Evidence: r.ev})
	}
	if cs, rs, ok := prev.changes(next); ok {
		g = prev.g.Revise(cs, rs)
	} else {
		g = graph.NewSized(len(next.concepts), len(next.rels))
		for _, c := range next.concepts {
			if _, err := g.AddConcept(c); err != nil {
				return nil, nil, err
			}
		}
		for _, r := range next.rels {
			if err := g.AddRelation(r); err != nil {
				return nil, nil, err
			}
		}
	}
	// A copy of the Graph value: the caller's may be curated in place
	// (see graph.Graph.Curate), which replaces what it holds, not this.
	gv := *g
	next.g = &gv
	return g, next, nil
}

// built is what build made a graph of: the concepts, each from its
// concept, and the relations, in the order given to the graph.
type built struct {
	g        *graph.Graph
	from     []*concept
	concepts []graph.Concept
	rels     []graph.Relation
	relFrom  []*relation // the relation each of rels is of (see revise)
}

// changes returns the concepts and relations of next that differ from
// b's, when a graph of next is b's revised (see build).
func (b *built) changes(next *built) (cs []graph.Concept, rs []graph.Relation, ok bool) {
	if b == nil || len(b.concepts) != len(next.concepts) || len(b.rels) != len(next.rels) {
		return nil, nil, false
	}
	for i, c := range next.concepts {
		old := b.concepts[i]
		if c.ID != old.ID {
			return nil, nil, false
		}
		if next.from[i] == b.from[i] {
			continue // the same concept: the same names, summary and lists
		}
		if c.Name != old.Name || !slices.Equal(c.Aliases, old.Aliases) {
			return nil, nil, false
		}
		if c.Summary != old.Summary || !slices.Equal(c.Pros, old.Pros) || !slices.Equal(c.Cons, old.Cons) ||
			!slices.Equal(c.Sources, old.Sources) || !slices.Equal(c.Tags, old.Tags) {
			cs = append(cs, c)
		}
	}
	for i, r := range next.rels {
		old := b.rels[i]
		if r.From != old.From || r.To != old.To || r.Type != old.Type {
			return nil, nil, false
		}
		if r.Confidence != old.Confidence || !slices.Equal(r.Evidence, old.Evidence) {
			rs = append(rs, r)
		}
	}
	return cs, rs, true
}

func hasKey[K comparable, V any](m map[K]V, k K) bool {
	_, ok := m[k]
	return ok
}

// graphConcept is c as the graph holds it, under id.
func (c *concept) graphConcept(id string) graph.Concept {
	return graph.Concept{ID: id, Name: c.name, Aliases: c.aliases, Summary: c.summary,
		Pros: c.pros, Cons: c.cons, Sources: c.sources, Tags: slices.Sorted(slices.Values(c.tags))}
}
