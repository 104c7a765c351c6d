package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"conceptgraph/graph"
)

// Lists. An item names a concept when it has a bold head ("**Term**: …"),
// is written "Term: description" or "Term - description", has items
// nested under it, or stands in a list whose label, lead-in or parent
// says what its items are. Such an item relates to the list's subject:
// by the label ("종류" kinds, "구성" parts, "제품" examples, "장점" pros);
// by the lead-in sentence ("The common graph representations are:", "we
// have a few approaches", "다음과 같은 종류가 있다"); or by its shape, a
// kind when it shares the subject's head noun or the subject names a
// class or an activity ("Sharding", "흐름 제어"), a part otherwise.

// list walks a list. lead is the paragraph right before it, which may name
// what the list is about ("**ACID** is a set of properties …") or how its
// items relate ("3가지 유형의 프로세스를 지원한다").
func (e *extractor) list(b *block, sc scope, lead *text) {
	mentioned := map[string]bool{}
	if lead != nil {
		subj, lab, ms := e.leadIn(lead, sc)
		if subj != "" {
			sc.subject = subj
		}
		if lab.mode != 0 {
			sc.list = listMode{lab: lab, taxonomy: lab.rel == graph.TypeOf}
		}
		mentioned = ms
	}
	// "## Redis 소개" over "- In-Memory Data Structure Store": the first
	// item of an introduction, a noun phrase alone, is the concept's
	// genus.
	if sc.list.lab.mode == labelOrg && sc.subject != "" && len(b.items) > 0 {
		if it := b.items[0]; len(it.children) == 0 && len(it.blocks) == 0 {
			e.sentence(&it.text, 0, len(it.text.s), ctx{subject: sc.subject, first: true, own: true})
		}
	}
	items := b.items
	if sc.list.lab.mode == 0 && sc.subject != "" && len(items) > 2 {
		// "- ACID는 … 보장하는 네 가지 속성" over "- Atomicity: …": a first
		// item that counts what the others are, as a lead-in would.
		if lab, ok := countedLabel(items[0].text.s); ok {
			e.item(items[0], sc, mentioned, 0, "")
			items = items[1:]
			sc.list = listMode{lab: lab, taxonomy: lab.rel == graph.TypeOf}
		}
	}
	if sc.list.lab.mode == 0 && sc.subject != "" && len(items) > 1 && acronymOpening(e.nameOf(sc.subject)) != "" && spells(e.nameOf(sc.subject), itemHeads(items)) {
		// "## ACID" over "- **Atomicity** — …", "- **Consistency** …":
		// the letters of its name, its parts.
		sc.list = listMode{lab: label{labelRel, graph.PartOf}}
	}
	for _, it := range items {
		e.item(it, sc, mentioned, 0, "")
	}
}

// countedLabel reads a statement that ends by counting what follows it,
// "… 보장하는 네 가지 속성", "… has three phases": the label word, which
// says how the items after it relate.
func countedLabel(s string) (label, bool) {
	s = strings.TrimRight(strings.TrimSpace(s), ".:：")
	for _, cop := range []string{"입니다", "이다", "임"} {
		s = strings.TrimSuffix(s, cop)
	}
	ws := strings.Fields(s)
	if len(ws) < 3 {
		return label{}, false
	}
	l, ok := labels[labelKey(ws[len(ws)-1])]
	if !ok || l.mode != labelRel {
		return label{}, false
	}
	count := ws[len(ws)-2]
	if !(strings.HasSuffix(count, "가지") || countWord(lowerCase(count)) || numberWord(count)) {
		return label{}, false
	}
	return l, true
}

// namesOnly returns the names a sentence lists when it lists nothing
// else, named as things are ("Terraform, CloudFormation, Pulumi (sort of
// …)", "Palo Alto, Fortinet 제품들"), or nil.
func namesOnly(s string) []nameSet {
	s = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), ".;"))
	if i := strings.LastIndex(s, " ("); i > 0 && strings.HasSuffix(s, ")") {
		s = strings.TrimSpace(s[:i]) // a remark after the names
	}
	for _, tail := range []string{" 제품들", " 제품", " 등", " etc"} {
		s = strings.TrimSuffix(s, tail)
	}
	if !strings.Contains(s, ",") {
		return nil
	}
	names := splitNames(s)
	if len(names) < 2 || namedCount(names) < max(2, len(names)-1) {
		return nil
	}
	return names
}

// nameStrings returns the names of ns.
func nameStrings(ns []nameSet) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = n.name
	}
	return out
}

// acronymOpening returns the acronym a name is or opens with ("ACID",
// "ELK 스택"), or "".
func acronymOpening(name string) string {
	acr := firstWord(name)
	if len(acr) < 2 || acr != strings.ToUpper(acr) || !isLatin(acr) || strings.ContainsAny(acr, "0123456789-/.") {
		return ""
	}
	return acr
}

// itemHeads returns the term each item opens with, or "".
func itemHeads(items []*item) []string {
	heads := make([]string, len(items))
	for i, it := range items {
		heads[i], _, _, _ = splitItem(&it.text)
	}
	return heads
}

// spells reports whether members spell, by their initials in order, the
// acronym that name is or opens with: ACID over Atomicity, Consistency,
// Isolation and Durability; "USE 메서드" over Utilization, Saturation,
// Errors; "ELK 스택" over Elasticsearch, Logstash and Kibana.
func spells(name string, members []string) bool {
	acr := acronymOpening(name)
	if len(members) < 2 || len(acr) != len(members) {
		return false
	}
	for i, m := range members {
		m = strings.TrimLeft(m, "*_`[ ")
		if m == "" || unicode.ToUpper(firstRune(m)) != rune(acr[i]) || strings.EqualFold(m, acr) {
			return false
		}
	}
	return true
}

