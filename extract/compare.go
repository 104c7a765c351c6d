package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"conceptgraph/graph"
)

// Comparisons: titles that set two concepts side by side ("A vs B",
// "A와 B의 차이", "Difference between A and B"), sentences that contrast
// them ("Unlike A, B …", "A와 달리", "A보다", "whereas", "BFS uses a queue
// while DFS uses a stack"), a table whose header row names the concepts
// compared, and concepts described side by side in one section with the
// same shape.

// pair reads a cue that joins two clauses ("whereas", "while", "반면"):
// the subject of the clause before and the first concept after.
func (e *extractor) pair(st *sent, c ctx, topic string, h cueHit) {
	at := st.wordAt(h.at)
	var a string
	switch {
	case at == 0 && h.c.lang == "ko" && e.prev.id != "" && e.prev.t == st.t:
		// "Ansible은 agentless 도구이다. 반면 Chef와 Puppet은 …": the
		// topic of the sentence before.
		a = e.prev.id
	case at == 0:
		return // "While …, …" opens the sentence: one concept, two clauses
	case h.c.lang == "en":
		// The subject of the clause before: its first phrase, after the
		// sentence's start, "(" or ";".
		from := at
		for from > 0 && !strings.ContainsAny(st.ws[from-1].after, "(;") && st.ws[from].paren == st.ws[at].paren {
			from--
		}
		if p := st.englishPhraseFrom(from); !p.empty() && p.j <= at {
			a = e.conceptOf(st, p, false)
		}
		if a == "" {
			a = topic
		}
	default:
		a = e.subjectBefore(st, c, topic, at, "ko")
	}
	k := st.wordAt(h.end)
	if k < len(st.ws) && st.ws[k].start < h.end {
		k++
	}
	var b string
	if h.c.lang == "en" {
		p := st.englishPhraseFrom(k)
		if !p.empty() && p.j+1 < len(st.ws) && st.ws[p.j].lower == "like" {
			// "whereas tools like StatsD rely on …": StatsD.
			if q := st.englishPhraseFrom(p.j + 1); !q.empty() {
				p, k = q, q.i
			}
		}
		if !p.empty() && !pronounPhrase(st, p) && p.j < len(st.ws) && (st.ws[p.j].fn == fnAux || englishVerb(st.ws[p.j].lower) || baseVerb(st.ws[p.j].lower) || isCueWord(st.ws[p.j].lower)) {
			b = e.conceptOf(st, p, nameLikePhrase(st, p) && (p.i == k))
		}
	} else {
		for i := k; i < len(st.ws) && i < k+4; i++ {
			if st.ws[i].kind == endTopic || st.ws[i].kind == endSubject {
				// "반면 Chef와 Puppet은": each of them.
				for _, p := range st.koreanEnumEndingAt(i) {
					if id := e.conceptOf(st, p, nameLikePhrase(st, p)); id != "" && a != "" && id != a {
						e.relate(a, h.c.rel, id, 0.8, st.ev, "compare")
					}
				}
				return
			}
		}
	}
	if a != "" && b != "" {
		e.relate(a, h.c.rel, b, 0.8, st.ev, "compare")
	}
}

// vsLead reports whether a sentence opens with a comparison title and a
// colon: "Rebase vs merge: merge keeps …".
func vsLead(s string) bool {
	lead, _, ok := strings.Cut(s, ": ")
	return ok && vsIndex(lead) != nil && len(strings.Fields(lead)) <= 8
}

// compareSentence reads a short sentence that is a comparison title: "get과
// post의 차이점은?", "A vs B"; and a Korean sentence whose topic is one
// ("선점형과 비선점형 스케줄링의 차이는 …이다"). It reports whether the
// sentence compares.
func (e *extractor) compareSentence(st *sent) bool {
	s := st.s
	if vsLead(s) {
		s, _, _ = strings.Cut(s, ": ") // "Rebase vs merge: merge keeps …"
		if first, rest, ok := strings.Cut(s, " "); ok && sentenceOpeners[lowerCase(strings.TrimRight(first, ","))] {
			s = rest // "So rebase vs merge: …"
		}
	} else if h := differenceTopic(st); h > 0 {
		s = st.s[:st.ws[h].end]
	} else if len(st.ws) > 10 {
		return false
	}
	s = strings.TrimSpace(strings.TrimRight(s, "?. "))
	s = strings.TrimSuffix(strings.TrimSuffix(s, "은"), "는")
	if !strings.Contains(s, "차이") && !strings.Contains(lowerCase(s), " vs") && !strings.Contains(s, "비교") {
		return false
	}
	if a, b, ok := compareTitle(s); ok {
		ida := e.define(a, st.ev.Line, fromText)
		idb := e.define(b, st.ev.Line, fromText)
		e.relate(ida, graph.ComparedWith, idb, 0.8, st.ev, "compare-title")
		return true
	}
	return false
}

