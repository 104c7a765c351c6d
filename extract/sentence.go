package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"conceptgraph/graph"
)

// Reading sentences: the cue phrases of cues.go, with the concepts around
// them.

// statements reads every sentence of t. only, when set, limits the
// relation types read (pros and cons only compare). first marks the text
// that opens a concept's section, whose first sentence may define it.
func (e *extractor) statements(t *text, subject string, only func(graph.RelationType) bool, first bool) {
	for i, sp := range sentenceSpans(t.s) {
		e.sentence(t, sp[0], sp[1], subject, only, first && i == 0)
	}
}

var abbreviations = []string{"e.g", "i.e", "etc", "vs", "cf", "mr", "dr", "no", "fig", "approx"}

// sentenceSpans cuts s at line breaks and sentence ends.
func sentenceSpans(s string) [][2]int {
	var out [][2]int
	start := 0
	emit := func(end int) {
		if strings.TrimSpace(s[start:end]) != "" {
			out = append(out, [2]int{start, end})
		}
		start = end
	}
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '\n':
			emit(i)
			start = i + 1
		case '.', '?', '!', '。', '？', '！':
			next := i + w
			if next < len(s) && s[next] != ' ' && s[next] != '\n' {
				break
			}
			if r == '.' {
				word := s[start:i]
				if j := strings.LastIndexAny(word, " (\n"); j >= 0 {
					word = word[j+1:]
				}
				if slices.Contains(abbreviations, strings.ToLower(word)) || len(word) == 1 {
					break
				}
			}
			emit(next)
		}
		i += w
	}
	emit(len(s))
	return out
}

// maxSentence is the longest span read as one sentence, in bytes; longer
// ones (a 10 MB line) are read in pieces of this size.
const maxSentence = 2000

// cueHit is one cue phrase found in a sentence, at bytes [at, end).
type cueHit struct {
	c       *cue
	at, end int
}

// findCues returns the cue phrases in s, longest first where they overlap,
// ordered by position.
func findCues(s string) []cueHit {
	lower := asciiLower(s)
	// Candidates at every position, by the phrase's first byte; then the
	// longest phrases claim their text first.
	var cands []cueHit
	for at, r := range lower {
		for _, c := range cuesStartingWith(r) {
			if strings.HasPrefix(lower[at:], c.phrase) {
				cands = append(cands, cueHit{c: c, at: at, end: at + len(c.phrase)})
			}
		}
	}
	if len(cands) == 0 {
		return nil
	}
	slices.SortStableFunc(cands, func(a, b cueHit) int { return (b.end - b.at) - (a.end - a.at) })
	var hits []cueHit
	taken := make([]bool, len(s)+1)
	for _, h := range cands {
		c := h.c
		if !cueBoundary(lower, h.at, h.end, c) || slices.Contains(taken[h.at:h.end], true) {
			continue
		}
		if c.start && strings.TrimSpace(lower[:h.at]) != "" || c.notStart && strings.TrimSpace(lower[:h.at]) == "" {
			continue
		}
		for k := h.at; k < h.end; k++ {
			taken[k] = true
		}
		hits = append(hits, h)
	}
	slices.SortFunc(hits, func(a, b cueHit) int { return a.at - b.at })
	return hits
}

// asciiLower lower-cases ASCII letters only, so byte offsets into the
// result are offsets into s (the cue phrases are lower-case ASCII or
// Hangul).
func asciiLower(s string) string {
	i := 0
	for i < len(s) && !(s[i] >= 'A' && s[i] <= 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if b[i] >= 'A' && b[i] <= 'Z' {
			b[i] += 'a' - 'A'
		}
	}
	return string(b)
}

// cuesStartingWith returns the cues whose phrase starts with r.
func cuesStartingWith(r rune) []*cue {
	switch {
	case r < 0x80:
		return cuesByASCII[r]
	case r >= hangulFirst && r <= hangulLast:
		return cuesByHangul[r-hangulFirst]
	}
	return nil
}

// The Hangul syllables, U+AC00 to U+D7A3.
const hangulFirst, hangulLast = 0xAC00, 0xD7A3

// The cue table indexed by the first rune of each phrase (every phrase
// starts with ASCII or a Hangul syllable).
var cuesByASCII, cuesByHangul = func() (a [0x80][]*cue, h [hangulLast - hangulFirst + 1][]*cue) {
	for i := range cues {
		c := &cues[i]
		r, _ := utf8.DecodeRuneInString(c.phrase)
		switch {
		case r < 0x80:
			a[r] = append(a[r], c)
		case r >= hangulFirst && r <= hangulLast:
			h[r-hangulFirst] = append(h[r-hangulFirst], c)
		default:
			panic("extract: cue phrase " + c.phrase + " starts with neither ASCII nor Hangul")
		}
	}
	return a, h
}()

// cueBoundary checks that a phrase stands as words: English phrases at word
// boundaries; Korean phrases not running into a longer word ("사용자").
func cueBoundary(s string, at, end int, c *cue) bool {
	prev, _ := utf8.DecodeLastRuneInString(s[:at])
	next, _ := utf8.DecodeRuneInString(s[end:])
	if c.lang == "en" {
		letter := func(r rune) bool { return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }
		return !(at > 0 && letter(prev)) && !(end < len(s) && letter(next))
	}
	if end < len(s) && strings.ContainsRune("자량처법률료성중", next) || strings.HasPrefix(s[end:], " 중") {
		return false // "사용자", "사용 중인"
	}
	first, _ := utf8.DecodeRuneInString(c.phrase)
	if !strings.ContainsRune("를을의에와과가이로랑데중등", first) && at > 0 && isHangul(prev) && c.phrase != "보다" && c.phrase != "포함" && c.phrase != "기반" {
		// "대표적으로" and "반면" start words of their own.
		return false
	}
	return true
}

