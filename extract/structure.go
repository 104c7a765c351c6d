package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"conceptgraph/graph"
)

// Reading a note's structure: what each section title means, which
// concept the text under it is about, and what its lists say.

type titleKind uint8

const (
	titleNone      titleKind = iota
	titleConcept             // names a concept: "DNS (Domain Name System)"
	titleLabel               // a label: "장점", "가상화 타입", "Disadvantage(s): X"
	titleCompare             // "A vs B", "A와 B의 차이"
	titleStatement           // a sentence; the text under it keeps its subject
)

type titleInfo struct {
	kind   titleKind
	names  []nameSet
	lab    label
	target *nameSet // what a label is about, when it names it
	pair   [2]nameSet
	refs   bool // the label heads references
}

// listMode is how a list's items relate to the subject.
type listMode struct {
	lab label // zero: no label; items relate only by their shape
	// taxonomy: nested items of a type list are kinds of their parent.
	taxonomy bool
	// refs: the list holds references (sources, further reading).
	refs bool
}

// scope is what the text at one place is about.
type scope struct {
	subject string // concept id, or ""
	list    listMode
}

var numberedRe = regexp.MustCompile(`^(?:[0-9]+|[한두세네다섯여섯일곱여덟아홉열]+)\s*(?:대|가지|개)\s*(.+)$`)

// analyzeTitle reads a section title. strict applies to plain lines,
// which need to look more like names than headings do.
func (e *extractor) analyzeTitle(raw string, strict bool) titleInfo {
	// Titles are read the same way in both passes.
	k := titleKey{raw, strict}
	if info, ok := e.titleMemo[k]; ok {
		return info
	}
	info := analyzeTitle(raw, strict)
	e.titleMemo[k] = info
	return info
}

// maxTitleRunes bounds what is read as a title: longer text is a statement.
const maxTitleRunes = 200

type titleKey struct {
	raw    string
	strict bool
}

func analyzeTitle(raw string, strict bool) titleInfo {
	if utf8.RuneCountInString(raw) > maxTitleRunes {
		return titleInfo{kind: titleStatement}
	}
	s := cleanTitle(raw)
	if s == "" {
		return titleInfo{}
	}
	if info, ok := labelTitle(s); ok {
		return info
	}
	if a, b, ok := compareTitle(s); ok {
		return titleInfo{kind: titleCompare, pair: [2]nameSet{a, b}}
	}
	if q, ok := questionTopic(s); ok {
		return titleInfo{kind: titleConcept, names: []nameSet{q}}
	}
	names := parseNames(s)
	if len(names) == 0 || clauseTitle(s) {
		return titleInfo{kind: titleStatement}
	}
	for _, n := range names {
		if !nameLike(n.name, strict) || strings.Contains(raw, "==") {
			return titleInfo{kind: titleStatement}
		}
	}
	return titleInfo{kind: titleConcept, names: names}
}

// clauseTitle reports whether a title is a clause rather than a name: a
// word before the last carries a subject or object particle ("CDN으로
// 전송가능한 컨텐츠"), where "프로세스에 할당되는 메모리 영역" only places
// its noun.
func clauseTitle(s string) bool {
	words := strings.Fields(s)
	for _, w := range words[:max(0, len(words)-1)] {
		if !hasHangul(w) {
			continue
		}
		for _, p := range []string{"으로", "을", "를"} {
			if strings.HasSuffix(w, p) && w != p {
				return true
			}
		}
	}
	return false
}

// labelTitle recognises label titles: "장점", "3대 특성", "가상화 타입",
// "멀티 프로세스의 장점", "Disadvantage(s): replication", "Reasons for SQL",
// "프로세스 제어 블록(PCB)에 저장되는 정보", "3가지 유형의 프로세스".
func labelTitle(s string) (titleInfo, bool) {
	if utf8.RuneCountInString(s) > maxLabelRunes {
		return titleInfo{}, false
	}
	info, ok := labelTitle1(s)
	if ok && info.lab.mode == labelIgnore {
		k := labelKey(s)
		if i := strings.IndexAny(k, ":："); i >= 0 {
			k = k[:i]
		}
		info.refs = referenceLabels[k] || strings.HasPrefix(k, "source") || strings.HasPrefix(k, "reference") || strings.HasPrefix(k, "참고")
	}
	return info, ok
}

// maxLabelRunes bounds the length of a label; longer text is a statement.
const maxLabelRunes = 80

