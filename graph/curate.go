package graph

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Curation is a set of corrections to an extracted graph, read from a
// curation file by [ParseCuration] and applied by [Graph.Curate]. The file
// format is documented in the package documentation ("Curation").
type Curation struct {
	file    string
	merges  []aliasEntry // concept: concepts folded into it
	aliases []aliasEntry // concept: more names
	hides   []nameEntry
	retypes []relEntry
	removes []relEntry
	adds    []relEntry
}

type nameEntry struct {
	line int
	name string
}

type aliasEntry struct {
	line    int
	concept string
	names   []nameEntry
}

// relEntry names a relation: "FROM TYPE TO", with the new type of a retype
// and the reason given for an added relation.
type relEntry struct {
	line     int
	text     string // as written, for messages
	from, to string
	typ      RelationType
	as       RelationType
	because  string
}

// CurationError is a problem with a curation file or one of its entries,
// at a line when one is known (Line 0 means the whole file). Its message
// reads "notes/conceptgraph.yaml:12: unknown relation type "likes"".
type CurationError struct {
	File string
	Line int
	Err  error
}

func (e *CurationError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

func (e *CurationError) Unwrap() error { return e.Err }

// ErrStale marks the warnings of [Graph.Curate] about entries that no
// longer match anything in the graph.
var ErrStale = errors.New("the entry no longer matches anything and can go")

// ErrNewConcept marks what [Graph.Curate] reports about a concept that an
// add entry created because the notes do not name it. It is news, not a
// problem: the entry did what it says.
var ErrNewConcept = errors.New("is not in the notes; added as a new concept")

// curationSections are the sections of a curation file, in the order they
// are applied.
var curationSections = []string{"merge", "aliases", "retype", "remove", "add", "hide"}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// ParseCuration reads a curation file: file names it in messages and in
// the evidence of the relations it adds, data is its contents. An empty
// file is an empty curation. It returns a *CurationError naming the file
// and line for anything it cannot read: bad YAML, an unknown section or
// field, an unknown relation type, an entry without a concept.
func ParseCuration(file string, data []byte) (*Curation, error) {
	c := &Curation{file: file}
	fail := func(line int, format string, args ...any) error {
		return &CurationError{File: file, Line: line, Err: fmt.Errorf(format, args...)}
	}
	if !utf8.Valid(data) {
		line := 1
		for i := 0; i < len(data); {
			r, n := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			if r == '\n' {
				line++
			}
			i += n
		}
		return nil, fail(line, "invalid UTF-8 (save the file as UTF-8)")
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
			line, _ := strconv.Atoi(m[1])
			return nil, fail(line, "%s", m[2])
		}
		return nil, fail(0, "%s", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if len(doc.Content) == 0 {
		return c, nil
	}
	root := deref(doc.Content[0])
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return c, nil
	}
	if root.Kind != yaml.MappingNode {
		return nil, fail(root.Line, "want sections (%s), one per line as \"section:\"", strings.Join(curationSections, ", "))
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := deref(root.Content[i]), deref(root.Content[i+1])
		if at, dup := seen[k.Value]; dup {
			return nil, fail(k.Line, "section %q is already given at line %d", k.Value, at)
		}
		seen[k.Value] = k.Line
		var err error
		switch k.Value {
		case "merge":
			c.merges, err = parseNamesMap(v, fail, "merge", "the concepts to fold into it")
		case "aliases":
			c.aliases, err = parseNamesMap(v, fail, "aliases", "its other names")
		case "hide":
			c.hides, err = parseNames(v, fail, "hide")
		case "add":
			c.adds, err = parseRelations(v, fail, "add")
		case "remove":
			c.removes, err = parseRelations(v, fail, "remove")
		case "retype":
			c.retypes, err = parseRelations(v, fail, "retype")
		default:
			err = fail(k.Line, "unknown section %q (want %s)", k.Value, strings.Join(curationSections, ", "))
		}
		if err != nil {
			return nil, err
		}
	}
	return c, nil
}

type failFunc func(line int, format string, args ...any) error

func deref(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// scalar returns the text of a scalar node, or an error naming what was
// expected.
func scalar(n *yaml.Node, fail failFunc, what string) (string, error) {
	n = deref(n)
	if n.Kind != yaml.ScalarNode || isNull(n) || strings.TrimSpace(n.Value) == "" {
		return "", fail(n.Line, "want %s", what)
	}
	return strings.TrimSpace(n.Value), nil
}

// parseNames reads a name or a list of names.
func parseNames(n *yaml.Node, fail failFunc, section string) ([]nameEntry, error) {
	n = deref(n)
	if isNull(n) {
		return nil, nil
	}
	items := []*yaml.Node{n}
	if n.Kind == yaml.SequenceNode {
		items = n.Content
	}
	var out []nameEntry
	for _, it := range items {
		s, err := scalar(it, fail, section+": a concept name")
		if err != nil {
			return nil, err
		}
		out = append(out, nameEntry{deref(it).Line, s})
	}
	return out, nil
}

// parseNamesMap reads "concept: name" or "concept: [name, …]" lines.
func parseNamesMap(n *yaml.Node, fail failFunc, section, what string) ([]aliasEntry, error) {
	if isNull(n) {
		return nil, nil
	}
	if n.Kind != yaml.MappingNode {
		return nil, fail(n.Line, "%s: want lines \"concept: [%s]\"", section, what)
	}
	seen := map[string]int{}
	var out []aliasEntry
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := deref(n.Content[i]), deref(n.Content[i+1])
		name, err := scalar(k, fail, section+": a concept name")
		if err != nil {
			return nil, err
		}
		if at, dup := seen[NormName(name)]; dup {
			return nil, fail(k.Line, "%s: %q is already given at line %d", section, name, at)
		}
		seen[NormName(name)] = k.Line
		names, err := parseNames(v, fail, section)
		if err != nil {
			return nil, err
		}
		if len(names) == 0 {
			return nil, fail(k.Line, "%s: %q: want %s", section, name, what)
		}
		out = append(out, aliasEntry{k.Line, name, names})
	}
	return out, nil
}

// parseRelations reads a list of relations, each "FROM TYPE TO" or
// {from: …, type: …, to: …}; for retype, "FROM TYPE TO: NEW" or the same
// with as: NEW; for add, the mapping may give a because: text.
func parseRelations(n *yaml.Node, fail failFunc, section string) ([]relEntry, error) {
	if isNull(n) {
		return nil, nil
	}
	form := `"FROM TYPE TO"`
	if section == "retype" {
		form = `"FROM TYPE TO: NEW_TYPE"`
	}
	if n.Kind != yaml.SequenceNode {
		return nil, fail(n.Line, "%s: want a list of relations, one per line as - %s", section, form)
	}
	var out []relEntry
	for _, it := range n.Content {
		it = deref(it)
		var e relEntry
		var err error
		switch {
		case it.Kind == yaml.ScalarNode && section != "retype":
			e, err = parseRelation(it, fail, section)
		case it.Kind == yaml.MappingNode && len(it.Content) == 2 && section == "retype" && !isField(it.Content[0]):
			e, err = parseRelation(deref(it.Content[0]), fail, section)
			if err == nil {
				e.as, err = parseType(deref(it.Content[1]), fail, section)
			}
		case it.Kind == yaml.MappingNode:
			e, err = parseRelationFields(it, fail, section)
		default:
			err = fail(it.Line, "%s: want - %s", section, form)
		}
		if err != nil {
			return nil, err
		}
		if section == "retype" && e.as == e.typ {
			return nil, fail(e.line, "retype: %s is already %s", e.text, e.typ)
		}
		out = append(out, e)
	}
	return out, nil
}

func isField(n *yaml.Node) bool {
	switch deref(n).Value {
	case "from", "type", "to", "as", "because":
		return true
	}
	return false
}

func parseType(n *yaml.Node, fail failFunc, section string) (RelationType, error) {
	s, err := scalar(n, fail, section+": a relation type")
	if err != nil {
		return "", err
	}
	t, err := ParseType(s)
	if err != nil {
		return "", fail(n.Line, "%s: %v", section, err)
	}
	return t, nil
}

// parseRelation reads "FROM TYPE TO": the one word that is a relation type
// splits the two names.
func parseRelation(n *yaml.Node, fail failFunc, section string) (relEntry, error) {
	text, err := scalar(n, fail, section+`: a relation "FROM TYPE TO"`)
	if err != nil {
		return relEntry{}, err
	}
	words := strings.Fields(text)
	at := -1
	for i, w := range words {
		if _, err := ParseType(w); err == nil {
			if at >= 0 {
				return relEntry{}, fail(n.Line, "%s: %q names two relation types; write it as {from: …, type: …, to: …}", section, text)
			}
			at = i
		}
	}
	if at < 0 {
		return relEntry{}, fail(n.Line, "%s: %q has no relation type (want \"FROM TYPE TO\", TYPE one of %s)", section, text, typeList())
	}
	if at == 0 || at == len(words)-1 {
		return relEntry{}, fail(n.Line, "%s: %q: want a concept on each side of %s", section, text, words[at])
	}
	return relEntry{
		line: n.Line, text: text,
		from: strings.Join(words[:at], " "), typ: RelationType(words[at]), to: strings.Join(words[at+1:], " "),
	}, nil
}

func parseRelationFields(n *yaml.Node, fail failFunc, section string) (relEntry, error) {
	e := relEntry{line: n.Line}
	var err error
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := deref(n.Content[i]), deref(n.Content[i+1])
		switch {
		case k.Value == "from":
			e.from, err = scalar(v, fail, section+": from: a concept name")
		case k.Value == "to":
			e.to, err = scalar(v, fail, section+": to: a concept name")
		case k.Value == "type":
			e.typ, err = parseType(v, fail, section)
		case k.Value == "as" && section == "retype":
			e.as, err = parseType(v, fail, section)
		case k.Value == "because" && section == "add":
			e.because, err = scalar(v, fail, section+": because: a sentence")
		default:
			want := "from, type, to"
			switch section {
			case "retype":
				want += ", as"
			case "add":
				want += ", because"
			}
			err = fail(k.Line, "%s: unknown field %q (want %s)", section, k.Value, want)
		}
		if err != nil {
			return e, err
		}
	}
	if e.from == "" || e.to == "" || e.typ == "" || section == "retype" && e.as == "" {
		need := "from, type and to"
		if section == "retype" {
			need = "from, type, to and as"
		}
		return e, fail(n.Line, "%s: want %s", section, need)
	}
	e.text = e.from + " " + string(e.typ) + " " + e.to
	return e, nil
}

