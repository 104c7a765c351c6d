package graph

import (
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Tag is one of the notes' tags and how many concepts carry it.
type Tag struct {
	Name     string `json:"name"`
	Concepts int    `json:"concepts"`
}

// tagKey is the key under which tags are compared: NFC and lower case, as
// Obsidian takes "#Database" and "#database" for one tag.
func tagKey(s string) string { return strings.ToLower(norm.NFC.String(s)) }

// Tags returns every tag the concepts carry, with how many carry it,
// sorted by name. Tags that differ only in case are one tag, named as most
// of its concepts write it (the first in byte order among equals).
func (g *Graph) Tags() []Tag {
	type spellings struct {
		concepts int
		as       map[string]int
	}
	byKey := map[string]*spellings{}
	for _, c := range g.concepts {
		seen := map[string]bool{}
		for _, t := range c.Tags {
			k := tagKey(t)
			s := byKey[k]
			if s == nil {
				s = &spellings{as: map[string]int{}}
				byKey[k] = s
			}
			s.as[t]++
			if !seen[k] {
				seen[k] = true
				s.concepts++
			}
		}
	}
	out := make([]Tag, 0, len(byKey))
	for _, s := range byKey {
		name, most := "", 0
		for as, n := range s.as {
			if n > most || n == most && as < name {
				name, most = as, n
			}
		}
		out = append(out, Tag{Name: name, Concepts: s.concepts})
	}
	slices.SortFunc(out, func(a, b Tag) int {
		if c := strings.Compare(tagKey(a.Name), tagKey(b.Name)); c != 0 {
			return c
		}
		return strings.Compare(a.Name, b.Name)
	})
	return out
}

// ParseTags reads a comma-separated list of tags, each with or without
// its "#": the tags in order, trimmed, each once (compared as [Tags]
// compares them). An empty string yields nil, which filters nothing.
func ParseTags(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(f), "#"))
		if f != "" && !seen[tagKey(f)] {
			seen[tagKey(f)] = true
			out = append(out, f)
		}
	}
	return out
}

// HasTag reports whether c carries tag or a tag nested under it ("db/sql"
// under "db"), ignoring case, as Obsidian's tag search does.
func (c *Concept) HasTag(tag string) bool {
	k := tagKey(tag)
	for _, t := range c.Tags {
		if tagUnder(tagKey(t), k) {
			return true
		}
	}
	return false
}

// tagUnder reports whether the tag key t is k or nested under it.
func tagUnder(t, k string) bool {
	return t == k || strings.HasPrefix(t, k) && strings.HasPrefix(t[len(k):], "/")
}

// Tagged returns the ids of the concepts that carry any of tags (see
// [Concept.HasTag]), sorted.
func (g *Graph) Tagged(tags []string) []string {
	var ids []string
	for id, c := range g.concepts {
		if slices.ContainsFunc(tags, c.HasTag) {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids
}

// KnownTag reports whether some tag of known (as [Graph.Tags] lists them)
// is tag or nested under it: whether a filter by tag keeps any concept.
func KnownTag(known []Tag, tag string) bool {
	k := tagKey(tag)
	return slices.ContainsFunc(known, func(t Tag) bool { return tagUnder(tagKey(t.Name), k) })
}

// NearTags returns up to limit tags of known that tag may be a
// misspelling of, for "did you mean": those that hold it or that it
// holds, else those closest in edit distance (at most two edits, or a
// third of its length), closest first, then by name.
func NearTags(known []Tag, tag string, limit int) []string {
	k := tagKey(tag)
	if k == "" {
		return nil
	}
	type near struct {
		name string
		dist int
	}
	var nears []near
	for _, t := range known {
		tk := tagKey(t.Name)
		if strings.Contains(tk, k) || strings.Contains(k, tk) {
			nears = append(nears, near{t.Name, 0})
		}
	}
	if len(nears) == 0 {
		n := utf8.RuneCountInString(k)
		most := max(2, n/3)
		for _, t := range known {
			tk := tagKey(t.Name)
			if abs(utf8.RuneCountInString(tk)-n) > most {
				continue // more edits apart than that
			}
			if d := editDistance(tk, k); d <= most {
				nears = append(nears, near{t.Name, d})
			}
		}
	}
	slices.SortStableFunc(nears, func(a, b near) int { return a.dist - b.dist })
	var out []string
	for _, n := range nears[:min(len(nears), limit)] {
		out = append(out, n.name)
	}
	return out
}
