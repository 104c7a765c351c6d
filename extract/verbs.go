package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"conceptgraph/graph"
)

// Verb frames: a cue phrase of cues.go, its object next to it and its
// subject in the clause. "TCP는 포트 번호를 사용한다" (TCP uses 포트 번호),
// "SMB relies on TCP", "X는 A와 B로 구성된다" (A and B part_of X), "Y is
// used by X", "X is used for Y" (Y uses X), "Y 기반의 X" (X uses Y). The
// object becomes a concept when it reads as a name, known or not.

// frame reads one cue of a verb frame. It reports whether it related
// anything.
func (e *extractor) frame(st *sent, c ctx, topic string, h cueHit) bool {
	cu := h.c
	if cu.rel == graph.ComparedWith && noComparison(st, h) {
		return false
	}
	if strings.HasSuffix(cu.phrase, "수행") && cu.lang == "ko" {
		// "연산을 수행할 때", "검사를 수행하기 위한 스레드": a time or
		// purpose clause, not what the subject carries out.
		if rest := st.s[h.end:]; strings.HasPrefix(rest, "할 때") || strings.HasPrefix(rest, "하는 동안") || strings.HasPrefix(rest, "하기 위") {
			return false
		}
	}
	if cu.lang == "ko" && cu.rel == graph.Uses && (conditional(st, h) || possibility(st)) && !koreanSubjectBefore(st, h.at) {
		// "Sorted Set을 이용하면 랭킹을 구현할 수 있음", "… 형태로 저장해야
		// 한다면?": what one could do, said of no one.
		return false
	}
	if cu.lang == "ko" && cu.rel == graph.ExampleOf && cu.side == before && strings.TrimSpace(strings.Trim(dropParens(st.s[h.end:]), ".)( ")) == "" {
		return false // "…의 예시 (… example)" closing a line is a title: examples of it
	}
	// Comparisons are between concepts the notes name: an unknown
	// object ("처리구조와 유사해") is an attribute, not a concept.
	// (In Korean, a Latin term is name enough: "statement replication과
	// 유사".)
	known := cu.known || (cu.rel == graph.ComparedWith || cu.rel == graph.OppositeOf) && cu.lang == "en" &&
		!strings.HasSuffix(cu.phrase, " not") && cu.phrase != "instead of" && cu.phrase != "rather than"
	if cu.phrase == "use" && h.at > 0 {
		// "It is important to use double-ended queues": advice naming
		// what the concept uses.
		if before := strings.Fields(st.lower[:h.at]); len(before) >= 2 && before[len(before)-1] == "to" && adviceWords[before[len(before)-2]] {
			known = false
		}
	}
	var objs []string
	var subj string
	var wholes, members []phrase // English "one of the parts of W", "one of the Gs in W"
	strongAmong := false         // one strong item makes its fellows names too
	partsListed := false         // "consists of vertices and edges": parts, listed
	pluralsListed := false       // "uses nodes, edges, and properties": each of them
	object := func(p phrase) {
		n := len(objs)
		defer func() {
			if len(objs) > n && cu.lang == "en" && plural(st.ws[p.j-1].lower) {
				pluralsListed = true
			}
		}()
		if cu.lang == "en" && !known && p.j-p.i == 1 && (partsListed || p.i > 0 && (indefinite(st.ws[p.i-1].lower) || (st.ws[p.i-1].end <= h.end || pluralsListed) && plural(st.ws[p.i].lower))) && plainTerm(st, p) {
			// "DFS uses a stack", "Terraform uses providers": one common
			// noun, a thing of its kind or the kind itself, is a concept;
			// so is each of the parts listed, and each plural listed
			// with a first one.
			if id := e.conceptOf(st, p, true); id != "" {
				objs = append(objs, id)
			}
			return
		}
		if cu.lang == "ko" && p.j-p.i > 1 && st.ws[p.j-1].stem(st.s) == "기반" {
			p.j-- // "플러그인 기반의 구조를 가지며": it uses plugins
		}
		if cu.lang == "ko" && cu.rel == graph.Uses {
			// "B+Tree 기반 인덱스를 사용": the index, which uses B+Tree.
			for i := p.i + 1; i < p.j-1; i++ {
				if st.ws[i].kind == endNone && st.ws[i].stem(st.s) == "기반" {
					base, head := phrase{p.i, i}, phrase{i + 1, p.j}
					if hid, bid := e.conceptOf(st, head, true), e.conceptOf(st, base, true); hid != "" && bid != "" && hid != bid {
						e.relate(hid, graph.Uses, bid, 0.7, st.ev, cu.rule)
					}
					p = head
					break
				}
			}
		}
		switch {
		case pronounPhrase(st, p):
			objs = append(objs, c.subject)
		case p.j-p.i == 1 && genericClasses[lowerCase(st.ws[p.i].stem(st.s))] && cu.rel == graph.TypeOf:
			// "많이 알려진 DB 중 하나" under NoSQL: the section's class.
			if c.subject != "" {
				objs = append(objs, c.subject)
			}
		case bareLen(st, p) == 1 && genericNouns[lowerCase(st.ws[p.i].stem(st.s))]:
			// "데이터로 저장", "데이터(entry)로": too general to be the object.
		case p.j-p.i == 1 && idiomObjects[st.ws[p.i].stem(st.s)] && cu.lang == "ko":
			// "신경을 쓰다" is to care, "힘을 쓰다" to strive.
		case cu.rel == graph.PartOf && kindWord(st.ws[p.j-1].lower):
			// "Prometheus has four metric types: …": kinds, not a part.
		case cu.rel == graph.TypeOf || cu.rel == graph.ExampleOf:
			// "컴퓨터 네트워크 기술의 일종": the class as named, with its
			// head noun.
			if id := e.conceptOf(st, p, !known && nameLikePhrase(st, p)); id != "" {
				objs = append(objs, id)
			} else if id := e.object(st, p, !known && nameLikePhrase(st, p), (cu.weak || cu.lang == "en") && !strongAmong); id != "" {
				objs = append(objs, id)
			}
		default:
			// ("Unlike REST, gRPC …": a name compared is a concept, known
			// or not.)
			named := e.pass > 1 && cu.rel == graph.ComparedWith && cu.lang == "en" && !strings.HasPrefix(cu.phrase, "vs") && (isAcronym(st.text(p)) || properName(st.text(p)))
			if id := e.object(st, p, (!known || named) && nameLikePhrase(st, p), (cu.weak || cu.lang == "en") && !strongAmong); id != "" {
				objs = append(objs, id)
			}
		}
	}
	if cu.side == before {
		if cu.phrase == "기반" {
			// "Lucene 기반 인덱스를 사용": the index is what is based on
			// Lucene (see object and the compounds), not the subject.
			if n := st.wordAt(h.end); n < len(st.ws) && st.ws[n].start >= h.end && st.ws[n].hangul && st.ws[n].kind != endModifier && st.ws[n].kind != endPredicate {
				return false
			}
		}
		k := st.objectWord(h.at)
		if k < 0 || st.ws[k].kind == endModifier || st.ws[k].kind == endPredicate {
			return false // "반납하는 방식으로": a verb, not an object
		}
		if w := &st.ws[k]; w.end <= h.at && w.kind != endNone && w.kind != endOf {
			// A cue that is a word of its own takes the noun before it
			// ("유니캐스트 방식으로", "플러그인 기반의 구조를 가지며");
			// "기다리는 방식으로" is a verb that reads like a topic.
			return false
		}
		if strings.HasSuffix(cu.phrase, "하나") && strings.ContainsRune("를을가에", firstRune(st.s[h.end:])) {
			return false // "프로세스 중 하나를 골라": one of them, not a kind
		}
		if w := &st.ws[k]; koreanPronouns[w.stem(st.s)] && w.kind != endNone && cu.kind == cueObject {
			return e.pronounObject(st, c, cu, topic, k)
		}
		items := st.koreanEnumEndingAt(k)
		for _, p := range items {
			if len(items) > 1 && strongPhrase(st, p) {
				strongAmong = true
			}
		}
		if len(items) > 1 && cu.rel == graph.PartOf && cu.reverse {
			strongAmong = true // "파드는 컨테이너와 볼륨으로 구성된다": parts, listed
		}
		for _, p := range items {
			if (strings.HasPrefix(cu.phrase, "로 ") || strings.HasPrefix(cu.phrase, "으로 ")) && strings.HasSuffix(st.ws[p.j-1].stem(st.s), "적") {
				continue // "정상적으로 동작", "효율적으로 저장": how, not with what
			}
			if p.i > 0 && st.ws[p.i-1].kind == endQuote {
				// "하이퍼바이저라는 SW를 이용": what is so called; but
				// "Convoy Effect라는 문제점을 가지고": an attribute.
				if l, ok := labels[labelKey(st.ws[p.j-1].stem(st.s))]; ok && (l.mode == labelPros || l.mode == labelCons) {
					continue
				}
				p = st.koreanPhraseAt(p.i - 1)
			}
			if r, owner, ok := st.ownedKind(cu, p); ok {
				// "클라우드 컴퓨팅의 속성 중 하나": a part of the owner;
				// "NoSQL의 종류 중 하나": a kind of it.
				if r == graph.PartOf {
					wholes = append(wholes, owner)
					continue
				}
				p = owner
			}
			if cu.rel == graph.ComparedWith || cu.rel == graph.OppositeOf {
				if pronounPhrase(st, p) || st.ws[p.i].fn == fnDet && p.j-p.i == 1 {
					objs = append(objs, c.subject) // "이를 개선한 SJF"
				} else if id := e.objectOf(st, p, nameLikePhrase(st, p) && (p.j-p.i > 1 || unicode.IsUpper(firstRune(st.ws[p.i].text(st.s))))); id != "" {
					objs = append(objs, id) // "statement replication과 유사"; not "insert, update 보다는"
				}
				continue
			}
			object(p)
		}
		var modified bool
		if cu.rel == graph.ComparedWith || cu.rel == graph.OppositeOf {
			subj, modified = e.modifiedBy(st, c, h, topic)
			if subj == "" && !modified {
				subj = e.topicBefore(st, c, topic, k)
				if subj == c.subject || subj == "" {
					if id := e.topicAfter(st, h); id != "" {
						subj = id // "Forward proxy와 달리 reverse proxy는 …"
					}
				}
			}
			if subj == "" {
				// "정규화의 반대 개념은 반정규화이다": no topic; the other
				// side is the predicate after the cue.
				for i := st.wordAt(h.end-1) + 1; i < len(st.ws); i++ {
					if st.ws[i].kind == endCopula {
						subj = e.conceptOf(st, st.koreanPhraseAt(i), false)
						break
					}
				}
			}
		} else {
			subj, modified = e.modifiedBy(st, c, h, topic)
			if subj == "" && !modified {
				subj = e.subjectBefore(st, c, topic, k, "ko")
			}
		}
	} else {
		k := st.wordAt(h.end)
		if k >= len(st.ws) {
			return false
		}
		if st.ws[k].start < h.end {
			k++ // the cue ends inside a word: "e.g."
		}
		if strings.TrimSpace(strings.Trim(st.lower[:h.at], "*_-`")) == "" && cu.rel != graph.ComparedWith && cu.rel != graph.OppositeOf && (!c.own || strings.Contains(st.s, ",") && !listToEnd(st, k) || finiteVerbFrom(st, k) || !c.first && k < len(st.ws) && comparative(st, phrase{k, k + 1})) {
			// "Based on X, …" and "Using X, …" open a clause whose
			// subject follows, as "Using a TEXT field results in …" is
			// one; an item's "using ports to …" and "Written in Java."
			// are about its concept, and so is "Used by MySQL, SQLite
			// and Postgres.", whose commas part names.
			return false
		}
		ps := st.englishEnumFrom(k)
		if n := len(ps); n > 1 && ps[n-1].j < len(st.ws) && englishVerb(st.ws[ps[n-1].j].lower) && strings.TrimSpace(st.ws[ps[n-2].j-1].after) == "," {
			// "Python dict uses open addressing, Java HashMap uses
			// chaining": the last name opens a clause of its own.
			ps = ps[:n-1]
		}
		if n := len(ps); n > 0 && ps[n-1].j < len(st.ws) {
			// "the basis for more complex systems such as a document
			// store": the members, not the class.
			if next := st.lower[st.ws[ps[n-1].j].start:]; strings.HasPrefix(next, "such as ") || strings.HasPrefix(next, "like ") || strings.HasPrefix(next, "including ") {
				from := ps[n-1].j + 1
				if strings.HasPrefix(next, "such as ") {
					from++
				}
				if strings.HasPrefix(next, "including ") && strings.Contains(st.ws[ps[n-1].j-1].after, ",") {
					// "used by network devices, including routers": the
					// class, and its members after it.
					ps = append(ps, st.englishEnumFrom(from)...)
				} else if cls := ps[n-1]; n == 1 && cu.rel == graph.Uses && !comparative(st, cls) {
					// "built on atomic instructions like CAS": the class
					// it uses, and the members named (which are the
					// class's too, see hearst).
					ps = append([]phrase{cls}, st.englishEnumFrom(from)...)
				} else {
					ps = st.englishEnumFrom(from)
				}
			}
		}
		if cu.many && len(ps) < 3 {
			return false
		}
		// (Not "a set of objects (nodes or vertices)": other names.)
		partsListed = len(ps) > 1 && cu.rel == graph.PartOf && cu.reverse && st.ws[ps[1].i].paren == st.ws[ps[0].i].paren
		// "the TCP and IP protocols": the class of the last is every one's.
		if n := len(ps); n > 1 && ps[n-1].j-ps[n-1].i >= 2 && classNouns[st.ws[ps[n-1].j-1].lower] {
			cls := st.ws[ps[n-1].j-1].stem(st.s)
			for _, p := range ps[:n-1] {
				if name := st.text(p); isAcronym(name) || properName(name) {
					if id, class := e.conceptOf(st, p, true), e.defineText(cls); id != "" && class != "" {
						e.relate(id, graph.TypeOf, class, 0.7, st.ev, "name-class")
					}
				}
			}
		}
		for _, p := range ps {
			// "the advantages of federation": federation.
			if head := st.ws[p.j-1].lower; (genericNouns[head] || relationalHeads[stem(head)]) && p.j < len(st.ws) && st.ws[p.j].lower == "of" {
				if q := st.englishPhraseFrom(p.j + 1); !q.empty() {
					p = q
				}
			}
			// "used for working with …": an activity, not a concept.
			if participle(st.ws[p.i].lower) && p.j-p.i == 1 && p.j < len(st.ws) && st.ws[p.j].fn == fnPrep {
				continue
			}
			if (cu.kind == cueUsedFor && !implements(cu) || strings.HasSuffix(cu.phrase, " in")) && e.idx.lookup(st.text(p)) == "" && !marked(st, p) && !capitalised(st, p) && !strings.HasSuffix(st.ws[p.i].lower, "ing") {
				continue // "used for very large data sets", "written in multiple tables": no concept
			}
			if cu.rel == graph.TypeOf && strings.Contains(cu.phrase, "one of") {
				// "one of the components of the control plane": a part
				// of the whole; "one of the protocols of the suite": a
				// protocol, and a member of the suite.
				if kindHeads[strings.TrimSuffix(st.ws[p.j-1].lower, "s")] == graph.PartOf && p.j < len(st.ws) && st.ws[p.j].lower == "of" {
					if q := st.englishPhraseFrom(p.j + 1); !q.empty() {
						wholes = append(wholes, q)
					}
					continue
				}
				members = append(members, p)
			}
			object(p)
		}
		at := st.wordAt(h.at)
		subj = e.subjectBefore(st, c, topic, at, "en")
		if cu.rel == graph.Uses && adverbialUse[cu.phrase] && personBefore(st, at) {
			// "You can enable logging for Terraform using TF_LOG": the
			// reader uses it, not a concept of the sentence.
			subj = ""
		}
		if cu.phrase == "using" && topic != "" && at > 1 && hasVerbBetween(st, 1, at) {
			subj = topic // "A hash table maps keys to values using a hash function": the sentence's subject
		}
		if cu.rel == graph.ComparedWith || cu.rel == graph.OppositeOf {
			switch {
			case opensSentence(st, at) && cu.kind == cueObject:
				// "Unlike X, Y …", "So instead of X, Y …": the subject
				// follows the objects.
				from := k
				subj = e.afterComma(st, from, topic, c)
			case at > 0 && (st.ws[at].paren > 0 || cu.phrase != "instead of" && cu.phrase != "rather than" && !strings.HasSuffix(cu.phrase, "than") && !strings.HasSuffix(cu.phrase, " not")):
				// "supports all NTP4 modes (unlike chronyd)": the
				// sentence's subject, not the phrase before.
				if topic != "" {
					subj = topic
				} else {
					subj = c.subject
				}
			}
		}
	}
	if c.pros {
		subj = c.subject // a pro or con compares its concept
	}
	if subj != "" {
		for _, q := range wholes {
			if id := e.conceptOf(st, q, nameLikePhrase(st, q)); id != "" && id != subj {
				e.relate(subj, graph.PartOf, id, 0.8, st.ev, "member-of")
			}
		}
		for _, p := range members {
			e.memberOf(st, subj, p)
		}
	}
	if subj == "" || len(objs) == 0 {
		return false
	}
	subjs := []string{subj}
	if cu.rel != graph.ComparedWith && cu.rel != graph.OppositeOf && !c.pros {
		if cu.lang == "en" {
			subjs = append(subjs, e.coSubjects(st, subj, st.wordAt(h.at))...)
		} else {
			subjs = append(subjs, e.koreanCoSubjects(st, subj, st.wordAt(h.at))...)
		}
	}
	fired := false
	for _, subj := range subjs {
		if e.relateObjects(st, cu, subj, objs) {
			fired = true
		}
	}
	return fired
}