// Curate applies the corrections cs to g, in place, and returns a warning
// (a *CurationError wrapping [ErrStale] or saying what was skipped) for
// every entry that no longer matches anything, and a report wrapping
// [ErrNewConcept] for every concept an add entry created.
//
// Whatever order the files and sections are written in, every merge is
// applied first, then aliases, retype, remove, add and hide, each across
// the files in the order given. Names are looked up as [Graph.Lookup] does,
// and also among the names the files themselves add. A relation added by
// a curation file has confidence 1 and the file and line as evidence; a
// name it gives that no concept goes by becomes a new concept, whose
// source is that line.
// Curate with nothing to apply leaves g as it is.
func (g *Graph) Curate(cs ...*Curation) []error {
	empty := true
	for _, c := range cs {
		if c != nil && len(c.merges)+len(c.aliases)+len(c.hides)+len(c.retypes)+len(c.removes)+len(c.adds) > 0 {
			empty = false
		}
	}
	if empty {
		return nil
	}
	s := newCuration(g)
	for _, sec := range curationSections {
		for _, c := range cs {
			if c != nil {
				s.apply(c, sec)
			}
		}
	}
	*g = *s.build()
	return s.warnings
}

// curating is the state of a graph being curated: copies of its concepts
// and relations, edited in place and built into a new graph at the end.
type curating struct {
	g        *Graph
	concepts map[string]*Concept
	rels     []*Relation
	merged   map[string]string // id folded away -> id folded into
	hidden   map[string]bool
	names    map[string]string // normalised name added by an alias -> id
	warnings []error
	search   *Search // the names of g, for what a new concept resembles; made when first needed
}

