package graph

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
)

// ankiHeader tells Anki's importer (2.1.55 and later) how to read the file:
// comma-separated, plain text (so note text such as "<b>" shows as
// written), the columns' names (Front and Back map to the Basic note
// type's fields) and the column of tags.
const ankiHeader = "#separator:comma\n#html:false\n#columns:Front,Back,Tags\n#tags column:3\n"

// cardTemplates phrase the question of a card about "From <type> To", in
// English and in Korean; the answer is To. In Korean, {은}, {이}, {와} and
// {을} are particles chosen after the name before them.
var cardTemplates = map[RelationType][2]string{
	TypeOf:       {"%s is a kind of what?", "%s{은} 무엇의 한 종류인가요?"},
	ExampleOf:    {"%s is an example of what?", "%s{은} 무엇의 예인가요?"},
	PartOf:       {"%s is part of what?", "%s{은} 무엇의 구성 요소인가요?"},
	Uses:         {"What does %s use?", "%s{이} 사용하는 것은 무엇인가요?"},
	Requires:     {"What does %s require?", "%s에 필요한 것은 무엇인가요?"},
	ComparedWith: {"What is %s compared with?", "%s{와} 비교되는 개념은 무엇인가요?"},
	OppositeOf:   {"What is the opposite of %s?", "%s의 반대 개념은 무엇인가요?"},
}

// WriteAnki writes the graph to w as flashcards for Anki: a CSV file with
// Anki's header lines and one card per relation, every field quoted.
//
// The question names the relation's From and asks for its To ("What is the
// opposite of MSA?"), in Korean when the From's name has Hangul in it
// ("마이크로 서비스 아키텍쳐 (MSA)의 반대 개념은 무엇인가요?", with particles that
// agree with the name); a concept's first alias follows its name in
// parentheses. The answer is the To's name, then the first evidence
// sentence and where it stands. The tags are "conceptgraph" and
// "conceptgraph::<type>". Text is on one line (line breaks become spaces).
//
// Cards come in the relations' order (from, to, type) or, when focus names
// a concept of the graph (by id or any name), along its learning order
// (see [Graph.LearningOrder]): a card comes once both its concepts are
// learnt, the cards about concepts outside the chain after. It returns a
// *NotFoundError for an unknown focus, or the first error from w.
func (g *Graph) WriteAnki(w io.Writer, focus string) error {
	rels := g.Relations()
	if focus != "" {
		lo, err := g.LearningOrder(focus)
		if err != nil {
			return err
		}
		step := map[string]int{}
		for i, s := range lo.Steps {
			step[s.Concept.ID] = i
		}
		after := len(lo.Steps)
		at := func(r *Relation) int {
			a, okA := step[r.From]
			b, okB := step[r.To]
			if !okA || !okB {
				return after
			}
			return max(a, b)
		}
		slices.SortStableFunc(rels, func(a, b *Relation) int { return at(a) - at(b) })
	}
	var b strings.Builder
	b.WriteString(ankiHeader)
	for _, r := range rels {
		from, to := g.concepts[r.From], g.concepts[r.To]
		back := cardLabel(to)
		if len(r.Evidence) > 0 {
			ev := r.Evidence[0]
			back += fmt.Sprintf(" — “%s” (%s:%d)", truncate(ev.Text, evidenceRunes), ev.File, ev.Line)
		}
		fields := []string{cardQuestion(from, r.Type), back, "conceptgraph conceptgraph::" + string(r.Type)}
		for i, f := range fields {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(csvQuote(f))
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// cardLabel names a concept on a card: its name, and its first alias in
// parentheses.
func cardLabel(c *Concept) string {
	s := c.Name
	if strings.TrimSpace(s) == "" {
		s = c.ID
	}
	if len(c.Aliases) > 0 {
		s += " (" + c.Aliases[0] + ")"
	}
	return s
}

// cardQuestion asks for what the concept c relates to by type t.
func cardQuestion(c *Concept, t RelationType) string {
	tpl := cardTemplates[t]
	if scriptLang(c.Name) != "ko" {
		return fmt.Sprintf(tpl[0], cardLabel(c))
	}
	q := fmt.Sprintf(tpl[1], cardLabel(c))
	final := finalConsonant(c.Name)
	for _, p := range [][3]string{{"{은}", "은", "는"}, {"{이}", "이", "가"}, {"{와}", "과", "와"}, {"{을}", "을", "를"}} {
		switch final {
		case 1:
			q = strings.ReplaceAll(q, p[0], p[1])
		case 0:
			q = strings.ReplaceAll(q, p[0], p[2])
		default:
			q = strings.ReplaceAll(q, p[0], p[1]+"("+p[2]+")")
		}
	}
	return q
}

// finalConsonant reports whether the last letter of name is a Hangul
// syllable with a final consonant (1), one without (0), or anything else
// (-1), which takes both particles: "DNS은(는)".
func finalConsonant(name string) int {
	rs := []rune(strings.TrimSpace(name))
	for i := len(rs) - 1; i >= 0; i-- {
		r := rs[i]
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		if r >= 0xAC00 && r <= 0xD7A3 {
			if (r-0xAC00)%28 != 0 {
				return 1
			}
			return 0
		}
		return -1
	}
	return -1
}

// csvQuote quotes one CSV field: always between double quotes, so that no
// field is taken for one of Anki's "#" header lines, with quotes doubled
// and line breaks turned into spaces.
func csvQuote(s string) string {
	s = strings.ReplaceAll(clean(s), "\n", " ")
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}
