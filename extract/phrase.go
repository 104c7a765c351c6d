package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Noun phrases. The rules find a cue and read the noun phrase next to
// it: before a Korean postposition ("연결 지향형 프로토콜이다"), after an
// English verb ("uses a double-ended queue"), or a whole enumeration
// ("Read Uncommitted, Read Committed and Serializable", "라우터와 L3스위치").
// A phrase is a run of words; it never runs through a function word, an
// ending that ties a word to a verb, a verb form or punctuation that ends
// a phrase.

// phrase is the words [i, j) of a sentence.
type phrase struct{ i, j int }

func (p phrase) empty() bool { return p.j <= p.i }

// maxPhraseWords bounds a noun phrase, not counting words in parentheses.
const maxPhraseWords = 6

// text is the phrase as written, up to the stem of its last word (its
// ending dropped), with any parenthesis it opened closed.
func (st *sent) text(p phrase) string {
	if p.empty() {
		return ""
	}
	ws := st.ws
	if p.j-p.i > 1 && ws[p.j-1].stem(st.s) == "들" && ws[p.j-1].space {
		p.j-- // "Collection 들은": the plural marker written apart
	}
	end := ws[p.j-1].stemEnd
	if ws[p.j-1].paren > ws[p.i].paren || strings.Contains(ws[p.j-1].after, ")") && ws[p.j-1].paren > 0 {
		// "통신(IPC, inter-process communication)을": the phrase ends
		// after the closing parenthesis.
		if k := strings.IndexAny(st.s[ws[p.j-1].end:], ")）"); k >= 0 {
			end = ws[p.j-1].end + k + 1
		}
	}
	return strings.TrimSpace(st.s[ws[p.i].start:end])
}

// joined reports whether word k is written onto the word before it with a
// joining mark and no space: "TCP/IP", "Pub/Sub".
func (st *sent) joined(k int) bool {
	w := &st.ws[k]
	return k > 0 && !w.space && (w.before == "/" || w.before == "+")
}

// bare reports whether word k can stand inside a noun phrase before its
// head: no ending, not a function word, no punctuation after it that ends
// a phrase.
func (st *sent) bare(k int) bool {
	w := &st.ws[k]
	if w.kind != endNone || w.hard() && !strings.Contains(w.after, ")") {
		return false
	}
	f := w.fn
	return f == 0 || w.latin && isAcronym(w.text(st.s))
}

// numberWord reports whether w is a number or a counted quantity: "2대",
// "3가지", "10만", "0.5ms".
func numberWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsDigit(r) {
		return false
	}
	rest := strings.TrimLeftFunc(w, func(r rune) bool { return unicode.IsDigit(r) || r == '.' || r == ',' })
	if rest == "" {
		return true
	}
	if hasHangul(rest) && utf8.RuneCountInString(rest) <= 3 {
		return true // "24기가", "4코어", "3대에서"
	}
	switch rest {
	case "대", "가지", "개", "번", "번째", "차", "년", "월", "일", "초", "분", "시간", "만", "천", "억", "배", "회", "명", "층",
		"ms", "s", "kb", "mb", "gb", "tb", "bit", "bits", "byte", "bytes", "x", "%", "th", "st", "nd", "rd":
		return true
	}
	return false
}