func labelTitle1(s string) (titleInfo, bool) {
	if l, ok := labels[labelKey(s)]; ok {
		return titleInfo{kind: titleLabel, lab: l}, true
	}
	if m := numberedRe.FindStringSubmatch(s); m != nil {
		if slices.Contains(numberedParts, labelKey(m[1])) {
			return titleInfo{kind: titleLabel, lab: label{labelRel, graph.PartOf}}, true
		}
		if l, ok := labels[labelKey(m[1])]; ok {
			return titleInfo{kind: titleLabel, lab: l}, true
		}
	}
	// "<label>: X", "<label> of X", "<label> for X"
	for _, sep := range []string{":", "：", " of ", " for "} {
		i := strings.Index(strings.ToLower(s), sep)
		if i <= 0 {
			continue
		}
		left, right := s[:i], strings.TrimSpace(s[i+len(sep):])
		l, ok := labels[labelKey(left)]
		if !ok {
			l, ok = labels[labelKey(left+sep)]
		}
		if !ok || right == "" {
			continue
		}
		info := titleInfo{kind: titleLabel, lab: l}
		if ns := parseNames(right); len(ns) == 1 && nameLike(ns[0].name, false) {
			info.target = &ns[0]
		}
		return info, true
	}
	words := strings.Fields(s)
	if len(words) < 2 {
		return titleInfo{}, false
	}
	// "N가지 유형의 X"
	for i, w := range words[:len(words)-1] {
		base, ok := strings.CutSuffix(w, "의")
		if !ok {
			continue
		}
		if m := numberedRe.FindStringSubmatch(base); m != nil {
			base = m[1]
		}
		if l, ok := labels[labelKey(base)]; ok && l.mode == labelRel {
			rest := strings.Join(words[i+1:], " ")
			info := titleInfo{kind: titleLabel, lab: l}
			if ns := parseNames(stripTrailingParticle(rest)); len(ns) == 1 && nameLike(ns[0].name, true) {
				info.target = &ns[0]
			}
			return info, true
		}
	}
	// "X의 <label>", "X <label>", "X에 저장되는 정보"
	last := words[len(words)-1]
	l, ok := labels[labelKey(last)]
	head := words[:len(words)-1]
	if len(words) > 2 {
		// "…에 저장되는 정보": a two-word label.
		if l2, ok2 := labels[labelKey(strings.Join(words[len(words)-2:], ""))]; ok2 {
			l, ok, head = l2, true, words[:len(words)-2]
		}
	}
	if !ok {
		return titleInfo{}, false
	}
	possessive := false
	for i, w := range head {
		// "멀티 프로세스의 통신 방법": the label is about what 의 marks.
		if strings.HasSuffix(w, "의") && i < len(head)-1 {
			head = append(slices.Clone(head[:i]), strings.TrimSuffix(w, "의"))
			possessive = true
			break
		}
	}
	if slices.Contains(wholeHeads, labelKey(last)) && !possessive && !strings.HasSuffix(head[len(head)-1], "의") {
		// "Microservice Architecture", "3계층 구조" name a concept; only
		// "크롬 브라우저의 … 구조" is a label about 크롬 브라우저.
		return titleInfo{}, false
	}
	// Drop a modifier clause before the label: "에 저장되는", "통신".
	for len(head) > 0 {
		w := head[len(head)-1]
		if strings.HasSuffix(w, "의") || strings.HasSuffix(w, "에") || clauseEnding(w) || adnominal(w) {
			head[len(head)-1] = stripTrailingParticle(w)
			if strings.HasSuffix(w, "의") || strings.HasSuffix(w, "에") {
				break
			}
			head = head[:len(head)-1]
			continue
		}
		break
	}
	info := titleInfo{kind: titleLabel, lab: l}
	if len(head) > 0 {
		if ns := parseNames(strings.Join(head, " ")); len(ns) == 1 && nameLike(ns[0].name, true) {
			info.target = &ns[0]
		}
	}
	return info, true
}

// labelOf is labelTitle of a cleaned title, remembered across passes.
func (e *extractor) labelOf(raw string) (titleInfo, bool) {
	if m, ok := e.labelMemo[raw]; ok {
		return m.info, m.ok
	}
	info, ok := labelTitle(cleanTitle(raw))
	e.labelMemo[raw] = labelMemo{info, ok}
	return info, ok
}

type labelMemo struct {
	info titleInfo
	ok   bool
}

// adnominal reports whether a Korean word modifies the next one: "저장되는",
// "할당된".
func adnominal(w string) bool {
	for _, e := range []string{"되는", "하는", "된", "한", "있는", "없는", "받는", "갖는", "가지는"} {
		if strings.HasSuffix(w, e) && w != e {
			return true
		}
	}
	return false
}

func stripTrailingParticle(s string) string {
	s = strings.TrimSpace(s)
	words := strings.Fields(s)
	if len(words) == 0 {
		return s
	}
	last := words[len(words)-1]
	if isParticle(last) {
		return strings.Join(words[:len(words)-1], " ")
	}
	if hasHangul(last) {
		for _, p := range []string{"에서는", "에서", "에는", "으로", "의", "에", "을", "를", "은", "는", "이", "가", "와", "과", "로", "도"} {
			if r, ok := strings.CutSuffix(last, p); ok && r != "" {
				words[len(words)-1] = r
				return strings.Join(words, " ")
			}
		}
	}
	return s
}

