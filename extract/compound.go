package extract

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"conceptgraph/graph"
)

// derive adds to e's relations those made of names: compounds, then
// basedOn, and returns every concept known, in order (see eachConcept;
// the slice is shared, and only read). It only reads e.relIndex, which
// may be shared, and does not bring it up to date.
//
// p, when set, is what e's relations say of placing concepts, kept up to
// date by a merge (see placement): what compounds found of each concept
// that p does not say changed is taken from the last call (see
// namedAfter). touched are the concepts whose state changed since that
// call, by id: when no concept was added, dropped or moved, only they,
// the concepts named after them and those p says changed are looked at
// again (see revisit). With no p, everything is found afresh.
func (e *extractor) derive(p *placement, touched []string) []*concept {
	d := &deriving{e: e, own: map[relKey]*relation{}, made: map[relKey]*relation{}, uses: map[string]*relation{}}
	d.compounds(p, touched)
	d.basedOn(d.based)
	return d.all
}

// deriving is one call of derive.
type deriving struct {
	e *extractor
	// own are the relations basedOn made or changed; made those
	// compounds made afresh (not those it remembered), which are kept as
	// they are made; uses are the uses compounds made, by the concept
	// they are of.
	own, made map[relKey]*relation
	uses      map[string]*relation
	// based are the concepts named after what they are based on, in
	// order, and that (see basedOn).
	based []basing
	// all is every concept known, in order.
	all []*concept
	// looked counts the concepts whose findings were looked at.
	looked int
}

type basing struct {
	c  *concept
	id string
}

// found is what compounds and basedOn found of one concept c by its
// names: the concept it is a compound of and that one's concept as it
// was (none for a concept with no sources), whether that one is in turn
// a compound of c, the concept c is named after being based on, and the
// relation compounds made (nil for none).
type found struct {
	c     *concept
	head  string
	h     *concept
	pair  bool
	basis string
	rel   *relation
}

// compounds relates concepts whose name ends in another concept's name,
// the head of the compound: "Root DNS" type_of "DNS", "Master-slave
// replication" type_of "Replication", and "멀티 스레드" uses "스레드" (a
// quantifier makes it many of them, not a kind). Pairs already related,
// or already joined by a chain of type_of, are left alone.
func (d *deriving) compounds(p *placement, touched []string) {
	e := d.e
	n := e.named
	keep := p != nil && n != nil
	if p == nil {
		p = &placement{}
	}
	if p.up == nil {
		p.fill(e.rels)
		if keep {
			n.forgetFound()
		}
	}
	changed := p.changed()
	var o *foundOrder
	if keep {
		touched = append(slices.Clip(touched), n.again...)
		n.again = nil
	}
	if keep && n.order != nil && d.revisit(touched, changed, p) {
		o = n.order
	} else {
		o = d.findAll(keep, changed, p)
	}
	if keep {
		n.order = o
	}
	d.all = o.all
	o.made, o.looked = 0, d.looked
	for _, f := range o.found {
		if f.basis != "" {
			d.based = append(d.based, basing{f.c, f.basis})
		}
		if r := f.rel; r != nil {
			o.made++
			e.rels = append(e.rels, r)
			if r.typ == graph.Uses {
				d.uses[f.c.id] = r
			}
		}
	}
}

// A foundOrder is what compounds and basedOn found of every concept, in
// order (see derive), with what finding it again for a few takes: where
// each concept's id is in it, the concepts with each head and those that
// are their head's head (by id), and how many of the first are the
// base's; how many relations compounds made, and how many concepts it
// looked at to find them.
type foundOrder struct {
	found  []found
	all    []*concept // each found's concept
	at     map[string]int
	byHead map[string][]string
	pairs  []string
	inBase int
	made   int
	looked int
}