// sentence reads t.s[start:end] with subject as the concept it is about
// unless it names its own topic.
func (e *extractor) sentence(t *text, start, end int, subject string, only func(graph.RelationType) bool, first bool) {
	if end-start > maxSentence {
		// Not a sentence a person wrote: read it in pieces, so the work
		// stays linear in its length.
		for start < end {
			cut := min(end, start+maxSentence)
			if cut < end {
				if sp := strings.LastIndexByte(t.s[start:cut], ' '); sp > 0 {
					cut = start + sp
				}
				for cut > start && !utf8.RuneStart(t.s[cut]) {
					cut--
				}
			}
			e.sentence(t, start, cut, subject, only, first)
			first = false
			start = cut
		}
		return
	}
	raw := t.s[start:end]
	trim := len(raw) - len(strings.TrimLeft(raw, " \t\n"))
	start += trim
	s := strings.TrimRight(t.s[start:end], " \t\n")
	if s == "" {
		return
	}
	ev := graph.Evidence{File: e.file, Line: t.lineAt(start), Text: s}
	e.line = ev.Line // where terms met in this sentence are named
	marks := marksIn(t, start, start+len(s))
	e.defineMarked(s, marks, t, start)
	if e.pass == 1 {
		return // concepts named by the structure come first
	}
	if only == nil && e.equation(s, subject, ev) {
		return
	}
	toks := tokenize(s)
	ms := e.idx.mentions(s, toks)
	found := e.idx.version
	topic := e.topic(s, toks, ms, marks, t, start)
	fired := false
	for _, h := range findCues(s) {
		if only != nil && !only(h.c.rel) {
			continue
		}
		if h.c.lang == "en" && (h.c.phrase == "use" || h.c.phrase == "using") && strings.TrimSpace(s[:h.at]) == "" {
			continue // an instruction, not a statement
		}
		if negated(s, h) {
			continue // "SQL 질의문을 사용하지 않습니다", "lack true ACID transactions"
		}
		if e.idx.version != found {
			// A cue before this one named a new concept.
			ms, found = e.idx.mentions(s, toks), e.idx.version
		}
		subj := subject
		if topic != "" && (h.c.lang == "ko" || topicBefore(ms, topic, h.at)) {
			subj = topic
		}
		switch h.c.kind {
		case cueObject:
			var objs []string
			if h.c.known {
				if i := lastMentionBefore(ms, h.at); i >= 0 && nearBefore(s, toks, ms[i], h) {
					objs = []string{ms[i].id}
				}
			} else if h.c.side == before {
				objs = e.objectsBefore(s, toks, ms, marks, h, subject)
			} else {
				objs = e.objectsAfter(s, toks, ms, marks, h.end)
			}
			if h.c.lang == "en" && strings.TrimSpace(s[:h.at]) == "" {
				// "In comparison with X, BASE chooses …": the subject
				// follows the comma.
				if c := strings.Index(s[h.end:], ","); c >= 0 {
					if id := firstMention(ms, h.end+c, len(s)); id != "" {
						subj = id
					} else if w := strings.Fields(strings.ToLower(s[h.end+c+1:])); len(w) > 0 && slices.Contains([]string{"a", "an", "the", "each", "every"}, w[0]) {
						// "Unlike a VM, a container shares …": the
						// subject is named, and is not a concept we
						// know; it is not the section's.
						continue
					}
				}
			}
			if subj == "" && h.c.rel.Symmetric() && h.c.side == before {
				// "정규화의 반대 개념은 반정규화이다": no topic, so the other
				// side is what follows.
				if m := firstMentionFrom(ms, h.end); m != nil {
					subj = m.id
				}
			}
			for _, o := range objs {
				from, to := subj, o
				if o == subj {
					from = subject
				}
				if h.c.reverse {
					from, to = to, from
				}
				rel := h.c.rel
				if rel == graph.TypeOf && strings.Contains(h.c.phrase, "하나") && properName(e.nameOf(from)) {
					rel = graph.ExampleOf
				}
				e.relate(from, rel, to, 0.9, ev)
				fired = true
			}
		case cueEnum:
			items, class := e.enumeration(s, toks, ms, marks, h, subj, subject, t, start)
			rel := h.c.rel
			if usedIn(s, h) {
				// "대표적으로 DNS, DHCP 등에서 사용된다": they use it.
				for _, it := range items {
					e.relate(it, graph.Uses, class, 0.8, ev)
					fired = true
				}
				continue
			}
			if rel == graph.ExampleOf && h.c.lang == "en" && kindsBefore(s[:h.at]) {
				rel = graph.TypeOf // "several service types, such as …"
			}
			for _, it := range items {
				e.relate(it, rel, class, 0.85, ev)
				fired = true
			}
		case cuePair:
			a, b := firstMention(ms, 0, h.at), firstMention(ms, h.end, len(s))
			if topic != "" && strings.HasPrefix(strings.TrimSpace(s), e.mentionText(s, ms, topic)) {
				a = topic
			}
			if a != "" && b != "" {
				e.relate(a, h.c.rel, b, 0.8, ev)
				fired = true
			}
		}
	}
	if !fired && only == nil {
		e.genus(s, toks, ms, topic, subject, first, ev)
	}
}

