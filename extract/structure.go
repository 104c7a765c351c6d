package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"conceptgraph/graph"
)

// Document structure: which concept each section, item and sentence is
// about, and what the note's shape says. A heading or bold line names a
// concept; a subsection whose name contains its parent's head noun is a
// kind of it ("### Push CDNs" under "## CDN"); the sections under a
// concept whose name ends in a class word ("Graph search algorithms",
// "CDN 캐싱방식") are its kinds, under a whole ("3Tier Architecture") its
// parts. Lists and tables are read in lists.go.

// doc walks one note.
func (e *extractor) doc(d *doc) {
	e.file = d.file
	e.olists = map[*section]*olist{}
	root := scope{}
	// A note of a vault defines one concept, named by its front matter's
	// title, else its first heading, else its file; its aliases and its
	// file name are other names of it, which links to the note use. (A
	// note with several top headings is a collection: it defines none.)
	if d.title != "" || len(d.aliases) > 0 || len(d.tags) > 0 || d.h1s == 1 || atomicNote(d) || sectionsOfFile(d) || labelsOnly(d) {
		name := d.title
		if name == "" {
			name = d.h1
		}
		file := strings.TrimSuffix(baseName(d.file), ".md")
		byFile := false
		if info := e.analyzeTitle(name, false); name == "" || d.title == "" && info.kind == titleLabel && info.target == nil && fileConcept(file) {
			name, byFile = file, name != "" // "# Description" opening "Dockerfile.md": a label, the file names the note
		}
		// A first heading that compares two concepts ("# Redis와
		// Memcached") or states something names no concept of its own,
		// unless the note gives it other names to link to.
		named := d.title != "" || len(d.aliases) > 0 || d.h1 == "" || byFile || e.analyzeTitle(d.h1, false).kind == titleConcept
		if ns := parseNames(name); len(ns) == 1 && named {
			ns[0].aliases = append(ns[0].aliases, d.aliases...)
			if !namesSection(d.root, graph.NormName(file), 0) {
				// (Not when a section names it: "prometheus.md" under
				// "# Monitoring with Prometheus" has "## Prometheus".)
				ns[0].aliases = append(ns[0].aliases, file)
			}
			root.subject = e.define(ns[0], 1, fromHeading)
			e.tag(root.subject, d.tags)
			if d.desc != "" {
				// Its front matter's description reads as its first
				// text.
				e.statements(&text{s: d.desc, lines: []linePos{{0, d.descLine}}}, ctx{subject: root.subject, first: true, own: true})
			}
		}
	}
	e.note = root.subject
	e.section(d.root, root)
}

// atomicNote reports whether d is a note with no heading at all, named by
// a file whose name is a concept's ("etcd.md", "Raft consensus.md"): in a
// vault, a note of one idea is titled by its file.
func atomicNote(d *doc) bool {
	blocks := len(d.root.blocks)
	for _, c := range d.root.children {
		if info, isLabel := labelTitle(cleanTitle(c.title.s)); c.kind == sectionHeading && isLabel && info.lab.mode == labelIgnore && len(c.children) == 0 {
			continue // "### References" at its foot
		}
		if c.kind != sectionLabel {
			return false // a heading, or a line that titles what follows: sections of a longer note
		}
		blocks += len(c.blocks)
	}
	if blocks > 12 {
		return false
	}
	return fileConcept(strings.TrimSuffix(baseName(d.file), ".md"))
}

// fileConcept reports whether a note's file name (without ".md") is a
// concept's name, as a vault's titles are ("etcd", "Raft consensus",
// "샤딩"), and not a label, a readme or index, a numbered part or a slug
// ("ko-tcp", "bean_scope", "01 notes").
func fileConcept(file string) bool {
	if strings.ContainsAny(file, "0123456789_") || strings.Contains(file, "-") && !strings.Contains(file, " ") && file == lowerCase(file) {
		return false
	}
	if _, isLabel := labelTitle(file); isLabel || strings.EqualFold(file, "readme") || strings.EqualFold(file, "index") {
		return false
	}
	ns := parseNames(file)
	return len(ns) == 1 && nameLike(ns[0].name, true)
}

// labelsOnly reports whether every top heading of d is a label
// ("# Description", "# Components"): the note is about what its file
// names.
func labelsOnly(d *doc) bool {
	n := 0
	for _, c := range d.root.children {
		if c.kind != sectionHeading || c.level != 1 {
			continue
		}
		if info, ok := labelTitle(cleanTitle(c.title.s)); !ok || info.target != nil {
			return false
		}
		n++
	}
	return n > 0 && fileConcept(strings.TrimSuffix(baseName(d.file), ".md"))
}

// sectionsOfFile reports whether d is a vault note with no top heading
// whose sections are kinds of what its file names: "샤딩.md" over "## 수직
// 샤딩" and "## 수평 샤딩", "Index.md" over "## Hash Index". A file named
// as a slug ("ko-tcp.md", "bean_scope.md") is no concept's title.
func sectionsOfFile(d *doc) bool {
	if d.h1s != 0 || len(d.root.children) == 0 {
		return false
	}
	file := strings.TrimSuffix(baseName(d.file), ".md")
	if !fileConcept(file) && !(strings.EqualFold(file, "index") && len(d.root.blocks) > 0) {
		return false // ("Index.md" opening with text is about indexes)
	}
	for _, c := range d.root.children {
		if t := cleanTitle(c.title.s); c.kind == sectionHeading && !strings.EqualFold(t, file) && sameHeadNoun(t, file) {
			return true
		}
	}
	return false
}

// namesSection reports whether a section under s below level one is
// titled key.
func namesSection(s *section, key string, depth int) bool {
	for _, c := range s.children {
		if c.level > 1 && nameKey(cleanTitle(c.title.s)) == key || depth < 8 && namesSection(c, key, depth+1) {
			return true
		}
	}
	return false
}

