package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// Reader extracts the graph of the notes under some paths again and again,
// as they change, and keeps the last good version of each note: a note
// that cannot be read this time (saved half-way, no longer UTF-8, its
// front matter broken) is read as it last was and reported, so one bad
// save never loses its concepts. A note that was deleted is gone, and so
// is one emptied on purpose (blank). A Reader is safe for concurrent use.
type Reader struct {
	paths []string
	mu    sync.Mutex
	last  map[string][]byte // note name -> last good contents
	// cache keeps what was read of each note, so a reload reads again
	// only what changed (see Cache).
	cache *Cache
}

// NewReader returns a Reader of every *.md under paths.
func NewReader(paths []string) *Reader {
	return &Reader{paths: paths, last: map[string][]byte{}, cache: NewCache()}
}

// lastGood marks a problem with a note that is shown as it last was.
func lastGood(err error) error { return fmt.Errorf("%w (showing its last good version)", err) }

// Read reads the notes as they are now and extracts their graph, then
// applies the curation files beside them (see [ApplyCuration]). The
// result's warnings name the notes read from their last good version, one
// warning each, and any skipped. It fails when a path is missing, nothing
// is readable, or a curation file cannot be parsed.
func (r *Reader) Read(ctx context.Context) (*Result, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	notes, warnings, err := ReadNotes(r.paths)
	if err != nil {
		return nil, err
	}
	var kept []error
	for _, w := range warnings {
		var ne *Error
		if errors.As(w, &ne) {
			if data, ok := r.last[ne.File]; ok {
				notes = append(notes, Note{Name: ne.File, Data: data})
				kept = append(kept, lastGood(w))
				continue
			}
		}
		kept = append(kept, w)
	}
	if len(notes) == 0 {
		return nil, fmt.Errorf("%w under %s", ErrNoNotes, strings.Join(r.paths, ", "))
	}
	res, err := r.cache.Notes(ctx, notes)
	if err != nil {
		return nil, err
	}
	// Notes that were read but not understood (broken front matter) are
	// extracted again from their last good version, once.
	again := map[string]bool{}
	for i, n := range notes {
		data, ok := r.last[n.Name]
		if ok && slices.Contains(res.Skipped, n.Name) && len(bytes.TrimSpace(n.Data)) > 0 {
			notes[i].Data = data
			again[n.Name] = true
		}
	}
	if len(again) > 0 {
		var first []error // what was wrong with those notes as they are now
		for _, w := range res.Warnings {
			var ne *Error
			if errors.As(w, &ne) && again[ne.File] {
				first = append(first, lastGood(w))
			}
		}
		if res, err = r.cache.Notes(ctx, notes); err != nil {
			return nil, err
		}
		// What the second run says about the last good versions was
		// said when they were read.
		for _, w := range res.Warnings {
			var ne *Error
			if !errors.As(w, &ne) || !again[ne.File] {
				first = append(first, w)
			}
		}
		res.Warnings = first
	}
	skipped := map[string]bool{}
	for _, name := range res.Skipped {
		skipped[name] = true
	}
	r.last = map[string][]byte{}
	for _, n := range notes {
		if !skipped[n.Name] {
			r.last[n.Name] = n.Data
		}
	}
	res.Warnings = append(kept, res.Warnings...)
	if err := curate(res, r.paths); err != nil {
		return nil, err
	}
	return res, nil
}
