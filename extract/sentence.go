package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"conceptgraph/graph"
)

// Reading sentences. A sentence is cut into words once (words.go); its
// subject is found once; then each rule family reads the same words:
// names and aliases (names.go), verb frames (verbs.go), kinds and examples
// (hearst.go), comparisons (compare.go) and definitions (define.go).

// sent is one sentence as every rule reads it.
type sent struct {
	s     string
	lower string // s with ASCII letters lower-cased: same offsets
	ws    []word
	marks []mark // marks inside s, relative to it
	ev    graph.Evidence
	ko    bool  // the sentence has Hangul
	t     *text // the paragraph the sentence is in, and where in it
	off   int
	// known reports whether a name is a known concept's: phrases read
	// across "and" when the whole is a name ("Stop and Wait").
	known func(string) bool
	// fragment: the sentence is a noun phrase alone, whose first word
	// is capitalised only for opening it ("Transport protocol built on
	// UDP"), no proper name.
	fragment bool
	// predicate: the phrase read is a Korean definition's genus, which
	// is a class whole ("JavaScript 라이브러리" is a library for
	// JavaScript, not the library JavaScript).
	predicate bool
	// named: the definition's subjects are listed with a proper name
	// ("npm, Yarn and pnpm are …"), instances alike.
	named bool
}

// ageWords say how old a thing named is, and are no part of its name.
var ageWords = map[string]bool{"older": true, "newer": true, "earlier": true, "later": true, "legacy": true, "modern": true,
	"recent": true, "current": true, "old": true, "new": true}

// ctx is what the text around a sentence says it is about.
type ctx struct {
	subject string // the concept the section, item or label is about
	// only, when set, limits the relation types read (pros and cons
	// only compare).
	only func(graph.RelationType) bool
	// first: the sentence opens its concept's own text, where a noun
	// phrase alone is the concept's genus.
	first bool
	// own: the sentence is in its concept's own text (not under a label
	// or in a statement about something else).
	own bool
	// pros: the sentence is a pro or con of the subject, which is what
	// it compares.
	pros bool
	// result: the sentence says what its subject leads to ("- MSE →
	// regression"), which is no definition of it.
	result bool
	// lab is the label the text is under, when it relates what the text
	// lists to the subject ("### CPU 스케줄러의 종류"; see existence).
	lab label
}

func comparisonsOnly(t graph.RelationType) bool {
	return t == graph.ComparedWith || t == graph.OppositeOf
}

// namesIn defines the concepts t names by its marks and letters (see
// defineMarked), and reads nothing else of it: a label row of a table.
func (e *extractor) namesIn(t *text) {
	for _, sp := range sentenceSpans(t.s) {
		s := strings.TrimSpace(t.s[sp[0]:sp[1]])
		if s == "" {
			continue
		}
		start := sp[0] + strings.Index(t.s[sp[0]:sp[1]], s)
		st := &sent{s: s, lower: asciiLower(s), ws: words(s), marks: marksIn(t, start, start+len(s)), ko: hasHangul(s), t: t, off: start, known: e.known}
		e.defineMarked(st, t, start)
	}
}

// statements reads every sentence of t.
func (e *extractor) statements(t *text, c ctx) {
	first := c.first
	for _, sp := range sentenceSpans(t.s) {
		c.first = first
		e.sentence(t, sp[0], sp[1], c)
		first = false
	}
}

// wraps reports whether a line break between line and the text after it
// wraps one sentence rather than ending it: the line ends in a comma, a
// function word ("an intermediary⏎program" aside, "relies on⏎the page
// cache") or a Korean particle or connective ending ("메시지를⏎비동기로"),
// or an English line runs on into a lower-case word. A line that ends in
// a noun or a predicate ("…을 제공함⏎…") is a statement of its own, as
// notes that write one a line have it.
func wraps(line, next string) bool {
	line = strings.TrimRight(line, " \t")
	next = strings.TrimLeft(next, " \t")
	if line == "" || next == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	first, _ := utf8.DecodeRuneInString(next)
	switch {
	case last == ',':
		return true
	case strings.ContainsRune(".!?。:;)]*`|", last) || strings.ContainsRune("-*+>#|([`", first):
		return false
	}
	word := line[strings.LastIndexAny(line, " \t")+1:]
	if last < utf8.RuneSelf {
		if wrapWords[asciiLower(word)] {
			return true
		}
		return asciiAlnum(byte(last)) && first < utf8.RuneSelf && unicode.IsLower(first)
	}
	if !isHangul(last) {
		return false
	}
	for _, e := range wrapEndings {
		// (A particle ends a word; "비해", "때문에" may be words.)
		if strings.HasSuffix(word, e) && (len(word) > len(e) || utf8.RuneCountInString(e) > 1) {
			return true
		}
	}
	return word == "및" || word == "또는"
}