// leadIn reads the paragraph before a list: the concept the list is about
// and how its items relate to it.
func (e *extractor) leadIn(t *text, sc scope) (subject string, lab label, mentioned map[string]bool) {
	mentioned = map[string]bool{}
	s := strings.TrimSpace(t.s)
	if s == "" {
		return "", label{}, mentioned
	}
	spans := sentenceSpans(t.s)
	last := spans[len(spans)-1]
	st := &sent{s: t.s[last[0]:last[1]], marks: marksIn(t, last[0], last[1])}
	st.s = strings.TrimSpace(st.s)
	st.lower = asciiLower(st.s)
	st.ws = e.takeWords(st.s)
	defer e.giveWords(st.ws)
	st.ko = hasHangul(st.s)
	st.ev = graph.Evidence{File: e.file, Line: t.lineAt(last[0]), Text: st.s}
	if e.pass > 1 {
		for _, m := range e.idx.mentions(t.s, tokenize(t.s)) {
			mentioned[m.id] = true
		}
	}
	// A paragraph that opens with a bold term is about it.
	opened := ""
	for _, m := range t.marks {
		if m.kind == markBold && strings.TrimSpace(t.s[:m.start]) == "" {
			if ns := parseNames(t.s[m.start:m.end]); len(ns) == 1 && nameLike(ns[0].name, true) {
				opened = e.define(ns[0], t.lineAt(m.start), fromBold)
			}
		}
	}
	defer func() {
		if opened != "" {
			subject = opened // "**BASE** is … the properties of NoSQL": BASE
		}
	}()
	introduces := strings.HasSuffix(s, ":") || strings.HasSuffix(s, "：")
	lower := lowerCase(strings.TrimRight(s, ":： "))
	if introduces && !st.ko {
		// "… Every worker node must have:": the parts of the whole.
		if whole, ok := havingTitle(strings.TrimRight(st.s, ":： ")); ok {
			return e.define(whole, st.ev.Line, fromText), label{labelRel, graph.PartOf}, mentioned
		}
	}
	// "The common graph representations are:", "Some of the popular
	// conflict resolution mechanisms are", "… such as", "Examples include:"
	lead := strings.TrimRight(st.s, ":： ")
	for _, end := range []string{" are", " is", " include", " includes", " such as", " like", " including", " e.g.",
		" for example", " as follows", " the following", " below"} {
		if !strings.HasSuffix(lower, end) {
			continue
		}
		at := st.wordAt(len(lead) - len(end) + 1)
		if _, irregular := irregularParticiples[st.ws[max(at-1, 0)].lower]; at >= 2 && (participle(st.ws[at-1].lower) || irregular) && beWord(st.ws[at-2].lower) {
			at -= 2 // "the files are split as follows": what is split
		} else if at >= 2 && beWord(st.ws[at-1].lower) && (end == " the following" || end == " as follows" || end == " below") {
			at-- // "The available levels are the following:": the levels
		}
		class := e.classBefore(st, ctx{subject: sc.subject}, "", at)
		kinds := false
		if class == "" && (end == " for example" || end == " e.g.") && len(spans) > 1 {
			// "… eventual consistency models. For example:": the class
			// is what the sentence before names last; named with a
			// word for kinds ("models", "levels"), its items are kinds.
			prev := spans[len(spans)-2]
			class = e.lastPhrase(t, prev[0], prev[1])
			kinds = kindWord(lowerCase(lastWord(strings.TrimRight(strings.TrimSpace(t.s[prev[0]:prev[1]]), ".:"))))
		}
		if class != "" {
			rel := graph.TypeOf
			if !kinds && (end == " such as" || end == " like" || end == " including" || end == " e.g." || end == " for example") {
				rel = graph.ExampleOf
			}
			return class, label{labelRel, rel}, mentioned
		}
		break
	}
	// "Use a slow, salted password hashing function:": the class named
	// last, after an article and its adjectives, is the items' class.
	if introduces && !st.ko {
		if class := e.articleClass(st); class != "" {
			return class, label{labelRel, graph.TypeOf}, mentioned
		}
	}
	// "Collision resolution strategies:" alone: a class, its members
	// listed; "Consensus algorithms to name-drop:", its purpose after it.
	if introduces && len(spans) == 1 {
		class := strings.TrimRight(s, ":： ")
		for _, w := range []string{" to ", " worth ", " you ", " I "} {
			if i := strings.Index(class, w); i > 0 && len(strings.Fields(class[i:])) <= 4 {
				class = class[:i]
			}
		}
		if ns := parseNames(class); len(ns) == 1 && nameLike(ns[0].name, true) && len(strings.Fields(ns[0].name)) <= 5 {
			if _, isLabel := e.labelOf(ns[0].name); !isLabel {
				if m := memberMode(ns[0].name); m.lab.mode == labelRel {
					return e.define(ns[0], t.line(), fromText), m.lab, mentioned
				}
			}
		}
	}
	// The last label word says how the items relate; "3가지 유형의
	// 프로세스", "types of X" also name what they are about.
	var attr label // a pros or cons label introducing the list
	attrOf := ""
	for _, sp := range spans {
		ss := strings.TrimSpace(t.s[sp[0]:sp[1]])
		if i := strings.IndexAny(ss, ":："); i >= 0 && strings.TrimSpace(strings.TrimRight(ss[i:], ":：. ")) != "" {
			continue // "two kinds of blocks: resource blocks and data blocks.": its own list
		}
		st := &sent{s: ss, lower: asciiLower(ss), ws: e.takeWords(ss), ko: hasHangul(ss)}
		st.ev = graph.Evidence{File: e.file, Line: t.lineAt(sp[0]), Text: ss}
		if n := len(st.ws); st.ko && !introduces && koreanTopicMarked(st) && endsInCopula(st) {
			// "스택은 LIFO 구조의 선형 자료구조이다.": a definition, whose
			// words say nothing of the list after it; but "ACID는 …
			// 4가지 성질입니다" names what the items are.
			if _, ok := labels[labelKey(st.ws[n-1].stem(st.s))]; !ok {
				e.giveWords(st.ws)
				continue
			}
		}
		for i, w := range st.ws {
			if w.kind == endModifier || w.kind == endPredicate {
				continue // "구현한": a verb, not a label
			}
			for _, form := range []string{w.stem(st.s), w.text(st.s)} {
				if l, ok := labels[labelKey(form)]; ok && (l.mode == labelPros || l.mode == labelCons) && introduces {
					// "Vector clocks have the following advantages over
					// other mechanisms:", "Redis의 장점은 다음과 같다:": the
					// items are the subject's pros, whatever else the
					// sentence names.
					attr = l
					switch p := st.englishPhraseFrom(0); {
					case st.ko && i > 0 && st.ws[i-1].kind == endOf:
						attrOf = e.conceptOf(st, st.koreanPhraseAt(i-1), false)
					case !st.ko && !p.empty() && p.j <= i:
						attrOf = e.conceptOf(st, p, false)
					}
					continue
				}
				if l, ok := labels[labelKey(form)]; ok && l.mode == labelRel && l.rel != graph.ComparedWith && l.rel != graph.OppositeOf && l.rel != graph.Uses {
					if !st.ko && !introduces && i+1 < len(st.ws)-1 && st.ws[i+1].lower != "of" {
						continue // "a counter with two operations, wait and signal.": its own members, not the list's
					}
					lab = l
					if w.kind == endOf || i+1 < len(st.ws) && st.ws[i+1].lower == "of" {
						from := i + 1
						if st.ws[min(from, len(st.ws)-1)].lower == "of" {
							from++
						}
						if from < len(st.ws) {
							p := st.englishPhraseFrom(from)
							if st.ko {
								p = st.koreanPhraseFrom(from)
							}
							if id := e.conceptOf(st, p, false); id != "" {
								subject = id
							}
						}
					} else if w1 := st.ws[max(i-1, 0)].text(st.s); st.ko && i > 0 && st.ws[i-1].kind == endNone && st.ws[i-1].hangul && l.rel == graph.TypeOf && w1 != "가지" && w1 != "개" && !numberWord(w1) {
						// "브랜치 종류가 많다:": kinds of 브랜치.
						if p := st.koreanPhraseAt(i - 1); !p.empty() {
							if id := e.conceptOf(st, p, nameLikePhrase(st, p)); id != "" {
								subject = id
							}
						}
					} else if !st.ko && introduces && i > 0 && l.rel == graph.TypeOf {
						// "Row-level lock types in InnoDB:": kinds of what
						// opens the sentence.
						if p := st.englishPhraseBefore(i); !p.empty() && p.i == 0 && p.j == i {
							if id := e.conceptOf(st, p, nameLikePhrase(st, p)); id != "" {
								subject = id
							}
						}
					}
				}
			}
			switch lowerCase(w.stem(st.s)) {
			case "방식", "ways", "approaches", "methods", "방법", "techniques", "기법", "mechanisms", "strategies", "전략":
				if st.ko && (w.kind == endObject || w.kind == endSubject || w.kind == endTopic || st.ws[len(st.ws)-1].kind == endNone) || introduces || i >= len(st.ws)-4 && w.paren == 0 {
					lab = label{labelRel, graph.TypeOf}
				}
			}
		}
		e.giveWords(st.ws)
	}
	if attr.mode != 0 {
		if attrOf != "" {
			subject = attrOf
		}
		return subject, attr, mentioned
	}
	// "5개로 나뉩니다.", "세 단계로 구성된다.", "두 가지 종류가 있다.":
	// a count of what the list holds, and how it relates.
	if lab.mode == 0 && st.ko {
		switch {
		case strings.Contains(st.s, "로 ") && countedPartsRe.MatchString(st.s):
			lab = label{labelRel, graph.PartOf}
		case (strings.Contains(st.s, " 있") || strings.Contains(st.s, " 존재")) && countedKindsRe.MatchString(st.s):
			lab = label{labelRel, graph.TypeOf}
		}
	}
	// "크롬은 다음과 같은 3가지 유형의 프로세스를 지원한다": the label's
	// own target first, else the paragraph's topic.
	if subject == "" && lab.mode != 0 && !labelPhrase(st) {
		if t := e.topicOf(st, ctx{subject: sc.subject}); t != "" {
			subject = t
		}
	}
	return subject, lab, mentioned
}