// findAll finds what compounds and basedOn find of every concept, taking
// from the last call, when keep is set, what it found of a concept whose
// state, head's state and placing are the same. Only with keep does what
// it returns tell where each concept is.
func (d *deriving) findAll(keep bool, changed map[string]bool, p *placement) *foundOrder {
	e := d.e
	var last *foundOrder
	o := &foundOrder{}
	if keep {
		last = e.named.order
		o.at, o.byHead = map[string]int{}, map[string][]string{}
		if e.base != nil {
			o.inBase = len(e.base.concepts)
		}
	}
	e.eachConcept(func(c *concept) {
		var before *found
		if last != nil {
			if i, ok := last.at[c.id]; ok {
				before = &last.found[i]
			}
		}
		f := d.find(c, before, keep, changed, p)
		if keep {
			i := len(o.found)
			o.at[c.id] = i
			if f.head != "" {
				o.byHead[f.head] = append(o.byHead[f.head], c.id)
			}
			if f.pair {
				o.pairs = append(o.pairs, c.id)
			}
		}
		o.found = append(o.found, f)
		o.all = append(o.all, c)
	})
	return o
}

// find finds what compounds and basedOn find of c; before, when set, is
// what the last call found of the concept of c's id, taken as it is when
// nothing it depends on changed.
func (d *deriving) find(c *concept, before *found, keep bool, changed map[string]bool, p *placement) found {
	e := d.e
	d.looked++
	f := found{c: c}
	if id := e.named.basisOf(e, c); id != "" && id != c.id && len(c.sources) > 0 {
		f.basis = id
	}
	head := e.named.headOf(e, c)
	if head == "" || len(c.sources) == 0 {
		return f
	}
	f.head, f.h = head, e.get(head)
	// A pair that are each other's heads is related by the first of
	// them only: what the second finds depends on the first, and is
	// found again every time.
	f.pair = keep && e.named.headOf(e, f.h) == c.id
	if before != nil && before.c == c && before.h == f.h && !before.pair && !f.pair && !changed[c.id] {
		f.rel = before.rel
		return f
	}
	f.rel = d.compound(c, head, p)
	return f
}

// revisit brings what the last call found up to date by looking again
// only at the concepts touched (see derive), those whose head is one of
// them, those changed says p changed, and the pairs that are each other's
// heads, in order; a concept touched that is new is put in its place
// first. It reports false, having changed nothing, when a concept was
// dropped or moved, or one's head changed: every concept must be looked
// at then.
func (d *deriving) revisit(touched []string, changed map[string]bool, p *placement) bool {
	e, o := d.e, d.e.named.order
	if e.base == nil {
		return false
	}
	var added []*concept
	inBase := o.inBase
	for _, id := range touched {
		i, known := o.at[id]
		c := e.get(id)
		switch {
		case !known && c == nil:
		case !known:
			if !slices.Contains(added, c) {
				added = append(added, c)
				if e.base.get(id) != nil {
					inBase++
				}
			}
		case c == nil:
			return false
		case c.born != o.found[i].c.born || (i < o.inBase) != (e.base.get(id) != nil):
			// The order of the concepts is that of their birth, the
			// base's first (see merging.update).
			return false
		}
	}
	if len(e.base.concepts) != inBase {
		return false // one of the base's dropped
	}
	next := o
	if len(added) > 0 {
		next = o.with(added, e.base)
	}
	var again []int
	for _, id := range touched {
		if i, ok := next.at[id]; ok {
			again = append(again, i)
		}
		for _, h := range o.byHead[id] {
			again = append(again, next.at[h])
		}
	}
	for id := range changed {
		if i, ok := next.at[id]; ok {
			again = append(again, i)
		}
	}
	for _, id := range o.pairs {
		again = append(again, next.at[id])
	}
	slices.Sort(again)
	again = slices.Compact(again)
	now := make([]found, len(again))
	for k, i := range again {
		before := &next.found[i]
		f := d.find(e.get(before.c.id), before, true, changed, p)
		if _, old := o.at[before.c.id]; old && (f.head != before.head || f.pair != before.pair) || !old && f.pair {
			d.made = map[relKey]*relation{} // found again from the start
			return false
		}
		now[k] = f
	}
	for k, i := range again {
		f := now[k]
		next.found[i], next.all[i] = f, f.c
		if _, old := o.at[f.c.id]; !old && f.head != "" {
			next.byHead[f.head] = append(next.byHead[f.head], f.c.id)
		}
	}
	*o = *next
	return true
}

