package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"conceptgraph/graph"
)

// A concept name as written: "DHCP (Dynamic Host Configuration Protocol)",
// "모놀리식(monolithic) 아키텍쳐", "Root DNS/Local DNS".

// nameSet is one concept's names as read from one title: the name first.
type nameSet struct {
	name    string
	aliases []string
}

// parseNames reads the names in a title. A slash between two multi-word
// names ("Root DNS/Local DNS") gives two concepts; parentheses give aliases
// (a translation, an acronym or its expansion, "or …", "= …") or are
// dropped as qualifiers ("Mutex Lock (hardware-based)").
func parseNames(s string) []nameSet {
	ns, ok := nameMemo.peek(s)
	if !ok {
		s = strings.Clone(s)
		ns = parseNames1(s)
		nameMemo.put(s, ns)
	}
	// Callers may add aliases to what they are given: a copy each.
	out := slices.Clone(ns)
	for i := range out {
		out[i].aliases = slices.Clip(out[i].aliases)
	}
	return out
}

var nameMemo = newMemo[string, []nameSet](1 << 16)

func parseNames1(s string) []nameSet {
	s = cleanTitle(s)
	if s == "" {
		return nil
	}
	if parts := strings.Split(s, "/"); len(parts) == 2 && strings.Contains(strings.TrimSpace(parts[0]), " ") && strings.Contains(strings.TrimSpace(parts[1]), " ") && !strings.Contains(s, "(") {
		var out []nameSet
		for _, p := range parts {
			out = append(out, parseNames(p)...)
		}
		return out
	}
	ns, ok := parseParens(s)
	if !ok {
		return nil
	}
	return []nameSet{ns}
}

// cleanTitle strips what frames a name in a title: "란?", trailing
// punctuation, numbering, emphasis leftovers.
func cleanTitle(s string) string {
	s = strings.TrimSpace(strings.TrimFunc(strings.TrimSpace(s), pictograph)) // "✅ paging", "🚀 Deploy"
	s = strings.TrimSpace(strings.TrimRight(s, "↑↓⬆⬇"))                       // "처리량 ↑": more of it is better
	s = dropNotePrefix(strings.Trim(s, "*_`#"))
	s = dropQuestionLabel(s) // "Follow-up: HS256 or RS256?"
	if strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]") {
		s = strings.TrimSpace(s[1 : len(s)-1]) // "**[빠른 회복(Fast Recovery)]**"
	} else if strings.HasPrefix(s, "[") {
		if i := strings.Index(s, "]"); i > 0 && i < 12 && !strings.Contains(s[:i], "(") {
			s = strings.TrimSpace(s[i+1:]) // "[CS] 캐시 메모리": a tag, then the name
		}
	}
	for _, suf := range []string{"이란 무엇인가?", "란 무엇인가?", "이란 무엇인가", "란 무엇인가", "이란?", "란?", " 이란", "이란", "란", "?", "!", ":", "：", "."} {
		if strings.HasSuffix(s, suf) && utf8.RuneCountInString(s) > utf8.RuneCountInString(suf)+1 {
			rest := strings.TrimSpace(strings.TrimSuffix(s, suf))
			// "란" only ends a name when what precedes it is a complete
			// name, e.g. "DevOps란"; keep it in names like "대란".
			if (suf == "란" || suf == "이란") && !strings.HasSuffix(rest, ")") && !endsLatin(rest) {
				continue
			}
			s = rest
		}
	}
	return dropNoteWord(strings.TrimSpace(dropNumbering(s)))
}

// datePattern is a date as notes write it: "2026-11-30", "2026.11.30",
// "20261130".
const datePattern = `(?:\d{2,4}[-./]\d{1,2}[-./]\d{1,2}|\d{6,8})`

var (
	// tilRe opens a title that dates its note: "TIL 2026-11-30",
	// "[TIL] 2026.11.30 -", "Today I Learned:".
	tilRe  = regexp.MustCompile(`(?i)^(?:\[?(?:til|today i learned)\]?)(?:\s*[-–—:|]?\s*` + datePattern + `)?\s*[-–—:|]?\s+`)
	dateRe = regexp.MustCompile(`^` + datePattern + `$`)
	// dateOpenRe is a date opening a title, on its own or before a
	// separator.
	dateOpenRe = regexp.MustCompile(`^` + datePattern + `(?:$|\s|[-–—:|(])`)
)