// differenceTopic returns the word, among a Korean sentence's first few,
// that makes a difference its topic ("…의 차이는", "…의 차이점은"), or -1.
func differenceTopic(st *sent) int {
	if !st.ko {
		return -1
	}
	for h := 1; h < len(st.ws) && h < 8; h++ {
		w := &st.ws[h]
		if w.kind == endTopic && strings.HasPrefix(w.stem(st.s), "차이") && st.ws[h-1].kind == endOf {
			return h
		}
		if w.hard() {
			return -1
		}
	}
	return -1
}

// isCueWord reports whether an English word is the first word of a verb
// cue ("uses", "relies").
func isCueWord(w string) bool {
	for _, c := range cuesByASCII[w[0]&0x7f] {
		if c.lang == "en" && (c.phrase == w || strings.HasPrefix(c.phrase, w+" ")) {
			return true
		}
	}
	return false
}

var vsRe = regexp.MustCompile(`(?i)\s+(?:vs\.?|versus)\s+`)

// vsIndex is vsRe.FindStringIndex(s). It is asked of most sentences, and
// most have no "v" for the expression to match.
func vsIndex(s string) []int {
	if !strings.ContainsAny(s, "vV") {
		return nil
	}
	loc := vsRe.FindStringIndex(s)
	if loc != nil {
		// "Used by Xi and VS Code": a name after a word that joins or
		// leads a phrase; a pair has a name on each side.
		if ws := strings.Fields(s[:loc[0]]); len(ws) > 0 {
			switch fn(lowerCase(ws[len(ws)-1])) {
			case fnConj, fnPrep, fnDet:
				return nil
			}
		}
	}
	return loc
}

// compareTitle reads "A vs B", "A or B", "A & B", "A와 B", "A와 B의 차이",
// "Difference between A and B", and questions such as "A와 B의 차이에
// 대하여 설명해보세요".
func compareTitle(s string) (nameSet, nameSet, bool) {
	// "Synchronous == Blocking?": is one the other?
	if a, b, ok := strings.Cut(s, "=="); ok && !strings.Contains(b, "==") {
		if an, bn, ok := pairOf(strings.TrimSpace(a), strings.TrimRight(strings.TrimSpace(b), "?")); ok {
			return an, bn, true
		}
	}
	if loc := vsIndex(s); loc != nil {
		left, right := s[:loc[0]], s[loc[1]:]
		if i := strings.LastIndexAny(left, "-:–"); i >= 0 && i+1 < len(left) && strings.ContainsAny(left[i:i+1], "-:–") && strings.Contains(left[:i], " ") {
			left = left[i+1:]
		}
		left = dropQuestionLabel(left)
		// "JWT vs session cookies — which one should I use?": the pair,
		// then the question about it.
		for _, sep := range []string{" — ", " – ", " - ", ": ", ", ", "?"} {
			if i := strings.Index(right, sep); i > 0 {
				right = right[:i]
			}
		}
		right = strings.TrimRight(right, "?")
		return pairOf(left, right)
	}
	lower := lowerCase(s)
	for _, pre := range []string{"differences between ", "difference between ", "comparing ", "comparison of ", "comparison between ", "how does ", "how is ", "how are "} {
		// "What is the difference between a clustered and a
		// non-clustered index?", "How does X differ from Y?"
		at := strings.Index(lower, pre)
		if at < 0 || at > 0 && (pre == "comparing " || !strings.HasPrefix(lower, "what ") && !strings.HasPrefix(lower, "explain ") && !strings.HasPrefix(lower, "describe ") && !strings.HasPrefix(lower, "the ")) {
			continue
		}
		rest := strings.TrimRight(strings.TrimSpace(s[at+len(pre):]), "?.!")
		seps := []string{" and ", " & ", " with ", " vs "}
		switch pre {
		case "how does ":
			seps = []string{" differ from ", " compare to ", " compare with "}
		case "how is ", "how are ":
			// "How is a Pod different from a container?"
			seps = []string{" different from ", " compared to ", " compared with "}
		}
		for _, sep := range seps {
			if i := strings.Index(lowerCase(rest), sep); i > 0 {
				a, b := dropArticle(rest[:i]), dropArticle(rest[i+len(sep):])
				// "a clustered and a non-clustered index": one head for both.
				if fa, fb := strings.Fields(a), strings.Fields(b); len(fa) == 1 && len(fb) >= 2 && fa[0] == strings.ToLower(fa[0]) {
					a += " " + fb[len(fb)-1]
				}
				return pairOf(a, b)
			}
		}
	}
	for _, sep := range []string{" & ", " or ", " and "} {
		if i := strings.Index(lower, sep); i > 0 && len(strings.Fields(s)) <= 7 {
			if a, b, ok := pairOf(s[:i], s[i+len(sep):]); ok && len(strings.Fields(a.name)) <= 3 && len(strings.Fields(b.name)) <= 3 && (sep == " or " || alike(a.name, b.name)) {
				return a, b, true
			}
		}
	}
	if !hasHangul(s) {
		return nameSet{}, nameSet{}, false
	}
	return koreanPair(s)
}

