package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"conceptgraph/graph"
)

// Kinds and examples: Hearst's patterns. "G such as X, Y and Z", "G like
// X", "G including X", "G, e.g. X", "X, Y and other G", "types of G",
// "X, Y 등(의|과 같은) G", "X와 같은 G", "대표적으로 X, Y 등이 있다". Every
// item of the enumeration is read, multi-word items included. The items
// are examples of G when they are named instances (products, tools:
// capitalised names), kinds of G when they are common nouns or share G's
// head noun, or when the class word says kinds ("types of", "가지 유형").

// hearst reads one enumeration cue. It reports whether it related the
// topic as a kind or example.
func (e *extractor) hearst(st *sent, c ctx, topic string, h cueHit) bool {
	cu := h.c
	var items []phrase
	var class string
	rel := cu.rel
	switch {
	case cu.lang == "en" && cu.side == after:
		k := st.wordAt(h.end)
		if k < len(st.ws) && st.ws[k].start < h.end {
			k++
		}
		if k >= len(st.ws) {
			return false
		}
		at := st.wordAt(h.at)
		switch cu.phrase {
		case "types of", "type of", "kinds of", "kind of", "forms of", "categories of":
			// "There are three types of G: X, Y and Z."
			p := st.englishPhraseFrom(k)
			if p.empty() {
				return false
			}
			class = e.conceptOf(st, p, nameLikePhrase(st, p))
			if class == "" {
				return false
			}
			rel = graph.TypeOf
			if p.j < len(st.ws) && strings.Contains(st.ws[p.j-1].after, ":") {
				items = st.englishEnumFrom(p.j)
				break
			}
			// "two kinds of blocks you will write most: …": a clause of
			// its own, then the colon.
			if p.j < len(st.ws) && (st.ws[p.j].fn == fnPronoun || relativeWords[st.ws[p.j].lower]) {
				if i := slices.IndexFunc(st.ws[p.j:min(len(st.ws), p.j+6)], func(w word) bool { return strings.Contains(w.after, ":") }); i >= 0 && p.j+i+1 < len(st.ws) {
					items = st.englishEnumFrom(p.j + i + 1)
					break
				}
			}
			// "which type of NoSQL database best fits … We'll review
			// **key-value stores**, **document stores** …": the terms
			// marked later in the paragraph.
			var ids []string
			for _, m := range st.t.marks {
				if m.start >= st.off+h.end && (m.kind == markBold || m.kind == markLink) {
					if id := e.defineText(st.t.s[m.start:m.end]); id != "" && id != class {
						ids = append(ids, id)
					}
				}
			}
			if len(ids) < 2 {
				return false
			}
			for _, id := range ids {
				e.relate(id, graph.TypeOf, class, 0.8, st.ev, "hearst")
			}
			return false
		case "for example", "for instance", "e.g.", "e.g", "eg.", "ex:", "ex.", "eg:":
			items = st.englishEnumFrom(k)
			if strings.TrimSpace(strings.Trim(st.lower[:h.at], "(*_")) == "" && !strings.Contains(st.s[h.at:min(len(st.s), h.end+2)], ":") {
				// "For example, in a replicated database …": an example
				// of a situation; but "e.g. ResNet, VGG." names examples
				// of what the text is about.
				if n := len(items); n == 0 || items[n-1].j != len(st.ws) || c.subject == "" || slices.ContainsFunc(items, func(p phrase) bool { return !properName(st.text(p)) }) {
					return false
				}
				class = c.subject
				break
			}
			if n := len(items); n > 0 && items[n-1].j < len(st.ws) && (st.ws[items[n-1].j].fn == fnAux || englishVerb(st.ws[items[n-1].j].lower)) {
				return false // "e.g. router can communicate …": a clause
			}
			class = e.classBefore(st, c, topic, at)
		case "include", "includes", "including":
			for _, p := range st.englishEnumFrom(k) {
				// "include features for …": a common noun, not a member.
				if w := st.ws[p.i].text(st.s); cu.phrase == "including" || unicode.IsUpper(firstRune(w)) || e.idx.lookup(st.text(p)) != "" || marked(st, p) {
					items = append(items, p)
				}
			}
			p := st.englishPhraseBefore(at)
			if cu.phrase != "including" && !p.empty() && !plural(st.ws[p.j-1].lower) && !kindWord(st.ws[p.j-1].lower) {
				// "The CAP theorem includes …": parts, not examples.
				rel = graph.PartOf
			}
			class = e.classBefore(st, c, topic, at)
		default:
			if cu.phrase == "like" {
				// "a unique value like a clock": a likeness; kinds are
				// named in the plural ("databases like MySQL").
				if p := st.englishPhraseBefore(at); !p.empty() && p.i > 0 && indefinite(st.ws[p.i-1].lower) && !plural(st.ws[p.j-1].lower) {
					return false
				}
			}
			items = st.englishEnumFrom(k)
			class = e.classBefore(st, c, topic, at)
			if strings.HasPrefix(cu.phrase, "example") {
				class = c.subject // the sentence's subject is the example word
				if len(items) > 0 && strings.HasSuffix(st.ws[items[0].i].lower, "ing") {
					return false // "Another example is taking courses …": a situation
				}
			}
			if p := st.englishPhraseBefore(at); !p.empty() && kindWord(st.ws[p.j-1].lower) {
				rel = graph.TypeOf // "several service types, such as ClusterIP"
			}
		}
	case cu.lang == "en":
		// "X, Y and other G"
		k := st.wordAt(h.end)
		if k < len(st.ws) && st.ws[k].start < h.end {
			k++
		}
		p := st.englishPhraseFrom(k)
		class = e.conceptOf(st, p, nameLikePhrase(st, p))
		at := st.wordAt(h.at)
		var rev []phrase
		for i := at - 1; i >= 0; {
			q := st.englishPhraseBefore(i + 1)
			if q.empty() {
				break
			}
			rev = append(rev, q)
			i = q.i - 1
			if i < 0 || !strings.Contains(st.ws[i].after, ",") {
				break
			}
		}
		items = reverse(rev)
	case cu.side == after:
		// "대표적으로 Redis 및 LMDB 등이 있다", "예를 들어 A, B"
		k := st.wordAt(h.end)
		if k < len(st.ws) && st.ws[k].start < h.end {
			k++
		}
		end := -1
		for i := k; i < len(st.ws); i++ {
			if st.ws[i].fn == fnEtc {
				end = i - 1 // "… 등이 있다"
				break
			}
			if st.ws[i].kind == endSubject && i+1 < len(st.ws) && strings.HasPrefix(st.ws[i+1].text(st.s), "있") {
				end = i // "… LMDB가 있다"
				break
			}
			if st.ws[i].kind != endNone && st.ws[i].kind != endAnd {
				break // a clause, not an enumeration: "ex) 로그를 캐시에 쌓아두고"
			}
		}
		if end < k {
			return false
		}
		items = st.koreanEnumEndingAt(end)
		class = topic
		if class == "" {
			// "인덱스를 구현하는 자료구조에는 대표적으로 …": the class marked
			// 에는 or 로는, its modifier clause cut.
			class = e.thereClass(st, st.wordAt(h.at))
		}
		if class != "" {
			class = e.withoutExampleNoun(class)
		}
		if !koreanTopicMarked(st) && class == "" && e.prev.id != "" && (e.prev.t == st.t || c.subject == "") {
			// "NoSQL은 …이다. 대표적으로 Redis, MongoDB가 있다": the
			// topic of the sentence before (in the same text: an item's
			// own "대표적으로 …" is about the item).
			class = e.prev.id
		}
		if class == "" {
			class = c.subject
		}
		if e.usedIn(st, end) {
			// "대표적으로 DNS, DHCP 등에서 사용된다": they use it.
			for _, p := range items {
				if id := e.conceptOf(st, p, nameLikePhrase(st, p)); id != "" {
					e.relate(id, graph.Uses, class, 0.8, st.ev, "hearst")
				}
			}
			return false
		}
	default:
		// "A, B 등의 G", "A와 같은 G", "N가지 유형"
		k := st.objectWord(h.at)
		representative := strings.HasSuffix(cu.phrase, "대표적") && !strings.HasPrefix(cu.phrase, "등")
		if strings.HasPrefix(cu.phrase, "등") {
			k = st.wordAt(h.at) - 1
		}
		if representative {
			k = st.wordAt(h.at) // "Round Robin, SRTF가 대표적이다"
		}
		if strings.HasPrefix(cu.phrase, "가지") {
			// "공유 메모리와 메시지 전달의 두 가지 모델이 있다"
			k = st.wordAt(h.at) - 1
			for k >= 0 && (numberWord(st.ws[k].text(st.s)) || st.ws[k].fn == fnDet) {
				k--
			}
			if k >= 0 && st.ws[k].kind == endOf {
				items = st.koreanEnumEndingAt(k)
			}
			class = topic
			if class == "" {
				class = c.subject
			}
			rel = graph.TypeOf
			break
		}
		if k < 0 {
			return false
		}
		items = st.koreanEnumEndingAt(k)
		if before := st.s[:h.at]; strings.HasSuffix(strings.TrimSpace(before), "다음") || strings.HasSuffix(strings.TrimSpace(before), "아래") {
			return false // "다음과 같은": the list that follows
		}
		j := st.wordAt(h.end - 1)
		p := st.koreanPhraseFrom(j + 1)
		strong := false // the class reads as a name
		if p.empty() && strings.HasSuffix(cu.phrase, "같은") && j+2 < len(st.ws) && st.ws[j+1].kind == endModifier && hasHangul(st.ws[j+1].text(st.s)) {
			// "bcrypt, Argon2 같은 느린 해시": the class with its adjective.
			if q := st.koreanPhraseFrom(j + 2); !q.empty() && q.i == j+2 {
				for i := q.i; i < q.j-1; i++ {
					if strings.Contains(st.ws[i].after, "+") {
						q.j = i + 1 // "느린 해시 + salt": the class, then what joins it
						break
					}
				}
				p, strong = phrase{j + 1, q.j}, nameLikePhrase(st, q)
			}
		}
		if strings.HasPrefix(cu.phrase, "등이") || strings.HasPrefix(cu.phrase, "등을") || representative {
			class = topic
			if class == "" && items != nil {
				class = e.thereClass(st, items[0].i) // "자료구조에는 … 등이 있다"
			}
			if class == "" {
				class = c.subject
			}
			if items != nil && !representative && class != "" && e.hasIn(st, items[0].i, class) && headMode(e.nameOf(class)).lab.rel != graph.TypeOf &&
				!slices.ContainsFunc(items, func(p phrase) bool { return !st.ws[p.j-1].hangul }) {
				// "컨테이너에는 파일 시스템, 메모리 등이 있다": what it has,
				// as existence reads it; but "스케줄링 알고리즘에는 …" names
				// kinds, and "그래프 탐색에는 BFS, DFS 등이" names instances.
				rel = graph.PartOf
			}
		} else if !p.empty() {
			// "각 플러그인 유형에 대해": the class, without its label word
			// for kinds ("설명 속성" keeps its head).
			if l, isLabel := labels[labelKey(st.ws[p.j-1].stem(st.s))]; isLabel && l.rel == graph.TypeOf && p.j-p.i > 1 {
				p.j--
			}
			if h := st.ws[p.j-1].stem(st.s); p.j-p.i == 1 && (h == "거" || h == "것" || h == "게" || h == "걸" || h == "애들" || h == "얘들" || h == "것들") {
				return false // "메일 발송 같은 거", "Graphite 같은 애들": a thing, no class
			}
			if h := st.ws[p.j-1].text(st.s); purposeWord(st.ws[p.j-1].stem(st.s)) || strings.HasSuffix(h, "거나") {
				return false // "… 같은 민감 정보 저장용": what it is for; "… 저장소 쓰거나": a verb
			}
			if p.j-p.i > 1 && st.ws[p.j-1].stem(st.s) == "기반" {
				p.j-- // "해시값 같은 식별자 기반": a class, on which it is based
			}
			if genericNouns[st.ws[p.j-1].stem(st.s)] && p.j-p.i == 1 {
				// "TCP, HTTP 등 다양한 방법으로": means the subject uses.
				if st.ws[p.j-1].kind == endAdverb {
					subj := e.subjectBefore(st, c, topic, p.j-1, "ko")
					for _, q := range items {
						if id := e.conceptOf(st, q, nameLikePhrase(st, q)); id != "" {
							e.relate(subj, graph.Uses, id, 0.8, st.ev, "hearst")
						}
					}
				}
				return false
			}
			if p.j-p.i == 1 && c.subject != "" && strings.HasSuffix(e.nameOf(c.subject), " "+st.ws[p.i].stem(st.s)) {
				class = c.subject // "… 등의 수준이 있다" under "트랜잭션 격리 수준": its head noun
			} else {
				class = e.conceptOf(st, p, strong || nameLikePhrase(st, p))
			}
			if class != "" && st.ws[p.j-1].kind == endObject && followsUse(st, p.j) {
				// "Zookeeper, etcd, consul 등의 Coordinator 사용": the
				// subject uses the class too.
				subj := e.subjectBefore(st, c, topic, p.j-1, "ko")
				e.relate(subj, graph.Uses, class, 0.8, st.ev, "hearst")
			}
		}
	}
	if class == "" || len(items) == 0 {
		return false
	}
	if e.usedBy(st, items) {
		return false
	}
	fired := false
	shared := sharedHead(st, items, e.nameOf(class))
	for i, p := range items {
		id := ""
		if shared != nil {
			id = e.defineText(shared[i])
		} else {
			id = e.conceptOf(st, p, nameLikePhrase(st, p))
		}
		if id == "" || id == class {
			continue
		}
		r := e.memberRel(st, id, class, rel, kindSaid(cu))
		if e.relate(id, r, class, 0.85, st.ev, "hearst") && id == topic {
			fired = true
		}
	}
	return fired
}