// wrapWords are English words a sentence does not end with.
var wrapWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the of to and or but nor is are was were be been being with for in on at by from as
		that which who whose whom into onto than via using such its their this these those our your his her has have had
		can could will would should may might must not no also both either neither each every between among about over under`) {
		m[w] = true
	}
	return m
}()

// wrapEndings end a Korean word that a sentence goes on after: particles
// of a subject, topic or object and connective endings.
var wrapEndings = []string{"는", "은", "를", "을", "며", "에", "에서", "에게", "으로", "하고", "되고", "이고", "있고", "없고", "않고",
	"하여", "해서", "되어", "하면", "되면", "이면", "지만", "는데", "이나", "거나", "통해", "위해", "따라", "대해", "의", "와",
	"비해", "반해", "달리", "인해", "의해", "때문에", "위한", "대한", "통한", "의한", "같은", "따른", "려면", "려고", "도록", "니까", "면서", "어서", "아서"}

var abbreviations = []string{"e.g", "i.e", "etc", "vs", "cf", "mr", "dr", "no", "fig", "approx", "ex", "eg", "a.k.a", "aka", "max", "min", "esp"}

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
		r, w := decodeRune(s[i:])
		switch r {
		case '\n':
			if wraps(s[start:i], s[i+1:]) {
				break // one sentence, wrapped
			}
			emit(i)
			start = i + 1
		case '.', '?', '!', '。', '？', '！':
			next := i + w
			if next < len(s) && s[next] != ' ' && s[next] != '\n' && s[next] != '*' {
				break
			}
			if r == '.' {
				word := s[start:i]
				if j := strings.LastIndexAny(word, " (\n"); j >= 0 {
					word = word[j+1:]
				}
				if slices.Contains(abbreviations, lowerCase(word)) || len(word) == 1 {
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

// sentence reads t.s[start:end].
func (e *extractor) sentence(t *text, start, end int, c ctx) {
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
			e.sentence(t, start, cut, c)
			c.first = false
			start = cut
		}
		return
	}
	raw := t.s[start:end]
	start += len(raw) - len(strings.TrimLeft(raw, " \t\n"))
	s := strings.TrimRight(t.s[start:end], " \t\n")
	if s == "" {
		return
	}
	// The words are read only while the sentence is: their slice is
	// used again for the next sentence.
	st := &sent{s: s, lower: asciiLower(s), ws: e.takeWords(s), marks: marksIn(t, start, start+len(s)), ko: hasHangul(s), t: t, off: start, known: e.known}
	defer e.giveWords(st.ws)
	st.ev = graph.Evidence{File: e.file, Line: t.lineAt(start), Text: s}
	e.line = st.ev.Line
	if testHookSentence != nil {
		testHookSentence(e.pass, s)
	}
	if i, j := cutUnlessOnly(st, c); j > 0 {
		// "Docker is a platform, and Kubernetes is an orchestrator": two
		// statements, read one after the other; "A stack is LIFO, whereas
		// a queue is FIFO" sets their subjects side by side.
		e.sentence(t, start, start+st.ws[i].end, c)
		c.first = false
		e.sentence(t, start+st.ws[j].start, start+len(s), c)
		if !st.ko && contrastWords[st.ws[j-1].lower] {
			if a, b := e.conceptOf(st, st.englishPhraseFrom(0), false), e.conceptOf(st, st.englishPhraseFrom(j), false); a != "" && b != "" && a != b {
				e.relate(a, graph.ComparedWith, b, 0.7, st.ev, "whereas")
			}
		}
		return
	}
	e.defineMarked(st, t, start)
	if len(st.ws) == 0 {
		return
	}
	if c.only == nil && e.equation(st, c) {
		return
	}
	if strings.ContainsAny(s, "(（") {
		// What parentheses say: other names, examples, what it is built with.
		e.inlineAliases(st)
		if c.only == nil {
			e.parenExamples(st)
			e.parenUses(st)
		}
	}
	if instruction(st) {
		// "ziplist를 사용하자", "Use X for …": advice, not a statement;
		// but "Use CHAR instead of VARCHAR" still compares them.
		c.only = comparisonsOnly
	}
	if e.prev.sec != e.sec {
		e.prev = prevTopic{sec: e.sec}
	}
	if w := &st.ws[0]; st.ko && w.kind != endNone && e.prev.id != "" && c.only == nil {
		switch w.stem(st.s) {
		case "이", "이것", "그것":
			// "FCFS는 …이다. 이를 개선한 SJF …": a pronoun opening a
			// sentence stands for the topic of the sentence before.
			c.subject = e.prev.id
		}
	}
	if st.ko && c.only == nil && e.prev.id != "" && e.prev.t == t && !koreanTopicMarked(st) && !hasKoreanSubject(st) {
		// "UDP는 …이다. DNS와 스트리밍에서 주로 사용된다.": a Korean
		// sentence that leaves its subject out is about the topic of the
		// sentence before it in the paragraph.
		c.subject = e.prev.id
	}
	if !st.ko && c.only == nil && e.prev.id != "" && (e.prev.t == t || st.off == 0 && !c.first && c.subject != e.prev.id) && englishPronounOpening(st) {
		// "Ansible is … . It relies on SSH": "it" is the subject of the
		// sentence before it in the paragraph, not the section's concept.
		c.subject = e.prev.id
	}
	topic := e.topicOf(st, c)
	if topic != "" && (koreanTopicMarked(st) || !st.ko) {
		e.prev.id, e.prev.t = topic, t
	}
	typed := e.cueRules(st, c, topic)
	if c.only == nil && !typed && !c.result {
		e.definition(st, c, topic)
	}
}

// personWords name the writer or the reader, who do things with concepts
// and are none: "you could use", "we need", "one needs".
var personWords = map[string]bool{"you": true, "we": true, "i": true, "one": true}

// cutUnlessOnly is clauseCut of a sentence read for all its rules; one read
// for some (a pro or con) is read whole.
func cutUnlessOnly(st *sent, c ctx) (int, int) {
	if c.only != nil {
		return 0, 0
	}
	return clauseCut(st)
}

// contrastWords join two clauses that set their subjects side by side.
var contrastWords = map[string]bool{"whereas": true, "while": true}

// clauseCut finds where a sentence of two clauses, each with its own
// subject and verb, is joined: ", and Y is …", ", whereas Y has …", "; Y
// is …" (for Korean, see koreanClauseCut). It returns the index of the
// last word of the first clause and of the second clause's first word,
// or 0, 0.
func clauseCut(st *sent) (int, int) {
	if st.ko {
		return koreanClauseCut(st)
	}
	verb := false
	for i := 0; i+1 < len(st.ws); i++ {
		w := &st.ws[i]
		if beWord(w.lower) || englishVerb(w.lower) {
			verb = true
		}
		if !verb || w.paren > 0 || !strings.ContainsAny(w.after, ",;") {
			continue
		}
		j := i + 1
		switch st.ws[j].lower {
		case "and", "but", "whereas", "while":
			j++
		default:
			if !strings.Contains(w.after, ";") {
				continue
			}
		}
		if j >= len(st.ws) {
			return 0, 0
		}
		q := st.englishPhraseFrom(j)
		if q.empty() || q.j >= len(st.ws) || q.i > j+1 {
			continue
		}
		if personWords[st.ws[q.i].lower] {
			continue // "…, but you could also use a BST": advice, read whole
		}
		if v := st.ws[q.j].lower; beWord(v) || englishVerb(v) && !nounToo[v] || st.ws[q.j].fn == fnAux {
			return i, j
		}
	}
	return 0, 0
}

// koreanClauseCut finds where a Korean sentence of two clauses, each
// with its own topic, is joined: "프로세스는 … 의미하고, 스레드는 …
// 단위입니다", "A는 …이며, B는 …". It returns the last word of the first
// clause and the first of the second, or 0, 0.
func koreanClauseCut(st *sent) (int, int) {
	topic := false
	for i := 0; i+1 < len(st.ws); i++ {
		w := &st.ws[i]
		if w.kind == endTopic {
			topic = true
		}
		if !topic || w.paren > 0 || !strings.Contains(w.after, ",") {
			continue
		}
		t := w.text(st.s)
		if !strings.HasSuffix(t, "고") && !strings.HasSuffix(t, "며") && !strings.HasSuffix(t, "지만") && !strings.HasSuffix(t, "는데") {
			continue
		}
		q := st.koreanPhraseFrom(i + 1)
		if !q.empty() && q.i == i+1 && q.j < len(st.ws) && st.ws[q.j-1].kind == endTopic && !pronounPhrase(st, q) {
			return i, i + 1
		}
	}
	return 0, 0
}

// hasKoreanSubject reports whether a word of st is marked as a topic or
// a subject.
func hasKoreanSubject(st *sent) bool {
	for i := range st.ws {
		if k := st.ws[i].kind; k == endTopic || k == endSubject {
			return true
		}
	}
	return false
}

// modifierAfter reports whether the Korean word h, marked as a subject,
// is the subject of a modifier clause: a verb in its modifying form
// follows it ("발생한", "지켜야 할"), with only unmarked words between and
// no bound noun after ("발생할 수 있다" ends the sentence's verb).
func modifierAfter(st *sent, h int) bool {
	for j := h + 1; j < len(st.ws) && j <= h+3; j++ {
		switch st.ws[j].kind {
		case endModifier:
			return !boundNounAt(st, j+1)
		case endNone, endPredicate:
			// "지켜야", "제시해야": a verb that must, then its modifying
			// form.
			if !st.ws[j].hangul || j == h+3 || st.ws[j].kind == endPredicate && !strings.HasSuffix(st.ws[j].text(st.s), "야") {
				return false
			}
			continue
		}
		return false
	}
	return false
}

// takeWords returns the words of s in a slice of e's spares.
func (e *extractor) takeWords(s string) []word {
	var buf []word
	if n := len(e.spareWords); n > 0 {
		buf, e.spareWords = e.spareWords[n-1], e.spareWords[:n-1]
	}
	if e.analyses == nil {
		e.analyses = map[string]*analysis{}
	}
	return appendWords(buf, s, e.analyses)
}

// giveWords takes back a slice of takeWords that is read no more. (An
// extractor reads one note: what the slice still holds is of it.)
func (e *extractor) giveWords(ws []word) {
	e.spareWords = append(e.spareWords, ws[:0])
}

// instruction reports whether a Korean sentence ends in an imperative or
// hortative verb: "사용하자", "주의하세요", "확인하라".
func instruction(st *sent) bool {
	if !st.ko {
		return len(st.ws) > 1 && imperatives[st.ws[0].lower] && st.ws[0].text(st.s) != strings.ToUpper(st.ws[0].text(st.s)) && !verbNamedSubject(st)
	}
	last := strings.TrimRight(st.ws[len(st.ws)-1].text(st.s), ".!")
	for _, e := range []string{"하자", "보자", "세요", "시오", "하라", "말자", "합시다", "해라"} {
		if strings.HasSuffix(last, e) {
			return true
		}
	}
	return false
}

// verbNamedSubject reports whether an English sentence that opens with a
// verb opens with a name made of it, its own verb right after: "Open
// addressing comes in three flavors", "Read committed is …" ("Make sure
// …" and "Use the …" are instructions).
func verbNamedSubject(st *sent) bool {
	ws := st.ws
	if len(ws) < 3 || ws[1].fn != 0 || ws[1].lower == "sure" || ws[0].hard() || ws[1].hard() {
		return false
	}
	finite := func(w *word) bool { return w.fn == fnAux || englishVerb(w.lower) }
	return finite(&ws[2]) || len(ws) > 3 && ws[2].fn == 0 && !ws[2].hard() && finite(&ws[3])
}

// imperatives open an English instruction: "Configure using NTP", "Use X
// for …".
var imperatives = map[string]bool{
	"use": true, "configure": true, "ensure": true, "install": true, "run": true, "set": true, "create": true, "open": true,
	"edit": true, "add": true, "check": true, "make": true, "keep": true, "avoid": true, "try": true, "see": true, "read": true,
	"learn": true, "enable": true, "disable": true, "remove": true, "delete": true, "start": true, "stop": true, "restart": true,
	"monitor": true, "simulate": true, "tighten": true, "tune": true, "consider": true, "prefer": true, "choose": true,
	"write": true, "build": true, "deploy": true, "test": true, "verify": true, "update": true, "upgrade": true, "select": true,
	"allow": true, "apply": true, "define": true, "be": true, "do": true, "don't": true, "note": true, "remember": true,
}

// cueHit is one cue phrase found in a sentence, at bytes [at, end).
type cueHit struct {
	c       *cue
	at, end int
}

// findCues returns the cue phrases in s (lower-cased), longest first where
// they overlap, ordered by position.
func findCues(lower string) []cueHit {
	var cands []cueHit
	prev := utf8.RuneError // the rune before at; the text is valid UTF-8
	for at := 0; at < len(lower); {
		r, n := rune(lower[at]), 1
		var es []cueEntry
		if r < utf8.RuneSelf {
			es = cueIndexASCII[r]
		} else {
			r, n = decodeRune(lower[at:])
			if i := r - hangulFirst; i >= 0 && i <= hangulLast-hangulFirst && cueHangulStarts[i>>6]&(1<<(i&63)) != 0 {
				es = cueIndexHangul[i]
			}
		}
		before := prev
		prev = r
		if len(es) == 0 {
			at += n
			continue
		}
		// A phrase that fails cueBoundary by the rune before it is not
		// worth comparing.
		alnum, hangul := before < utf8.RuneSelf && asciiAlnum(byte(before)), isHangul(before)
		rest := lower[at:]
		// The phrases that are the rune alone, then those whose next
		// byte follows it here.
		for pass := range 2 {
			next := int16(-1)
			if pass == 1 {
				if n >= len(rest) {
					break
				}
				next = int16(rest[n])
			}
			sub := cuesWithNext(es, next)
			for k := range sub {
				e := &sub[k]
				if e.after == afterNotAlnum && alnum || e.after == afterNotHangul && hangul {
					continue
				}
				if strings.HasPrefix(rest, e.c.phrase) && cueBoundary(lower, at, at+len(e.c.phrase), e.c) {
					from := at
					switch {
					case e.c.shared:
						from = sharedObject(lower, at)
					case e.c.owner:
						from = problemOwner(lower, at)
					}
					if from < 0 {
						continue
					}
					cands = append(cands, cueHit{c: e.c, at: from, end: at + len(e.c.phrase)})
				}
			}
		}
		at += n
	}
	if len(cands) == 0 {
		return nil
	}
	slices.SortStableFunc(cands, func(a, b cueHit) int { return (b.end - b.at) - (a.end - a.at) })
	var hits []cueHit
	for _, h := range cands {
		c := h.c
		if slices.ContainsFunc(hits, func(o cueHit) bool { return o.at < h.end && h.at < o.end }) {
			continue // it overlaps a longer phrase
		}
		if c.start && strings.TrimSpace(lower[:h.at]) != "" || c.notStart && strings.TrimSpace(strings.Trim(lower[:h.at], "*_`-")) == "" {
			continue
		}
		hits = append(hits, h)
	}
	slices.SortFunc(hits, func(a, b cueHit) int { return a.at - b.at })
	return hits
}