// labelPhrase reports whether a Korean lead-in is a noun phrase headed by
// a label word, with no verb of its own: "트랜잭션이 … 보장해야 하는
// 4가지 성질." names in a clause what has the properties; the list is
// of the section's concept.
func labelPhrase(st *sent) bool {
	if !st.ko || len(st.ws) < 2 {
		return false
	}
	last := &st.ws[len(st.ws)-1]
	_, ok := labels[labelKey(last.stem(st.s))]
	return ok && last.kind == endNone
}

var (
	countedPartsRe = regexp.MustCompile(countPattern + ` ?(?:개|가지|부분|단계|영역|요소|계층)? ?(?:로|으로) (?:크게 )?(?:나뉜다|나뉩니다|나뉨|나뉘며|나뉘고|나뉘어|나눈다|나눕니다|나눔|나눠|구성된다|구성됩니다|구성됨|구성되며|구성되어|이루어진다|이루어집니다|이루어짐|이루어져|동작한다|동작합니다|동작함|진행된다|진행됩니다|진행됨)`)
	countedKindsRe = regexp.MustCompile(countPattern + ` ?(?:가지|개)(?: ?(?:종류|유형|타입|방식))?(?:가|이)? (?:있다|있습니다|있음|있어요|있고|있으며|존재한다|존재합니다)`)
)

// lastPhrase is the concept named by the last noun phrase of t[start:end],
// with a class word at its end dropped ("eventual consistency models" is
// eventual consistency).
func (e *extractor) lastPhrase(t *text, start, end int) string {
	s := strings.TrimRight(strings.TrimSpace(t.s[start:end]), ".:")
	st := &sent{s: s, lower: asciiLower(s), ws: words(s)}
	if len(st.ws) == 0 {
		return ""
	}
	p := st.englishPhraseBefore(len(st.ws))
	if p.empty() {
		return ""
	}
	if kindWord(st.ws[p.j-1].lower) && p.j-p.i > 1 {
		if id := e.conceptOf(st, phrase{p.i, p.j - 1}, false); id != "" {
			return id
		}
	}
	return e.conceptOf(st, p, false)
}

