package server

import (
	"fmt"
	"slices"
	"strings"

	"github.com/gin-gonic/gin"

	"conceptgraph/graph"
)

// maxTags is the most tags a request may filter by: each costs a pass
// over every concept's tags.
const maxTags = 20

// parseTags reads the tag parameter: tags separated by commas, the
// parameter repeated or both, each with or without its "#".
func parseTags(c *gin.Context) ([]string, error) {
	tags := graph.ParseTags(strings.Join(c.QueryArray("tag"), ","))
	if len(tags) > maxTags {
		return nil, errBadParam("tag", fmt.Sprintf("%d tags are more than the %d a view may be filtered by", len(tags), maxTags))
	}
	return tags, nil
}

// checkTags answers 400 for a tag no concept of this graph carries, with
// the tags it may be a misspelling of.
func (snap *snapshot) checkTags(tags []string) error {
	for _, t := range tags {
		if graph.KnownTag(snap.tags, t) {
			continue
		}
		msg := "no concept is tagged " + quote(clip(t, 100))
		switch near := graph.NearTags(snap.tags, t, 3); {
		case len(snap.tags) == 0:
			msg += ": these notes have no tags"
		case len(near) > 0:
			msg += "; did you mean " + quoteAll(near) + "?"
		default:
			msg += " (/api/status lists the notes' tags)"
		}
		return errBadParam("tag", msg)
	}
	return nil
}

// quoteAll quotes each tag: “a”, “b” or “c”.
func quoteAll(tags []string) string {
	q := make([]string, len(tags))
	for i, t := range tags {
		q[i] = quote(t)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

// tagsKey identifies a tag filter in cache keys: the same tags in any
// order and case give the same key.
func tagsKey(tags []string) string {
	keys := make([]string, len(tags))
	for i, t := range tags {
		keys[i] = strings.ToLower(t)
	}
	slices.Sort(keys)
	return strings.Join(keys, ",")
}
