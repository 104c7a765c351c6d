package extract

import (
	"strings"
	"unicode/utf8"

	"conceptgraph/graph"
)

// compounds relates concepts whose name ends in another concept's name,
// the head of the compound: "Root DNS" type_of "DNS", "Master-slave
// replication" type_of "Replication", and "멀티 스레드" uses "스레드" (a
// quantifier makes it many of them, not a kind). Pairs already related,
// or already joined by a chain of type_of, are left alone.
func (e *extractor) compounds() {
	up := map[string][]string{}
	example := map[string]bool{}
	for _, r := range e.rels {
		if r.typ == graph.TypeOf || r.typ == graph.ExampleOf {
			up[r.from] = append(up[r.from], r.to)
		}
		if (r.typ == graph.ExampleOf || r.typ == graph.TypeOf || r.typ == graph.PartOf) && !onlyPlacedAs(r, "numbered-kind", "item-part", "heading-part") {
			// Already placed by what the notes say: "Windows Azure" is
			// an example of PaaS before it is a kind of Azure. (Where
			// a list puts it says less: "1. Stop and Wait ARQ" under
			// "오류 제어" is still a kind of ARQ.)
			example[r.from] = true
		}
	}
	e.eachConcept(func(c *concept) {
		var head string
		ok := false
		if e.named != nil {
			head, ok = e.named.head[c]
		}
		if !ok {
			head = e.compoundHead(c)
			if e.named != nil {
				e.named.head[c] = head
			}
		}
		if head == "" || len(c.sources) == 0 || example[c.id] || e.related(c.id, head) || reaches(up, c.id, head) {
			return
		}
		rel := graph.TypeOf
		if quantified(c.name) {
			rel = graph.Uses
		}
		ev := graph.Evidence{Text: c.name}
		if len(c.sources) > 0 {
			ev.File, ev.Line = c.sources[0].File, c.sources[0].Line
		}
		e.relate(c.id, rel, head, 0.6, ev, "compound")
	})
}

// compoundHead returns the concept c is a compound of, by its names,
// or "".
func (e *extractor) compoundHead(c *concept) string {
	for _, n := range append([]string{c.name}, c.aliases...) {
		if hasHangul(n) != hasHangul(c.name) {
			continue // a translation: "빅데이터 (Big Data)" is no kind of Data
		}
		if strings.ContainsAny(n, "&+/") || strings.Contains(n, " and ") || koreanPairName(n) {
			continue // "Sync & Blocking", "TCP와 UDP": a combination, no kind of Blocking
		}
		if n != c.name && !strings.Contains(c.name, " ") && strings.Contains(n, " ") {
			continue // "NoSQL (Not Only SQL)": an expansion, no kind of SQL
		}
		if head := e.headOf(n, c.id); head != "" {
			return head
		}
	}
	return ""
}

// basedOn relates a concept named after what it is based on ("VIP 기반",
// "Hash 기반 방식", "push-based") to that: it uses it.
func (e *extractor) basedOn() {
	e.eachConcept(func(c *concept) {
		var id string
		ok := false
		if e.named != nil {
			id, ok = e.named.base[c]
		}
		if !ok {
			id = e.basis(c)
			if e.named != nil {
				e.named.base[c] = id
			}
		}
		if id != "" && id != c.id && len(c.sources) > 0 {
			e.relate(c.id, graph.Uses, id, 0.6, graph.Evidence{File: c.sources[0].File, Line: c.sources[0].Line, Text: c.name}, "compound")
		}
	})
}

// basis returns the concept c's name says it is based on, or "".
func (e *extractor) basis(c *concept) string {
	words := strings.Fields(c.name)
	for i, w := range words {
		if i == 0 || (w != "기반" && w != "기반의" && !strings.HasSuffix(strings.ToLower(w), "-based")) {
			continue
		}
		return e.idx.lookup(strings.Join(words[:i], " "))
	}
	return ""
}

// namedAfter is what was found of each concept by its names: by
// compounds and basedOn, kept while the index and the concepts'
// strengths are the same (see reindexed); and the slug of its id. A
// concept's names do not change once merged: a change is a new concept.
type namedAfter struct {
	head map[*concept]string
	base map[*concept]string
	slug map[*concept]string
}