func baseName(p string) string {
	if i := strings.LastIndexAny(p, "/\\"); i >= 0 {
		return p[i+1:]
	}
	return p
}

// section walks s with the scope it inherits.
func (e *extractor) section(s *section, in scope) {
	sc, info := e.open(s, in)
	// (The text before any heading of a note that defines a concept is
	// that concept's own: "Key-value store of a cluster state.")
	own := info.kind == titleConcept || s.kind == sectionRoot && sc.subject != "" && sc.subject == e.note
	e.blocks(s, s.blocks, sc, own)
	e.children(s, sc)
}

// children walks the sections under s. Pseudo-sections follow each other at
// one level; a label after a concept ("장점" after "**MSA**") is about that
// concept.
func (e *extractor) children(s *section, sc scope) {
	topic := sc
	var units []*unit
	var cur *unit
	lastGroup := -1
	siblings := map[string]bool{} // the concepts of the headings before, at this level
	for _, c := range s.children {
		if c.group != lastGroup {
			topic, cur, lastGroup = sc, nil, c.group
		}
		cin := topic
		if c.kind == sectionHeading {
			cin = sc
			if cur != nil && cur.heading && c.level <= 1 {
				// "# Implementations" after "# SMB": a label heading
				// among notes joined into one is about the note before.
				if info := e.analyzeTitle(c.title.s, false); info.kind == titleLabel && info.target == nil {
					cin = topic
				}
			}
		}
		csc, cinfo := e.open(c, cin)
		if cinfo.kind == titleConcept && sc.subject != "" && csc.subject != sc.subject && c.kind != sectionLabel {
			e.subsection(csc.subject, sc, c, siblings)
		}
		if cinfo.kind == titleConcept && c.kind == sectionHeading {
			siblings[csc.subject] = true
		}
		switch cinfo.kind {
		case titleConcept:
			topic = csc
			cur = nil
			// Questions ("데드락이란?", "What is X?") are asked one after
			// another in any Q&A: their shape says nothing of a
			// comparison.
			if _, question := questionTopic(cleanTitle(c.title.s)); c.kind != sectionSummary && !question {
				cur = &unit{id: csc.subject, group: c.group, heading: c.kind == sectionHeading, bold: c.kind == sectionBold, line: c.title.line(), title: c.title.s}
				units = append(units, cur)
			}
		case titleCompare:
			cur = nil
		}
		if cur != nil {
			cur.shape = append(cur.shape, shapeOf(c, cinfo)...)
		}
		e.blocks(c, c.blocks, csc, cinfo.kind == titleConcept)
		e.children(c, csc)
	}
	e.parallel(units)
}

// subsection relates a concept section to the concept of the section it
// is in: a kind when its name contains the parent's head noun or the
// parent names a class, a part when the parent names a whole; nothing
// when an earlier heading at its level already placed it.
func (e *extractor) subsection(child string, parent scope, s *section, siblings map[string]bool) {
	p := e.get(parent.subject)
	if p == nil || s.kind == sectionHeading && s.level <= 1 {
		return // notes joined into one file: each level-1 heading its own
	}
	for _, sib := range e.neighbours[child] {
		if sib != child && siblings[sib] {
			// "### 물리 계층 기기 … NIC, 리피터, AP가 있음" then "### NIC":
			// a heading placed under the one before it by its text,
			// though written at the same level.
			return
		}
	}
	ev := graph.Evidence{File: e.file, Line: s.title.line(), Text: s.title.s}
	name := e.nameOf(child)
	if sameClause(name, p.name) {
		return // "### 물리 계층을 처리하는 기기" under "## 데이터 링크 계층을 처리하는 기기": a sibling, misplaced
	}
	if f := strings.Fields(name); len(f) > 1 && activityGerund(lowerCase(f[0])) && strings.EqualFold(strings.Join(f[1:], " "), p.name) {
		return // "## Debugging Terraform" under "# Terraform": what one does with it
	}
	switch {
	case containsAfterStart(name, p) || sharesHead(name, p) && !genericNouns[lowerCase(lastWord(name))]:
		e.relate(child, graph.TypeOf, parent.subject, 0.7, ev, "heading-kind")
	case s.kind != sectionHeading:
		// A bold line under a heading is read as the heading's list.
	case parent.subject == e.note && !parent.list.titled:
		// "# Distributed Systems" over "## CAP theorem": the note's
		// topics, no kinds of its title's class (but "## 4 main types"
		// under it lists its kinds).
	case parent.list.lab.mode == labelRel && parent.list.lab.rel == graph.TypeOf:
		e.relate(child, graph.TypeOf, parent.subject, 0.65, ev, "heading-kind")
	case parent.list.lab.mode == labelRel && parent.list.lab.rel == graph.PartOf:
		e.relate(child, graph.PartOf, parent.subject, 0.65, ev, "heading-part")
	case parent.list.lab.mode == labelRel && parent.list.lab.rel == graph.ExampleOf:
		e.relate(child, graph.ExampleOf, parent.subject, 0.65, ev, "heading-example")
	}
}

// sharesHead reports whether name ends in the head noun of one of c's
// names, plurals aside: "Push CDNs" and "CDN", "선점형 스케줄링" and "CPU
// 스케줄링". One word alone shares nothing.
func sharesHead(name string, c *concept) bool {
	if len(strings.Fields(name)) < 2 {
		return false
	}
	for _, n := range append([]string{c.name}, c.aliases...) {
		if sameHeadNoun(name, n) && !strings.EqualFold(name, n) {
			return true
		}
	}
	return false
}