func newCuration(g *Graph) *curating {
	s := &curating{
		g:        g,
		concepts: make(map[string]*Concept, len(g.concepts)),
		merged:   map[string]string{},
		hidden:   map[string]bool{},
		names:    map[string]string{},
	}
	for id, c := range g.concepts {
		s.concepts[id] = cloneConcept(c)
	}
	for _, r := range g.Relations() {
		rr := *r
		rr.Evidence = slices.Clone(r.Evidence)
		s.rels = append(s.rels, &rr)
	}
	return s
}

func cloneConcept(c *Concept) *Concept {
	cc := *c
	cc.Aliases = slices.Clone(c.Aliases)
	cc.Pros = slices.Clone(c.Pros)
	cc.Cons = slices.Clone(c.Cons)
	cc.Sources = slices.Clone(c.Sources)
	cc.Tags = slices.Clone(c.Tags)
	return &cc
}

func (s *curating) warn(c *Curation, line int, format string, args ...any) {
	s.warnings = append(s.warnings, &CurationError{File: c.file, Line: line, Err: fmt.Errorf(format, args...)})
}

func (s *curating) stale(c *Curation, line int, format string, args ...any) {
	s.warnings = append(s.warnings, &CurationError{File: c.file, Line: line,
		Err: fmt.Errorf("%s: %w", fmt.Sprintf(format, args...), ErrStale)})
}