// negated reports whether the cue is denied: "사용하지 않는", "없이",
// "does not use", "without".
func negated(s string, h cueHit) bool {
	if h.c.lang == "ko" {
		rest := s[h.end:]
		if len(rest) > 24 {
			rest = rest[:24]
		}
		for _, n := range []string{"지 않", "지 못", "하지 않", "되지 않", "없이", "안 "} {
			if strings.Contains(rest, n) {
				return true
			}
		}
		return false
	}
	words := strings.Fields(strings.ToLower(s[:h.at]))
	for i := len(words) - 1; i >= 0 && i >= len(words)-3; i-- {
		switch strings.Trim(words[i], ",.") {
		case "not", "never", "no", "without", "cannot", "lack", "lacks", "don't", "doesn't", "isn't", "aren't", "won't":
			return true
		}
	}
	return false
}

func (e *extractor) mentionText(s string, ms []mention, id string) string {
	for _, m := range ms {
		if m.id == id {
			return s[m.start:m.end]
		}
	}
	return "\x00"
}

func lastMentionBefore(ms []mention, at int) int {
	last := -1
	for i, m := range ms {
		if m.end <= at {
			last = i
		}
	}
	return last
}

func topicBefore(ms []mention, topic string, at int) bool {
	for _, m := range ms {
		if m.id == topic {
			return m.start < at
		}
	}
	return false
}

func firstMention(ms []mention, from, to int) string {
	for _, m := range ms {
		if m.start >= from && m.end <= to {
			return m.id
		}
	}
	return ""
}

// marksIn returns t's marks inside [start, end), relative to start.
func marksIn(t *text, start, end int) []mark {
	// t.marks is sorted by start.
	i := sort.Search(len(t.marks), func(i int) bool { return t.marks[i].start >= start })
	var out []mark
	for ; i < len(t.marks) && t.marks[i].start < end; i++ {
		if m := t.marks[i]; m.end <= end {
			out = append(out, mark{m.start - start, m.end - start, m.kind})
		}
	}
	return out
}

// defineMarked makes concepts of wikilinks, and of a bold or linked term
// that opens a sentence as its topic ("**ACID** is …", "**디렉터리
// 서비스**는?").
func (e *extractor) defineMarked(s string, marks []mark, t *text, start int) {
	for _, m := range marks {
		name := strings.TrimSpace(s[m.start:m.end])
		switch {
		case m.kind == markWiki:
		case m.start <= 1 && (m.kind == markBold || m.kind == markLink) && opensTopic(s[m.end:]):
		case (m.kind == markLink || m.kind == markCode) && !e.quiet && len(strings.Fields(name)) <= 4 && !compares(name):
		default:
			continue
		}
		if ns := parseNames(name); len(ns) == 1 && nameLike(ns[0].name, true) {
			e.define(ns[0], t.lineAt(start+m.start), fromBold)
		}
	}
}

// compares reports whether a name is really a pair: "SQL or NoSQL".
func compares(name string) bool {
	_, _, ok := compareTitle(name)
	return ok
}

// opensTopic reports whether rest, following a term, makes the term the
// sentence's topic.
func opensTopic(rest string) bool {
	r := strings.TrimLeft(rest, " ")
	for _, p := range []string{"은", "는", "이란", "란", "이 ", "가 ", "도 ", "의 경우"} {
		if strings.HasPrefix(r, p) {
			return true
		}
	}
	lower := strings.ToLower(r)
	for _, w := range []string{"is ", "are ", "was ", "means ", "refers "} {
		if strings.HasPrefix(lower, w) {
			return true
		}
	}
	return false
}

// topic returns the concept a sentence is about when it says so: "DNS도
// …", "스레드는 …", "mongoDB의 경우 …", "Sharding distributes …". A Latin
// name in topic position is a concept even when it was not known.
func (e *extractor) topic(s string, toks []token, ms []mention, marks []mark, t *text, start int) string {
	if len(toks) == 0 {
		return ""
	}
	for _, m := range ms {
		if m.tok0 > 3 {
			break
		}
		if topicParticle(m.particle) || m.particle == "의" && followedBy(s, m.end, "경우") {
			return m.id
		}
		if !hasHangul(s[m.start:m.end]) && m.tok0 <= 1 && m.particle == "" && isEnglishVerbNext(toks, m.tok1) {
			return m.id
		}
	}
	// An unknown Latin name before a topic particle: "또한 AWS DynamoDB 도 …".
	i0 := 0
	for i0 < len(toks) && i0 < 2 && toks[i0].hangul && slices.Contains(sentenceAdverbs, toks[i0].norm) {
		i0++
	}
	j := i0
	for j < len(toks) && !toks[j].hangul && j < i0+4 {
		j++
	}
	if j > i0 && j < len(toks) && toks[j].hangul && (topicParticle(toks[j].norm) || toks[j].norm == "의" && followedBy(s, toks[j].end, "경우")) {
		name := s[toks[i0].start:toks[j-1].end]
		if ns := parseNames(name); len(ns) == 1 && (properName(ns[0].name) || isAcronym(ns[0].name) || strings.Contains(ns[0].name, " ")) && isLatin(ns[0].name) {
			return e.define(ns[0], t.lineAt(start), fromText)
		}
	}
	return ""
}