// headingList reads a heading that names a class and, after a dash or a
// colon, two or more of its members: "PodStatus - Pending, Running",
// "Isolation levels: Read Committed, Serializable". A remark in
// parentheses after them is left out.
func headingList(title string) (nameSet, []nameSet, bool) {
	t := strings.TrimSpace(title)
	if i := strings.LastIndex(t, " ("); i > 0 && strings.HasSuffix(t, ")") {
		t = strings.TrimSpace(t[:i])
	}
	for _, sep := range []string{" - ", " – ", " — ", ": "} {
		left, right, ok := strings.Cut(t, sep)
		if !ok || !strings.ContainsAny(right, ",、") {
			continue
		}
		if _, isLabel := labelTitle(cleanTitle(left)); isLabel {
			return nameSet{}, nil, false // "종류: A, B": the label's (see labelList)
		}
		ws := parseNames(cleanTitle(left))
		if len(ws) != 1 || !nameLike(ws[0].name, true) || len(strings.Fields(ws[0].name)) > 4 {
			return nameSet{}, nil, false
		}
		members := splitNames(right)
		if len(members) < 2 || slices.ContainsFunc(members, func(n nameSet) bool { return !nameLike(n.name, true) }) {
			return nameSet{}, nil, false
		}
		return ws[0], members, true
	}
	return nameSet{}, nil, false
}

// open reads a section's title and returns the scope of its text.
func (e *extractor) open(s *section, in scope) (scope, titleInfo) {
	if s.kind == sectionRoot {
		return in, titleInfo{}
	}
	line := s.title.line()
	ev := graph.Evidence{File: e.file, Line: line, Text: s.title.s}
	if s.kind == sectionHeading {
		if whole, members, ok := headingList(s.title.s); ok {
			// "# PodStatus - Pending, Running, Succeeded": a class and its
			// members, named in one heading.
			id := e.define(whole, line, fromHeading)
			mode := headMode(whole.name)
			rel := graph.TypeOf
			if mode.lab.mode == labelRel {
				rel = mode.lab.rel
			}
			for _, m := range members {
				// (Values a heading lists, "Pending, Running", are kinds even
				// when written as names; structural would make them examples.)
				if mid := e.define(m, line, fromItem); mid != "" && mid != id {
					e.relate(mid, rel, id, 0.75, ev, "heading-list")
				}
			}
			return scope{subject: id, list: mode}, titleInfo{kind: titleConcept, names: []nameSet{whole}}
		}
	}
	info := e.analyzeTitle(s.title.s, s.kind == sectionLabel)
	st := fromBold
	if s.kind == sectionHeading {
		st = fromHeading
	}
	switch info.kind {
	case titleConcept:
		var first string
		for i, n := range info.names {
			if i == 0 && len(s.aliases) > 0 {
				n.aliases = append(slices.Clone(n.aliases), s.aliases...)
			}
			id := e.define(n, line, st)
			if first == "" {
				first = id
				e.tag(id, s.tags)
			}
		}
		out := scope{subject: first}
		if len(info.names) == 1 {
			out.list = headMode(info.names[0].name)
		}
		if s.meta != "" {
			// A note's own front matter in the middle of a file: its
			// description reads as the concept's first text.
			e.statements(&text{s: s.meta, lines: []linePos{{0, s.metaLine}}}, ctx{subject: first, first: true, own: true})
		}
		return out, info
	case titleLabel:
		if info.lab.mode == labelOrg {
			// "Redis 소개", "Introduction to X": notes about X, whose
			// items are not its parts.
			if info.target != nil {
				out := in
				if id := e.idx.lookup(info.target.name); id != "" {
					out.subject = id
				} else {
					out.subject = e.define(*info.target, line, fromItem)
				}
				out.list = listMode{lab: label{mode: labelOrg}}
				return out, info
			}
			if s.kind == sectionHeading && in.subject != "" && in.subject == e.note {
				// "# Description" in "Docker.md": about the note's concept,
				// its first item a genus as an introduction's is.
				out := in
				out.list = listMode{lab: label{mode: labelOrg}}
				return out, info
			}
			return in, info
		}
		out := scope{subject: in.subject, list: listMode{lab: info.lab, taxonomy: info.lab.rel == graph.TypeOf, refs: info.refs, titled: s.kind == sectionHeading}}
		if info.target != nil {
			if id := e.idx.lookup(info.target.name); id != "" {
				out.subject = id
			} else if info.lab.mode != labelIgnore || s.kind == sectionHeading {
				out.subject = e.define(*info.target, line, fromItem)
			}
		} else if _, names, ok := strings.Cut(s.title.s, ":"); ok && s.kind == sectionLabel {
			// "종류: A 클래스, B 클래스, …" over a list of some of them: the
			// names after the colon are members too.
			e.labelList(info, names, out, &s.title)
		}
		return out, info
	case titleCompare:
		for _, pair := range append([][2]nameSet{info.pair}, info.more...) {
			a := e.define(pair[0], line, st)
			b := e.define(pair[1], line, st)
			e.relate(a, graph.ComparedWith, b, 0.9, ev, "compare-title")
		}
		return scope{}, info
	case titleStatement:
		out := scope{subject: in.subject}
		if s.kind == sectionLabel && in.list.lab.mode == labelRel {
			// "## 볼륨 종류" over "노드에 붙는 볼륨은 크게 3가지" and a
			// list: a line that introduces the heading's kinds.
			out.list = in.list
		}
		if e.pass > 1 && s.kind != sectionLabel {
			// "프로세스의 힙, 스택 영역에는 어떤 정보가 있나요?": the text
			// under a question is about the first concept it names.
			if ms := e.idx.mentions(s.title.s, tokenize(s.title.s)); len(ms) > 0 {
				out.subject = ms[0].id
			}
		}
		e.sentence(&s.title, 0, len(s.title.s), ctx{subject: out.subject})
		return out, info
	}
	return in, info
}