// articleClass returns the concept of the noun phrase that ends st after
// "a"/"an" and adjectives ("Pick a fast, non-cryptographic hash:"), or
// "". The article must follow a verb: a label ("A few notes:") or a
// preposition ("Notes on a cache:") names no class.
func (e *extractor) articleClass(st *sent) string {
	p := st.englishPhraseBefore(len(st.ws))
	if p.empty() || p.j-p.i > 4 {
		return ""
	}
	adj := func(w string) bool { return adjective(w) || strings.HasPrefix(w, "well-") }
	for p.i < p.j-1 && adj(st.ws[p.i].lower) {
		p.i++ // "salted password hashing function": the class
	}
	i := p.i - 1
	for i >= 0 && adj(st.ws[i].lower) && st.ws[i].fn == 0 {
		i--
	}
	// (a verb before the article, often bare: "Use a …", "Pick a …")
	if i < 1 || st.ws[i].lower != "a" && st.ws[i].lower != "an" || st.ws[i-1].fn != 0 || genericNouns[st.ws[p.j-1].lower] {
		return ""
	}
	return e.conceptOf(st, p, true)
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

	if desc != "" && len(it.children) == 0 && sc.subject != "" && openingCue(head) {
		// "- **Used by**: Xi, VS Code": about the list's concept.
		e.sentence(t, 0, len(t.s), ctx{subject: sc.subject, first: true, own: true})
		return
	}
	// A label item: "- 장점", "- 제품", "- 가상화 타입", "- 반대개념: X".
	if head != "" || desc == "" {
		h := head
		if h == "" {
			h = t.s
		}
		if info, ok := e.labelOf(h); ok && (len(it.children) > 0 || desc != "" || len(it.blocks) > 0) {
			if info.lab.mode == labelOrg {
				// "**Common** - BFS, DFS": a qualifier; the names are
				// the list's own items.
				if desc != "" {
					// "Bellman-Ford algorithm, …, Kruskal's algorithm. Your
					// interviewer likely doesn't know them either.": the
					// first sentence lists the names.
					first := desc
					if sp := sentenceSpans(desc); len(sp) > 1 {
						first = desc[sp[0][0]:sp[0][1]]
					}
					if names := splitNames(first); len(names) > 0 {
						for _, n := range names {
							id := e.define(n, line, fromItem)
							e.relateItem(id, n.name, sc, true, parent != "", ev, it)
						}
					} else {
						e.sentence(t, descAt, len(t.s), ctx{subject: sc.subject})
					}
				}
				for _, c := range it.children {
					e.item(c, sc, nil, depth+1, parent)
				}
				e.blocks(nil, it.blocks, sc, false)
				return
			}
			lsc := scope{subject: sc.subject, list: listMode{lab: info.lab, taxonomy: info.lab.rel == graph.TypeOf, refs: info.refs}}
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
		e.statements(t, ctx{subject: sc.subject, only: comparisonsOnly, pros: true})
		for _, c := range it.children {
			e.item(c, sc, nil, depth+1, "")
		}
		return
	case labelIgnore:
		quiet := e.quiet
		e.quiet = e.quiet || sc.list.refs
		defer func() { e.quiet = quiet }()
		if sc.list.refs {
			e.wikiLinks(t) // "## Related - [[REST]]": notes of the vault, stating nothing
		} else {
			e.statements(t, ctx{subject: sc.subject}) // references state nothing
			// "## Corner cases" over "- Empty graph": a short name
			// alone is a concept the notes name, related to nothing.
			if s := strings.TrimSpace(t.s); len(it.children) == 0 && len(strings.Fields(s)) <= 3 && plainWords(s) {
				if ns, ok := nameOf(s); ok && (unicode.IsUpper(firstRune(s)) || hasHangul(s) && !describes(s)) && !genericNouns[lowerCase(lastWord(s))] {
					e.define(ns, line, fromItem)
				}
			}
		}
		for _, c := range it.children {
			e.item(c, sc, nil, depth+1, "")
		}
		e.blocks(nil, it.blocks, scope{subject: sc.subject}, false)
		return
	}

	// "- **USE 메서드**: Utilization, Saturation, Errors — …": the
	// names its letters stand for, its parts.
	if head != "" && desc != "" && len(it.children) == 0 && acronymOpening(strings.Trim(head, "*_` ")) != "" {
		first := desc
		for _, sep := range []string{" — ", " – ", " -- ", " - ", ". "} {
			if i := strings.Index(first, sep); i > 0 {
				first = first[:i]
			}
		}
		if hn := parseNames(head); len(hn) == 1 {
			if names := splitNames(first); len(names) > 1 && spells(hn[0].name, nameStrings(names)) {
				id := e.define(hn[0], line, fromBold)
				for _, n := range names {
					e.relate(e.define(n, line, fromItem), graph.PartOf, id, 0.75, ev, "item-part")
				}
				e.relateItem(id, hn[0].name, sc, bold, parent != "", ev, it)
				return
			}
		}
	}
	// "- 스케줄링 알고리즘: FCFS, SJF, Round Robin": a class and its
	// members.
	if head != "" && desc != "" && len(it.children) == 0 && e.classItem(head, desc, sc.subject, ev) {
		return
	}
	// "- 실행 엔진: 인터프리터 + JIT 컴파일러": a whole and its parts (and
	// the whole is still the list's item).
	if head != "" && desc != "" {
		e.sum(head, desc, ev)
	}
	// Several names in one item: "- AWS, Azure, GCP".
	if mode == labelRel && desc == "" && len(it.children) == 0 {
		if names := splitNamesOf(t.s, sc.list.taxonomy); len(names) > 1 {
			for _, n := range names {
				if p := e.get(parent); p != nil && sc.list.taxonomy && !sameHead(n.name, p.name) && !properName(n.name) {
					continue
				}
				id := e.define(n, line, fromItem)
				e.structural(id, sc, ev, n.name, false, "label")
			}
			return
		}
	}
	// "- MySQL, Oracle, PostgreSQL" under "RDBMS": products named alone,
	// its examples.
	if mode == 0 && desc == "" && len(it.children) == 0 && sc.subject != "" && parent == "" {
		if names := namesOnly(t.s); len(names) >= 3 && !slices.ContainsFunc(names, func(n nameSet) bool { return !properName(n.name) || n.name == strings.ToUpper(n.name) }) {
			e.examplesOf(names, sc.subject, line, ev)
			return
		}
	}
	// "SADD, SMEMBERS, SISMEMBERS" under "Set": its members.
	if mode == 0 && desc == "" && len(it.children) == 0 && parent != "" && isLatin(t.s) {
		if names := splitNames(t.s); len(names) > 1 {
			for _, n := range names {
				id := e.define(n, line, fromItem)
				e.relateItem(id, n.name, sc, true, true, ev, it)
			}
			return
		}
	}
	// "Lpush, Rpush : 시작과 끝…": several names with one description,
	// the operations of the parent (products are described one by one).
	if head != "" && desc != "" && parent != "" {
		if names := splitNames(head); len(names) > 1 {
			for _, n := range names {
				id := e.define(n, line, fromItem)
				if p := e.get(sc.subject); sc.list.nested && p != nil && !sameHead(n.name, p.name) {
					e.relate(id, graph.PartOf, sc.subject, 0.7, ev, "item-part")
				} else {
					e.relateItem(id, n.name, sc, true, true, ev, it)
				}
				e.sentence(t, descAt, len(t.s), ctx{subject: id, first: true, own: true})
			}
			return
		}
	}

	if desc == "" && len(it.children) > 0 {
		if whole := e.infoOf(t); whole != "" {
			// "Redis Info를 통한 정보" over "RSS", "Used Memory": what it
			// holds (a title, not a statement that the subject uses it).
			csc := scope{subject: whole, list: listMode{lab: label{labelRel, graph.PartOf}}}
			for _, c := range it.children {
				e.item(c, csc, nil, depth+1, "")
			}
			return
		}
	}
	if head != "" && desc != "" && (vsIndex(head) != nil || strings.Contains(head, "차이")) {
		if a, b, ok := compareTitle(head); ok {
			// "- Last-Modified vs ETag: …": the two, set side by side.
			ida, idb := e.define(a, line, fromItem), e.define(b, line, fromItem)
			e.relate(ida, graph.ComparedWith, idb, 0.8, ev, "compare-title")
			e.sentence(t, descAt, len(t.s), ctx{})
			for _, c := range it.children {
				e.item(c, sc, nil, depth+1, "")
			}
			return
		}
	}
	term, ok := e.term(it, head, desc, bold, sc, parent)
	if !ok && mode == labelRel && sc.list.lab.rel == graph.TypeOf && sc.subject != "" && desc == "" && hasHangul(t.s) {
		// "- FIFO 페이지 교체 알고리즘은 … 방식입니다." under "페이지 교체
		// 알고리즘에는 어떤 것들이 있나요?": the topic is one of the kinds.
		st := &sent{s: t.s, lower: asciiLower(t.s), ws: e.takeWords(t.s), ko: true, t: t, known: e.known}
		st.ev = ev
		if koreanTopicMarked(st) {
			if id := e.topicOf(st, ctx{subject: sc.subject}); id != "" && id != sc.subject {
				e.structural(id, sc, ev, e.nameOf(id), false, "label")
			}
		}
		e.giveWords(st.ws)
	}
	if !ok {
		// (A statement under "다음과 같은 성질" is about the subject still.)
		own := mode == 0 || mode == labelRel && sc.list.lab.rel == graph.PartOf
		e.statements(t, ctx{subject: sc.subject, own: sc.subject != "" && own && (parent == "" || parent == sc.subject)})
		csc := scope{subject: sc.subject}
		if len(it.children) > 0 {
			if class := e.trailingClass(t); class != "" {
				// "Support data structures" over "strings, set, list".
				csc = scope{subject: class, list: listMode{lab: label{labelRel, graph.TypeOf}, taxonomy: true}}
			}
		}
		for _, c := range it.children {
			e.item(c, csc, nil, depth+1, "")
		}
		e.blocks(nil, it.blocks, scope{subject: sc.subject}, false)
		return
	}
	id := e.define(term, line, map[bool]strength{true: fromBold, false: fromItem}[bold])
	if !mentioned[id] || sc.list.lab.mode == labelRel {
		// (A lead-in that already names the item has placed it.)
		e.relateItem(id, term.name, sc, bold, parent != "", ev, it)
	}
	if desc != "" {
		// "- MSE → regression": what the term leads to, not what it is.
		// Sentence by sentence, each about the term: "**Atomicity** --
		// all or nothing. Implemented with the undo log."
		c := ctx{subject: id, first: true, own: true, result: arrowBefore(t.s, descAt)}
		for i, sp := range sentenceSpans(t.s[descAt:]) {
			if i > 0 {
				if names := namesOnly(t.s[descAt+sp[0] : descAt+sp[1]]); names != nil {
					// "- declarative: describe the end state. Terraform,
					// CloudFormation, Pulumi": what it is, then its
					// examples.
					e.examplesOf(names, id, line, ev)
					continue
				}
			}
			e.sentence(t, descAt+sp[0], descAt+sp[1], c)
			c.first, c.result = false, false
		}
	}
	csc := scope{subject: id, list: headMode(term.name)}
	if sc.list.taxonomy && sc.list.lab.rel == graph.TypeOf && csc.list.lab.mode == 0 {
		csc.list = listMode{nested: true, glosses: glosses(it.children, term.name)}
	}
	for _, c := range it.children {
		e.item(c, csc, nil, depth+1, id)
	}
	e.blocks(nil, it.blocks, scope{subject: id}, true)
}

// examplesOf defines names, an item's list of products, as examples of
// concept id.
func (e *extractor) examplesOf(names []nameSet, id string, line int, ev graph.Evidence) {
	for _, n := range names {
		if nid := e.define(n, line, fromItem); nid != "" && nid != id {
			e.relate(nid, graph.ExampleOf, id, 0.7, ev, "item-examples")
		}
	}
}

// trailingClass returns the concept an item's text names last when that
// phrase names a class ("Support data structures"): its nested items are
// kinds of it.
func (e *extractor) trailingClass(t *text) string {
	s := strings.TrimRight(strings.TrimSpace(t.s), ":：")
	st := &sent{s: s, lower: asciiLower(s), ws: words(s)}
	st.ev = graph.Evidence{File: e.file, Line: t.line(), Text: s}
	if len(st.ws) < 2 || st.ws[len(st.ws)-1].hangul {
		return ""
	}
	p := st.englishPhraseBefore(len(st.ws))
	if !p.empty() && p.i == 0 && p.j > 1 && baseVerb(st.ws[0].lower) {
		p.i = 1 // "Support data structures": a verb, then the class
	}
	if p.empty() || p.i == 0 || !plural(st.ws[p.j-1].lower) {
		return ""
	}
	return e.conceptOf(st, p, nameLikePhrase(st, p))
}

// infoOf reads a Korean item that names what some concept holds: "X를
// 통한 정보", "X의 항목", "X에서 제공하는 지표". It returns X, or "".
func (e *extractor) infoOf(t *text) string {
	s := strings.TrimRight(strings.TrimSpace(t.s), ":： ")
	st := &sent{s: s, lower: asciiLower(s), ws: words(s), ko: true}
	n := len(st.ws)
	if n < 2 || n > 5 || !infoNouns[st.ws[n-1].stem(st.s)] || st.ws[n-1].kind != endNone {
		return ""
	}
	k := n - 2
	switch t := st.ws[k].text(st.s); {
	case st.ws[k].kind == endOf:
	case t == "통한" || t == "제공하는" || t == "있는" || t == "보여주는":
		k--
		if k < 0 || st.ws[k].kind == endNone {
			return ""
		}
	default:
		return ""
	}
	p := st.koreanPhraseAt(k)
	if p.empty() || p.i != 0 {
		return ""
	}
	return e.conceptOf(st, p, nameLikePhrase(st, p) && strongPhrase(st, p))
}

// infoNouns name what a concept holds or reports.
var infoNouns = map[string]bool{"정보": true, "항목": true, "지표": true, "목록": true, "필드": true, "메트릭": true, "값들": true, "내용": true}

// labelled reads "label: a, b, c" or "label = a, b, c" after a label.
func (e *extractor) labelled(sc scope, desc string, at int, t *text, ev graph.Evidence) {
	switch sc.list.lab.mode {
	case labelPros, labelCons:
		e.attribute(sc.subject, sc.list.lab.mode, desc)
		return
	case labelIgnore:
		e.sentence(t, at, len(t.s), ctx{subject: sc.subject})
		return
	}
	for _, n := range splitNames(desc) {
		id := e.define(n, ev.Line, fromItem)
		e.structural(id, sc, ev, n.name, false, "label")
	}
}

// linkedName reports whether an item that is one link names a concept: a
// wikilink is a note of the vault, and a link whose text is a short
// proper name ("[Neo4j](https://neo4j.com/)") names what it links to; a
// link titled like an article is a reference.
func linkedName(t *text) bool {
	s := strings.TrimSpace(t.s)
	for _, m := range t.marks {
		if m.kind == markWiki && strings.TrimSpace(t.s[:m.start]) == "" {
			return true
		}
	}
	return !strings.Contains(s, "://") && len(strings.Fields(s)) <= 4 && (properName(s) || productName(s))
}

// definedAs reports whether an item's description opens as a definition
// does, with an article: "Release branch: a branch that …" names a
// concept, though "release" is also a verb.
func definedAs(desc string) bool {
	f := lowerCase(firstWord(desc))
	return f == "a" || f == "an" || f == "the"
}

// term decides whether an item names a concept: a bold head, "Term:
// description", or a bare name in a list whose label says what its items
// are.
func (e *extractor) term(it *item, head, desc string, bold bool, sc scope, parent string) (nameSet, bool) {
	cand := head
	if cand == "" {
		cand = strings.TrimSpace(it.text.s)
	}
	if onlyLink(&it.text) && !linkedName(&it.text) || imperatives[cand] {
		return nameSet{}, false // a reference, or "edit": an instruction
	}
	if utf8.RuneCountInString(cand) > maxNameRunes {
		return nameSet{}, false // a statement, not a name
	}
	if instructionItem(&it.text, cand) && !bold {
		return nameSet{}, false // "Run `terraform init`", "Create the config file": a step
	}
	if sc.list.lab.mode == labelRel && desc == "" {
		// "- a container runtime;" under "Each pod has:": the name,
		// without its article and the list's punctuation.
		cand = strings.TrimRight(cand, ";,. ")
		if f, rest, ok := strings.Cut(cand, " "); ok && (f == "a" || f == "an" || f == "the" || f == "A" || f == "An" || f == "The") {
			cand = rest
		}
	}
	ns := parseNames(cleanTitle(cand))
	// Under a class ("Collision resolution strategies:"), a term with its
	// description is a member even when it opens with a verb ("Open
	// addressing: …").
	member := sc.list.lab.mode == labelRel && desc != "" && len(ns) == 1 && len(strings.Fields(ns[0].name)) <= 4 && plainWords(ns[0].name)
	if len(ns) != 1 || !nameLike(ns[0].name, !bold) && !member {
		return nameSet{}, false
	}
	if f := lowerCase(firstWord(ns[0].name)); !bold && !member && (enVerbs[f+"s"] || enVerbs[f+"es"]) && len(strings.Fields(ns[0].name)) > 1 && !definedAs(desc) && !verbNoun(strings.Fields(ns[0].name)) &&
		!(sc.list.lab.mode == labelRel && properName(ns[0].name)) { // (but "Request Router" in a list of parts is a name)
		return nameSet{}, false // "Support data structures": an instruction or a note
	}
	if _, _, ok := compareTitle(ns[0].name); ok && desc == "" && (strings.HasSuffix(cand, "?") || strings.Contains(cand, "차이")) {
		return nameSet{}, false // "get과 post의 차이점은?": a question
	}
	switch {
	case bold:
		return ns[0], true
	case sc.list.lab.mode == labelRel:
		return ns[0], true
	case sc.list.nested:
		// Nested kinds share their parent's head noun ("Type-1 가상화"
		// under "하이퍼바이저형 가상화") or are products ("Docker").
		if p := e.get(parent); p != nil && (sameHead(ns[0].name, p.name) || properName(ns[0].name) && len(strings.Fields(ns[0].name)) == 1) {
			return ns[0], true
		}
	case head != "" && desc != "":
		return ns[0], true
	case len(it.children) > 0 || len(it.blocks) > 0:
		return ns[0], true
	}
	return nameSet{}, false
}

// instructionItem reports whether an item's text cand is an instruction:
// an imperative verb, then what to do it to, with an article, a
// possessive or code ("Create `main.tf` file", "Review the plan"); not a
// name that opens with a verb ("Test Driven Development Cycle").
func instructionItem(t *text, cand string) bool {
	f := strings.Fields(cand)
	if len(f) < 2 || !imperatives[lowerCase(strings.Trim(f[0], "*_"))] {
		return false
	}
	switch lowerCase(f[1]) {
	case "the", "a", "an", "your", "my", "our", "it", "them", "this", "these":
		return true
	}
	for _, m := range t.marks {
		if m.kind == markCode {
			return true
		}
	}
	return false
}

func firstWord(s string) string {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		return s[:i]
	}
	return s
}