// dropNotePrefix drops what dates a note's title before its concept: "TIL
// 2026-11-30 HTTP 캐시" is about HTTP 캐시.
// A title that is only "TIL 2024-03-02" names no concept: it is "".
func dropNotePrefix(s string) string {
	if s != "" && s[0] >= '0' && s[0] <= '9' {
		// "2026-03-04", "2026-03-04 (Tue)", "2026.03.04 — 세마포어": a
		// journal's day, then what it is about, if anything.
		if loc := dateOpenRe.FindStringIndex(s); loc != nil {
			rest := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(s[loc[1]:]), "-–—:|"))
			if rest == "" || strings.HasPrefix(rest, "(") && strings.HasSuffix(rest, ")") {
				return ""
			}
			return rest
		}
	}
	// Every title is checked, and tilRe matches only text that starts
	// with "t" or "T" after at most one "[": others are not given to it.
	if t := strings.TrimPrefix(s, "["); t == "" || t[0]|0x20 != 't' {
		return s
	}
	if loc := tilRe.FindStringIndex(s + " "); loc != nil {
		rest := strings.TrimSpace(s[min(loc[1], len(s)):])
		if dateRe.MatchString(rest) {
			return ""
		}
		return rest
	}
	return s
}

// noteWords end a title that names its note, not its concept: "CI/CD 도구
// 정리", "Kubernetes notes".
var noteWords = map[string]bool{"정리": true, "요약": true, "노트": true, "메모": true, "공부": true, "스터디": true,
	"notes": true, "note": true, "summary": true, "cheatsheet": true, "cheat-sheet": true, "prep": true, "준비": true,
	"기록": true, "review": true, "recap": true}

// dropNoteWord drops a note word that ends a title of several words, and
// a dash before what the note is for: "Distributed Systems — interview
// prep", "Redis - 면접 준비".
func dropNoteWord(s string) string {
	if strings.IndexByte(s, ' ') < 0 {
		return s
	}
	if noteWords[strings.ToLower(lastWord(s))] {
		for _, dash := range []string{" — ", " – ", " - "} {
			if i := strings.LastIndex(s, dash); i > 0 {
				return strings.TrimSpace(s[:i])
			}
		}
	}
	if i := strings.LastIndexByte(s, ' '); i > 0 && noteWords[strings.ToLower(s[i+1:])] && !ownTitle(s) {
		return strings.TrimSpace(s[:i])
	}
	return s
}

// dropNumbering drops the number of a numbered title: "1. ", "2) ",
// and the mark of an interview question: "Q. ", "Q3: ", "A) ".
func dropNumbering(s string) string {
	t := strings.TrimLeft(s, " \t")
	if len(t) > 2 && (t[0] == 'Q' || t[0] == 'q') {
		if d := len(t) - len(strings.TrimLeft(t[1:], "0123456789")); d < len(t) && (t[d] == '.' || t[d] == ':' || t[d] == ')') {
			if rest := strings.TrimLeft(t[d+1:], " \t"); len(rest) < len(t[d+1:]) {
				return rest
			}
		}
	}
	d := len(t) - len(strings.TrimLeft(t, "0123456789"))
	// "2-1. 생성 패턴", "3.2) …": a numbered subsection.
	for d > 0 && d+1 < len(t) && (t[d] == '-' || t[d] == '.') && t[d+1] >= '0' && t[d+1] <= '9' {
		d += 1 + len(t[d+1:]) - len(strings.TrimLeft(t[d+1:], "0123456789"))
	}
	if d == 0 || d == len(t) || t[d] != '.' && t[d] != ')' {
		if d > 0 && d < len(t) && t[d] == ' ' && strings.ContainsAny(t[:d], ".-") {
			return strings.TrimLeft(t[d:], " \t") // "2.1 생성 패턴"
		}
		return s
	}
	rest := t[d+1:]
	if r := strings.TrimLeft(rest, " \t\n"); len(r) < len(rest) {
		return r
	}
	return s
}