// koreanPhraseAt is the noun phrase whose head is word k (which carries
// the ending that ties it to what follows): k and the bare words before
// it. A word k that is only an ending ("을 사용") ends the phrase before
// it.
func (st *sent) koreanPhraseAt(k int) phrase {
	if k < 0 || k >= len(st.ws) {
		return phrase{}
	}
	if st.ws[k].stemEnd == st.ws[k].start {
		k--
		if k < 0 || !st.bare(k) {
			return phrase{}
		}
	}
	head := &st.ws[k]
	if head.fn == fnEtc && k > 0 {
		k-- // "메모리 등이": the phrase before 등
		head = &st.ws[k]
	}
	if f := head.fn; f == fnPronoun || f == fnDet || f == fnConj || f == fnAdverb || f == fnPrep || head.kind == endModifier || head.kind == endPredicate {
		return phrase{}
	}
	if head.paren > 0 && strings.Contains(head.after, ")") {
		// "프로그램 카운터 (PC)": the phrase before the parenthesis, with it.
		g := k
		for g > 0 && st.ws[g-1].paren >= head.paren {
			g--
		}
		if g > 0 && st.ws[g-1].paren == head.paren-1 && st.bare(g-1) {
			if p := st.koreanPhraseAt(g - 1); !p.empty() {
				return phrase{p.i, k + 1}
			}
		}
	}
	if s, ok := st.latinItem(k); ok {
		return phrase{s, k + 1} // "전달 보장 방식에는 At most once, …": an English name as written
	}
	i, n := k, 1
	for i > 0 {
		prev := &st.ws[i-1]
		if prev.paren > st.ws[k].paren {
			if strings.ContainsAny(strings.TrimLeft(prev.after, ") "), ",;:，、") {
				break // "A(설명), B": the parenthesis closed an item before
			}
			i-- // an alias in parentheses: "통신(IPC)을"
			continue
		}
		if prev.paren < st.ws[k].paren {
			break // the phrase is inside parentheses: it ends there
		}
		// "프로세스 간의 통신": "between" binds the noun before it into
		// the name.
		between := prev.text(st.s) == "간의" && i >= 2 && st.bare(i-2)
		if !st.bare(i-1) && !st.joined(i) && !between || n >= maxPhraseWords {
			break
		}
		if prev.hard() && !strings.Contains(prev.after, ")") {
			break
		}
		i--
		n++
	}
	for i < k && (st.ws[i].paren > st.ws[k].paren || numberWord(st.ws[i].text(st.s))) {
		i++ // "2대 서버" counts servers; the phrase starts after the count
	}
	if i < k && i > 0 && counters[st.ws[i].text(st.s)] && (st.ws[i-1].fn == fnDet || numberWord(st.ws[i-1].text(st.s))) {
		i++ // "네 가지 성질": the count, then its unit
	}
	if numberWord(st.ws[i].text(st.s)) && i == k {
		return phrase{}
	}
	return st.acrossAnd(phrase{i, k + 1})
}

// latinItem reads the English words ending at k in a Korean sentence as
// one name, function words and all, when they stand alone between the
// sentence's marks: "At most once", "Read Committed". It returns where
// they start.
func (st *sent) latinItem(k int) (int, bool) {
	if !st.ko || !st.ws[k].latin {
		return 0, false
	}
	s, fnWords := k, 0
	for s > 0 {
		w := &st.ws[s-1]
		if !w.latin || w.kind != endNone || w.hard() || w.paren != st.ws[k].paren {
			break
		}
		s--
		if w.fn != 0 {
			fnWords++
		}
	}
	if fnWords == 0 || k-s >= 4 || st.ws[k].fn != 0 {
		return 0, false
	}
	if s > 0 && !st.ws[s-1].hard() && st.ws[s-1].kind == endNone {
		return 0, false
	}
	return s, true
}

// relativePhrase extends a Korean noun phrase back over the relative
// clause before it, when that clause is one argument and its verb:
// "애플리케이션 계층을 처리하는 기기" from "기기". It returns an empty phrase
// when there is none.
func (st *sent) relativePhrase(p phrase) phrase {
	if p.i < 2 || st.ws[p.i-1].kind != endModifier || st.ws[p.i-1].hard() {
		return phrase{}
	}
	arg := p.i - 2
	if w := &st.ws[arg]; w.kind != endObject && w.kind != endAdverb || w.hard() {
		return phrase{}
	}
	q := st.koreanPhraseAt(arg)
	if q.empty() || q.j != arg+1 {
		return phrase{}
	}
	return phrase{q.i, p.j}
}

