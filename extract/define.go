package extract

import (
	"iter"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"conceptgraph/graph"
)

// Definitions, the most common statement in notes: "X is a G that …",
// "X are G", "X refers to G", "X, a G, …", "It is a G …"; "X는 … G이다",
// "X란 … G를 말한다", "X는 … G로, …", and a sentence or list item that is
// only a noun phrase ("… 트래픽을 나누는 장비", "a linked list in which …")
// in the text of the concept it defines. G is the head noun phrase of the
// predicate: relative clauses, "of" complements and Korean modifier
// clauses are cut away, and so are adjectives that only praise or
// qualify ("a simple protocol"). A named instance (a product or tool) that
// "is a G" is an example of G; anything else is a kind of G.

// definition reads st as a definition of its topic.
func (e *extractor) definition(st *sent, c ctx, topic string) {
	if st.ko {
		e.koreanDefinition(st, c, topic)
		return
	}
	e.englishDefinition(st, c, topic)
}

// definitionRel is the relation a definition states between subject and
// genus: example_of for a named instance, uses for a quantified name
// ("멀티 스레드"), type_of otherwise.
func (e *extractor) definitionRel(subj, genus string) graph.RelationType {
	sn, gn := e.nameOf(subj), e.nameOf(genus)
	switch {
	case quantified(gn):
		return graph.Uses // "커널은 멀티 스레드이다": it uses many threads
	case e.instance(subj) && !properName(gn) && !sameHeadNoun(sn, gn):
		return graph.ExampleOf
	case productHeads[singular(lowerCase(lastWord(gn)))] && e.capitalised(subj) && !properName(gn) && !sameHeadNoun(sn, gn):
		return graph.ExampleOf // "Prometheus is a monitoring tool"
	}
	return graph.TypeOf
}

// capitalised reports whether concept id has a capitalised Latin name
// that is not an acronym: a proper name ("Prometheus", "Argo CD") or a
// common noun opening a sentence, which only a genus can tell apart.
func (e *extractor) capitalised(id string) bool {
	c := e.get(id)
	if c == nil || acronymNamed(c) {
		return false
	}
	return properName(c.name) || slices.ContainsFunc(c.aliases, properName)
}

// englishDefinition reads "X is a G …" and its kin.
func (e *extractor) englishDefinition(st *sent, c ctx, topic string) {
	ws := st.ws
	// "Also called a prefix tree, a trie is …": the alias cue gives the
	// name; the definition follows the comma.
	k := aliasClauseEnd(ws, 0)
	for k < len(ws) && sentenceOpeners[ws[k].lower] && ws[k].lower != "in" {
		k++
	}
	if k >= len(ws) {
		return
	}
	// "One of the main protocols of the Internet protocol suite." alone,
	// opening the concept's text: its genus, and the whole it belongs to.
	if c.first && topic == "" && k+2 < len(ws) && ws[k].lower == "one" && ws[k+1].lower == "of" {
		if gp := st.englishPhraseFrom(k + 2); !gp.empty() && plural(ws[gp.j-1].lower) && !hasVerb(st, gp.j) {
			e.genusPhrase(st, c.subject, gp, "definition")
			return
		}
	}
	if e.oppositeSubject(st, k) {
		return
	}
	subj := st.englishPhraseFrom(k)
	var subjID string
	cop := subj.j
	// "hierarchical and distributed naming system", alone: one noun
	// phrase whose adjectives come in a pair.
	if subj.j-subj.i == 1 && cop < len(ws) && (ws[cop].lower == "and" || ws[cop].lower == "or") && adjective(ws[subj.i].lower) {
		if q := st.englishPhraseFrom(cop + 1); q.j-q.i > 1 && (adjective(ws[q.i].lower) || participle(ws[q.i].lower)) && q.j == len(ws) {
			if c.first && topic == "" {
				e.genusPhrase(st, c.subject, phrase{q.i + 1, q.j}, "definition")
			}
			return
		}
	}
	// "A topological sort or topological ordering of a directed graph is
	// …": another name and a complement before the copula.
	if !subj.empty() && cop < len(ws) && (ws[cop].lower == "or" || ws[cop].lower == "of") {
		at := cop
		for n := 0; n < 2 && at < len(ws) && (ws[at].lower == "or" || ws[at].lower == "of"); n++ {
			q := st.englishPhraseFrom(at + 1)
			if q.empty() {
				break
			}
			if ws[at].lower == "or" && nameLikePhrase(st, q) && e.pass == 1 {
				if id := e.conceptOf(st, subj, true); id != "" {
					e.giveAlias(id, st.text(q))
				}
			}
			at = q.j
		}
		if at < len(ws) && ws[at].fn == fnAux {
			cop = at
		}
	}
	// "A tree, also called an arborescence, is …"
	if !subj.empty() && strings.Contains(ws[subj.j-1].after, ",") {
		if at := aliasClauseEnd(ws, cop); at > cop {
			cop = at
		}
	}
	// "Chef and Puppet are configuration management tools": subjects
	// listed before the copula.
	var also []phrase
	if !subj.empty() && cop < len(ws) && (ws[cop].lower == "and" || strings.Contains(ws[subj.j-1].after, ",")) {
		if items := st.englishEnumFrom(k); len(items) >= 2 {
			if end := items[len(items)-1].j; end < len(ws) && (ws[end].lower == "are" || ws[end].lower == "were") && !slices.ContainsFunc(items, func(p phrase) bool { return !nameLikePhrase(st, p) }) {
				subj, also, cop = items[0], items[1:], end
			}
		}
	}
	switch {
	case (ws[k].lower == "this" || ws[k].lower == "that") && k+1 < len(ws) && (ws[k+1].lower == "was" || ws[k+1].lower == "were"):
		return // "This was the moment …": a remark on what came before
	case ws[k].lower == "it" || ws[k].lower == "this" || ws[k].lower == "they":
		subjID, cop = c.subject, k+1
	case subj.empty() || joinedPhrase(st, subj):
		return // ("parent ≤ children → root is the min": no name)
	case pronounPhrase(st, subj):
		subjID = c.subject
	}
	if cop >= len(ws) || c.first && subjID == "" && subj.i == k && describedAfter(st, subj) {
		// A noun phrase alone, in the concept's own text; or one that
		// what follows describes ("self-hosted automation server
		// written in Java, uses Groovy …", "hosted CI service, uses …").
		if c.first && subjID == "" && plainNounPhrase(st, subj) {
			e.fragmentGenus(st, c.subject, subj)
		}
		return
	}
	// The copula and what may follow it.
	v := ws[cop].lower
	g := cop + 1
	switch v {
	case "is", "are", "was", "were":
		for g < len(ws) && ws[g].fn == fnAdverb && ws[g].lower != "not" {
			g++
		}
		if g < len(ws) && (ws[g].lower == "not" || ws[g].lower == "no") {
			return
		}
		if g+1 < len(ws) && (ws[g].lower == "defined" || ws[g].lower == "known") && ws[g+1].lower == "as" {
			g += 2
		} else if g < len(ws) && ws[g].lower == "called" {
			return // "X is called Y": a name (alias cue), or a use
		}
		if g >= len(ws) {
			return
		}
		det := ws[g].fn == fnDet && (ws[g].lower == "a" || ws[g].lower == "an" || ws[g].lower == "the" || ws[g].lower == "one")
		gp := st.englishPhraseFrom(g)
		if gp.empty() {
			return
		}
		if v == "are" && !det && subjID == "" && len(also) == 0 && e.membersListed(st, subj, g) {
			return
		}
		if !det && !(v == "are" && plural(ws[gp.j-1].lower)) {
			return // "X is important", "X is used to …"
		}
		if ws[g].lower == "one" && gp.i < len(ws) && ws[gp.i].lower == "of" {
			gp = st.englishPhraseFrom(gp.i + 1)
		}
		if subjID == "" && subj.i == 0 && !nameLikePhrase(st, subj) {
			subjID = e.subjectName(st, subj) // "Open addressing is …"
		}
		// "npm, Yarn and pnpm are package managers": names listed with
		// a name are names, in lower case too.
		listedName := slices.ContainsFunc(also, func(p phrase) bool { return englishNewName(st, p) })
		if subjID == "" {
			if !nameLikePhrase(st, subj) {
				return
			}
			subjID = e.conceptOf(st, subj, englishNewName(st, subj) || listedName || subj.i > 0 && (ws[subj.i-1].lower == "a" || ws[subj.i-1].lower == "an" || ws[subj.i-1].lower == "the"))
		}
		st.named = listedName && slices.ContainsFunc(append([]phrase{subj}, also...), func(p phrase) bool { return properName(st.text(p)) && !isAcronym(st.text(p)) })
		defer func() { st.named = false }()
		e.genusPhrase(st, subjID, gp, "definition")
		listedName = listedName || englishNewName(st, subj)
		for _, p := range also {
			e.genusPhrase(st, e.conceptOf(st, p, englishNewName(st, p) || listedName), gp, "definition")
		}
	case "refers", "refer", "means", "denotes", "represents":
		if g < len(ws) && ws[g].lower == "to" {
			g++
		}
		if g >= len(ws) || ws[g].lower == "that" || ws[g].lower == "how" || ws[g].lower == "what" {
			return
		}
		gp := st.englishPhraseFrom(g)
		if !gp.empty() && strings.HasSuffix(ws[gp.i].lower, "ing") && (gp.j < len(ws) && ws[gp.j].fn != fnPrep || gp.j-gp.i > 1 && participle(ws[gp.i].lower)) {
			return // "refers to dividing data …": an activity and its object, not a class
		}
		if subjID == "" {
			if !nameLikePhrase(st, subj) {
				return
			}
			subjID = e.conceptOf(st, subj, englishNewName(st, subj) || subj.i > 0 && (ws[subj.i-1].lower == "a" || ws[subj.i-1].lower == "an" || ws[subj.i-1].lower == "the"))
		}
		e.genusPhrase(st, subjID, gp, "definition")
	default:
		// "X, a G, …": an appositive.
		if !subj.empty() && strings.Contains(ws[subj.j-1].after, ",") && (v == "a" || v == "an") && subjID == "" {
			gp := st.englishPhraseFrom(cop)
			end := gp.j // "PAT, a variant of NAT, …": the phrase of the kind noun
			if _, ok := kindHeads[stem(lowerCase(ws[max(gp.j-1, 0)].lower))]; ok && !gp.empty() && gp.j < len(ws) && ws[gp.j].lower == "of" {
				if q := st.englishPhraseFrom(gp.j + 1); !q.empty() {
					end = q.j
				}
			}
			if !gp.empty() && end < len(ws) && strings.Contains(ws[end-1].after, ",") && nameLikePhrase(st, subj) {
				e.genusPhrase(st, e.conceptOf(st, subj, true), gp, "definition")
			}
			return
		}
		// "a linked list in which …" opening a concept's own text: an
		// article, a noun phrase, and no verb of its own.
		// "An architectural style, not a protocol.", "A behavioral
		// pattern: a subject keeps …": after its article, the genus, then
		// a remark or a clause that says more.
		articled := !subj.empty() && subj.i > 0 && indefinite(ws[subj.i-1].lower)
		colon := articled && strings.Contains(ws[cop-1].after, ":")
		comma := articled && strings.Contains(ws[cop-1].after, ",")
		if c.first && subjID == "" && !subj.empty() && k == 0 && plainNounPhrase(st, subj) && (colon || !hasVerb(st, cop) && (ws[cop].fn == fnPrep || relativeWords[v] || participle(v) || comma)) {
			e.fragmentGenus(st, c.subject, subj)
		}
	}
}