// implements reports whether a cue says what its subject is used to make:
// "Heaps are used to implement priority queues" names a concept, where
// "used for very large data sets" may name none.
func implements(cu *cue) bool {
	return strings.HasSuffix(cu.phrase, "to implement") || strings.HasSuffix(cu.phrase, "to build")
}

// indefinite reports whether w is an indefinite article.
func indefinite(w string) bool { return w == "a" || w == "an" }

// plainTerm reports whether the one-word English phrase p is a common
// noun that can name a concept: a lower-case noun, not a general one
// ("a way", "a lot"), a number or a verb form.
func plainTerm(st *sent, p phrase) bool {
	w := st.ws[p.i].lower
	return nameLikePhrase(st, p) && !genericNouns[w] && !genericNouns[strings.TrimSuffix(w, "s")] && !methodWord(w) && !numberWord(w) &&
		!participle(w) && st.ws[p.i].fn == 0 && utf8.RuneCountInString(w) >= 3
}

// divides reports whether a part cue says a whole is divided: "나뉜다",
// "is split into". Divided into things of its own head noun, a class is
// divided into its kinds.
func divides(phrase string) bool {
	for _, d := range []string{"나뉘", "나뉩", "나뉜", "나눌", " into", "분류"} {
		if strings.Contains(phrase, d) {
			return true
		}
	}
	return false
}