// alike reports whether two names joined by "and" or "&" in a title are
// of a kind, so that the title sets them side by side ("TCP and UDP",
// "Process & Thread", "선점형과 비선점형 스케줄링"), not one topic and a
// part of it ("Page faults & replacement").
func alike(a, b string) bool {
	if hasHangul(a) || hasHangul(b) {
		return true
	}
	if la, lb := lowerCase(a), lowerCase(b); strings.Contains(la, lb) || strings.Contains(lb, la) {
		return true // "Blocking & Non-blocking"
	}
	named := func(n string) bool { return isAcronym(n) || properName(n) }
	return named(a) == named(b) && (named(a) || len(strings.Fields(a)) == len(strings.Fields(b)) || sameHead(a, b))
}

var spacedCommas = strings.NewReplacer(",", " , ")

// dropQuestionLabel cuts a question's label off its text: "Q: ",
// "Q. ", "Question: ", "질문: ", "꼬리질문: ".
func dropQuestionLabel(s string) string {
	t := strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "*_"))
	for _, l := range []string{"q:", "q.", "q)", "question:", "follow-up:", "followup:", "follow up:", "bonus:", "질문:", "꼬리질문:", "꼬리 질문:", "추가 질문:", "심화 질문:", "면접 질문:",
		"질문)", "꼬리질문)", "꼬리 질문)", "추가질문)", "추가 질문)", "심화질문)", "심화 질문)", "follow-up)"} {
		if len(t) > len(l) && strings.EqualFold(t[:len(l)], l) {
			return strings.TrimSpace(t[len(l):])
		}
	}
	return s
}

func pairOf(a, b string) (nameSet, nameSet, bool) {
	an, bn := parseNames(strings.TrimSpace(a)), parseNames(strings.TrimSpace(b))
	if len(an) != 1 || len(bn) != 1 || !nameLike(an[0].name, true) || !nameLike(bn[0].name, true) {
		return nameSet{}, nameSet{}, false
	}
	return an[0], bn[0], true
}

// koreanPair finds "A와 B" in a title; with a word of difference after it
// ("의 차이", "다른점") the title may be a whole question.
func koreanPair(s string) (nameSet, nameSet, bool) {
	words := strings.Fields(spacedCommas.Replace(s))
	hasDiff := false
	for _, w := range compareWords {
		if strings.Contains(s, strings.TrimPrefix(w, "의 ")) {
			hasDiff = true
		}
	}
	// "뭐가 다른가요", "어떻게 다른지": a question of how two differ.
	differs := strings.Contains(s, "다른가") || strings.Contains(s, "다른지") || strings.Contains(s, "다를까") || strings.Contains(s, "다르")
	for i, w := range words {
		conj := ""
		for _, p := range []string{"와의", "과의", "와", "과", "이랑", "랑", "하고"} {
			if strings.HasSuffix(w, p) {
				conj = p
				break
			}
		}
		if conj == "" {
			continue
		}
		var aw []string
		if w != conj {
			aw = []string{strings.TrimSuffix(w, conj)}
		}
		for j := i - 1; j >= 0; j-- {
			if words[j] == "," || strings.HasSuffix(words[j], ",") || endsWithCaseParticle(words[j]) {
				break
			}
			aw = append([]string{words[j]}, aw...)
		}
		var bw []string
		for j := i + 1; j < len(words); j++ {
			if r, ok := strings.CutSuffix(words[j], "의"); ok {
				if r != "" {
					bw = append(bw, r)
				}
				break
			}
			if strings.HasPrefix(words[j], "차이") || strings.HasPrefix(words[j], "비교") {
				break
			}
			if differs && len(bw) < 3 {
				// "XSS랑 CSRF는 뭐가 다른가요?": the other side is the topic.
				if r, ok := cutTopic(words[j]); ok {
					bw = append(bw, r)
					break
				}
			}
			if endsWithCaseParticle(words[j]) || words[j] == "," {
				bw = nil
				break
			}
			bw = append(bw, words[j])
		}
		if strings.HasSuffix(conj, "의") {
			// "Reentrant의 개념에 대하여 설명하고, Thread-safe 와의 차이점":
			// the other side is the question's topic.
			if q, ok := questionTopic(s); ok {
				if a, ok2 := nameOf(strings.Join(aw, " ")); ok2 {
					return a, q, true
				}
			}
			continue
		}
		if len(aw) == 0 || len(bw) == 0 {
			continue
		}
		if !hasDiff && !differs && i+1+len(bw) != len(words) {
			continue
		}
		a, ok1 := nameOf(strings.Join(aw, " "))
		b, ok2 := nameOf(strings.Join(bw, " "))
		if ok1 && ok2 {
			return a, b, true
		}
	}
	return nameSet{}, nameSet{}, false
}