var vsRe = regexp.MustCompile(`(?i)\s+(?:vs\.?|versus)\s+`)

// compareTitle reads "A vs B", "A or B", "A & B", "A와 B", "A와 B의 차이",
// and questions such as "A와 B의 차이에 대하여 설명해보세요".
func compareTitle(s string) (nameSet, nameSet, bool) {
	if loc := vsRe.FindStringIndex(s); loc != nil {
		left, right := s[:loc[0]], s[loc[1]:]
		if i := strings.LastIndexAny(left, "-:–"); i >= 0 && i+1 < len(left) && strings.ContainsAny(left[i:i+1], "-:–") && strings.Contains(left[:i], " ") {
			left = left[i+1:]
		}
		return pairOf(left, right)
	}
	lower := strings.ToLower(s)
	for _, sep := range []string{" & ", " or ", " and "} {
		if i := strings.Index(lower, sep); i > 0 && len(strings.Fields(s)) <= 7 {
			if a, b, ok := pairOf(s[:i], s[i+len(sep):]); ok && len(strings.Fields(a.name)) <= 3 && len(strings.Fields(b.name)) <= 3 {
				return a, b, true
			}
		}
	}
	if !hasHangul(s) {
		return nameSet{}, nameSet{}, false
	}
	return koreanPair(s)
}

var spacedCommas = strings.NewReplacer(",", " , ")

func pairOf(a, b string) (nameSet, nameSet, bool) {
	an, bn := parseNames(strings.TrimSpace(a)), parseNames(strings.TrimSpace(b))
	if len(an) != 1 || len(bn) != 1 || !nameLike(an[0].name, true) || !nameLike(bn[0].name, true) {
		return nameSet{}, nameSet{}, false
	}
	return an[0], bn[0], true
}

// koreanPair finds "A와 B" in a title; with a word of difference after it
// ("의 차이", "다른점") the title may be a whole question.
func koreanPair(s string) (nameSet, nameSet, bool) {
	words := strings.Fields(spacedCommas.Replace(s))
	hasDiff := false
	for _, w := range compareWords {
		if strings.Contains(s, strings.TrimPrefix(w, "의 ")) {
			hasDiff = true
		}
	}
	for i, w := range words {
		conj := ""
		for _, p := range []string{"와의", "과의", "와", "과", "랑"} {
			if strings.HasSuffix(w, p) {
				conj = p
				break
			}
		}
		if conj == "" {
			continue
		}
		// A: the words before the conjunction back to the previous
		// particle-bearing word.
		var aw []string
		if w != conj {
			aw = []string{strings.TrimSuffix(w, conj)}
		}
		for j := i - 1; j >= 0; j-- {
			if words[j] == "," || strings.HasSuffix(words[j], ",") || endsWithCaseParticle(words[j]) {
				break
			}
			aw = append([]string{words[j]}, aw...)
		}
		// B: the words after it up to "의" or the end.
		var bw []string
		for j := i + 1; j < len(words); j++ {
			if r, ok := strings.CutSuffix(words[j], "의"); ok {
				if r != "" {
					bw = append(bw, r)
				}
				break
			}
			if endsWithCaseParticle(words[j]) || words[j] == "," {
				bw = nil
				break
			}
			bw = append(bw, words[j])
		}
		if strings.HasSuffix(conj, "의") {
			// "Reentrant의 개념에 대하여 설명하고, Thread-safe 와의 차이점":
			// the other side is the question's topic.
			if q, ok := questionTopic(s); ok {
				if a, ok2 := nameOf(strings.Join(aw, " ")); ok2 {
					return a, q, true
				}
			}
			continue
		}
		if len(aw) == 0 || len(bw) == 0 {
			continue
		}
		if !hasDiff && i+1+len(bw) != len(words) {
			continue
		}
		a, ok1 := nameOf(strings.Join(aw, " "))
		b, ok2 := nameOf(strings.Join(bw, " "))
		if ok1 && ok2 {
			return a, b, true
		}
	}
	return nameSet{}, nameSet{}, false
}

func nameOf(s string) (nameSet, bool) {
	ns := parseNames(s)
	if len(ns) != 1 || !nameLike(ns[0].name, true) {
		return nameSet{}, false
	}
	return ns[0], true
}

func endsWithCaseParticle(w string) bool {
	if !hasHangul(w) {
		return false
	}
	for _, p := range []string{"에서", "에는", "에게", "으로", "은", "는", "이", "가", "을", "를", "에", "로"} {
		if strings.HasSuffix(w, p) && w != p {
			return true
		}
	}
	return false
}

