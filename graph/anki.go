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
// Anki's header lines and one card per question, every field quoted.
//
// A question names a concept and a relation type and asks for the
// concepts at the other end ("What is the opposite of MSA?"), in Korean
// when the concept's name has Hangul in it ("마이크로 서비스 아키텍쳐
// (MSA)의 반대 개념은 무엇인가요?", with particles that agree with the name);
// a concept's first alias follows its name in parentheses. A relation is
// asked from its From; a symmetric one (compared_with, opposite_of) from
// both ends. Anki takes cards with the same question for one card, so
// every question is asked once, and its answer holds every concept that
// answers it, each with the evidence for it: answers with the same
// evidence together ("TCP, UDP — “UDP와 TCP 포트 53번을 사용” (dns.md:38)"),
// up to three quotes each. A quote is always text from the notes; a
// relation read from how the notes lay concepts out has no sentence to
// quote, and its answer gives where the notes say it instead. The tags
// are "conceptgraph" and "conceptgraph::<type>". Text is on one line
// (line breaks become spaces).
//
// Cards come in order of the concept asked about (by id) and the type or,
// when focus names a concept of the graph (by id or any name), along its
// learning order (see [Graph.LearningOrder]): a card comes once every
// concept on it is learnt, the cards about concepts outside the chain
// after. It returns a *NotFoundError for an unknown focus, or the first
// error from w.
func (g *Graph) WriteAnki(w io.Writer, focus string) error {
	cards := g.cards()
	if focus != "" {
		lo, err := g.LearningOrder(focus)
		if err != nil {
			return err
		}
		step := map[string]int{}
		for i, s := range lo.Steps {
			step[s.Concept.ID] = i
		}
		at := func(c card) int {
			last := 0
			for _, id := range append([]string{c.subject.ID}, c.answerIDs()...) {
				i, ok := step[id]
				if !ok {
					return len(lo.Steps)
				}
				last = max(last, i)
			}
			return last
		}
		slices.SortStableFunc(cards, func(a, b card) int { return at(a) - at(b) })
	}
	var b strings.Builder
	b.WriteString(ankiHeader)
	front := map[string]int{}
	for _, c := range cards {
		front[cardQuestion(c.subject, c.typ, "")]++
	}
	for _, c := range cards {
		q := cardQuestion(c.subject, c.typ, "")
		if front[q] > 1 {
			// Two concepts go by the same name: tell their cards apart,
			// or Anki would take one for the other.
			q = cardQuestion(c.subject, c.typ, c.subject.ID)
		}
		fields := []string{q, cardAnswer(c), "conceptgraph conceptgraph::" + string(c.typ)}
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

// card is one question: what subject relates to by typ, and the relations
// that answer it.
type card struct {
	subject *Concept
	typ     RelationType
	answers []answer
}

type answer struct {
	concept *Concept
	rel     *Relation
}

func (c card) answerIDs() []string {
	ids := make([]string, len(c.answers))
	for i, a := range c.answers {
		ids[i] = a.concept.ID
	}
	return ids
}

// cards gathers the questions of g, by subject id and type, each with its
// answers by id.
func (g *Graph) cards() []card {
	type key struct {
		subject string
		typ     RelationType
	}
	byKey := map[key]*card{}
	ask := func(subject, other string, r *Relation) {
		k := key{subject, r.Type}
		c := byKey[k]
		if c == nil {
			c = &card{subject: g.concepts[subject], typ: r.Type}
			byKey[k] = c
		}
		c.answers = append(c.answers, answer{g.concepts[other], r})
	}
	for _, r := range g.Relations() {
		ask(r.From, r.To, r)
		if r.Type.Symmetric() {
			ask(r.To, r.From, r)
		}
	}
	out := make([]card, 0, len(byKey))
	for _, c := range byKey {
		slices.SortFunc(c.answers, func(a, b answer) int { return strings.Compare(a.concept.ID, b.concept.ID) })
		out = append(out, *c)
	}
	slices.SortFunc(out, func(a, b card) int {
		if c := strings.Compare(a.subject.ID, b.subject.ID); c != 0 {
			return c
		}
		return strings.Compare(string(a.typ), string(b.typ))
	})
	return out
}

// quotesOnCard caps the quotes given for one answer.
const quotesOnCard = 3

// cardAnswer writes the back of a card: the answers, those with the same
// evidence together, each group with its quotes and where they stand, or
// only where the notes say it when there is nothing to quote.
func cardAnswer(c card) string {
	type group struct {
		why    string
		labels []string
	}
	var groups []*group
	byWhy := map[string]*group{}
	for _, a := range c.answers {
		why := evidenceOnCard(a.rel.Evidence)
		gr := byWhy[why]
		if gr == nil {
			gr = &group{why: why}
			byWhy[why] = gr
			groups = append(groups, gr)
		}
		gr.labels = append(gr.labels, cardLabel(a.concept))
	}
	parts := make([]string, len(groups))
	for i, gr := range groups {
		parts[i] = strings.Join(gr.labels, ", ") + gr.why
	}
	return strings.Join(parts, " · ")
}

// evidenceOnCard gives the evidence of one answer: " — “quote” (file:line)"
// for each quote, or " (file:line)" for evidence that is no quote.
func evidenceOnCard(evs []Evidence) string {
	var quotes, places []string
	for _, ev := range evs {
		place := fmt.Sprintf("%s:%d", ev.File, ev.Line)
		if !quotable(ev) {
			if !slices.Contains(places, place) {
				places = append(places, place)
			}
			continue
		}
		q := fmt.Sprintf("“%s” (%s)", truncate(ev.Text, evidenceRunes), place)
		if !slices.Contains(quotes, q) {
			quotes = append(quotes, q)
		}
	}
	switch {
	case len(quotes) > quotesOnCard:
		return " — " + strings.Join(quotes[:quotesOnCard], ", ") + fmt.Sprintf(" (+%d more)", len(quotes)-quotesOnCard)
	case len(quotes) > 0:
		return " — " + strings.Join(quotes, ", ")
	case len(places) > 0:
		return " (" + strings.Join(places, ", ") + ")"
	}
	return ""
}

// quotable reports whether ev is a statement of the notes, to quote on a
// card: not empty, and not a relation read from names alone or from how
// the notes lay concepts out ("compound", "parallel"), whose text is only
// a name or a title.
func quotable(ev Evidence) bool {
	return strings.TrimSpace(ev.Text) != "" && ev.Rule != "compound" && ev.Rule != "parallel"
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

// cardQuestion asks for what the concept c relates to by type t. A
// non-empty id is added to the concept's label, to tell apart concepts
// that go by the same name.
func cardQuestion(c *Concept, t RelationType, id string) string {
	tpl := cardTemplates[t]
	label := cardLabel(c)
	if id != "" {
		label += " [" + id + "]"
	}
	if scriptLang(c.Name) != "ko" {
		return fmt.Sprintf(tpl[0], label)
	}
	q := fmt.Sprintf(tpl[1], label)
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