// memberRel is how a member a list names relates to its class: rel as
// the cue says it, but a named instance is an example and anything else a
// kind, and the members of a taxonomy ("Mutex, Semaphore 등의 동기화
// 기법") are kinds. kinds says the cue names kinds ("types of").
func (e *extractor) memberRel(st *sent, id, class string, rel graph.RelationType, kinds bool) graph.RelationType {
	name := e.nameOf(id)
	// (In Korean, an English name is a product's unless it is written in
	// capitals word by word, as keywords are: "READ COMMITTED".)
	named := (e.properNamed(id) || st.ko && isLatin(name) && !isAcronym(name)) && !keywordCased(name)
	if rel == graph.ExampleOf && !named && !isAcronym(name) {
		rel = graph.TypeOf
	}
	if rel == graph.TypeOf && named && !isAcronym(name) && !sameHeadNoun(name, e.nameOf(class)) && !kinds {
		rel = graph.ExampleOf
	}
	if rel == graph.ExampleOf && headMode(e.nameOf(class)).taxonomy {
		rel = graph.TypeOf
	}
	return rel
}

// keywordCased reports whether name is written in capitals as keywords
// and modes are, not as an acronym: "READ COMMITTED", "LEFT JOIN",
// "SERIALIZABLE".
func keywordCased(name string) bool {
	ws := strings.Fields(name)
	if slices.ContainsFunc(ws, func(w string) bool { return !keywordWord(w) }) {
		return false
	}
	return len(ws) > 1 || utf8.RuneCountInString(name) > 6
}

