package extract

import (
	"context"
	"hash/maphash"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/unicode/norm"
)

// A Cache extracts the graph of a set of notes again and again as they
// change, and reads again only what a change can affect: the notes that
// changed, and those that mention a concept whose names the change made
// different. Everything else is replayed from what was read of it last
// time (see read and replay). The graph is the one [Notes] would give.
// A Cache is safe for concurrent use; calls are serialised.
type Cache struct {
	mu    sync.Mutex
	seed  maphash.Seed // for the sums of the notes' contents
	notes map[string]*cached
	// first is what the first pass of every note names, as of the last
	// call, and order the notes it was replayed from (those read).
	first *extractor
	order []string
	// dict is a fingerprint of every concept the first pass found, by
	// id, as of the last call.
	dict map[string]string
	// read counts the notes the last call read in each pass.
	read [2]int
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
	for i, n := range notes {
		sum := maphash.Bytes(c.seed, n.Data)
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
		s.pass1 = empty.read(d, 1)
	})
	if err != nil {
		return nil, err
	}

	// The first pass of every note, replayed in order, names the
	// concepts of all; unless no note's first pass is new, when they are
	// the same as last time.
	var order []string
	same := c.first != nil
	for i, n := range notes {
		s := state[i]
		if s.problem != nil {
			continue
		}
		order = append(order, n.Name)
		if fresh[i] {
			if old := c.notes[n.Name]; old == nil || old.problem != nil || !slices.EqualFunc(old.pass1, s.pass1, sameOp) {
				same = false
			}
		}
	}
	same = same && slices.Equal(order, c.order)
	first, dict := c.first, c.dict
	if !same {
		first = newExtractor(nil)
		first.pass = 1
		for i, n := range notes {
			if state[i].problem == nil {
				first.replay(n.Name, state[i].pass1)
			}
		}
		first.indexInitials()
		dict = first.fingerprint()
	}

	// The second pass reads again the notes that changed, and those
	// that mention a concept that changed; the others' is still good.
	var changed []string
	if !same {
		changed = changedKeys(c.dict, dict)
	}
	todo = todo[:0]
	for i, n := range notes {
		s := state[i]
		if s.problem != nil {
			continue
		}
		if fresh[i] || s.pass2 == nil || c.dict == nil || len(changed) > 0 && mentionsAny(n.Data, changed) {
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
		state[i].pass2 = first.read(d, 2)
	})
	if err != nil {
		return nil, err
	}
	// Every note's second pass, replayed in order over the first, is
	// the graph. (The first is left as it is, for the next call.)
	e := newExtractor(first)
	e.logs = false
	e.pass = 2
	var skipped []string
	for i, n := range notes {
		s := state[i]
		if s.problem != nil {
			e.warnings = append(e.warnings, s.problem)
			skipped = append(skipped, n.Name)
			continue
		}
		e.warnings = append(e.warnings, s.warnings...)
		e.replay(n.Name, s.pass2)
	}
	e.compounds()
	e.basedOn()
	g, err := e.build()
	if err != nil {
		return nil, err
	}

	c.notes = make(map[string]*cached, len(notes))
	for i, n := range notes {
		c.notes[n.Name] = state[i]
	}
	c.first, c.order, c.dict = first, order, dict
	return &Result{Graph: g, Warnings: e.warnings, Skipped: skipped}, nil
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

// sameOp reports whether two first-pass log entries are the same.
func sameOp(a, b op) bool {
	return a.kind == b.kind && a.id == b.id && a.st == b.st && slices.Equal(a.kn.names, b.kn.names)
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
		var b strings.Builder
		b.WriteString(c.name)
		for _, a := range c.aliases {
			b.WriteByte(0)
			b.WriteString(a)
		}
		b.WriteByte(0)
		b.WriteString(strconv.Itoa(int(c.strength)))
		m[c.id] = b.String()
	}
	return m
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

// mentionsAny reports whether a note's text may mention any of the name
// keys: compared as nameKey compares names, without spaces or case, so a
// mention with a particle or a plural ending is found too.
func mentionsAny(data []byte, keys []string) bool {
	text := nameKey(string(norm.NFC.Bytes(unixLines(data))))
	for _, k := range keys {
		if strings.Contains(text, k) {
			return true
		}
	}
	return false
}