// headWord is the last word of a name, of a hyphenated one too:
// "Max-queue" is a queue.
func headWord(name string) string {
	w := lastWord(name)
	if i := strings.LastIndexByte(w, '-'); i >= 0 && isLatin(w) {
		w = w[i+1:]
	}
	return w
}

func sameHead(a, b string) bool {
	return strings.EqualFold(lastWord(a), lastWord(b))
}

// glosses reports whether the items under a kind describe it rather than
// list its kinds: statements, and just one leaf that shares its head noun
// ("컨테이너 가상화" over "OS 레벨 가상화" and "…으로 실행 환경 격리").
func glosses(items []*item, parent string) bool {
	same, statements := 0, 0
	for _, c := range items {
		txt := strings.TrimSpace(c.text.s)
		switch {
		case sameHead(txt, parent) && len(c.children) == 0:
			same++
		case len(strings.Fields(txt)) >= 3 && !properName(txt):
			statements++
		}
	}
	return same == 1 && statements > 0
}

// properName reports whether s looks like a product or proper name:
// capitalised Latin words such as "Docker", "Redis", "MongoDB", "AWS
// Elastic Beanstalk".
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
		// "Key-value" is a compound common noun; "Kube-Proxy" a name.
		for _, part := range strings.Split(w, "-")[1:] {
			if p := firstRune(part); unicode.IsLower(p) {
				return false
			}
		}
	}
	return true
}