// properNamed reports whether concept id has a capitalised Latin name
// ("Cassandra", "Google App Engine"): in an enumeration of examples, a
// member named so is an instance.
func (e *extractor) properNamed(id string) bool {
	c := e.get(id)
	if c == nil {
		return false
	}
	for _, n := range append([]string{c.name}, c.aliases...) {
		if properName(n) || identName(n) {
			return true
		}
	}
	return false
}

// kindSaid reports whether a cue says its members are kinds ("types of",
// "가지 유형").
func kindSaid(cu *cue) bool {
	return cu.rel == graph.TypeOf
}

// marked reports whether phrase p is bold, code or a link.
func marked(st *sent, p phrase) bool {
	start, end := st.ws[p.i].start, st.ws[p.j-1].stemEnd
	for _, m := range st.marks {
		if m.start <= start && m.end >= end {
			return true
		}
	}
	return false
}

// classBefore returns the class an English enumeration cue names before
// it: "databases such as …", "document stores like …"; a generic word or
// a pronoun ("ones", "these", "Examples include") stands for the subject.
func (e *extractor) classBefore(st *sent, c ctx, topic string, at int) string {
	p := st.englishPhraseBefore(at)
	if p.empty() {
		return ""
	}
	// "relationship between unordered entities, such as": the class with
	// its complement.
	if p.i >= 2 && (st.ws[p.i-1].lower == "between" || st.ws[p.i-1].lower == "of") {
		// ("types of providers, such as": providers.)
		if q := st.englishPhraseBefore(p.i - 1); !q.empty() && q.j == p.i-1 && p.j-q.i <= 5 && !pronounPhrase(st, q) && !(kindWord(st.ws[q.j-1].lower) && (q.j-q.i == 1 || onlyAdjectives(st, phrase{q.i, q.j - 1}))) {
			// (Not a predicate with no subject: "expose metrics of
			// third-party systems, e.g. …".)
			if id := e.conceptOf(st, phrase{q.i, p.j}, !baseVerb(st.ws[q.i].lower)); id != "" {
				return id
			}
		}
	}
	last := st.ws[p.j-1].lower
	switch {
	case pronounPhrase(st, p) || last == "ones" || last == "these" || last == "examples" || last == "they":
		if topic != "" {
			return topic
		}
		return c.subject
	case kindWord(last) && (p.j-p.i == 1 || onlyAdjectives(st, phrase{p.i, p.j - 1})):
		return c.subject // "Balanced variants such as AVL trees": the subject's
	case sameHeadNoun(e.nameOf(c.subject), last) && c.subject != "":
		// "Stores such as …" under "Wide column store".
		return c.subject
	case methodWord(last) && e.idx.lookup(st.text(p)) == "":
		return ""
	}
	// "several service types, such as": the kind word names the subject.
	if kindWord(last) && p.j-p.i > 1 {
		if id := e.conceptOf(st, phrase{p.i, p.j - 1}, false); id != "" {
			return id
		}
		// "## Services … several service types, such as": the heading
		// the kinds are under.
		if h := e.headingOf(e.sec); h != nil && h.kind == sectionHeading && sameHeadNoun(h.title.s, st.ws[p.j-2].lower) {
			if ns, ok := nameOf(cleanTitle(h.title.s)); ok {
				return e.define(ns, h.title.lineAt(0), fromItem)
			}
		}
	}
	// "…, such as": after a comma the class is a phrase of the clause,
	// which must already name a concept; unless a count or a verb is
	// right before it ("supports many data sources, including …").
	comma := strings.Contains(st.ws[p.j-1].after, ",")
	counted := p.i > 0 && plural(last) && (countWord(st.ws[p.i-1].lower) || englishVerb(st.ws[p.i-1].lower))
	opening := plural(last) && (p.i == 0 || p.i == 1 && st.ws[0].fn == fnDet) // "Self-balancing BSTs, such as …, keep …"
	return e.conceptOf(st, p, nameLikePhrase(st, p) && (!comma || counted || opening))
}