// acrossAnd extends p back over "X and" when the whole is a known name:
// "Stop and Wait", "Compare & Swap".
func (st *sent) acrossAnd(p phrase) phrase {
	if st.known == nil {
		return p
	}
	for p.i >= 2 && (st.ws[p.i-1].lower == "and" || st.ws[p.i-1].lower == "or" || strings.TrimSpace(st.ws[p.i].before) == "&") && st.ws[p.i-2].latin && st.ws[p.i-2].kind == endNone && !st.ws[p.i-2].hard() {
		q := phrase{p.i - 2, p.j}
		for q.i > 0 && st.ws[q.i-1].latin && st.ws[q.i-1].kind == endNone && st.ws[q.i-1].fn == 0 && !st.ws[q.i-1].hard() {
			if st.known(st.text(q)) {
				break
			}
			q.i--
		}
		if !st.known(st.text(q)) {
			break
		}
		p = q
	}
	return p
}

// englishPhraseFrom is the noun phrase starting at word k, past any
// determiners: "a double-ended queue", "the Kerberos protocol". It ends
// before a function word, a relative clause, a participle that opens a
// clause ("a structure containing …"), or punctuation.
func (st *sent) englishPhraseFrom(k int) phrase {
	ws := st.ws
	for k < len(ws) && (ws[k].fn == fnDet || ws[k].fn == fnAdverb && ws[k].lower != "not") && ws[k].kind == endNone {
		if ws[k].hard() {
			return phrase{}
		}
		k++
	}
	j := k
	for j < len(ws) && j-k < maxPhraseWords {
		w := &ws[j]
		if j > k && ws[j-1].hard() && !strings.Contains(ws[j-1].after, ")") {
			break
		}
		if w.paren > ws[k].paren {
			j++
			continue
		}
		if j > k && w.before == "(" && w.space {
			break // "TCP (port 445)": a remark, not part of the name
		}
		if f := w.fn; f != 0 && !(isAcronym(w.text(st.s)) && f != fnDet) && !(ordinals[w.lower] && adjective(ws[j-1].lower) && j+1 < len(ws) && ws[j+1].fn == 0 && ws[j+1].latin) {
			break // but "the usual second factors"
		}
		if !w.latin && !w.hangul && !numberWord(w.text(st.s)) && !isAcronym(w.text(st.s)) {
			break
		}
		if w.hangul || w.kind != endNone {
			// Korean after an English phrase: "TCP를" ends it here.
			if w.stemEnd > w.start {
				j++
			}
			break
		}
		if j > k && (w.lower == "called" || w.lower == "named") && !ws[j-1].hard() && j+1 < len(ws) {
			// "a network proxy called a kube-proxy": the class and its
			// name, one phrase (see calledAt).
			n := j + 1
			if ws[n].fn == fnDet && n+1 < len(ws) {
				n++
			}
			if q := st.englishPhraseFrom(n); !q.empty() && q.i == n {
				return phrase{k, q.j}
			}
			break
		}
		if j > k && participle(w.lower) && j+1 < len(ws) && ws[j+1].fn != 0 && ws[j+1].fn != fnAux && ws[j+1].fn != fnConj && (ws[j+1].lower != "of" || irregularParticiples[w.lower]) {
			break // "a structure containing a set …", "a structure made of nodes"
		}
		if j > k && participle(w.lower) && j+2 < len(ws) && ws[j+1].lower == "up" && ws[j+2].lower == "of" {
			break // "a template made up of layers"
		}
		if i := strings.LastIndexByte(w.lower, '-'); j > k && i > 0 && enVerbs[w.lower[i+1:]] && j+1 < len(ws) && ws[j+1].fn == fnPrep && !plural(ws[j-1].lower) {
			break // "A spinlock busy-waits in a loop": a verb written with a hyphen
		}
		if j > k && englishVerb(w.lower) {
			if nounToo[w.lower] && (j+1 >= len(ws) || w.hard() || ws[j+1].fn == fnConj) || j+1 < len(ws) && ws[j+1].fn == fnAux && !w.hard() && ws[j-1].fn == 0 {
				j++ // "row locks and table locks", "delivery guarantees are": a plural noun, the phrase's head
			}
			break
		}
		if j > k && plural(ws[j-1].lower) && w.lower == w.text(st.s) && baseVerb(w.lower) {
			break // "StatefulSets keep …": a plural subject and its verb
		}
		if j > k && personNouns[w.lower] && j+1 < len(ws) && baseVerb(ws[j+1].lower) {
			break // "the table formats people use": a relative clause without "that"
		}
		if j > k && unicode.IsUpper(firstRune(ws[j-1].text(st.s))) && (j-1 > 0 || isAcronym(ws[j-1].text(st.s)) || productName(ws[j-1].text(st.s))) && w.lower == w.text(st.s) && baseVerb(w.lower) && j+1 < len(ws) && (ws[j+1].fn == fnPrep || ws[j+1].fn == fnDet) {
			// (A capital opening the sentence names nothing: "Key-value
			// store of a cluster state.")
			break // "tools like StatsD rely on …": the verb of the tools
		}
		if j > k && st.known != nil && w.lower == w.text(st.s) && plural(w.lower) && !classNouns[w.lower] && !kindWord(w.lower) && st.known(st.s[ws[k].start:ws[j-1].stemEnd]) && !st.known(st.s[ws[k].start:w.stemEnd]) &&
			!(j+1 < len(ws) && (ws[j+1].fn == fnPronoun || relativeWords[ws[j+1].lower])) {
			break // "sharding results in …": a known name, then its verb (but "Terraform modules you write", "… modules that …")
		}
		j++
	}
	return phrase{k, j}
}