// cutTopic cuts the topic particle off a Korean word: "CSRF는" is CSRF.
func cutTopic(w string) (string, bool) {
	for _, p := range []string{"은", "는"} {
		if r, ok := strings.CutSuffix(w, p); ok && r != "" {
			return r, true
		}
	}
	return "", false
}

func nameOf(s string) (nameSet, bool) {
	ns := parseNames(s)
	if len(ns) != 1 || !nameLike(ns[0].name, true) {
		return nameSet{}, false
	}
	return ns[0], true
}

func endsWithCaseParticle(w string) bool {
	if !hasHangul(w) {
		return false
	}
	for _, p := range []string{"에서", "에는", "에게", "으로", "은", "는", "이", "가", "을", "를", "에", "로"} {
		if strings.HasSuffix(w, p) && w != p {
			return true
		}
	}
	return false
}

// classColumns head a column that says what the row's concept is: "|
// Tool | Category |". ("Type" is left out: in tables of fields it holds
// data types.)
var classColumns = map[string]bool{"category": true, "kind": true, "class": true, "분류": true, "유형": true,
	"종류": true, "카테고리": true, "범주": true}

// compareLabels head the first column of a comparison table.
var compareLabels = map[string]bool{
	"": true, "구분": true, "비교": true, "항목": true, "기준": true, "비교항목": true, "비교 항목": true, "특성": true, "차이": true,
	"feature": true, "features": true, "aspect": true, "criteria": true, "criterion": true, "property": true, "category": true,
	"comparison": true, "vs": true, "versus": true, "item": true, "구분 기준": true, "-": true,
}