// headMode is how the list under a concept relates to it, from the
// concept's head noun: kinds of "CDN 캐싱방식", parts of "3Tier
// Architecture".
func headMode(name string) listMode {
	last := lowerCase(lastWord(name))
	several := strings.IndexFunc(strings.TrimFunc(name, unicode.IsSpace), unicode.IsSpace) >= 0 // more than one word
	if r, ok := strings.CutSuffix(last, "계층"); ok && r != "" && strings.Trim(r, "0123456789") == "" {
		return listMode{lab: label{labelRel, graph.PartOf}} // "OSI 7계층": its layers
	}
	for _, w := range countWords(name) {
		if countedStage(w) {
			return listMode{lab: label{labelRel, graph.PartOf}} // "5단계 파이프라인", "3-tier architecture": its stages
		}
	}
	for _, h := range classifierHeads {
		if last == h || (h[0] >= utf8.RuneSelf && strings.HasSuffix(last, h)) {
			return listMode{lab: label{labelRel, graph.TypeOf}, taxonomy: true}
		}
	}
	for _, h := range wholeHeads {
		// Korean heads are written onto the word: "3계층구조".
		ko := h[0] >= utf8.RuneSelf
		if several && last == h || ko && strings.HasSuffix(last, h) && (last != h || several) {
			return listMode{lab: label{labelRel, graph.PartOf}}
		}
	}
	if several && isLatin(name) && plural(last) && !partPlurals[last] && !hasKey(labels, labelKey(last)) && !praiseWords[lowerCase(firstWord(name))] && !activityGerund(lowerCase(firstWord(name))) {
		// "Message Brokers": a class in the plural lists its members.
		// ("Popular brokers: NATS, …" names examples, as it says.)
		return listMode{lab: label{labelRel, graph.TypeOf}}
	}
	return listMode{}
}

// countedStagesRe is a word that counts the stages or layers of what it
// names: "5단계", "3계층", "3-tier", "two-phase".
var countedStagesRe = regexp.MustCompile(`^(?:[0-9]+|one|two|three|four|five|six|seven)[- ]?(?:단계|계층|층|tiers?|layers?|stages?|phases?|steps?)$`)

// countWords returns the words of name when one may count ("5단계",
// "two-phase"), or nil.
func countWords(name string) []string {
	if !strings.ContainsAny(name, "0123456789-") {
		return nil
	}
	return strings.Fields(name)
}

// countedStage reports whether w matches countedStagesRe, testing the
// expression only on words that open with a count.
func countedStage(w string) bool {
	if w == "" {
		return false
	}
	if c := w[0] | 0x20; !(w[0] >= '0' && w[0] <= '9') && c != 'o' && c != 't' && c != 'f' && c != 's' {
		return false
	}
	return countedStagesRe.MatchString(lowerCase(w))
}

// memberMode is headMode for the items of a list right under a heading
// or term: there a name of several words ending in a class noun in the
// plural ("## Message brokers", "## Delivery semantics") lists members.
func memberMode(name string) listMode {
	if m := headMode(name); m.lab.mode != 0 {
		return m
	}
	if strings.Contains(strings.TrimSpace(name), " ") && pluralClass(lastWord(name)) {
		return listMode{lab: label{labelRel, graph.TypeOf}}
	}
	return listMode{}
}

// pluralClass reports whether an English head noun names a class in the
// plural, whose listed items are its members: "brokers", "semantics";
// not parts, pieces or remarks ("operations", "fields", "notes"), nor a
// label.
func pluralClass(last string) bool {
	if !plural(last) || !isLatin(last) || last != strings.ToLower(last) || genericNouns[last] || partPlurals[last] || strings.ContainsAny(last, "0123456789") {
		return false
	}
	if _, ok := labels[labelKey(last)]; ok {
		return false
	}
	if _, ok := kindHeads[stem(last)]; ok {
		return false
	}
	return true
}

// olist is an ordered list that a later list may continue ("1." … text …
// "2." …), across the blocks and pseudo-sections of one heading.
type olist struct {
	next int
	sc   scope
}

func (e *extractor) headingOf(s *section) *section {
	if s == nil {
		return nil // blocks nested in a list item: their own scope
	}
	for s.kind != sectionHeading && s.kind != sectionRoot && s.parent != nil {
		s = s.parent
	}
	return s
}