// participle reports whether an English word is an -ing or -ed form.
func participle(w string) bool {
	return len(w) > 4 && (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed")) || irregularParticiples[w]
}

// irregularParticiples are past participles that do not end in -ed:
// "a server written in Go", "a tool built on Lua".
var irregularParticiples = map[string]bool{
	"written": true, "built": true, "made": true, "known": true, "given": true, "taken": true, "shown": true,
	"driven": true, "held": true, "kept": true, "run": false, "sent": true, "spent": true, "found": true,
	"bound": true, "chosen": true, "drawn": true, "grown": true, "hidden": true, "thrown": true, "split": false,
	"used":       true,                                       // regular, but short
	"consisting": true, "comprising": true, "composed": true, // "a structure consisting of nodes"
}

// baseVerb reports whether w is the base form of one of enVerbs: the verb
// of a plural subject ("keep", "store").
func baseVerb(w string) bool {
	if len(w) <= 2 || strings.HasSuffix(w, "s") {
		return false
	}
	if y, ok := strings.CutSuffix(w, "y"); ok && !strings.ContainsAny(y[len(y)-1:], "aeiou") && enVerbs[y+"ies"] {
		return true // "rely", "apply"
	}
	return enVerbs[w+"s"] || enVerbs[w+"es"]
}

// englishVerb reports whether w is a verb that never heads a noun phrase
// in a definition: the third person forms of common verbs.
func englishVerb(w string) bool { return enVerbs[w] }

// personNouns name people, who open a relative clause without "that"
// ("the formats people use", "the tool everyone picks").
var personNouns = map[string]bool{"people": true, "everyone": true, "everybody": true, "folks": true, "nobody": true,
	"somebody": true, "someone": true, "anyone": true, "devs": true}

// enVerbs are common English verbs in their third person form, which end
// a noun phrase ("TCP provides …").
var enVerbs = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`provides allows squashes appends ships enables ensures maps stores sends receives handles manages keeps makes
		takes gives returns explores visits starts operates runs works helps supports offers defines describes determines
		creates generates translates converts distributes splits divides replicates routes forwards reads writes holds
		contains consists uses relies depends requires needs implements extends inherits builds applies means refers becomes
		remains seems appears occurs happens causes prevents reduces increases improves guarantees maintains tracks checks
		detects identifies assigns allocates releases connects links joins combines separates isolates shares lets acts
		serves represents denotes indicates specifies states says shows lists computes calculates finds searches sorts
		processes executes performs schedules controls limits blocks waits locks sits lies comes goes stands belongs
		does gets puts looks wants tries becomes brings follows includes involves leads lives moves offers opens pays
		plays provides reaches remains says sees sends sets shows starts stays takes talks tells thinks turns uses
		chooses decides delivers drives fails falls fits grows hits learns listens loses meets misses notes picks
		prefers prepares proposes protects proves pulls pushes raises reads receives records reflects refuses relates
		replaces reports requests responds returns runs saves scales selects shifts shrinks signs simplifies skips
		solves splits spreads stops stores suggests supplies suffers triggers trusts updates validates varies wraps
		exposes deploys encrypts authenticates serializes compiles parses renders orchestrates spawns terminates
		emits publishes subscribes consumes produces resolves retries fetches persists exists feeds polls
		carries speaks verifies accepts evaluates hides transmits invokes notifies wakes mints rotates
		expires revokes copies duplicates mirrors`) {
		m[w] = true
	}
	return m
}()