// membersListed reads "Common page replacement algorithms are FIFO, LRU
// and Optimal": a class in the plural, then the names of its members,
// which end the sentence. It reports whether it read them.
func (e *extractor) membersListed(st *sent, subj phrase, g int) bool {
	ws := st.ws
	if subj.empty() || !plural(ws[subj.j-1].lower) || pronounPhrase(st, subj) {
		return false
	}
	items := st.englishEnumFrom(g)
	if len(items) < 2 || items[len(items)-1].j != len(ws) {
		return false
	}
	for _, p := range items {
		if w := ws[p.i].text(st.s); !unicode.IsUpper(firstRune(w)) && e.idx.lookup(st.text(p)) == "" || !nameLikePhrase(st, p) {
			return false // "Stacks are useful, simple and fast"
		}
	}
	for subj.j-subj.i > 1 && genusAdjectives[ws[subj.i].lower] {
		subj.i++
	}
	class := e.conceptOf(st, subj, nameLikePhrase(st, subj))
	if class == "" {
		return false
	}
	for _, p := range items {
		if id := e.conceptOf(st, p, true); id != "" && id != class {
			e.relate(id, e.memberRel(st, id, class, graph.TypeOf, false), class, 0.8, st.ev, "hearst")
		}
	}
	return true
}

// aliasClauseEnd returns the word after an alias clause that starts at
// word k and ends with a comma ("also called a prefix tree,", "also
// known as X,"), or k when none does.
func aliasClauseEnd(ws []word, k int) int {
	if k+2 >= len(ws) {
		return k
	}
	switch ws[k].lower {
	case "also", "sometimes", "often":
		if w := ws[k+1].lower; w != "called" && w != "known" && w != "referred" {
			return k
		}
	default:
		return k
	}
	for i := k + 2; i < len(ws) && i < k+8; i++ {
		if strings.Contains(ws[i].after, ",") {
			return i + 1
		}
	}
	return k
}

// describedAfter reports whether the words after noun phrase p describe
// it rather than make it a subject: a participle of making or use with
// its preposition ("written in", "built into", "used for"), or a comma
// and a verb with no subject of its own ("…, uses orbs").
func describedAfter(st *sent, p phrase) bool {
	ws := st.ws
	j := p.j
	if j+1 >= len(ws) {
		return false
	}
	if strings.Contains(ws[j-1].after, ",") {
		return englishVerb(ws[j].lower)
	}
	if madeWords[ws[j].lower] || describingParticiples[ws[j].lower] {
		return ws[j+1].fn == fnPrep
	}
	return false
}

// fragmentGenus makes the noun phrase p, a sentence of its own opening
// the text of subj, subj's genus; a capital opening the sentence is no
// proper name there (see sent.fragment).
func (e *extractor) fragmentGenus(st *sent, subj string, p phrase) {
	for _, w := range st.ws {
		if firstPerson[w.lower] {
			return // "Stuff I'm picking up at the new job.": a remark
		}
	}
	st.fragment = p.i == 0
	e.genusPhrase(st, subj, p, "definition")
	st.fragment = false
}

// genusOf is the concept a definition's genus phrase names, read whole
// (see sent.predicate).
func (e *extractor) genusOf(st *sent, p phrase) string {
	st.predicate = true
	defer func() { st.predicate = false }()
	return e.conceptOf(st, p, nameLikePhrase(st, p))
}

// joinedPhrase reports whether a phrase joins things with marks that are
// no part of a name ("Elasticsearch + Logstash + Kibana", "name → IPv4
// address", "net — network stack", "parent ≥ children", "A vs B"): a
// sum, a mapping or a comparison, no genus.
func joinedPhrase(st *sent, p phrase) bool {
	for i := p.i + 1; i < p.j-1; i++ {
		if w := st.ws[i].lower; w == "vs" || w == "vs." || w == "versus" {
			return true // "Redis Sentinel vs Redis Cluster": a comparison
		}
	}
	for i := p.i; i < p.j-1; i++ {
		if a := st.ws[i].after; a == "+" || strings.Contains(a, "→") || strings.Contains(a, "->") || strings.Contains(a, "—") || a == "–" || strings.ContainsAny(a, "≤≥≠<>=") {
			return true
		}
	}
	return false
}

// supportNouns are Korean verbal nouns that say what is done with the
// noun before them ("DB 지원", "알림 연동").
var supportNouns = map[string]bool{"지원": true, "제공": true, "연동": true, "통합": true, "대응": true, "호환": true}

// quotedPhrase reports whether a phrase opens inside quotation marks: a
// manner of speaking ("the "fire and forget" one"), not a genus.
func quotedPhrase(st *sent, p phrase) bool {
	b := st.ws[p.i].before
	return strings.ContainsAny(b, "\"“”'‘’「『")
}

// firstPerson are the words of a writer speaking of themselves.
var firstPerson = map[string]bool{"i": true, "i'm": true, "i’m": true, "me": true, "my": true, "we": true, "we're": true,
	"our": true, "us": true, "i've": true, "i'd": true}