// blocks walks a section's blocks under scope sc. defined says the section
// names a concept, whose first paragraph or quote is its summary.
func (e *extractor) blocks(s *section, blocks []*block, sc scope, defined bool) {
	subject := sc.subject
	mode := sc.list
	if mode.refs {
		quiet := e.quiet
		e.quiet = true
		defer func() { e.quiet = quiet }()
	}
	own := defined
	if s != nil {
		prev := e.sec
		e.sec = s
		defer func() { e.sec = prev }()
	}
	var numbered *scope // the scope numbered heads relate to, once one is read
	for i, b := range blocks {
		// Inline tags ("#database") are the note's concept's, or the
		// section's where the note names none.
		if tags := blockTags(b); len(tags) > 0 {
			if e.note != "" {
				e.tag(e.note, tags)
			} else {
				e.tag(subject, tags)
			}
		}
		switch b.kind {
		case blockPara, blockQuote:
			if defined && i == 0 {
				e.summary(subject, b)
			}
			if mode.lab.mode == labelPros || mode.lab.mode == labelCons {
				e.attribute(subject, mode.lab.mode, b.text.s)
				e.statements(&b.text, ctx{subject: subject, only: comparisonsOnly, pros: true})
				continue
			}
			if onlyLink(&b.text) {
				continue // "[ICMP @Wikipedia](…)": a reference
			}
			if b.kind == blockPara && e.termParagraph(&b.text, scope{subject: subject, list: mode}) {
				continue
			}
			if mode.lab.mode == labelRel && e.sequence(&b.text, scope{subject: subject, list: mode}) {
				continue
			}
			c := ctx{subject: subject, first: defined && i == 0, own: own}
			if mode.lab.mode == labelRel {
				c.lab = mode.lab
			}
			e.statements(&b.text, c)
		case blockList:
			lsc := scope{subject: subject, list: mode}
			if mode.lab.mode == 0 && subject != "" && subject == sc.subject {
				lsc.list = memberMode(e.nameOf(subject))
			}
			var lead *text
			if i > 0 && (blocks[i-1].kind == blockPara || blocks[i-1].kind == blockQuote) {
				lead = &blocks[i-1].text
			}
			h := e.headingOf(s)
			if b.ordered {
				if st := e.olists[h]; st != nil && b.start > 1 && b.start == st.next {
					lsc, lead = st.sc, nil
				}
			}
			if b.ordered && len(b.items) == 1 && len(b.items[0].children) == 0 && len(b.items[0].blocks) == 0 && i+1 < len(blocks) {
				// "1. Stop and Wait" followed by its text: the item heads
				// what follows it, up to the next such item. A lead-in
				// ("세가지 요구조건이 충족 되어야 한다") says how they relate.
				if numbered != nil {
					lsc = *numbered // "1. TCP" … "1. HTTP": siblings, not a chain
				} else if lead != nil && b.start <= 1 {
					if subj, lab, _ := e.leadIn(lead, lsc); lab.mode == labelRel {
						lsc.list = listMode{lab: lab, taxonomy: lab.rel == graph.TypeOf}
						if subj != "" {
							lsc.subject = subj
						}
					}
				}
				if id := e.numberedHead(b.items[0], lsc); id != "" {
					if numbered == nil {
						saved := lsc
						numbered = &saved
					}
					e.olists[h] = &olist{next: b.start + 1, sc: lsc}
					subject, mode, own = id, headMode(e.nameOf(id)), true
					continue
				}
			}
			e.list(b, lsc, lead)
			if b.ordered {
				e.olists[h] = &olist{next: b.start + len(b.items), sc: lsc}
			}
		case blockTable:
			e.table(b, scope{subject: subject, list: mode})
		}
	}
}

// termParagraph reads a paragraph written as a term and what it is: "*DNS*:
// hierarchical and distributed naming system", "[fbtftp](…): Facebook
// implementation of a TFTP server", "DORA process: Discover, Offer,
// Request, Acknowledge". It reports whether it read one.
func (e *extractor) termParagraph(t *text, sc scope) bool {
	if strings.Contains(strings.TrimSpace(t.s), "\n") {
		// "[fbtftp](…): Facebook implementation of …" on each line: a
		// glossary written without blank lines, each line its term.
		lines := t.split()
		for _, l := range lines {
			if len(l.marks) == 0 || l.marks[0].start > 1 || !strings.Contains(l.s, ":") {
				return false
			}
		}
		read := false
		for i := range lines {
			if e.termParagraph(&lines[i], sc) {
				read = true
			} else {
				e.statements(&lines[i], ctx{subject: sc.subject})
			}
		}
		return read
	}
	head, desc, descAt, _ := splitItem(t)
	if head == "" || desc == "" {
		return false
	}
	// "Popular brokers: RabbitMQ, Kafka and NATS. All are fast.": the
	// names end with the first sentence, and the rest is read as text.
	first, restAt := desc, len(t.s)
	if sp := sentenceSpans(desc); len(sp) > 1 {
		first = strings.TrimRight(desc[sp[0][0]:sp[0][1]], ". ")
		if i := strings.Index(t.s[descAt:], desc); i >= 0 {
			restAt = descAt + i + sp[1][0]
		}
	}
	rest := func() {
		for _, sp := range sentenceSpans(t.s[restAt:]) {
			e.sentence(t, restAt+sp[0], restAt+sp[1], ctx{subject: sc.subject})
		}
	}
	if openingCue(head) {
		// "Used in: Cassandra, RocksDB": a fragment about the text's
		// concept, its cue written as a label.
		e.sentence(t, 0, len(t.s), ctx{subject: sc.subject, first: true, own: true})
		return true
	}
	if info, isLabel := e.labelOf(head); isLabel {
		if clauseHead(head) || !e.labelList(info, first, sc, t) {
			return false
		}
		rest()
		return true
	}
	if vsIndex(head) != nil {
		return false // "Rebase vs merge: same goal, …": a comparison, then what it finds
	}
	if e.sum(head, desc, graph.Evidence{File: e.file, Line: t.line(), Text: t.s}) {
		rest()
		return true
	}
	ns := parseNames(cleanTitle(head))
	if len(ns) != 1 || !nameLike(ns[0].name, true) || len(strings.Fields(ns[0].name)) > 4 {
		return false
	}
	if countWord(strings.ToLower(firstWord(ns[0].name))) {
		return false // "Two modes exist: …": a count and its class (see counted)
	}
	names := splitNames(first)
	for _, n := range names {
		if w := lowerCase(n.name); adjective(w) && !strings.Contains(w, " ") || countedName(n.name) || hasFunctionWord(n.name) {
			names = nil // "hierarchical and distributed naming system": a phrase, not a list
			break
		}
	}
	genera := slashAlternatives(first, names)
	if genera != nil {
		names = nil
	}
	marked := false
	for _, m := range t.marks {
		if m.start <= len(t.s)-len(strings.TrimLeft(t.s, " ")) && m.kind != markWiki {
			marked = true
		}
	}
	if !marked && len(names) < 2 && genera == nil && e.idx.lookup(ns[0].name) == "" && !isAcronym(ns[0].name) && !hasHangul(ns[0].name) {
		return false // "Abstraction: hash table": a remark, not a term
	}
	line := t.line()
	ev := graph.Evidence{File: e.file, Line: line, Text: t.s}
	if len(names) >= 2 && e.classList(ns[0], names, sc.subject, ev) {
		rest()
		return true
	}
	id := e.define(ns[0], line, fromBold)
	// What it is, then more about it, sentence by sentence: "Salt =
	// event-driven automation framework. Pull-based, uses ZeroMQ."
	about := func() {
		for _, sp := range sentenceSpans(t.s[restAt:]) {
			e.sentence(t, restAt+sp[0], restAt+sp[1], ctx{subject: id, own: true})
		}
	}
	if genera != nil {
		for _, g := range genera {
			gid := e.define(g, line, fromText)
			e.relate(id, e.definitionRel(id, gid), gid, 0.7, ev, "definition")
		}
		about()
		return true
	}
	if len(names) >= 2 {
		for _, n := range names {
			e.relate(e.define(n, line, fromItem), graph.PartOf, id, 0.7, ev, "colon-list")
		}
		rest()
		return true
	}
	e.sentence(t, descAt, restAt, ctx{subject: id, first: true, own: true})
	about()
	return true
}