// nounToo are verbs of enVerbs that are also plural nouns, which may end a
// phrase: "Key-value stores", "lists", "updates".
var nounToo = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`stores links lists states blocks locks records reports requests updates returns shows sets
		tries plays splits notes scales signs spreads shifts picks drives falls hits meets misses moves offers opens pays sorts
		searches finds processes schedules controls limits waits comes looks wants leads lives brings follows turns talks
		stays starts sends reaches remains maps supports extends uses acts serves holds reads writes keeps makes takes gives
		returns receives protects pulls pushes raises saves selects skips stops suffers trusts wraps varies grows needs
		copies duplicates mirrors guarantees changes costs claims answers calls runs builds`) {
		m[w] = true
	}
	return m
}()

// englishPhraseBefore is the noun phrase that ends just before word k:
// "Depth-first search" in "Depth-first search is …".
func (st *sent) englishPhraseBefore(k int) phrase {
	j := k
	if pluralVerb(st, k-1) {
		return phrase{k, k} // "Clients connect via TLS": a verb ends here
	}
	for j > 1 && adverbAfterSubject(&st.ws[j-1]) {
		j-- // "The kube-proxy either forwards …", "Virtual memory inherently uses …"
	}
	i := j
	for i > 0 && j-i < maxPhraseWords {
		w := &st.ws[i-1]
		if i < j && w.hard() && !strings.Contains(w.after, ")") || w.kind != endNone {
			break // (a comma right before k is between the phrase and what follows)
		}
		if j > 0 && w.paren < st.ws[j-1].paren {
			break // "structure (BFS uses": the phrase is inside parentheses
		}
		if w.paren > 0 && w.paren > st.ws[max(0, j-1)].paren {
			i--
			continue
		}
		if f := w.fn; f != 0 && !(isAcronym(w.text(st.s)) && f != fnDet) {
			break
		}
		if !w.latin && !numberWord(w.text(st.s)) {
			break
		}
		if englishVerb(w.lower) && (i < j || !nounToo[w.lower]) {
			break // "A similar template goes like this": no phrase before "like"
		}
		if i >= 2 && st.ws[i-2].lower == "to" && !(plural(w.lower) && !englishVerb(w.lower)) {
			break // "to model relationship …": a verb after "to" (but "to receivers like …")
		}
		i--
	}
	for i < j && (st.ws[i].fn == fnDet) {
		i++
	}
	return phrase{i, j}
}