// plainNounPhrase reports whether an English phrase opening a sentence is
// a noun phrase and not a clause: an article before it, or no lower-case
// word ending in "s" before its last word ("host accepts IP addresses" is
// a clause).
func plainNounPhrase(st *sent, p phrase) bool {
	if p.empty() || marked(st, p) && st.marks[0].kind == markCode {
		return false
	}
	if p.i > 0 && indefinite(st.ws[p.i-1].lower) {
		return true // ("a state file kept in …": a noun after its article)
	}
	if f := st.ws[p.i].lower; enVerbs[f+"s"] || enVerbs[f+"es"] || imperatives[f] || enVerbs[f] && (p.j-p.i > 1 || p.j < len(st.ws) && (st.ws[p.j].fn == fnPrep || st.ws[p.j].fn == fnDet || st.ws[p.j].fn == fnPronoun || st.ws[p.j].lower == "what")) {
		return false // "Translate network addresses …": an instruction; "Translates names …", "copies everything": a clause
	}
	for i := p.i; i < p.j-1; i++ {
		if w := st.ws[i].text(st.s); w == st.ws[i].lower && plural(w) {
			return false
		}
		if i > p.i && participle(st.ws[i].lower) && !strings.HasSuffix(st.ws[i].lower, "ing") && unicode.IsUpper(firstRune(st.ws[i+1].text(st.s))) {
			return false // "systemd replaced SysVinit": a verb and its object
		}
	}
	return true
}

// hasVerb reports whether an English sentence has a copula, auxiliary or
// known verb from word k on, outside a relative clause.
func hasVerb(st *sent, k int) bool {
	for i := k; i < len(st.ws); i++ {
		w := st.ws[i].lower
		if relativeWords[w] {
			return false
		}
		if st.ws[i].fn == fnAux || englishVerb(w) {
			return true
		}
		if i > k && baseVerb(w) && w == st.ws[i].text(st.s) && unicode.IsUpper(firstRune(st.ws[i-1].text(st.s))) && st.ws[i-1].lower != "to" {
			return true // "Receivers like PagerDuty or Slack get alerts"
		}
	}
	return false
}

// predicative reports whether w is written only as an adjective is, never
// as a noun: "deprecated", "readable", "memory-hard", "aware". (Endings such
// as "-al", "-ent" or "-ive" also end nouns: "terminal", "client",
// "primitive".)
func predicative(w string) bool {
	if predicativeWords[w] {
		return true
	}
	if i := strings.LastIndexByte(w, '-'); i > 0 && (hyphenAdjectives[w[i+1:]] || predicativeWords[w[i+1:]]) {
		return true
	}
	for _, suf := range []string{"ed", "able", "ible", "ous", "ful", "less"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+3 {
			return true
		}
	}
	return false
}

// predicativeWords are adjectives without an adjective's ending.
var predicativeWords = map[string]bool{"aware": true, "extra": true, "hard": true, "optional": true, "mandatory": true,
	"obsolete": true, "heavy": true, "light": true, "cheap": true, "expensive": true}

