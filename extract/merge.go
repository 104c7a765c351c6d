package extract

import (
	"cmp"
	"maps"
	"slices"
)

// A merging is one pass of every note replayed, in the order of the
// notes, over a base: the first pass over nothing, which names the
// concepts; the second over the first, which is the graph before the
// relations made of names (compounds). It keeps what each op replayed
// did, so that when a few notes change (or the base does) it can replay
// again only the ops the change can affect (see update), and be what
// replaying every note again would make.
//
// Each op changes one target, a concept or a relation, and reads that
// target's state (a concept's starts as the base's); besides, it reads
// and writes cells that ops of any note may share: the concept a name
// key or a stem stands for, whether a concept id is taken, and the
// prefixes of the name keys (only written). The rest it reads is fixed.
type merging struct {
	base     *extractor // nil for the first pass
	pass     int
	e        *extractor         // what the replay made; its relations are shared
	files    []string           // the notes, in order
	logs     [][]op             // each note's log (nil for a note not read)
	ops      [][]opTrace        // what each op of each note did
	byTarget map[target][]opRef // the ops that changed each target, in order
	byCell   map[cell][]opRef   // the ops that read or wrote each cell, in order
	byWriter map[cell][]opRef   // the ops that wrote each cell, in order
	count    int                // how many ops there are
	// replayed is how many ops the last call replayed (all of them in
	// mergeAll), and touched the concepts whose state it replaced, by id.
	replayed int
	touched  []string
	// named is what the relations made of names found of each concept
	// (see compounds), while it holds.
	named *namedAfter
	// placed is what the relations say of placing concepts, for
	// compounds, once it has been asked for.
	placed *placement
	// traced is set when what each op did is recorded (see mergeAll).
	traced bool
}

// opRef is op op of note note.
type opRef struct{ note, op int32 }

func compareRefs(a, b opRef) int { return cmp.Or(cmp.Compare(a.note, b.note), cmp.Compare(a.op, b.op)) }

// stamp is where op op of note note stands among every note's ops.
func stamp(note, op int) int64 { return int64(note)<<32 | int64(op) }

// A cell is one entry of what the merge indexes, its own or its base's.
type cell struct {
	kind byte // 'k' a name key, 's' a stem, 'p' a key prefix, 'i' a concept id
	key  string
}

// access is an op's read or write of a cell, with the value read or
// written.
type access struct {
	cell
	write bool
	val   string
}

// opTrace is what one op did in the merge.
type opTrace struct {
	target target
	access []access
}

// trace collects the accesses of the op being replayed. With prefixes
// set it records the key prefixes read too (see namedAfter), which no op
// of a merge reads.
type trace struct {
	cur      *opTrace
	prefixes bool
}

func (t *trace) read(kind byte, key, val string) {
	if t.cur != nil {
		t.cur.access = append(t.cur.access, access{cell{kind, key}, false, val})
	}
}

func (t *trace) write(kind byte, key, val string) {
	if t.cur != nil {
		t.cur.access = append(t.cur.access, access{cell{kind, key}, true, val})
	}
}

// newMergeExtractor returns an extractor for a merge in pass over base,
// tracing what it does.
func newMergeExtractor(base *extractor, pass int) *extractor {
	e := newExtractor(base)
	e.logs = false
	e.pass = pass
	e.trace = &trace{}
	e.idx.trace = e.trace
	e.idx.memo = false
	return e
}

// mergeAll replays logs (by note; nil for a note not read) in pass over
// base. Unless traced, it keeps no record of what each op did: the merge
// cannot be updated, only used.
func mergeAll(base *extractor, pass int, files []string, logs [][]op, traced bool) *merging {
	m := &merging{base: base, pass: pass, files: files, logs: logs, named: newNamedAfter(traced), traced: traced}
	e := newMergeExtractor(base, pass)
	if !traced {
		e.trace, e.idx.trace = nil, nil
		for i, log := range logs {
			e.at = stamp(i, 0)
			e.replay(files[i], log)
			m.count += len(log)
		}
		m.done(e)
		m.replayed = m.count
		return m
	}
	m.ops = make([][]opTrace, len(logs))
	m.byTarget, m.byCell, m.byWriter = map[target][]opRef{}, map[cell][]opRef{}, map[cell][]opRef{}
	for i, log := range logs {
		m.ops[i] = e.replayTraced(m.files[i], i, log, nil, nil)
		for k := range m.ops[i] {
			m.index(i, k, true)
		}
		m.count += len(log)
	}
	m.done(e)
	m.replayed = m.count
	return m
}

