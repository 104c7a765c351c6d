package graph

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// NormName returns the key under which names are compared: NFC-normalised,
// case-folded, with spaces, hyphens, underscores, dots and middle dots
// removed, so "Load-Balancer", "load balancer" and "LoadBalancer" are one
// name.
func NormName(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case unicode.IsSpace(r), r == '-', r == '_', r == '.', r == '·', r == '‐', r == '–':
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// Slug turns a name into an id: NFC, lower case, letters and digits of any
// script kept, every other run of characters turned into one hyphen.
func Slug(name string) string {
	name = norm.NFC.String(name)
	var b strings.Builder
	dash := false
	for _, r := range name {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		if r == '+' || r == '#' {
			// C++ and C# are not C.
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			if r == '+' {
				b.WriteString("plus")
			} else {
				b.WriteString("sharp")
			}
			continue
		}
		dash = true
	}
	return b.String()
}