// with returns o with the concepts added put in their places, the
// base's among the base's, each segment in the order of birth; of what
// was found, each added has only its concept so far. It shares o's
// byHead and pairs.
func (o *foundOrder) with(added []*concept, base *extractor) *foundOrder {
	slices.SortFunc(added, func(a, b *concept) int { return cmp.Compare(a.born, b.born) })
	var toBase, toTail []found
	for _, c := range added {
		if base.get(c.id) != nil {
			toBase = append(toBase, found{c: c})
		} else {
			toTail = append(toTail, found{c: c})
		}
	}
	byBirth := func(a, b found) int { return cmp.Compare(a.c.born, b.c.born) }
	n := &foundOrder{byHead: o.byHead, pairs: o.pairs, inBase: o.inBase + len(toBase), made: o.made, at: make(map[string]int, len(o.found)+len(added))}
	n.found = mergeFunc(mergeFunc(nil, o.found[:o.inBase], toBase, byBirth), o.found[o.inBase:], toTail, byBirth)
	n.all = make([]*concept, len(n.found))
	for i, f := range n.found {
		n.all[i] = f.c
		n.at[f.c.id] = i
	}
	return n
}

// mergeFunc appends to out the merge of a and b, each in order by cmp
// (a's first among equals).
func mergeFunc[T any](out, a, b []T, cmp func(T, T) int) []T {
	for len(a) > 0 && len(b) > 0 {
		if cmp(a[0], b[0]) <= 0 {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	return append(append(out, a...), b...)
}

// compound relates c to head, the concept its name ends in, unless the
// notes already place c or relate the two, and returns the relation made
// (shared: it is copied before it is changed) or nil. The caller adds it
// to e's relations, in the order of the concepts.
func (d *deriving) compound(c *concept, head string, p *placement) *relation {
	if p.placed[c.id] > 0 || d.related(c.id, head) || p.reaches(c.id, head) {
		return nil
	}
	rel := graph.TypeOf
	if f := strings.Fields(c.name); quantified(c.name) && (len(f) == 1 || slices.Contains(quantifierPrefixes, lowerCase(f[0]))) {
		rel = graph.Uses // but "Multi-Container Pods" are pods, of many containers
	}
	ev := graph.Evidence{Text: c.name, File: c.sources[0].File, Line: c.sources[0].Line, Rule: "compound"}
	if len(ev.Text) > maxEvidence {
		ev.Text = evidenceText(ev.Text)
	}
	k := relKey{c.id, head, rel}
	r := &relation{relKey: k, conf: 0.6, ev: []graph.Evidence{ev}, seen: map[graph.Evidence]bool{ev: true}, at: d.e.at, shared: true}
	d.made[k] = r
	return r
}

// related reports whether any relation joins a and b: one of the notes,
// or one compounds made in this call of a pair that are each other's
// heads (no other made here joins two concepts compounds reads).
func (d *deriving) related(a, b string) bool {
	if d.e.related(a, b) {
		return true
	}
	for _, t := range []graph.RelationType{graph.TypeOf, graph.Uses} {
		if d.made[relKey{b, a, t}] != nil || d.made[relKey{a, b, t}] != nil {
			return true
		}
	}
	return false
}

// relate is e.relate for a relation made of names, where e.relIndex is
// only read: from and to are known, different and in order (type_of and
// uses are not symmetric), and the relation of from a concept named after
// what it is based on is its only one but for what compounds made (see
// deriving).
func (d *deriving) relate(from string, typ graph.RelationType, to string, conf float64, ev graph.Evidence, rule string) *relation {
	e := d.e
	ev.Rule = rule
	if len(ev.Text) > maxEvidence {
		ev.Text = evidenceText(ev.Text)
	}
	k := relKey{from, to, typ}
	r := d.own[k]
	if r == nil {
		if r = e.relIndex[k]; r == nil {
			if u := d.uses[from]; u != nil && u.relKey == k {
				r = u
			}
		}
		if r == nil {
			r = &relation{relKey: k, conf: conf, ev: []graph.Evidence{ev}, seen: map[graph.Evidence]bool{ev: true}, at: e.at}
			d.own[k] = r
			e.rels = append(e.rels, r)
			return r
		}
		// One the notes stated, or compounds made: it is copied before
		// it is changed.
		cp := *r
		cp.ev, cp.seen, cp.shared = slices.Clone(r.ev), maps.Clone(r.seen), false
		e.rels[slices.Index(e.rels, r)] = &cp
		r = &cp
		d.own[k] = r
	}
	r.conf = max(r.conf, conf)
	if !r.seen[ev] {
		r.seen[ev] = true
		r.ev = append(r.ev, ev)
	}
	return r
}

// A placement is what compounds reads of the relations the notes state:
// the chains of type_of and example_of between concepts (up, and down
// the other way), and the concepts the notes place as kinds, examples or
// parts of others. A merge keeps it up to date (see set), noting the
// concepts whose findings may change.
type placement struct {
	up, down map[string]map[string]int // how many relations join the two
	placed   map[string]int            // how many relations place each concept
	flags    map[relKey]uint8          // what each relation counts for (see placementOf)
	// touched are the ends of the relations set since the last call of
	// changed, and roots the concepts whose way up changed.
	touched map[string]bool
	roots   []string
}

// fill makes p the placement of rels.
func (p *placement) fill(rels []*relation) {
	p.up, p.down, p.placed, p.flags = map[string]map[string]int{}, map[string]map[string]int{}, map[string]int{}, map[relKey]uint8{}
	for _, r := range rels {
		p.set(r.relKey, r)
	}
	p.touched, p.roots = nil, nil
}

const (
	upward  uint8 = 1 << iota // an edge of up
	placing                   // places its from
)

// placementOf says what r counts for in a placement.
func placementOf(r *relation) uint8 {
	var f uint8
	if r.typ == graph.TypeOf || r.typ == graph.ExampleOf {
		f |= upward
	}
	if (r.typ == graph.ExampleOf || r.typ == graph.TypeOf || r.typ == graph.PartOf) && !onlyPlacedAs(r, "numbered-kind", "item-part", "heading-part") {
		// Already placed by what the notes say: "Windows Azure" is an
		// example of PaaS before it is a kind of Azure. (Where a list
		// puts it says less: "1. Stop and Wait ARQ" under "오류 제어" is
		// still a kind of ARQ.)
		f |= placing
	}
	return f
}

// set makes r (nil for none) the relation of k.
func (p *placement) set(k relKey, r *relation) {
	if p.up == nil {
		return // filled when first read
	}
	old, now := p.flags[k], uint8(0)
	if r != nil {
		now = placementOf(r)
	}
	if p.touched == nil {
		p.touched = map[string]bool{}
	}
	p.touched[k.from], p.touched[k.to] = true, true
	if old == now {
		return
	}
	if now == 0 {
		delete(p.flags, k)
	} else {
		p.flags[k] = now
	}
	if d := count(old&placing != 0, now&placing != 0); d != 0 {
		p.placed[k.from] += d
		if p.placed[k.from] == 0 {
			delete(p.placed, k.from)
		}
	}
	if d := count(old&upward != 0, now&upward != 0); d != 0 {
		if addEdge(p.up, k.from, k.to, d) {
			p.roots = append(p.roots, k.from)
		}
		addEdge(p.down, k.to, k.from, d)
	}
}

// count is how a count changes from had to has.
func count(had, has bool) int {
	switch {
	case has && !had:
		return 1
	case had && !has:
		return -1
	}
	return 0
}

// addEdge adds d to the count of a to b in m, and reports whether the two
// became joined or parted.
func addEdge(m map[string]map[string]int, a, b string, d int) bool {
	if m[a] == nil {
		m[a] = map[string]int{}
	}
	n := m[a][b]
	m[a][b] = n + d
	if n+d == 0 {
		delete(m[a], b)
		if len(m[a]) == 0 {
			delete(m, a)
		}
	}
	return n == 0 || n+d == 0
}

// changed returns the concepts whose findings may have changed since the
// last call: the ends of every relation set, and every concept with a way
// up to a concept whose way up changed.
func (p *placement) changed() map[string]bool {
	out := p.touched
	if out == nil {
		out = map[string]bool{}
	}
	stack := p.roots
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		out[n] = true
		for m := range p.down[n] {
			if !out[m] {
				out[m] = true
				stack = append(stack, m)
			}
		}
	}
	p.touched, p.roots = nil, nil
	return out
}

// reaches reports whether to is reachable from from over up.
func (p *placement) reaches(from, to string) bool {
	seen := map[string]bool{from: true}
	stack := []string{from}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for m := range p.up[n] {
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

// compoundHead returns the concept c is a compound of, by its names,
// or "".
func (e *extractor) compoundHead(c *concept) string {
	for _, n := range append([]string{c.name}, c.aliases...) {
		if hasHangul(n) != hasHangul(c.name) {
			continue // a translation: "빅데이터 (Big Data)" is no kind of Data
		}
		if l := lowerCase(n); strings.ContainsAny(n, "&+/") || strings.Contains(l, " and ") || strings.Contains(l, " or ") || koreanPairName(n) || e.hangulPair(n) {
			continue // "Sync & Blocking", "TCP와 UDP", "Labels And Selectors": a combination, no kind of Blocking
		}
		if ws := strings.Fields(n); strings.HasPrefix(lowerCase(ws[0]), "non-") || lowerCase(ws[0]) == "non" || command(ws) ||
			len(ws) == 2 && activityGerund(lowerCase(ws[0])) && !plural(lowerCase(ws[1])) {
			// "Non-linear data structures" are no linear ones; "create
			// deployment", "kubectl get jobs" are commands, and
			// "Debugging Terraform" something done with it, not kinds
			// (but "Testing Frameworks" are frameworks).
			continue
		}
		if strings.ContainsAny(n, "↔⇔→−=<>") || vsIndex(n) != nil || phraseOfWords(n) {
			continue // "XSS ↔ CSRF", "CISC vs RISC", "data in every node": no name of a kind
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

// basedOn relates each concept of based, named after what it is based on
// ("VIP 기반", "Hash 기반 방식", "push-based"), to that: it uses it.
func (d *deriving) basedOn(based []basing) {
	for _, b := range based {
		d.relate(b.c.id, graph.Uses, b.id, 0.6, graph.Evidence{File: b.c.sources[0].File, Line: b.c.sources[0].Line, Text: b.c.name}, "compound")
	}
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
// compounds and basedOn, kept while what they read of the index and of
// the concepts' strengths is the same (see forgetReaders); and the slug
// of its id. A concept's names do not change once merged: a change is a
// new concept.
type namedAfter struct {
	head map[*concept]string
	base map[*concept]string
	slug map[*concept]string
	// readers are the concepts whose head or basis was found reading
	// each cell: a name key, a stem or a key prefix of the index, or a
	// concept id, for its strength. They are recorded only when record
	// is set (for a merge that is updated); recorded counts them, those
	// of concepts since replaced included (see merging.update).
	readers  map[cell][]*concept
	record   bool
	recorded int
	// order is what the last call of compounds found of every concept
	// (nil before the first), and again the concepts, by id, it is to
	// look at again because what was found of them was forgotten.
	order *foundOrder
	again []string
}

func newNamedAfter(record bool) *namedAfter {
	return &namedAfter{head: map[*concept]string{}, base: map[*concept]string{}, slug: map[*concept]string{},
		readers: map[cell][]*concept{}, record: record}
}

// forgetReaders drops the heads and bases found reading any of cells,
// the cells whose value changed, and notes their concepts to be looked
// at again. A cell's readers are dropped with it: they are recorded again
// when found again.
func (n *namedAfter) forgetReaders(cells []cell) {
	for _, c := range cells {
		for _, r := range n.readers[c] {
			if _, ok := n.head[r]; ok {
				delete(n.head, r)
				delete(n.base, r)
				n.again = append(n.again, r.id)
			}
		}
		delete(n.readers, c)
	}
}

// forgetFound drops what the last call of compounds found, for
// relations that are not what it read.
func (n *namedAfter) forgetFound() { n.order = nil }

// basisOf returns e.basis(c), remembered.
func (n *namedAfter) basisOf(e *extractor, c *concept) string {
	if n == nil {
		return e.basis(c)
	}
	return n.remembered(n.base, e, c, e.basis)
}

// headOf returns e.compoundHead(c), remembered.
func (n *namedAfter) headOf(e *extractor, c *concept) string {
	if n == nil {
		return e.compoundHead(c)
	}
	return n.remembered(n.head, e, c, e.compoundHead)
}

// remembered returns find(c), from m when it is there, else put there,
// noting what it read (see readers).
func (n *namedAfter) remembered(m map[*concept]string, e *extractor, c *concept, find func(*concept) string) string {
	v, ok := m[c]
	if ok {
		return v
	}
	if !n.record {
		v = find(c)
		m[c] = v
		return v
	}
	t := &trace{cur: &opTrace{}, prefixes: true}
	was, wasIdx := e.trace, e.idx.trace
	e.trace, e.idx.trace = t, t
	v = find(c)
	e.trace, e.idx.trace = was, wasIdx
	m[c] = v
	for i, a := range t.cur.access {
		if !slices.ContainsFunc(t.cur.access[:i], func(b access) bool { return b.cell == a.cell }) {
			n.readers[a.cell] = append(n.readers[a.cell], c)
			n.recorded++
		}
	}
	return v
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

// phraseOfWords reports whether a name holds a function word inside it,
// a phrase rather than a compound: "data in every node", "딱 한 consumer".
func phraseOfWords(n string) bool {
	ws := strings.Fields(n)
	for _, w := range ws[:max(0, len(ws)-1)] {
		switch fn(lowerCase(w)) {
		case fnDet, fnAdverb, fnAux, fnPronoun:
			return true
		case fnPrep:
			if len(ws) > 2 {
				return true
			}
		}
	}
	return false
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

// command reports whether a name's words are a command, written in lower
// case: an imperative ("create deployment") or a tool and its verb
// ("kubectl get jobs"). (Capitalised, "Build Tool" is a name.)
func command(ws []string) bool {
	if imperatives[ws[0]] {
		return true
	}
	return len(ws) > 2 && ws[0] == lowerCase(ws[0]) && isLatin(ws[0]) && (imperatives[ws[1]] || baseVerb(ws[1]))
}

// activityGerund reports whether w is the -ing form of a verb of what one
// does with a tool ("debugging", "installing", "configuring"), not of a
// modifier ("covering index", "streaming replication").
func activityGerund(w string) bool {
	stem, ok := strings.CutSuffix(w, "ing")
	if !ok || len(stem) < 3 {
		return false
	}
	verbs := []string{stem, stem + "e"}
	if n := len(stem); stem[n-1] == stem[n-2] {
		verbs = append(verbs, stem[:n-1]) // "debugging"
	}
	return slices.ContainsFunc(verbs, func(v string) bool { return imperatives[v] || activityVerbs[v] })
}

// activityVerbs are verbs of what one does with a thing, beside the
// imperatives of instructions: "Storing Graphs", "Debugging Terraform".
var activityVerbs = map[string]bool{"debug": true, "troubleshoot": true, "store": true, "implement": true, "represent": true,
	"manage": true, "handle": true, "secure": true, "scale": true, "design": true}

// hangulPair reports whether a Korean name joins two Korean words with
// 와 or 과 ("가상화와 컨테이너"), as koreanPairName does a Latin one; a
// word that ends in 과 as a noun ("효과", "결과") joins nothing.
func (e *extractor) hangulPair(n string) bool {
	ws := strings.Fields(n)
	for _, w := range ws[:max(0, len(ws)-1)] {
		if r, ok := strings.CutSuffix(w, "와"); ok && hasHangul(r) {
			return true
		}
		if r, ok := strings.CutSuffix(w, "과"); ok && hasHangul(r) && !endsInNoun(w, "과") {
			return true
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
		if strings.HasSuffix(prefix, "의") || prefix == "-" && k == 1 || fn(lowerCase(prefix)) == fnPrep && !(k >= 2 && words[k-2] == "-") {
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