// adverbAfterSubject reports whether w is an adverb that may stand between
// a subject and its verb: "either", "inherently", "typically".
func adverbAfterSubject(w *word) bool {
	if !w.latin || w.kind != endNone {
		return false
	}
	l := w.lower
	return w.fn == fnAdverb || l == "either" || len(l) > 5 && strings.HasSuffix(l, "ly") && !lyNouns[l]
}

// lyNouns end in "ly" but are nouns or adjectives of a name.
var lyNouns = map[string]bool{"family": true, "assembly": true, "supply": true, "reply": true, "anomaly": true, "monopoly": true,
	"friendly": true, "weekly": true, "daily": true, "monthly": true, "yearly": true, "nightly": true, "hourly": true, "butterfly": true}

// pluralVerb reports whether word k is the verb of a plural subject, a
// plural noun before a verb's base form: "Clients connect", "Containers
// share". (A plural noun does not modify another: "client connections".)
func pluralVerb(st *sent, k int) bool {
	if k < 1 || k >= len(st.ws) {
		return false
	}
	v, n := &st.ws[k], &st.ws[k-1]
	return v.fn == 0 && n.fn == 0 && v.latin && n.latin && v.kind == endNone && !n.hard() && v.text(st.s) == v.lower &&
		baseVerb(v.lower) && plural(n.lower) && !englishVerb(n.lower)
}

// enumSeparator reports whether the words between two items of an
// enumeration separate them: ",", "and", "or", "및", "와".
func enumGap(w string) bool {
	switch w {
	case "and", "or", "및", "또는", "혹은", "&", "nor", "as well as", "and/or", "이나", "그리고", "아니라":
		return true
	}
	return false
}

// englishEnumFrom reads the enumeration that starts at word k: noun
// phrases separated by commas, "and" and "or". It returns the items in
// order; a single phrase is an enumeration of one.
func (st *sent) englishEnumFrom(k int) []phrase {
	var out []phrase
	for k < len(st.ws) {
		p := st.englishPhraseFrom(k)
		if p.empty() && st.ws[k].lower == "no" && len(out) > 0 {
			// "…, no preemption and circular wait": an item named by
			// what it lacks.
			if q := st.englishPhraseFrom(k + 1); !q.empty() && q.i == k+1 {
				p = phrase{k, q.j}
			}
		}
		if p.empty() {
			break
		}
		if len(out) > 0 && p.i > k && st.ws[p.i-1].lower == "other" {
			break // "stacks, queues and other linear structures": their class
		}
		if w := st.ws[p.i].lower; len(out) > 0 && englishVerb(w) && st.ws[p.i].text(st.s) == w && p.j-p.i > 1 {
			break // "uses a queue and finds shortest paths": a second verb
		}
		// "PostgreSQL and Oracle support materialized views", "such as
		// node_exporter expose metrics": a list of names ends where a
		// verb follows the last one.
		if w := &st.ws[p.i]; unicode.IsUpper(firstRune(w.text(st.s))) || strings.ContainsAny(w.text(st.s), "_0123456789") {
			for i := p.i + 1; i < p.j; i++ {
				if l := st.ws[i].lower; l == st.ws[i].text(st.s) && st.ws[i].paren == w.paren && (enVerbs[l+"s"] || enVerbs[l+"es"] || enVerbs[l] || i+1 < len(st.ws) && st.ws[i+1].fn == fnDet && !st.ws[i].hard()) {
					p.j = i
					break
				}
			}
		}
		// "Consistency, Availability & Partition Tolerance": after a
		// comma, " & " is the list's last "and" ("Async & Blocking"
		// alone is a name).
		if len(out) > 0 {
			for i := p.i + 1; i < p.j; i++ {
				if w := &st.ws[i]; w.space && strings.TrimSpace(w.before) == "&" && st.ws[i-1].after == w.before {
					out = append(out, phrase{p.i, i})
					p.i = i
					break
				}
			}
		}
		out = append(out, p)
		k = p.j
		if k >= len(st.ws) {
			break
		}
		if next := st.lower[st.ws[k].start:]; strings.HasPrefix(next, "including ") || strings.HasPrefix(next, "such as ") || strings.HasPrefix(next, "like ") || strings.HasPrefix(next, "e.g") {
			break // a new enumeration begins: "network devices, including routers"
		}
		last := &st.ws[k-1]
		sep := strings.TrimSpace(strings.Trim(last.after, ")"))
		next := st.ws[k].lower
		switch {
		case (sep == "," || sep == "，" || sep == "、" || sep == "/") && !finalItem(st, out):
			if enumGap(next) {
				k++
			}
			continue
		case sep == "" && enumGap(next) && !finalItem(st, out):
			q := st.englishPhraseFrom(k + 1)
			if !q.empty() && st.known != nil && st.known(st.s[st.ws[p.i].start:st.ws[q.j-1].stemEnd]) {
				out[len(out)-1] = phrase{p.i, q.j} // "Stop and Wait"
				k = q.j
				continue
			}
			if len(out) > 1 && !q.empty() && q.i == k+1 && q.j < len(st.ws) && strings.TrimSpace(st.ws[q.j-1].after) == "," {
				// "mutual exclusion, hold and wait, no preemption": a
				// comma after it, so the list goes on; the "and" was
				// inside an item.
				out[len(out)-1] = phrase{p.i, q.j}
				k = q.j
				continue
			}
			k++
			if k < len(st.ws) && (st.ws[k].lower == "also" || st.ws[k].lower == "other") {
				return out
			}
			continue
		}
		break
	}
	return out
}