func newNamedAfter() *namedAfter {
	return &namedAfter{head: map[*concept]string{}, base: map[*concept]string{}, slug: map[*concept]string{}}
}

// reindexed returns n for an index that changed: without what compounds
// and basedOn found.
func (n *namedAfter) reindexed() *namedAfter {
	return &namedAfter{head: map[*concept]string{}, base: map[*concept]string{}, slug: n.slug}
}

// forget drops what was found of c.
func (n *namedAfter) forget(c *concept) {
	if n != nil {
		delete(n.head, c)
		delete(n.base, c)
		delete(n.slug, c)
	}
}

// slugOf returns slugOf(c.name, c.aliases).
func (n *namedAfter) slugOf(c *concept) string {
	if n == nil {
		return slugOf(c.name, c.aliases)
	}
	s, ok := n.slug[c]
	if !ok {
		s = slugOf(c.name, c.aliases)
		n.slug[c] = s
	}
	return s
}

// koreanPairName reports whether a name joins two with 와/과 ("TCP와
// UDP").
func koreanPairName(n string) bool {
	ws := strings.Fields(n)
	for _, w := range ws[:max(0, len(ws)-1)] {
		if (strings.HasSuffix(w, "와") || strings.HasSuffix(w, "과")) && utf8.RuneCountInString(w) > 1 {
			if r, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(strings.TrimSuffix(w, "와"), "과")); !isHangul(r) {
				return true // "TCP와": a Latin name and the particle
			}
		}
	}
	return false
}

// headOf returns the concept named by the longest proper word suffix of
// name, or "".
func (e *extractor) headOf(name, self string) string {
	// "tcp-udp": two concepts side by side, not a kind of the second.
	if a, b, ok := strings.Cut(name, "-"); ok && !strings.ContainsAny(b, " -") && !strings.Contains(a, " ") {
		if ia, ib := e.idx.lookup(a), e.idx.lookup(b); ia != "" && ib != "" && ia != ib {
			return ""
		}
	}
	words := strings.Fields(strings.ReplaceAll(name, "-", " - "))
	for k := 1; k < len(words); k++ {
		prefix := words[k-1]
		if strings.HasSuffix(prefix, "의") || prefix == "-" && k == 1 || fn(lowerCase(prefix)) == fnPrep {
			continue // "Versioning of Data in distributed systems": not its head
		}
		if k == 1 && hasHangul(prefix) {
			if ws := wordsOf(prefix); len(ws) == 1 && ws[0].kind == endModifier {
				return "" // "우아한 레디스": a title that praises, not a kind
			}
		}
		if owner := strings.Join(words[:k], " "); properName(owner) && !isAcronym(owner) && e.idx.lookup(owner) != "" {
			return "" // "Redis Collections": Redis's, not a kind of collection
		}
		suffix := strings.Join(words[k:], " ")
		if strings.HasPrefix(suffix, "- ") {
			continue
		}
		id, ok := e.idx.key(nameKey(suffix))
		if !ok && isLatin(suffix) {
			id, _ = e.idx.stemmed(stemKey(suffix))
		}
		// A head known only by its letters ("IP" in "유동 IP") is a
		// mention, not a class the notes describe.
		if id != "" && id != self && !genericNouns[lowerCase(suffix)] && e.get(id).strength > fromLetters {
			return id
		}
	}
	return ""
}

// reaches reports whether to is reachable from from over up.
func reaches(up map[string][]string, from, to string) bool {
	seen := map[string]bool{from: true}
	stack := []string{from}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, m := range up[n] {
			if m == to {
				return true
			}
			if !seen[m] {
				seen[m] = true
				stack = append(stack, m)
			}
		}
	}
	return false
}

// onlyPlacedAs reports whether every piece of r's evidence came from one
// of rules.
func onlyPlacedAs(r *relation, rules ...string) bool {
	for _, ev := range r.ev {
		found := false
		for _, rule := range rules {
			if ev.Rule == rule {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return len(r.ev) > 0
}