// table reads a table: a header row naming two or more concepts after an
// empty or labelling first cell compares them, and the rows under it say
// what each uses ("| 참조 테이블 | MAC 주소 테이블 | 라우팅 테이블 |"); a
// Term | Description table defines its terms; an Examples column gives
// examples of the row's concept.
func (e *extractor) table(b *block, sc scope) {
	if len(b.rows) == 0 {
		return
	}
	header := b.rows[0]
	if len(header) >= 3 && compareLabels[lowerCase(strings.TrimSpace(header[0].s))] {
		var cols []string
		for _, cell := range header[1:] {
			ns := parseNames(cell.s)
			if len(ns) != 1 || !nameLike(ns[0].name, true) {
				cols = nil
				break
			}
			cols = append(cols, e.define(ns[0], cell.line(), fromItem))
		}
		if len(cols) >= 2 {
			ev := graph.Evidence{File: e.file, Line: header[0].line(), Text: rowText(header)}
			if ev.Line == 0 {
				ev.Line = header[1].line()
			}
			for i := range cols {
				for j := i + 1; j < len(cols); j++ {
					e.relate(cols[i], graph.ComparedWith, cols[j], 0.8, ev, "compare-table")
				}
			}
			for _, row := range b.rows[1:] {
				if len(row) != len(header) {
					continue
				}
				lab, isLabel := labelTitle(cleanTitle(row[0].s))
				if isLabel && (lab.lab.mode == labelPros || lab.lab.mode == labelCons) {
					for i, cell := range row[1:] {
						for _, line := range strings.Split(cell.s, "\n") {
							e.attribute(cols[i], lab.lab.mode, line)
						}
					}
					continue
				}
				if isLabel && lab.lab.mode == labelRel && lab.lab.rel == graph.ExampleOf && lab.target == nil {
					// "| 대표 | Prometheus | InfluxDB, Datadog |": examples
					// of each column's concept.
					for i, cell := range row[1:] {
						for _, n := range splitNames(runOnNames(cell.s)) {
							if id := e.define(n, cell.line(), fromItem); id != "" && id != cols[i] {
								e.relate(id, graph.ExampleOf, cols[i], 0.7, graph.Evidence{File: e.file, Line: cell.line(), Text: rowText(row)}, "table-examples")
							}
						}
					}
					continue
				}
				if isLabel {
					// "| 특징 | TCP/UDP 포트 정보 | …": about the columns'
					// concepts, not a relation; the names it holds are
					// still the notes' concepts.
					for i := range row[1:] {
						e.namesIn(&row[i+1])
					}
					continue
				}
				if attributeRow(row[0].s) {
					// "| 방식 | 선언형 | 절차형 |": what kind each is, not
					// what it uses.
					for i := range row[1:] {
						e.namesIn(&row[i+1])
					}
					continue
				}
				// A row names things used when a cell of it names one
				// plainly ("| 참조 PDU | 이더넷 프레임 | IP 패킷 |").
				things := thingRow(row[0].s) || slices.ContainsFunc(row[1:], func(cell text) bool {
					ns := parseNames(cell.s)
					return len(ns) == 1 && usedCell(ns[0].name, e.idx.lookup(ns[0].name) != "", true)
				})
				for i, cell := range row[1:] {
					ns := parseNames(cell.s)
					if len(ns) != 1 || !nameLike(ns[0].name, true) || len(strings.Fields(ns[0].name)) > 4 || endsPredicate(lastWord(ns[0].name)) {
						e.statements(&row[i+1], ctx{subject: cols[i]})
						continue
					}
					if attributeValue(ns[0].name) {
						continue
					}
					n := ns[0].name
					if descriptiveCell(n) && len(cell.marks) == 0 && e.idx.lookup(n) == "" {
						// "| 검색 | grep 느낌 | 강력한 full-text 검색 |": a
						// description, not a thing used.
						e.statements(&row[i+1], ctx{subject: cols[i]})
						continue
					}
					if !things || !usedCell(n, e.idx.lookup(n) != "", false) {
						// "| leaf contains | full row | key + PK |", "| 비용 |
						// 쌈 | 비쌈 |": a value the row compares, not a
						// thing used.
						e.namesIn(&row[i+1])
						continue
					}
					id := e.define(ns[0], cell.line(), fromItem)
					e.relate(cols[i], graph.Uses, id, 0.6, graph.Evidence{File: e.file, Line: cell.line(), Text: rowText(row)}, "table-row")
				}
			}
			return
		}
	}
	// A column of examples, or of descriptions of the first column's terms.
	exCol, descCol, classCol := -1, -1, -1
	features := false // the descriptions are features, not definitions
	// instances: the first column heads tools, products or services
	// ("| Tool | Category |"), whose rows are examples of their class.
	instances := productHeads[singular(lowerCase(lastWord(cleanTitle(header[0].s))))]
	for i, cell := range header {
		k := labelKey(cell.s)
		if l, ok := labels[k]; ok && l.mode == labelRel && l.rel == graph.ExampleOf && i > 0 {
			exCol = i
		}
		if classColumns[k] && i > 0 {
			classCol = i
		}
		switch k {
		case "description", "설명", "의미", "meaning", "definition", "정의", "내용", "desc", "details", "뜻", "whatitis", "whatisit",
			"개념", "summary", "요약", "한줄요약", "what":
			if i > 0 {
				descCol = i
			}
		case "특징", "feature", "features", "characteristics", "비고", "notes", "note", "역할", "role", "용도", "purpose":
			if i > 0 && descCol < 0 {
				descCol, features = i, true
			}
		}
	}
	// "| S | 단일 책임 원칙 (SRP) | … |" under "SOLID 원칙": the letters of
	// its name down the first column, the parts they stand for beside.
	if acr := acronymOpening(e.nameOf(sc.subject)); sc.subject != "" && acr != "" && len(header) > 1 && len(b.rows) > 2 {
		var letters []string
		for _, row := range b.rows[1:] {
			if len(row) > 1 {
				letters = append(letters, strings.Trim(strings.TrimSpace(row[0].s), "*`"))
			}
		}
		if strings.Join(letters, "") == acr {
			for _, row := range b.rows[1:] {
				if len(row) < 2 {
					continue // a row of one cell
				}
				if ns := parseNames(row[1].s); len(ns) == 1 && nameLike(ns[0].name, true) {
					if id := e.define(ns[0], row[1].line(), fromItem); id != "" && id != sc.subject {
						e.relate(id, graph.PartOf, sc.subject, 0.75, graph.Evidence{File: e.file, Line: row[1].line(), Text: rowText(row)}, "table-row")
					}
				}
			}
			return
		}
	}
	// The first column headed by the head noun of the section's concept
	// ("| Condition |" under "Pod Conditions"), alone or in the plural.
	h0 := cleanTitle(header[0].s)
	classHeader := descCol > 0 && sc.subject != "" && len(strings.Fields(h0)) == 1 && !genericNouns[lowerCase(h0)] &&
		len(strings.Fields(e.nameOf(sc.subject))) > 1 && sameHeadNoun(h0, e.nameOf(sc.subject))
	for _, row := range b.rows[1:] {
		if len(row) == 0 {
			continue
		}
		term := ""
		if exCol >= 0 || descCol >= 0 || classCol >= 0 {
			if ns := parseNames(row[0].s); len(ns) >= 1 && nameLike(ns[0].name, false) && !numberWord(strings.ReplaceAll(ns[0].name, ".", "")) {
				term = e.define(ns[0], row[0].line(), fromItem)
				if term != "" && sc.subject != "" && term != sc.subject && sc.list.lab.mode == labelRel {
					// "## GC 종류" over "| Serial GC | …|": the label says
					// what the terms are of the section's concept.
					e.structural(term, sc, graph.Evidence{File: e.file, Line: row[0].line(), Text: rowText(row)}, ns[0].name, false, "label")
				} else if term != "" && term != sc.subject && classHeader {
					// "| Condition | Description |" in "Pod Conditions": each
					// term is one of the class the column is headed by.
					e.relate(term, graph.TypeOf, sc.subject, 0.7, graph.Evidence{File: e.file, Line: row[0].line(), Text: rowText(row)}, "table-class")
				}
			}
		}
		for i, cell := range row {
			switch {
			case i == classCol && term != "":
				// "| Helm | packaging | … |" under "Tool | Category": what
				// the row's concept is.
				for _, n := range splitNames(strings.ReplaceAll(cell.s, " / ", ", ")) {
					if !nameLike(n.name, true) || len(strings.Fields(n.name)) > 4 {
						continue
					}
					if id := e.define(n, cell.line(), fromItem); id != "" && id != term {
						rel := e.definitionRel(term, id)
						if instances && e.capitalised(term) {
							rel = graph.ExampleOf
						}
						e.relate(term, rel, id, 0.7, graph.Evidence{File: e.file, Line: cell.line(), Text: rowText(row)}, "table-class")
					}
				}
			case i == exCol && term != "":
				for _, line := range strings.Split(cell.s, "\n") {
					for _, n := range splitNames(runOnNames(line)) {
						id := e.define(n, cell.line(), fromItem)
						e.relate(id, graph.ExampleOf, term, 0.8, graph.Evidence{File: e.file, Line: cell.line(), Text: rowText(row)}, "table-examples")
					}
				}
			case i == descCol && term != "":
				e.statements(&row[i], ctx{subject: term, first: !features, own: true})
			case i > 0 || term == "":
				// "| 1.1.1.1 | Cloudflare |": a cell that is a name alone
				// names a concept.
				if s := strings.TrimSpace(cell.s); properName(s) && plainWords(s) {
					if ns, ok := nameOf(s); ok {
						e.define(ns, cell.line(), fromItem)
						continue
					}
				}
				e.statements(&row[i], ctx{subject: sc.subject})
			}
		}
	}
	if exCol < 0 && descCol < 0 && classCol < 0 {
		for _, cell := range header {
			e.statements(&cell, ctx{subject: sc.subject})
		}
	}
}