func endsLatin(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// parseParens splits "outside (inside)" into a name and aliases.
func parseParens(s string) (nameSet, bool) {
	open := strings.IndexAny(s, "(（")
	if open < 0 {
		s = collapseSpace(s)
		return nameSet{name: s}, s != ""
	}
	closeRel := strings.IndexAny(s[open:], ")）")
	if closeRel < 0 {
		s = collapseSpace(openParens.Replace(s))
		return nameSet{name: s}, s != ""
	}
	closeAt := open + closeRel
	_, openW := utf8.DecodeRuneInString(s[open:])
	_, closeW := utf8.DecodeRuneInString(s[closeAt:])
	before := strings.TrimSpace(s[:open])
	inside := strings.TrimSpace(s[open+openW : closeAt])
	after := strings.TrimSpace(s[closeAt+closeW:])
	if open > 0 && s[open-1] != ' ' && utf8.RuneCountInString(inside) <= 3 && !isAcronym(inside) && !hasHangul(inside) && endsLatin(s[:open]) {
		// "O(N)", "f(x)": notation, part of the name.
		rest, ok := parseParens(after)
		name := collapseSpace(s[:closeAt+closeW] + " " + rest.name)
		return nameSet{name: name, aliases: rest.aliases}, ok || after == ""
	}
	if strings.ContainsAny(after, "(（") {
		// Only the first parenthesis names; later ones are qualifiers.
		after = strings.TrimSpace(strings.Split(strings.Split(after, "(")[0], "（")[0])
	}
	if before == "" {
		// "(주) 회사" and the like: no name outside.
		return parseParens(strings.TrimSpace(inside + " " + after))
	}
	name := collapseSpace(before + " " + after)
	ns := nameSet{name: name}
	alts := splitAliases(inside)
	if len(alts) > 2 || parenMembers(before, alts) {
		// "메모리 영역(Code, Data, Stack, Heap)", "key pair (RSA,
		// ECDSA)": members, not names.
		return ns, name != ""
	}
	for _, alt := range alts {
		if !isAlias(before, alt) {
			continue
		}
		if after != "" {
			// "모놀리식(monolithic) 아키텍쳐": the alias replaces the word
			// before the parenthesis.
			words := strings.Fields(before)
			prefix := strings.Join(words[:len(words)-1], " ")
			ns.aliases = append(ns.aliases, collapseSpace(prefix+" "+alt+" "+after))
		} else {
			ns.aliases = append(ns.aliases, alt)
		}
	}
	return ns, name != ""
}

// parenMembers reports whether two names in parentheses after outer
// are members of what it names rather than other names of it: both in
// one script, and neither an expansion of outer or outer of it ("(RSA,
// ECDSA)", not "(Cross-Site Request Forgery, 사이트 간 요청 위조)").
func parenMembers(outer string, alts []string) bool {
	if len(alts) != 2 || hasHangul(alts[0]) != hasHangul(alts[1]) {
		return false
	}
	for _, a := range alts {
		if strings.EqualFold(initials(a), outer) || strings.EqualFold(initials(outer), a) || strings.EqualFold(a, outer) {
			return false
		}
	}
	return true
}

// parenMembersMany is parenMembers for three names or more: none is the
// class's acronym, expansion or name ("domain name system (DNS, …)").
func parenMembersMany(outer string, alts []string) bool {
	if outer == "" {
		return false
	}
	for _, a := range alts {
		if strings.EqualFold(initials(a), outer) || strings.EqualFold(initials(outer), a) || strings.EqualFold(a, outer) {
			return false
		}
	}
	return true
}

func splitAliases(inside string) []string {
	inside = strings.TrimSpace(inside)
	eq := strings.HasPrefix(inside, "=")
	inside = strings.TrimLeft(inside, "= ")
	var out []string
	for _, p := range strings.FieldsFunc(inside, func(r rune) bool { return r == ',' || r == '，' || r == ';' }) {
		p = strings.TrimSpace(p)
		if eq {
			p = strings.TrimLeft(p, "= ")
		}
		if strings.HasPrefix(lowerCase(p), "or ") {
			p = strings.TrimSpace(p[3:])
		}
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

var openParens = strings.NewReplacer("(", " ", "（", " ")

// isAlias reports whether the parenthesised alt names the same thing as
// outer, rather than qualifying it.
func isAlias(outer, alt string) bool {
	if utf8.RuneCountInString(alt) > 60 || strings.ContainsAny(alt, "=:") || len(strings.Fields(alt)) > 6 {
		return false
	}
	if parenRemark(alt) {
		return false // "파이프라인 (MIPS 기준)", "Implicit(이제 비권장)", "Turbopack (Rust, Next.js용)": a remark
	}
	if hasHangul(outer) != hasHangul(alt) {
		return true // a translation
	}
	if isAcronym(alt) || isAcronym(lastWord(outer)) {
		return true
	}
	if hasHangul(alt) {
		return true // Korean both sides: a second Korean name
	}
	// Latin both sides, neither an acronym: an expansion only if its
	// initials spell the outer name; otherwise a qualifier such as
	// "hardware-based".
	return strings.EqualFold(initials(alt), outer)
}

// parenRemarks end a remark in parentheses, which names nothing: what
// the name is measured by, whether it is recommended, what it excludes.
var parenRemarks = map[string]bool{"기준": true, "기준으로": true, "참고": true, "예시": true, "이상": true, "이하": true,
	"이후": true, "이전": true, "위주": true, "한정": true, "제외": true, "포함": true, "권장": true, "비권장": true, "추천": true,
	"필수": true, "선택": true, "생략": true, "가능": true, "불가": true, "주의": true, "있음": true, "없음": true, "필요": true,
	"불필요": true, "지원": true, "미지원": true, "사용": true, "미사용": true, "아님": true, "작성": true, "기반": true,
	"구현": true, "개발": true}

// parenRemark reports whether what parentheses hold is a Korean remark,
// no other name of what precedes them: it ends in one of parenRemarks or
// in a purpose ("Next.js용").
func parenRemark(inside string) bool {
	last := lastWord(inside)
	return hasHangul(inside) && (parenRemarks[last] || purposeWord(last))
}

// purposeWord reports whether a word is a noun with 용 ("for") written
// onto it: "Next.js용", "앱용", "타입용"; not a noun that ends in the
// syllable ("사용", "비용", "재사용").
func purposeWord(w string) bool {
	rest, ok := strings.CutSuffix(w, "용")
	if !ok || rest == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(rest)
	return !hasHangul(rest) || !yongNouns[string(last)+"용"]
}

// yongNouns are nouns of two syllables ending in 용, whose 용 is no suffix.
var yongNouns = map[string]bool{"사용": true, "이용": true, "활용": true, "적용": true, "허용": true, "수용": true, "내용": true,
	"비용": true, "범용": true, "운용": true, "응용": true, "작용": true, "전용": true, "공용": true, "혼용": true,
	"통용": true, "차용": true, "채용": true, "고용": true, "신용": true, "인용": true, "효용": true, "오용": true, "남용": true,
	"악용": true, "도용": true, "착용": true, "포용": true, "실용": true, "겸용": true, "용용": true}

func lastWord(s string) string {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	if i := strings.LastIndexFunc(s, unicode.IsSpace); i >= 0 {
		_, n := utf8.DecodeRuneInString(s[i:])
		return s[i+n:]
	}
	return s
}

func initials(s string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' }) {
		r, _ := utf8.DecodeRuneInString(w)
		b.WriteRune(r)
	}
	return b.String()
}

// isAcronym reports whether s is an acronym such as DNS, IaaS or K8s: short,
// Latin, and mostly capitals.
func isAcronym(s string) bool {
	n, upper := 0, 0
	for _, r := range s {
		if r > unicode.MaxASCII || !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '/') {
			return false
		}
		n++
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			upper++
		}
	}
	return n >= 2 && n <= 10 && upper*2 > n && unicode.IsUpper(firstRune(s))
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// lastRune returns the last rune of s, or utf8.RuneError for "".
func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func collapseSpace(s string) string {
	// Most names have single spaces only: nothing to do.
	prev := ' '
	for i, r := range s {
		if unicode.IsSpace(r) && (r != ' ' || prev == ' ' || i == len(s)-1) {
			return strings.Join(strings.Fields(s), " ")
		}
		prev = r
	}
	return s
}

func hasHangul(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if isHangul(r) {
			return true
		}
		i += n
	}
	return false
}