// questionTopic finds what a question title asks about: "X에 대하여
// 설명해주세요", "X의 개념", "X이 왜 필요한가요?".
func questionTopic(s string) (nameSet, bool) {
	if !strings.HasSuffix(s, "?") && !strings.Contains(s, "설명") && !strings.Contains(s, "무엇") {
		return nameSet{}, false
	}
	words := strings.Fields(s)
	for i, w := range words {
		for _, p := range []string{"에 대하여", "에 대해", "의 개념", "이란", "란"} {
			first := strings.Fields(p)[0]
			if !strings.HasSuffix(w, first) || w == first {
				continue
			}
			if len(strings.Fields(p)) == 2 && (i+1 >= len(words) || !strings.HasPrefix(words[i+1], strings.Fields(p)[1])) {
				continue
			}
			np := append(slices.Clone(words[:i]), strings.TrimSuffix(w, first))
			if n, ok := nameOf(strings.Join(np, " ")); ok {
				return n, true
			}
		}
		if endsWithCaseParticle(w) {
			// "프로세스가 도중에 …?": only a name written as a term.
			if n, ok := nameOf(stripTrailingParticle(strings.Join(words[:i+1], " "))); ok && marked(n.name) {
				return n, true
			}
			break
		}
	}
	return nameSet{}, false
}

