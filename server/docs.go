package server

import (
	"slices"
	"strings"
	"sync"

	"conceptgraph/graph"
)

// maxDocs is how many filters of the whole graph a docCache keeps
// serialised. On a 50 MB vault one is tens of megabytes.
const maxDocs = 4

// docCache keeps the whole graph of one version serialised as JSON, for a
// few type and tag filters, so that requests in flight share one copy of
// the bytes instead of each holding its own (on 20,000 concepts one
// serialisation holds about 130 MB while it runs). Safe for concurrent use: concurrent
// requests for one filter wait for one serialisation.
type docCache struct {
	mu      sync.Mutex
	entries map[string]*docEntry
	order   []string // oldest first, for eviction
}

type docEntry struct {
	once sync.Once
	data []byte
	err  error
}

func newDocCache() *docCache { return &docCache{entries: map[string]*docEntry{}} }

// get returns the document of the relation types types and the tags tags
// (each in any order), made by build the first time it is asked for. A
// failed build is remembered as well.
func (dc *docCache) get(types []graph.RelationType, tags []string, build func() ([]byte, error)) ([]byte, error) {
	names := make([]string, len(types))
	for i, t := range types {
		names[i] = string(t)
	}
	slices.Sort(names)
	key := strings.Join(names, ",") + "|" + tagsKey(tags)
	dc.mu.Lock()
	e := dc.entries[key]
	if e == nil {
		e = &docEntry{}
		dc.entries[key] = e
		dc.order = append(dc.order, key)
		if len(dc.order) > maxDocs {
			delete(dc.entries, dc.order[0])
			dc.order = dc.order[1:]
		}
	}
	dc.mu.Unlock()
	e.once.Do(func() { e.data, e.err = build() })
	return e.data, e.err
}