// enumerated reports whether a Korean sentence lists with "등": "A, B 등이
// 있다" gives examples, not parts.
func enumerated(st *sent) bool {
	for _, w := range st.ws {
		if w.fn == fnEtc {
			return true
		}
	}
	return false
}

// counted reads an English count before a colon and the list after it:
// "There are three depth-first traversals: in-order, pre-order and
// post-order" (kinds of the class), "A stack has two operations: push and
// pop" (parts of the subject). It reports whether it related the topic.
func (e *extractor) counted(st *sent, c ctx, topic string) bool {
	if st.ko {
		return false
	}
	colon := -1
	for i := range st.ws {
		if strings.Contains(st.ws[i].after, ":") {
			colon = i
			break
		}
	}
	if colon < 1 || colon+2 >= len(st.ws) {
		return false
	}
	// The count, then the class: "three outer joins:" (the class's last
	// word may also be a verb's form: "joins").
	// "Four conditions must hold:": the class before its verb.
	end := colon + 1
	// "Four conditions must hold at the same time:": an adverbial
	// phrase after the verb.
	for i := colon; i > 1 && i > colon-5; i-- {
		if st.ws[i].fn == fnPrep && (st.ws[i-1].fn == fnAux || baseVerb(st.ws[i-1].lower)) {
			end = i
			break
		}
	}
	for end-1 > 1 && (st.ws[end-1].fn == fnAux || baseVerb(st.ws[end-1].lower)) && !countWord(st.ws[end-2].lower) {
		end--
	}
	at := -1
	for i := end - 1; i >= 0 && i >= end-4; i-- {
		if countWord(st.ws[i].lower) {
			at = i
			break
		}
		if !st.ws[i].latin || st.ws[i].fn != 0 {
			return false
		}
	}
	if at < 0 || at == 0 && end == colon+1 {
		return false
	}
	p := phrase{at + 1, end}
	if !plural(st.ws[p.j-1].lower) {
		return false
	}
	items := st.englishEnumFrom(colon + 1)
	if len(items) < 2 || items[len(items)-1].j != len(st.ws) {
		return false // not a list to the end: a clause follows
	}
	opening := lowerCase(strings.Join(strings.Fields(st.s[:st.ws[at].start]), " "))
	var whole, class string
	rel := graph.TypeOf
	switch {
	case strings.HasPrefix(opening, "there are") || strings.HasPrefix(opening, "there exist"):
		last := st.ws[p.j-1].lower
		switch {
		case kindWord(last) && p.j-p.i == 1 || c.subject != "" && sameHeadNoun(e.nameOf(c.subject), last):
			class = c.subject // "There are three types:", "three outer joins" under "Joins"
		case kindWord(last):
			// "There are four service types: …": kinds of Service.
			q := phrase{p.i, p.j - 1}
			class = e.conceptOf(st, q, nameLikePhrase(st, q))
		default:
			class = e.conceptOf(st, p, nameLikePhrase(st, p) || p.j-p.i <= 3)
		}
	case opening == "" && c.subject != "" && (c.first || c.own):
		// "Four conditions must hold: …", "Three components: …" opening
		// a sentence of the concept's text: its parts, or its kinds.
		if kindWord(st.ws[p.j-1].lower) {
			class = c.subject
		} else {
			whole = c.subject
			rel = graph.PartOf
		}
	case strings.HasSuffix(opening, " has") || strings.HasSuffix(opening, " have") || strings.HasSuffix(opening, " supports"):
		if q := st.englishPhraseBefore(at - 1); !q.empty() && !pronounPhrase(st, q) {
			whole = e.conceptOf(st, q, nameLikePhrase(st, q)) // "The CAP theorem has …"
		}
		if whole == "" {
			whole = e.subjectBefore(st, c, topic, at-1, "en")
		}
		rel = graph.PartOf
		switch head := st.ws[p.j-1].lower; {
		case kindWord(head):
			class, whole = whole, ""
			if q := (phrase{p.i, p.j - 1}); !q.empty() {
				// "Prometheus has four metric types: …": kinds of metric.
				if id := e.conceptOf(st, q, nameLikePhrase(st, q)); id != "" {
					class = id
				}
			}
		case !partNouns[head] && !methodWord(head):
			// "Docker supports several network drivers: bridge, host …":
			// network drivers, not parts of Docker.
			if id := e.conceptOf(st, p, nameLikePhrase(st, p)); id != "" {
				class, whole, rel = id, "", graph.TypeOf
			}
		}
	case (strings.HasSuffix(opening, " comes in") || strings.HasSuffix(opening, " come in")) && kindWord(st.ws[p.j-1].lower):
		// "Open addressing comes in three flavors: …": its kinds.
		if q := st.englishPhraseBefore(at - 2); !q.empty() && !pronounPhrase(st, q) {
			class = e.subjectName(st, q)
		}
		if class == "" {
			class = e.subjectBefore(st, c, topic, at-2, "en")
		}
	default:
		return false
	}
	fired := false
	for _, q := range items {
		id := e.conceptOf(st, q, nameLikePhrase(st, q) || q.j-q.i <= 2)
		switch {
		case id == "":
		case whole != "" && id != whole:
			if e.relate(id, rel, whole, 0.8, st.ev, "hearst") && whole == topic {
				fired = true
			}
		case class != "" && id != class:
			if e.relate(id, graph.TypeOf, class, 0.8, st.ev, "hearst") && class == topic {
				fired = true
			}
		}
	}
	return fired
}

