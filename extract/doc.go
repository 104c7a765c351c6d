// Package extract reads study notes written in Markdown, in Korean, English
// or both, and returns the concepts they name and the typed relations they
// state, each with its evidence (file, line, sentence).
//
// Notes are parsed once with goldmark; the extractor then walks an outline
// of sections, paragraphs, quotes and lists. It reads notes and never
// writes them. [Files] reads every *.md under the given paths; [Notes]
// reads notes already in memory.
//
// # Pipeline
//
// Each step has its file; each rule family reads the same token stream
// and keeps its words in the tables of cues.go:
//
//	limits.go     flattens shapes that would cost goldmark quadratic time
//	outline.go    goldmark's tree → sections, paragraphs, quotes, lists,
//	              tables, callouts; marks (bold, links, [[wikilinks]])
//	words.go      words of a sentence: stem, particle or ending, kind
//	phrase.go     noun phrases, enumerations, relative clauses
//	names.go      a phrase → a name and its aliases ("도커 (Docker)")
//	mention.go    every name a concept is known by, for finding mentions
//	structure.go  headings and items: what a section or list is about
//	titles.go     headings: a concept, a label, a question, a comparison
//	lists.go      list items: terms, kinds, parts, labels
//	sentence.go   a sentence: its subject, then the rule families
//	define.go     definitions
//	hearst.go     kinds and examples (Hearst's patterns, "G에는 X가 있다")
//	verbs.go      verb frames: uses, part_of, … and their objects
//	compare.go    comparisons: titles, sentences, tables, parallel units
//	compound.go   names that end in another concept's name
//	extract.go    concepts and relations → the graph
//
// # Concepts
//
// A concept is named by:
//
//   - a Markdown heading: "## DNS (Domain Name System)", a question
//     heading ("X란?", "What is X?", "X에 대해 설명하세요");
//   - a line that is all bold, the usual heading of hand-written notes:
//     "**도커 (Docker)**";
//   - the bold head of a list item: "- **Recursive DNS 서버**: …";
//   - a list item of the form "Term: description", "Term - description" or
//     "Term = description", or a short item with nested items under it;
//   - an item of a list whose label says what its items are (see Labels);
//     a list written on one line ("1. Broker 2. Controller") is read as
//     the list it numbers; an item that opens with an imperative and its
//     object ("Run `make`", "Create the file") is a step, no concept;
//   - a term of a Term | Description table or a definition list;
//   - a noun phrase that a sentence's rule needs, known before or not: the
//     subject of a definition, a genus, the object of "X를 사용", "uses
//     Y", the items of "such as";
//   - the title and aliases in a note's front matter ("aliases: [k8s]"),
//     or its first heading; an Obsidian [[wikilink]] names the concept of
//     the note it links to ("[[Note|shown]]" is a mention of Note).
//
// A name in parentheses is an alias when it is a translation (Hangul
// outside, Latin inside, or the reverse), an acronym or its expansion, or
// introduced by "or" or "=": "DHCP (Dynamic Host Configuration Protocol)",
// "프로세스(Process)", "장애 요소(SPOF, Single Point Of Failure)",
// "모놀리식(monolithic) 아키텍쳐" (alias "monolithic 아키텍쳐"); so are "also
// called", "also known as", "or simply". Other parentheses qualify and
// are dropped: "Mutex Lock (hardware-based)". A slash between two
// multi-word names gives two concepts: "Root DNS/Local DNS".
//
// Emoji shortcodes (":memo:") decorate and are dropped, as pictographs
// are; words in capitals ("READ COMMITTED", "ORDER BY") are names, not
// cue or function words.
//
// A concept mentioned under any of its names anywhere in the notes is one
// concept. Names are compared NFC-normalised, case-folded and without
// spaces, hyphens, underscores or dots; English plurals, possessives and
// "-er" forms meet ("load balancer", "Load Balance", "CDNs"), and "fork()"
// is fork. Korean particles and suffixes after a name are stripped when
// what remains is a known name: "DNS도", "컨테이너는", "쿠키와는", "세션을"
// and "NoSQL 방식에" mention DNS, 컨테이너, 쿠키, 세션 and NoSQL, while a
// word that merely ends in a particle-like syllable is left alone. "스택
// 영역" is also found as "스택".
//
// A note with front matter, or with one top heading, defines one concept
// (a note of a vault): named by its title, else that heading, else its
// file, with its aliases and file name as other names. Its front-matter
// tags: and the inline #tags of its text are that concept's tags; in a
// note that defines none, inline tags go to the concept of the section
// they stand in.
//
// Organisational headings and labels (Overview, 개요, 정리, 특징,
// References, 목차, 예상 질문 …) are not concepts; what is under them is
// about the concept above.
//
// # Rules
//
// Every relation's evidence names the rule that read it:
//
//	definition       "X is a G that …", "X refers to G", "X: a G", "X는 …
//	                 G이다", "X란 G를 말한다", an item or summary that is
//	                 only a noun phrase; G is the head phrase with clauses
//	                 and complements cut away. A named product or standard
//	                 ("MongoDB", "EC2", "AWS Lambda"; a capitalised name
//	                 whose genus classes software: a tool, platform,
//	                 library, server, 도구, 플랫폼 …) is example_of G,
//	                 anything else type_of G.
//	hearst           "G such as X, Y and Z", "G like X", "G including X",
//	                 "X, Y and other G", "there are N types of G: …", "X, Y
//	                 등의 G", "X와 같은 G", "대표적인 G로는 X", "G에는 X, Y가
//	                 있다"; a count before a colon: "There are three
//	                 outer joins: …" (kinds), "A stack has two
//	                 operations: push and pop" (parts)
//	either-kinds     a class divided by alternatives: "Edges can be
//	                 directed or undirected" (directed edge type_of edge)
//	cue:type_of      "is a kind of", "의 일종", "에 속하는"
//	cue:example_of   "is an example of", "의 예"
//	cue:part_of      "consists of", "contains", "is part of", "로 구성된다",
//	                 "를 포함한다", "의 구성요소"
//	cue:uses         "uses", "relies on", "is built on", "via", "is used
//	                 by", "를 사용/이용/활용", "를 기반으로", "를 통해";
//	                 note style "X는 A와 B 사용", "X -> A 사용"
//	cue:opposite_of  "the opposite of", "의 반대", "와 반대"
//	cue:requires     "requires", "builds on", "를 먼저 알아야"
//	compare          "Unlike A, B …", "A와 달리", "A보다", "compared to",
//	                 "반면"; not "more than one", "instead of polling" or
//	                 "커밋보다 먼저", which compare nothing
//	whereas          two clauses set side by side: "A cookie is … ,
//	                 whereas a session is …" (each clause is also read
//	                 alone, as is each of "X is a G, and Y is a G'")
//	called           "G called X", "a G named X": X, a kind of G
//	compare-title    headings and short sentences: "A vs B", "A와 B의
//	                 차이", "Difference between A and B", "A == B?"
//	compare-table    a table whose header row names the concepts compared
//	table-row        a row of such a table naming what each column's
//	                 concept uses
//	table-examples   an Examples/예시 column: examples of the row's term
//	table-class      a Category/분류 column: what the row's term is (an
//	                 example of it in a table of tools or products)
//	parallel         concepts laid out side by side in one section with the
//	                 same shape: DAS, NAS and SAN; 프로세스 and 스레드
//	label            a list under a label that says what its items are
//	                 (see Labels)
//	item-kind        items under a concept whose name is a classifier
//	item-part        ("CDN 캐싱방식": kinds) or a whole ("3Tier
//	item-example     Architecture": parts), nested items sharing their
//	                 parent's head noun, product names under a kind;
//	                 part_of too for names that spell the parent's
//	                 acronym ("ACID" over Atomicity, Consistency, …)
//	item-examples    a term's description ending in a sentence of names
//	                 alone: "- declarative: … . Terraform, Pulumi"
//	heading-kind     a subsection under a concept: kinds when it shares
//	heading-part     the parent's head noun ("### Push CDNs" under "##
//	heading-example  CDN"), parts or examples when its parent's label or
//	                 head says so
//	colon-list       "G: A, B, C" — kinds or parts of G
//	heading-list     a heading "G - A, B, C" or "G: A, B": kinds (or
//	                 parts, by G's head) of G
//	sum              "X = A + B", "X: A + B" — A and B are X's parts
//	numbered-kind    numbered items or headings under a concept: ways of
//	                 doing it ("1. Stop and Wait" under "흐름 제어")
//	member-of        a genus in or of a whole made of members: "a
//	                 protocol in the Internet protocol suite", "one of the
//	                 components of the control plane" (part_of the whole)
//	name-class       a name written with its class: "the Kerberos
//	                 protocol", "Redis 데이터베이스"
//	compound         a name that ends in another concept's name is a kind
//	                 of it ("Root DNS" type_of "DNS") unless the notes
//	                 place it; a quantifier makes it a user ("멀티 스레드"
//	                 uses "스레드")
//
// A sentence's subject is its topic-marked or sentence-initial noun
// phrase whenever it has one, known before or not; the section's concept
// stands in only when the sentence has none. A denied cue ("사용하지
// 않는다", "does not use", "without") states nothing.
//
// # Labels
//
// A short line, a bold line, a heading or a list item can be a label for
// the list or quote after it. Labels are data, in cues.go:
//
//	장점, Pros, Advantages          the items are the subject's pros
//	단점, Cons, Disadvantages       … its cons
//	종류, 타입, 유형, Types, Kinds    the items are type_of the subject
//	제품, 예시, Products, Examples    the items are example_of the subject
//	구성, 구성요소, 특성, Components  the items are part_of the subject
//	필요기술, Dependencies, Uses      the subject uses the items
//	선수 지식, Prerequisites          the subject requires the items
//	반대개념, Opposite               the subject is opposite_of the items
//	특징, 사용처, Features, Sources   notes about the subject, no structure
//
// A label may name its subject: "가상화 타입", "멀티 프로세스의 장점",
// "Disadvantage(s): replication", "3가지 유형의 프로세스", "프로세스 제어
// 블록(PCB)에 저장되는 정보", "대표적인 NoSQL", "3대 특성 = 캡슐화, 상속,
// 다형성".
//
// # Attributes
//
// The first quote or paragraph after a concept's title is its summary;
// pros and cons lists become its pros and cons, not concepts.
//
// # Errors
//
// A note that is not UTF-8, holds a NUL byte, or has broken front matter is
// skipped with a warning naming the file and line ([Error]); a missing path
// is an error.
//
// Every note is read in time linear in its size. Shapes that no person
// writes at that size, and that would cost goldmark quadratic time, are
// flattened before parsing, each with a warning naming the first line
// where it happened: quotes and lists nested more than 32 deep (deeper
// markers are dropped), lines indented more than 64 columns, "[" nested
// more than 32 deep in a paragraph (deeper ones are read as text), runs of
// more than 1,024 bytes without a space (broken with a space), and more
// than 200 lines without a blank line (one is read in; table rows
// excepted). Front matter is left as it is.
package extract
