// Package extract reads study notes written in Markdown, in Korean, English
// or both, and returns the concepts they name and the typed relations they
// state, each with its evidence (file, line, sentence).
//
// Notes are parsed once with goldmark; the extractor then walks an outline
// of sections, paragraphs, quotes and lists. It reads notes and never
// writes them. [Files] reads every *.md under the given paths; [Notes]
// reads notes already in memory.
//
// # Concepts
//
// A concept is named by:
//
//   - a Markdown heading: "## DNS (Domain Name System)";
//   - a line that is all bold, the usual heading of hand-written notes:
//     "**도커 (Docker)**";
//   - the bold head of a list item: "- **Recursive DNS 서버**: …";
//   - a list item of the form "Term: description", "Term - description" or
//     "Term = description", or a short item with nested items under it;
//   - an item of a list whose label says what its items are (see Labels);
//   - a term written with its translation or acronym, a bold or linked
//     term, an Obsidian [[wikilink]], or a Latin-script term in Korean text
//     ("메모리(Memory)", "key-value", "MongoDB") where a cue phrase needs it;
//   - the title and aliases in a note's front matter ("aliases: [k8s]").
//
// A name in parentheses is an alias when it is a translation (Hangul
// outside, Latin inside, or the reverse), an acronym or its expansion, or
// introduced by "or" or "=": "DHCP (Dynamic Host Configuration Protocol)",
// "프로세스(Process)", "장애 요소(SPOF, Single Point Of Failure)",
// "모놀리식(monolithic) 아키텍쳐" (alias "monolithic 아키텍쳐"). Other
// parentheses qualify and are dropped: "Mutex Lock (hardware-based)". A
// slash between two multi-word names gives two concepts: "Root DNS/Local
// DNS".
//
// A concept mentioned under any of its names anywhere in the notes is one
// concept. Names are compared NFC-normalised, case-folded and without
// spaces, hyphens, underscores or dots; English plurals and "-er" forms
// meet ("load balancer", "Load Balance"). Korean particles and suffixes
// after a name are stripped when what remains is a known name: "DNS도",
// "컨테이너는", "쿠키와는", "세션을" and "NoSQL 방식에" mention DNS, 컨테이너,
// 쿠키, 세션 and NoSQL, while a word that merely ends in a particle-like
// syllable is left alone. "스택 영역" is also found as "스택".
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
// 블록(PCB)에 저장되는 정보", "3대 특성 = 캡슐화, 상속, 다형성". A concept
// whose name ends in a classifier ("CDN 캐싱방식", "동작 알고리즘",
// "Software Solution") has its list items as kinds; one ending in
// "Architecture" or "구조" has them as parts. Nested items of a kinds list
// that share their parent's head noun ("Type-1 가상화" under "하이퍼바이저형
// 가상화") are kinds of it; a product name there ("Docker") is an example.
// The paragraph right before a list may do the same: "**ACID** is a set of
// properties …" makes the bold items parts of ACID.
//
// # Cue phrases
//
// Sentences state relations with cue phrases, one table per language in
// cues.go: Korean postpositions take the concept before them ("X를 사용",
// "X의 일종", "X에 속하는", "X를 구성하는", "X와는 달리", "X보다", "X에
// 비해"), English prepositions the concept after ("uses X", "is a type of
// X", "consists of X", "unlike X", "similar to X"). Enumerations give
// examples and kinds: "대표적으로 Redis 및 LMDB 등이 있다", "Mutex,
// Semaphore 등의 동기화 기법", "Flash 또는 QuickTime과 같은 플러그인",
// "document stores like MongoDB and CouchDB", "such as PostgreSQL and
// Oracle". A clause's topic ("DNS도 …", "mongoDB의 경우 …", "Sharding
// distributes …") is its subject; otherwise the section's concept is. A
// denied cue ("사용하지 않는다", "does not use", "without") states nothing.
// A Korean definition "A는 … B이다" makes A a kind of B.
//
// # Comparisons
//
// Titles compare: "A vs B", "A or B", "A & B", "A와 B", "A와 B의 차이", and
// questions such as "A와 B의 차이에 대하여 설명해보세요". Concepts laid out
// side by side in one section with the same shape (each a definition quote
// and a list, or each with pros and cons; or a pair of like bold-line
// sections) are compared: DAS, NAS and SAN; 프로세스 and 스레드. Three or more
// are compared only where their names look alike (IaaS, PaaS, SaaS), so a
// glossary of unrelated terms is not a comparison; more than six never.
//
// # Compounds
//
// A concept whose name ends in another concept's name is a kind of it
// ("Root DNS" type_of "DNS", "Master-slave replication" type_of
// "Replication"), unless the notes already place it; a quantifier makes it
// a user instead ("멀티 스레드" uses "스레드").
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
