package extract

import (
	"hash/maphash"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// A sentence is read as words: the runs of text between spaces and
// punctuation, each cut into its stem and the Korean ending written onto
// it ("프로토콜이다" is 프로토콜 and the copula 이다, "L4스위치는" is L4스위치
// and the topic particle 는, "지원하는" a verb modifying the next word).
// Every rule reads the same words; none re-tokenises the text.

// endKind is what the ending of a word makes of it.
type endKind uint8

const (
	endNone      endKind = iota // a bare word: a noun, or an English word
	endTopic                    // 은, 는, 이란, 란, 도, 에서는, 로는: what the clause is about
	endSubject                  // 이, 가
	endObject                   // 을, 를
	endOf                       // 의
	endAnd                      // 와, 과, 랑, 이나: listed with, or compared to, the next
	endAdverb                   // 에, 에서, 로, 으로, 보다, 처럼: a place, means or standard
	endQuote                    // 이라는, 라는, 이라고, 라고: "X라는 Y" names Y
	endCopula                   // 이다, 입니다, 이며, 임: the word is the predicate
	endModifier                 // 하는, 된, 위한: a verb form modifying the next word
	endPredicate                // 한다, 있음, 통해: a verb that ends a clause
)

// word is one word of a sentence, as byte offsets into it.
type word struct {
	start, end int // the word, without punctuation around it
	stemEnd    int // where its stem ends: end when it has no ending
	ending     string
	// before and after are the punctuation (not spaces) between this word
	// and its neighbours: "," "(" ")" ":" "." and the like.
	before, after string
	lower         string
	paren         int     // depth of parentheses the word is in
	kind          endKind // what its ending makes of it
	space         bool    // white space before the word
	hangul        bool    // the stem ends in Hangul
	latin         bool    // the stem is Latin script (with digits and joiners)
	fn            fnKind  // the function word the word (or its stem) is, or 0
}

func (w *word) text(s string) string { return s[w.start:w.end] }
func (w *word) stem(s string) string { return s[w.start:w.stemEnd] }

// hard reports whether punctuation that ends a phrase stands after w.
func (w *word) hard() bool { return strings.ContainsAny(w.after, ",.;:!?，。、>·") }

// wordsOf is words(s), for callers whose own variables are named words.
func wordsOf(s string) []word { return words(s) }

// words splits s into words.
func words(s string) []word { return appendWords(nil, s, nil) }

// appendWords appends the words of s to out. seen, when not nil, holds
// the analyses of the words met so far by one goroutine (see analysisOf).
func appendWords(out []word, s string, seen map[string]*analysis) []word {
	// A word per space, and one more: appending never grows the slice
	// for ordinary text.
	if n := strings.Count(s, " ") + 1; cap(out)-len(out) < n {
		out = append(make([]word, 0, len(out)+n), out...)
	}
	depth := 0
	// The punctuation since the last word is s[pStart:pEnd] without the
	// spaces in it: a substring of s unless spaces stand inside it
	// (split), as in ", (".
	pStart, pEnd, split := -1, -1, false
	punct := func() string {
		switch {
		case pStart < 0:
			return ""
		case !split:
			return s[pStart:pEnd]
		}
		var b strings.Builder
		for _, r := range s[pStart:pEnd] {
			if !unicode.IsSpace(r) {
				b.WriteRune(r)
			}
		}
		return b.String()
	}
	space := false
	flush := func(start, end int) {
		w := word{start: start, end: end, stemEnd: end, space: space, paren: depth}
		p := punct()
		if len(out) > 0 {
			out[len(out)-1].after = p
		}
		w.before = p
		pStart, pEnd, split = -1, -1, false
		space = false
		var a *analysis
		if seen != nil {
			a = seen[s[start:end]]
		}
		if a == nil {
			a = analysisOf(s[start:end])
			if seen != nil {
				seen[s[start:end]] = a
			}
		}
		w.lower, w.ending, w.kind, w.hangul, w.latin, w.fn = a.lower, a.ending, a.kind, a.hangul, a.latin, a.fn
		w.stemEnd = start + a.stemLen
		out = append(out, w)
	}
	i := 0
	for i < len(s) {
		r, n := decodeRune(s[i:])
		switch {
		case wordRune(r):
			j := i + n
			for j < len(s) {
				r2, n2 := decodeRune(s[j:])
				if wordRune(r2) || combining(r2) {
					j += n2
					continue
				}
				// Joiners inside a word: "Kube-Proxy", "Node.js",
				// "Dijkstra's", "C++", "TCP/IP" stays two words.
				if isJoiner(r2) && j+n2 < len(s) {
					r3, _ := utf8.DecodeRuneInString(s[j+n2:])
					if wordRune(r3) {
						j += n2
						continue
					}
				}
				if r2 == '+' && (j+n2 == len(s) || !wordRune(firstRuneAt(s, j+n2))) && !strings.ContainsRune(s[i:j], ' ') {
					j += n2 // "C++"
					continue
				}
				if r2 == '(' && j+n2 < len(s) && s[j+n2] == ')' {
					j += n2 + 1 // "fork()" is the call fork
					continue
				}
				break
			}
			flush(i, j)
			i = j
			continue
		case unicode.IsSpace(r):
			space = true
		default:
			switch r {
			case '(', '（', '[':
				depth++
			case ')', '）', ']':
				if depth > 0 {
					depth--
				}
			}
			if pStart < 0 {
				pStart = i
			} else if pEnd != i {
				split = true
			}
			if r == utf8.RuneError && n == 1 {
				split = true // written as U+FFFD, not as the byte
			}
			pEnd = i + n
		}
		i += n
	}
	if len(out) > 0 {
		out[len(out)-1].after = punct()
	}
	return out
}

func firstRuneAt(s string, i int) rune {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

// wordRune reports whether r is a letter or a digit.
func wordRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	case r >= hangulFirst && r <= hangulLast:
		return true
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// combining reports whether r is a combining mark (Mn) written onto the
// letter before it.
func combining(r rune) bool { return r >= 0x300 && unicode.Is(unicode.Mn, r) }

// analysis is what a word is, whatever sentence it is in.
type analysis struct {
	lower         string
	stemLen       int
	ending        string
	kind          endKind
	hangul, latin bool
	fn            fnKind
}

// memo is a bounded cache, safe for concurrent use, of a function that
// depends on its argument alone: notes repeat their words, labels, names
// and titles, and the notes are read on every core. It holds values made
// from copies, never the notes' text, and is emptied when full.
type memo[K comparable, V any] struct {
	shards [16]memoShard[K, V]
	seed   maphash.Seed
	max    int // per shard
}

type memoShard[K comparable, V any] struct {
	mu sync.Mutex
	m  map[K]V
}

func newMemo[K comparable, V any](max int) *memo[K, V] {
	c := &memo[K, V]{seed: maphash.MakeSeed(), max: max / 16}
	for i := range c.shards {
		c.shards[i].m = map[K]V{}
	}
	return c
}

func (c *memo[K, V]) shard(k K) *memoShard[K, V] {
	return &c.shards[maphash.Comparable(c.seed, k)%16]
}

// peek returns the value cached for k, if any.
func (c *memo[K, V]) peek(k K) (V, bool) {
	sh := c.shard(k)
	sh.mu.Lock()
	v, ok := sh.m[k]
	sh.mu.Unlock()
	return v, ok
}

// put caches v for k.
func (c *memo[K, V]) put(k K, v V) {
	sh := c.shard(k)
	sh.mu.Lock()
	if len(sh.m) >= c.max {
		clear(sh.m)
	}
	sh.m[k] = v
	sh.mu.Unlock()
}

// analyses are what the words met so far are: cutting endings off is
// most of the cost of reading a sentence.
var analyses = newMemo[string, *analysis](1 << 17)

func analysisOf(t string) *analysis {
	if a, ok := analyses.peek(t); ok {
		return a
	}
	t = strings.Clone(t)
	w := word{end: len(t), stemEnd: len(t)}
	analyze(t, &w)
	a := &analysis{lower: lowerCase(t), stemLen: w.stemEnd, ending: w.ending, kind: w.kind, hangul: w.hangul, latin: w.latin}
	a.fn = fn(a.lower)
	if a.fn != 0 && w.latin && keywordWord(t) && a.lower != "vs" {
		a.fn = 0 // "WRITE THROUGH", "ORDER BY", "IT": words of a name
	}
	if a.fn == 0 && w.stemEnd < w.end && w.stemEnd > 0 {
		a.fn = fn(lowerCase(t[:w.stemEnd]))
	}
	analyses.put(t, a)
	return a
}

// analyze finds the script and the Korean ending of w.
func analyze(s string, w *word) {
	t := s[w.start:w.end]
	last, _ := utf8.DecodeLastRuneInString(t)
	if !isHangul(last) {
		w.latin = isLatin(t)
		return
	}
	// The Hangul run at the end: "L4스위치는" ends in 스위치는.
	h := len(t)
	for h > 0 {
		r, n := utf8.DecodeLastRuneInString(t[:h])
		if !isHangul(r) {
			break
		}
		h -= n
	}
	stemLen, ending, kind := splitEnding(t, h)
	w.stemEnd = w.start + stemLen
	w.ending, w.kind = ending, kind
	stem := t[:stemLen]
	if stem != "" {
		r, _ := utf8.DecodeLastRuneInString(stem)
		w.hangul = isHangul(r)
		w.latin = !w.hangul && isLatin(stem)
	}
}

// verbTailsByLast holds verbTails by their last rune.
var verbTailsByLast = func() map[rune][]string {
	m := map[rune][]string{}
	for _, v := range verbTails {
		r, _ := utf8.DecodeLastRuneInString(v)
		m[r] = append(m[r], v)
	}
	return m
}()

// longerVerbTail returns a verb tail that t ends in and that is longer
// than the ending e, or "".
func longerVerbTail(t, e string) string {
	r, _ := utf8.DecodeLastRuneInString(t)
	for _, v := range verbTailsByLast[r] {
		if len(v) > len(e) && strings.HasSuffix(t, v) {
			return v
		}
	}
	return ""
}

// splitEnding cuts the Korean ending off t, whose Hangul run starts at
// byte h. It returns the length of the stem, the ending and its kind.
func splitEnding(t string, h int) (int, string, endKind) {
	last, _ := utf8.DecodeLastRuneInString(t)
	for _, e := range endingsByLast[last] {
		if !strings.HasSuffix(t, e.s) || len(t)-len(e.s) < h && len(t) != len(e.s) || endsInNoun(t, e.s) {
			continue
		}
		if v := longerVerbTail(t, e.s); v != "" && len(t)-len(v) >= h && len(t) > len(v) {
			// "연결하거나": a verb's "거나", not a noun and "나".
			return 0, t, endPredicate
		}
		stem := t[:len(t)-len(e.s)]
		if stem == "" {
			// The ending is a word of its own: "을 사용", "있다".
			return 0, t, e.kind
		}
		if !e.fits(stem) || e.minStem > 0 && utf8.RuneCountInString(stem) < e.minStem {
			continue
		}
		if e.kind != endPredicate && e.kind != endModifier && len(stem) > h && endsInVerb(stem[h:]) && !endsInNoun(stem, "") {
			// "위해서는", "하기에는": a verb with a particle, not a noun.
			return 0, t, endPredicate
		}
		// A plural stem: "명령들" is 명령.
		if p, ok := strings.CutSuffix(stem, "들"); ok && utf8.RuneCountInString(p) >= 2 && !endsInNoun(stem, "들") {
			stem = p
		}
		return len(stem), t[len(stem):], e.kind
	}
	if p, ok := strings.CutSuffix(t, "들"); ok && len(p) >= h && utf8.RuneCountInString(p) >= 2 && !endsInNoun(t, "들") {
		return len(p), "들", endNone
	}
	if endsInVerb(t[h:]) || h == 0 && oneSyllableModifier(t) {
		if oneSyllableModifier(t) {
			return 0, t, endModifier
		}
		return 0, t, endPredicate
	}
	return len(t), "", endNone
}

// ending is one Korean ending in the table below.
type ending struct {
	s    string
	kind endKind
	// after says what the stem must end in: 'c' a consonant (받침),
	// 'v' a vowel, 'l' a vowel or ㄹ, 0 anything. Latin and digits fit
	// either ("DNS는", "TCP을" are both written).
	after   byte
	minStem int // the stem has at least this many runes
}

func (e ending) fits(stem string) bool {
	r, _ := utf8.DecodeLastRuneInString(stem)
	if r < hangulFirst || r > hangulLast {
		return true
	}
	final := (r - hangulFirst) % 28
	switch e.after {
	case 'c':
		return final != 0
	case 'v':
		return final == 0
	case 'l':
		return final == 0 || final == 8 // ㄹ
	}
	return true
}

// oneSyllableModifier reports whether t is a one-syllable verb form that
// modifies the next word: its syllable closes with ㄴ or ㄹ ("큰", "쓴",
// "할").
func oneSyllableModifier(t string) bool {
	r, n := utf8.DecodeRuneInString(t)
	if n != len(t) || r < hangulFirst || r > hangulLast {
		return false
	}
	final := (r - hangulFirst) % 28
	return final == 4 || final == 8
}

// hasFinal reports whether the last syllable of w closes with a
// consonant (받침).
func hasFinal(w string) bool {
	r, _ := utf8.DecodeLastRuneInString(w)
	return r >= hangulFirst && r <= hangulLast && (r-hangulFirst)%28 != 0
}

// lowerCase is strings.ToLower(s), without the Unicode case tables for
// ASCII and Hangul syllables, what notes are mostly written in.
func lowerCase(s string) string {
	upper := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			upper = upper || c >= 'A' && c <= 'Z'
			i++
			continue
		}
		r, n := decodeRune(s[i:])
		if r < hangulFirst || r > hangulLast {
			return strings.ToLower(s)
		}
		i += n
	}
	if !upper {
		return s
	}
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// decodeRune is utf8.DecodeRuneInString, with Hangul syllables decoded
// without its tables.
func decodeRune(s string) (rune, int) {
	if len(s) > 0 && s[0] < utf8.RuneSelf {
		return rune(s[0]), 1
	}
	if len(s) >= 3 {
		if b0, b1, b2 := s[0], s[1], s[2]; b0 >= 0xEA && b0 <= 0xED && b1&0xC0 == 0x80 && b2&0xC0 == 0x80 {
			if r := rune(b0&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F); r >= hangulFirst && r <= hangulLast {
				return r, 3
			}
		}
	}
	return utf8.DecodeRuneInString(s)
}