// sentenceAdverbs open Korean sentences before their topic.
var sentenceAdverbs = []string{"또한", "그리고", "특히", "하지만", "그러나", "반면", "따라서", "즉", "한편", "또"}

func followedBy(s string, off int, w string) bool {
	return strings.HasPrefix(strings.TrimLeft(s[off:], " "), w)
}

var englishVerbs = []string{"is", "are", "was", "were", "has", "have", "uses", "use", "provides", "provide", "allows", "allow",
	"distributes", "splits", "results", "supports", "offers", "stores", "maintains", "attempts", "adds", "chooses", "can", "may", "requires", "consists", "contains", "relies", "runs", "builds"}

func isEnglishVerbNext(toks []token, i int) bool {
	if i+1 >= len(toks) {
		return false
	}
	return slices.Contains(englishVerbs, toks[i+1].norm)
}

// equation reads "반대개념 = X" and "3대 특성 = A, B, C": a label, an equals
// sign, and the names it applies to.
func (e *extractor) equation(s, subject string, ev graph.Evidence) bool {
	i := strings.Index(s, "=")
	if i <= 0 || strings.Contains(s, "==") || subject == "" {
		return false
	}
	left := strings.Trim(strings.TrimSpace(s[:i]), "`")
	right := strings.Trim(strings.TrimSpace(s[i+1:]), "`")
	info, ok := labelTitle(left)
	if !ok || info.lab.mode != labelRel {
		return false
	}
	sc := scope{subject: subject, list: listMode{lab: info.lab}}
	names := splitNames(right)
	for _, n := range names {
		id := e.define(n, ev.Line, fromItem)
		e.structural(id, sc, ev, n.name, false)
	}
	return len(names) > 0
}

// objectsBefore finds the concepts a Korean postposition applies to: the
// name right before it and any names enumerated with it ("UDP와 TCP 포트
// 53번 을 사용"). A term there that is not yet a concept becomes one when
// it is marked (bold, code, a link, Latin script, "메모리(Memory)"), or, for
// a class ("컴퓨터 네트워크 기술의 일종"), when it reads as a name.
func (e *extractor) objectsBefore(s string, toks []token, ms []mention, marks []mark, h cueHit, subject string) []string {
	at := h.at
	last := -1
	for i, m := range ms {
		if m.end <= at {
			last = i
		}
	}
	if last >= 0 && !nearBefore(s, toks, ms[last], h) {
		last = -1
	}
	var out []string
	for _, m := range marks {
		if m.kind == markBold && m.end <= at && (strings.TrimSpace(s[m.end:at]) == "" || particleOnly(s[m.end:at])) && strings.ContainsAny(s[m.start:m.end], ",，") {
			for _, n := range splitNames(s[m.start:m.end]) {
				out = append(out, e.define(n, e.line, fromText))
			}
			if len(out) > 0 {
				return out
			}
		}
	}
	if last < 0 {
		out = e.termsBefore(s, marks, at, h.c.rel == graph.TypeOf, subject)
	} else {
		out = []string{ms[last].id}
		for i := last - 1; i >= 0; i-- {
			a, b := ms[i], ms[i+1]
			gap := strings.TrimSpace(s[a.end:b.start])
			// Names side by side with nothing between are one compound
			// ("B+Tree 인덱스"), not a list.
			enumerated := slices.Contains([]string{"와", "과", "랑", "이나", "나", "및", "또는", "혹은", ","}, a.particle) ||
				gap == "," || gap == "및" || gap == "또는" || gap == "/" || strings.EqualFold(gap, "and") || strings.EqualFold(gap, "or") ||
				strings.HasPrefix(gap, "와") || strings.HasPrefix(gap, "과") || strings.HasPrefix(gap, ",")
			if !enumerated || len(gap) > 8 {
				break
			}
			out = append(out, a.id)
		}
	}
	// "하이퍼바이저라는 SW를 이용": the object is what is so called.
	if len(out) == 1 {
		start := strings.LastIndexAny(strings.TrimRight(s[:at], " "), " \t") + 1
		if last >= 0 {
			start = ms[last].start
		}
		words := strings.Fields(s[:start])
		if n := len(words); n > 0 {
			for _, suf := range []string{"이라는", "라는"} {
				if r, ok := strings.CutSuffix(words[n-1], suf); ok && r != "" {
					if id := e.defineName(r); id != "" {
						out = []string{id}
					}
					break
				}
			}
		}
	}
	return out
}

// nearBefore reports whether mention m stands close enough before the cue
// to be its object: at most three plain words between ("TCP 포트 53번 을
// 사용"), none a verb form or a word with its own particle.
func nearBefore(s string, toks []token, m mention, h cueHit) bool {
	gap := s[m.end:h.at]
	if strings.ContainsAny(gap, ".;!?") {
		return false
	}
	if m.particle != "" && m.end+len(m.particle) < h.at {
		// "프로세스를 다수의 실행 단위로": the particle ties the name to
		// another verb.
		if !strings.HasPrefix(h.c.phrase, m.particle) {
			return false
		}
	}
	n := 0
	for _, tk := range toks {
		if tk.start >= m.end && tk.end <= h.at && tk.start > m.start {
			if tk.attached && tk.start == m.end {
				continue // the particle on the name itself
			}
			w := s[tk.start:tk.end]
			if tk.hangul && (clauseEnding(w) || adnominal(w) || endsWithCaseParticle(w)) {
				return false
			}
			n++
		}
	}
	return n <= 3
}