func rowText(row []text) string {
	var parts []string
	for _, c := range row {
		parts = append(parts, strings.ReplaceAll(c.s, "\n", " "))
	}
	return "| " + strings.Join(parts, " | ") + " |"
}

// unit is a concept section and the label sections that follow it, for
// spotting concepts described in parallel.
type unit struct {
	id      string
	group   int
	shape   []string
	heading bool // a Markdown heading, not a bold or label line
	bold    bool // a bold line
	line    int
	title   string
}

func shapeOf(s *section, info titleInfo) []string {
	var out []string
	if info.kind == titleLabel {
		switch info.lab.mode {
		case labelPros:
			out = append(out, "+")
		case labelCons:
			out = append(out, "-")
		case labelIgnore, labelOrg:
			return nil
		default:
			out = append(out, "r")
		}
	}
	for _, b := range s.blocks {
		switch b.kind {
		case blockQuote:
			out = append(out, "Q")
		case blockPara:
			out = append(out, "P")
		case blockList:
			out = append(out, "L")
		}
	}
	for _, c := range s.children {
		if c.kind == sectionHeading {
			if l, ok := labelTitle(cleanTitle(c.title.s)); ok && l.kind == titleLabel {
				out = append(out, shapeOf(c, l)...)
			}
		}
	}
	return out
}