// slashAlternatives reads names split from s only at slashes as the
// alternatives of one class, when the last ends in a class noun the
// others lack: "agentless deployment / remote execution tool" is a
// deployment tool and a remote execution tool. It returns the classes, or
// nil.
func slashAlternatives(s string, names []nameSet) []nameSet {
	if len(names) < 2 || strings.ContainsAny(s, ",，、") {
		return nil
	}
	whole := names[len(names)-1].name
	head := lastWord(whole)
	if lh := lowerCase(head); !productHeads[lh] && !productHeads[singular(lh)] {
		return nil
	}
	out := make([]nameSet, 0, len(names))
	for _, n := range names[:len(names)-1] {
		ws := strings.Fields(n.name)
		for len(ws) > 1 && ws[0] == strings.ToLower(ws[0]) && adjective(ws[0]) {
			ws = ws[1:] // "agentless": a quality, no part of the class's name
		}
		if sameHeadNoun(n.name, whole) || len(ws) > 3 {
			return nil
		}
		out = append(out, nameSet{name: strings.Join(ws, " ") + " " + head})
	}
	return append(out, nameSet{name: whole})
}

// openingCue reports whether head is an English cue that opens a fragment
// about its concept: "Used in", "Used by".
func openingCue(head string) bool {
	h := lowerCase(strings.Trim(strings.TrimSpace(head), "*_"))
	for _, c := range cues {
		if c.start && c.lang == "en" && c.rel == graph.Uses && c.phrase == h {
			return true
		}
	}
	return false
}

// countedName reports whether a name holds a count or a measure, not a
// name: "2 phases", "10 ms", "3 times" (but "SHA-256", "EC2", "S3" are
// names).
func countedName(name string) bool {
	for _, w := range strings.Fields(name) {
		if strings.Trim(w, "0123456789.,%") == "" || unicode.IsDigit(firstRune(w)) {
			return true
		}
	}
	return false
}

// clauseHead reports whether the text before a colon is a clause, not a
// label: "Loki has three label types", "Four conditions must hold".
func clauseHead(head string) bool {
	for _, w := range strings.Fields(lowerCase(head)) {
		if englishVerb(w) || fn(w) == fnAux || countWord(w) {
			return true
		}
	}
	return false
}

// labelList reads a label and the names after its colon in one
// paragraph: "Components: Broker, Producer and Consumer" (parts of the
// text's concept), "Exchange types: direct, topic, fanout" (kinds of the
// exchange the label names), "Examples: …". It reports whether it read
// one.
func (e *extractor) labelList(info titleInfo, desc string, sc scope, t *text) bool {
	rel := info.lab.rel
	if info.lab.mode != labelRel || rel != graph.TypeOf && rel != graph.ExampleOf && rel != graph.PartOf {
		return false
	}
	names := splitNames(desc)
	if len(names) < 2 || slices.ContainsFunc(names, func(n nameSet) bool { return !nameLike(n.name, true) || len(strings.Fields(n.name)) > 4 }) {
		return false
	}
	ev := graph.Evidence{File: e.file, Line: t.line(), Text: t.s}
	subj := sc.subject
	if info.target != nil {
		subj = e.define(*info.target, ev.Line, fromText)
	}
	if subj == "" {
		return false
	}
	for _, n := range names {
		if item := e.define(n, ev.Line, fromItem); item != subj {
			e.relate(item, rel, subj, 0.75, ev, "label")
		}
	}
	return true
}

// classItem reads a list item "G: X, Y, Z" whose term names a class (see
// classList); it reports whether it read one.
func (e *extractor) classItem(head, desc, subject string, ev graph.Evidence) bool {
	ns := parseNames(cleanTitle(head))
	if len(ns) != 1 || !nameLike(ns[0].name, true) {
		return false
	}
	names := splitNames(desc)
	if len(names) < 2 || slices.ContainsFunc(names, func(n nameSet) bool { return len(strings.Fields(n.name)) > 4 }) {
		return false
	}
	return e.classList(ns[0], names, subject, ev)
}

