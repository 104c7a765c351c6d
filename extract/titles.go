package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"conceptgraph/graph"
)

// Reading a title: a heading, a bold line, a list item's head or a short
// label line. A title names a concept ("DNS (Domain Name System)"), is a
// label ("장점", "가상화 타입", "Disadvantage(s): X"), compares two concepts
// ("A vs B"), asks about one ("X란?", "What is X?"), organises the note
// ("Overview", "참고"), or is a statement whose text keeps its subject.

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
	more   [][2]nameSet // further pairs a title compares
	refs   bool         // the label heads references
}

// listMode is how a list's items relate to the subject.
type listMode struct {
	lab label // zero: no label; items relate only by their shape
	// taxonomy: nested items of a type list are kinds of their parent.
	taxonomy bool
	// nested: the list is nested under a kind in a taxonomy: items that
	// share the kind's head noun are kinds of it, a lone product name is
	// an example, other terms are parts ("Lpush, Rpush" under List).
	nested bool
	// glosses: the nested items describe their parent; a lone leaf that
	// shares its head is another name for it, not a kind.
	glosses bool
	// refs: the list holds references (sources, further reading).
	refs bool
	// titled: a label title says how ("## 4 main types", "## 구성요소"),
	// not the subject's own name.
	titled bool
}

// scope is what the text at one place is about.
type scope struct {
	subject string // concept id, or ""
	list    listMode
}

// countPattern matches a count in digits or in Korean numerals ("3",
// "세").
const countPattern = `(?:[0-9]+|[한두세네다섯여섯일곱여덟아홉열]+)`

// countOnlyRe is a count alone, closing a title: "2가지", "3개".
var countOnlyRe = regexp.MustCompile(`^` + countPattern + `\s*(?:가지|개|종)$`)

var numberedRe = regexp.MustCompile(`^` + countPattern + `\s*(?:대|가지|개)\s*(.+)$`)

// analyzeTitle reads a section title. strict applies to plain lines,
// which need to look more like names than headings do.
func (e *extractor) analyzeTitle(raw string, strict bool) titleInfo {
	// Titles are read the same way in both passes, and in every note.
	k := titleKey{raw, strict}
	if info, ok := titleMemo.peek(k); ok {
		return info
	}
	k.raw = strings.Clone(raw)
	info := analyzeTitle(k.raw, strict)
	titleMemo.put(k, info)
	return info
}

var titleMemo = newMemo[titleKey, titleInfo](1 << 15)

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
	if info, ok := qualifiedLabel(strings.TrimSpace(raw)); ok {
		return info // "Quick summary": before cleaning cuts "summary"
	}
	if whole, ok := havingTitle(strings.TrimRight(strings.TrimSpace(raw), ":： ")); ok {
		// "Every Master Node must have:": the parts of the whole.
		return titleInfo{kind: titleLabel, lab: label{labelRel, graph.PartOf}, target: &whole}
	}
	s := cutPurpose(cleanTitle(raw))
	if s == "" {
		return titleInfo{}
	}
	if info, ok := labelTitle(s); ok {
		return info
	}
	if info, ok := kindQuestion(s); ok {
		return info // "X에는 어떤 것들이 있나요?" is "X의 종류"
	}
	if partLead(s) {
		return titleInfo{kind: titleLabel, lab: label{labelRel, graph.PartOf}}
	}
	if a, b, ok := compareTitle(s); ok {
		return titleInfo{kind: titleCompare, pair: [2]nameSet{a, b}}
	}
	if strings.Count(s, "==") > 1 && strings.Contains(s, "?") {
		// "Synchronous == Blocking ? Asynchronous == Non-blocking?":
		// two questions, two comparisons.
		var pairs [][2]nameSet
		for _, q := range strings.Split(s, "?") {
			if a, b, ok := compareTitle(strings.TrimSpace(q)); ok {
				pairs = append(pairs, [2]nameSet{a, b})
			}
		}
		if len(pairs) > 0 {
			return titleInfo{kind: titleCompare, pair: pairs[0], more: pairs[1:]}
		}
	}
	if i := strings.LastIndex(raw, ". "); i > 0 && strings.HasSuffix(strings.TrimSpace(raw), "?") {
		// "Define a transaction. What's ACID?": the last question names it.
		if q, ok := questionTopic(cleanTitle(raw[i+2:])); ok {
			return titleInfo{kind: titleConcept, names: []nameSet{q}}
		}
	}
	if q, ok := questionTopic(s); ok {
		if len(q.aliases) == 0 {
			if info, ok := labelTitle(q.name); ok && info.target != nil {
				return info // "Kafka의 구성 요소에 대해 설명해주세요": a label of Kafka
			}
			if a, b, ok := askedTogether(q.name); ok {
				// "REST와 RESTful에 대해 설명해주세요": the two, side by side.
				return titleInfo{kind: titleCompare, pair: [2]nameSet{a, b}}
			}
		}
		return titleInfo{kind: titleConcept, names: []nameSet{q}}
	}
	s = dropPraise(s)
	names := parseNames(s)
	// "## 애플리케이션 계층을 처리하는 기기": a heading may name a class by
	// a relative clause.
	if !strict && len(names) == 1 && relativeName(names[0].name) && utf8.RuneCountInString(names[0].name) <= 40 {
		return titleInfo{kind: titleConcept, names: names}
	}
	if len(names) == 0 || clauseTitle(s) {
		return titleInfo{kind: titleStatement}
	}
	for _, n := range names {
		if !nameLike(n.name, strict) || strings.Contains(raw, "==") {
			return titleInfo{kind: titleStatement}
		}
	}
	if len(names) == 1 && len(names[0].aliases) == 0 {
		if ns := coordinated(names[0].name); ns != nil {
			return titleInfo{kind: titleConcept, names: ns}
		}
		names[0] = ownedName(names[0])
	}
	return titleInfo{kind: titleConcept, names: names}
}