// resolve returns the id of the concept name names now, after the merges
// so far, or "".
func (s *curating) resolve(name string) string {
	id := ""
	if c := s.g.Lookup(name); c != nil {
		id = c.ID
	} else if a, ok := s.names[NormName(name)]; ok {
		id = a
	}
	for {
		next, ok := s.merged[id]
		if !ok {
			return id
		}
		id = next
	}
}

func (s *curating) apply(c *Curation, section string) {
	switch section {
	case "merge":
		for _, m := range c.merges {
			into := s.resolve(m.concept)
			if into == "" {
				s.stale(c, m.line, "merge: no concept named %q", m.concept)
				continue
			}
			for _, n := range m.names {
				from := s.resolve(n.name)
				switch {
				case from == "":
					s.stale(c, n.line, "merge: no concept named %q", n.name)
				case from == into:
					s.stale(c, n.line, "merge: %q is already a name of %q", n.name, s.concepts[into].Name)
				default:
					s.fold(into, from)
				}
			}
		}
	case "aliases":
		for _, a := range c.aliases {
			id := s.resolve(a.concept)
			if id == "" {
				s.stale(c, a.line, "aliases: no concept named %q", a.concept)
				continue
			}
			con := s.concepts[id]
			for _, n := range a.names {
				switch other := s.resolve(n.name); {
				case other == id:
					s.stale(c, n.line, "aliases: %q is already a name of %q", n.name, con.Name)
				case other != "":
					s.warn(c, n.line, "aliases: %q already names %q; not added to %q (merge them instead?)", n.name, s.concepts[other].Name, con.Name)
				default:
					con.Aliases = append(con.Aliases, n.name)
					s.names[NormName(n.name)] = id
				}
			}
		}
	case "hide":
		for _, h := range c.hides {
			id := s.resolve(h.name)
			switch {
			case id == "":
				s.stale(c, h.line, "hide: no concept named %q", h.name)
			case s.hidden[id]:
				s.stale(c, h.line, "hide: %q is already hidden", h.name)
			default:
				s.hidden[id] = true
			}
		}
	case "retype", "remove", "add":
		entries := map[string][]relEntry{"retype": c.retypes, "remove": c.removes, "add": c.adds}[section]
		for _, e := range entries {
			s.relation(c, section, e)
		}
	}
}

// fold merges the concept from into the concept into.
func (s *curating) fold(into, from string) {
	dst, src := s.concepts[into], s.concepts[from]
	for _, n := range src.Names() {
		if n != dst.Name && !slices.Contains(dst.Aliases, n) {
			dst.Aliases = append(dst.Aliases, n)
		}
	}
	dst.absorb(src)
	delete(s.concepts, from)
	s.merged[from] = into
	for _, r := range s.rels {
		if r.From == from {
			r.From = into
		}
		if r.To == from {
			r.To = into
		}
	}
}

// find returns the index of the relation of type t between from and to
// (either way for a symmetric type), or -1.
func (s *curating) find(from, to string, t RelationType) int {
	return slices.IndexFunc(s.rels, func(r *Relation) bool {
		return r.Type == t && (r.From == from && r.To == to || t.Symmetric() && r.From == to && r.To == from)
	})
}

