package extract

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word of a statement. Latin and Hangul runs are separate
// tokens even when written together ("DNS도" is "DNS" and "도").
type token struct {
	start, end int    // byte offsets in the statement
	norm       string // graph.NormName of the token
	hangul     bool
	// hard is set when punctuation (not just space) separates this token
	// from the previous one: a name never spans it.
	hard bool
	// attached is set when no space separates this token from the previous
	// one ("DNS도").
	attached bool
}

// joiners stand between letters inside one word: "Kube-Proxy", "Node.js".
func isJoiner(r rune) bool { return r == '-' || r == '.' || r == '\'' || r == '_' }

// symbols are one-rune tokens that names may contain: "Compare & Swap",
// "C++", "TCP/IP".
func isSymbol(r rune) bool { return r == '&' || r == '+' || r == '#' || r == '/' }

func tokenize(s string) []token { return appendTokens(nil, s) }

// appendTokens appends the tokens of s to toks.
func appendTokens(toks []token, s string) []token {
	// About a token per space: appending seldom grows the slice.
	if n := strings.Count(s, " ") + 2; cap(toks)-len(toks) < n {
		toks = append(make([]token, 0, len(toks)+n), toks...)
	}
	hard, space := false, false
	i := 0
	for i < len(s) {
		r, w := decodeRune(s[i:])
		switch {
		case wordRune(r):
			hangul := isHangul(r)
			j := i + w
			for j < len(s) {
				r2, w2 := decodeRune(s[j:])
				if wordRune(r2) || combining(r2) {
					if isHangul(r2) != hangul {
						break
					}
					j += w2
					continue
				}
				if isJoiner(r2) && !hangul && j+w2 < len(s) {
					r3, _ := utf8.DecodeRuneInString(s[j+w2:])
					if wordRune(r3) && !isHangul(r3) {
						j += w2
						continue
					}
				}
				break
			}
			toks = append(toks, token{start: i, end: j, norm: nameKey(s[i:j]), hangul: hangul, hard: hard, attached: len(toks) > 0 && !space && !hard})
			hard, space = false, false
			i = j
			continue
		case isSymbol(r):
			toks = append(toks, token{start: i, end: i + w, norm: string(r), hard: hard, attached: !space})
			hard, space = false, false
		case unicode.IsSpace(r):
			space = true
		default:
			hard = true
		}
		i += w
	}
	return toks
}

// index finds concept names in text. An index over a base finds the
// base's names first (they were claimed first) and its own after them; the
// base is only read.
type index struct {
	base   *index
	byKey  map[string]string // nameKey(name) -> concept id
	byStem map[string]string // stemKey(name) -> concept id
	prefix map[string]bool   // every rune prefix of a key
	// trace, when set, records what is read and written here and in the
	// base (see merging).
	trace *trace
	// found holds what lookup returned since the index last changed,
	// when memo is set: in the index of one note's reader, used by one
	// goroutine, over a base that does not change meanwhile (never a
	// merge's, whose base a partial replay changes and whose lookups are
	// traced).
	found map[string]string
	memo  bool
	// toks and ms are lookupNow's, to use again (memo indexes only).
	toks []token
	ms   []mention
}

func newIndex(base *index) *index {
	return &index{base: base, byKey: map[string]string{}, byStem: map[string]string{}, prefix: map[string]bool{}}
}

// key returns the concept a name key is claimed by.
func (x *index) key(k string) (string, bool) {
	if x.base != nil {
		if id, ok := x.base.key(k); ok {
			if x.trace != nil {
				x.trace.read('k', k, id)
			}
			return id, true
		}
	}
	id, ok := x.byKey[k]
	if x.trace != nil {
		x.trace.read('k', k, id)
	}
	return id, ok
}

// stemmed returns the concept a stem key is claimed by.
func (x *index) stemmed(k string) (string, bool) {
	if x.base != nil {
		if id, ok := x.base.stemmed(k); ok {
			if x.trace != nil {
				x.trace.read('s', k, id)
			}
			return id, true
		}
	}
	id, ok := x.byStem[k]
	if x.trace != nil {
		x.trace.read('s', k, id)
	}
	return id, ok
}

func (x *index) hasPrefix(k string) bool {
	has := x.prefix[k] || x.base != nil && x.base.hasPrefix(k)
	if x.trace != nil && x.trace.prefixes {
		x.trace.read('p', k, strconv.FormatBool(has))
	}
	return has
}

// maxKeyPrefix bounds the prefixes stored per name.
const maxKeyPrefix = 48

// add makes name find id. The first concept to claim a name keeps it.
func (x *index) add(name, id string) { x.addKeyed(name, nameKey(name), id) }

// addKeyed is add of a name whose key is k.
func (x *index) addKeyed(name, k, id string) {
	if k == "" {
		return
	}
	if _, ok := x.key(k); !ok {
		x.byKey[k] = id
		x.found = nil
		if x.trace != nil {
			x.trace.write('k', k, id)
		}
	}
	if isLatin(name) {
		if sk := stemKey(name); sk != "" {
			if _, ok := x.stemmed(sk); !ok {
				x.byStem[sk] = id
				x.found = nil
				if x.trace != nil {
					x.trace.write('s', sk, id)
				}
			}
		}
	}
	// A prefix the base has is found there (the base only grows).
	for i := range k {
		if i > 0 && i <= maxKeyPrefix {
			x.addPrefix(k[:i])
		}
	}
	x.addPrefix(k)
}