// countWord reports whether w counts: "two", "three", "several", "4".
func countWord(w string) bool {
	switch w {
	case "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "many", "a few", "multiple":
		return true
	}
	return w != "" && strings.Trim(w, "0123456789") == ""
}

// onlyAdjectives reports whether every word of p is an adjective.
func onlyAdjectives(st *sent, p phrase) bool {
	for i := p.i; i < p.j; i++ {
		if !adjective(st.ws[i].lower) {
			return false
		}
	}
	return !p.empty()
}

// kindWord reports whether an English word announces kinds.
func kindWord(w string) bool {
	switch strings.Trim(w, ",:") {
	case "types", "kinds", "type", "kind", "sorts", "variants", "categories", "subtypes", "forms", "flavors", "models",
		"levels", "classes", "varieties", "flavours":
		return true
	}
	return false
}

// methodWord reports whether an English word names things too general to
// be a class of the notes: "techniques such as federation", "tools such
// as ab", "more complex systems such as a document store".
func methodWord(w string) bool {
	switch strings.Trim(w, ",:") {
	case "approaches", "methods", "techniques", "strategies", "mechanisms", "ways", "tools", "systems", "things",
		"options", "solutions", "situations", "cases", "scenarios", "features", "operations", "tasks", "problems",
		"applications", "services", "products", "technologies", "components", "examples", "patterns":
		return true
	}
	return false
}