// termsBefore makes concepts of the terms standing right before at: marked
// spans, or the noun phrase there split at commas.
func (e *extractor) termsBefore(s string, marks []mark, at int, class bool, subject string) []string {
	for _, m := range marks {
		if m.end > at {
			continue
		}
		if gap := s[m.end:at]; strings.TrimSpace(gap) == "" || particleOnly(gap) {
			if id := e.defineName(s[m.start:m.end]); id != "" {
				return []string{id}
			}
		}
	}
	// "프로세스 간의 통신(IPC, inter-process communication)을 사용": a
	// name with its aliases in parentheses right before.
	if head := strings.TrimRight(s[:at], " "); strings.HasSuffix(head, ")") {
		if open := strings.LastIndexAny(head, "(（"); open > 0 {
			if np := npBack(strings.Fields(head[:open])); np != "" && !strings.HasSuffix(np, ")") {
				if id := e.defineName(np + head[open:]); id != "" {
					return []string{id}
				}
			}
		}
	}
	words := strings.Fields(s[:at])
	var out []string
	for len(words) > 0 {
		np := npBack(words)
		if np == "" {
			break
		}
		words = words[:len(words)-len(strings.Fields(np))]
		for _, part := range strings.Split(np, ",") {
			part = strings.TrimSpace(part)
			if part == "" {
				continue
			}
			if marked(part) || class {
				if class && !strings.Contains(part, " ") && genericGenus[part] {
					continue
				}
				if class && subject != "" && !strings.Contains(part, " ") && isGenericClass(part) {
					out = append(out, subject)
					continue
				}
				if id := e.defineName(part); id != "" {
					out = append(out, id)
				}
			}
		}
		// Go on past an enumerating word: "Wait 과 Signal을 이용".
		if n := len(words); n > 0 && (words[n-1] == "과" || words[n-1] == "와" || words[n-1] == "및" || words[n-1] == "," || words[n-1] == "또는") && len(out) > 0 {
			words = words[:n-1]
			continue
		}
		if n := len(words); n > 0 && len(out) > 0 && isLatin(strings.TrimRight(words[n-1], ",와과")) && (strings.HasSuffix(words[n-1], ",") || strings.HasSuffix(words[n-1], "와") || strings.HasSuffix(words[n-1], "과")) {
			words[n-1] = strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(words[n-1], "와"), "과"), ",")
			continue
		}
		break
	}
	return out
}

// isGenericClass reports whether a one-word class names the kind of thing
// the section is about rather than a concept: "DB중 하나".
func isGenericClass(w string) bool {
	switch strings.ToLower(w) {
	case "db", "데이터베이스", "database", "것", "기술", "도구", "방법", "서비스", "제품", "언어", "프로그램", "툴":
		return true
	}
	return false
}

// marked reports whether a phrase in Korean text is a term: it holds Latin
// script or an alias in parentheses.
func marked(s string) bool {
	for _, w := range strings.Fields(s) {
		w = strings.Trim(w, "()[],")
		if isLatin(w) && strings.IndexFunc(w, func(r rune) bool { return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '-' }) >= 0 {
			return true
		}
	}
	return strings.Contains(s, "(") && strings.Contains(s, ")")
}

// npBack takes the noun phrase at the end of words: up to three words,
// stopping at a word with a particle, a verb form or an adverb, and at a
// term already closed by parentheses. "간의" joins ("프로세스 간의 통신").
func npBack(words []string) string {
	var np []string
	for i := len(words) - 1; i >= 0 && len(np) < 3; i-- {
		w := words[i]
		if len(np) > 0 && stopsNP(w) {
			break
		}
		np = append([]string{w}, np...)
	}
	return strings.Join(np, " ")
}