// relateItem relates an item's concept to the subject of its list.
func (e *extractor) relateItem(id, name string, sc scope, bold, nested bool, ev graph.Evidence, it *item) {
	if sc.subject == "" || id == sc.subject || sc.list.lab.mode == labelOrg {
		return
	}
	if s := e.get(sc.subject); s != nil && vsIndex(s.name) != nil {
		return // "reset vs revert:" over "- git reset: …": the two compared, no whole
	}
	if sc.list.lab.mode == labelRel {
		e.structural(id, sc, ev, name, nested, "label")
		return
	}
	if sc.list.nested {
		p := e.get(sc.subject)
		switch {
		case p != nil && sameHead(name, p.name):
			if sc.list.glosses && len(it.children) == 0 {
				return // "컨테이너 가상화 - OS 레벨 가상화 - …로 격리": another name for it
			}
			e.relate(id, graph.TypeOf, sc.subject, 0.75, ev, "item-kind")
		case properName(name) && !isAcronym(name) && len(strings.Fields(name)) == 1 && len(it.children) == 0:
			e.relate(id, graph.ExampleOf, sc.subject, 0.7, ev, "item-example")
		default:
			e.relate(id, graph.PartOf, sc.subject, 0.7, ev, "item-part")
		}
		return
	}
	if sc.list.lab.mode != 0 {
		return
	}
	if !bold && !nested && len(it.children) == 0 {
		// "- Max-queue: serves …" under "Priority queue": named with
		// its head noun, a kind of it.
		if subj := e.get(sc.subject); subj != nil && strings.Contains(it.text.s, ":") && headWord(name) != "" && strings.EqualFold(headWord(name), headWord(subj.name)) && !strings.EqualFold(name, subj.name) {
			e.relate(id, graph.TypeOf, sc.subject, 0.7, ev, "item-kind")
		}
		return
	}
	if !bold && hasAnySuffix(name, qualitySuffixes...) {
		return // a quality of the subject, not a part
	}
	subj := e.get(sc.subject)
	rel, rule := graph.PartOf, "item-part"
	switch {
	case subj == nil:
	case activity(subj.name) || approach(name):
		// "Range" under "Sharding", "VIP 기반" under "Failover": ways
		// of doing it.
		rel, rule = graph.TypeOf, "item-kind"
	case containsAfterStart(name, subj) && !phraseOfWords(name) || englishPlural(subj.name):
		rel, rule = graph.TypeOf, "item-kind"
		if nested && properName(name) && !isAcronym(name) && !sameHeadNoun(name, subj.name) {
			rel = graph.ExampleOf
		}
	}
	e.relate(id, rel, sc.subject, 0.7, ev, rule)
}