// plural reports whether an English noun looks plural.
func plural(w string) bool {
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is")
}

// usedIn reports whether a Korean enumeration ending at word k is used in
// something: "… 등에서 사용된다".
func (e *extractor) usedIn(st *sent, k int) bool {
	rest := st.s[st.ws[k].end:]
	rest = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(rest), "등"))
	for _, p := range []string{"에서 사용", "에 사용", "에서 쓰", "에 쓰", "에서 이용", "에서 활용"} {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

// followsUse reports whether word k is a verb of use: "사용", "이용".
func followsUse(st *sent, k int) bool {
	if k >= len(st.ws) {
		return false
	}
	w := st.ws[k].text(st.s)
	for _, v := range []string{"사용", "이용", "활용", "채택"} {
		if strings.HasPrefix(w, v) {
			return true
		}
	}
	return false
}

// sameHeadNoun reports whether two names end in the same noun, plurals
// aside: "Push CDNs" and "CDN", "선점형 스케줄링" and "CPU 스케줄링".
func sameHeadNoun(a, b string) bool {
	la, lb := lowerCase(lastWord(a)), lowerCase(lastWord(b))
	if la == "" || lb == "" {
		return false
	}
	return la == lb || stem(la) == stem(lb)
}

// existence reads a Korean sentence that says what there is: "인터넷 계층을
// 처리하는 기기로는 라우터와 L3스위치가 있음" (kinds of the class marked
// 로는), "각 LAN 카드에는 MAC주소가 있음" (parts of what 에는 marks), "NIC,
// 리피터, AP가 있음." in a concept's own text (its kinds) or under a label
// (what the label says of its concept). It reports whether it related the
// topic.
func (e *extractor) existence(st *sent, c ctx, topic string) bool {
	n := len(st.ws)
	if !st.ko || n < 2 || enumerated(st) {
		return false // "… 등이 있다" is the Hearst pattern's
	}
	last := strings.TrimRight(st.ws[n-1].text(st.s), ".")
	if last != "있음" && last != "있다" && last != "있습니다" && last != "있어요" && last != "존재한다" && last != "존재함" && last != "존재합니다" {
		return false
	}
	k := n - 2
	if w := &st.ws[k]; w.kind != endSubject && !(w.kind == endTopic && w.ending == "도") {
		return false
	}
	items := st.koreanEnumEndingAt(k)
	if len(items) == 0 {
		return false
	}
	if e.usedBy(st, items) || !slices.ContainsFunc(items, func(p phrase) bool { return nameLikePhrase(st, p) || e.idx.lookup(st.text(p)) != "" }) {
		return false // "주소는 … 삭제하는 기능도 있음": nothing named is there
	}
	class, rel := "", graph.TypeOf
	kinds := false // a label says the items are kinds ("종류")
	first := items[0].i
	for i := first - 1; i >= 0; i-- {
		w := &st.ws[i]
		labelled := false
		if w.ending == "로" || w.ending == "으로" {
			l, ok := labels[labelKey(w.stem(st.s))]
			labelled = ok && l.mode == labelRel
		}
		if w.kind == endTopic && (w.ending == "로는" || w.ending == "으로는" || w.ending == "에는" || w.ending == "은" || w.ending == "는") || labelled {
			// ("URI의 종류로 URL과 URN이 있다": the label, marked 로.)
			p := st.koreanPhraseAt(i)
			if q := st.relativePhrase(p); !q.empty() {
				p = q
			}
			if p.j == 0 {
				return false // "이상에는 …": no noun phrase read before the particle
			}
			l, ok := labels[labelKey(st.ws[p.j-1].stem(st.s))]
			if ok && (l.rel == graph.Uses || l.rel == graph.ExampleOf) && p.j-p.i > 1 && st.ws[p.j-2].kind != endOf {
				ok = false // "빌드 도구로는": a class named by its head noun, not the label
			}
			if ok && l.mode == labelRel {
				// "전제 조건으로는 A, B, C가 있다": the label says how they
				// relate, to the text's concept, or to the one it names
				// ("격리 수준의 종류에는 …").
				class, rel, kinds = topic, l.rel, true
				if p.i > 0 && st.ws[p.i-1].kind == endOf {
					if owner := st.koreanPhraseAt(p.i - 1); !owner.empty() {
						// ("큐의 연산으로는 …": a one-syllable owner too)
						class = e.ownerOf(st, owner)
					}
				}
				if class == "" {
					class = c.subject
				}
				break
			}
			class = e.conceptOf(st, p, nameLikePhrase(st, p))
			if w.ending == "에는" && headMode(e.nameOf(class)).lab.rel != graph.TypeOf {
				// "X에는 Y가 있다": X has Y; but "스케줄링 알고리즘에는
				// …가 있다" names kinds.
				rel = graph.PartOf
			}
			break
		}
		if w.kind != endNone && w.kind != endOf && w.kind != endModifier && w.kind != endObject {
			return false
		}
	}
	switch {
	case class != "":
	case first == 0 && c.lab.mode == labelRel && c.subject != "":
		// "A, B, C가 있습니다" under "CPU 스케줄러의 종류": what the label
		// says of its concept.
		class, rel, kinds = c.subject, c.lab.rel, true
	case first > 0 || !c.own:
		return false
	default:
		class = c.subject
	}
	fired := false
	for _, p := range items {
		id := e.conceptOf(st, p, nameLikePhrase(st, p))
		if id == "" || id == class {
			continue
		}
		r := rel
		if r == graph.TypeOf {
			// "대표적인 웹 서버로는 Nginx와 Apache가 있다": named
			// instances, examples.
			r = e.memberRel(st, id, class, rel, kinds)
		}
		if e.relate(id, r, class, 0.8, st.ev, "hearst") && id == topic {
			fired = true
		}
	}
	return fired
}

// sharedHead reads "long-term, short-term and medium-term schedulers": an
// English enumeration of modifiers whose last item carries the head noun
// they all share. When that head is the class's ("three kinds of probes:
// liveness, readiness and startup probes"), any lower-case word is such a
// modifier. It returns each item's full name, or nil.
func sharedHead(st *sent, items []phrase, class string) []string {
	n := len(items)
	if n < 2 || st.ko {
		return nil
	}
	last := items[n-1]
	if last.j-last.i < 2 {
		return nil
	}
	head := st.ws[last.j-1].text(st.s)
	out := make([]string, n)
	for i, p := range items[:n-1] {
		w := st.ws[p.i].text(st.s)
		if p.j-p.i != 1 || w != strings.ToLower(w) || !(strings.Contains(w, "-") || adjective(w) || sameHeadNoun(head, class)) {
			return nil
		}
		out[i] = w + " " + head
	}
	out[n-1] = st.text(last)
	return out
}

// usedBy reads a Korean sentence that lists what uses something: "TCP를
// 사용하는 (대표적인) 예로는 HTTP, FTP가 있다" (they use TCP). It relates
// the items and reports whether the sentence was of that form.
func (e *extractor) usedBy(st *sent, items []phrase) bool {
	if !st.ko {
		return false
	}
	for i := 2; i < len(st.ws) && i < 8; i++ {
		if !exampleNouns[st.ws[i].stem(st.s)] {
			continue
		}
		j := i - 1
		if st.ws[j].text(st.s) == "대표적인" && j > 1 {
			j--
		}
		if st.ws[j].kind != endModifier || !followsUse(st, j) || st.ws[j-1].kind != endObject {
			return false
		}
		p := st.koreanPhraseAt(j - 1)
		used := e.conceptOf(st, p, nameLikePhrase(st, p))
		if used == "" {
			return false
		}
		for _, q := range items {
			if q.i <= i {
				continue // the list comes after "예로는"
			}
			if id := e.conceptOf(st, q, nameLikePhrase(st, q)); id != "" && id != used {
				e.relate(id, graph.Uses, used, 0.8, st.ev, "hearst")
			}
		}
		return true
	}
	return false
}

// eitherKinds reads "Edges can be directed or undirected" and "Locks are
// either shared or exclusive": a class and the adjectives that divide
// it, each making a kind ("directed edge" type_of edge). It reports
// whether it related any.
func (e *extractor) eitherKinds(st *sent) bool {
	ws := st.ws
	if st.ko || len(ws) < 5 || !strings.Contains(st.lower, " or ") {
		return false // (alternatives are joined by "or")
	}
	p := st.englishPhraseFrom(0)
	if p.empty() || p.i != 0 && !(p.i == 1 && ws[0].fn == fnDet) || p.j+3 >= len(ws)+1 {
		return false
	}
	k := p.j
	switch {
	case k+1 < len(ws) && ws[k].lower == "can" && ws[k+1].lower == "be":
		k += 2
	case k < len(ws) && (ws[k].lower == "are" || ws[k].lower == "is"):
		k++
	default:
		return false
	}
	if k < len(ws) && ws[k].lower == "either" {
		k++
	}
	// The adjectives, alternatives: "A or B", "A, B or C"; the clause
	// ends there. ("reliable and scalable" are properties, not kinds.)
	var adjs []string
	alternatives := false
	for k < len(ws) {
		w := ws[k].lower
		if w != ws[k].text(st.s) || !adjective(w) || ws[k].fn != 0 {
			return false
		}
		adjs = append(adjs, w)
		k++
		if k < len(ws) && ws[k].lower == "or" && !ws[k-1].hard() {
			alternatives = true
			k++
			continue
		}
		if strings.Contains(ws[k-1].after, ",") && k < len(ws) {
			if ws[k].lower == "or" {
				alternatives = true
				k++
			}
			continue
		}
		break
	}
	if len(adjs) < 2 || !alternatives || k < len(ws) && !(ws[k].lower == "and" || strings.ContainsAny(ws[k-1].after, ".;,")) {
		return false
	}
	class := e.conceptOf(st, p, nameLikePhrase(st, p))
	if class == "" {
		return false
	}
	one := st.text(p)
	if w := ws[p.i].text(st.s); p.i == 0 && len(w) > 1 && w[1:] == strings.ToLower(w[1:]) {
		one = strings.ToLower(w[:1]) + one[1:] // "Locks …" opens the sentence
	}
	one = strings.TrimSuffix(one, lastWord(one)) + singular(lastWord(one))
	fired := false
	for _, a := range adjs {
		if id := e.defineText(a + " " + one); id != "" && id != class && e.relate(id, graph.TypeOf, class, 0.7, st.ev, "either-kinds") {
			fired = true
		}
	}
	return fired
}

// singular is the singular of an English plural noun ("edges", "proxies",
// "indexes"), w itself when it does not look plural.
func singular(w string) string {
	switch {
	case !plural(w):
		return w
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "aches") && !strings.HasSuffix(w, "oaches") && !strings.HasSuffix(w, "eaches"):
		return w[:len(w)-1] // caches, not approaches
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"):
		return w[:len(w)-2]
	}
	return w[:len(w)-1]
}