// adjective reports whether an English word looks like an adjective by
// its ending: "hierarchical", "distributed", "reactive".
func adjective(w string) bool {
	if genusAdjectives[w] {
		return true
	}
	if strings.HasSuffix(w, "ment") || strings.HasSuffix(w, "brary") {
		return false // "deployment", "library": nouns
	}
	if i := strings.LastIndexByte(w, '-'); i > 0 && hyphenAdjectives[w[i+1:]] {
		return true // "URL-safe", "cloud-native", "thread-safe"
	}
	for _, suf := range []string{"al", "ed", "ive", "ic", "ous", "ful", "less", "able", "ible", "ent", "ant", "ary"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// capitalsOf returns the first letters of the words of p that are not
// function words in lower case ("Proof Key for Code Exchange": "PKCE"),
// or "" when p is not a Latin name of several words.
func capitalsOf(st *sent, p phrase) string {
	var b strings.Builder
	n := 0
	for i := p.i; i < p.j; i++ {
		w := st.ws[i]
		if !w.latin || w.hangul {
			return ""
		}
		if t := w.text(st.s); w.fn != 0 && t == w.lower {
			continue
		}
		b.WriteRune(unicode.ToUpper(firstRune(w.text(st.s))))
		n++
	}
	if n < 2 {
		return ""
	}
	return b.String()
}

// qualifying reports whether w is one of genusAdjectives, which only
// qualify a genus, or its comparative or superlative ("older", "simplest").
func qualifying(w string) bool {
	if genusAdjectives[w] {
		return true
	}
	for _, suf := range []string{"er", "r", "est", "st"} {
		if b, ok := strings.CutSuffix(w, suf); ok && len(b) > 2 && genusAdjectives[b] {
			return true
		}
	}
	return false
}

// genusPhrase relates subj to the genus that phrase p names, cleaned of
// praise, relational heads and "of" complements.
func (e *extractor) genusPhrase(st *sent, subj string, p phrase, rule string) {
	if subj == "" || p.empty() || joinedPhrase(st, p) || quotedPhrase(st, p) {
		return
	}
	ws := st.ws
	if subjC := e.get(subj); subjC != nil && isAcronym(subjC.name) {
		// "### CNN" over "Convolutional neural network, for images.":
		// its expansion, another name of it; "LRU — least recently
		// used", with the adverb the genus reader skipped.
		for _, q := range []phrase{p, {0, p.j}} {
			if initialsOf(st.text(q)) == strings.ToUpper(subjC.name) {
				e.addAlias(subjC, st.text(q))
				return
			}
		}
		// "PKCE = Proof Key for Code Exchange": the expansion runs on
		// past the phrase, over the small words it skips.
		for k := p.j + 1; k <= min(len(ws), p.j+4); k++ {
			if q := (phrase{p.i, k}); capitalsOf(st, q) == strings.ToUpper(subjC.name) {
				e.addAlias(subjC, st.text(q))
				return
			}
		}
	}
	// "a structural pattern (see [[Design Patterns]])": a remark in
	// parentheses after the genus is not part of it.
	if p.j-p.i > 1 && ws[p.j-1].paren > ws[p.i].paren {
		open := p.j - 1
		for open > p.i && ws[open-1].paren > ws[p.i].paren {
			open--
		}
		if f := ws[open].lower; open > p.i && (f == "see" || f == "cf" || f == "cf." || f == "e.g." || f == "i.e." || ws[open].fn != 0 && ws[open].fn != fnDet) {
			p.j = open
		}
	}
	// "an infrastructure as code tool": a compound with "as" inside it,
	// its head last (no article after "as").
	if p.j+1 < len(ws) && ws[p.j].lower == "as" && !ws[p.j-1].hard() {
		if q := st.englishPhraseFrom(p.j + 1); !q.empty() && q.i == p.j+1 && q.j-p.i <= 5 {
			p = phrase{p.i, q.j}
		}
	}
	// "hierarchical and distributed naming system": adjectives in a
	// pair, then the head.
	if p.j < len(ws) && (ws[p.j].lower == "and" || ws[p.j].lower == "or") && p.j-p.i == 1 && adjective(ws[p.i].lower) {
		if q := st.englishPhraseFrom(p.j + 1); q.j-q.i > 1 && (adjective(ws[q.i].lower) || participle(ws[q.i].lower)) {
			p = phrase{q.i + 1, q.j}
		}
	}
	// "a small, fast storage layer": adjectives in a row, commas
	// between them.
	for n := 0; n < 3 && p.j-p.i == 1 && p.j < len(ws) && strings.Contains(ws[p.i].after, ",") && (genusAdjectives[ws[p.i].lower] || adjective(ws[p.i].lower)) && e.idx.lookup(st.text(p)) == ""; n++ {
		q := st.englishPhraseFrom(p.j)
		if q.empty() || q.i != p.j {
			break
		}
		p = q
	}
	// "Prometheus' functional query language": its owner's name is no
	// part of the class.
	for i := p.j - 2; i >= p.i; i-- {
		if t := ws[i].text(st.s); properName(strings.TrimRight(t, "'’s")) && (strings.HasSuffix(t, "'s") || strings.HasSuffix(t, "’s") || strings.HasPrefix(ws[i].after, "'") || strings.HasPrefix(ws[i].after, "’") || strings.HasSuffix(t, "'")) {
			p.i = i + 1
			break
		}
	}
	// Adjectives that only qualify: "a simple protocol" is a protocol.
	for p.j-p.i > 1 && qualifying(ws[p.i].lower) && e.idx.lookup(st.text(p)) == "" {
		p.i++
	}
	// "multicast DNS", "dynamic read-only TFTP server": a known concept
	// at the end, with words before that qualify it; but "undirected
	// graphs" is a class of its own.
	if e.idx.lookup(st.text(p)) == "" {
		for i := p.i + 1; i < p.j; i++ {
			if e.idx.lookup(st.text(phrase{i, p.j})) != "" {
				if i-p.i > 1 || !adjective(ws[p.i].lower) || genusAdjectives[ws[p.i].lower] || strings.HasSuffix(ws[p.i].lower, "ing") {
					p.i = i
				}
				break
			}
		}
	}
	// "a tree-based structure": it uses trees, whatever the genus is.
	for i := p.i; i < p.j-1; i++ {
		if base, ok := strings.CutSuffix(ws[i].text(st.s), "-based"); ok && base != "" {
			if id := e.defineText(base); id != "" && id != subj {
				e.relate(subj, graph.Uses, id, 0.7, st.ev, "definition")
			}
		}
	}
	if w := ws[p.i].lower; p.j-p.i == 1 && (qualifying(w) || w == "best" || w == "worst") {
		return // "the usual …" cut before its noun, "the worst one": no genus
	}
	if !st.ko && (p.i == 0 || ws[p.i-1].fn != fnDet) && predicative(ws[p.j-1].lower) && e.idx.lookup(st.text(p)) == "" {
		return // "scrypt — also memory-hard", "deprecated", "context aware": a quality, with no article
	}
	if last := ws[p.j-1].lower; kindWord(last) || slices.Contains(classifierHeads, last) {
		i := p.j - 1
		for i > 0 && qualifying(ws[i-1].lower) {
			i--
		}
		if i > 0 && countWord(ws[i-1].lower) || countWord(ws[i].lower) {
			return // "Two main families:": how many kinds follow, no genus
		}
	}
	if st.fragment && verbOpened(st, p) {
		return // "- sigmoid — squashes to (0, 1)": what it does
	}
	if st.fragment && p.j-p.i == 1 && properName(ws[p.i].text(st.s)) && !isAcronym(ws[p.i].text(st.s)) && p.j == len(ws) {
		return // "**Terraform** — HashiCorp.": who makes it, no class
	}
	if p.j-p.i > 1 && variantHeads[ws[p.j-1].lower] && (p.j == len(ws) || ws[p.j].lower != "of") {
		p.j-- // "RNN variants": kinds of RNN
	}
	head := lowerCase(ws[p.j-1].stem(st.s))
	if (head == "term" || head == "name" || head == "word") && p.j+1 < len(ws) && ws[p.j].lower == "for" {
		// "an umbrella term for non-relational databases": another name
		// of what follows, no class.
		if q := st.englishPhraseFrom(p.j + 1); !q.empty() && q.j-q.i <= 4 {
			if c := e.get(subj); c != nil {
				e.addAlias(c, st.text(q))
			}
		}
		return
	}
	if vagueHeads[head] || p.j < len(ws) && vagueHeads[ws[p.j].lower] {
		return // "a browser thing"
	}
	rel := graph.RelationType("")
	if r, ok := kindHeads[stem(head)]; ok && p.j < len(ws) && ws[p.j].lower == "of" {
		// "a kind of G", "an example of G", "a part of G"
		rel = r
		p = st.englishPhraseFrom(p.j + 1)
		if p.empty() {
			return
		}
		head = lowerCase(ws[p.j-1].stem(st.s))
	} else if (relationalHeads[stem(head)] || relationalHeads[head]) && (p.j-p.i == 1 || onlyAdjectives(st, phrase{p.i, p.j - 1}) || ws[p.j-1].paren > ws[p.i].paren || p.j < len(ws) && (ws[p.j].lower == "of" || ws[p.j].lower == "to")) {
		return // "a set of …", "a way to …", "the usual implementation"; but "an isolation level" is a class
	}
	if p.j-p.i == 1 && (genericNouns[head] || genericNouns[stem(head)]) {
		return
	}
	if genericNouns[head] || genericNouns[stem(head)] {
		// "a broad topic", "the most obvious solution": only adjectives
		// before a general noun.
		all := true
		for i := p.i; i < p.j-1; i++ {
			if !qualifying(ws[i].lower) && !(adjective(ws[i].lower) && !classifying(ws[i].lower)) {
				all = false
			}
		}
		if all {
			return
		}
	}
	if ownHead(st, p, e.nameOf(subj)) {
		e.ownHeadGenus(st, subj, p)
		return // "A hash function is a function …": its own head noun
	}
	genus := e.genusOf(st, p)
	if genus == "" || genus == subj || sameHeadNoun(e.nameOf(subj), e.nameOf(genus)) && len(strings.Fields(e.nameOf(genus))) == 1 {
		return
	}
	if e.placedUnder(subj, genus) {
		return
	}
	if rel == "" {
		rel = e.definitionRel(subj, genus)
		if st.named && rel == graph.TypeOf && productHeads[singular(lowerCase(lastWord(e.nameOf(genus))))] {
			rel = graph.ExampleOf // "npm, Yarn and pnpm are package managers": instances alike
		}
		if rel == graph.TypeOf && madeBy(st, p.j) && !acronymNamed(e.get(subj)) {
			rel = graph.ExampleOf // "hooktftp: a TFTP server written in Go"
		}
	}
	e.relate(subj, rel, genus, 0.75, st.ev, rule)
	e.memberOf(st, subj, p)
}

// verbOpened reports whether a phrase opening a fragment is a verb: "ship
// to ~5% of users first", "squashes to (0, 1)", "Collected from mock
// interviews", "randomly zero out neurons".
func verbOpened(st *sent, p phrase) bool {
	if p.i != 0 {
		return false
	}
	w := st.ws[0].lower
	if fn(strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")) == fnWh {
		return true // "what's on the machines"
	}
	if p.j > 1 {
		// "randomly zero out neurons": an adverb, then its verb.
		if len(w) <= 6 || !strings.HasSuffix(w, "ly") || strings.HasSuffix(w, "aly") {
			return false // (not "anomaly detection")
		}
		for _, noun := range []string{"bly", "ply", "ily", "oly"} {
			if strings.HasSuffix(w, noun) {
				return false // "assembly", "supply", "family", "monopoly"
			}
		}
		return true
	}
	if baseVerb(w) || englishVerb(w) {
		return true
	}
	return strings.HasSuffix(w, "ed") && len(st.ws) > 1 && st.ws[1].fn == fnPrep
}

// variantHeads follow a genus and say its subject is a kind of it: "LSTM
// and GRU are RNN variants".
var variantHeads = map[string]bool{"variant": true, "variants": true, "flavor": true, "flavors": true, "flavour": true, "flavours": true}

// vagueHeads name nothing a concept could be a kind of: "CORS is a
// browser thing".
var vagueHeads = map[string]bool{"thing": true, "things": true, "stuff": true, "something": true, "default": true, "once": true}

// oppositeSubject reads "The opposite of X is Y" from word k: X and Y
// are opposites. It reports whether the sentence opens so.
func (e *extractor) oppositeSubject(st *sent, k int) bool {
	ws := st.ws
	if k < len(ws) && ws[k].lower == "the" {
		k++
	}
	if k+2 >= len(ws) || !oppositeNouns[ws[k].lower] || ws[k+1].lower != "of" {
		return false
	}
	x := st.englishPhraseFrom(k + 2)
	if x.empty() || x.j >= len(ws) || ws[x.j].lower != "is" && ws[x.j].lower != "are" {
		return false
	}
	y := st.englishPhraseFrom(x.j + 1)
	if y.empty() || !nameLikePhrase(st, x) || !nameLikePhrase(st, y) {
		return true
	}
	a, b := e.conceptOf(st, x, true), e.conceptOf(st, y, true)
	if a != "" && b != "" && a != b {
		e.relate(a, graph.OppositeOf, b, 0.75, st.ev, "cue:opposite_of")
	}
	return true
}

// ownHeadGenus reads a definition whose genus is its subject's own head
// noun ("이진 트리는 … 트리입니다"): a kind of that concept when the notes
// name one so, and nothing (no new concept) when they do not.
func (e *extractor) ownHeadGenus(st *sent, subj string, p phrase) {
	if g := e.conceptOf(st, p, false); g != "" && g != subj && !e.placedUnder(subj, g) {
		e.relate(subj, graph.TypeOf, g, 0.7, st.ev, "definition")
	}
}

// ownHead reports whether a genus of one word is the head noun of the
// name it would define, checked before the genus becomes a concept: a
// "네트워크 주소 … 주소" does not make "주소" one.
func ownHead(st *sent, p phrase, name string) bool {
	return p.j-p.i == 1 && sameHeadNoun(name, st.ws[p.i].stem(st.s))
}

// madeBy reports whether the words from k say who made or wrote what the
// genus before them names: "written in Go", "developed by Google".
func madeBy(st *sent, k int) bool {
	if k+1 >= len(st.ws) || !madeWords[st.ws[k].lower] {
		return false
	}
	switch st.ws[k+1].lower {
	case "in", "by", "at":
		return true
	}
	return false
}

// placedUnder reports whether subj is already related to a concept named
// after genus with words before it: "Code: 코드 자체를 구성하는 메모리
// 영역" under "프로세스의 메모리 영역" is one of those, not of a
// 메모리 영역 of its own.
func (e *extractor) placedUnder(subj, genus string) bool {
	g := e.get(genus)
	if g == nil {
		return false
	}
	tail := " " + lowerCase(g.name)
	for _, id := range e.neighbours[subj] {
		if !hasKey(e.relIndex, relKey{subj, id, graph.PartOf}) && !hasKey(e.relIndex, relKey{subj, id, graph.TypeOf}) {
			continue
		}
		if w := e.get(id); w != nil && id != genus && strings.HasSuffix(lowerCase(w.name), tail) {
			return true
		}
	}
	return false
}

// memberOf reads what follows a genus: "a protocol in the Internet
// protocol suite", "one of the protocols of the TCP/IP stack" make the
// subject part of the whole named after "in" or "of" when its head names
// a whole made of members (collectionNouns).
func (e *extractor) memberOf(st *sent, subj string, p phrase) {
	ws := st.ws
	if subj == "" || p.empty() || p.j+1 >= len(ws) || ws[p.j-1].hard() {
		return
	}
	switch ws[p.j].lower {
	case "in", "of", "within":
	default:
		return
	}
	q := st.englishPhraseFrom(p.j + 1)
	if q.empty() || !collectionNouns[strings.TrimSuffix(ws[q.j-1].lower, "s")] || q.j-q.i < 2 && !unicode.IsUpper(firstRune(ws[q.i].text(st.s))) {
		return
	}
	if id := e.conceptOf(st, q, nameLikePhrase(st, q)); id != "" && id != subj {
		e.relate(subj, graph.PartOf, id, 0.7, st.ev, "member-of")
	}
}

// koreanDefinition reads "X는 … G이다" and its kin.
func (e *extractor) koreanDefinition(st *sent, c ctx, topic string) {
	if n := len(st.ws); n > 1 {
		if r, ok := st.contractedAt(n - 1); ok {
			// "… 경량 스레드다": the copula contracted after a vowel.
			cp := *st
			cp.ws = slices.Clone(st.ws)
			w := &cp.ws[n-1]
			w.stemEnd, w.ending, w.kind, w.hangul = w.start+len(r), "다", endCopula, true
			st = &cp
		}
	}
	ws := st.ws
	// "TCP는 … 프로토콜이고 UDP는 … 프로토콜이다": two clauses, each
	// defining its own topic.
	for k := 0; k+1 < len(ws); k++ {
		if w := &ws[k]; w.kind != endCopula || w.stemEnd == w.start || !joiningCopula(w.ending) || ws[k+1].kind != endTopic && ws[k+1].kind != endNone {
			continue
		}
		j := k + 1
		for j < len(ws) && ws[j].kind == endNone && j < k+4 {
			j++
		}
		if j >= len(ws) || ws[j].kind != endTopic {
			continue
		}
		first := &sent{s: st.s[:ws[k].end], lower: st.lower[:ws[k].end], ws: ws[:k+1], ev: st.ev, ko: true, t: st.t, off: st.off, known: st.known}
		e.koreanDefinition(first, c, topic)
		rest := st.s[ws[k+1].start:]
		second := &sent{s: rest, lower: asciiLower(rest), ws: words(rest), ev: st.ev, ko: true, t: st.t, off: st.off + ws[k+1].start, known: st.known}
		if p := second.koreanPhraseAt(j - k - 1); !p.empty() {
			if t := e.conceptOf(second, p, nameLikePhrase(second, p)); t != "" {
				e.koreanDefinition(second, ctx{subject: c.subject}, t)
			}
		}
		return
	}
	subj := topic
	if k := koreanTopicWithin(st, 0); k >= 0 && labelWord(st.ws[k].stem(st.s)) {
		return // "GBn ARQ의 특징은 …": about a feature, not a definition
	}
	if subj != "" && !koreanTopicMarked(st) {
		// "구글이 … 담긴 오픈소스": a subject inside a modifier clause,
		// not what the sentence defines.
		subj = ""
	}
	if subj == "" && koreanTopicMarked(st) {
		subj = e.oneSyllableTopic(st)
	}
	subjs := []string{subj}
	if subj == "" {
		// "AVL 트리와 레드블랙 트리는 … 트리입니다": subjects in a list.
		subjs = e.koreanListedSubjects(st)
		if len(subjs) > 0 {
			subj = subjs[0]
		}
	}
	if subj == "" && (c.first || c.own) && !koreanTopicMarked(st) {
		subj = c.subject // (a topic that names nothing is not the text's concept)
		subjs = []string{subj}
	}
	if subj == "" {
		return
	}
	genus := func(k int) {
		for _, s := range subjs {
			e.koreanGenus(st, s, k)
		}
	}
	// "X란 … G를 말한다", "… G를 의미한다"
	end := strings.TrimRight(st.s, ". \t\n")
	for _, c := range [][2]string{{"하고", "한다"}, {"하며", "한다"}, {"키고", "킨다"}, {"키며", "킨다"}} {
		if r, ok := strings.CutSuffix(end, c[0]); ok {
			end = r + c[1] // "…를 의미하고," the clause a sentence of two ends
			break
		}
	}
	for _, d := range koreanDefiners {
		if i := len(end) - len(d); i > 0 && strings.HasSuffix(end, d) {
			k := st.objectWord(i)
			if k >= 0 {
				genus(k)
			}
			return
		}
	}
	// The predicate: a copula, or "G로," after the topic.
	for k := len(ws) - 1; k >= 0; k-- {
		w := &ws[k]
		if w.kind == endCopula && w.stemEnd > w.start {
			if k < len(ws)-1 && w.ending != "이며" && w.ending != "이고" && w.ending != "며" && w.ending != "고" && w.ending != "이지만" && w.ending != "인데" {
				continue
			}
			genus(k)
			return
		}
		if commaRo(*w) && topic != "" && k > 0 {
			genus(k)
			return
		}
	}
	last := len(ws) - 1
	// "큐는 FIFO 자료구조.", "JVM은 자바 런타임": the topic, then only a
	// noun phrase (its modifiers in the genitive), the copula left out.
	if topic != "" && koreanTopicMarked(st) && ws[last].kind == endNone && !endsPredicate(ws[last].text(st.s)) {
		if t := koreanTopicWithin(st, 0); t >= 0 && t < last && plainTopic(ws[t].ending) && bareNounPredicate(st, t+1) {
			genus(last)
			return
		}
	}
	// A noun phrase alone, after a modifier clause with an argument:
	// "… 데이터를 전송하는 통신 네트워크 장비."
	if !(c.first || c.own || topic != "") || ws[last].kind != endNone || endsPredicate(ws[last].text(st.s)) {
		return
	}
	p := st.koreanPhraseAt(last)
	if p.empty() || p.i == 0 {
		return
	}
	mod := &ws[p.i-1]
	if mod.kind != endModifier {
		return
	}
	switch mod.text(st.s) {
	case "통한", "대한", "관한", "의한", "인한", "따른", "같은", "다른":
		return // "… 데이터를 통한 추론": a relation, not a definition
	}
	argued := false
	for i := 0; i < p.i-1; i++ {
		switch ws[i].kind {
		case endObject, endAdverb, endSubject, endTopic, endOf:
			argued = true
		case endAnd:
			// "클라우드 API와 통신하는 플러그인": with whom, right before
			// the verb (not "A와 B를 …", a list).
			argued = argued || i == p.i-2
		case endPredicate, endCopula:
			if ws[i].hard() {
				return // a clause ends before: not one noun phrase
			}
		}
	}
	if argued {
		genus(last)
		e.purposeObjects(st, subj, p.i)
	}
}

// adnominalVerb reports whether a Hangul word ends as a verb in its
// modifier form does: a last syllable closed by ㄴ or ㄹ ("바꾼", "만들"),
// or 는 or 던 ("나누는"). Only read after a word marked as an object or
// adverb, or a verb form ("있게"), where a noun would need a particle of
// its own.
func adnominalVerb(w string) bool {
	r, _ := utf8.DecodeLastRuneInString(w)
	if r < 0xAC00 || r > 0xD7A3 || utf8.RuneCountInString(w) < 2 {
		return false
	}
	switch final := (r - 0xAC00) % 28; {
	case r == '는' || r == '던':
		return true
	case final == 4 || final == 8: // ㄴ, ㄹ
		return true
	}
	return false
}

// bareNounPredicate reports whether the words of a Korean sentence from
// k on are only a noun phrase, with modifiers in the genitive ("LIFO
// 구조의 자료구조"): no verb, particle or clause among them.
func bareNounPredicate(st *sent, k int) bool {
	for i := k; i < len(st.ws); i++ {
		w := &st.ws[i]
		if w.kind != endNone && w.kind != endOf || i < len(st.ws)-1 && w.hard() || !w.hangul && !w.latin || endsInVerb(w.text(st.s)) {
			return false
		}
	}
	// "레디스는 Single Threaded", "… off": an English quality, not a class.
	if l := st.ws[len(st.ws)-1]; l.latin && !l.hangul {
		w := l.lower
		if adjective(w) || participle(w) || strings.HasSuffix(w, "ing") || fn(w) != 0 || len(w) < 3 {
			return false
		}
	}
	return true
}

// plainTopic reports whether a topic ending marks what a sentence is
// about itself ("큐는", "X란"), not a place or an addition ("에서는",
// "에도").
func plainTopic(ending string) bool {
	switch ending {
	case "은", "는", "이란", "란":
		return true
	}
	return false
}

// purposeObjects reads what a definition's clause says the concept is
// for: "다수의 컨테이너를 자동으로 운영하기 위한 오케스트레이션 도구", "Linux
// 컨테이너를 만들고 사용할 수 있도록 하는 … 플랫폼": a tool for working a
// known concept uses it. (Only a concept the notes know: "트래픽을 나누는
// 장비" says what it does, not what it is built on.)
func (e *extractor) purposeObjects(st *sent, subj string, genus int) {
	purpose := false
	for i := genus - 1; i >= 0 && i >= genus-4; i-- {
		switch t := st.ws[i].text(st.s); {
		case t == "위한" || t == "위해" || strings.HasSuffix(t, "하기") && i+1 < genus && st.ws[i+1].text(st.s) == "위한":
			purpose = true
		case strings.HasPrefix(t, "사용할") || strings.HasPrefix(t, "이용할") || strings.HasPrefix(t, "활용할") || t == "있도록":
			purpose = true
		}
	}
	if !purpose {
		return
	}
	for i := 0; i < genus; i++ {
		if st.ws[i].kind != endObject {
			continue
		}
		p := st.koreanPhraseAt(i)
		if id := e.conceptOf(st, p, false); id != "" && id != subj {
			e.relate(subj, graph.Uses, id, 0.7, st.ev, "definition")
		}
	}
}

// oneSyllableTopic defines the one-syllable noun that opens a Korean
// definition as its topic ("큐는 FIFO 방식의 자료구조다", "힙은 …"): a
// name too short to be made a concept anywhere else, where the copula
// says it is one. It returns "" for other sentences and for function
// nouns ("것은", "이는").
func (e *extractor) oneSyllableTopic(st *sent) string {
	w := &st.ws[0]
	if w.kind != endTopic || !oneSyllableNoun(st, phrase{0, 1}) || !endsInCopula(st) && !slices.ContainsFunc(st.ws[1:], commaRo) && !(plainTopic(w.ending) && bareNounPredicate(st, 1)) || len(st.ws) < 3 {
		return ""
	}
	return e.define(nameSet{name: w.stem(st.s)}, st.ev.Line, fromText)
}

// ownerOf returns the concept that owner, a phrase marked 의 before a
// label, names; one syllable is name enough there ("큐의 연산으로는 …").
func (e *extractor) ownerOf(st *sent, owner phrase) string {
	if id := e.conceptOf(st, owner, nameLikePhrase(st, owner)); id != "" || !oneSyllableNoun(st, owner) {
		return id
	}
	return e.define(nameSet{name: st.ws[owner.i].stem(st.s)}, st.ev.Line, fromText)
}

// commaRo reports whether w is a noun that ends a definition's predicate
// before a comma: "… 자료구조로, …".
func commaRo(w word) bool {
	return w.kind == endAdverb && (w.ending == "로" || w.ending == "으로") && strings.Contains(w.after, ",")
}

// oneSyllableNoun reports whether p is one Hangul syllable that may name
// a concept ("큐", "힙", "락"), not a function noun.
func oneSyllableNoun(st *sent, p phrase) bool {
	if p.j-p.i != 1 {
		return false
	}
	w := &st.ws[p.i]
	stem := w.stem(st.s)
	return w.fn == 0 && utf8.RuneCountInString(stem) == 1 && isHangul(firstRune(stem)) && !functionNouns[stem]
}

// functionNouns are one-syllable Korean nouns that stand for something
// else or for nothing: pronouns, bound nouns, times and places.
var functionNouns = map[string]bool{
	"이": true, "그": true, "저": true, "것": true, "수": true, "때": true, "곳": true, "점": true, "등": true, "중": true,
	"뒤": true, "앞": true, "위": true, "안": true, "밖": true, "후": true, "전": true, "측": true, "번": true, "개": true,
	"명": true, "분": true, "초": true, "날": true, "해": true, "달": true, "말": true, "일": true, "나": true, "너": true,
	"데": true, "바": true, "줄": true, "뿐": true, "채": true, "편": true, "쪽": true, "간": true, "외": true, "내": true,
}

// koreanTopicMarked reports whether the sentence's first phrase carries a
// topic marker ("X는", "X란", "X의 경우"), not only a subject marker.
func koreanTopicMarked(st *sent) bool {
	k := 0
	for k < len(st.ws) && sentenceOpeners[st.ws[k].lower] {
		k++
	}
	h := koreanTopicWithin(st, k)
	return h >= 0 && (st.ws[h].kind == endTopic || st.ws[h].kind == endOf || st.ws[h].kind == endSubject && endsInCopula(st))
}

// joiningCopula reports whether a copula's ending joins its clause to
// another: "프로토콜이고", "장비이며", "개념이지만".
func joiningCopula(e string) bool {
	switch e {
	case "이고", "이며", "고", "며", "이지만", "지만", "인데":
		return true
	}
	return false
}

// endsInCopula reports whether the sentence ends with a copula: "X가 G이다".
func endsInCopula(st *sent) bool {
	last := &st.ws[len(st.ws)-1]
	return last.kind == endCopula
}

// koreanGenus relates subj to the genus headed by word k.
func (e *extractor) koreanGenus(st *sent, subj string, k int) {
	p := st.koreanPhraseAt(k)
	if p.empty() || joinedPhrase(st, p) || quotedPhrase(st, p) {
		return
	}
	if p.i > 0 && (st.ws[p.i-1].text(st.s) == "안" || st.ws[p.i-1].text(st.s) == "못") {
		return // "트랜잭션이 안 먹음": a verb denied, no genus
	}
	// "gRPC는 HTTP/2 기반이고": what it is based on, which it uses; "NAT
	// 게이트웨이 경유": what it goes through.
	if h := st.ws[p.j-1].stem(st.s); p.j-p.i > 1 && (h == "기반" || h == "경유") {
		if id := e.conceptOf(st, phrase{p.i, p.j - 1}, nameLikePhrase(st, phrase{p.i, p.j - 1})); id != "" && id != subj {
			e.relate(subj, graph.Uses, id, 0.75, st.ev, "definition")
		}
		return
	}
	// "SJF를 선점형으로 바꾼 알고리즘": a verb of the clause before, in
	// its modifier form, is no part of the genus.
	if p.j-p.i > 1 && p.i > 0 && (st.ws[p.i-1].kind == endObject || st.ws[p.i-1].kind == endAdverb || st.ws[p.i-1].kind == endPredicate) && adnominalVerb(st.ws[p.i].text(st.s)) {
		p.i++
	}
	for i := p.i; i < p.j; i++ {
		if oppositeWords[st.ws[i].stem(st.s)] {
			return // "비선점형의 반대 개념": the opposite cue reads it
		}
	}
	for p.j-p.i > 1 && koreanQuantifiers[st.ws[p.i].text(st.s)] {
		p.i++ // "다 enum": all of them are, no part of the class
	}
	// "UDP 기반 프로토콜": a class, and what it is based on, which it uses.
	for m := p.i + 1; m < p.j-1; m++ {
		if st.ws[m].text(st.s) == "기반" || st.ws[m].text(st.s) == "기반의" {
			if id := e.conceptOf(st, phrase{p.i, m}, nameLikePhrase(st, phrase{p.i, m})); id != "" && id != subj {
				e.relate(subj, graph.Uses, id, 0.75, st.ev, "definition")
			}
			p.i = m + 1
			break
		}
	}
	head := st.ws[p.j-1].stem(st.s)
	if purposeWord(head) || predicateNouns[head] || p.j-p.i == 1 && endsPredicate(head) {
		return // "단순 타입용": what it is for; "아직 무서움", "여러 개 허용": a predicate
	}
	// "애플리케이션 계층을 처리하는 기기로": a general noun named by its
	// relative clause.
	if p.j-p.i == 1 && genericNouns[head] {
		if q := st.relativePhrase(p); !q.empty() {
			// Only a class the notes name so ("## 애플리케이션 계층을
			// 처리하는 기기"): "… 조절하는 기법" is a description.
			if id := e.conceptOf(st, q, false); id != "" && id != subj {
				e.relate(subj, e.definitionRel(subj, id), id, 0.7, st.ev, "definition")
			}
			return
		}
	}
	if p.j-p.i == 1 && (genericNouns[head] || relationalHeads[head] || utf8.RuneCountInString(head) < 2) {
		return
	}
	if (strings.HasSuffix(head, "적") || strings.HasSuffix(head, "편")) && utf8.RuneCountInString(head) >= 2 {
		return // "효율적이다", "느린편이다": a quality, not a class
	}
	if p.i > 0 && st.ws[p.i-1].kind == endOf && relationalHeads[head] {
		return // "DBMS의 구성 요소입니다": a part of the whole, not a kind of "요소"
	}
	if p.j-p.i > 1 && genericNouns[st.ws[p.i].stem(st.s)] {
		return
	}
	if ownHead(st, p, e.nameOf(subj)) {
		e.ownHeadGenus(st, subj, p)
		return // "마이크로 서비스 아키텍쳐 … 아키텍쳐": its own head noun
	}
	genus := e.genusOf(st, p)
	if genus == "" || genus == subj || sameHeadNoun(e.nameOf(subj), e.nameOf(genus)) && len(strings.Fields(e.nameOf(genus))) == 1 {
		return
	}
	if e.placedUnder(subj, genus) {
		return
	}
	e.relate(subj, e.definitionRel(subj, genus), genus, 0.7, st.ev, "definition")
}

// predicateNouns are verbal and adjectival nouns that close a casual
// Korean statement as its verb would ("reader 여러 개 허용", "끝까지
// 유효"): no class. (In a title they name a concept: "## 순서 보장".)
var predicateNouns = map[string]bool{"허용": true, "유효": true, "보장": true, "지원": true, "권장": true, "필수": true, "금지": true,
	"가능": true, "불가능": true, "불가": true, "필요": true, "불필요": true}

// koreanQuantifiers open a Korean predicate to say how many of the
// subject's members it holds for: "다 enum", "대부분 이거".
var koreanQuantifiers = map[string]bool{"다": true, "모두": true, "전부": true, "대부분": true, "대개": true, "다들": true}

// koreanListedSubjects returns the concepts an enumeration opening a
// Korean sentence and marked as its topic names ("A와 B는", "A, B, C는"),
// or nil when the sentence does not open so.
func (e *extractor) koreanListedSubjects(st *sent) []string {
	if !endsInCopula(st) {
		return nil // "A와 B는 … 진행하고": no definition to share
	}
	for h := 0; h < len(st.ws) && h < 12; h++ {
		switch w := &st.ws[h]; w.kind {
		case endNone, endAnd:
			if w.hard() && !strings.Contains(w.after, ",") {
				return nil
			}
			continue
		case endTopic:
			items := st.koreanEnumEndingAt(h)
			if len(items) < 2 || items[0].i != 0 {
				return nil
			}
			var out []string
			for _, p := range items {
				if id := e.conceptOf(st, p, nameLikePhrase(st, p)); id != "" {
					out = append(out, id)
				}
			}
			return out
		}
		return nil
	}
	return nil
}

// quantified reports whether a name starts with a quantifier: "멀티 스레드".
func quantified(name string) bool {
	lower := lowerCase(name)
	for _, q := range quantifierPrefixes {
		if strings.HasPrefix(lower, q) {
			return true
		}
	}
	return false
}

// equation reads "반대개념 = X" and "3대 특성 = A, B, C": a label, an equals
// sign, and the names it applies to.
func (e *extractor) equation(st *sent, c ctx) bool {
	s := st.s
	i := strings.Index(s, "=")
	if i <= 0 || strings.Contains(s, "==") {
		return false
	}
	left := strings.Trim(strings.TrimSpace(s[:i]), "`")
	right := strings.Trim(strings.TrimSpace(s[i+1:]), "`")
	if strings.Contains(right, "+") && e.sum(dropArticle(left), right, st.ev) {
		return true // "A lakehouse = lake storage + warehouse features"
	}
	if c.subject == "" {
		return false
	}
	info, ok := labelTitle(left)
	if !ok || info.lab.mode != labelRel {
		return false
	}
	sc := scope{subject: c.subject, list: listMode{lab: info.lab}}
	names := splitNames(right)
	for _, n := range names {
		id := e.define(n, st.ev.Line, fromItem)
		e.structural(id, sc, st.ev, n.name, false, "label")
	}
	return len(names) > 0
}

// exampleMarkIn returns where the names after an example mark in a
// parenthesis start ("e.g. ", "예: ", "ex) ", opening it or after a
// comma), or -1.
func exampleMarkIn(inside string) int {
	lower := asciiLower(inside) // (same byte offsets as inside)
	for _, m := range []string{"e.g.", "e.g", "eg.", "예:", "예)", "ex)"} {
		i := strings.Index(lower, m)
		if i < 0 || i > 0 && !strings.HasSuffix(strings.TrimRight(lower[:i], " "), ",") {
			continue
		}
		return i + len(m)
	}
	return -1
}

// parenUseRe reads a remark in parentheses that says what the name before
// it is built with: "(Go로 작성)", "(Rust로 다시 쓴 …)", "(webpack 기반)",
// "(written in Go)", "(based on Lucene)".
var parenUseRe = regexp.MustCompile(`^(?:([^\s,]+?)(?:으로|로) (?:다시 )?(?:작성|만든|만들어|쓴|구현|개발)|([^\s,]+(?: [^\s,]+)?) 기반|(?:written in|built on|built with|based on|powered by) ([^,]+?))(?:[ ,].*)?$`)

// parenUses reads "esbuild (Go로 작성)", "CRA(webpack 기반)": the name
// before the parenthesis uses what the remark names.
func (e *extractor) parenUses(st *sent) {
	ws := st.ws
	for k, j := range st.parenGroups() {
		inside := strings.TrimSpace(st.s[ws[k].start:ws[j].end])
		var m []string
		if strings.Contains(inside, "로 ") || strings.Contains(inside, "기반") || strings.Contains(inside, " in ") || strings.Contains(inside, " on ") ||
			strings.Contains(inside, " with ") || strings.Contains(inside, " by ") {
			m = parenUseRe.FindStringSubmatch(inside) // (most parentheses hold none of its words)
		}
		if m == nil {
			continue
		}
		obj := m[1] + m[2] + m[3]
		p := st.phraseBeforeParen(k)
		for !p.empty() && p.j-p.i > 1 && ws[p.j-1].latin && ws[p.i].hangul {
			p.i++ // "회사 프로젝트 CRA(webpack 기반)": the name written in Latin
		}
		if p.empty() || p.j != k || !nameLikePhrase(st, p) || joinedPhrase(st, p) {
			continue
		}
		ns := parseNames(obj)
		if len(ns) != 1 || !nameLike(ns[0].name, true) {
			continue
		}
		if subj, id := e.conceptOf(st, p, true), e.define(ns[0], st.ev.Line, fromText); subj != "" && id != "" && subj != id {
			e.relate(subj, graph.Uses, id, 0.7, st.ev, "cue:uses")
		}
	}
}

// parenGroups yields, left to right, the first and last word of each
// parenthesis of st that opens after a word, and goes on after it.
func (st *sent) parenGroups() iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		for k := 1; k < len(st.ws); k++ {
			j := st.parenGroupAt(k)
			if j < 0 {
				continue
			}
			if !yield(k, j) {
				return
			}
			k = j
		}
	}
}