// classList reads a term that names a class in the plural, and its
// members after the colon: "Popular brokers: RabbitMQ, Kafka, Amazon SQS"
// (examples of brokers, the praise dropped), "Exchange types: direct,
// topic, fanout" (kinds of exchange). Parts and steps ("Components: …",
// "DORA process: …") are not classes; it reports whether it read one.
// A class as general as "툴" or "Tools" stands for subject, the concept of
// the text ("- 툴: Jaeger, Zipkin" under 분산 트레이싱).
func (e *extractor) classList(hn nameSet, names []nameSet, subject string, ev graph.Evidence) bool {
	if m := headMode(hn.name); m.lab.mode == labelRel {
		// "스케줄링 알고리즘: FCFS, SJF": a class word names its kinds;
		// "Popular checksum algorithms: …", the praise dropped.
		if ws := strings.Fields(hn.name); len(ws) > 1 && genusAdjectives[lowerCase(ws[0])] && len(hn.aliases) == 0 {
			hn = singularName(nameSet{name: strings.Join(ws[1:], " ")})
		}
		lsc := scope{subject: e.define(hn, ev.Line, fromBold), list: m}
		for _, n := range names {
			e.structural(e.define(n, ev.Line, fromItem), lsc, ev, n.name, false, "colon-list")
		}
		return true
	}
	head := hn.name
	ws := strings.Fields(head)
	if len(ws) > 2 && ws[0] == "그" && ws[1] == "외" {
		ws = ws[2:] // "그 외 번들러"
	}
	for len(ws) > 1 && (genusAdjectives[lowerCase(ws[0])] || otherWords[lowerCase(ws[0])]) {
		ws = ws[1:] // "Popular …", "기타 도구": the class
	}
	last := lowerCase(ws[len(ws)-1])
	if productHeads[singular(last)] && namedCount(names) >= max(2, len(names)-1) {
		// "그 외 번들러: esbuild, Parcel, Turbopack": products of a
		// class of tools.
		id := subject
		if len(ws) > 1 || !genericClasses[singular(last)] || subject == "" {
			id = e.define(singularName(nameSet{name: strings.Join(ws, " ")}), ev.Line, fromBold)
		}
		for _, n := range names {
			// (all products alike: "esbuild" is listed with "Parcel")
			e.relate(e.define(n, ev.Line, fromItem), graph.ExampleOf, id, 0.75, ev, "colon-list")
		}
		return true
	}
	if !isLatin(head) || last != ws[len(ws)-1] && len(ws) > 1 {
		return false
	}
	rel := graph.RelationType("")
	class := strings.Join(ws, " ")
	switch {
	case kindWord(last) && len(ws) > 1:
		class, rel = strings.Join(ws[:len(ws)-1], " "), graph.TypeOf
	case plural(last) && !kindWord(last) && len(ws) < len(strings.Fields(head)):
		// ("Brokers: …" alone may be a label; praise before it says a class)
	case len(ws) == 1 && pluralClass(last) && instancesListed(names):
		// "triggers: S3 events, API Gateway, SQS, EventBridge": a class
		// in the plural, which the names listed are of.
	default:
		return false
	}
	if _, ok := kindHeads[stem(last)]; ok && rel == "" {
		return false // "Main components: …": parts
	}
	cns := parseNames(class)
	if len(cns) != 1 {
		return false
	}
	id := e.define(singularName(cns[0]), ev.Line, fromBold)
	for _, n := range names {
		item := e.define(n, ev.Line, fromItem)
		r := rel
		if r == "" {
			r = graph.TypeOf
			if properName(n.name) || identName(n.name) {
				r = graph.ExampleOf
			}
		}
		e.relate(item, r, id, 0.75, ev, "colon-list")
	}
	return true
}

// otherWords open a class named as the rest of it: "Other tools", "그 외
// 번들러", "기타 도구".
var otherWords = map[string]bool{"other": true, "그외": true, "기타": true, "그밖의": true, "다른": true}

// instancesListed reports whether names are, all but one at most, three
// or more names of things: opening with a proper name, an identifier or
// an acronym.
func instancesListed(names []nameSet) bool {
	n := namedCount(names)
	return n >= 3 && n >= len(names)-1
}

// namedCount counts the names of names that read as a thing's name.
func namedCount(names []nameSet) int {
	n := 0
	for _, nm := range names {
		if f := firstWord(nm.name); properName(nm.name) || identName(f) || isAcronym(f) || properName(f) {
			n++ // ("S3 events", "EventBridge schedule": a thing's name first)
		}
	}
	return n
}

// sequence reads "Longest Match Rule → AD → Metric" under a label: each
// step is an item of the label.
func (e *extractor) sequence(t *text, sc scope) bool {
	s := strings.TrimSpace(t.s)
	sep := ""
	for _, a := range arrows {
		if strings.Count(s, a) >= 1 {
			sep = a
			break
		}
	}
	if sep == "" || strings.Contains(s, "\n") {
		return false
	}
	var steps []nameSet
	for _, part := range strings.Split(s, sep) {
		ns := parseNames(strings.TrimSpace(part))
		if len(ns) != 1 || !nameLike(ns[0].name, true) {
			return false
		}
		steps = append(steps, ns[0])
	}
	ev := graph.Evidence{File: e.file, Line: t.line(), Text: s}
	for _, n := range steps {
		e.structural(e.define(n, t.line(), fromItem), sc, ev, n.name, false, "label")
	}
	return true
}

// hasFunctionWord reports whether an English name holds a function word:
// "done in steps of 0.5ms" is a phrase, not a name.
func hasFunctionWord(s string) bool {
	for _, w := range strings.Fields(lowerCase(s)) {
		if f := fn(w); f != 0 && f != fnDet {
			return true
		}
	}
	return false
}

// numberedHead reads a numbered item standing alone before text as the
// head of that text: a concept related to its list's subject as the
// list's items are. It returns "" when the item is not a name.
func (e *extractor) numberedHead(it *item, sc scope) string {
	name := cleanTitle(it.text.s)
	ns := parseNames(name)
	if len(ns) != 1 || !nameLike(ns[0].name, true) || utf8.RuneCountInString(ns[0].name) > maxNameRunes {
		return ""
	}
	if _, isLabel := labelTitle(name); isLabel {
		return ""
	}
	id := e.define(ns[0], it.text.line(), fromBold)
	ev := graph.Evidence{File: e.file, Line: it.text.line(), Text: it.text.s}
	switch {
	case sc.subject == "" || sc.subject == id:
	case sc.list.lab.mode == labelRel:
		e.structural(id, sc, ev, ns[0].name, false, "label")
	case sc.list.lab.mode == 0:
		// "1. Stop and Wait" under "흐름 제어": ways of doing it.
		if e.headOf(ns[0].name, id) == "" && (activity(e.nameOf(sc.subject)) || approach(ns[0].name)) {
			e.relate(id, graph.TypeOf, sc.subject, 0.65, ev, "numbered-kind")
		}
	}
	return id
}