// doc walks one note.
func (e *extractor) doc(d *doc) {
	e.file = d.file
	e.olists = map[*section]*olist{}
	root := scope{}
	if d.title != "" || len(d.aliases) > 0 {
		name := d.title
		if name == "" {
			name = strings.TrimSuffix(baseName(d.file), ".md")
		}
		if ns := parseNames(name); len(ns) == 1 {
			ns[0].aliases = append(ns[0].aliases, d.aliases...)
			root.subject = e.define(ns[0], 1, fromHeading)
		}
	}
	e.section(d.root, root)
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
	e.blocks(s, s.blocks, sc, info.kind == titleConcept)
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
	for _, c := range s.children {
		if c.group != lastGroup {
			topic, cur, lastGroup = sc, nil, c.group
		}
		cin := topic
		if c.kind == sectionHeading {
			cin = sc
		}
		csc, cinfo := e.open(c, cin)
		if c.kind == sectionHeading && cinfo.kind == titleConcept && sc.subject != "" && csc.subject != sc.subject {
			if p := e.byID[sc.subject]; p != nil && containsAfterStart(e.nameOf(csc.subject), p) {
				e.relate(csc.subject, graph.TypeOf, sc.subject, 0.7, graph.Evidence{File: e.file, Line: c.title.line(), Text: c.title.s})
			}
		}
		switch cinfo.kind {
		case titleConcept:
			topic = csc
			cur = nil
			if c.kind != sectionSummary {
				cur = &unit{id: csc.subject, group: c.group, heading: c.kind == sectionHeading}
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

// open reads a section's title and returns the scope of its text.
func (e *extractor) open(s *section, in scope) (scope, titleInfo) {
	if s.kind == sectionRoot {
		return in, titleInfo{}
	}
	info := e.analyzeTitle(s.title.s, s.kind == sectionLabel)
	line := s.title.line()
	ev := graph.Evidence{File: e.file, Line: line, Text: s.title.s}
	st := fromBold
	if s.kind == sectionHeading {
		st = fromHeading
	}
	switch info.kind {
	case titleConcept:
		var first string
		for _, n := range info.names {
			id := e.define(n, line, st)
			if first == "" {
				first = id
			}
		}
		out := scope{subject: first}
		if len(info.names) == 1 {
			out.list = headMode(info.names[0].name)
		}
		return out, info
	case titleLabel:
		out := scope{subject: in.subject, list: listMode{lab: info.lab, taxonomy: info.lab.rel == graph.TypeOf, refs: info.refs}}
		if info.target != nil {
			if id := e.idx.lookup(info.target.name); id != "" {
				out.subject = id
			} else if info.lab.mode != labelIgnore || s.kind == sectionHeading {
				out.subject = e.define(*info.target, line, fromItem)
			}
		}
		return out, info
	case titleCompare:
		a := e.define(info.pair[0], line, st)
		b := e.define(info.pair[1], line, st)
		e.relate(a, graph.ComparedWith, b, 0.9, ev)
		return scope{}, info
	case titleStatement:
		out := scope{subject: in.subject}
		if e.pass > 1 && s.kind != sectionLabel {
			if ms := e.idx.mentions(s.title.s, tokenize(s.title.s)); len(ms) > 0 {
				out.subject = ms[0].id
			}
		}
		e.sentence(&s.title, 0, len(s.title.s), out.subject, nil, false)
		return out, info
	}
	return in, info
}

// headMode is how the list under a concept relates to it, from the
// concept's head noun: kinds of "CDN 캐싱방식", parts of "3Tier
// Architecture".
func headMode(name string) listMode {
	last := strings.ToLower(lastWord(name))
	for _, h := range classifierHeads {
		if last == h || (hasHangul(h) && strings.HasSuffix(last, h)) {
			return listMode{lab: label{labelRel, graph.TypeOf}, taxonomy: true}
		}
	}
	for _, h := range wholeHeads {
		if last == h || (hasHangul(h) && strings.HasSuffix(last, h)) {
			return listMode{lab: label{labelRel, graph.PartOf}}
		}
	}
	return listMode{}
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
	for i, b := range blocks {
		switch b.kind {
		case blockPara, blockQuote:
			if defined && i == 0 {
				e.summary(subject, b)
			}
			if sc.list.lab.mode == labelPros || sc.list.lab.mode == labelCons {
				e.attribute(subject, sc.list.lab.mode, b.text.s)
				e.statements(&b.text, subject, comparisonsOnly, false)
				continue
			}
			e.statements(&b.text, subject, nil, defined && i == 0)
		case blockList:
			lsc := scope{subject: subject, list: mode}
			var lead *text
			if i > 0 && blocks[i-1].kind == blockPara {
				lead = &blocks[i-1].text
			}
			h := e.headingOf(s)
			if b.ordered {
				if st := e.olists[h]; st != nil && b.start > 1 && b.start == st.next {
					lsc, lead = st.sc, nil
				}
			}
			e.list(b, lsc, lead)
			if b.ordered {
				e.olists[h] = &olist{next: b.start + len(b.items), sc: lsc}
				// "2. Semaphores" followed by a quote: the quote is about
				// the item.
				if len(b.items) == 1 && len(b.items[0].children) == 0 {
					if id := e.idx.lookup(cleanTitle(b.items[0].text.s)); id != "" {
						subject, mode = id, listMode{}
					}
				}
			}
		case blockTable:
			for _, it := range b.items {
				e.statements(&it.text, subject, nil, false)
			}
		}
	}
}

func comparisonsOnly(t graph.RelationType) bool {
	return t == graph.ComparedWith || t == graph.OppositeOf
}

func (e *extractor) summary(id string, b *block) {
	c := e.byID[id]
	if c == nil || c.summary != "" || e.pass != 2 {
		return
	}
	s := collapseSpace(b.text.s)
	if utf8.RuneCountInString(s) > 400 {
		s = string([]rune(s)[:400]) + "…"
	}
	c.summary = s
}

func (e *extractor) attribute(id string, mode labelMode, s string) {
	c := e.byID[id]
	s = collapseSpace(s)
	if c == nil || s == "" || e.pass != 2 {
		return
	}
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

// list walks a list. lead is the paragraph right before it, which may name
// what the list is about ("**ACID** is a set of properties …") or how its
// items relate ("3가지 유형의 프로세스를 지원한다").
func (e *extractor) list(b *block, sc scope, lead *text) {
	mentioned := map[string]bool{}
	if lead != nil {
		subj, lab, ms := e.leadIn(lead)
		if subj != "" {
			sc.subject = subj
		}
		if lab.mode != 0 {
			sc.list = listMode{lab: lab, taxonomy: lab.rel == graph.TypeOf}
		}
		mentioned = ms
	}
	for _, it := range b.items {
		e.item(it, sc, mentioned, 0, "")
	}
}

// leadIn reads the paragraph before a list.
func (e *extractor) leadIn(t *text) (subject string, lab label, mentioned map[string]bool) {
	mentioned = map[string]bool{}
	s := t.s
	toks := tokenize(s)
	var ms []mention
	if e.pass > 1 {
		ms = e.idx.mentions(s, toks)
	}
	for _, m := range ms {
		mentioned[m.id] = true
	}
	// A paragraph that opens with a bold term defines it.
	opened := ""
	for _, m := range t.marks {
		if m.kind == markBold && strings.TrimSpace(s[:m.start]) == "" {
			if ns := parseNames(s[m.start:m.end]); len(ns) == 1 && nameLike(ns[0].name, true) {
				opened = e.define(ns[0], t.lineAt(m.start), fromBold)
			}
		}
	}
	defer func() {
		if opened != "" {
			subject = opened
		}
	}()
	// The last label word in the paragraph says how the items relate;
	// "3가지 유형의 프로세스", "types of X" also name what they are about.
	for i, tk := range toks {
		w := s[tk.start:tk.end]
		for _, form := range append([]string{w}, stripParticles(w)...) {
			if l, ok := labels[labelKey(form)]; ok && l.mode == labelRel && l.rel != graph.ComparedWith && l.rel != graph.OppositeOf {
				lab = l
				if m := firstMentionFrom(ms, tk.end); m != nil && m.tok0 <= i+2 && (strings.HasSuffix(w, "의") || i+1 < len(toks) && toks[i+1].norm == "of") {
					subject = m.id
				}
			}
			if form == "방식" || strings.EqualFold(form, "ways") {
				lab = label{labelRel, graph.TypeOf}
			}
		}
	}
	return subject, lab, mentioned
}

// item walks one list item. parent is the concept of the item this one is
// nested in, if it is a term.
func (e *extractor) item(it *item, sc scope, mentioned map[string]bool, depth int, parent string) {
	if depth > 64 {
		return // deeper nesting carries no structure worth reading
	}
	t := &it.text
	head, desc, descAt, bold := splitItem(t)
	line := t.line()
	ev := graph.Evidence{File: e.file, Line: line, Text: t.s}
	mode := sc.list.lab.mode

	// A label item: "- 장점", "- 제품", "- 가상화 타입", "- 반대개념: X".
	if head != "" || desc == "" {
		h := head
		if h == "" {
			h = t.s
		}
		if info, ok := e.labelOf(h); ok && (len(it.children) > 0 || desc != "" || len(it.blocks) > 0) {
			lsc := scope{subject: sc.subject, list: listMode{lab: info.lab, taxonomy: info.lab.rel == graph.TypeOf}}
			if info.target != nil {
				if id := e.idx.lookup(info.target.name); id != "" {
					lsc.subject = id
				} else if info.lab.mode == labelRel {
					lsc.subject = e.define(*info.target, line, fromItem)
				}
			}
			if desc != "" {
				e.labelled(lsc, desc, descAt, t, ev)
			}
			for _, c := range it.children {
				e.item(c, lsc, nil, depth+1, "")
			}
			e.blocks(nil, it.blocks, lsc, false)
			return
		}
	}
	switch mode {
	case labelPros, labelCons:
		e.attribute(sc.subject, mode, t.s)
		e.statements(t, sc.subject, comparisonsOnly, false)
		for _, c := range it.children {
			e.item(c, sc, nil, depth+1, "")
		}
		return
	case labelIgnore:
		quiet := e.quiet
		e.quiet = e.quiet || sc.list.refs
		defer func() { e.quiet = quiet }()
		e.statements(t, sc.subject, nil, false)
		for _, c := range it.children {
			e.item(c, sc, nil, depth+1, "")
		}
		e.blocks(nil, it.blocks, scope{subject: sc.subject}, false)
		return
	}

	// Several names in one item: "- AWS, Azure, GCP".
	if mode == labelRel && desc == "" && len(it.children) == 0 {
		if names := splitNames(t.s); len(names) > 1 {
			for _, n := range names {
				if p := e.byID[parent]; p != nil && sc.list.taxonomy && !sameHead(n.name, p.name) && !properName(n.name) {
					continue
				}
				id := e.define(n, line, fromItem)
				e.structural(id, sc, ev, n.name, false)
			}
			return
		}
	}

	term, ok := e.term(it, head, desc, bold, sc, parent)
	if !ok {
		e.statements(t, sc.subject, nil, false)
		for _, c := range it.children {
			e.item(c, scope{subject: sc.subject, list: listMode{}}, nil, depth+1, "")
		}
		e.blocks(nil, it.blocks, scope{subject: sc.subject}, false)
		return
	}
	id := e.define(term, line, map[bool]strength{true: fromBold, false: fromItem}[bold])
	if !mentioned[id] {
		e.relateItem(id, term.name, sc, bold, parent != "", ev, it)
	}
	if desc != "" {
		e.sentence(t, descAt, len(t.s), id, nil, false)
	}
	csc := scope{subject: id, list: headMode(term.name)}
	if sc.list.taxonomy && sc.list.lab.rel == graph.TypeOf {
		csc.list = sc.list
	}
	for _, c := range it.children {
		e.item(c, csc, nil, depth+1, id)
	}
	e.blocks(nil, it.blocks, scope{subject: id}, false)
}

// labelled reads "label: a, b, c" or "label = a, b, c" after a label.
func (e *extractor) labelled(sc scope, desc string, at int, t *text, ev graph.Evidence) {
	switch sc.list.lab.mode {
	case labelPros, labelCons:
		e.attribute(sc.subject, sc.list.lab.mode, desc)
		return
	case labelIgnore:
		e.sentence(t, at, len(t.s), sc.subject, nil, false)
		return
	}
	for _, n := range splitNames(desc) {
		id := e.define(n, ev.Line, fromItem)
		e.structural(id, sc, ev, n.name, false)
	}
}

// term decides whether an item names a concept: a bold head, "Term:
// description", or a bare name in a list whose label says what its items
// are.
func (e *extractor) term(it *item, head, desc string, bold bool, sc scope, parent string) (nameSet, bool) {
	cand := head
	if cand == "" {
		cand = strings.TrimSpace(it.text.s)
	}
	if utf8.RuneCountInString(cand) > maxNameRunes {
		return nameSet{}, false // a statement, not a name
	}
	ns := parseNames(cleanTitle(cand))
	if len(ns) != 1 || !nameLike(ns[0].name, !bold) {
		return nameSet{}, false
	}
	switch {
	case bold:
		return ns[0], true
	case sc.list.lab.mode == labelRel:
		if parent != "" && sc.list.taxonomy {
			// Nested kinds share their parent's head noun ("Type-1 가상화"
			// under "하이퍼바이저형 가상화") or are products ("Docker").
			p := e.byID[parent]
			if p != nil && !sameHead(ns[0].name, p.name) && !properName(ns[0].name) && len(it.children) == 0 && desc == "" {
				return nameSet{}, false
			}
		}
		return ns[0], true
	case head != "" && desc != "":
		return ns[0], true
	case len(it.children) > 0 || len(it.blocks) > 0:
		return ns[0], true
	}
	return nameSet{}, false
}

func sameHead(a, b string) bool {
	return strings.EqualFold(lastWord(a), lastWord(b))
}

// properName reports whether s looks like a product or proper name:
// one capitalised Latin word such as "Docker", "Redis", "MongoDB".
func properName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 3 || !isLatin(s) {
		return false
	}
	for _, w := range words {
		r := firstRune(w)
		if !unicode.IsUpper(r) && strings.IndexFunc(w, unicode.IsUpper) < 0 {
			return false
		}
	}
	return true
}

// relateItem relates an item's concept to the subject of its list.
func (e *extractor) relateItem(id, name string, sc scope, bold, nested bool, ev graph.Evidence, it *item) {
	if sc.subject == "" {
		return
	}
	if sc.list.lab.mode == labelRel {
		e.structural(id, sc, ev, name, nested)
		return
	}
	if sc.list.lab.mode != 0 {
		return
	}
	if !bold && !nested && len(it.children) == 0 {
		return
	}
	if !bold && hasAnySuffix(name, qualitySuffixes...) {
		return // a quality of the subject, not a part
	}
	subj := e.byID[sc.subject]
	rel := graph.PartOf
	if subj != nil && containsAfterStart(name, subj) {
		rel = graph.TypeOf
	}
	e.relate(id, rel, sc.subject, 0.7, ev)
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

// structural relates an item to its list's subject by the list's label.
func (e *extractor) structural(id string, sc scope, ev graph.Evidence, name string, nested bool) {
	rel := sc.list.lab.rel
	if rel == graph.TypeOf && properName(name) && nested {
		rel = graph.ExampleOf
	}
	switch rel {
	case graph.Uses, graph.Requires, graph.OppositeOf, graph.ComparedWith:
		e.relate(sc.subject, rel, id, 0.8, ev)
	default:
		e.relate(id, rel, sc.subject, 0.8, ev)
	}
}

var itemSepRe = regexp.MustCompile(`^\s*(?:[:：=]|\s-\s|\s–\s|\s—\s)\s*`)

// splitItem splits "**Head**: desc", "Head: desc", "Head - desc", "Head =
// desc" into head and description. A bold start followed by a particle
// ("**응답성**이 좋아진다") is not a head.
func splitItem(t *text) (head, desc string, descAt int, bold bool) {
	s := t.s
	lead := len(s) - len(strings.TrimLeft(s, " \t"))
	for _, m := range t.marks {
		if m.kind != markBold || m.start != lead {
			continue
		}
		rest := s[m.end:]
		if loc := itemSepRe.FindStringIndex(rest); loc != nil {
			return s[m.start:m.end], strings.TrimSpace(rest[loc[1]:]), m.end + loc[1], true
		}
		if strings.TrimSpace(rest) == "" {
			return s[m.start:m.end], "", len(s), true
		}
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest, " "))
		if r == '(' {
			// "**Term** (alias) …"
			if j := strings.IndexByte(rest, ')'); j > 0 {
				after := rest[j+1:]
				if loc := itemSepRe.FindStringIndex(after); loc != nil {
					return s[m.start:m.end] + rest[:j+1], strings.TrimSpace(after[loc[1]:]), m.end + j + 1 + loc[1], true
				}
			}
		}
		break
	}
	// "Head: desc" with a short head.
	for _, sep := range []string{" : ", ": ", ":", " = ", "=", " - ", " – ", " — "} {
		i := strings.Index(s, sep)
		if i <= 0 || utf8.RuneCountInString(s[:i]) > 40 {
			continue
		}
		if sep == ":" && (strings.HasPrefix(s[i:], "://") || i+1 < len(s) && s[i+1] == '/') {
			continue
		}
		if strings.Contains(s[:i], "==") || strings.HasPrefix(s[i:], "==") {
			continue
		}
		h := strings.TrimSpace(s[:i])
		if h == "" {
			continue
		}
		return h, strings.TrimSpace(s[i+len(sep):]), i + len(sep), false
	}
	return "", "", len(s), false
}

var nameSepRe = regexp.MustCompile(`\s*(?:,|，|、|/|\s및\s|\s또는\s|\sand\s|\sor\s)\s*`)

// splitNames splits "AWS, Azure, GCP" or "캡슐화, 상속, 다형성" into names;
// it returns nil unless every part reads as a name.
func splitNames(s string) []nameSet {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "등"))
	if utf8.RuneCountInString(s) > 300 {
		return nil // an enumeration of names is never this long
	}
	// Separators outside parentheses split: "MongoDB(document-oriented),
	// redies(key-value)".
	var parts []string
	last := 0
	for _, loc := range nameSepRe.FindAllStringIndex(s, -1) {
		if loc[1] == loc[0] || parenDepth(s[:loc[0]]) != 0 {
			continue
		}
		parts = append(parts, s[last:loc[0]])
		last = loc[1]
	}
	parts = append(parts, s[last:])
	var out []nameSet
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		ns := parseNames(p)
		if len(ns) != 1 || !nameLike(ns[0].name, true) {
			return nil
		}
		out = append(out, ns[0])
	}
	return out
}