// done makes e the merge's.
func (m *merging) done(e *extractor) {
	e.trace, e.idx.trace = nil, nil
	for _, r := range e.rels {
		r.shared = true
	}
	m.e = e
}

// replayTraced replays the ops of log, note number note, and returns what
// each did. When only is set it replays only the ops it marks, and takes
// the ids the others defined from old, what they did before.
func (e *extractor) replayTraced(file string, note int, log []op, only []bool, old []opTrace) []opTrace {
	e.file = file
	ids := map[string]string{}
	out := make([]opTrace, len(log))
	for k, o := range log {
		if only != nil && !only[k] {
			if o.kind == opDefine {
				ids[o.id] = old[k].target.concept
			}
			continue
		}
		e.at = stamp(note, k)
		e.trace.cur = &out[k]
		out[k].target = e.apply(o, ids)
	}
	e.trace.cur = nil
	return out
}

// index adds op k of note i to the index (or takes it out).
func (m *merging) index(i, k int, add bool) {
	t := m.ops[i][k]
	ref := opRef{int32(i), int32(k)}
	if t.target != (target{}) {
		m.byTarget[t.target] = editRefs(m.byTarget[t.target], ref, add)
		if len(m.byTarget[t.target]) == 0 {
			delete(m.byTarget, t.target)
		}
	}
	for _, a := range t.access {
		m.byCell[a.cell] = editRefs(m.byCell[a.cell], ref, add)
		if len(m.byCell[a.cell]) == 0 {
			delete(m.byCell, a.cell)
		}
		if a.write {
			m.byWriter[a.cell] = editRefs(m.byWriter[a.cell], ref, add)
			if len(m.byWriter[a.cell]) == 0 {
				delete(m.byWriter, a.cell)
			}
		}
	}
}

// editRefs adds ref to refs, sorted, once; or takes it out.
func editRefs(refs []opRef, ref opRef, add bool) []opRef {
	if n := len(refs); add && (n == 0 || compareRefs(refs[n-1], ref) < 0) {
		return append(refs, ref) // the usual case: ops are indexed in order
	}
	i, found := slices.BinarySearchFunc(refs, ref, compareRefs)
	switch {
	case add && !found:
		return slices.Insert(refs, i, ref)
	case !add && found:
		return slices.Delete(refs, i, i+1)
	}
	return refs
}

// The levels of a cell in an update: read by a replayed op, or written.
const (
	cellRead = iota + 1
	cellWritten
)

// queued is a cell whose ops an update is to replay: every op on it, or
// (for a cell a replayed op only reads) those that write it.
type queued struct {
	cell
	write bool
}

// A change is what an update changed in a merge: the concepts whose
// state differs, and the cells whose value does.
type change struct {
	concepts []string
	cells    []cell
}