// phraseBeforeParen is the noun phrase that ends at word k-1, before the
// parenthesis opening at word k, read as Korean or English by that word.
func (st *sent) phraseBeforeParen(k int) phrase {
	if st.ws[k-1].hangul || st.ws[k-1].kind != endNone {
		return st.koreanPhraseAt(k - 1)
	}
	return st.englishPhraseBefore(k)
}

// parenGroupAt returns the last word of the parenthesis that opens at
// word k, or -1 when none opens there.
func (st *sent) parenGroupAt(k int) int {
	ws := st.ws
	if ws[k].paren == 0 || ws[k-1].paren >= ws[k].paren || !strings.Contains(ws[k].before, "(") {
		return -1
	}
	j := k
	for j+1 < len(ws) && ws[j+1].paren >= ws[k].paren {
		j++
	}
	return j
}

// parenExamples reads "무선 LAN기술(와이파이 등)", "databases (e.g. MySQL,
// PostgreSQL)": the names in parentheses ending in "등" or opened by
// "e.g." are examples of the phrase before them.
func (e *extractor) parenExamples(st *sent) {
	ws := st.ws
	for k, j := range st.parenGroups() {
		inside := strings.TrimSpace(st.s[ws[k].start:ws[j].end])
		var body string
		many := false // three names or more, a class's members
		mark := exampleMarkIn(inside)
		switch {
		case strings.HasSuffix(inside, "등") || strings.HasSuffix(inside, " etc") || strings.HasSuffix(inside, "etc"):
			body = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(inside, "등"), "etc"), "."))
		case (strings.HasSuffix(inside, "...") || strings.HasSuffix(inside, "…")) && strings.ContainsAny(inside, ",，"):
			// "(CPU 사용률, 요청 수, 응답 시간...)": an open list, as with "등"
			body = strings.TrimSpace(strings.TrimRight(inside, ".…"))
		case mark >= 0:
			// "(e.g. MySQL, PostgreSQL)", "(static analysis, e.g.
			// Semgrep, SonarQube)": the names after the mark.
			body = strings.TrimSpace(strings.TrimLeft(inside[mark:], ".:), "))
		default:
			if plain := strings.ReplaceAll(inside, "`", ""); e.parenInstances(st, k, j, splitAliases(plain)) {
				// "transformations (`filter`, `select`, `groupBy`)": three
				// names or more after a class are members, not its other
				// names.
				body, many = plain, true
				break
			}
			if alts := splitAliases(inside); len(alts) == 2 && !st.ko && properName(alts[0]) && properName(alts[1]) {
				// "a key pair (RSA, ECDSA)": two names that are not the
				// class's other names are its members.
				if outer := st.englishPhraseBefore(k); !outer.empty() && outer.j == k && !strings.HasSuffix(ws[k-1].lower, "ing") && parenMembers(st.text(outer), alts) {
					body = inside
					break
				}
			}
			continue
		}
		p := st.phraseBeforeParen(k)
		if ws[k-1].hangul || ws[k-1].kind != endNone {
			if p.j-p.i > 1 && supportNouns[ws[p.j-1].stem(st.s)] {
				p.j-- // "다양한 DB 지원 (MySQL, …)": examples of DB, not of 지원
			}
		}
		class := e.object(st, p, nameLikePhrase(st, p), false)
		if class == "" && many && !p.empty() {
			// "transformations (filter, select, groupBy)": a common noun
			// that names its members is a class.
			class = e.define(singularName(nameSet{name: st.text(p)}), st.ev.Line, fromText)
		}
		names := splitNames(body)
		if class == "" || len(names) == 0 {
			continue
		}
		for _, n := range names {
			id := e.define(n, st.ev.Line, fromText)
			rel := graph.ExampleOf
			if !e.properNamed(id) && !hasHangul(n.name) && !codeNamed(st, n.name, k, j) {
				rel = graph.TypeOf
			}
			e.relate(id, rel, class, 0.8, st.ev, "hearst")
		}
	}
}