func (s *curating) relation(c *Curation, section string, e relEntry) {
	from, to := s.resolve(e.from), s.resolve(e.to)
	if section == "add" {
		// A relation to a concept the notes do not name (one the
		// extractor missed, or one the notes never mention) brings the
		// concept with it.
		if from == "" {
			from = s.create(c, e, e.from)
		}
		if to == "" {
			to = s.create(c, e, e.to)
		}
	}
	for _, end := range []struct{ name, id string }{{e.from, from}, {e.to, to}} {
		if end.id == "" {
			s.stale(c, e.line, "%s %s: no concept named %q", section, e.text, end.name)
			return
		}
	}
	i := s.find(from, to, e.typ)
	switch section {
	case "retype":
		if i < 0 {
			if s.find(from, to, e.as) >= 0 {
				s.stale(c, e.line, "retype %s: the notes now say %s %s %s", e.text, e.from, e.as, e.to)
			} else {
				s.stale(c, e.line, "retype %s: no such relation", e.text)
			}
			return
		}
		if j := s.find(from, to, e.as); j >= 0 {
			// The new type is stated as well: one relation with both
			// relations' evidence.
			s.rels[j].Evidence = append(s.rels[j].Evidence, s.rels[i].Evidence...)
			s.rels[j].Confidence = max(s.rels[j].Confidence, s.rels[i].Confidence)
			s.rels = slices.Delete(s.rels, i, i+1)
			return
		}
		s.rels[i].Type = e.as
	case "remove":
		if i < 0 {
			s.stale(c, e.line, "remove %s: no such relation", e.text)
			return
		}
		s.rels = slices.Delete(s.rels, i, i+1)
	case "add":
		if from == to {
			s.warn(c, e.line, "add %s: %q and %q are one concept; not added", e.text, e.from, e.to)
			return
		}
		if i >= 0 {
			s.stale(c, e.line, "add %s: the notes already say so", e.text)
			return
		}
		text := e.because
		if text == "" {
			text = e.text
		}
		s.rels = append(s.rels, &Relation{From: from, To: to, Type: e.typ, Confidence: 1,
			Evidence: []Evidence{{File: c.file, Line: e.line, Text: text}}})
	}
}

// create adds a concept named name for the add entry e and reports it
// (wrapping [ErrNewConcept]), with the names it resembles in case name is
// a slip. It returns the new concept's id, or "" when name makes no id.
func (s *curating) create(c *Curation, e relEntry, name string) string {
	base := Slug(name)
	if base == "" {
		return ""
	}
	id := base
	for n := 2; s.concepts[id] != nil || hasKey(s.merged, id) || s.g.concepts[id] != nil; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	s.concepts[id] = &Concept{ID: id, Name: name, Sources: []Source{{File: c.file, Line: e.line}}}
	s.names[NormName(name)] = id
	err := fmt.Errorf("add %s: %q %w", e.text, name, ErrNewConcept)
	if s.search == nil {
		s.search = NewSearch(s.g)
	}
	if like := s.search.Suggest(name, 1); len(like) > 0 {
		err = fmt.Errorf("%w (the notes have %q: merge them if they are one)", err, like[0].Name)
	}
	s.warnings = append(s.warnings, &CurationError{File: c.file, Line: e.line, Err: err})
	return id
}

// build makes the curated graph. Names keep resolving as they did in the
// original graph wherever their concept is still there.
func (s *curating) build() *Graph {
	ng := New()
	ids := make([]string, 0, len(s.concepts))
	for id := range s.concepts {
		if !s.hidden[id] {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	for _, id := range ids {
		// The id is known to be new and non-empty.
		_, _ = ng.AddConcept(*s.concepts[id])
	}
	for _, r := range s.rels {
		if r.From == r.To || s.hidden[r.From] || s.hidden[r.To] {
			continue
		}
		// Both ends exist, and the type was valid in g or checked on
		// reading the file.
		_ = ng.AddRelation(*r)
	}
	for k, id := range s.g.names {
		for next, ok := s.merged[id]; ok; next, ok = s.merged[id] {
			id = next
		}
		if ng.concepts[id] != nil {
			ng.names[k] = id
		}
	}
	return ng
}