func stopsNP(w string) bool {
	if strings.HasSuffix(w, ")") || strings.HasSuffix(w, "]") {
		return true
	}
	if !hasHangul(w) {
		return false
	}
	if shortAdnominal(w) {
		return true // "나눈 모델", "만든 도구"
	}
	if strings.HasSuffix(w, "간의") {
		return false
	}
	switch w {
	case "대신", "통해", "위해", "및", "또는", "등", "각", "모든", "또한", "그리고", "다수의":
		return true
	}
	for _, e := range []string{"는", "은", "한", "된", "진", "인", "운", "던", "할", "될", "를", "을", "에", "의", "로", "게", "히", "고", "며", "서", "면", "와", "과", "나", "도", "만"} {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// shortAdnominal reports whether w is a one- or two-syllable verb form that
// modifies the next word: its last syllable closes with ㄴ or ㄹ ("나눈",
// "쓴", "할"). Longer words ending so are usually nouns ("오케스트레이션").
func shortAdnominal(w string) bool {
	rs := []rune(w)
	if len(rs) == 0 || len(rs) > 2 {
		return false
	}
	last := rs[len(rs)-1]
	if last < hangulFirst || last > hangulLast {
		return false
	}
	final := (last - hangulFirst) % 28
	return final == 4 || final == 8 // ㄴ, ㄹ
}

func particleOnly(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && isParticle(s)
}

// defineName makes a concept of a term found in a sentence, if it reads as
// a name.
func (e *extractor) defineName(s string) string {
	ns := parseNames(strings.TrimSpace(s))
	if len(ns) != 1 || !nameLike(ns[0].name, true) || utf8.RuneCountInString(ns[0].name) < 2 {
		return ""
	}
	return e.define(ns[0], e.line, fromText)
}

// objectsAfter finds the concepts an English preposition applies to: the
// name right after it (past up to two words such as "a", "more") and any
// enumerated with it.
func (e *extractor) objectsAfter(s string, toks []token, ms []mention, marks []mark, end int) []string {
	first := -1
	for i, m := range ms {
		if m.start >= end {
			first = i
			break
		}
	}
	if first >= 0 && !nearAfter(s, toks, end, ms[first].start) {
		first = -1
	}
	if first < 0 {
		// "is the basis for more complex systems such as a document store"
		if i := strings.Index(strings.ToLower(s[end:]), "such as"); i >= 0 && nearAfter(s, toks, end, end+i) || i >= 0 && len(strings.Fields(s[end:end+i])) <= 4 {
			return e.itemsAfter(s, toks, ms, marks, end+i+len("such as"))
		}
		for _, m := range marks {
			if m.start >= end && nearAfter(s, toks, end, m.start) {
				if id := e.defineName(s[m.start:m.end]); id != "" {
					return []string{id}
				}
			}
		}
		// "uses AMQP and relies on Erlang": names written as terms.
		return e.itemsAfter(s, toks, ms, marks, end)
	}
	out := []string{ms[first].id}
	for i := first + 1; i < len(ms); i++ {
		gap := strings.ToLower(strings.TrimSpace(s[ms[i-1].end:ms[i].start]))
		gap = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(gap, ","), " "))
		switch gap {
		case "", "and", "or", ", and", ", or", "and a", "or a", "and the", "or the", "the", "a", "an", ", the", ", a", "and an":
			out = append(out, ms[i].id)
			continue
		}
		break
	}
	return out
}

func nearAfter(s string, toks []token, from, to int) bool {
	if strings.ContainsAny(s[from:to], ".;!?,:") {
		return false
	}
	n := 0
	for _, tk := range toks {
		if tk.start >= from && tk.end <= to {
			n++
		}
	}
	return n <= 3
}

// enumeration reads the members listed by an enumeration cue and the class
// they belong to.
func (e *extractor) enumeration(s string, toks []token, ms []mention, marks []mark, h cueHit, subj, section string, t *text, start int) (items []string, class string) {
	c := h.c
	switch {
	case c.lang == "ko" && c.side == after:
		// "대표적으로 Redis 및 LMDB 등이 있습니다"
		rest := s[h.end:]
		if i := strings.Index(rest, "등"); i > 0 {
			rest = rest[:i]
		} else {
			rest = cutAtCaseParticle(rest)
		}
		return e.names(rest), subj
	case c.lang == "ko" && (strings.HasSuffix(c.phrase, "같은")) && hasAnySuffix(strings.TrimSpace(s[:h.at]), "다음", "아래", "이", "그"):
		return nil, ""
	case c.lang == "ko":
		// "Mysql, Oracle 등이 …", "Flash 또는 QuickTime과 같은 각 플러그인",
		// "공유 메모리와 메시지 전달의 두가지 모델이 있다"
		head := clauseBefore(s[:h.at])
		items = e.names(head)
		switch {
		case strings.HasPrefix(c.phrase, "등이"):
			class = subj
		case strings.HasPrefix(c.phrase, "가지"):
			class = subj
		default:
			class = e.classAfter(s[h.end:])
		}
		return items, class
	}
	// English.
	if c.rel == graph.TypeOf {
		// "which type of NoSQL database … We'll review **key-value
		// stores**, **document stores** …": the class follows the cue, the
		// members are the bold terms after it in the paragraph.
		if m := firstMentionFrom(ms, h.end); m != nil && nearAfter(s, toks, h.end, m.start) {
			class = m.id
			for _, mk := range t.marks {
				if mk.start >= start+h.end && (mk.kind == markBold || mk.kind == markLink) {
					if id := e.defineName(t.s[mk.start:mk.end]); id != "" && id != class {
						items = append(items, id)
					}
				}
			}
			if len(items) < 2 {
				items = nil
			}
		}
		return items, class
	}
	// "Some RDBMS such as PostgreSQL and Oracle", "Stores such as …"
	class = ""
	for _, m := range ms {
		if m.end <= h.at && strings.TrimSpace(s[m.end:h.at]) == "" {
			class = m.id
		}
	}
	before := strings.Fields(s[:h.at])
	if class == "" {
		// "Stores such as …" under "Wide column store", "several service
		// types, such as …" under "Services".
	heads:
		for i := len(before) - 1; i >= 0 && i >= len(before)-2; i-- {
			for _, cand := range []string{subj, section} {
				if cand != "" && headMatches(strings.Trim(before[i], ",()"), e.nameOf(cand)) {
					class = cand
					break heads
				}
			}
		}
		if c.phrase == "e.g." || c.phrase == "for example" || c.phrase == "for instance" {
			class = subj
		}
		// "Common ones include …", "Examples include …": the section's
		// subject is the class.
		if strings.HasPrefix(c.phrase, "include") && len(before) > 0 && slices.Contains([]string{"ones", "examples", "these", "they", "types", "kinds", "algorithms", "tools"}, strings.ToLower(before[len(before)-1])) {
			class = subj
		}
	}
	if class == "" {
		return nil, ""
	}
	return e.itemsAfter(s, toks, ms, marks, h.end), class
}