func parenDepth(s string) int {
	return strings.Count(s, "(") + strings.Count(s, "（") - strings.Count(s, ")") - strings.Count(s, "）")
}

// unit is a concept section and the label sections that follow it, for
// spotting concepts described in parallel.
type unit struct {
	id      string
	group   int
	shape   []string
	heading bool // a Markdown heading, not a bold or label line
}

func shapeOf(s *section, info titleInfo) []string {
	var out []string
	if info.kind == titleLabel {
		switch info.lab.mode {
		case labelPros:
			out = append(out, "+")
		case labelCons:
			out = append(out, "-")
		case labelIgnore:
			return nil
		default:
			out = append(out, "r")
		}
	}
	for _, b := range s.blocks {
		switch b.kind {
		case blockQuote:
			out = append(out, "Q")
		case blockPara:
			out = append(out, "P")
		case blockList:
			out = append(out, "L")
		}
	}
	for _, c := range s.children {
		if c.kind == sectionHeading {
			ci := titleInfo{}
			if l, ok := labelTitle(cleanTitle(c.title.s)); ok {
				ci = l
			}
			if ci.kind == titleLabel {
				out = append(out, shapeOf(c, ci)...)
			}
		}
	}
	return out
}

func compactShape(s []string) string {
	var out []string
	for _, x := range s {
		if len(out) == 0 || out[len(out)-1] != x {
			out = append(out, x)
		}
	}
	return strings.Join(out, " ")
}