// finalItem reports whether the last item of an enumeration came after
// "and" or "or": "federation and sharding, managing joins …" ends there.
func finalItem(st *sent, items []phrase) bool {
	if len(items) < 2 {
		return false
	}
	p := items[len(items)-1]
	return p.i > 0 && enumGap(st.ws[p.i-1].lower)
}

// koreanEnumEndingAt reads the enumeration whose last item is the phrase
// headed by word k, going back over items joined by "와/과", "및",
// "또는", commas and slashes: "라우터와 L3스위치가", "A, B 및 C를".
func (st *sent) koreanEnumEndingAt(k int) []phrase {
	last := st.koreanPhraseAt(k)
	if last.empty() {
		return nil
	}
	out := []phrase{last}
	i := last.i
	for i > 0 && len(out) < 30 {
		prev := &st.ws[i-1]
		var headAt int
		comma := false
		switch {
		case strings.TrimSpace(strings.Trim(prev.after, ")")) == "," || strings.TrimSpace(prev.after) == "/" || strings.TrimSpace(prev.after) == "、" || strings.TrimSpace(prev.after) == "·":
			if prev.kind != endNone && prev.kind != endAnd {
				return reverse(out)
			}
			headAt, comma = i-1, true
		case prev.kind == endAnd:
			headAt = i - 1
		case enumGap(prev.lower) && i >= 2:
			headAt = i - 2
		default:
			return reverse(out)
		}
		p := st.koreanPhraseAt(headAt)
		if p.empty() || headAt < p.i {
			return reverse(out)
		}
		if p.i > 0 && comma {
			if w := &st.ws[p.i-1]; !w.hard() && w.fn != fnAdverb && !sentenceOpeners[w.lower] && (w.kind == endAdverb || w.kind == endObject || w.kind == endSubject || w.kind == endOf) {
				// "런타임에 결정, 스택보다": a clause's end, not an item
				// (but "스케줄링에는 FCFS, SJF": the list after its topic).
				return reverse(out)
			}
		}
		out = append(out, p)
		i = p.i
	}
	return reverse(out)
}

func reverse(ps []phrase) []phrase {
	for a, b := 0, len(ps)-1; a < b; a, b = a+1, b-1 {
		ps[a], ps[b] = ps[b], ps[a]
	}
	return ps
}