func compactShape(s []string) string {
	var out []string
	for _, x := range s {
		if len(out) == 0 || out[len(out)-1] != x {
			out = append(out, x)
		}
	}
	return strings.Join(out, " ")
}

// maxParallel is the longest run of like sections compared with each other.
const maxParallel = 6

// describes reports whether a name is a description: a Korean phrase
// with a particle or a clause in it ("CDN으로 전송가능한 컨텐츠").
func describes(name string) bool {
	ws := wordsOf(name)
	for _, w := range ws[:max(0, len(ws)-1)] {
		if w.kind != endNone && w.kind != endAnd {
			return true
		}
	}
	return false
}

// parallel compares concepts described side by side with the same shape:
// DAS, NAS and SAN each with a definition and a list; process and thread
// as a pair. Three or more are compared only where their names look alike,
// so a glossary of unrelated terms is not a clique of comparisons.
func (e *extractor) parallel(units []*unit) {
	for i := 0; i < len(units); {
		j := i + 1
		sig := compactShape(units[i].shape)
		for j < len(units) && units[j].group == units[i].group && compactShape(units[j].shape) == sig {
			j++
		}
		run := units[i:j]
		pair := len(run) == 2 && run[0].bold && run[1].bold
		if len(run) >= 2 && len(run) <= maxParallel && sig != "" && (strings.HasPrefix(sig, "Q") || pair) {
			for a := range run {
				for b := a + 1; b < len(run); b++ {
					if len(run) > 2 && !akin(e.nameOf(run[a].id), e.nameOf(run[b].id)) {
						continue
					}
					if describes(e.nameOf(run[a].id)) || describes(e.nameOf(run[b].id)) {
						continue // "CDN으로 전송가능한 컨텐츠": a description, not a peer
					}
					e.relate(run[a].id, graph.ComparedWith, run[b].id, 0.6, graph.Evidence{File: e.file, Line: run[a].line, Text: run[a].title}, "parallel")
				}
			}
		}
		i = j
	}
}

// akin reports whether two names look like members of one family: they
// share a word, a beginning or an ending of two letters or more, or are both
// short acronyms.
func akin(a, b string) bool {
	if isAcronym(a) && isAcronym(b) && len(a) <= 5 && len(b) <= 5 {
		return true
	}
	la, lb := lowerCase(a), lowerCase(b)
	for _, w := range strings.Fields(la) {
		if slices.Contains(strings.Fields(lb), w) {
			return true
		}
	}
	ra, rb := []rune(la), []rune(lb)
	prefix, suffix := 0, 0
	for prefix < len(ra) && prefix < len(rb) && ra[prefix] == rb[prefix] {
		prefix++
	}
	for suffix < len(ra) && suffix < len(rb) && ra[len(ra)-1-suffix] == rb[len(rb)-1-suffix] {
		suffix++
	}
	return prefix >= 2 || suffix >= 2
}

// runOnNames puts commas into a line of names written one after another
// without separators, as a cell of examples exported from a document
// often is: "Distributed databases Distributed locking Majority
// protocols". A capitalised word after a lower-case one starts a name.
func runOnNames(line string) string {
	words := strings.Fields(line)
	if len(words) < 3 || !plainWords(line) {
		return line
	}
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			prev := words[i-1]
			if unicode.IsUpper(firstRune(w)) && prev == strings.ToLower(prev) && isLatin(prev) {
				b.WriteString(",")
			}
			b.WriteString(" ")
		}
		b.WriteString(w)
	}
	return b.String()
}

