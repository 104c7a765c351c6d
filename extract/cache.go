package extract

import (
	"context"
	"hash/maphash"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"conceptgraph/graph"
)

// A Cache extracts the graph of a set of notes again and again as they
// change, and reads again only what a change can affect: the notes that
// changed, and those that mention a concept whose names the change made
// different. Of what was read, it replays again only the ops the change
// can affect (see merging), and it revises the last graph rather than
// build it again where it can (see [graph.Graph.Revise]): the graph it
// returned last is kept for that, so change a graph it returns only with
// [graph.Graph.Curate], which leaves what it held as it was. The graph is
// the one [Notes] would give. A Cache is safe for concurrent use; calls
// are serialised.
type Cache struct {
	mu    sync.Mutex
	seed  maphash.Seed // for the sums of the notes' contents
	notes map[string]*cached
	// pass1 is the first pass of every note replayed, which names the
	// concepts, and pass2 the second replayed over it, as of the last
	// call (see merging).
	pass1, pass2 *merging
	// dict is a fingerprint of every concept the first pass found, by
	// id, as of the last call.
	dict map[string]string
	// built is what the last call built its graph of, and that graph (see
	// extractor.build).
	built *built
	// once is set for a Cache that is called once (see Notes): it
	// records nothing for another call to reuse.
	once bool
	// read counts the notes the last call read in each pass, and
	// revised tells whether it revised the last graph rather than build
	// one anew.
	read    [2]int
	revised bool
}

// cached is what was read of one note.
type cached struct {
	// sum and size tell the contents read: two notes with the same
	// size and sum are taken to be the same (a seeded 64-bit hash, which
	// no note can be written to collide with).
	sum      uint64
	size     int
	problem  error   // the note could not be read
	warnings []error // limits reached while parsing it
	pass1    []op    // what it names, read alone
	pass2    []op    // what it says, read over every note's concepts
	// text is what the note's second pass reads, as name keys are (see
	// textKey), to tell whether it mentions a concept that changed.
	text string
}

// NewCache returns an empty Cache.
func NewCache() *Cache { return &Cache{seed: maphash.MakeSeed(), notes: map[string]*cached{}} }