// kindsBefore reports whether the words before an English enumeration
// announce kinds rather than examples: "types", "kinds", "variants".
func kindsBefore(s string) bool {
	w := strings.Fields(strings.ToLower(s))
	for i := len(w) - 1; i >= 0 && i >= len(w)-3; i-- {
		switch strings.Trim(w[i], ",:") {
		case "types", "kinds", "type", "kind", "sorts", "variants", "categories", "subtypes":
			return true
		}
	}
	return false
}

// usedIn reports whether a Korean enumeration ends "등에서 사용된다" (used
// in these) rather than "등이 있다" (these exist).
func usedIn(s string, h cueHit) bool {
	if h.c.lang != "ko" || h.c.side != after {
		return false
	}
	rest := s[h.end:]
	i := strings.Index(rest, "등")
	if i < 0 {
		return false
	}
	rest = strings.TrimSpace(rest[i+len("등"):])
	for _, p := range []string{"에서 사용", "에 사용", "에서 쓰", "에 쓰", "에서 이용", "에서 활용"} {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

func hasAnySuffix(s string, sufs ...string) bool {
	for _, x := range sufs {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

func firstMentionFrom(ms []mention, off int) *mention {
	for i := range ms {
		if ms[i].start >= off {
			return &ms[i]
		}
	}
	return nil
}

// itemsAfter reads an English enumeration: names, capitalised words and
// marked terms separated by commas, "and" and "or".
func (e *extractor) itemsAfter(s string, toks []token, ms []mention, marks []mark, from int) []string {
	var out []string
	i := 0
	for i < len(toks) && toks[i].start < from {
		i++
	}
	for i < len(toks) {
		w := toks[i].norm
		if w == "a" || w == "an" || w == "the" || w == "and" || w == "or" || w == "some" {
			i++
			continue
		}
		if m := mentionAt(ms, toks[i].start); m != nil {
			out = append(out, m.id)
			i = m.tok1 + 1
		} else if mk := markAt(marks, toks[i].start); mk != nil {
			if id := e.defineName(s[mk.start:mk.end]); id != "" {
				out = append(out, id)
			}
			for i < len(toks) && toks[i].start < mk.end {
				i++
			}
		} else if word := s[toks[i].start:toks[i].end]; properName(word) || isAcronym(word) {
			j := i
			for j+1 < len(toks) && !toks[j+1].hard && (properName(s[toks[j+1].start:toks[j+1].end]) || isAcronym(s[toks[j+1].start:toks[j+1].end])) {
				j++
			}
			if id := e.defineName(s[toks[i].start:toks[j].end]); id != "" {
				out = append(out, id)
			}
			i = j + 1
		} else {
			break
		}
		// Continue only over a separator.
		if i < len(toks) {
			gap := strings.TrimSpace(s[toks[i-1].end:toks[i].start])
			if gap != "," && gap != "" && !(toks[i].norm == "and" || toks[i].norm == "or") {
				break
			}
			if gap == "" && toks[i].norm != "and" && toks[i].norm != "or" {
				break
			}
		}
	}
	return out
}

func mentionAt(ms []mention, off int) *mention {
	for i := range ms {
		if ms[i].start == off {
			return &ms[i]
		}
	}
	return nil
}

func markAt(marks []mark, off int) *mark {
	for i := range marks {
		if marks[i].start == off && marks[i].kind != markBold {
			return &marks[i]
		}
		if marks[i].start == off {
			return &marks[i]
		}
	}
	return nil
}

// clauseBefore returns the end of s after its last clause boundary: a word
// with a case particle, or punctuation other than a comma.
func clauseBefore(s string) string {
	s = strings.TrimRight(s, " ")
	// Drop a trailing number word: "… 의 두" before "가지".
	words := strings.Fields(s)
	if len(words) > 0 {
		last := words[len(words)-1]
		if strings.Trim(last, "0123456789한두세네다섯여섯일곱여덟아홉열") == "" {
			words = words[:len(words)-1]
		} else if trimmed := strings.TrimRight(last, "0123456789"); trimmed != last && trimmed != "" {
			words[len(words)-1] = trimmed
		} else {
			for _, n := range []string{"두", "세", "네", "다섯"} {
				if r, ok := strings.CutSuffix(last, n); ok && r != "" {
					words[len(words)-1] = r
				}
			}
		}
	}
	cut := 0
	depth := 0
	for i := len(words) - 1; i >= 0; i-- {
		w := words[i]
		depth += strings.Count(w, ")") - strings.Count(w, "(")
		if depth > 0 {
			continue
		}
		if i < len(words)-1 && (endsWithCaseParticle(w) && !strings.HasSuffix(w, ")")) || strings.HasSuffix(w, ".") || w == "대표적으로" || strings.HasSuffix(w, "다") {
			cut = i + 1
			break
		}
	}
	out := strings.Join(words[cut:], " ")
	return strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(out), "의"))
}

func cutAtCaseParticle(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if endsWithCaseParticle(w) {
			return strings.Join(append(words[:i:i], stripTrailingParticle(w)), " ")
		}
	}
	return s
}

// names splits an enumeration into concept ids, making concepts of the
// names not yet known. Words such as "다음" (the following) are not names.
func (e *extractor) names(s string) []string {
	s = strings.TrimSpace(s)
	var parts []string
	for _, w := range strings.Fields(s) {
		parts = append(parts, w)
	}
	// Split words ending in an enumerating 와/과.
	var items []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			items = append(items, strings.Join(cur, " "))
			cur = nil
		}
	}
	for _, w := range parts {
		switch {
		case w == "및" || w == "또는" || w == "혹은" || w == "and" || w == "or" || w == "," || w == "와" || w == "과":
			flush()
		case strings.HasSuffix(w, ","):
			cur = append(cur, strings.TrimSuffix(w, ","))
			flush()
		case (strings.HasSuffix(w, "와") || strings.HasSuffix(w, "과")) && w != "와" && w != "과" && (strings.HasSuffix(w[:len(w)-3], ")") || isLatin(w[:len(w)-3]) || e.idx.lookup(strings.Join(append(slices.Clone(cur), w[:len(w)-3]), " ")) != ""):
			cur = append(cur, w[:len(w)-3])
			flush()
		default:
			cur = append(cur, w)
		}
	}
	flush()
	var out []string
	for _, it := range items {
		it = strings.TrimSpace(stripTrailingParticle(it))
		switch it {
		case "", "다음", "아래", "위", "이", "그", "이런", "그런":
			continue
		}
		if id := e.idx.lookup(it); id != "" {
			out = append(out, id)
		} else if marked(it) {
			if id := e.defineName(it); id != "" {
				out = append(out, id)
			}
		}
	}
	return out
}