// partNouns name the parts of a whole in the plural: "A stack has two
// operations: push and pop", "three components: …".
var partNouns = map[string]bool{
	"operations": true, "components": true, "parts": true, "elements": true, "steps": true, "phases": true, "stages": true,
	"layers": true, "members": true, "fields": true, "attributes": true, "properties": true, "modules": true, "sections": true,
	"columns": true, "pieces": true, "subsystems": true, "units": true, "functions": true, "methods": true, "states": true,
}

// thereClass returns the concept a Korean sentence marks, before word k,
// as where something is ("자료구조에는", "기법으로는"), without the clause
// that modifies it, or "".
func (e *extractor) thereClass(st *sent, k int) string {
	for i := k - 1; i >= 0; i-- {
		w := &st.ws[i]
		if w.kind != endTopic || w.ending != "에는" && w.ending != "로는" && w.ending != "으로는" {
			continue
		}
		p := st.koreanPhraseAt(i) // (the noun phrase, its modifier clause apart)
		if p.empty() {
			return ""
		}
		return e.conceptOf(st, p, true)
	}
	return ""
}

// hasIn reports whether a Korean sentence marks concept id with 에는
// before word k: "컨테이너에는 …", where something is.
func (e *extractor) hasIn(st *sent, k int, id string) bool {
	for i := k - 1; i >= 0; i-- {
		if w := &st.ws[i]; w.kind == endTopic && w.ending == "에는" {
			p := st.koreanPhraseAt(i)
			return !p.empty() && e.conceptOf(st, p, false) == id
		}
	}
	return false
}

// withoutExampleNoun returns, for a class named with a word for examples
// after it ("분석기 예시", "정렬 알고리즘 예"), the concept without that
// word; otherwise id.
func (e *extractor) withoutExampleNoun(id string) string {
	name := e.nameOf(id)
	if i := strings.LastIndexByte(name, ' '); i > 0 && exampleNouns[name[i+1:]] {
		if other := e.defineText(name[:i]); other != "" {
			return other
		}
	}
	return id
}
