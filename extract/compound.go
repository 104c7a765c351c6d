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
		if r.typ == graph.ExampleOf || r.typ == graph.TypeOf || r.typ == graph.PartOf {
			// Already placed by what the notes say: "Windows Azure" is
			// an example of PaaS before it is a kind of Azure.
			example[r.from] = true
		}
	}
	e.eachConcept(func(c *concept) {
		head := ""
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
			if head = e.headOf(n, c.id); head != "" {
				break
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

// basedOn relates a concept named after what it is based on ("VIP 기반",
// "Hash 기반 방식", "push-based") to that: it uses it.
func (e *extractor) basedOn() {
	e.eachConcept(func(c *concept) {
		words := strings.Fields(c.name)
		for i, w := range words {
			if i == 0 || (w != "기반" && w != "기반의" && !strings.HasSuffix(lowerCase(w), "-based")) {
				continue
			}
			base := strings.Join(words[:i], " ")
			if id := e.idx.lookup(base); id != "" && id != c.id && len(c.sources) > 0 {
				e.relate(c.id, graph.Uses, id, 0.6, graph.Evidence{File: c.sources[0].File, Line: c.sources[0].Line, Text: c.name}, "compound")
			}
			break
		}
	})
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