// parenInstances reports whether alts, the names in the parentheses
// from word k to word j, are three or more instances (proper names,
// identifiers, code) of the English common noun before them, none named
// twice and none the class's own acronym or expansion.
func (e *extractor) parenInstances(st *sent, k, j int, alts []string) bool {
	if len(alts) < 3 || st.ko || repeats(alts) {
		return false
	}
	outer := st.englishPhraseBefore(k)
	if !nounBefore(st, k, outer) || !parenMembersMany(st.text(outer), alts) {
		return false
	}
	return !slices.ContainsFunc(alts, func(a string) bool {
		return !nameLike(a, true) || len(strings.Fields(a)) > 3 || hasHangul(a) || !properName(a) && !identName(a) && !codeNamed(st, a, k, j)
	})
}

// repeats reports whether a name comes twice among names: a sequence
// ("four packets (FIN, ACK, FIN, ACK)"), not members.
func repeats(names []string) bool {
	seen := map[string]bool{}
	for _, n := range names {
		if seen[lowerCase(n)] {
			return true
		}
		seen[lowerCase(n)] = true
	}
	return false
}

// nounBefore reports whether the English word before word k, the last
// of phrase outer, is a common noun: "transformations (…)", "an action
// (…)".
func nounBefore(st *sent, k int, outer phrase) bool {
	w := st.ws[k-1].text(st.s)
	return isLatin(w) && (w == st.ws[k-1].lower || k == 1 && titleCased(w)) && st.ws[k-1].fn == 0 && (!englishVerb(w) || nounToo[w]) && !adjective(w) &&
		!participle(st.ws[k-1].lower) && !strings.Contains(st.text(outer), "+")
}

