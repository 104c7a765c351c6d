// Package graph is the domain of conceptgraph: concepts, the typed
// relations between them with their evidence, the queries a study tool asks
// of them, and the formats they are written in.
//
// A [Graph] is built with [New], [Graph.AddConcept] and [Graph.AddRelation]
// (the extractor does this from notes), corrected in place by
// [Graph.Curate], and then only read; any number of goroutines may read it. Everything it returns is sorted, so output is the
// same for the same graph.
//
// # Relations
//
// A relation reads "From <type> To": "Redis example_of NoSQL", "Pod part_of
// worker node", "Docker uses Linux", "Kubernetes requires container".
// compared_with and opposite_of are symmetric. See [Types].
//
// # Prerequisites
//
// Concept X needs concept Y, that is Y is a prerequisite of X and comes
// first in a learning order, when the graph says:
//
//	X requires Y     stated outright: the strongest reason
//	X type_of Y      the broader concept before the narrower one
//	X example_of Y   … and before its examples
//	X part_of Y      the system before its parts
//	X uses Y         the thing used before its user
//
// compared_with and opposite_of are not prerequisites: a learning order
// mentions them beside a concept as "compare with". [RelationType.Prerequisite]
// tells the two kinds apart.
//
// [Graph.LearningOrder] lists everything a concept needs, directly or
// through others, each after what it needs; among concepts that could come
// next, the one farthest from the target first, then by name. When the
// notes state a cycle (A uses B, B uses A) the order is still produced:
// a relation by which a prerequisite needs the target itself is set aside,
// and any other cycle loses its weakest relation (an explicit requires
// outranks a derived prerequisite, then the higher confidence wins; equal
// ones are broken in order of ids). Every cycle is reported with its
// concepts, its relations and their evidence, and a note saying what was
// set aside; nothing is dropped silently. [Graph.FindCycles] lists every
// group of concepts caught in prerequisite cycles in the whole graph.
//
// Both work over the graph's own adjacency index, without recursion (a
// chain through 100,000 concepts is fine), in time linear in the concepts
// and relations they visit plus sorting; breaking cycles adds, for each
// relation that disagrees with the order found so far, a search among the
// concepts between its ends (Pearce and Kelly's dynamic topological order).
//
// # Paths
//
// [Graph.Path] returns the shortest chain of relations between two
// concepts; [Graph.Paths] the k shortest distinct ones (Yen's algorithm),
// optionally only along the relations' direction and through some types.
//
// # Tags
//
// A concept's Tags are the notes' tags for it, without "#". Tags are
// compared ignoring case, as Obsidian does, and a tag also names the tags
// nested under it: "db" names "db/sql". [Graph.Tags] lists the tags with
// how many concepts carry each; [Graph.Tagged] finds the concepts that
// carry any of some tags; [ParseTags], [KnownTag] and [NearTags] read,
// check and correct tags given by a person.
//
// # Curation
//
// Extraction is never perfect. A curation file, conceptgraph.yaml beside
// the notes, corrects the graph after every extraction, so the corrections
// survive edits and reloads. [ParseCuration] reads one; [Graph.Curate]
// applies it. Concepts are named by id or by any of their names, as on the
// command line. Every section is optional:
//
//	# conceptgraph.yaml: corrections to what conceptgraph reads in these notes
//	merge:                      # concept: [concepts folded into it]
//	  로드 밸런서: [Load Balancer, LB]
//	aliases:                    # concept: [more names for it]
//	  Kubernetes: [k8s, 쿠베]
//	  도커: Docker Engine
//	retype:                     # - FROM TYPE TO: NEW_TYPE
//	  - Kubernetes uses 컨테이너: requires
//	remove:                     # - FROM TYPE TO
//	  - DNS uses TCP
//	add:                        # - FROM TYPE TO
//	  - Kubernetes requires Linux
//	  - {from: cgroups, type: part_of, to: Linux, because: "cgroups는 리눅스 커널의 기능이다."}
//	hide:                       # concepts left out of the graph
//	  - 장점
//
// A relation is written "FROM TYPE TO", the one word that is a relation
// type splitting the two names; when a name holds such a word, write the
// mapping form {from: …, type: …, to: …} instead. Merging folds the other
// concepts' names, sources, pros, cons and relations into the first; hiding
// removes a concept and its relations. Sections are applied in the order
// merge, aliases, retype, remove, add, hide, whatever order they are
// written in. An added relation has confidence 1 and the file and line as
// its evidence (or the because text). A name in an added relation that no
// concept goes by (one the extractor missed) becomes a new concept, named
// in the file at that line; [Graph.Curate] says so, wrapping
// [ErrNewConcept], which is news rather than a warning:
//
//	notes/conceptgraph.yaml:9: add Kubernetes requires PostgreSQL: "PostgreSQL" is not in the notes; added as a new concept
//
// A mistake in the file (bad YAML, an unknown section, field or relation
// type) is an error naming the file and line:
//
//	notes/conceptgraph.yaml:7: add: unknown relation type "likes"
//
// An entry that no longer matches anything (a concept renamed in the
// notes, a relation the notes now state themselves) is a warning, also
// with its line, so the file can be kept tidy:
//
//	notes/conceptgraph.yaml:12: remove DNS uses TCP: no such relation: the entry no longer matches anything and can go
//
// # Formats
//
// [Graph.WriteJSON] writes the JSON contract documented in the README;
// [Graph.WriteDOT] Graphviz DOT, escaped and sized for Hangul;
// [Graph.WriteGraphML] GraphML for Gephi and yEd, with positions;
// [Graph.WriteMermaid] a Mermaid flowchart; [Graph.WriteSKOS] a SKOS concept
// scheme in Turtle (labels tagged @ko or @en by script; type_of, example_of
// and part_of as skos:broader/narrower, the other types in the namespace
// [SKOSNamespace]); [Graph.WriteAnki] flashcards for Anki, one per question
// with every answer and its evidence, in Korean for Korean names, ordered
// along a learning order when given a focus. [LearningOrder.WriteJSON] writes a learning order.
package graph
