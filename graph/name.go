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
	return NormNFC(norm.NFC.String(s))
}

// NormNFC is [NormName] for text already in NFC, as extracted notes are:
// it skips normalising again, and returns s itself when it is a key already.
func NormNFC(s string) string {
	clean := true
	for _, r := range s {
		if ignoredInNames(r) || unicode.ToLower(r) != r {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if !ignoredInNames(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// ignoredInNames reports whether r is left out when names are compared.
func ignoredInNames(r rune) bool {
	switch r {
	case '-', '_', '.', '·', '‐', '–':
		return true
	}
	return unicode.IsSpace(r)
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