// pronounObject reads a Korean cue whose object is a pronoun, word k:
// "비선점형 스케줄링은 …이고, FCFS와 SJF가 이에 속합니다". The pronoun
// stands for the sentence's topic, or the last sentence's, or the text's
// concept; the subjects are the enumeration marked for subject before it.
func (e *extractor) pronounObject(st *sent, c ctx, cu *cue, topic string, k int) bool {
	if k == 0 || st.ws[k-1].kind != endSubject {
		return false
	}
	ref := c.subject
	switch {
	case topic != "" && koreanTopicMarked(st):
		ref = topic
	case e.prev.id != "":
		ref = e.prev.id
	}
	if ref == "" {
		return false
	}
	fired := false
	for _, p := range st.koreanEnumEndingAt(k - 1) {
		if id := e.conceptOf(st, p, nameLikePhrase(st, p)); id != "" && id != ref && e.relateObjects(st, cu, id, []string{ref}) {
			fired = true
		}
	}
	return fired
}

// ownedKind reads the object p of a Korean "중 하나" as a class noun of an
// owner named before it with "의": "G의 속성 중 하나" is a part of G, "G의
// 종류 중 하나" a kind of G. It returns the relation the class noun says
// and the owner's phrase.
func (st *sent) ownedKind(cu *cue, p phrase) (graph.RelationType, phrase, bool) {
	if cu.lang != "ko" || cu.rel != graph.TypeOf || !strings.Contains(cu.phrase, "하나") || p.j-p.i != 1 || p.i == 0 {
		return "", phrase{}, false
	}
	r, ok := kindHeads[st.ws[p.i].stem(st.s)]
	if !ok || st.ws[p.i-1].kind != endOf {
		return "", phrase{}, false
	}
	owner := st.koreanPhraseAt(p.i - 1)
	if owner.empty() {
		return "", phrase{}, false
	}
	return r, owner, true
}