// dropArticle returns s without a leading English article.
func dropArticle(s string) string {
	s = strings.TrimSpace(s)
	for _, a := range []string{"a ", "an ", "the ", "A ", "An ", "The "} {
		if strings.HasPrefix(s, a) {
			return strings.TrimSpace(s[len(a):])
		}
	}
	return s
}

// attributeRow reports whether a comparison table's row label names a
// manner or a state of its columns' concepts ("방식", "상태", "Style"),
// whose cells are values, not what the concepts use.
func attributeRow(label string) bool {
	return attributeHeads[lowerCase(lastWord(cleanTitle(label)))]
}

var attributeHeads = map[string]bool{
	"방식": true, "형태": true, "유형": true, "상태": true, "특성": true, "성격": true, "타입": true, "분류": true, "패러다임": true,
	"type": true, "style": true, "approach": true, "paradigm": true, "model": true, "kind": true, "category": true,
	"state": true, "nature": true, "mode": true, "대상": true, "target": true, "scope": true, "범위": true, "format": true, "포맷": true, "형식": true,
	// where each is: "| 저장 위치 | 클라이언트 | 서버 |"
	"위치": true, "장소": true, "location": true, "place": true,
}

// thingRow reports whether a comparison table's row label names a class
// of things each column uses: "Runtime", "설정 파일", "transport".
func thingRow(label string) bool {
	last := lowerCase(lastWord(cleanTitle(label)))
	return productHeads[singular(last)] || thingRows[last]
}

// thingRows are row labels, besides product heads, whose cells are things
// used.
var thingRows = map[string]bool{"파일": true, "file": true, "files": true, "transport": true, "protocol": true, "프로토콜": true,
	"언어": true, "storage": true, "저장소": true, "backend": true, "백엔드": true, "db": true}

// usedCell reports whether a comparison table's cell may name a thing its
// column's concept uses: not joined ("key + PK"), open ("… 등") or a
// level ("TCP level"). plainly asks that it name one for certain: a
// concept the notes know, or a name with an acronym or a capital in it
// ("TCP", "MAC 주소 테이블", "HPACK").
func usedCell(n string, known, plainly bool) bool {
	last := lowerCase(lastWord(n))
	if utf8.RuneCountInString(n) < 2 || strings.Contains(n, "+") || strings.HasSuffix(n, "등") || attributeHeads[last] ||
		last == "level" || last == "수준" || last == "단위" || complexity(n) {
		return false
	}
	if known || !plainly {
		return true
	}
	for _, w := range strings.Fields(n) {
		if isAcronym(strings.Trim(w, "()")) || properName(w) {
			return true
		}
	}
	return false
}

// complexity reports whether n is written in asymptotic notation: "O(1)",
// "O(n log n)", "Θ(n)", a bound and no thing.
func complexity(n string) bool {
	for _, p := range []string{"O(", "o(", "Θ(", "Ω(", "θ(", "Ω("} {
		if strings.HasPrefix(n, p) {
			return true
		}
	}
	return false
}

// descriptiveCell reports whether a comparison table's cell describes
// rather than names: a determiner, an adverb or a modifier in it ("전체
// 본문", "강력한 full-text 검색"), or a lower-case English word beside
// Korean ("grep 느낌").
func descriptiveCell(name string) bool {
	ko := hasHangul(name)
	for _, w := range strings.Fields(name) {
		switch {
		case fn(lowerCase(w)) != 0:
			return true
		case hasHangul(w) && (adnominal(w) || genericNouns[w]):
			return true
		case ko && isLatin(w) && w == strings.ToLower(w) && !isAcronym(w):
			return true
		}
	}
	return false
}

// attributeValue reports whether a table cell's one name is a value of
// an attribute: one Korean word formed with "-형" or "-식" ("선언형",
// "비동기식"), one lower-case English adjective or "-level" word
// ("stateless", "process-level"), or a unit of time ("seconds").
func attributeValue(name string) bool {
	if strings.ContainsRune(name, ' ') {
		return false
	}
	if hasHangul(name) {
		return strings.HasSuffix(name, "형") || strings.HasSuffix(name, "식")
	}
	if name != strings.ToLower(name) {
		return false
	}
	switch name {
	case "milliseconds", "seconds", "minutes", "hours", "days", "weeks", "ms", "low", "high", "fast", "slow", "yes", "no":
		return true
	}
	return adjective(name) || strings.HasSuffix(name, "-level") || strings.HasSuffix(name, "-based") || strings.HasSuffix(name, "-wide")
}