// Notes extracts one graph from notes, as [Notes] does, reusing what it
// read of the notes that are the same as at the last call.
func (c *Cache) Notes(ctx context.Context, notes []Note) (*Result, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	// Notes are read in the order of their names, each name once; the
	// caller's slice is left as it is (and not copied when it is in that
	// order already, as ReadNotes gives it).
	byName := func(a, b Note) int { return strings.Compare(a.Name, b.Name) }
	sameName := func(a, b Note) bool { return a.Name == b.Name }
	if !slices.IsSortedFunc(notes, byName) || hasAdjacent(notes, sameName) {
		notes = slices.Clone(notes)
		slices.SortFunc(notes, byName)
		notes = slices.CompactFunc(notes, sameName)
	}

	// What is new or changed is parsed and read alone, on every core.
	state := make([]*cached, len(notes))
	fresh := make([]bool, len(notes))
	docs := make([]*doc, len(notes))
	var todo []int
	sums := c.sums(notes)
	for i, n := range notes {
		sum := sums[i]
		if old := c.notes[n.Name]; old != nil && old.sum == sum && old.size == len(n.Data) {
			state[i] = old
			continue
		}
		state[i] = &cached{sum: sum, size: len(n.Data)}
		fresh[i] = true
		todo = append(todo, i)
	}
	c.read[0] = len(todo)
	empty := newExtractor(nil)
	err := each(ctx, todo, func(i int) {
		d, err := parseNote(notes[i])
		s := state[i]
		if err != nil {
			s.problem = err
			return
		}
		s.warnings = d.warnings
		docs[i] = d
		if s.pass1, err = empty.read(d, 1); err != nil {
			s.problem = err
			return
		}
		if !c.once {
			s.text = textKey(d)
		}
	})
	if err != nil {
		return nil, err
	}

	// The first pass of every note, replayed in order, names the
	// concepts of all. Only what the notes whose first pass changed can
	// affect is replayed again (see merging); every note's, when notes
	// were added or deleted.
	names := make([]string, len(notes))
	logs := make([][]op, len(notes))
	for i, n := range notes {
		names[i] = n.Name
		if state[i].problem == nil {
			logs[i] = state[i].pass1
		}
	}
	m1, m2, dict, built := c.pass1, c.pass2, c.dict, c.built
	// The notes of the last call, which c.notes holds then, by name.
	sameNotes := m1 != nil && slices.Equal(m1.files, names)
	// The cache is changed from here on: a call that fails leaves only
	// what was read of each note alone, and the next replays every note
	// and reads every note's second pass again.
	c.pass1, c.pass2, c.dict, c.built = nil, nil, nil, nil
	var base change // what changed in the first pass
	whole := !sameNotes
	if !whole {
		var ok bool
		if base, ok = m1.replay(logs, change{}); !ok {
			whole = true
		}
	}
	var keys []string // the name keys of the concepts that changed
	if whole {
		m1 = mergeAll(nil, 1, names, logs, !c.once)
		m1.e.indexInitials()
		before := dict
		dict = m1.e.fingerprint()
		keys = changedKeys(before, dict)
	} else if len(base.concepts) > 0 {
		m1.e.reindexInitials(base.concepts, dict)
		keys = refingerprint(dict, m1.e, base.concepts)
	}
	first := m1.e

	// The second pass reads again the notes that changed, and those
	// that mention a concept that changed; the others' is still good.
	todo = todo[:0]
	for i := range notes {
		s := state[i]
		if s.problem != nil {
			continue
		}
		if fresh[i] || s.pass2 == nil || dict == nil || len(keys) > 0 && s.mentionsAny(keys) {
			todo = append(todo, i)
		}
	}
	c.read[1] = len(todo)
	err = each(ctx, todo, func(i int) {
		d := docs[i]
		if d == nil {
			var err error
			if d, err = parseNote(notes[i]); err != nil {
				return // read before; it cannot fail now
			}
		}
		// A note whose second pass fails is skipped from here on; its
		// first pass named concepts already, which stay (they are only
		// names, with no relation).
		s := state[i]
		var err error
		if s.pass2, err = first.read(d, 2); err != nil {
			s.problem = err
		}
	})
	if err != nil {
		return nil, err
	}
	// Every note's second pass, replayed in order over the first, is
	// the graph; replayed again, too, only where it can change.
	var warnings []error
	var skipped []string
	logs = make([][]op, len(notes))
	for i, n := range notes {
		s := state[i]
		if s.problem != nil {
			warnings = append(warnings, s.problem)
			skipped = append(skipped, n.Name)
			continue
		}
		warnings = append(warnings, s.warnings...)
		logs[i] = s.pass2
	}
	if whole || m2 == nil || !slices.Equal(m2.files, names) {
		m2 = mergeAll(first, 2, names, logs, !c.once)
	} else if _, ok := m2.replay(logs, base); !ok {
		m2 = mergeAll(first, 2, names, logs, !c.once)
	}
	m := m2
	e := m.fork()
	if m.placed == nil && m.traced {
		m.placed = &placement{}
	}
	all := e.derive(m.placed, append(slices.Clip(m1.touched), m2.touched...))
	g, next, ok := e.revise(built, all)
	c.revised = ok
	if !ok {
		if g, next, err = e.build(built); err != nil {
			return nil, err
		}
	}
	next.relFrom = e.rels

	if !sameNotes {
		c.notes = make(map[string]*cached, len(notes))
	}
	for i, n := range notes {
		if fresh[i] || !sameNotes {
			c.notes[n.Name] = state[i]
		}
	}
	c.pass1, c.pass2, c.dict, c.built = m1, m2, dict, next
	return &Result{Graph: g, Warnings: warnings, Skipped: skipped}, nil
}

// sums returns the sums of the notes' contents, made on every core.
func (c *Cache) sums(notes []Note) []uint64 {
	sums := make([]uint64, len(notes))
	parts := min(runtime.GOMAXPROCS(0), 1+len(notes)/64)
	var wg sync.WaitGroup
	for p := range parts {
		wg.Go(func() {
			for i := p * len(notes) / parts; i < (p+1)*len(notes)/parts; i++ {
				sums[i] = maphash.Bytes(c.seed, notes[i].Data)
			}
		})
	}
	wg.Wait()
	return sums
}