// update makes the merge what replaying every note would make after the
// log of each changed note i has become logs[i], and the base changed as
// base says (the notes themselves being the same). It replays the changed
// notes' ops; of the other notes' ops, those that change a target one of
// the replayed ops changes (before or now) or the base changed, those
// that read or write a cell a replayed op writes (before or now) or the
// base changed, and those that write a cell a replayed op reads. An op
// replayed for a cell alone may find its target's state partial here: if
// it does anything else than before, its target is replayed in full too.
// When too much would be replayed, update gives up and reports false,
// leaving m as it was. It returns what changed.
//
// Why that is what replaying every note makes: an op not replayed
// changes a target no replayed op changes, and touches no cell a
// replayed op writes (prefixes aside, which no op reads), so everything
// it reads is as before and it does what it did; every op on a replayed
// target or on a cell a replayed op writes is replayed, in order, over
// the same base, so those end as a replay of every note would leave
// them; and a cell a replayed op only reads is written by replayed ops
// alone, so it reads there what it would read in a replay of every note.
func (m *merging) update(changed []int, logs [][]op, base change) (change, bool) {
	// from is where each changed note's log first differs: the ops
	// before do what they did, as those of a note not changed, unless
	// something else changed calls for them.
	from := make(map[int]int, len(changed))
	for _, i := range changed {
		from[i] = commonPrefix(logs[i], m.logs[i])
	}
	targets := map[target]bool{}
	// cells are the cells the replay covers: read by a replayed op
	// (whose writers are replayed), or written by one (every op on it).
	cells := map[cell]uint8{}
	only := map[int][]bool{} // the ops replayed of each note, but for the changed ones
	selected := 0
	var queueT []target
	var queueC []queued
	addTarget := func(t target) {
		if t != (target{}) && !targets[t] {
			targets[t] = true
			queueT = append(queueT, t)
		}
	}
	addCell := func(c cell, write bool) {
		level := uint8(cellRead)
		if write {
			level = cellWritten
		}
		// Prefixes are only written: they do not tie ops together.
		if c.kind != 'p' && cells[c] < level {
			cells[c] = level
			queueC = append(queueC, queued{c, write})
		}
	}
	addCells := func(t opTrace) {
		for _, a := range t.access {
			addCell(a.cell, a.write)
		}
	}
	sel := func(ref opRef) {
		i := int(ref.note)
		if p, ok := from[i]; ok && int(ref.op) >= p {
			return
		}
		if only[i] == nil {
			only[i] = make([]bool, len(logs[i])) // the same ops, or the same before from
		}
		if !only[i][ref.op] {
			only[i][ref.op] = true
			selected++
			addCells(m.ops[i][ref.op])
		}
	}
	for _, i := range changed {
		for _, t := range m.ops[i][from[i]:] {
			addTarget(t.target)
			addCells(t)
		}
	}
	for _, id := range base.concepts {
		addTarget(target{concept: id})
	}
	for _, c := range base.cells {
		addCell(c, true)
	}
	limit := m.count / 8
	var s *extractor
	var now map[int][]opTrace
	for round := 0; ; round++ {
		for len(queueT)+len(queueC) > 0 {
			for len(queueT) > 0 {
				t := queueT[len(queueT)-1]
				queueT = queueT[:len(queueT)-1]
				for _, ref := range m.byTarget[t] {
					sel(ref)
				}
			}
			for len(queueC) > 0 {
				q := queueC[len(queueC)-1]
				queueC = queueC[:len(queueC)-1]
				refs := m.byWriter[q.cell]
				if q.write {
					refs = m.byCell[q.cell]
				}
				for _, ref := range refs {
					sel(ref)
				}
			}
		}
		if selected > limit || round == 8 {
			return change{}, false
		}
		// Replay, in the order of the notes, what was chosen.
		s = newMergeExtractor(m.base, m.pass)
		now = map[int][]opTrace{}
		for _, i := range notesOf(only, from) {
			mask := only[i]
			if p, ok := from[i]; ok {
				mask = make([]bool, len(logs[i]))
				copy(mask, only[i])
				for k := p; k < len(mask); k++ {
					mask[k] = true
				}
			}
			now[i] = s.replayTraced(m.files[i], i, logs[i], mask, m.ops[i])
		}
		// What the changed ops do now, and what the others do if it is
		// not what they did, may call for more.
		for i, ts := range now {
			p, isChanged := from[i]
			for k, t := range ts {
				switch {
				case isChanged && k >= p:
					addTarget(t.target)
					addCells(t)
				case only[i] != nil && only[i][k] && !sameTrace(t, m.ops[i][k]):
					addTarget(m.ops[i][k].target)
					addTarget(t.target)
					addCells(t)
				}
			}
		}
		if len(queueT)+len(queueC) == 0 {
			break
		}
	}

	// Take the targets and cells the replay covered from it, noting
	// what differs.
	var diff change
	e := m.e
	concepts := map[string]bool{}
	var rels []*relation
	// The states replaced, to take out of e's lists: by pointer, which
	// is quicker to hash than an id or a relation's key.
	var oldConcepts []*concept
	var oldRels []*relation
	reorder := false // whether a concept the base does not know changes
	var stale []cell // what compounds read that changed (see namedAfter.forgetReaders)
	for t := range targets {
		if t.concept == "" {
			if old := e.relIndex[t.rel]; old != nil {
				oldRels = append(oldRels, old)
			}
			if r := s.relIndex[t.rel]; r != nil {
				r.shared = true
				e.relIndex[t.rel] = r
				rels = append(rels, r)
			} else {
				delete(e.relIndex, t.rel)
			}
			if m.placed != nil {
				m.placed.set(t.rel, s.relIndex[t.rel])
			}
			continue
		}
		concepts[t.concept] = true
		m.touched = append(m.touched, t.concept)
		if m.base == nil || m.base.get(t.concept) == nil {
			reorder = true
		}
		c := s.byID[t.concept]
		if !sameConcept(e.byID[t.concept], c) {
			diff.concepts = append(diff.concepts, t.concept)
		}
		if before, now := m.e.get(t.concept), s.get(t.concept); before == nil || now == nil || before.strength != now.strength {
			stale = append(stale, cell{'i', t.concept}) // compounds reads the strength of a head
		}
		m.named.forget(e.byID[t.concept])
		if old := e.byID[t.concept]; old != nil {
			oldConcepts = append(oldConcepts, old)
		}
		if c != nil {
			e.byID[t.concept] = c
		} else {
			delete(e.byID, t.concept)
		}
	}
	e.concepts = without(e.concepts, oldConcepts)
	for id := range concepts {
		if c := s.byID[id]; c != nil {
			e.concepts = append(e.concepts, c)
		}
	}
	if reorder {
		slices.SortStableFunc(e.concepts, func(a, b *concept) int { return cmp.Compare(a.born, b.born) })
	}
	kept := without(e.rels, oldRels)
	slices.SortFunc(rels, func(a, b *relation) int { return cmp.Compare(a.at, b.at) })
	e.rels = mergeRelations(kept, rels)

	// The ops replayed are indexed as they are now.
	m.replayed = selected
	prefixes := map[string]bool{}
	for i, ts := range now {
		if p, ok := from[i]; ok {
			for k := p; k < len(m.ops[i]); k++ {
				notePrefixes(prefixes, m.ops[i][k])
				m.index(i, k, false)
			}
			m.count += len(logs[i]) - len(m.logs[i])
			ops := make([]opTrace, len(ts))
			copy(ops, m.ops[i][:p])
			m.logs[i], m.ops[i] = logs[i], ops
			for k := p; k < len(ts); k++ {
				ops[k] = ts[k]
				m.index(i, k, true)
				notePrefixes(prefixes, ts[k])
			}
			m.replayed += len(ts) - p
			ts = ts[:p]
		}
		for k, t := range ts {
			if only[i] != nil && only[i][k] && !sameTrace(t, m.ops[i][k]) {
				notePrefixes(prefixes, m.ops[i][k])
				m.index(i, k, false)
				m.ops[i][k] = t
				m.index(i, k, true)
				notePrefixes(prefixes, t)
			}
		}
	}
	for c := range cells {
		switch c.kind {
		case 'k':
			if setOrDelete(e.idx.byKey, s.idx.byKey, c.key) {
				diff.cells = append(diff.cells, c)
			}
		case 's':
			if setOrDelete(e.idx.byStem, s.idx.byStem, c.key) {
				diff.cells = append(diff.cells, c)
			}
		}
	}
	for _, id := range diff.concepts {
		if (e.byID[id] == nil) != (s.byID[id] == nil) {
			diff.cells = append(diff.cells, cell{'i', id})
		}
	}
	if n := len(e.concepts); m.base != nil {
		// What was found of the concepts of a base that changed, and
		// what concepts replaced were found reading, are not forgotten
		// one by one: all is, once it outgrows what the concepts need
		// (a few cells each).
		n += len(m.base.concepts)
		if len(m.named.slug) > 2*n {
			m.named.slug = map[*concept]string{}
		}
		if len(m.named.head) > 2*n || m.named.recorded > 16*n {
			m.named = newNamedAfter(m.traced)
		}
	}
	// A prefix is there while some op writes it; one the base has is
	// found there all the same (see index.hasPrefix).
	for p := range prefixes {
		_, had := e.idx.prefix[p]
		has := len(m.byCell[cell{'p', p}]) > 0
		if has {
			e.idx.prefix[p] = true
		} else {
			delete(e.idx.prefix, p)
		}
		if had != has && (m.base == nil || !m.base.idx.hasPrefix(p)) {
			diff.cells = append(diff.cells, cell{'p', p})
		}
	}
	// What compounds found reading what changed, here or in the base, is
	// found again.
	stale = append(append(stale, diff.cells...), base.cells...)
	for _, id := range base.concepts {
		stale = append(stale, cell{'i', id})
	}
	m.named.forgetReaders(stale)
	return diff, true
}