// coSubjects returns the other subjects of a cue at word k when its
// subject is the last of an enumeration opening the sentence: "DNS and
// QUIC are built on UDP".
func (e *extractor) coSubjects(st *sent, subj string, k int) []string {
	i := 0
	for i < len(st.ws) && sentenceOpeners[st.ws[i].lower] {
		i++
	}
	items := st.englishEnumFrom(i)
	n := len(items)
	if n < 2 || items[0].i != i || items[n-1].j > k {
		return nil
	}
	for j := items[n-1].j; j < k; j++ {
		if f := st.ws[j].fn; f != fnAux && f != fnAdverb {
			return nil
		}
	}
	if e.conceptOf(st, items[n-1], false) != subj {
		return nil
	}
	var out []string
	for _, p := range items[:n-1] {
		if id := e.conceptOf(st, p, nameLikePhrase(st, p) && capitalised(st, p)); id != "" && id != subj {
			out = append(out, id)
		}
	}
	return out
}

// koreanCoSubjects returns the other subjects of a Korean cue at word k
// when its subject is the last of an enumeration marked as the topic or
// the subject: "Chef와 Puppet은 agent 기반이다".
func (e *extractor) koreanCoSubjects(st *sent, subj string, k int) []string {
	for i := 0; i < k && i < len(st.ws); i++ {
		w := &st.ws[i]
		if w.kind != endTopic && w.kind != endSubject {
			continue
		}
		items := st.koreanEnumEndingAt(i)
		if len(items) < 2 || e.conceptOf(st, items[len(items)-1], false) != subj {
			return nil
		}
		var out []string
		for _, p := range items[:len(items)-1] {
			if id := e.conceptOf(st, p, nameLikePhrase(st, p) && strongPhrase(st, p)); id != "" && id != subj {
				out = append(out, id)
			}
		}
		return out
	}
	return nil
}