// sameLogged reports whether two log entries are the same.
func sameLogged(a, b op) bool {
	return a.kind == b.kind && a.id == b.id && a.line == b.line && a.st == b.st && a.text == b.text &&
		a.mode == b.mode && a.to == b.to && a.typ == b.typ && a.conf == b.conf && a.ev == b.ev && a.rule == b.rule &&
		slices.Equal(a.kn.names, b.kn.names) && slices.Equal(a.kn.keys, b.kn.keys)
}

// hasAdjacent reports whether two neighbours of s are the same by eq.
func hasAdjacent(s []Note, eq func(a, b Note) bool) bool {
	for i := 1; i < len(s); i++ {
		if eq(s[i-1], s[i]) {
			return true
		}
	}
	return false
}

// each runs f for every index in todo, on every core. It returns
// ctx.Err() if ctx is cancelled.
func each(ctx context.Context, todo []int, f func(int)) error {
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), len(todo)) {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for _, i := range todo {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	return ctx.Err()
}

// fingerprint describes every concept by what the second pass reads of
// it: its id, names and strength.
func (e *extractor) fingerprint() map[string]string {
	m := make(map[string]string, len(e.concepts))
	for _, c := range e.concepts {
		m[c.id] = fingerprintOf(c)
	}
	return m
}

func fingerprintOf(c *concept) string {
	var b strings.Builder
	b.WriteString(c.name)
	for _, a := range c.aliases {
		b.WriteByte(0)
		b.WriteString(a)
	}
	b.WriteByte(0)
	b.WriteString(strconv.Itoa(int(c.strength)))
	return b.String()
}

// refingerprint brings dict, the fingerprints of e's concepts, up to date
// for the concepts ids, and returns the name keys that changed (see
// changedKeys).
func refingerprint(dict map[string]string, e *extractor, ids []string) []string {
	before, now := map[string]string{}, map[string]string{}
	for _, id := range ids {
		if fp, ok := dict[id]; ok {
			before[id] = fp
		}
		if c := e.get(id); c != nil {
			now[id] = fingerprintOf(c)
			dict[id] = now[id]
		} else {
			delete(dict, id)
		}
	}
	return changedKeys(before, now)
}

// changedKeys returns the name keys (see nameKey) of every concept that
// is new, gone or different from before to now, and the initials of its
// names (an acronym may stand for it).
func changedKeys(before, now map[string]string) []string {
	if before == nil {
		return nil
	}
	seen := map[string]bool{}
	var keys []string
	add := func(fp string) {
		for i, n := range strings.Split(fp, "\x00") {
			if i == strings.Count(fp, "\x00") {
				break // the strength
			}
			for _, k := range []string{nameKey(n), stemKey(n), strings.ToLower(initialsOf(n))} {
				if k != "" && !seen[k] {
					seen[k] = true
					keys = append(keys, k)
				}
			}
		}
	}
	for id, fp := range now {
		if before[id] != fp {
			add(fp)
			if old, ok := before[id]; ok {
				add(old)
			}
		}
	}
	for id, fp := range before {
		if _, ok := now[id]; !ok {
			add(fp)
		}
	}
	return keys
}

// textKey is every text of a parsed note, as name keys are made (see
// nameKey): its name, front matter, headings, paragraphs, list items and
// table cells. It is the text the reading sees, not the Markdown, whose
// markup can split a name ("S<sub>3</sub>X" names S3X). The texts are
// joined by line breaks, which keys leave out: a name read across two of
// them is found too.
func textKey(d *doc) string {
	var b strings.Builder
	add := func(ss ...string) {
		for _, s := range ss {
			b.WriteString(s)
			b.WriteByte('\n')
		}
	}
	var addBlocks func([]*block)
	var addItems func([]*item)
	addItems = func(items []*item) {
		for _, it := range items {
			add(it.text.s)
			addItems(it.children)
			addBlocks(it.blocks)
		}
	}
	addBlocks = func(blocks []*block) {
		for _, bl := range blocks {
			add(bl.text.s)
			addItems(bl.items)
			for _, row := range bl.rows {
				for _, t := range row {
					add(t.s)
				}
			}
		}
	}
	var addSection func(*section)
	addSection = func(s *section) {
		add(s.title.s, s.meta)
		add(s.aliases...)
		add(s.tags...)
		addBlocks(s.blocks)
		for _, c := range s.children {
			addSection(c)
		}
	}
	add(d.file, d.title, d.h1)
	add(d.aliases...)
	add(d.tags...)
	addSection(d.root)
	return nameKey(b.String())
}

// mentionsAny reports whether the note may mention any of the name keys:
// its text is compared as nameKey compares names, without spaces or case,
// so a mention with a particle or a plural ending is found too.
func (s *cached) mentionsAny(keys []string) bool {
	for _, k := range keys {
		if strings.Contains(s.text, k) {
			return true
		}
	}
	return false
}

// revise is build's quick way for what a few notes' change makes most
// often: all, every concept known in order (see derive), are the
// concepts prev was built of, in the same order, each under the same id
// and names, with perhaps a few more among them; and e's relations are
// those prev was built of, in the same order, with perhaps a few more
// and a few fewer. It compares with prev's only the concepts and
// relations that are not the very ones prev's were (a concept or
// relation that changes is a new one), revises prev's graph with those
// that differ (see graph.Graph.Revise), removes the relations gone that
// were alone between their ends and adds those that are new where adding
// them last gives the graph building it anew would (see addable and
// lastAtEnds), and makes prev what it built, or returns a new built when
// some were added or removed (the caller sets its relFrom). When e is
// not so, it reports false and leaves prev as it was.
func (e *extractor) revise(prev *built, all []*concept) (*graph.Graph, *built, bool) {
	if prev == nil || len(all) < len(prev.from) {
		return nil, nil, false
	}
	// Where each concept and relation was in prev (-1 for one that is
	// new), and which of prev's relations are gone.
	conceptAt, ok := alignConcepts(all, prev.from)
	if !ok {
		return nil, nil, false
	}
	relAt, gone, ok := alignRelations(e.rels, prev.relFrom)
	if !ok {
		return nil, nil, false
	}
	for _, j := range gone {
		// Removed from the graph, an edge that carries another
		// relation might stand elsewhere than in a graph built anew.
		if k := prev.relFrom[j].relKey; !alone(prev.relFrom, k) || !alone(e.rels, k) {
			return nil, nil, false
		}
	}
	added := len(all) > len(prev.from) || len(e.rels) != len(prev.relFrom) || len(gone) > 0
	next := prev
	if added {
		next = &built{from: slices.Clone(all), concepts: make([]graph.Concept, len(all)), rels: make([]graph.Relation, len(e.rels))}
	}
	var cs, newCs []graph.Concept
	taken := map[string]bool{} // the ids of the concepts added
	for i, c := range all {
		j := conceptAt[i]
		if j < 0 {
			gc := c.graphConcept(e.named.slugOf(c))
			if !addable(prev.g, gc, taken) {
				return nil, nil, false
			}
			taken[gc.ID] = true
			newCs = append(newCs, gc)
			next.concepts[i] = gc
			continue
		}
		old := prev.concepts[j]
		if c == prev.from[j] {
			if added {
				next.concepts[i] = old
			}
			continue
		}
		gc := c.graphConcept(old.ID)
		if gc.Summary != old.Summary || !slices.Equal(gc.Pros, old.Pros) || !slices.Equal(gc.Cons, old.Cons) ||
			!slices.Equal(gc.Sources, old.Sources) || !slices.Equal(gc.Tags, old.Tags) {
			cs = append(cs, gc)
		}
		next.concepts[i] = gc
	}
	var ids map[string]string // the graph ids of the ends of the relations added
	if len(e.rels)+len(gone) > len(prev.relFrom) {
		ids = map[string]string{}
		for i, r := range e.rels {
			if relAt[i] < 0 {
				ids[r.from], ids[r.to] = "", ""
			}
		}
		for i, c := range all {
			if _, ok := ids[c.id]; ok {
				ids[c.id] = next.concepts[i].ID
			}
		}
	}
	var rs, newRs []graph.Relation
	for i, r := range e.rels {
		j := relAt[i]
		if j < 0 {
			if !lastAtEnds(e.rels, relAt, i) {
				return nil, nil, false
			}
			gr := graph.Relation{From: ids[r.from], To: ids[r.to], Type: r.typ, Confidence: r.conf, Evidence: r.ev}
			newRs = append(newRs, gr)
			next.rels[i] = gr
			continue
		}
		old := prev.rels[j]
		if r == prev.relFrom[j] {
			if added {
				next.rels[i] = old
			}
			continue
		}
		gr := old // the same ends and type
		gr.Confidence, gr.Evidence = r.conf, r.ev
		if gr.Confidence != old.Confidence || !slices.Equal(gr.Evidence, old.Evidence) {
			rs = append(rs, gr)
		}
		next.rels[i] = gr
	}
	g := prev.g.Revise(cs, rs)
	for _, j := range gone {
		if !g.Unrelate(prev.rels[j]) {
			return nil, nil, false
		}
	}
	for _, c := range newCs {
		if _, err := g.AddConcept(c); err != nil {
			return nil, nil, false
		}
	}
	for _, r := range newRs {
		if err := g.AddRelation(r); err != nil {
			return nil, nil, false
		}
	}
	if !added {
		copy(next.from, all)
	}
	// A copy of the Graph value, as build keeps.
	gv := *g
	next.g = &gv
	return g, next, true
}

// alignConcepts returns where each of all was in before (-1 for a
// concept added): all must be before's concepts, by id and names, in
// the same order, with others among them.
func alignConcepts(all, before []*concept) ([]int, bool) {
	at := make([]int, len(all))
	j := 0
	for i, c := range all {
		if j < len(before) && (c == before[j] || c.id == before[j].id) {
			// The same id and names make the same graph id (see build).
			if old := before[j]; c != old && (c.name != old.name || !slices.Equal(c.aliases, old.aliases)) {
				return nil, false
			}
			at[i] = j
			j++
			continue
		}
		// Not the next of before: one added, since ids are not repeated
		// and before's are all found below in order.
		at[i] = -1
	}
	return at, j == len(before)
}

// alignRelations returns where each of rels was in before (-1 for a
// relation added), and where those of before are that are gone: rels must
// be before's that are left, by ends and type, in the same order, with
// others among them.
func alignRelations(rels, before []*relation) (at, gone []int, ok bool) {
	at = make([]int, len(rels))
	var now, was map[relKey]bool // the keys of what is left of each, from the first difference
	j := 0
	for i, r := range rels {
		for {
			if j < len(before) && (r == before[j] || r.relKey == before[j].relKey) {
				at[i] = j
				j++
				break
			}
			if now == nil {
				now, was = map[relKey]bool{}, map[relKey]bool{}
				for _, r := range rels[i:] {
					now[r.relKey] = true
				}
				for _, r := range before[j:] {
					was[r.relKey] = true
				}
			}
			if j < len(before) && !now[before[j].relKey] {
				gone = append(gone, j)
				j++
				continue
			}
			if was[r.relKey] {
				return nil, nil, false // moved
			}
			at[i] = -1
			break
		}
	}
	for ; j < len(before); j++ {
		gone = append(gone, j)
	}
	return at, gone, true
}

// alone reports whether rels holds no relation between k's ends but k's.
func alone(rels []*relation, k relKey) bool {
	for _, r := range rels {
		if r.relKey != k && (r.from == k.from && r.to == k.to || r.from == k.to && r.to == k.from) {
			return false
		}
	}
	return true
}

// addable reports whether c, a concept g does not have, added to g after
// its concepts gives what building g with c among them would: no name of
// c is a name of g's, which c would claim before a concept after it (see
// graph.Graph.AddConcept), and c's slug is no id of g's nor of another
// added, so it is c's id and the others keep theirs (see uniqueID).
func addable(g *graph.Graph, c graph.Concept, taken map[string]bool) bool {
	if g.Concept(c.ID) != nil || taken[c.ID] {
		return false
	}
	for _, n := range c.Names() {
		if g.Lookup(n) != nil {
			return false
		}
	}
	return true
}

// lastAtEnds reports whether rels[i], a relation added, comes after every
// relation at either of its ends that was there before (relAt is where
// each was): the graph lists each concept's relations in the order added,
// so adding it last puts it where building anew would.
func lastAtEnds(rels []*relation, relAt []int, i int) bool {
	r := rels[i]
	for k := i + 1; k < len(rels); k++ {
		if o := rels[k]; relAt[k] >= 0 && (o.from == r.from || o.to == r.from || o.from == r.to || o.to == r.to) {
			return false
		}
	}
	return true
}