// codeNamed reports whether name is written as code between words k and
// j: an identifier, an instance of its class ("`filter`").
func codeNamed(st *sent, name string, k, j int) bool {
	for _, m := range st.marks {
		if m.kind == markCode && m.start >= st.ws[k].start && m.end <= st.ws[j].end && strings.TrimSpace(strings.Trim(st.s[m.start:m.end], "`")) == name {
			return true
		}
	}
	return false
}

// inlineAliases reads a name written with its acronym or translation in
// parentheses inside a sentence: "A content delivery network (CDN) is …",
// "프로세스 간의 통신(IPC)을 사용한다", "메모리(Memory)": one concept, both
// names.
func (e *extractor) inlineAliases(st *sent) {
	ws := st.ws
	for k := 1; k < len(ws); k++ {
		j := st.parenGroupAt(k)
		if j < 0 {
			continue
		}
		inside := strings.TrimSpace(st.s[ws[k].start:ws[j].end])
		var p phrase
		if st.ko && ws[k-1].hangul {
			p = st.koreanPhraseAt(k - 1)
		} else {
			p = st.englishPhraseBefore(k)
		}
		if p.empty() || p.j != k {
			continue
		}
		outer := st.text(p)
		translation := hasHangul(outer) != hasHangul(inside) && utf8.RuneCountInString(inside) <= 40 && len(strings.Fields(inside)) <= 5 && !parenRemark(inside)
		acronym := isAcronym(inside) && strings.EqualFold(initials(outer), inside) || isAcronym(outer) && strings.EqualFold(initials(inside), outer)
		if !translation && !acronym || !nameLike(outer, true) || !nameLike(inside, true) {
			continue
		}
		if strings.ContainsAny(inside, ",=:") {
			continue
		}
		e.define(nameSet{name: outer, aliases: []string{inside}}, st.ev.Line, fromText)
		k = j
	}
}

