package graph

import (
	"strings"
	"unicode"
	"unicode/utf8"

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
	if isKey(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case ignoredInNames(r):
		case r < utf8.RuneSelf:
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
		case r >= 0xAC00 && r <= 0xD7A3: // Hangul syllables have no case
			b.WriteRune(r)
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// isKey reports whether NormNFC(s) is s: no rune of it is ignored in
// names or changed by lower-casing. ASCII and Hangul syllables, most of
// what names are written in, need no case table.
func isKey(s string) bool {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' || ignoredInNames(rune(c)) {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !(r >= 0xAC00 && r <= 0xD7A3) && (ignoredInNames(r) || unicode.ToLower(r) != r) {
			return false
		}
		i += n
	}
	return true
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
