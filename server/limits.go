package server

import (
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"
)

// MaxNameLen is the longest concept name a request may give, in
// characters: in focus, from, to, of, q, each name of ids, and the
// {id} of /api/concepts/{id}. Longer ones answer 400 at once, without
// looking for the name or echoing it: a web page could otherwise make the
// server compare megabytes against every concept with one GET.
const MaxNameLen = 200

// maxParamLen is the longest any other parameter may be (types, tag,
// layout, format, numbers), in characters.
const maxParamLen = 400

// nameParams are the query parameters that name concepts.
var nameParams = map[string]bool{"focus": true, "from": true, "to": true, "of": true, "q": true}

// limitParams answers 400 for a request whose parameters are longer than
// a name or a parameter may be.
func (s *Server) limitParams() gin.HandlerFunc {
	return func(c *gin.Context) {
		if c.Request.URL.RawQuery == "" && c.Param("id") == "" {
			c.Next()
			return
		}
		if err := checkParams(c.Request.URL.Query(), c.Param("id")); err != nil {
			s.fail(c, err)
			return
		}
		c.Next()
	}
}

func checkParams(q url.Values, id string) error {
	if n := utf8.RuneCountInString(id); n > MaxNameLen {
		return errNameTooLong("id", n)
	}
	for name, vs := range q {
		for _, v := range vs {
			switch {
			case nameParams[name]:
				if n := utf8.RuneCountInString(v); n > MaxNameLen {
					return errNameTooLong(name, n)
				}
			case name == "ids":
				for _, id := range strings.Split(v, ",") {
					if n := utf8.RuneCountInString(id); n > MaxNameLen {
						return errNameTooLong(name, n)
					}
				}
			default:
				if n := utf8.RuneCountInString(v); n > maxParamLen {
					return errBadParam(clip(name, 40), fmt.Sprintf("%d characters is longer than the %d a parameter may have", n, maxParamLen))
				}
			}
		}
	}
	return nil
}

func errNameTooLong(param string, n int) error {
	return errBadParam(param, fmt.Sprintf("a name of %d characters is longer than the %d a concept name may have", n, MaxNameLen))
}

// clip shortens s to at most n bytes, on a character boundary, saying how
// long it was: for logs and messages that must not echo whatever a
// request sent.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return fmt.Sprintf("%s… (%d bytes)", s[:cut], len(s))
}