// contractedAt reads word i as contractedCopula does, when the word
// analysis took it for a verb form.
func (st *sent) contractedAt(i int) (string, bool) {
	if w := &st.ws[i]; w.kind == endPredicate && w.stemEnd == w.start {
		return contractedCopula(w.text(st.s))
	}
	return "", false
}

// contractedCopula reads "스레드다", "프로세스다": a noun ending in a vowel
// with the copula 이다 contracted to 다. It returns the noun. Verb forms
// ending so ("나누다", "빠르다", "느리다", "미치다") are not: their last
// syllables are in verbSyllables, or, for syllables common in both,
// the noun needs three syllables ("메모리다", "메시지다").
func contractedCopula(w string) (string, bool) {
	r, ok := strings.CutSuffix(w, "다")
	n := utf8.RuneCountInString(r)
	if !ok || n < 2 || !hasHangul(r) {
		return "", false
	}
	last, _ := utf8.DecodeLastRuneInString(r)
	if last < 0xAC00 || last > 0xD7A3 || (last-0xAC00)%28 != 0 {
		return "", false // a final consonant: "있다", "같다", "한다"
	}
	switch {
	case strings.ContainsRune(verbSyllables, last):
		return "", false
	case strings.ContainsRune(sharedSyllables, last) && n < 3:
		return "", false
	case strings.HasSuffix(r, "어지") || strings.HasSuffix(r, "아지") || strings.HasSuffix(r, "워지"):
		return "", false // "만들어지다"
	}
	return r, true
}

// verbSyllables end verb stems, never nouns, before 다 (니: "있습니다",
// "나옵니다"); sharedSyllables
// end both ("느리다" and "메모리다").
const (
	verbSyllables   = "하되르주내누추쓰가나보끄뜨워려져쳐펴켜겨혀니"
	sharedSyllables = "리지치오우이서시기히키비미"
)

// classifying reports whether an adjective sorts things into kinds
// ("structural", "behavioral", "relational") rather than praising or
// describing them ("obvious", "useful"): a noun before "-al".
func classifying(w string) bool {
	return strings.HasSuffix(w, "ural") || strings.HasSuffix(w, "ional") || strings.HasSuffix(w, "ioral") || strings.HasSuffix(w, "ical") || strings.HasSuffix(w, "ive")
}