// relateObjects relates subj to each object by the cue.
func (e *extractor) relateObjects(st *sent, cu *cue, subj string, objs []string) bool {
	fired := false
	for _, o := range objs {
		from, to := subj, o
		switch {
		case cu.kind == cuePassive || cu.kind == cueUsedFor:
			from, to = o, subj // "Y is used by X", "X is used for Y"
		case cu.reverse:
			from, to = o, subj
		}
		rel := cu.rel
		if rel == graph.PartOf && divides(cu.phrase) && (sameHeadNoun(e.nameOf(from), e.nameOf(to)) || strings.Contains(cu.phrase, "분류")) {
			rel = graph.TypeOf // "옵티마이저는 규칙 기반 옵티마이저와 비용 기반 옵티마이저로 나뉜다": kinds
		}
		if rel == graph.TypeOf && strings.Contains(cu.phrase, "하나") && e.instance(from) {
			rel = graph.ExampleOf // "Redis는 NoSQL 중 하나"
		}
		if e.relate(from, rel, to, 0.9, st.ev, cu.rule) {
			fired = true
		}
	}
	return fired
}

// adverbialUse are the cues of use that say how something is done, by
// whoever does it: "… using X", "… via X".
// (A verb's own subject is found by subjectBefore: "you could also use a
// BST" may be said of the text's concept.)
var adverbialUse = map[string]bool{"using": true, "via": true, "through": true, "with the help of": true, "by means of": true,
	"leveraging": true}

// personBefore reports whether a person opens a clause before word k: "you
// can", "we use", "one needs".
func personBefore(st *sent, k int) bool {
	for i := 0; i < k && i+1 < len(st.ws); i++ {
		if next := &st.ws[i+1]; personWords[st.ws[i].lower] && (next.fn == fnAux || next.fn == fnAdverb || baseVerb(next.lower) || englishVerb(next.lower)) {
			return true
		}
	}
	return false
}

// noComparison reports whether a comparison cue compares no concepts:
// "more than one pod" counts, "instead of changing the code" and "rather
// than routing" name what is done, "unlock보다 먼저" orders in time.
func noComparison(st *sent, h cueHit) bool {
	k := st.wordAt(h.end)
	if k < len(st.ws) && st.ws[k].start < h.end {
		k++
	}
	if k >= len(st.ws) {
		return false
	}
	next := &st.ws[k]
	if h.c.lang == "ko" {
		rest := strings.TrimSpace(st.s[h.end:])
		for _, w := range []string{"먼저", "나중", "일찍", "늦게", "앞서", "이전", "이후"} {
			if strings.HasPrefix(rest, w) {
				return true
			}
		}
		return false
	}
	if numberWord(next.text(st.s)) || next.lower == "one" || next.lower == "once" {
		return true
	}
	w := next.text(st.s)
	return len(w) > 5 && strings.HasSuffix(w, "ing") && w == next.lower && next.latin
}

// capitalised reports whether a word of p is capitalised: "traditional
// RDBMS" names something, "very large data sets" does not.
func capitalised(st *sent, p phrase) bool {
	for i := p.i; i < p.j; i++ {
		if unicode.IsUpper(firstRune(st.ws[i].text(st.s))) {
			return true
		}
	}
	return false
}

// opensSentence reports whether word k opens its sentence, after
// emphasis and connectives only ("So instead of …", "But unlike …").
func opensSentence(st *sent, k int) bool {
	for i := range k {
		if f := st.ws[i].fn; f != fnConj && f != fnAdverb {
			return false
		}
	}
	return true
}