// parallel compares concepts described side by side with the same shape:
// DAS, NAS and SAN each with a definition and a list; process and thread
// as a pair.
func (e *extractor) parallel(units []*unit) {
	for i := 0; i < len(units); {
		j := i + 1
		sig := compactShape(units[i].shape)
		for j < len(units) && units[j].group == units[i].group && compactShape(units[j].shape) == sig {
			j++
		}
		run := units[i:j]
		// A handful of concepts side by side are compared; a long run of
		// like sections is a glossary, not a comparison.
		// A definition quote each makes them parallel; so does being a
		// pair of bold-line notes alike ("**프로세스**", "**스레드**").
		// Two headings that merely follow each other are not.
		pair := len(run) == 2 && !run[0].heading && !run[1].heading
		if len(run) >= 2 && len(run) <= maxParallel && sig != "" && (strings.HasPrefix(sig, "Q") || pair) {
			for a := range run {
				for b := a + 1; b < len(run); b++ {
					// Three or more alike sections may be a glossary of
					// unrelated terms: compare only names that resemble
					// each other (IaaS/PaaS/SaaS, 절차지향/객체지향,
					// DAS/NAS/SAN).
					if len(run) > 2 && !akin(e.nameOf(run[a].id), e.nameOf(run[b].id)) {
						continue
					}
					e.relate(run[a].id, graph.ComparedWith, run[b].id, 0.6, graph.Evidence{File: e.file, Line: e.firstLine(run[a].id), Text: "described side by side with " + e.nameOf(run[b].id)})
				}
			}
		}
		i = j
	}
}

