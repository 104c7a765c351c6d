package graph

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
)

// SKOSNamespace is the namespace of the SKOS export: the concept scheme is
// SKOSNamespace+"scheme", a concept is SKOSNamespace+"concept:"+its id
// (percent-encoded where an IRI needs it), and the relation types SKOS has
// no property for are SKOSNamespace+type: cg:uses, cg:requires,
// cg:compared_with, cg:opposite_of. They are names, not addresses.
const SKOSNamespace = "urn:conceptgraph:"

// skosProperty maps each relation type to the property that states it, and
// to the inverse written on the other concept ("" for none). type_of,
// example_of and part_of are SKOS's broader (with narrower on the other
// side); symmetric types are stated on both concepts.
var skosProperty = map[RelationType][2]string{
	TypeOf:       {"skos:broader", "skos:narrower"},
	ExampleOf:    {"skos:broader", "skos:narrower"},
	PartOf:       {"skos:broader", "skos:narrower"},
	Uses:         {"cg:uses", ""},
	Requires:     {"cg:requires", ""},
	ComparedWith: {"cg:compared_with", "cg:compared_with"},
	OppositeOf:   {"cg:opposite_of", "cg:opposite_of"},
}

// skosOrder is the order properties are written in within a concept.
var skosOrder = []string{"skos:broader", "skos:narrower", "cg:uses", "cg:requires", "cg:compared_with", "cg:opposite_of"}

var skosComment = map[RelationType]string{
	Uses:         "The subject uses the object: learn the object first.",
	Requires:     "The subject requires the object: learn the object first.",
	ComparedWith: "The two concepts are compared in the notes (symmetric).",
	OppositeOf:   "The two concepts are opposites (symmetric).",
}

// WriteSKOS writes the graph to w as a SKOS concept scheme in Turtle.
//
// Every concept is a skos:Concept in the scheme, with its name as
// skos:prefLabel and its aliases as skos:altLabel, each tagged @ko when it
// has Hangul in it, else @en when it has Latin letters, else untagged; the
// first alias in a language the name is not in is that language's
// prefLabel ("도커"@ko and "Docker"@en), so there is at most one prefLabel
// per language and no label is both. The summary is the skos:definition.
// type_of, example_of and part_of are skos:broader from the narrower
// concept and skos:narrower back; concepts with no broader one are top
// concepts of the scheme. uses, requires, compared_with and opposite_of are
// properties of the namespace [SKOSNamespace], declared in the file;
// symmetric ones are written on both concepts. Concepts come in id order,
// one statement per line, so the output is deterministic and diffs well.
func (g *Graph) WriteSKOS(w io.Writer) error {
	var b strings.Builder
	b.WriteString("# Concepts and relations extracted by conceptgraph, as a SKOS concept scheme.\n")
	b.WriteString("@prefix cg: <" + SKOSNamespace + "> .\n")
	b.WriteString("@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n")
	b.WriteString("@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n")
	b.WriteString("@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n\n")
	b.WriteString("cg:scheme a skos:ConceptScheme ;\n    skos:prefLabel \"conceptgraph\"@en .\n")
	for _, t := range []RelationType{Uses, Requires, ComparedWith, OppositeOf} {
		fmt.Fprintf(&b, "\ncg:%s a rdf:Property ;\n    rdfs:label %s ;\n    rdfs:comment %s .\n",
			t, turtleString(strings.ReplaceAll(string(t), "_", " "))+"@en", turtleString(skosComment[t])+"@en")
	}

	type link struct{ prop, to string }
	links := map[string][]link{}
	for _, r := range g.Relations() {
		p := skosProperty[r.Type]
		links[r.From] = append(links[r.From], link{p[0], r.To})
		if p[1] != "" {
			links[r.To] = append(links[r.To], link{p[1], r.From})
		}
	}
	for _, c := range g.Concepts() {
		ls := links[c.ID]
		slices.SortFunc(ls, func(a, b link) int {
			if d := slices.Index(skosOrder, a.prop) - slices.Index(skosOrder, b.prop); d != 0 {
				return d
			}
			return strings.Compare(a.to, b.to)
		})
		ls = slices.Compact(ls)
		fmt.Fprintf(&b, "\n%s a skos:Concept ;\n    skos:inScheme cg:scheme", conceptIRI(c.ID))
		if !slices.ContainsFunc(ls, func(l link) bool { return l.prop == "skos:broader" }) {
			b.WriteString(" ;\n    skos:topConceptOf cg:scheme")
		}
		pref, alt := skosLabels(c)
		for _, l := range pref {
			b.WriteString(" ;\n    skos:prefLabel " + l)
		}
		for _, l := range alt {
			b.WriteString(" ;\n    skos:altLabel " + l)
		}
		if strings.TrimSpace(c.Summary) != "" {
			b.WriteString(" ;\n    skos:definition " + turtleLiteral(c.Summary))
		}
		for _, l := range ls {
			b.WriteString(" ;\n    " + l.prop + " " + conceptIRI(l.to))
		}
		b.WriteString(" .\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// skosLabels returns a concept's labels as Turtle literals: one prefLabel
// per language (the name's, then the first alias of each other language)
// and the other names as altLabels, with no duplicates.
func skosLabels(c *Concept) (pref, alt []string) {
	seen := map[string]bool{}
	langs := map[string]bool{}
	var rest []string
	for i, n := range c.Names() {
		if strings.TrimSpace(n) == "" {
			continue
		}
		lit := turtleLiteral(n)
		if seen[lit] {
			continue
		}
		seen[lit] = true
		lang := scriptLang(n)
		if i == 0 || !langs[lang] {
			langs[lang] = true
			pref = append(pref, lit)
			continue
		}
		rest = append(rest, lit)
	}
	return pref, rest
}

// scriptLang returns the language tag text is written in, judged by its
// script: "ko" with any Hangul, else "en" with any Latin letter, else "".
func scriptLang(s string) string {
	latin := false
	for _, r := range s {
		if unicode.Is(unicode.Hangul, r) {
			return "ko"
		}
		if unicode.Is(unicode.Latin, r) {
			latin = true
		}
	}
	if latin {
		return "en"
	}
	return ""
}

// turtleLiteral writes note text as a Turtle string tagged with its
// language.
func turtleLiteral(s string) string {
	if lang := scriptLang(s); lang != "" {
		return turtleString(s) + "@" + lang
	}
	return turtleString(s)
}

// turtleString quotes s as a Turtle string: characters XML and Turtle
// cannot hold become U+FFFD (see clean), backslash, quote and line breaks
// are escaped.
func turtleString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range clean(s) {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case '"':
			b.WriteString(`\"`)
		case '\n':
			b.WriteString(`\n`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// conceptIRI returns the IRI of the concept id, written as an IRI
// reference: letters and digits of any script, '-', '.', '_' and '~' as
// they are, every other byte of the id's UTF-8 percent-encoded.
func conceptIRI(id string) string {
	var b strings.Builder
	b.WriteString("<" + SKOSNamespace + "concept:")
	for _, r := range strings.ToValidUTF8(id, "\uFFFD") {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("-._~", r) {
			b.WriteRune(r)
			continue
		}
		for _, c := range []byte(string(r)) {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	b.WriteByte('>')
	return b.String()
}