// sharedObject returns where the object particle of a verb at byte at
// stands when the verb shares the object of the one coordinated before
// it, "를" in "컨테이너를 만들고 사용", or -1. The verb before is one word
// ending in a conjunctive "-고" or "-거나".
func sharedObject(lower string, at int) int {
	before, ok := strings.CutSuffix(lower[:at], " ")
	if !ok {
		return -1
	}
	sp := strings.LastIndexByte(before, ' ')
	verb := before[sp+1:]
	if sp < 0 || verb == "" || !(strings.HasSuffix(verb, "고") || strings.HasSuffix(verb, "거나")) {
		return -1
	}
	r, n := utf8.DecodeLastRuneInString(before[:sp])
	if r != '를' && r != '을' {
		return -1
	}
	return sp - n
}

// problemOwner returns where the "의" of the concept that owns a
// problem named at byte at stands, or -1: the first word of the clause
// written with "의", the problem's own modifiers and an adnominal clause
// between ("GBn ARQ의 모든 프레임을 재전송하는 단점을"). The clause starts
// after punctuation or a topic ("SR ARQ는"), at most eight words back.
func problemOwner(lower string, at int) int {
	owner := -1
	end := at
	for range 8 {
		before := strings.TrimRight(lower[:end], " ")
		if len(before) == len(lower[:end]) && end < at || before == "" {
			break // no space before the word: punctuation or the start
		}
		sp := strings.LastIndexByte(before, ' ')
		w := before[sp+1:]
		if strings.ContainsAny(w, ",;:()[]\"'") || topicWord(w) {
			break
		}
		if strings.HasSuffix(w, "의") && len(w) > len("의") {
			owner = sp + 1 + len(w) - len("의")
		}
		if sp < 0 {
			break
		}
		end = sp + 1
	}
	return owner
}

// topicWord reports whether w ends in the topic particle "은/는" rather
// than in an adnominal ending ("재전송하는", "있는").
func topicWord(w string) bool {
	if !strings.HasSuffix(w, "는") && !strings.HasSuffix(w, "은") {
		return false
	}
	for _, adn := range []string{"하는", "되는", "있는", "없는", "이는", "않는", "하은"} {
		if strings.HasSuffix(w, adn) {
			return false
		}
	}
	return true
}

// cuesWithNext returns the entries of es (sorted by next) whose next is
// next.
func cuesWithNext(es []cueEntry, next int16) []cueEntry {
	lo, hi := 0, len(es)
	for lo < hi { // the first entry with next >= next
		m := int(uint(lo+hi) >> 1)
		if es[m].next < next {
			lo = m + 1
		} else {
			hi = m
		}
	}
	end := lo
	for end < len(es) && es[end].next == next {
		end++
	}
	return es[lo:end]
}