// akin reports whether two names look like members of one family: they
// share a word, a beginning or an ending of two letters or more, or are both
// short acronyms.
func akin(a, b string) bool {
	if isAcronym(a) && isAcronym(b) && len(a) <= 5 && len(b) <= 5 {
		return true
	}
	la, lb := strings.ToLower(a), strings.ToLower(b)
	for _, w := range strings.Fields(la) {
		if slices.Contains(strings.Fields(lb), w) {
			return true
		}
	}
	ra, rb := []rune(la), []rune(lb)
	prefix, suffix := 0, 0
	for prefix < len(ra) && prefix < len(rb) && ra[prefix] == rb[prefix] {
		prefix++
	}
	for suffix < len(ra) && suffix < len(rb) && ra[len(ra)-1-suffix] == rb[len(rb)-1-suffix] {
		suffix++
	}
	return prefix >= 2 || suffix >= 2
}

// maxParallel is the longest run of like sections compared with each other.
const maxParallel = 6

func (e *extractor) nameOf(id string) string {
	if c := e.byID[id]; c != nil {
		return c.name
	}
	return id
}

func (e *extractor) firstLine(id string) int {
	if c := e.byID[id]; c != nil {
		for _, s := range c.sources {
			if s.File == e.file {
				return s.Line
			}
		}
	}
	return 0
}