// activity reports whether a name names an activity or method, whose
// items are ways of doing it: "Sharding", "Partitioning", "흐름 제어",
// "데이터 분산", "로드밸런싱".
func activity(name string) bool {
	last := lowerCase(lastWord(name))
	if strings.HasSuffix(last, "ing") && len(last) > 5 && isLatin(last) {
		return true
	}
	if isLatin(last) && len(last) > 6 && (strings.HasSuffix(last, "tion") || strings.HasSuffix(last, "sion") || strings.HasSuffix(last, "ment")) {
		return true // "regularization", "dimensionality reduction", "deployment"
	}
	for _, s := range []string{"제어", "분산", "관리", "처리", "교체", "할당", "전송", "인증", "탐색", "정렬", "복제"} {
		if strings.HasSuffix(last, s) {
			return true
		}
	}
	r, _ := utf8.DecodeLastRuneInString(last)
	return strings.ContainsRune("링싱딩닝킹팅핑밍빙칭징", r) && utf8.RuneCountInString(last) >= 3
}

// approach reports whether an item's name names a way of doing
// something: "Coordinator 기반", "IP 해시 방식", "push-based".
func approach(name string) bool {
	last := lowerCase(lastWord(name))
	return len(strings.Fields(name)) > 1 && (last == "기반" || last == "방식" || last == "방법" || last == "기법") ||
		strings.HasSuffix(last, "-based")
}

// englishPlural reports whether a name ends in an English plural:
// "Redis Collections".
func englishPlural(name string) bool {
	last := lastWord(name)
	return isLatin(last) && plural(lowerCase(last)) && (!isAcronym(last) || acronymPlural(last))
}

// acronymPlural reports whether a word is an acronym with a plural "s":
// "BSTs", "CDNs", "VMs".
func acronymPlural(w string) bool {
	a, cut := strings.CutSuffix(w, "s")
	return cut && len(a) > 1 && a == strings.ToUpper(a) && strings.ToUpper(a) != strings.ToLower(a)
}

// structural relates an item to its list's subject by the list's label.
func (e *extractor) structural(id string, sc scope, ev graph.Evidence, name string, nested bool, rule string) {
	rel := sc.list.lab.rel
	if rel == graph.TypeOf && properName(name) && !isAcronym(name) && !sameHeadNoun(name, e.nameOf(sc.subject)) && !camelHead(name, e.nameOf(sc.subject)) && (nested || e.instance(id) || productHeads[singular(lowerCase(lastWord(e.nameOf(sc.subject))))]) {
		rel = graph.ExampleOf // "Docker" under "컨테이너 가상화", "Jenkins" under "CI servers"
	}
	if rel == graph.PartOf && narrowerName(name, e.nameOf(sc.subject)) && !partHeads[lowerCase(lastWord(name))] {
		rel = graph.TypeOf // "Min-heap: …" under Heap
	}
	switch rel {
	case graph.Uses, graph.Requires, graph.OppositeOf, graph.ComparedWith:
		e.relate(sc.subject, rel, id, 0.8, ev, rule)
	default:
		e.relate(id, rel, sc.subject, 0.8, ev, rule)
	}
}

// camelHead reports whether a name written in camel case ends in the
// head noun of parent: "livenessProbe" under "probe" is a kind of it.
func camelHead(name, parent string) bool {
	i := strings.LastIndexFunc(name, unicode.IsUpper)
	if i <= 0 || strings.ContainsAny(name, " -") || !unicode.IsLower(firstRune(name)) {
		return false
	}
	head := singular(lowerCase(lastWord(parent)))
	return head != "" && lowerCase(name[i:]) == head
}

// partHeads name parts by nature: a "힙 영역" of the "런타임 데이터 영역"
// is a region of it, not a kind.
var partHeads = map[string]bool{"영역": true, "계층": true, "단계": true, "구역": true, "area": true, "region": true,
	"layer": true, "stage": true, "phase": true, "step": true, "segment": true, "zone": true}

// narrowerName reports whether name is a narrower form of parent: it
// ends in parent's head noun, after a space or a hyphen ("Min-heap" of
// "Heap", "Push CDNs" of "CDN").
func narrowerName(name, parent string) bool {
	last := lastWord(name)
	if i := strings.LastIndexByte(last, '-'); i > 0 && i < len(last)-1 {
		last = last[i+1:]
	}
	if lowerCase(strings.TrimSpace(name)) == lowerCase(strings.TrimSpace(parent)) || last == name {
		return false
	}
	return sameHeadNoun(last, parent)
}

// formulaTerm reports whether a term of a sum is written as mathematics:
// a variable ("i", "n"), a function applied ("h(k)", "h1(k)"), or marks
// of a product or a power ("c1·i", "i²").
func formulaTerm(t string) bool {
	if len(t) == 1 && t[0] >= 'a' && t[0] <= 'z' {
		return true
	}
	if strings.ContainsAny(t, "·×²³^") {
		return true
	}
	if i := strings.IndexByte(t, '('); i > 0 && i <= 3 && strings.HasSuffix(strings.Fields(t)[0], ")") {
		return true // (not "Redis (cache)")
	}
	return false
}

// sum reads "X: A + B" or "X = A + B (+ C)": X and its parts, when every
// term of the sum is a name. It reports whether it read one.
func (e *extractor) sum(head, desc string, ev graph.Evidence) bool {
	if !strings.Contains(desc, "+") {
		return false // (most items: read nothing more)
	}
	if sp := sentenceSpans(desc); len(sp) > 1 {
		desc = desc[sp[0][0]:sp[0][1]]
	}
	terms := strings.Split(strings.TrimRight(strings.TrimSpace(desc), ". "), "+")
	if len(terms) < 2 {
		return false
	}
	hn, ok := nameOf(cleanTitle(head))
	if !ok {
		return false
	}
	var parts []nameSet
	for _, t := range terms {
		if formulaTerm(strings.TrimSpace(t)) {
			return false // "linear probing: h(k)+i": a formula, not parts
		}
		n, ok := nameOf(strings.Trim(strings.TrimSpace(t), "`"))
		if !ok || len(strings.Fields(n.name)) > 4 || strings.HasSuffix(n.name, "지") || slices.ContainsFunc(strings.Fields(n.name), func(w string) bool { return koreanWh[w] || strings.HasPrefix(w, "어디") }) {
			return false // ("어디에 적용할지": a question, not a part)
		}
		parts = append(parts, n)
	}
	whole := e.define(hn, ev.Line, fromBold)
	for _, n := range parts {
		if id := e.define(n, ev.Line, fromItem); id != "" && id != whole {
			e.relate(id, graph.PartOf, whole, 0.75, ev, "sum")
		}
	}
	return true
}