// replay makes the merge what replaying logs, every note's, would make,
// the base having changed as base says; see update.
func (m *merging) replay(logs [][]op, base change) (change, bool) {
	m.touched = nil
	if !m.traced {
		return change{}, false
	}
	var changed []int
	for i := range logs {
		if !sameLog(logs[i], m.logs[i]) {
			changed = append(changed, i)
		}
	}
	if len(changed)+len(base.concepts)+len(base.cells) == 0 {
		m.replayed = 0
		return change{}, true
	}
	return m.update(changed, logs, base)
}

// commonPrefix returns how many ops two logs open with alike.
func commonPrefix(a, b []op) int {
	n := 0
	for n < len(a) && n < len(b) && sameLogged(a[n], b[n]) {
		n++
	}
	return n
}

// notesOf returns the notes with ops to replay, in order: those of only
// and of from.
func notesOf(only map[int][]bool, from map[int]int) []int {
	out := make([]int, 0, len(only)+len(from))
	for i := range only {
		out = append(out, i)
	}
	for i := range from {
		if only[i] == nil {
			out = append(out, i)
		}
	}
	slices.Sort(out)
	return out
}

// sameLog reports whether two logs are the same: the same slice, as the
// log of a note not read again is, or equal op by op.
func sameLog(a, b []op) bool {
	if len(a) != len(b) {
		return false
	}
	if len(a) == 0 || &a[0] == &b[0] {
		return true
	}
	return slices.EqualFunc(a, b, sameLogged)
}