// coordinated reads a title that groups several names, joined by "&" or
// commas ("Variables & facts", "Loops, conditionals, tags"): the names,
// each a concept (in the singular, as a heading of its own would name
// it), none a class of what the section lists. It returns nil for one
// name.
func coordinated(s string) []nameSet {
	sep := " & "
	if !strings.Contains(s, sep) {
		sep = ", "
	}
	parts := strings.Split(s, sep)
	if len(parts) < 2 {
		return nil
	}
	var out []nameSet
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if q, ok := strings.CutPrefix(p, "and "); ok && sep == ", " {
			p = q // "A, B, and C"
		}
		ns := parseNames(p)
		if len(ns) != 1 || strings.ContainsAny(p, ":：") || !nameLike(ns[0].name, true) || len(strings.Fields(ns[0].name)) > 4 {
			return nil // "DS review: hash tables, heaps": a label over them
		}
		out = append(out, singularName(ns[0]))
	}
	return out
}

// ownedName reads "Go의 goroutine", "Redis의 Sorted Set": a Latin name
// after its owner's, written in Korean with 의, is the name the title is
// about ("프로세스의 메모리 영역" stays whole).
func ownedName(n nameSet) nameSet {
	i := strings.LastIndex(n.name, "의 ")
	if i <= 0 {
		return n
	}
	a, b := strings.TrimSpace(n.name[:i]), strings.TrimSpace(n.name[i+len("의 "):])
	if a == "" || !isLatin(b) || !nameLike(b, true) {
		return n
	}
	return nameSet{name: b}
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
	if info, ok := qualifiedLabel(s); ok {
		return info, true
	}
	// "Other stuff", "기타 도구", "그 외": the rest, under no concept of
	// its own; "Where heaps show up", "When to use it": the uses of the
	// concept above, a clause and no name.
	if w := strings.Fields(s); len(w) > 1 {
		if first := lowerCase(w[0]); otherWords[first] || first == "그" && w[1] == "외" && len(w) == 2 {
			return titleInfo{kind: titleLabel, lab: label{mode: labelIgnore}}, true
		} else if (first == "where" || first == "when" || first == "why" || first == "how") && !strings.HasSuffix(s, "?") && fn(lowerCase(w[1])) != fnAux {
			return titleInfo{kind: titleLabel, lab: label{mode: labelOrg}}, true
		}
	}
	// "Two main families", "Three types": a count of the kinds of the
	// concept above, no class of its own.
	if w := strings.Fields(lowerCase(s)); len(w) >= 2 && countWord(w[0]) {
		rest := w[1:]
		for len(rest) > 1 && qualifying(rest[0]) {
			rest = rest[1:]
		}
		if len(rest) == 1 && (kindWord(rest[0]) || slices.Contains(classifierHeads, rest[0])) {
			return titleInfo{kind: titleLabel, lab: label{labelRel, graph.TypeOf}}, true
		}
	}
	// "my answer (rough)", "My notes", "내 정리": the author's own text,
	// about the concept it is under.
	if rest, ok := cutFirstPerson(s); ok {
		if i := strings.Index(rest, " ("); i > 0 && strings.HasSuffix(rest, ")") {
			rest = rest[:i]
		}
		if l, ok := labels[labelKey(rest)]; ok && l.mode != labelRel {
			return titleInfo{kind: titleLabel, lab: l}, true
		}
		return titleInfo{kind: titleLabel, lab: label{mode: labelOrg}}, true
	}
	// "대표적인 O(N) 명령들": examples of the class it names.
	for _, pre := range []string{"대표적인 ", "대표적 ", "주요 ", "대표 "} {
		if rest, ok := strings.CutPrefix(s, pre); ok {
			rest = strings.TrimSuffix(strings.TrimSpace(rest), "들")
			if pre != "주요 " && (productHeads[rest] || rest == "오픈소스" || rest == "구현체" || rest == "툴" || rest == "예") {
				// "대표 오픈소스: Jaeger, Zipkin", "대표적인 도구": examples
				// of the concept the text is about.
				return titleInfo{kind: titleLabel, lab: label{labelRel, graph.ExampleOf}}, true
			}
			if l := lastWord(rest); (labelWord(l) || genericNouns[l]) && !strings.Contains(rest, " ") || l == "실수" || l == "이슈" || l == "사례" {
				break // "대표적인 실수 사례": cases, not a class
			}
			if ns := parseNames(rest); len(ns) == 1 && nameLike(ns[0].name, true) {
				rel := graph.ExampleOf
				if pre == "주요 " {
					rel = graph.PartOf
				}
				return titleInfo{kind: titleLabel, lab: label{labelRel, rel}, target: &ns[0]}, true
			}
		}
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
		i := strings.Index(lowerCase(s), sep)
		if i <= 0 {
			continue
		}
		left, right := s[:i], strings.TrimSpace(s[i+len(sep):])
		if f, rest, ok := strings.Cut(left, " "); ok && (lowerCase(f) == "some" || lowerCase(f) == "common" || lowerCase(f) == "main" || lowerCase(f) == "key") {
			left = rest // "Some Uses for Graphs", "Common types of X"
		}
		l, ok := labels[labelKey(left)]
		if !ok {
			l, ok = labels[labelKey(left+sep)]
		}
		if !ok || right == "" {
			continue
		}
		if l.rel == graph.Uses && (sep == " of " || sep == " for ") {
			// "Uses for Graphs", "Uses of hashing": where it is used, not
			// what it uses; about the concept, no relation of its items.
			l = label{mode: labelIgnore}
		}
		info := titleInfo{kind: titleLabel, lab: l}
		if ns := parseNames(right); len(ns) == 1 && nameLike(ns[0].name, false) && len(splitNames(right)) < 2 {
			info.target = &ns[0] // (not "종류: A 형, B 형": members)
			if sep == " of " && l.rel != graph.PartOf {
				*info.target = singularName(ns[0]) // "types of caches": of a cache
			}
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
	// "Row-level lock types in InnoDB (…)": the label, then where.
	for i := 1; i < len(words)-1; i++ {
		if l, ok := labels[labelKey(words[i])]; ok && l.mode == labelRel && placeWords[lowerCase(words[i+1])] {
			words = words[:i+1]
			break
		}
	}
	// "X의 <label>", "X <label>", "X에 저장되는 정보"
	last := words[len(words)-1]
	if countOnlyRe.MatchString(last) {
		// "스케일링 방법 2가지": its kinds, as "스케일링 방법 종류" lists them.
		if ns := parseNames(strings.Join(words[:len(words)-1], " ")); len(ns) == 1 && nameLike(ns[0].name, true) {
			return titleInfo{kind: titleLabel, lab: label{labelRel, graph.TypeOf}, target: &ns[0]}, true
		}
	}
	l, ok := labels[labelKey(last)]
	if b := strings.TrimLeft(last, "0123456789"); !ok && b != last && b != "" {
		l, ok = labels[labelKey(b)] // "Observability 3요소": its three parts
	}
	head := words[:len(words)-1]
	if len(words) > 2 {
		// "…에 저장되는 정보": a two-word label.
		if l2, ok2 := labels[labelKey(strings.Join(words[len(words)-2:], ""))]; ok2 {
			l, ok, head = l2, true, words[:len(words)-2]
		}
	}
	if !ok || strings.HasSuffix(head[len(head)-1], "/") {
		// (not "CI servers / services": one name, written two ways)
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
		if strings.HasSuffix(w, "의") || strings.HasSuffix(w, "에") || clauseEnding(w) || adnominal(w) || strings.HasSuffix(w, "적인") {
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
	for len(head) > 0 && (countWord(lowerCase(head[0])) || genusAdjectives[lowerCase(head[0])]) && (len(head) == 1 || countWord(lowerCase(head[0]))) {
		head = head[1:] // "Two flavours", "Three main ones": how many, not of what
	}
	if len(head) > 0 {
		if ns := parseNames(strings.Join(head, " ")); len(ns) == 1 && nameLike(ns[0].name, true) {
			info.target = &ns[0]
		}
	}
	return info, true
}

// placeWords open where a label's things are: "types in InnoDB".
var placeWords = map[string]bool{"in": true, "on": true, "within": true, "under": true, "inside": true}

// cutFirstPerson cuts a first-person determiner that opens a title: "my
// answer", "Our setup", "내 정리", "나의 생각".
func cutFirstPerson(s string) (string, bool) {
	for _, p := range []string{"my ", "My ", "our ", "Our ", "MY ", "내 ", "나의 ", "우리의 "} {
		if rest, ok := strings.CutPrefix(s, p); ok && strings.TrimSpace(rest) != "" {
			return strings.TrimSpace(rest), true
		}
	}
	return s, false
}

// cutPurpose cuts what a class in a title is for: "Consensus algorithms
// to name-drop", "Commands to remember", "Tools worth knowing" list the
// class before it ("Introduction to Algorithms" is a name).
func cutPurpose(s string) string {
	for _, w := range []string{" to ", " worth "} {
		i := strings.Index(s, w)
		if i <= 0 || !plural(lowerCase(lastWord(s[:i]))) {
			continue
		}
		if _, label := labels[labelKey(s[:i])]; label {
			continue // "Notes to self": a note, not a class
		}
		rest := strings.Fields(s[i+len(w):])
		if len(rest) > 0 && len(rest) <= 3 && unicode.IsLower(firstRune(rest[0])) {
			return strings.TrimSpace(s[:i])
		}
	}
	return s
}

// ownTitle reports whether a title opens with a first-person determiner:
// "My notes" are the author's notes, of no concept "My".
func ownTitle(s string) bool {
	_, ok := cutFirstPerson(s)
	return ok
}

// singularName names in the singular a class written in the plural
// ("caches", "NoSQL databases"), keeping the plural as an alias.
func singularName(n nameSet) nameSet {
	last := lastWord(n.name)
	one := strings.TrimSuffix(n.name, last)
	switch {
	case len(n.aliases) > 0 || !isLatin(last):
		return n
	case acronymPlural(last):
		one += last[:len(last)-1] // "CDNs", "VMs"
	case last != strings.ToLower(last) || !plural(last):
		return n
	default:
		one += singular(last)
	}
	return nameSet{name: one, aliases: []string{n.name}}
}

// labelOf is labelTitle of a cleaned title, remembered across passes.
func (e *extractor) labelOf(raw string) (titleInfo, bool) {
	m, ok := labelMemos.peek(raw)
	if !ok {
		raw = strings.Clone(raw)
		info, ok := labelTitle(cleanTitle(raw))
		m = labelMemo{info, ok}
		labelMemos.put(raw, m)
	}
	return m.info, m.ok
}

var labelMemos = newMemo[string, labelMemo](1 << 15)

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

// whQuestion finds the subject of a question that asks how, why or when
// of it: "데드락은 언제 생기나요?", "정규화를 왜 하나요?", "How does a
// B-tree stay balanced?", "When would you use a hash index?".
func whQuestion(t string) (nameSet, bool) {
	words := strings.Fields(strings.TrimRight(t, "?？ "))
	if len(words) < 2 {
		return nameSet{}, false
	}
	if hasHangul(t) {
		// The phrase marked as topic, subject or object right before the
		// question word.
		for i := 0; i+1 < len(words); i++ {
			if !koreanWh[words[i+1]] {
				continue
			}
			w := words[i]
			for _, p := range []string{"에서는", "에서", "은", "는", "을", "를", "이", "가"} {
				if stem, ok := strings.CutSuffix(w, p); ok && stem != "" {
					if n, ok := nameOf(strings.Join(append(slices.Clone(words[:i]), stem), " ")); ok {
						return n, true
					}
					break
				}
			}
			return nameSet{}, false
		}
		return nameSet{}, false
	}
	lw := make([]string, len(words))
	for i, w := range words {
		lw[i] = lowerCase(w)
	}
	if lw[0] != "how" && lw[0] != "why" && lw[0] != "when" || len(words) < 4 {
		return nameSet{}, false
	}
	// "When would you use X", "Why do we need X": X is the object.
	if (lw[2] == "you" || lw[2] == "we" || lw[2] == "i") && len(words) > 4 && userVerbs[lw[3]] {
		n, ok := nameOf(dropArticle(strings.Join(words[4:], " ")))
		return singularName(n), ok
	}
	// "How does X stay …", "Why is X implemented …": X up to the verb.
	switch lw[1] {
	case "does", "do", "did", "can", "is", "are":
	default:
		return nameSet{}, false
	}
	for k := 3; k < len(words); k++ {
		v := lw[k]
		if words[k] != v || !(baseVerb(v) || (lw[1] == "is" || lw[1] == "are") && participle(v) && !strings.HasSuffix(v, "ing")) {
			continue
		}
		n, ok := nameOf(dropArticle(strings.Join(words[2:k], " ")))
		return singularName(n), ok
	}
	return nameSet{}, false
}

// koreanWh are the question words of a Korean question.
var koreanWh = map[string]bool{"왜": true, "언제": true, "어떻게": true, "무엇을": true, "무엇이": true, "뭘": true, "뭐가": true,
	"어디에": true, "어디서": true, "어디에서": true, "얼마나": true, "무슨": true, "어떤": true, "어떨": true}

// userVerbs follow "you" or "we" in a question about what one uses:
// "When would you use X?", "Why do we need X?".
var userVerbs = map[string]bool{"use": true, "need": true, "choose": true, "pick": true, "prefer": true, "want": true,
	"avoid": true}

// kindQuestions ask for the kinds of a class: "격리 수준에는 어떤 것들이
// 있나요?", "What are the types of caches?", "What kinds of joins are
// there?".
var kindQuestions = []*regexp.Regexp{
	regexp.MustCompile(`^(.+?)(?:에는|엔|에) (?:어떤|어떠한) (?:것들?|종류|유형|타입|게)(?:들)?(?:이|가)? (?:있나요|있는가|있을까요?|있습니까|있어요?|있지|있나)\??$`),
	regexp.MustCompile(`^(.+?)(?:은|는|이|가) (?:어떤|어떠한|몇 가지) (?:종류|유형|타입)(?:들)?(?:이|가)? (?:있나요|있는가|있을까요?|있습니까|있어요?|있지|있나)\??$`),
	regexp.MustCompile(`^(.+?)의 (?:종류|유형|타입)(?:에는|로는|는|은)? (?:어떤 것들?이|무엇이|뭐가|무엇|뭐) ?(?:있나요|있는가|있을까요?|있습니까|있어요?|있지|있나|인가요|일까요?|입니까)?\??$`),
	regexp.MustCompile(`(?i)^(?:what|which) (?:are )?(?:the )?(?:different |main |common |various |two |three |four )?(?:types|kinds|sorts|categories|flavou?rs|variants) of (.+?)(?: (?:are there|exist|do you know|can you name))?\??$`),
	// "What replication strategies do you know?": kinds of the class.
	regexp.MustCompile(`(?i)^(?:what|which) ([^ ]+(?: [^ ]+){0,3}?) (?:do you know|can you name|are there|exist)\??$`),
}

// kindQuestion reads a question for the kinds of a class as the label
// title it means, "X의 종류" or "types of X", when that label names its
// class.
func kindQuestion(s string) (titleInfo, bool) {
	for i, re := range kindQuestions {
		m := re.FindStringSubmatch(strings.TrimSpace(s))
		if m == nil {
			continue
		}
		if info, ok := labelTitle(m[1]); ok && info.target != nil {
			return info, true // "XSS의 종류에는 어떤 것들이 있나요?"
		}
		q := m[1] + "의 종류"
		if i >= len(kindQuestions)-2 {
			q = "types of " + m[1]
		}
		if info, ok := labelTitle(q); ok && info.target != nil {
			return info, true
		}
		return titleInfo{}, false
	}
	return titleInfo{}, false
}

// havingTitle reads a label line or lead-in that says what a whole has:
// "Every Master Node must have", "Each pod has", "A request contains".
func havingTitle(s string) (nameSet, bool) {
	ws := strings.Fields(s)
	n := len(ws)
	if n < 2 || n > 8 || !isLatin(s) {
		return nameSet{}, false
	}
	switch lowerCase(ws[n-1]) {
	case "has", "have", "contains", "contain", "includes", "include":
	default:
		return nameSet{}, false
	}
	j := n - 1
	switch lowerCase(ws[j-1]) {
	case "must", "should", "will", "always", "typically", "usually", "also":
		j--
	}
	i := 0
	switch lowerCase(ws[0]) {
	case "every", "each", "a", "an", "the", "all", "any":
		i = 1
	}
	if i >= j {
		return nameSet{}, false
	}
	for _, w := range ws[i:j] {
		if f := fn(lowerCase(w)); f != 0 && !isAcronym(w) {
			return nameSet{}, false // "It has", "What it has"
		}
	}
	name := strings.Join(ws[i:j], " ")
	if ns := parseNames(name); len(ns) == 1 && nameLike(ns[0].name, true) {
		return singularName(ns[0]), true
	}
	return nameSet{}, false
}

// qualifiedLabel reads "Quick summary", "Main advantages", "Further
// reading": a label, qualified.
func qualifiedLabel(s string) (titleInfo, bool) {
	first, rest, ok := strings.Cut(s, " ")
	if !ok || !labelModifiers[lowerCase(first)] && !genusAdjectives[lowerCase(first)] {
		return titleInfo{}, false
	}
	if l, ok := labels[labelKey(rest)]; ok {
		return titleInfo{kind: titleLabel, lab: l}, true
	}
	return titleInfo{}, false
}

// labelModifiers qualify a label without naming a concept: "Quick
// summary", "Brief overview".
var labelModifiers = map[string]bool{"quick": true, "brief": true, "short": true, "final": true, "overall": true, "detailed": true,
	"full": true, "further": true, "more": true, "additional": true, "extra": true, "some": true, "a": true, "the": true}

// praiseWords open a heading that names a class by what its members are
// known for: "Popular Timeseries Databases" lists timeseries databases.
var praiseWords = map[string]bool{"popular": true, "common": true, "famous": true, "well-known": true, "notable": true,
	"top": true, "leading": true, "widely-used": true, "대표적인": true, "유명한": true}

// dropPraise removes a praise word opening a heading whose rest names a
// class in the plural ("Popular Timeseries Databases"), or in Korean any
// class ("대표적인 웹 서버"); "Common Table Expression" keeps its name.
func dropPraise(s string) string {
	first, rest, ok := strings.Cut(s, " ")
	if !ok || !praiseWords[lowerCase(first)] {
		return s
	}
	rest = strings.TrimSpace(rest)
	if !hasHangul(first) && !plural(lowerCase(lastWord(rest))) {
		return s
	}
	if ns := parseNames(rest); len(ns) != 1 || !nameLike(ns[0].name, true) {
		return s
	}
	return rest
}

// askedTogether splits the topic of a question that asks about two
// concepts joined by "와"/"과" ("REST와 RESTful"), or reports false.
func askedTogether(s string) (a, b nameSet, ok bool) {
	ws := strings.Fields(s)
	for i, w := range ws[:max(0, len(ws)-1)] {
		stem, cut := strings.CutSuffix(w, "와")
		if !cut {
			stem, cut = strings.CutSuffix(w, "과")
		}
		if !cut || stem == "" || endsInNoun(w, "과") {
			continue
		}
		rest := ws[i+1:]
		for j, r := range rest {
			if owner, ok := strings.CutSuffix(r, "의"); ok && owner != "" && j < len(rest)-1 {
				// "교착상태와 기아상태의 해결방법": what is asked of the
				// two, who are the pair.
				rest = append(slices.Clone(rest[:j]), owner)
				break
			}
		}
		a, okA := nameOf(strings.Join(append(slices.Clone(ws[:i]), stem), " "))
		b, okB := nameOf(strings.Join(rest, " "))
		if okA && okB && nameLike(a.name, true) && nameLike(b.name, true) {
			return a, b, true
		}
		return nameSet{}, nameSet{}, false
	}
	return nameSet{}, nameSet{}, false
}

// questionTopic finds what a question title asks about: "X란?", "X이란
// 무엇인가요?", "What is X?", "X에 대해 설명하세요", "X의 개념에 대하여
// 설명하고, …".
func questionTopic(s string) (nameSet, bool) {
	n, ok := questionPhrase(s)
	if ok && len(n.aliases) == 0 {
		// "트랜잭션의 ACID에 대해 설명해주세요": the name the question is
		// about, after what owns it.
		n = ownedName(n)
	}
	return n, ok
}

func questionPhrase(s string) (nameSet, bool) {
	t := strings.TrimSpace(s)
	if n, ok := whQuestion(t); ok {
		return n, true
	}
	lower := lowerCase(t)
	for _, p := range questionFrames.prefixes {
		if strings.HasPrefix(lower, p) {
			if n, ok := nameOf(strings.TrimRight(strings.TrimSpace(t[len(p):]), "?")); ok {
				return n, true
			}
			return nameSet{}, false
		}
	}
	for _, suf := range questionFrames.suffixes {
		if !strings.HasSuffix(t, "?") {
			suf = strings.TrimSuffix(suf, "?") // a title cleaned of its mark
		}
		if strings.HasSuffix(t, suf) && len(t) > len(suf) {
			if n, ok := nameOf(strings.TrimSpace(strings.TrimSuffix(t, suf))); ok {
				return n, true
			}
		}
	}
	if !strings.HasSuffix(t, "?") && !strings.Contains(t, "설명") && !strings.Contains(t, "무엇") {
		return nameSet{}, false
	}
	// "Reentrant의 개념에 대하여 설명하고, …": the phrase before the frame.
	// A place opening the question is its topic when what is asked of
	// it names nothing: "Round Robin 방식에서 time quantum 설정에 따른
	// 결과를 설명해보세요" is about Round Robin, "TCP에서 흐름 제어를
	// 설명하세요" about 흐름 제어.
	words := strings.Fields(t)
	var place nameSet
	from := 0 // after the place, when one opens the question
	for i, w := range words {
		for _, p := range []string{"에 대하여", "에 대해", "의 개념", "의 정의", "이란", "란", "을 설명", "를 설명"} {
			first := strings.Fields(p)[0]
			if !strings.HasSuffix(w, first) || w == first {
				continue
			}
			if len(strings.Fields(p)) == 2 && (i+1 >= len(words) || !strings.HasPrefix(words[i+1], strings.Fields(p)[1])) {
				continue
			}
			np := append(slices.Clone(words[from:i]), strings.TrimSuffix(w, first))
			if n, ok := nameOf(strings.Join(np, " ")); ok {
				return n, true
			}
		}
		if from == 0 && (strings.HasSuffix(w, "에서") || strings.HasSuffix(w, "에서는")) && w != "에서" {
			np := append(slices.Clone(words[:i]), strings.TrimSuffix(strings.TrimSuffix(w, "는"), "에서"))
			if n, ok := nameOf(strings.Join(np, " ")); ok {
				place, from = n, i+1
				continue
			}
		}
		if endsWithCaseParticle(w) {
			break
		}
	}
	if from > 0 && (strings.Contains(t, "설명") || strings.Contains(t, "말해")) {
		// "Round Robin 스케줄링 방식에서": a place is named with its
		// generic head or without.
		if ws := strings.Fields(place.name); len(ws) > 2 && genericHeads[lowerCase(ws[len(ws)-1])] {
			place.aliases = append(place.aliases, place.name)
			place.name = strings.Join(ws[:len(ws)-1], " ")
		}
		return place, true
	}
	return nameSet{}, false
}

// partLead reports whether a title is a cue of parts with no subject of
// its own, the parts of the text's concept following it: "Consists of:",
// "Basically consists of", "It mainly contains".
func partLead(s string) bool {
	ws := strings.Fields(lowerCase(strings.TrimRight(s, ":： ")))
	for len(ws) > 1 && (fn(ws[0]) == fnAdverb || fn(ws[0]) == fnPronoun) {
		ws = ws[1:]
	}
	p := strings.Join(ws, " ")
	if p == "includes" || p == "include" {
		return true
	}
	for _, c := range cues {
		if c.lang == "en" && c.rel == graph.PartOf && c.reverse && c.phrase == p && !strings.HasSuffix(p, " for") {
			return true
		}
	}
	return false
}