var exampleOpenRe = regexp.MustCompile(`^\s*(예\)|예시\)|(?i:ex\)|eg\)|e\.g\.)|대표적으로는?|예를 들어|예를 들면)\s*`)

var itemSepRe = regexp.MustCompile(`^\s*(?:[:：=]|\s--\s|\s-\s|\s–\s|\s—\s|-\s)\s*`)

// splitItem splits "**Head**: desc", "Head: desc", "Head - desc", "Head =
// desc" into head and description. A bold start followed by a particle
// ("**응답성**이 좋아진다") is not a head.
func splitItem(t *text) (head, desc string, descAt int, bold bool) {
	s := t.s
	lead := len(s) - len(strings.TrimLeft(s, " \t"))
	for _, m := range t.marks {
		if m.kind != markBold && m.kind != markCode && m.kind != markItalic && m.kind != markLink || m.start != lead {
			continue
		}
		rest := s[m.end:]
		if loc := itemSepRe.FindStringIndex(rest); loc != nil {
			return s[m.start:m.end], strings.TrimSpace(rest[loc[1]:]), m.end + loc[1], m.kind == markBold
		}
		if strings.TrimSpace(rest) == "" {
			return s[m.start:m.end], "", len(s), m.kind == markBold
		}
		if m.kind == markItalic || m.kind == markLink {
			break // only with a separator: "*DNS*: …", "[fbtftp](…): …"
		}
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest, " "))
		if r == '(' {
			// "**Term** (alias) …"
			if j := strings.IndexByte(rest, ')'); j > 0 {
				after := rest[j+1:]
				if loc := itemSepRe.FindStringIndex(after); loc != nil {
					return s[m.start:m.end] + rest[:j+1], strings.TrimSpace(after[loc[1]:]), m.end + j + 1 + loc[1], m.kind == markBold
				}
				if strings.TrimSpace(after) == "" {
					return s[m.start:m.end] + rest[:j+1], "", len(s), m.kind == markBold
				}
			}
		}
		break
	}
	// "예) Java, C", "대표적으로 Python, Ruby": an example label and its
	// names.
	if loc := exampleOpenRe.FindStringSubmatchIndex(s); loc != nil && loc[1] < len(s) && len(splitNames(s[loc[1]:])) > 0 {
		// (not "대표적으로 FCFS, SJF가 있다", a sentence the cues read)
		head := strings.TrimRight(s[loc[2]:loc[3]], ")")
		if isLatin(head) {
			head = "examples" // "ex)", "e.g."
		}
		return head, strings.TrimSpace(s[loc[1]:]), loc[1], false
	}
	// "Head: desc" with a short head.
	for _, sep := range []string{" : ", ": ", ":", " = ", "=", " -- ", " - ", " – ", " — ", " -> ", " → "} {
		i := strings.Index(s, sep)
		if i <= 0 || utf8.RuneCountInString(s[:i]) > 40 {
			continue
		}
		if sep == ":" && (strings.HasPrefix(s[i:], "://") || i+1 < len(s) && s[i+1] == '/' || i > 0 && i+1 < len(s) && s[i-1] >= '0' && s[i-1] <= '9' && s[i+1] >= '0' && s[i+1] <= '9') {
			continue // a URL, a ratio "2:8"
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

// arrows are the marks that lead from one thing to the next.
var arrows = []string{"→", "->", "=>", "⇒"}

// arrowBefore reports whether the text before at ends in an arrow: an
// item's description after "→" is a consequence of its term.
func arrowBefore(s string, at int) bool {
	before := strings.TrimRight(s[:at], " ")
	for _, a := range arrows {
		if strings.HasSuffix(before, a) {
			return true
		}
	}
	return false
}

var nameSepRe = regexp.MustCompile(`\s*(?:,|，|、|·|/|\s및\s|\s또는\s|\sand\s|\sor\s)\s*`)

// nameSeps is nameSepRe.FindAllStringIndex(s, -1), without running the
// expression on text that has none of its separators (most items).
func nameSeps(s string) [][]int {
	if !strings.ContainsAny(s, ",，、·/") && !strings.Contains(s, "및") && !strings.Contains(s, "또는") &&
		!strings.Contains(s, "and") && !strings.Contains(s, "or") {
		return nil
	}
	return nameSepRe.FindAllStringIndex(s, -1)
}

// splitNames splits "AWS, Azure, GCP" or "캡슐화, 상속, 다형성" into names;
// it returns nil unless every part reads as a name.
func splitNames(s string) []nameSet { return splitNamesOf(s, false) }

// splitNamesOf is splitNames; with loose, an enumeration of three or more
// short words names things even in lower case ("strings, set, sorted-set,
// hashes, list" under a class).
func splitNamesOf(s string, loose bool) []nameSet {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "등"))
	s = strings.TrimSuffix(strings.TrimSpace(s), ".")
	if utf8.RuneCountInString(s) > 300 {
		return nil // an enumeration of names is never this long
	}
	// Separators outside parentheses split: "MongoDB(document-oriented),
	// redies(key-value)".
	var parts []string
	last := 0
	seps := nameSeps(s)
	for i, loc := range seps {
		if loc[1] == loc[0] || parenDepth(s[:loc[0]]) != 0 {
			continue
		}
		if s[loc[0]:loc[1]] == "/" {
			// "Redis Pub/Sub", "read/write locks": a slash inside a name
			// of several words joins; "TCP/UDP" splits.
			next := len(s)
			if i+1 < len(seps) {
				next = seps[i+1][0]
			}
			if strings.Contains(strings.TrimSpace(s[last:loc[0]]), " ") || strings.Contains(strings.TrimSpace(s[loc[1]:next]), " ") {
				continue
			}
		}
		parts = append(parts, s[last:loc[0]])
		last = loc[1]
	}
	parts = append(parts, s[last:])
	var out []nameSet
	for _, p := range parts {
		p = strings.TrimSpace(p)
		p = strings.TrimPrefix(p, "and ")
		if p == "" {
			continue
		}
		ns := parseNames(p)
		if len(ns) != 1 || !nameLike(ns[0].name, true) && !(loose && len(parts) >= 3 && shortWord(ns[0].name)) {
			return nil
		}
		out = append(out, ns[0])
	}
	return out
}

// plainWords reports whether s is words of letters only: no number,
// no punctuation but hyphens and slashes ("... 생략", "설정 50000" are not).
func plainWords(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && r != ' ' && r != '-' && r != '/' {
			return false
		}
	}
	return true
}

// shortWord reports whether s is one Latin word, hyphens allowed.
func shortWord(s string) bool {
	if s == "" || len(s) > 30 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '-' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

func parenDepth(s string) int {
	return strings.Count(s, "(") + strings.Count(s, "（") - strings.Count(s, ")") - strings.Count(s, "）")
}

func hasAnySuffix(s string, sufs ...string) bool {
	for _, x := range sufs {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}