// notePrefixes adds the prefixes t writes to set.
func notePrefixes(set map[string]bool, t opTrace) {
	for _, a := range t.access {
		if a.kind == 'p' {
			set[a.key] = true
		}
	}
}

// sameTrace reports whether two ops did the same.
func sameTrace(a, b opTrace) bool {
	return a.target == b.target && slices.Equal(a.access, b.access)
}

// sameConcept reports whether two states of a concept (nil for none) are
// the same to what is read of it.
func sameConcept(a, b *concept) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.name == b.name && a.key == b.key && a.strength == b.strength && a.summary == b.summary &&
		slices.Equal(a.aliases, b.aliases) && slices.Equal(a.pros, b.pros) && slices.Equal(a.cons, b.cons) &&
		slices.Equal(a.tags, b.tags) && slices.Equal(a.sources, b.sources) && maps.Equal(a.keys, b.keys)
}

// setOrDelete sets dst[k] to src[k], or deletes it when src has none; it
// reports whether that changed dst.
func setOrDelete(dst, src map[string]string, k string) bool {
	old, had := dst[k]
	v, ok := src[k]
	if ok {
		dst[k] = v
	} else {
		delete(dst, k)
	}
	return had != ok || old != v
}

// without returns s without the elements of drop, in order; s's array
// is changed.
func without[T any](s []*T, drop []*T) []*T {
	if len(drop) == 0 {
		return s
	}
	set := make(map[*T]bool, len(drop))
	for _, p := range drop {
		set[p] = true
	}
	return slices.DeleteFunc(s, func(p *T) bool { return set[p] })
}

// mergeRelations merges two lists of relations each in the order first
// stated.
func mergeRelations(a, b []*relation) []*relation {
	out := make([]*relation, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if a[0].at <= b[0].at {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	return append(append(out, a...), b...)
}

// fork returns an extractor that reads the merge's state and changes only
// its own copy of the list of relations: for the relations made of names,
// which follow every note's (see derive, which only reads the index of
// relations the two share).
func (m *merging) fork() *extractor {
	e := m.e
	extra := 16
	if o := m.named.order; o != nil {
		extra += o.made
	}
	rels := make([]*relation, len(e.rels), len(e.rels)+extra)
	copy(rels, e.rels)
	return &extractor{base: e.base, pass: e.pass, byID: e.byID, concepts: e.concepts, idx: e.idx,
		rels: rels, relIndex: e.relIndex, at: stamp(len(m.logs), 0), named: m.named}
}