// addPrefix records p as the prefix of a key. Untraced, a prefix the
// base has is left to it (the base only grows).
func (x *index) addPrefix(p string) {
	if x.trace != nil {
		x.trace.write('p', p, "true")
	} else if x.base != nil && x.base.hasPrefix(p) {
		return
	}
	if !x.prefix[p] {
		x.prefix[p] = true
		x.found = nil
	}
}

// lookup returns the concept a whole name stands for, allowing particles
// and English inflection, or "".
func (x *index) lookup(name string) string {
	if !x.memo || x.base == nil || x.trace != nil {
		return x.lookupNow(name)
	}
	if id, ok := x.found[name]; ok {
		return id
	}
	id := x.lookupNow(name)
	if x.found == nil {
		x.found = map[string]string{}
	}
	x.found[name] = id
	return id
}

// lookupNow is lookup, worked out.
func (x *index) lookupNow(name string) string {
	var toks []token
	var ms []mention
	if x.memo {
		// One goroutine reads this index: what the last lookup left is
		// read no more.
		toks = appendTokens(x.toks[:0], name)
		ms = x.appendMentions(x.ms[:0], name, toks)
		x.toks, x.ms = toks, ms
	} else {
		toks = tokenize(name)
		ms = x.mentions(name, toks)
	}
	if len(ms) == 1 && ms[0].tok0 == 0 && ms[0].tok1 == len(toks)-1 {
		return ms[0].id
	}
	return ""
}

// mention is a name found in a statement.
type mention struct {
	start, end int // bytes of the name itself, without particles
	tok0, tok1 int // first and last token
	id         string
	// particle is what follows the name in its last token ("는", "를").
	particle string
}

// mentions finds the longest names in s, left to right, without overlaps.
func (x *index) mentions(s string, toks []token) []mention {
	return x.appendMentions(nil, s, toks)
}

// appendMentions appends the mentions of s to out.
func (x *index) appendMentions(out []mention, s string, toks []token) []mention {
	for i := 0; i < len(toks); {
		var best mention
		found := false
		key := ""
		for j := i; j < len(toks) && j-i < 10; j++ {
			if j > i && toks[j].hard {
				break
			}
			prev := key
			key += toks[j].norm
			if id, ok := x.key(key); ok {
				found, best = true, mention{start: toks[i].start, end: toks[j].end, tok0: i, tok1: j, id: id}
			} else if toks[j].hangul {
				for _, rest := range stripParticles(toks[j].norm) {
					if id, ok := x.key(prev + rest); ok {
						end := toks[j].start + len(rest)
						found, best = true, mention{start: toks[i].start, end: end, tok0: i, tok1: j, id: id, particle: s[end:toks[j].end]}
						break
					}
				}
			} else if id, ok := x.stemmed(prev + stem(toks[j].norm)); ok && !toks[j].hangul && !isAcronym(s[toks[j].start:toks[j].end]) {
				found, best = true, mention{start: toks[i].start, end: toks[j].end, tok0: i, tok1: j, id: id}
			}
			if !x.hasPrefix(key) {
				break
			}
		}
		if !found {
			i++
			continue
		}
		// A generic head noun after the name is part of the mention:
		// "스택 영역은" mentions 스택.
		if best.tok1+1 < len(toks) && toks[best.tok1+1].hangul && !toks[best.tok1+1].hard {
			w := toks[best.tok1+1].norm
			for _, form := range append([]string{w}, stripParticles(w)...) {
				if genericHeads[form] {
					best.tok1++
					best.particle = strings.TrimPrefix(w, form)
					break
				}
			}
		}
		// A particle written as its own attached token: "DNS도", "CDN을".
		if best.particle == "" && best.tok1+1 < len(toks) && toks[best.tok1+1].attached && toks[best.tok1+1].hangul && isParticle(toks[best.tok1+1].norm) {
			best.particle = toks[best.tok1+1].norm
		}
		// A name glued to more letters of its own script is a different
		// word: "DNS" is not in "DNSSEC" (tokens already split these),
		// and "스택" is not in "스택오버플로" unless what follows is a
		// particle.
		out = append(out, best)
		i = best.tok1 + 1
	}
	return out
}

func isParticle(w string) bool {
	for _, p := range particles {
		if w == p {
			return true
		}
	}
	return false
}

// topicParticle reports whether p marks its name as what the clause is
// about: "DNS는", "컨테이너가", "DNS도". ("mongoDB의 경우" is read by the
// caller, since 경우 is a word of its own.)
func topicParticle(p string) bool {
	switch p {
	case "은", "는", "이", "가", "도", "에는", "에서는", "이란", "란":
		return true
	}
	return false
}

// headMatches reports whether an English word is the head noun of name, so
// that it points back at that concept rather than naming another: "stores"
// in "Stores such as BigTable" under "Wide column store".
func headMatches(word, name string) bool {
	w := stem(lowerCase(word))
	last := lowerCase(lastWord(name))
	return w != "" && w == stem(last)
}