func isHangul(r rune) bool {
	switch {
	case r < 0x1100:
		return false
	case r >= 0xAC00 && r <= 0xD7A3: // the syllables, nearly every case
		return true
	}
	return unicode.Is(unicode.Hangul, r)
}

func isLatin(s string) bool {
	letters := 0
	for _, r := range s {
		if r > unicode.MaxASCII {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 0
}

// nameLike reports whether s reads as the name of a thing rather than a
// statement. Strict mode, for plain list items, also rejects clauses
// ("컨텐츠를 배포하는 기술"); titles may be longer noun phrases
// ("프로세스에 할당되는 메모리 영역").
// maxNameRunes is the longest a name can be.
const maxNameRunes = 60

func nameLike(s string, strict bool) bool {
	k := titleKey{s, strict}
	if v, ok := nameLikeMemo.peek(k); ok {
		return v
	}
	k.raw = strings.Clone(s)
	v := nameLike1(k.raw, strict)
	nameLikeMemo.put(k, v)
	return v
}

var nameLikeMemo = newMemo[titleKey, bool](1 << 16)

func nameLike1(s string, strict bool) bool {
	s = strings.TrimSpace(s)
	if s == "" || utf8.RuneCountInString(s) > maxNameRunes || strings.ContainsAny(s, "\n") {
		return false
	}
	if endsSentence(s) || strings.HasSuffix(s, ",") || strict && strings.ContainsAny(s, ",，") {
		return false
	}
	if strings.Count(s, "(") != strings.Count(s, ")") {
		return false // "true)": the end of a remark, cut from its opening
	}
	if strings.HasSuffix(s, "않") || strings.HasSuffix(s, "지 못") || strings.Contains(s, "지 않") {
		return false // "되어있지 않": a denied verb, cut from its clause
	}
	words := strings.Fields(s)
	limit := 8
	if strict {
		limit = 5
	}
	if len(words) > limit || strict && strings.ContainsAny(s, "|=<>{};") {
		return false
	}
	for i, w := range words {
		lw := lowerCase(strings.Trim(w, ",.()"))
		if i == 0 && len(words) > 1 && len(w) == 1 && hasHangul(words[1]) {
			continue // "A 클래스", "B 트리": a letter that names, not an article
		}
		if strict && enClauseWords[lw] && (fn(lw) != 0 || i == 0 && len(words) > 1 && !nominalVerb(words) && !participleName(words) || w == lw && len(words) == 1) {
			return false // "Use X", "the …", "is": a clause; "Sorted Set", "Set" are names
		}
		// A bold or heading name may hold "your" ("Read Your Own Writes
		// Consistency"), never a verb or an article inside.
		if len(words) > 1 && (fn(lw) == fnAux || i == 0 && imperatives[lw] && lowerAfter(words) && !verbNoun(words) || i > 0 && (lw == "the" || lw == "a" || lw == "an" || lw == "to")) {
			return false
		}
		if i == 0 && numberWord(w) && len(words) > 1 && !countedStage(w) {
			return false // "2019.11.21 우아한 형제들 테크 세미나": a date and a title
		}
	}
	last := strings.Trim(words[len(words)-1], ")(.,")
	if endsPredicate(last) || strings.Contains(s, "://") || strings.HasPrefix(s, "www.") {
		return false
	}
	if koreanClause(s) {
		return false // "DBMS로 보면 … 유사", "처리량이 매우 많다면"
	}
	if !strict {
		return true
	}
	for i, w := range words {
		if i < len(words)-1 && hasHangul(w) && clauseEnding(w) {
			return false
		}
	}
	for _, r := range s {
		if unicode.IsDigit(r) || unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// lowerAfter reports whether the word after the first is lower case:
// "Use good indices" is an instruction, "Monitor Factor" a name.
func lowerAfter(words []string) bool {
	if len(words) < 2 {
		return false
	}
	w := lowerCase(words[1])
	return unicode.IsLower(firstRune(words[1])) && fn(w) != fnConj // "Stop and Wait" is a name
}

// relativeName reports whether a Korean name is a noun with a relative
// clause: "애플리케이션 계층을 처리하는 기기".
func relativeName(s string) bool {
	ws := words(s)
	return len(ws) >= 3 && ws[len(ws)-1].kind == endNone && ws[len(ws)-2].kind == endModifier
}

// koreanClause reports whether s reads as a Korean clause rather than a
// name: a word before the last carries a case particle or is a verb, or
// the last word is a verb or copula. Modifiers ("프로세스에 할당되는 메모리
// 영역") and possessives ("프로세스의 메모리 영역") stay names.
func koreanClause(s string) bool {
	if !hasHangul(s) {
		return false
	}
	ws := words(s)
	relative := false // see analyzeTitle: only headings name things so
	for i, w := range ws {
		lastWord := i == len(ws)-1
		switch w.kind {
		case endPredicate, endCopula:
			return true
		case endTopic, endSubject, endQuote:
			return true // "RR 기법에서", "X는": a clause's piece, not a name
		case endObject:
			if !relative {
				return true
			}
		case endAdverb:
			if (w.ending == "로" || w.ending == "으로" || w.ending == "에서" || lastWord) && !strings.Contains(w.after, ")") && !(relative && !lastWord) {
				return true
			}
		}
		switch w.text(s) {
		case "왜", "어떻게", "무엇", "언제", "어디", "어떤", "무슨":
			return true
		}
	}
	return false
}

// enClauseWords mark an English item as a statement, not a name.
var enClauseWords = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "be": true, "can": true, "could": true,
	"will": true, "would": true, "should": true, "must": true, "may": true, "might": true,
	"to": true, "the": true, "a": true, "an": true, "it": true, "this": true, "that": true,
	"you": true, "your": true, "we": true, "they": true, "if": true, "when": true, "see": true,
	"use": true, "using": true, "has": true, "have": true, "does": true, "do": true, "not": true,
	"for": true, "with": true, "avoid": true, "tune": true, "tighten": true, "enable": true, "disable": true,
	"add": true, "make": true, "keep": true, "set": true, "choose": true, "consider": true, "prefer": true,
	"check": true, "try": true, "learn": true, "read": true, "how": true, "what": true, "why": true,
}

// verbNoun reports whether two to four lower-case words that open with a verb
// are a compound noun, the verb naming what the thing is for: "build
// tool", "build automation tool", "write buffer", "run queue", or a name
// ending in a participle
// ("Read committed"); "run tests", "use caching" and "make sure" are
// instructions.
func verbNoun(words []string) bool {
	if len(words) < 2 || len(words) > 4 {
		return false
	}
	if participleName(words) {
		return true
	}
	for _, w := range words[1:] {
		if w != strings.ToLower(w) || fn(w) != 0 || plural(w) || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ly") || adjective(w) || w == "sure" {
			return false
		}
	}
	return true
}

// participleName reports whether two words are a capitalised verb and a
// participle, a name: "Read committed", "Read uncommitted".
func participleName(words []string) bool {
	return len(words) == 2 && strings.HasSuffix(words[1], "ed") && unicode.IsUpper(firstRune(words[0])) && words[1] == strings.ToLower(words[1])
}

// nominalVerb reports whether a name opens with a verb that heads names
// as a noun or participle would, before a capitalised word: "Read
// Committed", "Read Replica", "Set Associative" (but "Use Redis" is a
// clause).
func nominalVerb(words []string) bool {
	switch lowerCase(words[0]) {
	case "read", "set":
		return len(words) > 1 && unicode.IsUpper(firstRune(words[1])) && fn(lowerCase(words[1])) == 0
	}
	return false
}

// predicateEndings close a Korean statement: "없음", "쉬워진다", "가능".
var predicateEndings = []string{
	"이다", "한다", "된다", "있다", "없다", "했다", "였다", "는다", "진다", "니다", "린다", "킨다", "준다", "낸다",
	"같다", "쉽다", "렵다", "르다", "크다", "작다", "많다", "적다", "높다", "낮다", "좋다", "빠르다", "느리다",
	"없음", "있음", "높음", "낮음", "좋음", "많음", "적음", "쉬움", "어려움", "빠름", "느림", "가벼움", "가능", "불가",
	"함", "됨", "짐", "줌", "냄", "했음", "였음", "해짐", "어짐", "워짐", "필요", "용이", "발생", "제공", "의미", "포함", "사용", "이용",
	"움",
	"임", "중", "경우", "때", "하다", "되다", "씀", "나옴", "일어남", "바뀜", "생김", "막음", "걸림", "돌림", "붙임",
}

func endsPredicate(w string) bool {
	if !hasHangul(w) {
		return false
	}
	for _, e := range predicateEndings {
		if strings.HasSuffix(w, e) {
			if e == "임" && !strings.HasSuffix(w, "것임") && utf8.RuneCountInString(w) > 1 {
				continue // "타임" is a name
			}
			if e == "중" && w != "중" && !strings.HasSuffix(w, "운용중") && !strings.HasSuffix(w, "실행중") {
				continue
			}
			return true
		}
	}
	return false
}

// clauseEndings mark a Korean word inside a statement: an object or subject
// particle, or a verb form that modifies the next word.
var clauseEndings = []string{"를", "을", "은", "는", "에서", "하기", "어야", "되어", "해야", "하는", "되는", "하여", "해서", "하고", "하며", "한다", "된", "할", "될", "있는", "없는", "으로", "에게", "이며", "이고"}

func clauseEnding(w string) bool {
	w = strings.Trim(w, ",.()")
	for _, e := range clauseEndings {
		if strings.HasSuffix(w, e) && w != e {
			if (e == "할" || e == "될" || e == "된") && utf8.RuneCountInString(w) < 3 {
				continue // "분할", "역할": nouns, as the word analysis reads them
			}
			return true
		}
	}
	return false
}

// nameKey is the key under which names are compared ([graph.NormName]);
// notes are NFC from the moment they are parsed.
func nameKey(s string) string { return graph.NormNFC(s) }

// Korean particles and suffixes that attach to a name: "DNS도", "컨테이너는",
// "쿠키와는", "세션을", "NoSQL 방식에". Longest first.
var particles = func() []string {
	ps := strings.Fields(`에서는 에서도 에서의 에서만 으로는 으로도 으로써 으로서 으로의 에게는 이라는 이라고 이라면 이라서 이지만 
		입니다 이에요 이예요 처럼 만큼 까지 부터 마다 보다 보다는 에는 에도 에서 에게 에의 으로 로써 로서 로는 로도 와는 과는 와도 과도 와의 과의 
		이란 라는 라고 라면 이나 이랑 하고 이며 이고 이다 이면 이지 들이 들은 들을 들의 들도 들과 들에 끼리 만의 간의 마저 조차 
		은 는 이 가 을 를 의 에 와 과 도 만 로 랑 나 며 란 인 들 간 요 야 여 께 엔 에선 로선 이든 든 쯤 씩`)
	// Longest first so "에서는" is tried before "는".
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && utf8.RuneCountInString(ps[j]) > utf8.RuneCountInString(ps[j-1]); j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
	return ps
}()

var particleSet = func() map[string]bool {
	m := map[string]bool{}
	for _, p := range particles {
		m[p] = true
	}
	return m
}()

// maxParticleRunes is the longest particle, in runes.
const maxParticleRunes = 3

// stripParticles returns the forms of w with one or two trailing particles
// removed, longest remainder first. w itself is not included.
func stripParticles(w string) []string {
	var out []string
	for _, rest := range particleCuts(w) {
		out = append(out, rest)
		out = append(out, particleCuts(rest)...)
	}
	return out
}

// particleCuts returns w without each particle it ends in, shortest
// particle first.
func particleCuts(w string) []string {
	var out []string
	end := len(w)
	for n := 1; n <= maxParticleRunes && end > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(w[:end])
		end -= size
		if end > 0 && particleSet[w[end:]] {
			out = append(out, w[:end])
		}
	}
	return out
}

// stem reduces an English word to a rough stem so "load balancer", "Load
// Balance" and "load balancing" meet, and "indices" meets "index".
func stem(w string) string {
	if !isLatin(w) || len(w) < 4 {
		return w
	}
	if s, ok := irregular[w]; ok {
		return s
	}
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = w[:len(w)-1]
	}
	for _, suf := range []string{"er", "e"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 4 {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

var irregular = map[string]string{
	"indices": "index", "indexes": "index", "matrices": "matrix", "analyses": "analysis",
	"children": "child", "vertices": "vertex", "schemata": "schema", "data": "data", "criteria": "criterion",
}

// stemKey is the key under which a name is matched loosely: its normalised
// form with the last English word stemmed.
func stemKey(name string) string {
	words := strings.Fields(name)
	if len(words) == 0 {
		return ""
	}
	last := words[len(words)-1]
	if r, ok := strings.CutSuffix(last, "s"); ok && len(r) >= 2 && strings.ToUpper(r) == r && strings.IndexFunc(r, unicode.IsLetter) >= 0 && !strings.ContainsFunc(r, unicode.IsDigit) {
		last = r // "CDNs", "JWTs": an acronym's plural
	} else if !isAcronym(last) {
		// "HTTPS" is not the plural of "HTTP".
		last = stem(lowerCase(last))
	}
	words[len(words)-1] = last
	return nameKey(strings.Join(words, " "))
}

// titleCased reports whether a word is capitalised at its first letter
// only: "Transport", not "QUIC", "GitHub" or "gRPC".
func titleCased(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && strings.IndexFunc(w[n:], unicode.IsUpper) < 0 && !strings.ContainsAny(w, "0123456789")
}

// pictograph reports whether r is a symbol that decorates text (emoji,
// check marks, arrows) or joins one, never part of a name.
func pictograph(r rune) bool {
	return unicode.Is(unicode.So, r) || r == 0xFE0F || r == 0x200D
}