// dropParens returns s without what is in parentheses.
func dropParens(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// bareLen is the number of words of p outside parentheses.
func bareLen(st *sent, p phrase) int {
	n := 0
	for i := p.i; i < p.j; i++ {
		if st.ws[i].paren == st.ws[p.i].paren {
			n++
		}
	}
	return n
}

// adviceWords precede "to use X" in advice about a concept: "It is
// important to use X".
var adviceWords = map[string]bool{"important": true, "better": true, "best": true, "recommended": true, "necessary": true,
	"common": true, "possible": true, "easier": true, "simplest": true, "useful": true, "advisable": true, "wise": true}

// labelWord reports whether a word is a label (장점, 문제점, 특징).
func labelWord(w string) bool {
	_, ok := labels[labelKey(w)]
	return ok
}

// topicBefore is the subject of a Korean comparison at word k: the phrase
// marked as the clause's topic ("쿠키는 세션과 달리"), or the topic of the
// sentence or text. A phrase marked as subject ("코딩이 절차지향보다
// 간편") is an attribute of the text's concept, which is what is compared.
func (e *extractor) topicBefore(st *sent, c ctx, topic string, k int) string {
	for i := k - 1; i >= 0; i-- {
		w := &st.ws[i]
		if (w.kind == endPredicate || w.kind == endCopula) && w.hard() {
			break
		}
		if w.kind == endTopic {
			p := st.koreanPhraseAt(i)
			if pronounPhrase(st, p) {
				break
			}
			if id := e.conceptOf(st, p, false); id != "" {
				return id
			}
			break
		}
	}
	return c.subject
}

// topicAfter returns the concept a Korean sentence that opens with a
// comparison ("X와 달리 …") marks as its topic after the cue, or "".
func (e *extractor) topicAfter(st *sent, h cueHit) string {
	k := st.wordAt(h.end - 1)
	if k >= len(st.ws) {
		return ""
	}
	if k > 0 {
		if i := st.koreanPhraseAt(k).i; i != 0 && !allOpeners(st, 0, i) {
			return ""
		}
	}
	t := koreanTopicWithin(st, k+1)
	if t < 0 || st.ws[t].kind != endTopic {
		return ""
	}
	p := st.koreanPhraseAt(t)
	if p.empty() || p.i != k+1 || pronounPhrase(st, p) {
		return ""
	}
	return e.conceptOf(st, p, nameLikePhrase(st, p))
}

// modifiedBy returns the concept a Korean cue modifies when its verb is
// in modifier form: "TCP를 사용하는 HTTP" (HTTP uses TCP), "Y 기반의 X",
// "NoSQL 중 하나인 Redis", "도메인을 가지고 있는 네임서버". When what it
// modifies is the predicate of the sentence's topic ("X는 NoSQL에 속하는
// 데이터베이스이다") or a class word, the topic is meant. It returns ""
// when the verb ends its clause.
func (e *extractor) modifiedBy(st *sent, c ctx, h cueHit, topic string) (id string, modifies bool) {
	k := st.wordAt(h.end - 1)
	// Auxiliaries after the verb: "사용할 수 있는", "가지고 있는".
	for n := 0; n < 3 && k < len(st.ws) && st.ws[k].kind != endModifier && st.ws[k].kind != endOf &&
		!strings.HasSuffix(st.ws[k].text(st.s), "인") && !st.ws[k].hard() && k+1 < len(st.ws); n++ {
		next := st.ws[k+1].text(st.s)
		if next != "수" && !strings.HasPrefix(next, "있") && !strings.HasPrefix(next, "없") && !strings.HasPrefix(next, "하") && !strings.HasPrefix(next, "되") {
			break
		}
		k++
	}
	if k >= len(st.ws) {
		return "", false
	}
	w := &st.ws[k]
	if !(w.kind == endModifier || w.kind == endOf || strings.HasSuffix(w.text(st.s), "인")) || w.hard() {
		return "", false
	}
	// "UDP를 사용하는 (대표적인) 예로는 DNS": examples of users, not a
	// user; no one in the sentence uses it by this cue.
	for j := k + 1; j < len(st.ws) && j <= k+2; j++ {
		if stem := st.ws[j].stem(st.s); exampleNouns[stem] || stem == "경우" {
			return "", true
		}
		if st.ws[j].kind != endModifier {
			break
		}
	}
	p := st.koreanPhraseFrom(k + 1)
	if p.empty() || pronounPhrase(st, p) {
		return "", false
	}
	head := &st.ws[p.j-1]
	// ("… 기반의 자료구조로, …": the predicate a definition reads too)
	copula := head.kind == endCopula || commaRo(*head)
	if p.j < len(st.ws) {
		// "HTTP/2 기반의 RPC 프레임워크다": the copula contracted, in a
		// word the phrase stops before.
		if _, ok := st.contractedAt(p.j); ok {
			copula = true
		}
	}
	if topic != "" && (copula || p.j-p.i == 1 && genericClasses[lowerCase(head.stem(st.s))]) {
		// "A는 …인 G이고, B는 X 기반의 G'입니다": the topic of the
		// cue's own clause.
		if id := e.subjectBefore(st, c, topic, st.wordAt(h.at), "ko"); id != "" {
			return id, true
		}
		return topic, true
	}
	if topic == "" && p.j == len(st.ws) && c.own && c.subject != "" {
		// "- HTTP에 SSL/TLS를 적용한 프로토콜" under HTTPS: the sentence is a
		// noun phrase describing the text's concept.
		return c.subject, true
	}
	// It modifies a phrase, which is the subject or nothing we know
	// ("소프트웨어 기반의 라우팅"): never the sentence's topic.
	return e.objectOf(st, p, nameLikePhrase(st, p)), true
}

// koreanPhraseFrom is the Korean noun phrase that starts at word k and
// ends at the first word with an ending (or the last word).
func (st *sent) koreanPhraseFrom(k int) phrase {
	for k < len(st.ws) && (st.ws[k].fn == fnDet || st.ws[k].fn == fnAdverb) {
		k++
	}
	j := k
	for j < len(st.ws) && j-k < maxPhraseWords {
		w := &st.ws[j]
		if w.fn != 0 && !isAcronym(w.text(st.s)) || w.kind == endModifier || w.kind == endPredicate || j > k && w.kind == endNone && endsPredicate(w.text(st.s)) {
			break // "Coordinator 사용": the noun, then its verb
		}
		j++
		if w.kind != endNone || w.hard() {
			break
		}
	}
	if j > k && st.ws[j-1].stemEnd == st.ws[j-1].start {
		j--
	}
	return phrase{k, j}
}

// afterComma returns the subject of a sentence that opens with an
// English comparison ("Unlike X, Y …"): the phrase after the comma.
func (e *extractor) afterComma(st *sent, from int, topic string, c ctx) string {
	// "In contrast to OSPF it's preemptive": no comma, a pronoun after.
	if p := st.englishPhraseFrom(from); !p.empty() && p.j < len(st.ws) && !strings.Contains(st.ws[p.j-1].after, ",") {
		if w := st.ws[p.j].lower; w == "it" || w == "it's" || w == "this" || w == "they" {
			return c.subject
		}
	}
	for i := from; i < len(st.ws)-1; i++ {
		if !strings.Contains(st.ws[i].after, ",") {
			continue
		}
		switch st.ws[i+1].lower {
		case "no", "there":
			// "Unlike a binary search tree, no node stores its key":
			// what the text is about.
			if topic != "" {
				return topic
			}
			return c.subject
		}
		p := st.englishPhraseFrom(i + 1)
		if p.empty() {
			return ""
		}
		// "instead of S1, S2 and S3, we …": a comma inside the list of
		// objects; the subject is after the list.
		if p.j < len(st.ws) && !strings.Contains(st.ws[p.j-1].after, ",") && (st.ws[p.j].lower == "and" || st.ws[p.j].lower == "or") {
			if q := st.englishPhraseFrom(p.j + 1); !q.empty() && q.j < len(st.ws) && strings.Contains(st.ws[q.j-1].after, ",") {
				i = q.j - 2
				continue
			}
		}
		if personWords[st.ws[p.i].lower] {
			return "" // "…, we will have": the writer, not a concept
		}
		if pronounPhrase(st, p) || st.ws[p.i].lower == "it" {
			return c.subject
		}
		// "Unlike a VM, a container …": an unknown noun after an
		// article is a common noun, not a concept of the notes.
		if p.i > i+1 && indefinite(st.ws[i+1].lower) {
			return e.conceptOf(st, p, false)
		}
		return e.conceptOf(st, p, nameLikePhrase(st, p))
	}
	return ""
}

// alias reads "X, also known as Y", "Y라고도 한다": Y is another name of
// the subject.
func (e *extractor) alias(st *sent, c ctx, topic string, h cueHit) {
	var p phrase
	var subj string
	if h.c.side == before {
		k := st.objectWord(h.at)
		p = st.koreanPhraseAt(k)
		subj = e.subjectBefore(st, c, topic, k, "ko")
	} else {
		k := st.wordAt(h.end)
		if k < len(st.ws) && st.ws[k].start < h.end {
			k++
		}
		if k >= len(st.ws) {
			return
		}
		if at := st.wordAt(h.at); h.c.phrase == "known as" && at > 0 && beWord(st.ws[at-1].lower) && indefinite(st.ws[k].lower) {
			return // "Ansible is known as a configuration management tool": a genus, not a name ("also known as a …" names)
		}
		p = st.englishPhraseFrom(k)
		subj = e.subjectBefore(st, c, topic, st.wordAt(h.at), "en")
	}
	if subj == "" || p.empty() || !nameLikePhrase(st, p) {
		return
	}
	name := st.text(p)
	if id := e.idx.lookup(name); id != "" && id != subj {
		return // already a concept of its own: not another name
	}
	if sc := e.get(subj); sc != nil && e.pass == 1 {
		e.giveAlias(sc.id, name)
	}
}

// bareUse reads the note style "X는 A와 B 사용", "Hash -> HashTable 하나 더
// 사용": a clause that ends in 사용/이용/활용 with the objects bare before
// it (no 을/를), which the cue phrases do not see. The subject must be
// marked in the sentence, or be the term the sentence describes.
func (e *extractor) bareUse(st *sent, c ctx, topic string) {
	n := len(st.ws)
	if n < 2 || !st.ko {
		return
	}
	last := &st.ws[n-1]
	switch last.stem(st.s) {
	case "사용", "이용", "활용", "씀":
	default:
		return
	}
	if last.ending != "" && last.ending != "함" && last.ending != "중" {
		return
	}
	k := n - 2
	for k >= 0 && (st.ws[k].fn == fnAdverb || st.ws[k].fn == fnDet || numberWord(st.ws[k].text(st.s)) || st.ws[k].text(st.s) == "하나") && st.ws[k].kind == endNone {
		k--
	}
	if k < 0 || st.ws[k].kind != endNone || st.ws[k].fn != 0 || st.ws[k].hard() {
		return
	}
	if w := st.ws[k].text(st.s); hasHangul(w) && (strings.HasSuffix(w, "로") || strings.HasSuffix(w, "에") || strings.HasSuffix(w, "에서")) {
		return // "가벼운 용도로 씀": what for, not what
	}
	items := st.koreanEnumEndingAt(k)
	if len(items) == 0 {
		return
	}
	for _, p := range items {
		if boundNouns[st.ws[p.j-1].stem(st.s)] {
			return // "NAS 구축 시 이용": when, not what
		}
	}
	subj := ""
	var more []string // "etcd, Consul이 Raft 씀": every subject listed
	for i := items[0].i - 1; i >= 0; i-- {
		if clauseBreak(st.ws[i].text(st.s)) {
			break // "삽입이 O(n)이라 보통 Heap 씀": the subject of another clause
		}
		if w := &st.ws[i]; w.kind == endTopic || w.kind == endSubject {
			if p := st.koreanPhraseAt(i); !p.empty() && !pronounPhrase(st, p) {
				subj = e.conceptOf(st, p, nameLikePhrase(st, p))
				if subjs := st.koreanEnumEndingAt(i); len(subjs) > 1 && subj != "" {
					for _, q := range subjs[:len(subjs)-1] {
						if id := e.conceptOf(st, q, nameLikePhrase(st, q)); id != "" && id != subj {
							more = append(more, id)
						}
					}
				}
			}
			break
		}
	}
	for i := 0; subj == "" && i < items[0].i; i++ {
		if a := st.ws[i].after; strings.Contains(a, "->") || strings.Contains(a, "→") || strings.Contains(a, "=>") {
			// "Set -> HashTable 사용": what the arrow leads from.
			if p := st.koreanPhraseAt(i); p.i == 0 {
				subj = e.conceptOf(st, p, nameLikePhrase(st, p))
			}
			break
		}
	}
	if subj == "" && items[0].i == 0 && c.first && c.own {
		subj = c.subject // "- Set -> HashTable 사용": the item's term
	}
	if subj == "" {
		return
	}
	users := append([]string{subj}, more...)
	for _, p := range items {
		if id := e.objectOf(st, p, nameLikePhrase(st, p)); id != "" && id != subj {
			for _, s := range users {
				if s != id {
					e.relate(s, graph.Uses, id, 0.8, st.ev, "cue:uses")
				}
			}
		}
	}
}

// clauseBreak reports whether a Korean word ends a clause with a
// connective ending ("O(n)이라", "느려서", "있는데"), after which a new
// clause, with a subject of its own, begins.
func clauseBreak(w string) bool {
	if !hasHangul(w) {
		return false
	}
	w = strings.TrimRight(w, ",.")
	for _, e := range []string{"이라", "라서", "여서", "해서", "아서", "어서", "는데", "은데", "니까", "지만", "므로", "면서"} {
		if strings.HasSuffix(w, e) { // ("O(n)이라" is read as "O", "n", "이라")
			return true
		}
	}
	return false
}

// boundNouns close a Korean adverbial of time or condition: "구축 시",
// "설치 후", "장애 때".
var boundNouns = map[string]bool{"시": true, "때": true, "경우": true, "동안": true, "중": true, "후": true, "전": true,
	"이후": true, "이전": true, "뒤": true, "직후": true, "도중": true}

// conditional reports whether the Korean verb of cue h is in a conditional
// form ("이용하면", "저장해야 한다면").
func conditional(st *sent, h cueHit) bool {
	k := st.wordAt(h.end - 1)
	for i := k; i < len(st.ws) && i <= k+2; i++ {
		t := strings.TrimRight(st.ws[i].text(st.s), "?.!")
		if strings.HasSuffix(t, "면") {
			return true
		}
		if st.ws[i].hard() {
			break
		}
	}
	return false
}

// possibility reports whether a Korean sentence ends in "… 수 있다":
// what one can do ("ps 명령을 사용하여 스레드를 표시할 수 있다").
func possibility(st *sent) bool {
	n := len(st.ws)
	if n < 2 {
		return false
	}
	last := strings.TrimRight(st.ws[n-1].text(st.s), ".!?)")
	return st.ws[n-2].text(st.s) == "수" && strings.HasPrefix(last, "있")
}

// koreanSubjectBefore reports whether a word before byte at is marked as
// a topic or subject.
func koreanSubjectBefore(st *sent, at int) bool {
	for i := 0; i < len(st.ws) && st.ws[i].end <= at; i++ {
		if k := st.ws[i].kind; k == endTopic || k == endSubject {
			return true
		}
	}
	return false
}

// comparative reports whether a phrase opens with a comparative ("more
// complex systems", "other stores"): a class the text does not name.
func comparative(st *sent, p phrase) bool {
	for i := max(p.i-1, 0); i <= p.i; i++ {
		switch st.ws[i].lower {
		case "more", "less", "other", "larger", "bigger", "smaller", "higher", "lower", "many", "some", "various", "different":
			return true
		}
	}
	return false
}

// finiteVerbFrom reports whether a finite English verb follows word k:
// the cue before k opened a subject ("Using a hash table would be …").
func finiteVerbFrom(st *sent, k int) bool {
	for _, w := range st.ws[min(k, len(st.ws)):] {
		if englishVerb(w.lower) || beWord(w.lower) || modalVerbs[w.lower] {
			return true
		}
	}
	return false
}

// modalVerbs are the English modals.
var modalVerbs = map[string]bool{"would": true, "will": true, "can": true, "could": true, "should": true, "may": true, "might": true, "must": true}

// listToEnd reports whether the words from k are a list of two or more
// names that ends the sentence: its commas part names, not clauses.
func listToEnd(st *sent, k int) bool {
	ps := st.englishEnumFrom(k)
	return len(ps) > 1 && ps[len(ps)-1].j == len(st.ws)
}