// classAfter reads the class named after "와 같은" or "등의": up to three
// words, stopping at a particle or a label word ("각 플러그인 유형에").
func (e *extractor) classAfter(s string) string {
	var np []string
	for _, w := range strings.Fields(s) {
		if len(np) == 0 && (w == "각" || w == "모든" || w == "여러" || w == "다양한" || w == "많은") {
			continue
		}
		base := stripTrailingParticle(w)
		if _, isLabel := labels[labelKey(base)]; isLabel && len(np) > 0 {
			break
		}
		np = append(np, base)
		if base != w || len(np) == 3 {
			break
		}
	}
	if len(np) == 0 || len(np) == 1 && genericGenus[np[0]] {
		return ""
	}
	return e.defineName(strings.Join(np, " "))
}

// genericGenus are words too general to be the class of a definition.
var genericGenus = map[string]bool{
	"것": true, "기술": true, "방법": true, "방식": true, "서비스": true, "개념": true, "의미": true, "용어": true,
	"작업": true, "기법": true, "특징": true, "구조": true, "시스템": true, "과정": true, "영역": true, "공간": true,
	"문제": true, "현상": true, "단위": true, "기능": true, "정보": true, "데이터": true, "프로토콜": true, "아키텍쳐": true,
	"아키텍처": true, "패턴": true, "파일": true, "도구": true, "역할": true, "상태": true, "경우": true, "말": true,
	"때문": true, "모델": true, "수": true, "차": true, "점": true, "등": true, "속성": true, "성질": true, "종류": true, "하나": true, "일종": true, "일부": true, "예": true, "예시": true,
}

// genus reads a Korean definition "A는 … B이다": A is a kind of B. A is the
// sentence's topic, or the section's subject when the sentence opens it.
func (e *extractor) genus(s string, toks []token, ms []mention, topic, subject string, first bool, ev graph.Evidence) {
	subj := topic
	if subj == "" && first {
		subj = subject
	}
	if subj == "" || !hasHangul(s) {
		return
	}
	body := strings.TrimRight(s, ". ")
	var np string
	for _, cop := range []string{"입니다", "이다", "이며"} {
		if r, ok := strings.CutSuffix(body, cop); ok {
			np = strings.TrimSpace(r)
			break
		}
	}
	if np == "" {
		return
	}
	words := strings.Fields(np)
	phrase := npBack(words)
	if phrase == "" {
		return
	}
	ns := parseNames(phrase)
	if len(ns) != 1 || !nameLike(ns[0].name, true) {
		return
	}
	if !strings.Contains(ns[0].name, " ") && (genericGenus[ns[0].name] || utf8.RuneCountInString(ns[0].name) < 2) {
		return
	}
	if pw := strings.Fields(ns[0].name); len(pw) > 1 && genericGenus[pw[0]] {
		return
	}
	id := e.idx.lookup(ns[0].name)
	if id == "" {
		id = e.define(ns[0], e.line, fromText)
	}
	if id == subj {
		return
	}
	rel := graph.TypeOf
	if quantified(e.nameOf(id)) {
		rel = graph.Uses // "커널은 멀티 스레드이다": it uses many threads
	}
	e.relate(subj, rel, id, 0.7, ev)
}

// quantified reports whether a name starts with a quantifier: "멀티 스레드".
func quantified(name string) bool {
	lower := strings.ToLower(name)
	for _, q := range quantifierPrefixes {
		if strings.HasPrefix(lower, q) {
			return true
		}
	}
	return false
}