// asciiAlnum reports whether b is an ASCII letter or digit.
func asciiAlnum(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// asciiLower lower-cases ASCII letters only, so byte offsets into the
// result are offsets into s.
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

// The Hangul syllables, U+AC00 to U+D7A3.
const hangulFirst, hangulLast = 0xAC00, 0xD7A3

// The cue table indexed by the first rune of each phrase.
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

// cueEntry is a cue in the index findCues reads, with what it asks of the
// text around its first rune.
type cueEntry struct {
	c *cue
	// next is the byte after the phrase's first rune, or -1 when the
	// phrase is that rune.
	next int16
	// after is the rune before the phrase that fails cueBoundary.
	after cueAfter
}

type cueAfter uint8

const (
	afterAny       cueAfter = iota
	afterNotAlnum           // an English phrase: not after an ASCII letter or digit
	afterNotHangul          // a Korean phrase that starts a word of its own: not after Hangul
)

// cueIndexASCII and cueIndexHangul are cuesByASCII and cuesByHangul as
// entries, sorted by next and otherwise in the same order (which counts
// only between entries of one phrase); cueHangulStarts has a bit for each
// syllable a phrase starts with.
var cueIndexASCII, cueIndexHangul, cueHangulStarts = func() (a [0x80][]cueEntry, h [hangulLast - hangulFirst + 1][]cueEntry, bits [(hangulLast-hangulFirst)/64 + 1]uint64) {
	entry := func(c *cue) cueEntry {
		r, n := utf8.DecodeRuneInString(c.phrase)
		e := cueEntry{c: c, next: -1}
		if n < len(c.phrase) {
			e.next = int16(c.phrase[n])
		}
		switch {
		case c.lang == "en":
			e.after = afterNotAlnum
		case !strings.ContainsRune(koreanCueStarts, r):
			e.after = afterNotHangul
		}
		return e
	}
	for r, cs := range cuesByASCII {
		for _, c := range cs {
			a[r] = append(a[r], entry(c))
		}
	}
	for i, cs := range cuesByHangul {
		for _, c := range cs {
			h[i] = append(h[i], entry(c))
			bits[i>>6] |= 1 << (i & 63)
		}
	}
	byNext := func(a, b cueEntry) int { return int(a.next) - int(b.next) }
	for r := range a {
		slices.SortStableFunc(a[r], byNext)
	}
	for i := range h {
		slices.SortStableFunc(h[i], byNext)
	}
	return a, h, bits
}()

// koreanCueStarts are the first syllables of Korean phrases that may be
// written onto the word before them.
const koreanCueStarts = "를을의에와과가이로랑데중등보같기처라으"

// cueBoundary checks that a phrase stands as words: English phrases at word
// boundaries; Korean phrases not running into a longer word ("사용자").
func cueBoundary(s string, at, end int, c *cue) bool {
	prev, _ := utf8.DecodeLastRuneInString(s[:at])
	next, _ := utf8.DecodeRuneInString(s[end:])
	if c.lang == "en" {
		letter := func(r rune) bool { return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }
		lastOfPhrase, _ := utf8.DecodeLastRuneInString(c.phrase)
		if at > 0 && letter(prev) || end < len(s) && letter(next) && letter(lastOfPhrase) {
			return false
		}
		// Nor is it a cue inside a hyphenated word: "write-through
		// cache", "like-minded".
		if prev == '-' && at > 1 && letter(rune(s[at-2])) || next == '-' && end+1 < len(s) && letter(rune(s[end+1])) {
			return false
		}
		return true
	}
	if end < len(s) && strings.ContainsRune("자량처법률료성중", next) || strings.HasPrefix(s[end:], " 중") || strings.HasPrefix(s[end:], " 가능") {
		return false // "사용자", "사용량", "사용 중인", "사용 가능한"
	}
	if (strings.HasSuffix(c.phrase, "종류") || strings.HasSuffix(c.phrase, "유형")) && strings.ContainsRune("로는은에가를와의도으", next) {
		return false // "URI의 종류로 URL과 URN이 있다": the kinds as a topic, not "X는 Y의 종류"
	}
	if next == '데' && strings.HasSuffix(c.phrase, "는") {
		return false // "구성하는데 사용": a purpose, not the relation
	}
	first, _ := utf8.DecodeRuneInString(c.phrase)
	if at > 0 && isHangul(prev) && !strings.ContainsRune(koreanCueStarts, first) {
		return false // "대표적으로" and "반면" start words of their own
	}
	return true
}

// wordAt returns the index of the word that contains byte off, or the
// first word after it.
func (st *sent) wordAt(off int) int {
	return sort.Search(len(st.ws), func(i int) bool { return st.ws[i].end > off })
}

// objectWord is the word whose phrase a Korean postposition cue at byte
// at applies to: the word the cue's particle is written on ("TCP를 사용"),
// or the word before a cue that starts a word of its own ("Y 기반의 X").
func (st *sent) objectWord(at int) int {
	k := st.wordAt(at)
	if k >= len(st.ws) {
		return len(st.ws) - 1
	}
	if at <= st.ws[k].start && st.ws[k].stemEnd > st.ws[k].start {
		return k - 1
	}
	return k
}

// negated reports whether the cue is denied: "사용하지 않는", "없이",
// "does not use", "without".
func negated(st *sent, h cueHit) bool {
	if h.c.lang == "ko" {
		rest := st.s[h.end:]
		if len(rest) > 24 {
			rest = rest[:24]
			for len(rest) > 0 && !utf8.ValidString(rest) {
				rest = rest[:len(rest)-1]
			}
		}
		for _, n := range negations.ko {
			if strings.Contains(rest, n) {
				return true
			}
		}
		return false
	}
	words := strings.Fields(st.lower[:h.at])
	for i := len(words) - 1; i >= 0 && i >= len(words)-3; i-- {
		if slices.Contains(negations.en, strings.Trim(words[i], ",.()")) {
			return true
		}
	}
	return false
}

// marksIn returns t's marks inside [start, end), relative to start.
func marksIn(t *text, start, end int) []mark {
	i := sort.Search(len(t.marks), func(i int) bool { return t.marks[i].start >= start })
	var out []mark
	for ; i < len(t.marks) && t.marks[i].start < end; i++ {
		if m := t.marks[i]; m.end <= end {
			out = append(out, mark{m.start - start, m.end - start, m.kind, m.target})
		}
	}
	return out
}

// topicOf returns the concept a sentence says it is about, or "": a
// Korean phrase marked as topic or subject near the start ("DNS도 …",
// "L7 스위치는 …", "mongoDB의 경우 …"), an English phrase that opens the
// sentence before its verb ("Sharding distributes …"). A pronoun ("It",
// "이 방식은") stands for the concept of the text around it.
func (e *extractor) topicOf(st *sent, c ctx) string {
	k := 0
	for k < len(st.ws) && sentenceOpeners[st.ws[k].lower] && st.ws[k].kind == endNone {
		k++
	}
	if k >= len(st.ws) {
		return ""
	}
	if st.ko && st.ws[k].hangul || st.ko && koreanTopicWithin(st, k) >= 0 {
		h := koreanTopicWithin(st, k)
		if h < 0 {
			return ""
		}
		p := st.koreanPhraseAt(h)
		if p.empty() || p.i != k && !(p.i > k && allOpeners(st, k, p.i)) {
			return ""
		}
		if st.ws[h].kind == endSubject && modifierAfter(st, h) {
			// "장애가 발생한 서버가 …", "트랜잭션이 지켜야 할 성질": the
			// subject of a modifier clause (but "지연이 발생할 수 있다" is
			// the sentence's).
			return ""
		}
		if pronounPhrase(st, p) {
			return c.subject
		}
		return e.conceptOf(st, p, nameLikePhrase(st, p) && c.only == nil) // (a pro or con names no new concept: "처리량이 높다")
	}
	if st.ws[k].fn == fnPrep || st.ws[k].fn == fnConj || st.ws[k].fn == fnWh {
		return ""
	}
	p := st.englishPhraseFrom(k)
	if p.empty() || p.j >= len(st.ws) || joinedPhrase(st, p) {
		return "" // ("left ≤ node → leftmost is …": no name)
	}
	next := st.ws[p.j].lower
	if !(fn(next) == fnAux || englishVerb(next) || strings.HasSuffix(next, "s") && !st.ws[p.j-1].hard()) {
		return ""
	}
	if pronounPhrase(st, p) || st.ws[p.i].lower == "this" || st.ws[p.i].lower == "it" {
		return c.subject
	}
	if c.only == nil {
		return e.subjectName(st, p)
	}
	return e.conceptOf(st, p, false)
}

// subjectName returns the concept an English sentence's opening phrase p
// names, made new when it reads as a name, or when it is a verb's name
// with the sentence's own verb right after it ("Open addressing comes
// in …").
func (e *extractor) subjectName(st *sent, p phrase) string {
	if id := e.conceptOf(st, p, nameLikePhrase(st, p)); id != "" || p.i != 0 || !verbNamedSubject(st) {
		return id
	}
	if ns := parseNames(st.text(p)); len(ns) == 1 && len(strings.Fields(ns[0].name)) <= 4 && plainWords(ns[0].name) {
		return e.define(ns[0], st.ev.Line, fromText)
	}
	return ""
}

// boundNounAt reports whether word i is a bound noun a modifier makes a
// predicate with: "발생할 수 있다", "쓰는 것이다".
func boundNounAt(st *sent, i int) bool {
	if i >= len(st.ws) {
		return false
	}
	switch st.ws[i].stem(st.s) {
	case "수", "것", "뿐", "듯", "줄", "때문":
		return true
	}
	return false
}

// koreanTopicWithin returns the first word from k on, among the first
// few, that marks its phrase as the clause's topic or subject, or -1.
func koreanTopicWithin(st *sent, k int) int {
	for i := k; i < len(st.ws) && i < k+7; i++ {
		w := &st.ws[i]
		switch w.kind {
		case endTopic, endSubject:
			return i
		case endOf:
			if i+1 < len(st.ws) && strings.HasPrefix(st.ws[i+1].text(st.s), "경우") {
				return i
			}
			return -1
		case endNone:
			if w.hard() && !strings.Contains(w.after, ")") {
				return -1
			}
			continue
		}
		return -1
	}
	return -1
}

func allOpeners(st *sent, from, to int) bool {
	for i := from; i < to; i++ {
		if !sentenceOpeners[st.ws[i].lower] {
			return false
		}
	}
	return true
}

// englishPronounOpening reports whether an English sentence opens with a
// pronoun as its subject: "It relies on …", "They are …", "This is …".
func englishPronounOpening(st *sent) bool {
	if len(st.ws) < 2 {
		return false
	}
	switch st.ws[0].lower {
	case "it", "they", "it's", "they're", "it’s", "they’re":
		return true
	case "this":
		return st.ws[1].fn == fnAux
	}
	return false
}

// contractedPronoun reports whether an English word is a pronoun and its
// verb written as one: "it's", "they're".
func contractedPronoun(w string) bool {
	w = strings.ReplaceAll(w, "’", "'")
	return w == "it's" || w == "they're" || w == "that's"
}

// koreanPronouns stand for a concept named before, with a particle
// ("이에", "이를", "그것은"); bare, "이" and "그" are determiners.
var koreanPronouns = map[string]bool{"이": true, "그": true, "이것": true, "그것": true, "이들": true, "그들": true}

// pronounPhrase reports whether p points back rather than naming: "it",
// "this method", "이 방식", "이것".
func pronounPhrase(st *sent, p phrase) bool {
	if p.empty() {
		return false
	}
	first := st.ws[p.i].lower
	if p.j-p.i == 1 && (fn(first) == fnPronoun || first == "this" || first == "these" || first == "they" || contractedPronoun(first)) {
		return true
	}
	if w := &st.ws[p.i]; p.j-p.i == 1 && w.kind != endNone && koreanPronouns[w.stem(st.s)] {
		return true // "FCFS와 SJF가 이에 속한다"
	}
	if p.i > 0 {
		switch st.ws[p.i-1].lower {
		case "this", "these", "that", "those", "이", "그", "이러한", "그러한", "해당", "이런", "그런":
			return p.j-p.i == 1 && genericNouns[lowerCase(st.ws[p.i].stem(st.s))]
		}
	}
	return false
}

// nameLikePhrase reports whether p reads as the name of a concept that a
// rule may make: short, not generic, not a clause.
func nameLikePhrase(st *sent, p phrase) bool {
	if p.empty() {
		return false
	}
	text := st.text(p)
	ns := parseNames(text)
	if len(ns) != 1 || !nameLike(ns[0].name, true) || utf8.RuneCountInString(ns[0].name) < 2 {
		return false
	}
	last := lowerCase(st.ws[p.j-1].stem(st.s))
	if p.j-p.i == 1 && (genericNouns[last] || fn(last) != 0) {
		return false
	}
	return !numberWord(st.ws[p.i].text(st.s))
}

// calledAt returns where "called" or "named" stands inside p between a
// class and a name ("plugins called providers"), or 0.
func calledAt(st *sent, p phrase) int {
	for m := p.i + 1; m < p.j-1; m++ {
		if w := st.ws[m].lower; (w == "called" || w == "named") && !st.ws[m-1].hard() {
			return m
		}
	}
	return 0
}

// conceptOf returns the concept that phrase p names: a known concept under
// any of its names, or, when allowed and the phrase reads as a name, a new
// one. A phrase such as "the Kerberos protocol" names Kerberos, a
// protocol.
func (e *extractor) conceptOf(st *sent, p phrase, allowNew bool) string {
	if p.empty() {
		return ""
	}
	// Numbers after a name count it, they do not name it: "TCP 179번",
	// "포트 53번".
	for p.j-p.i > 1 && numberWord(st.ws[p.j-1].stem(st.s)) && !st.joined(p.j-1) { // ("HTTP/2" is a name)
		p.j--
		if p.j-p.i > 1 && measureNouns[lowerCase(st.ws[p.j-1].stem(st.s))] {
			p.j-- // "TCP 포트 53번" is TCP's port: TCP
		}
	}
	// "cf) AOT 컴파일", "참고) …": a remark's label before the name.
	if p.j-p.i >= 2 && strings.HasPrefix(st.ws[p.i].after, ")") && !strings.Contains(st.ws[p.i].before, "(") && st.ws[p.i].paren == 0 {
		p.i++
	}
	// "older Kafka", "modern Git": the name, at some age.
	if p.j-p.i >= 2 && ageWords[st.ws[p.i].lower] && (p.i == 0 || st.ws[p.i].lower == st.ws[p.i].text(st.s)) && properName(st.text(phrase{p.i + 1, p.j})) {
		p.i++
	}
	if m := calledAt(st, p); m > 0 {
		// "plugins called providers", "a network proxy called a
		// kube-proxy": the name, a kind of the class before it.
		name := phrase{m + 1, p.j}
		for name.i < name.j && st.ws[name.i].fn == fnDet {
			name.i++
		}
		// (The writer names it: a concept, even where the caller would
		// take known ones only.)
		id := e.conceptOf(st, name, allowNew || nameLikePhrase(st, name))
		if g := e.conceptOf(st, phrase{p.i, m}, nameLikePhrase(st, phrase{p.i, m})); id != "" && g != "" && g != id {
			e.relate(id, e.definitionRel(id, g), g, 0.8, st.ev, "called")
		}
		return id
	}
	text := st.text(p)
	ns := parseNames(text)
	if len(ns) != 1 {
		return ""
	}
	// In a sentence, Korean in parentheses after Korean is a remark
	// ("메모리 영역 (프로그램 명령)"), not another name.
	var aliases []string
	for _, a := range ns[0].aliases {
		if !(hasHangul(a) && hasHangul(ns[0].name)) {
			aliases = append(aliases, a)
		}
	}
	ns[0].aliases = aliases
	// "the Kerberos protocol", "Redis 데이터베이스": a name and its class
	// (unless the whole is a name of its own).
	_, whole := e.idx.key(nameKey(text))
	if id := e.lookupNames(ns[0]); id != "" && (whole || !(p.j-p.i >= 2 && classNouns[lowerCase(st.ws[p.j-1].stem(st.s))])) {
		return id
	}
	if p.j-p.i >= 2 && classNouns[lowerCase(st.ws[p.j-1].stem(st.s))] && !strings.ContainsAny(text, "()") && !st.predicate {
		inner := phrase{p.i, p.j - 1}
		if name := st.text(inner); (properName(name) || isAcronym(name) || e.idx.lookup(name) != "" && !hasHangul(name)) && !(inner.j-inner.i == 1 && (adjective(lowerCase(name)) || st.fragment && inner.i == 0 && titleCased(name))) {
			id := e.idx.lookup(name)
			if id == "" && allowNew {
				id = e.defineText(name)
			}
			if id != "" {
				if class := e.defineText(st.ws[p.j-1].stem(st.s)); class != "" {
					e.relate(id, graph.TypeOf, class, 0.7, st.ev, "name-class")
				}
				return id
			}
		}
	}
	// "The CAP acronym", "the term NoSQL", "약어 CAP": a word about the
	// name, and the name.
	if p.j-p.i == 2 {
		for _, k := range []int{p.j - 1, p.i} {
			if metaNouns[lowerCase(st.ws[k].stem(st.s))] {
				other := phrase{p.i + 1, p.j}
				if k == p.j-1 {
					other = phrase{p.i, p.j - 1}
				}
				if name := st.text(other); isAcronym(name) || properName(name) || e.idx.lookup(name) != "" {
					return e.conceptOf(st, other, allowNew)
				}
			}
		}
	}
	// "Microsoft's Distributed File System": the name after the owner's;
	// but "Dijkstra's algorithm" is named after its author.
	if p.j-p.i > 1 && strings.HasSuffix(st.ws[p.i].lower, "'s") && (unicode.IsUpper(firstRune(st.ws[p.i+1].text(st.s))) || p.j-p.i > 2 || !unicode.IsUpper(firstRune(st.ws[p.i].text(st.s)))) {
		if id := e.conceptOf(st, phrase{p.i + 1, p.j}, allowNew); id != "" {
			return id
		}
	}
	// A known name with words before it that only describe it: "the
	// simple hash" is hash when no concept is named so.
	for i := p.i + 1; i < p.j && i < p.i+3; i++ {
		w := st.ws[i-1].lower
		if !genusAdjectives[w] && st.ws[i-1].kind != endModifier {
			break
		}
		if id := e.idx.lookup(st.text(phrase{i, p.j})); id != "" {
			return id
		}
	}
	if !allowNew || !nameLikePhrase(st, p) {
		return ""
	}
	// "popular conflict resolution mechanisms": a new name starts after
	// the adjectives that only praise or rank it.
	if i := p.i; i < p.j-1 && genusAdjectives[st.ws[i].lower] && !termAdjectives[st.ws[i].lower] && (st.ws[i].lower == st.ws[i].text(st.s) || i == 0 && lowerAfter(strings.Fields(st.text(p)))) {
		for i < p.j-1 && genusAdjectives[st.ws[i].lower] {
			i++
		}
		return e.conceptOf(st, phrase{i, p.j}, allowNew)
	}
	return e.define(ns[0], st.ev.Line, fromText)
}

// withoutGenericHead returns phrase p without a generic head noun at its
// end ("리눅스 기술", "key-value방식"), or "".
func withoutGenericHead(st *sent, p phrase) string {
	if p.empty() {
		return ""
	}
	last := st.ws[p.j-1]
	stemText := last.stem(st.s)
	if genericHeads[lowerCase(stemText)] && p.j-p.i > 1 {
		return st.text(phrase{p.i, p.j - 1})
	}
	for h := range genericHeads {
		if r, ok := strings.CutSuffix(stemText, h); ok && r != "" && !hasHangul(r) {
			return strings.TrimSpace(st.s[st.ws[p.i].start:last.start] + r)
		}
	}
	return ""
}

// objectOf is conceptOf for the object of a verb: a new concept needs a
// phrase that reads strongly as a name (see strongPhrase), since a common
// noun in object position ("데이터를 저장") is rarely a concept of the
// notes.
func (e *extractor) objectOf(st *sent, p phrase, allowNew bool) string {
	return e.object(st, p, allowNew, true)
}

// object returns the concept an object phrase names: known, or new when
// allowed (and, with strong, when the phrase reads strongly as a name). A
// generic head noun after a name is dropped: "리눅스 기술을 사용" uses
// 리눅스, "ARQ 기법을 사용" ARQ.
func (e *extractor) object(st *sent, p phrase, allowNew, strong bool) string {
	if p.empty() {
		return ""
	}
	if id := e.conceptOf(st, p, false); id != "" {
		return id
	}
	if p.j-p.i == 1 && genericNouns[lowerCase(st.ws[p.i].stem(st.s))] {
		return ""
	}
	if short := withoutGenericHead(st, p); short != "" {
		if id := e.lookupNames(parseNames(short)[0]); len(parseNames(short)) == 1 && id != "" {
			return id
		}
		if allowNew && (!strong || strongPhrase(st, phrase{p.i, p.j - 1})) {
			if ns := parseNames(short); len(ns) == 1 && nameLike(ns[0].name, true) && utf8.RuneCountInString(ns[0].name) >= 2 {
				return e.define(ns[0], st.ev.Line, fromText)
			}
		}
		return ""
	}
	return e.conceptOf(st, p, allowNew && (!strong || strongPhrase(st, p)) && englishNewName(st, p))
}

// strongPhrase reports whether p reads strongly as a name: Latin script,
// several words, a mark (bold, code, link), or a name with its alias in
// parentheses.
func strongPhrase(st *sent, p phrase) bool {
	if p.empty() {
		return false
	}
	n := 0
	for i := p.i; i < p.j; i++ {
		w := &st.ws[i]
		if w.latin || w.paren > st.ws[p.i].paren {
			return true
		}
		if !numberWord(w.text(st.s)) {
			n++
		}
	}
	if n >= 2 {
		return true
	}
	start, end := st.ws[p.i].start, st.ws[p.j-1].stemEnd
	for _, m := range st.marks {
		if m.start <= start && m.end >= end {
			return true
		}
	}
	return false
}

// englishNewName reports whether an English phrase may name a new
// concept: not one lower-case common word ("clients", "nodes").
func englishNewName(st *sent, p phrase) bool {
	if p.j-p.i > 1 || st.ko {
		return true
	}
	w := st.ws[p.i].text(st.s)
	return w != lowerCase(w) || marked(st, p) || strings.HasSuffix(w, "ing") && len(w) > 5
}

// known reports whether name is a known concept's.
func (e *extractor) known(name string) bool { return e.idx.lookup(name) != "" }

// lookupNames returns the concept any of ns's names stands for, or "".
func (e *extractor) lookupNames(ns nameSet) string {
	if id := e.idx.lookup(ns.name); id != "" {
		return id
	}
	for _, a := range ns.aliases {
		if id := e.idx.lookup(a); id != "" {
			return id
		}
	}
	return ""
}

// defineText makes a concept of a term found in a sentence, if it reads as
// a name.
func (e *extractor) defineText(s string) string {
	ns := parseNames(strings.TrimSpace(s))
	if len(ns) != 1 || !nameLike(ns[0].name, true) || utf8.RuneCountInString(ns[0].name) < 2 || genericNouns[lowerCase(ns[0].name)] {
		return ""
	}
	if id := e.lookupNames(ns[0]); id != "" {
		return id
	}
	return e.define(ns[0], e.line, fromText)
}

// defineWiki makes a concept of the note a wikilink names, with the
// link's text as another name unless it is a description ("notes on
// Samba", "Kerberos: NFS").
func (e *extractor) defineWiki(shown, target string, line int) {
	ns := parseNames(target)
	if len(ns) != 1 {
		return
	}
	if !strings.EqualFold(shown, target) && !strings.Contains(lowerCase(shown), lowerCase(target)) && !strings.ContainsAny(shown, ":@>") && nameLike(shown, true) && len(strings.Fields(shown)) <= 3 {
		ns[0].aliases = append(ns[0].aliases, shown)
	}
	e.define(ns[0], line, fromText)
}

// wikiLinks makes concepts of the notes t links to, where t says nothing
// else (a "Related" or "See also" list).
func (e *extractor) wikiLinks(t *text) {
	for _, m := range t.marks {
		if m.kind == markWiki && m.target != "" {
			e.defineWiki(strings.TrimSpace(t.s[m.start:m.end]), m.target, t.lineAt(m.start))
		}
	}
}

// defineMarked makes concepts of wikilinks, and of a bold or linked term
// that opens a sentence as its topic ("**ACID** is …", "**디렉터리
// 서비스**는?").
func (e *extractor) defineMarked(st *sent, t *text, start int) {
	for _, m := range st.marks {
		name := strings.TrimSpace(st.s[m.start:m.end])
		switch {
		case m.kind == markWiki:
			if m.target != "" {
				e.defineWiki(name, m.target, t.lineAt(start+m.start))
				continue
			}
		case strings.Contains(name, " ") && fn(lowerCase(firstWord(name))) != 0 && fn(lowerCase(firstWord(name))) != fnDet:
			continue // "Towards Robust Distributed Systems": a title, not a name
		case openingCue(name):
			continue // "**Used by**: …": a cue
		case m.start <= 1 && (m.kind == markBold || m.kind == markLink) && opensTopic(st.s[m.end:]):
		case m.kind == markCode && strings.Contains(name, " "):
			continue // "`sudo timedatectl set-ntp true`": a command
		case (m.kind == markLink || m.kind == markCode || m.kind == markItalic || m.kind == markBold) && !e.quiet && len(strings.Fields(name)) <= 4 && !compares(name) && !strings.ContainsAny(name, "/\\<>{}=$:@") && !strings.HasPrefix(name, "-"):
			// A term marked in running text: "known as _hash code_",
			// "**Linux 컨테이너**를 만들고", "`dig`".
		default:
			continue
		}
		if ns := parseNames(name); len(ns) == 1 && nameLike(ns[0].name, true) && !genericNouns[lowerCase(ns[0].name)] {
			e.define(ns[0], t.lineAt(start+m.start), fromBold)
		}
	}
	if e.quiet {
		return
	}
	// Names that read as names wherever they stand: acronyms ("CNAME",
	// "ZADD"), inner capitals ("HashTable", "FlockDB"), letters with
	// digits ("Neo4j", "IPv4"). An acronym of a concept's name is another
	// name of it ("BFS" of "Breadth-first search").
	if st.ko {
		e.latinTerms(st, t, start)
	}
	for i := range st.ws {
		w := &st.ws[i]
		if !w.latin {
			continue
		}
		name := w.stem(st.s)
		if !st.ko && i > 0 && properWord(st, i) && e.idx.lookup(name) == "" {
			// "The deque class in Python": a capital inside an English
			// sentence names something.
			e.define(nameSet{name: name}, t.lineAt(start+w.start), fromLetters)
			continue
		}
		if !namedWord(name) || genericNouns[lowerCase(name)] || fn(lowerCase(name)) != 0 || e.idx.lookup(name) != "" || e.withinName(st, i) {
			continue
		}
		if e.pass == 1 && isAcronym(name) {
			continue // its expansion may be named later in the notes
		}
		if id := e.expansion(name); id != "" {
			e.giveAlias(id, name)
			continue
		}
		e.define(nameSet{name: name}, t.lineAt(start+w.start), fromLetters)
	}
}

// withinName reports whether word i opens a longer name the notes know:
// "AVL" in "AVL 트리가" is no concept of its own.
func (e *extractor) withinName(st *sent, i int) bool {
	for j := i + 2; j <= len(st.ws) && j <= i+3 && st.ws[j-2].after == ""; j++ {
		if e.idx.lookup(st.text(phrase{i, j})) != "" {
			return true
		}
	}
	// ("BSTs" in "Self-balancing BSTs")
	for j := i - 1; j >= 0 && j >= i-2 && st.ws[j].after == ""; j-- {
		if e.idx.lookup(st.text(phrase{j, i + 1})) != "" {
			return true
		}
	}
	return false
}

// expansion returns the one concept whose name's initials spell the
// acronym a ("BFS": "Breadth-first search"), or "".
func (e *extractor) expansion(a string) string {
	if !isAcronym(a) || strings.ContainsAny(a, "-/0123456789") {
		return ""
	}
	k := strings.ToUpper(a)
	var ids []string
	if e.base != nil {
		ids = slices.Clone(e.base.initials[k])
	}
	for _, c := range e.concepts {
		if initialsOf(c.name) == k && !slices.Contains(ids, c.id) {
			ids = append(ids, c.id)
		}
	}
	if len(ids) == 1 {
		return ids[0]
	}
	return ""
}

// indexInitials maps the initials of every concept's multi-word Latin
// name to the concept, for the notes read over e (see expansion).
func (e *extractor) indexInitials() {
	e.initials = map[string][]string{}
	for _, c := range e.concepts {
		if k := initialsOf(c.name); k != "" && !slices.Contains(e.initials[k], c.id) {
			e.initials[k] = append(e.initials[k], c.id)
		}
	}
}

// reindexInitials brings e.initials up to date after the concepts ids
// changed, whose fingerprints were those of before (see fingerprint;
// none for a concept that is new). Expansion reads only how many
// concepts each list holds, so a concept is put at the end of its list.
func (e *extractor) reindexInitials(ids []string, before map[string]string) {
	for _, id := range ids {
		name, _, _ := strings.Cut(before[id], "\x00")
		if k := initialsOf(name); k != "" {
			if rest := slices.DeleteFunc(slices.Clone(e.initials[k]), func(x string) bool { return x == id }); len(rest) > 0 {
				e.initials[k] = rest
			} else {
				delete(e.initials, k)
			}
		}
	}
	for _, id := range ids {
		if c := e.get(id); c != nil {
			if k := initialsOf(c.name); k != "" && !slices.Contains(e.initials[k], id) {
				e.initials[k] = append(e.initials[k], id)
			}
		}
	}
}

// initialsOf returns the capitals of a multi-word Latin name's words
// ("Breadth-first search": "BFS"), or "".
func initialsOf(name string) string {
	ws := strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' })
	if len(ws) < 2 || !isLatin(name) {
		return ""
	}
	var b strings.Builder
	for _, w := range ws {
		b.WriteRune(unicode.ToUpper(firstRune(w)))
	}
	return b.String()
}

// latinTerms defines the capitalised English terms of a Korean sentence:
// "Race Condition이 발생", "Access Token의 저장", "Fork를 하면". Korean notes
// write the terms they mean in English.
func (e *extractor) latinTerms(st *sent, t *text, start int) {
	for i := 0; i < len(st.ws); {
		w := &st.ws[i]
		if !w.latin || !unicode.IsUpper(firstRune(w.text(st.s))) || w.paren > 0 {
			i++
			continue
		}
		j := i + 1
		for j < len(st.ws) && j-i < 4 && st.ws[j].latin && st.ws[j].paren == 0 && !st.ws[j-1].hard() && st.ws[j-1].stemEnd == st.ws[j-1].end &&
			(unicode.IsUpper(firstRune(st.ws[j].text(st.s))) || st.ws[j].fn == 0 && j+1 < len(st.ws) && st.ws[j+1].latin && unicode.IsUpper(firstRune(st.ws[j+1].text(st.s)))) {
			j++
		}
		if j < len(st.ws) && j-i < 4 && st.ws[j].latin && st.ws[j].paren == 0 && st.ws[j].fn == 0 && !st.ws[j-1].hard() && st.ws[j-1].stemEnd == st.ws[j-1].end && st.ws[j].stemEnd < st.ws[j].end {
			j++ // "Exactly once는": the English words up to the particle
		}
		name := st.s[w.start:st.ws[j-1].stemEnd]
		if len(name) >= 3 && !isAcronym(name) && fn(lowerCase(firstWord(name))) == 0 && !genericNouns[lowerCase(name)] && e.idx.lookup(name) == "" {
			if ns, ok := nameOf(name); ok {
				e.define(ns, t.lineAt(start+w.start), fromLetters)
			}
		}
		i = j
	}
}

// properWord reports whether word i of an English sentence is a proper
// name standing alone: capitalised, not where a sentence or clause opens,
// and not part of a run of capitalised words (a title, or a longer name
// the rules read as a phrase).
func properWord(st *sent, i int) bool {
	w := &st.ws[i]
	t := w.text(st.s)
	r := firstRune(t)
	if !unicode.IsUpper(r) || len(t) < 3 || isAcronym(t) || w.fn != 0 || strings.ContainsAny(t, "-'") {
		return false
	}
	prev := &st.ws[i-1]
	if strings.ContainsAny(prev.after, ".:!?;\"“”(") || unicode.IsUpper(firstRune(prev.text(st.s))) {
		return false
	}
	if i+1 < len(st.ws) && unicode.IsUpper(firstRune(st.ws[i+1].text(st.s))) && !strings.ContainsAny(w.after, ",;") {
		return false
	}
	return true
}

// namedWord reports whether a Latin word reads as a name by its letters
// alone: an acronym of two or more capitals, a word with a capital inside
// it, or letters with digits.
func namedWord(w string) bool {
	if len(w) < 2 || len(w) > 30 {
		return false
	}
	upper, lower, digit := 0, 0, 0
	inner := false
	for i, r := range w {
		switch {
		case r >= 'A' && r <= 'Z':
			upper++
			if i > 0 {
				inner = true
			}
		case r >= 'a' && r <= 'z':
			lower++
		case r >= '0' && r <= '9':
			digit++
		case r == '-' || r == '.' || r == '+':
		default:
			return false
		}
	}
	switch {
	case upper >= 2 && lower == 0:
		return true // "CNAME", "ZADD", "EUI-64"
	case inner && lower > 0:
		return true // "HashTable", "FlockDB", "nfs4_editfacl" is not: "_"
	case digit > 0 && upper+lower >= 2 && unicode.IsLetter(rune(w[0])):
		return true // "Neo4j", "Python3"
	}
	return false
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
	for _, p := range []string{"은", "는", "이란", "란", "이 ", "가 ", "도 ", "의 경우", ":", " -", "—", "(", "이라는", "라는"} {
		if strings.HasPrefix(r, p) {
			return true
		}
	}
	lower := lowerCase(r)
	for _, w := range []string{"is ", "are ", "was ", "means ", "refers ", "uses ", "provides ", "allows ", "stores "} {
		if strings.HasPrefix(lower, w) {
			return true
		}
	}
	return false
}

// kindsOfTopic reports whether the text after "G의 종류" makes G's kinds
// the sentence's topic: "에는", "로는", "는".
func kindsOfTopic(rest string) bool {
	for _, p := range []string{"에는", "으로는", "로는", "는 ", "은 ", "에 는"} {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

// keywordWord reports whether s is written in capitals, as keywords are,
// with two letters or more.
func keywordWord(s string) bool {
	return len(s) > 1 && s == strings.ToUpper(s) && s != strings.ToLower(s)
}

// cueRules reads the sentence's cue phrases. It reports whether any of
// them stated a type_of or example_of of the topic, so that the
// definition rules need not read it again.
func (e *extractor) cueRules(st *sent, c ctx, topic string) bool {
	typed := false
	for _, h := range e.cuesOf(st) {
		if c.only != nil && !c.only(h.c.rel) {
			continue
		}
		if e.insideName(st, h) {
			continue // "규칙 기반 옵티마이저(RBO)": a name, not "based on 규칙"
		}
		if h.c.lang == "en" && h.c.rel != graph.ComparedWith && st.s[h.at:h.end] != st.lower[h.at:h.end] && keywordWord(st.s[h.at:h.end]) {
			continue // "WRITE THROUGH", "ORDER BY": a keyword, not "through"
		}
		if negated(st, h) {
			continue
		}
		if h.c.rel == graph.OppositeOf && h.c.lang == "en" && st.wordAt(h.at) <= 1 {
			continue // "The opposite of X is Y": the definition rules read it
		}
		if (h.c.phrase == "vs" || h.c.phrase == "vs.") && vsLead(st.s) {
			continue // "Rebase vs merge: merge keeps …": a title, then its text (compareSentence)
		}
		switch h.c.kind {
		case cueObject, cuePassive, cueUsedFor:
			if h.c.rel == graph.TypeOf && h.c.lang == "ko" && kindsOfTopic(st.s[h.end:]) {
				continue // "격리 수준의 종류에는 A, B가 있다": the kinds of it, not what the subject is
			}
			if e.frame(st, c, topic, h) && (h.c.rel == graph.TypeOf || h.c.rel == graph.ExampleOf) && !inRelative(st, h.at) {
				typed = true // (but "a message broker that implements AMQP" is still a definition)
			}
		case cueEnum:
			if e.hearst(st, c, topic, h) {
				typed = true
			}
		case cuePair:
			e.pair(st, c, topic, h)
		case cueAlias:
			e.alias(st, c, topic, h)
		}
	}
	if c.only == nil && e.existence(st, c, topic) {
		typed = true
	}
	if c.only == nil && e.counted(st, c, topic) {
		typed = true
	}
	if c.only == nil && e.eitherKinds(st) {
		typed = true
	}
	if c.only == nil || c.only(graph.Uses) {
		e.bareUse(st, c, topic)
	}
	if (c.only == nil || c.only(graph.ComparedWith)) && e.compareSentence(st) && differenceTopic(st) > 0 {
		typed = true // what the difference "is" is no genus
	}
	return typed
}

// inRelative reports whether byte offset at of an English sentence is
// inside a relative clause: after "that" or "which" following a noun.
func inRelative(st *sent, at int) bool {
	if st.ko {
		return false
	}
	for i := 1; i < len(st.ws) && st.ws[i].start < at; i++ {
		if relativeWords[st.ws[i].lower] && st.ws[i-1].fn == 0 {
			return true
		}
	}
	return false
}

// insideName reports whether a cue stands inside a bare noun phrase that
// is a known concept's name: "기반" in "규칙 기반 옵티마이저".
func (e *extractor) insideName(st *sent, h cueHit) bool {
	k := st.wordAt(h.at)
	if k+1 >= len(st.ws) || k <= 0 || st.ws[k].kind != endNone || st.ws[k].start != h.at || st.ws[k].end != h.end {
		return false
	}
	for j := k + 1; j < len(st.ws) && j <= k+3; j++ {
		if p := st.koreanPhraseAt(j); !p.empty() && p.i < k && e.idx.lookup(st.text(p)) != "" {
			return true
		}
		if st.ws[j].kind != endNone {
			break
		}
	}
	return false
}

// subjectBefore is the subject of a cue at word k: for English the noun
// phrase right before it, for Korean the phrase marked as topic or subject
// in the clause before it; a pronoun or no phrase at all stands for the
// topic, then the concept of the text around.
func (e *extractor) subjectBefore(st *sent, c ctx, topic string, k int, lang string) string {
	if lang == "en" {
		p := st.englishPhraseBefore(k)
		switch {
		case p.empty():
			if k > 1 && st.ws[k-1].lower == "to" {
				// "It is important to use X": advice about the concept of
				// the text; "to query based on …": a purpose.
				if adviceWords[st.ws[k-2].lower] {
					return c.subject
				}
				return ""
			}
			if k > 0 && relativeWords[st.ws[k-1].lower] {
				// "nodes that contain a replica": the antecedent.
				q := st.englishPhraseBefore(k - 1)
				if q.empty() {
					return ""
				}
				if id := e.definiendum(st, c, q); id != "" {
					return id
				}
				return e.conceptOf(st, q, false)
			}
			if k > 0 {
				j, modal := k-1, false
				for j > 0 && (st.ws[j].fn == fnAdverb || st.ws[j].fn == fnAux) {
					modal = modal || st.ws[j].fn == fnAux
					j--
				}
				if w := st.ws[j].lower; personWords[w] || w == "users" {
					if modal && st.ws[k].lower == "use" && j > 0 {
						// "Heap is the usual implementation, but you could
						// also use a BST": what the text's concept may be
						// built with.
						return c.subject
					}
					return "" // "you need a majority": advice
				}
				if j > 0 && (baseVerb(st.ws[j].lower) || englishVerb(st.ws[j].lower)) {
					// "Clients connect via TLS": the phrase opening the
					// sentence, before its verb, is the subject, whether
					// it names a concept or not.
					if q := st.englishPhraseBefore(j); !q.empty() && q.i == 0 && !pronounPhrase(st, q) && st.ws[0].lower != "it" && st.ws[0].lower != "this" {
						return e.conceptOf(st, q, false)
					}
				}
			}
		case pronounPhrase(st, p) || st.ws[p.i].lower == "it" || st.ws[p.i].lower == "this":
		default:
			if p.i > 0 && st.ws[p.i-1].lower == "to" {
				return ""
			}
			if p.j == k && p.i > 0 && (c.first || c.own) && strings.Contains(st.ws[p.j-1].after, ",") && (englishVerb(st.ws[k].lower) || madeWords[st.ws[k].lower] || describingParticiples[st.ws[k].lower]) {
				// "– automation server written in Java, uses Groovy …": a
				// clause of its own after the comma, its subject left out,
				// is about the concept of the text.
				return c.subject
			}
			if p.i == 0 && p.j == k && k == 1 && (c.first || c.own) && c.subject != "" && strings.Contains(st.ws[0].after, ",") && englishVerb(st.ws[k].lower) && (adjective(st.ws[0].lower) || predicative(st.ws[0].lower)) {
				// "Push-based, uses SSH": a quality, then a clause, both
				// said of the concept of the text.
				return c.subject
			}
			if p.i == 0 && c.first && c.subject != "" && !unicode.IsUpper(firstRune(st.ws[0].text(st.s))) && describedAfter(st, p) {
				// "– hosted CI service, uses orbs", "– server written in
				// Go": the genus opening the concept's text is it.
				return c.subject
			}
			if p.i > 0 && relativeWords[st.ws[p.i-1].lower] {
				// "… an algorithm which uses X": the antecedent.
				if q := st.englishPhraseBefore(p.i - 1); !q.empty() {
					if id := e.definiendum(st, c, q); id != "" {
						return id
					}
					p = q
				}
			} else if k > p.j || participle(st.ws[k].lower) {
				// "HTTP is a protocol built on top of TCP": the genus, and
				// a participle after it, say it of HTTP.
				if id := e.definiendum(st, c, p); id != "" {
					return id
				}
			}
			// An opening noun phrase with no verb of its own describes the
			// concept of its text: "Google development based on UDP", a
			// genus, though the definition made it a concept. A name is
			// the subject ("Docker Swarm based on …").
			if p.i == 0 && (c.first || c.own) && !hasVerb(st, p.j) && !hasVerbBetween(st, p.j, k) && !unicode.IsUpper(firstRune(st.ws[p.j-1].text(st.s))) {
				return c.subject
			}
			// "etcd: a key-value store used by the API server": an
			// indefinite genus opening the concept's own text is it.
			// ("A hash function is used to …" has a verb: it is the
			// subject.)
			if p.i == 1 && indefinite(st.ws[0].lower) && c.first && c.own && !hasVerbBetween(st, p.j, k) && !(k < len(st.ws) && beWord(st.ws[k].lower)) {
				return c.subject
			}
			// "The CAP acronym stands for …" under CAP Theorem.
			if p.j-p.i == 2 && genericHeads[st.ws[p.j-1].lower] && strings.HasPrefix(lowerCase(e.nameOf(c.subject)), lowerCase(st.ws[p.i].text(st.s))+" ") {
				return c.subject
			}
			// A phrase is there: it is the subject, or the sentence is
			// about something we do not know ("Each value contains …").
			return e.conceptOf(st, p, nameLikePhrase(st, p) && startsName(st, p) && englishNewName(st, p))
		}
		if topic != "" {
			return topic
		}
		return c.subject
	}
	modified := false // a modifier stands between: "데이터 양이 중요한 빅데이터에"
	for i := k - 1; i >= 0; i-- {
		w := &st.ws[i]
		if (w.kind == endPredicate || w.kind == endCopula) && (w.hard() || !postpositionVerb(w.text(st.s))) {
			break // a clause ends here: "Key가 백만개 이상인데 …"
		}
		if w.kind == endModifier {
			modified = true
			continue
		}
		if w.kind == endSubject && modified {
			continue // the subject of a modifier clause
		}
		if w.kind == endTopic || w.kind == endSubject {
			if i+1 < len(st.ws) && strings.HasPrefix(st.ws[i+1].text(st.s), "아니") || st.ws[min(i+1, len(st.ws)-1)].text(st.s) == "아닌" {
				continue // "테이블이 아닌": not the subject
			}
			p := st.koreanPhraseAt(i)
			if pronounPhrase(st, p) {
				break
			}
			if p.empty() {
				if j := i - 1; w.stemEnd == w.start && j >= 0 && numberWord(st.ws[j].text(st.s)) {
					return "" // "장애의 99%는 …": a share of something, not the text's concept
				}
				break
			}
			if p.j-p.i == 1 && exampleNouns[st.ws[p.j-1].stem(st.s)] {
				continue // "TCP를 사용하는 예로는 …": not the subject
			}
			// The clause names its subject: that, or something we do not
			// know ("많은 업체가 …", "99%는 …") — not the text's concept.
			return e.objectOf(st, p, nameLikePhrase(st, p))
		}
	}
	if topic != "" {
		return topic
	}
	return c.subject
}

// definiendum is the subject of "X is a G that …" when phrase q is G, the
// genus a relative clause hangs from: what the clause says of G it says
// of X ("Git is a version control system which uses …": Git uses it).
// It returns "" when q is no genus.
func (e *extractor) definiendum(st *sent, c ctx, q phrase) string {
	i := q.i
	if i > 0 && st.ws[i-1].fn == fnDet {
		i--
	}
	if i == q.i && i >= 3 && st.ws[i-1].lower == "of" && kindWord(st.ws[i-2].lower) && st.ws[i-3].fn == fnDet {
		i -= 3 // "X is a type of G that uses …"
	}
	if i < 2 || i == q.i || st.ws[i-1].fn != fnAux {
		return ""
	}
	if !beWord(st.ws[i-1].lower) {
		return ""
	}
	x := st.englishPhraseBefore(i - 1)
	switch {
	case x.empty() && st.ws[i-2].fn == fnPronoun && i == 2:
		return c.subject // "It is a protocol that uses TCP"
	case x.empty():
		return ""
	case pronounPhrase(st, x) || st.ws[x.i].lower == "it" || st.ws[x.i].lower == "this":
		return c.subject
	}
	return e.conceptOf(st, x, false)
}

// beWord reports whether w is a form of "to be" that states something.
func beWord(w string) bool { return w == "is" || w == "are" || w == "was" || w == "were" }

// hasVerbBetween reports whether an auxiliary or known verb stands in
// words [from, to).
func hasVerbBetween(st *sent, from, to int) bool {
	for i := from; i < to && i < len(st.ws); i++ {
		if st.ws[i].fn == fnAux || englishVerb(st.ws[i].lower) {
			return true
		}
	}
	return false
}

// postpositionVerb reports whether a Korean verb form works as a
// postposition ("위해", "통해", "따라"), which does not end a clause.
func postpositionVerb(w string) bool {
	for _, p := range []string{"위해", "위하여", "위해서", "통해", "통하여", "통해서", "대해", "대하여", "따라", "의해", "의하여", "비해", "관해", "인해", "함께", "같이", "달리"} {
		if w == p {
			return true
		}
	}
	return false
}

// startsName reports whether an English phrase found before a verb is the
// start of a name rather than the end of a clause.
func startsName(st *sent, p phrase) bool {
	return p.i == 0 || p.i > 0 && (st.ws[p.i-1].fn == fnDet || sentenceOpeners[st.ws[p.i-1].lower] || st.ws[p.i-1].hard() || relativeWords[st.ws[p.i-1].lower] || st.ws[p.i-1].fn == fnConj)
}