func (e *extractor) summary(id string, b *block) {
	if e.pass != 2 {
		return
	}
	s := collapseSpace(b.text.s)
	if utf8.RuneCountInString(s) > 400 {
		s = string([]rune(s)[:400]) + "…"
	}
	e.setSummary(id, s)
}

// tag gives concept id tags.
func (e *extractor) tag(id string, tags []string) {
	if id == "" || len(tags) == 0 || e.pass != 2 {
		return
	}
	if e.logs {
		for _, t := range tags {
			e.log = append(e.log, op{kind: opTag, id: id, text: t})
		}
		return
	}
	c := e.get(id)
	if c == nil {
		return
	}
	c = e.own(c)
	for _, t := range tags {
		if !slices.Contains(c.tags, t) {
			c.tags = append(c.tags, t)
		}
	}
}

// setSummary gives concept id its summary, unless it has one.
func (e *extractor) setSummary(id, s string) {
	if e.logs {
		e.log = append(e.log, op{kind: opSummary, id: id, text: s})
		return
	}
	if c := e.get(id); c != nil && c.summary == "" {
		e.own(c).summary = s
	}
}

func (e *extractor) attribute(id string, mode labelMode, s string) {
	s = collapseSpace(s)
	if s == "" || e.pass != 2 {
		return
	}
	if e.logs {
		e.log = append(e.log, op{kind: opAttribute, id: id, mode: mode, text: s})
		return
	}
	c := e.get(id)
	if c == nil {
		return
	}
	c = e.own(c)
	switch mode {
	case labelPros:
		if !slices.Contains(c.pros, s) {
			c.pros = append(c.pros, s)
		}
	case labelCons:
		if !slices.Contains(c.cons, s) {
			c.cons = append(c.cons, s)
		}
	}
}

// containsAfterStart reports whether name has one of c's names as a later
// word: "Recursive DNS 서버" and "DNS".
func containsAfterStart(name string, c *concept) bool {
	words := strings.Fields(name)
	for _, n := range append([]string{c.name}, c.aliases...) {
		k := nameKey(n)
		for i := 1; i < len(words); i++ {
			for j := i + 1; j <= len(words); j++ {
				if nameKey(strings.Join(words[i:j], " ")) == k {
					return true
				}
			}
		}
	}
	return false
}

// instance reports whether concept id is a named instance, a product or
// tool, under any of its names: "Redis", "레디스 (Redis)", "AWS Elastic
// Beanstalk". Acronyms ("DNS") name kinds of things, not instances.
func (e *extractor) instance(id string) bool {
	c := e.get(id)
	if c == nil {
		return false
	}
	if acronymNamed(c) {
		return false // "BGP (Border Gateway Protocol)" names a kind
	}
	if productName(c.name) {
		return true
	}
	return slices.ContainsFunc(c.aliases, productName)
}

// acronymNamed reports whether one of c's names is an acronym.
func acronymNamed(c *concept) bool {
	return c != nil && (isAcronym(c.name) || slices.ContainsFunc(c.aliases, isAcronym))
}

// productName reports whether a name is written the way products and
// tools are, and common nouns are not: one word with a capital inside
// ("MongoDB", "WhaTap", "PostgreSQL") or letters and digits ("K8s",
// "EC2"), or a capitalised name after a vendor's ("AWS DynamoDB").
func productName(n string) bool {
	if identName(n) {
		return true
	}
	words := strings.Fields(n)
	if len(words) == 0 || len(words) > 3 || !isLatin(n) {
		return false
	}
	last := words[len(words)-1]
	inner := false
	for i, r := range last {
		if i > 0 && (unicode.IsUpper(r) || unicode.IsDigit(r)) && strings.IndexFunc(last[:i], unicode.IsLower) >= 0 && last[i-1] != '-' {
			inner = true // (but "Active-Active" is two capitalised words)
		}
	}
	return inner
}

// identName reports whether n is written as an identifier is, one word
// with an underscore joining letters ("node_exporter", "max_connections"):
// the name of one program or setting.
func identName(n string) bool {
	i := strings.IndexByte(n, '_')
	return i > 0 && i < len(n)-1 && !strings.ContainsAny(n, " \t") && isLatin(n)
}

func (e *extractor) nameOf(id string) string {
	if c := e.get(id); c != nil {
		return c.name
	}
	return id
}

// sameClause reports whether two names end in the same clause and head
// ("… 계층을 처리하는 기기", "devices that handle layer …" aside): names
// of one shape that differ only in what the clause is about are
// siblings, not kind and class.
func sameClause(a, b string) bool {
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) < 3 || len(wb) < 3 || a == b {
		return false
	}
	// The clause's verb: a Korean modifier form, or an English relative.
	at := -1
	for i := len(wa) - 2; i >= 1; i-- {
		if w := wa[i]; relativeWords[strings.ToLower(w)] || hasHangul(w) && (strings.HasSuffix(w, "는") || strings.HasSuffix(w, "하는") || strings.HasSuffix(w, "된") || strings.HasSuffix(w, "할")) {
			at = i
			break
		}
	}
	if at < 0 {
		return false
	}
	tail := len(wa) - at
	return len(wb) > tail && strings.Join(wa[at:], " ") == strings.Join(wb[len(wb)-tail:], " ")
}
