package extract

import (
	"strings"

	"conceptgraph/graph"
)

// Knowledge as data: the phrases that state a relation in a sentence, and
// the words that make a label ("장점", "종류", "Components") govern the list
// under it. Adding a cue is adding a row.

// cueKind says where the related concepts stand around a phrase.
type cueKind uint8

const (
	// cueObject: the concept next to the phrase is the object; the clause's
	// topic (or the section's subject) is the subject. "DNS도 디렉터리
	// 서비스의 일종" gives DNS type_of 디렉터리 서비스.
	cueObject cueKind = iota + 1
	// cueEnum: an enumeration next to the phrase lists members of a class
	// named on the other side (or the subject). "대표적으로 Redis 및 LMDB 등이
	// 있습니다", "document stores like MongoDB and CouchDB".
	cueEnum
	// cuePair: the first concept of the clause before the phrase and the
	// first after it are related. "CHAR …, whereas with VARCHAR …".
	cuePair
)

// side is where the object or enumeration stands relative to the phrase:
// before it for Korean postpositions, after it for English prepositions.
type side uint8

const (
	before side = iota + 1
	after
)

type cue struct {
	lang   string // "ko" or "en"
	phrase string // matched on the lower-cased sentence, at word starts for English
	rel    graph.RelationType
	kind   cueKind
	side   side
	// reverse: the object is the relation's From ("하나 이상의 컨테이너
	// 포함": 컨테이너 part_of subject; "X is the basis for Y": Y uses X).
	reverse bool
	// start: English phrases that only count at the start of a sentence
	// ("Like federation, …"); notStart: those that never do there.
	start, notStart bool
	// known: only concepts already known can be the object; the phrase is
	// too common to make new ones ("데이터(entry)로 저장").
	known bool
}

// cues is every sentence cue. Longer phrases win over shorter ones that
// overlap them ("구조를 가지" over "를 가지").
var cues = []cue{
	// type_of
	{lang: "ko", phrase: "의 일종", rel: graph.TypeOf, kind: cueObject, side: before},
	{lang: "ko", phrase: "의 한 종류", rel: graph.TypeOf, kind: cueObject, side: before},
	{lang: "ko", phrase: "의 한 유형", rel: graph.TypeOf, kind: cueObject, side: before},
	{lang: "ko", phrase: "에 속하는", rel: graph.TypeOf, kind: cueObject, side: before},
	{lang: "ko", phrase: "에 속한", rel: graph.TypeOf, kind: cueObject, side: before},
	{lang: "ko", phrase: "에 속하며", rel: graph.TypeOf, kind: cueObject, side: before},
	{lang: "ko", phrase: "에 속한다", rel: graph.TypeOf, kind: cueObject, side: before},
	{lang: "ko", phrase: "중 하나", rel: graph.TypeOf, kind: cueObject, side: before},
	{lang: "ko", phrase: "중에 하나", rel: graph.TypeOf, kind: cueObject, side: before},
	{lang: "ko", phrase: "중의 하나", rel: graph.TypeOf, kind: cueObject, side: before},
	{lang: "ko", phrase: "의 하위", rel: graph.TypeOf, kind: cueObject, side: before},
	{lang: "en", phrase: "is a type of", rel: graph.TypeOf, kind: cueObject, side: after},
	{lang: "en", phrase: "is a kind of", rel: graph.TypeOf, kind: cueObject, side: after},
	{lang: "en", phrase: "is a form of", rel: graph.TypeOf, kind: cueObject, side: after},
	{lang: "en", phrase: "is a sort of", rel: graph.TypeOf, kind: cueObject, side: after},
	{lang: "en", phrase: "is a subtype of", rel: graph.TypeOf, kind: cueObject, side: after},
	{lang: "en", phrase: "is a subclass of", rel: graph.TypeOf, kind: cueObject, side: after},
	{lang: "en", phrase: "is a special case of", rel: graph.TypeOf, kind: cueObject, side: after},
	{lang: "en", phrase: "are types of", rel: graph.TypeOf, kind: cueObject, side: after},
	{lang: "en", phrase: "are kinds of", rel: graph.TypeOf, kind: cueObject, side: after},
	{lang: "en", phrase: "is one of the", rel: graph.TypeOf, kind: cueObject, side: after},
	{lang: "en", phrase: "is an example of", rel: graph.ExampleOf, kind: cueObject, side: after},
	{lang: "en", phrase: "is an instance of", rel: graph.ExampleOf, kind: cueObject, side: after},
	{lang: "ko", phrase: "의 예", rel: graph.ExampleOf, kind: cueObject, side: before},
	{lang: "ko", phrase: "의 예시", rel: graph.ExampleOf, kind: cueObject, side: before},
	{lang: "ko", phrase: "의 사례", rel: graph.ExampleOf, kind: cueObject, side: before},

	// example_of by enumeration
	{lang: "ko", phrase: "대표적으로", rel: graph.ExampleOf, kind: cueEnum, side: after},
	{lang: "ko", phrase: "예를 들어", rel: graph.ExampleOf, kind: cueEnum, side: after},
	{lang: "ko", phrase: "예를 들면", rel: graph.ExampleOf, kind: cueEnum, side: after},
	{lang: "ko", phrase: "예시로", rel: graph.ExampleOf, kind: cueEnum, side: after},
	{lang: "ko", phrase: "예로는", rel: graph.ExampleOf, kind: cueEnum, side: after},
	{lang: "ko", phrase: "등이 있", rel: graph.ExampleOf, kind: cueEnum, side: before},
	{lang: "ko", phrase: "등이 가장", rel: graph.ExampleOf, kind: cueEnum, side: before},
	{lang: "ko", phrase: "등의", rel: graph.TypeOf, kind: cueEnum, side: before},
	{lang: "ko", phrase: "와 같은", rel: graph.ExampleOf, kind: cueEnum, side: before},
	{lang: "ko", phrase: "과 같은", rel: graph.ExampleOf, kind: cueEnum, side: before},
	{lang: "ko", phrase: "가지 유형", rel: graph.TypeOf, kind: cueEnum, side: before},
	{lang: "ko", phrase: "가지 종류", rel: graph.TypeOf, kind: cueEnum, side: before},
	{lang: "ko", phrase: "가지 모델", rel: graph.TypeOf, kind: cueEnum, side: before},
	{lang: "ko", phrase: "가지 방식", rel: graph.TypeOf, kind: cueEnum, side: before},
	{lang: "ko", phrase: "가지 타입", rel: graph.TypeOf, kind: cueEnum, side: before},
	{lang: "ko", phrase: "가지 방법", rel: graph.TypeOf, kind: cueEnum, side: before},
	{lang: "en", phrase: "such as", rel: graph.ExampleOf, kind: cueEnum, side: after},
	{lang: "en", phrase: "e.g.", rel: graph.ExampleOf, kind: cueEnum, side: after},
	{lang: "en", phrase: "for example", rel: graph.ExampleOf, kind: cueEnum, side: after},
	{lang: "en", phrase: "for instance", rel: graph.ExampleOf, kind: cueEnum, side: after},
	{lang: "en", phrase: "including", rel: graph.ExampleOf, kind: cueEnum, side: after},
	{lang: "en", phrase: "include", rel: graph.ExampleOf, kind: cueEnum, side: after},
	{lang: "en", phrase: "includes", rel: graph.ExampleOf, kind: cueEnum, side: after},
	{lang: "en", phrase: "like", rel: graph.ExampleOf, kind: cueEnum, side: after, notStart: true},
	{lang: "en", phrase: "types of", rel: graph.TypeOf, kind: cueEnum, side: after},
	{lang: "en", phrase: "type of", rel: graph.TypeOf, kind: cueEnum, side: after},
	{lang: "en", phrase: "kinds of", rel: graph.TypeOf, kind: cueEnum, side: after},

	// uses
	{lang: "ko", phrase: "를 사용", rel: graph.Uses, kind: cueObject, side: before},
	{lang: "ko", phrase: "을 사용", rel: graph.Uses, kind: cueObject, side: before},
	{lang: "ko", phrase: "를 이용", rel: graph.Uses, kind: cueObject, side: before},
	{lang: "ko", phrase: "을 이용", rel: graph.Uses, kind: cueObject, side: before},
	{lang: "ko", phrase: "를 활용", rel: graph.Uses, kind: cueObject, side: before},
	{lang: "ko", phrase: "를 함께 사용", rel: graph.Uses, kind: cueObject, side: before},
	{lang: "ko", phrase: "을 함께 사용", rel: graph.Uses, kind: cueObject, side: before},
	{lang: "ko", phrase: "를 적용", rel: graph.Uses, kind: cueObject, side: before},
	{lang: "ko", phrase: "을 적용", rel: graph.Uses, kind: cueObject, side: before},
	{lang: "ko", phrase: "을 활용", rel: graph.Uses, kind: cueObject, side: before},
	{lang: "ko", phrase: "를 통해", rel: graph.Uses, kind: cueObject, side: before},
	{lang: "ko", phrase: "을 통해", rel: graph.Uses, kind: cueObject, side: before},
	{lang: "ko", phrase: "를 통하여", rel: graph.Uses, kind: cueObject, side: before},
	{lang: "ko", phrase: "을 통하여", rel: graph.Uses, kind: cueObject, side: before},
	{lang: "ko", phrase: "를 기반으로", rel: graph.Uses, kind: cueObject, side: before},
	{lang: "ko", phrase: "을 기반으로", rel: graph.Uses, kind: cueObject, side: before},
	{lang: "ko", phrase: "에 기반", rel: graph.Uses, kind: cueObject, side: before},
	{lang: "ko", phrase: "기반", rel: graph.Uses, kind: cueObject, side: before},
	{lang: "ko", phrase: "가 필요", rel: graph.Uses, kind: cueObject, side: before},
	{lang: "ko", phrase: "이 필요", rel: graph.Uses, kind: cueObject, side: before},
	{lang: "ko", phrase: "방식에 따라", rel: graph.Uses, kind: cueObject, side: before},
	{lang: "ko", phrase: "방식으로", rel: graph.Uses, kind: cueObject, side: before},
	{lang: "ko", phrase: "방식을 사용", rel: graph.Uses, kind: cueObject, side: before},
	{lang: "ko", phrase: "구조를 가지", rel: graph.Uses, kind: cueObject, side: before},
	{lang: "ko", phrase: "구조를 갖", rel: graph.Uses, kind: cueObject, side: before},
	{lang: "ko", phrase: "에 의존", rel: graph.Uses, kind: cueObject, side: before},
	{lang: "ko", phrase: "로 저장", rel: graph.Uses, kind: cueObject, side: before, known: true},
	{lang: "ko", phrase: "으로 저장", rel: graph.Uses, kind: cueObject, side: before, known: true},
	{lang: "en", phrase: "uses", rel: graph.Uses, kind: cueObject, side: after},
	{lang: "en", phrase: "use", rel: graph.Uses, kind: cueObject, side: after},
	{lang: "en", phrase: "using", rel: graph.Uses, kind: cueObject, side: after},
	{lang: "en", phrase: "relies on", rel: graph.Uses, kind: cueObject, side: after},
	{lang: "en", phrase: "rely on", rel: graph.Uses, kind: cueObject, side: after},
	{lang: "en", phrase: "built on", rel: graph.Uses, kind: cueObject, side: after},
	{lang: "en", phrase: "built upon", rel: graph.Uses, kind: cueObject, side: after},
	{lang: "en", phrase: "based on", rel: graph.Uses, kind: cueObject, side: after},
	{lang: "en", phrase: "backed by", rel: graph.Uses, kind: cueObject, side: after},
	{lang: "en", phrase: "powered by", rel: graph.Uses, kind: cueObject, side: after},
	{lang: "en", phrase: "runs on", rel: graph.Uses, kind: cueObject, side: after},
	{lang: "en", phrase: "need a", rel: graph.Uses, kind: cueObject, side: after},
	{lang: "en", phrase: "needs a", rel: graph.Uses, kind: cueObject, side: after},
	{lang: "en", phrase: "represented as", rel: graph.Uses, kind: cueObject, side: after},
	{lang: "en", phrase: "implemented with", rel: graph.Uses, kind: cueObject, side: after},
	{lang: "en", phrase: "via", rel: graph.Uses, kind: cueObject, side: after},
	{lang: "en", phrase: "is the basis for", rel: graph.Uses, kind: cueObject, side: after, reverse: true},
	{lang: "en", phrase: "is the basis of", rel: graph.Uses, kind: cueObject, side: after, reverse: true},
	{lang: "en", phrase: "is the foundation of", rel: graph.Uses, kind: cueObject, side: after, reverse: true},
	{lang: "ko", phrase: "의 기반", rel: graph.Uses, kind: cueObject, side: before, reverse: true},

	// part_of
	{lang: "ko", phrase: "를 구성하는", rel: graph.PartOf, kind: cueObject, side: before},
	{lang: "ko", phrase: "을 구성하는", rel: graph.PartOf, kind: cueObject, side: before},
	{lang: "ko", phrase: "의 구성요소", rel: graph.PartOf, kind: cueObject, side: before},
	{lang: "ko", phrase: "의 구성 요소", rel: graph.PartOf, kind: cueObject, side: before},
	{lang: "ko", phrase: "의 일부", rel: graph.PartOf, kind: cueObject, side: before},
	{lang: "ko", phrase: "에 포함", rel: graph.PartOf, kind: cueObject, side: before},
	{lang: "ko", phrase: "의 실행 단위", rel: graph.PartOf, kind: cueObject, side: before},
	{lang: "ko", phrase: "의 단위", rel: graph.PartOf, kind: cueObject, side: before},
	{lang: "ko", phrase: "의 속성", rel: graph.PartOf, kind: cueObject, side: before},
	{lang: "ko", phrase: "포함", rel: graph.PartOf, kind: cueObject, side: before, reverse: true},
	{lang: "ko", phrase: "를 포함", rel: graph.PartOf, kind: cueObject, side: before, reverse: true},
	{lang: "ko", phrase: "을 포함", rel: graph.PartOf, kind: cueObject, side: before, reverse: true},
	{lang: "ko", phrase: "를 가진다", rel: graph.PartOf, kind: cueObject, side: before, reverse: true},
	{lang: "ko", phrase: "을 가진다", rel: graph.PartOf, kind: cueObject, side: before, reverse: true},
	{lang: "ko", phrase: "를 가지고", rel: graph.PartOf, kind: cueObject, side: before, reverse: true},
	{lang: "ko", phrase: "을 가지고", rel: graph.PartOf, kind: cueObject, side: before, reverse: true},
	{lang: "ko", phrase: "를 갖는다", rel: graph.PartOf, kind: cueObject, side: before, reverse: true},
	{lang: "ko", phrase: "을 갖는다", rel: graph.PartOf, kind: cueObject, side: before, reverse: true},
	{lang: "ko", phrase: "로 구성", rel: graph.PartOf, kind: cueObject, side: before, reverse: true},
	{lang: "ko", phrase: "으로 구성", rel: graph.PartOf, kind: cueObject, side: before, reverse: true},
	{lang: "ko", phrase: "로 이루어", rel: graph.PartOf, kind: cueObject, side: before, reverse: true},
	{lang: "ko", phrase: "으로 이루어", rel: graph.PartOf, kind: cueObject, side: before, reverse: true},
	{lang: "en", phrase: "is part of", rel: graph.PartOf, kind: cueObject, side: after},
	{lang: "en", phrase: "are part of", rel: graph.PartOf, kind: cueObject, side: after},
	{lang: "en", phrase: "is a component of", rel: graph.PartOf, kind: cueObject, side: after},
	{lang: "en", phrase: "is a part of", rel: graph.PartOf, kind: cueObject, side: after},
	{lang: "en", phrase: "belongs to", rel: graph.PartOf, kind: cueObject, side: after},
	{lang: "en", phrase: "consists of", rel: graph.PartOf, kind: cueObject, side: after, reverse: true},
	{lang: "en", phrase: "composed of", rel: graph.PartOf, kind: cueObject, side: after, reverse: true},
	{lang: "en", phrase: "made up of", rel: graph.PartOf, kind: cueObject, side: after, reverse: true},
	{lang: "en", phrase: "contains", rel: graph.PartOf, kind: cueObject, side: after, reverse: true},
	{lang: "en", phrase: "contain", rel: graph.PartOf, kind: cueObject, side: after, reverse: true},
	{lang: "en", phrase: "comprises", rel: graph.PartOf, kind: cueObject, side: after, reverse: true},

	// compared_with
	{lang: "ko", phrase: "와는 달리", rel: graph.ComparedWith, kind: cueObject, side: before},
	{lang: "ko", phrase: "과는 달리", rel: graph.ComparedWith, kind: cueObject, side: before},
	{lang: "ko", phrase: "와 달리", rel: graph.ComparedWith, kind: cueObject, side: before},
	{lang: "ko", phrase: "과 달리", rel: graph.ComparedWith, kind: cueObject, side: before},
	{lang: "ko", phrase: "에 비해", rel: graph.ComparedWith, kind: cueObject, side: before},
	{lang: "ko", phrase: "에 비하여", rel: graph.ComparedWith, kind: cueObject, side: before},
	{lang: "ko", phrase: "보다", rel: graph.ComparedWith, kind: cueObject, side: before},
	{lang: "ko", phrase: "랑 다를 바", rel: graph.ComparedWith, kind: cueObject, side: before},
	{lang: "ko", phrase: "와 다를 바", rel: graph.ComparedWith, kind: cueObject, side: before},
	{lang: "ko", phrase: "과 다를 바", rel: graph.ComparedWith, kind: cueObject, side: before},
	{lang: "ko", phrase: "와 다르", rel: graph.ComparedWith, kind: cueObject, side: before},
	{lang: "ko", phrase: "과 다르", rel: graph.ComparedWith, kind: cueObject, side: before},
	{lang: "ko", phrase: "과 거의 같", rel: graph.ComparedWith, kind: cueObject, side: before},
	{lang: "ko", phrase: "와 거의 같", rel: graph.ComparedWith, kind: cueObject, side: before},
	{lang: "ko", phrase: "과 같은 방식", rel: graph.ComparedWith, kind: cueObject, side: before},
	{lang: "ko", phrase: "와 같은 방식", rel: graph.ComparedWith, kind: cueObject, side: before},
	{lang: "ko", phrase: "와 비슷", rel: graph.ComparedWith, kind: cueObject, side: before},
	{lang: "ko", phrase: "과 비슷", rel: graph.ComparedWith, kind: cueObject, side: before},
	{lang: "ko", phrase: "와 유사", rel: graph.ComparedWith, kind: cueObject, side: before},
	{lang: "ko", phrase: "과 유사", rel: graph.ComparedWith, kind: cueObject, side: before},
	{lang: "ko", phrase: "와 비교", rel: graph.ComparedWith, kind: cueObject, side: before},
	{lang: "ko", phrase: "과 비교", rel: graph.ComparedWith, kind: cueObject, side: before},
	{lang: "ko", phrase: "와의 차이", rel: graph.ComparedWith, kind: cueObject, side: before},
	{lang: "ko", phrase: "과의 차이", rel: graph.ComparedWith, kind: cueObject, side: before},
	{lang: "ko", phrase: "데 비해", rel: graph.ComparedWith, kind: cuePair},
	{lang: "ko", phrase: "반면", rel: graph.ComparedWith, kind: cuePair},
	{lang: "en", phrase: "unlike", rel: graph.ComparedWith, kind: cueObject, side: after},
	{lang: "en", phrase: "compared to", rel: graph.ComparedWith, kind: cueObject, side: after},
	{lang: "en", phrase: "compared with", rel: graph.ComparedWith, kind: cueObject, side: after},
	{lang: "en", phrase: "in comparison with", rel: graph.ComparedWith, kind: cueObject, side: after},
	{lang: "en", phrase: "in comparison to", rel: graph.ComparedWith, kind: cueObject, side: after},
	{lang: "en", phrase: "in contrast to", rel: graph.ComparedWith, kind: cueObject, side: after},
	{lang: "en", phrase: "in contrast with", rel: graph.ComparedWith, kind: cueObject, side: after},
	{lang: "en", phrase: "similar to", rel: graph.ComparedWith, kind: cueObject, side: after},
	{lang: "en", phrase: "different from", rel: graph.ComparedWith, kind: cueObject, side: after},
	{lang: "en", phrase: "differs from", rel: graph.ComparedWith, kind: cueObject, side: after},
	{lang: "en", phrase: "versus", rel: graph.ComparedWith, kind: cueObject, side: after},
	{lang: "en", phrase: "like", rel: graph.ComparedWith, kind: cueObject, side: after, start: true},
	{lang: "en", phrase: "whereas", rel: graph.ComparedWith, kind: cuePair},
	{lang: "en", phrase: "instead of", rel: graph.ComparedWith, kind: cuePair},
	{lang: "en", phrase: "rather than", rel: graph.ComparedWith, kind: cuePair},

	// opposite_of
	{lang: "ko", phrase: "와 반대", rel: graph.OppositeOf, kind: cueObject, side: before},
	{lang: "ko", phrase: "과 반대", rel: graph.OppositeOf, kind: cueObject, side: before},
	{lang: "ko", phrase: "의 반대", rel: graph.OppositeOf, kind: cueObject, side: before},
	{lang: "en", phrase: "opposite of", rel: graph.OppositeOf, kind: cueObject, side: after},
	{lang: "en", phrase: "as opposed to", rel: graph.OppositeOf, kind: cueObject, side: after},
	{lang: "en", phrase: "the inverse of", rel: graph.OppositeOf, kind: cueObject, side: after},

	// requires
	{lang: "ko", phrase: "를 먼저 알아야", rel: graph.Requires, kind: cueObject, side: before},
	{lang: "ko", phrase: "을 먼저 알아야", rel: graph.Requires, kind: cueObject, side: before},
	{lang: "ko", phrase: "를 알아야", rel: graph.Requires, kind: cueObject, side: before},
	{lang: "ko", phrase: "을 알아야", rel: graph.Requires, kind: cueObject, side: before},
	{lang: "ko", phrase: "가 선행", rel: graph.Requires, kind: cueObject, side: before},
	{lang: "ko", phrase: "이 선행", rel: graph.Requires, kind: cueObject, side: before},
	{lang: "ko", phrase: "를 선행", rel: graph.Requires, kind: cueObject, side: before},
	{lang: "ko", phrase: "을 선행", rel: graph.Requires, kind: cueObject, side: before},
	{lang: "en", phrase: "requires", rel: graph.Requires, kind: cueObject, side: after},
	{lang: "en", phrase: "require", rel: graph.Requires, kind: cueObject, side: after},
	{lang: "en", phrase: "builds on", rel: graph.Requires, kind: cueObject, side: after},
	{lang: "en", phrase: "build on", rel: graph.Requires, kind: cueObject, side: after},
	{lang: "en", phrase: "prerequisite", rel: graph.Requires, kind: cueObject, side: after},
	{lang: "en", phrase: "depends on", rel: graph.Requires, kind: cueObject, side: after},
}

// labelMode says what a label does to the list or section it heads.
type labelMode uint8

const (
	labelRel    labelMode = iota + 1 // items relate to the subject by rel
	labelPros                        // items are the subject's pros
	labelCons                        // items are the subject's cons
	labelIgnore                      // items are notes about the subject, not concepts
)

type label struct {
	mode labelMode
	rel  graph.RelationType
}

// labels maps a label word (lower case, spaces removed, "(s)" dropped) to
// its meaning. A label may stand alone ("장점"), follow the concept it is
// about ("가상화 타입", "멀티 프로세스의 장점"), or lead it ("Disadvantages:
// replication", "Types of X").
var labels = map[string]label{
	// type_of
	"종류": {labelRel, graph.TypeOf}, "타입": {labelRel, graph.TypeOf}, "유형": {labelRel, graph.TypeOf},
	"분류": {labelRel, graph.TypeOf}, "하위개념": {labelRel, graph.TypeOf}, "type": {labelRel, graph.TypeOf},
	"types": {labelRel, graph.TypeOf}, "kinds": {labelRel, graph.TypeOf}, "categories": {labelRel, graph.TypeOf},
	"variants": {labelRel, graph.TypeOf}, "subtypes": {labelRel, graph.TypeOf}, "typesof": {labelRel, graph.TypeOf},
	// example_of
	"제품": {labelRel, graph.ExampleOf}, "예시": {labelRel, graph.ExampleOf}, "예": {labelRel, graph.ExampleOf},
	"사례": {labelRel, graph.ExampleOf}, "예제": {labelRel, graph.ExampleOf}, "대표제품": {labelRel, graph.ExampleOf},
	"products": {labelRel, graph.ExampleOf}, "examples": {labelRel, graph.ExampleOf}, "instances": {labelRel, graph.ExampleOf},
	"implementations": {labelRel, graph.ExampleOf}, "구현체": {labelRel, graph.ExampleOf},
	// part_of
	"구성": {labelRel, graph.PartOf}, "구성요소": {labelRel, graph.PartOf}, "요소": {labelRel, graph.PartOf},
	"요구조건": {labelRel, graph.PartOf}, "조건": {labelRel, graph.PartOf}, "저장되는정보": {labelRel, graph.PartOf},
	"담긴정보": {labelRel, graph.PartOf}, "포함되는정보": {labelRel, graph.PartOf}, "포함된정보": {labelRel, graph.PartOf}, "구조": {labelRel, graph.PartOf}, "components": {labelRel, graph.PartOf},
	"parts": {labelRel, graph.PartOf}, "elements": {labelRel, graph.PartOf}, "properties": {labelRel, graph.PartOf},
	"structure": {labelRel, graph.PartOf}, "members": {labelRel, graph.PartOf}, "modules": {labelRel, graph.PartOf},
	"모듈": {labelRel, graph.PartOf}, "계층": {labelRel, graph.PartOf}, "layers": {labelRel, graph.PartOf},
	"architecture": {labelRel, graph.PartOf}, "아키텍처": {labelRel, graph.PartOf}, "아키텍쳐": {labelRel, graph.PartOf},
	// uses
	"필요기술": {labelRel, graph.Uses}, "사용기술": {labelRel, graph.Uses}, "기술스택": {labelRel, graph.Uses},
	"의존성": {labelRel, graph.Uses}, "dependencies": {labelRel, graph.Uses}, "uses": {labelRel, graph.Uses},
	"techstack": {labelRel, graph.Uses}, "technologies": {labelRel, graph.Uses}, "tools": {labelRel, graph.Uses},
	"도구": {labelRel, graph.Uses},
	// requires
	"선수지식": {labelRel, graph.Requires}, "선행개념": {labelRel, graph.Requires}, "선행지식": {labelRel, graph.Requires},
	"사전지식": {labelRel, graph.Requires}, "선수개념": {labelRel, graph.Requires}, "선수과목": {labelRel, graph.Requires},
	"prerequisites": {labelRel, graph.Requires}, "prerequisite": {labelRel, graph.Requires}, "requires": {labelRel, graph.Requires},
	"requirements": {labelRel, graph.Requires}, "background": {labelRel, graph.Requires},
	// compared_with
	"비교": {labelRel, graph.ComparedWith}, "비교대상": {labelRel, graph.ComparedWith}, "comparison": {labelRel, graph.ComparedWith},
	"compare": {labelRel, graph.ComparedWith}, "comparewith": {labelRel, graph.ComparedWith}, "vs": {labelRel, graph.ComparedWith},
	"alternatives": {labelRel, graph.ComparedWith}, "대안": {labelRel, graph.ComparedWith},
	// opposite_of
	"반대개념": {labelRel, graph.OppositeOf}, "반대": {labelRel, graph.OppositeOf}, "반의어": {labelRel, graph.OppositeOf},
	"opposite": {labelRel, graph.OppositeOf}, "antonym": {labelRel, graph.OppositeOf}, "opposites": {labelRel, graph.OppositeOf},
	// pros and cons
	"장점": {mode: labelPros}, "이점": {mode: labelPros}, "장점은": {mode: labelPros}, "pros": {mode: labelPros},
	"advantage": {mode: labelPros}, "advantages": {mode: labelPros}, "benefits": {mode: labelPros}, "strengths": {mode: labelPros},
	"reasonsfor": {mode: labelPros},
	"단점":         {mode: labelCons}, "한계": {mode: labelCons}, "문제점": {mode: labelCons}, "단점은": {mode: labelCons},
	"cons": {mode: labelCons}, "disadvantage": {mode: labelCons}, "disadvantages": {mode: labelCons},
	"drawbacks": {mode: labelCons}, "limitations": {mode: labelCons}, "weaknesses": {mode: labelCons},
	// notes about the subject
	"특성": {labelRel, graph.PartOf}, "특징": {mode: labelIgnore}, "사용처": {mode: labelIgnore}, "작동원리": {mode: labelIgnore},
	"동작원리": {mode: labelIgnore}, "원리": {mode: labelIgnore}, "이용방법": {mode: labelIgnore}, "사용법": {mode: labelIgnore},
	"사용방법": {mode: labelIgnore}, "방법": {mode: labelIgnore}, "참고": {mode: labelIgnore}, "참고자료": {mode: labelIgnore},
	"출처": {mode: labelIgnore}, "reference": {mode: labelIgnore}, "references": {mode: labelIgnore},
	"source": {mode: labelIgnore}, "sources": {mode: labelIgnore}, "furtherreading": {mode: labelIgnore},
	"sourceandfurtherreading": {mode: labelIgnore}, "seealso": {mode: labelIgnore}, "notes": {mode: labelIgnore},
	"정리": {mode: labelIgnore}, "요약": {mode: labelIgnore}, "summary": {mode: labelIgnore}, "features": {mode: labelIgnore},
	"characteristics": {mode: labelIgnore}, "example": {mode: labelIgnore}, "유무": {mode: labelIgnore},
	"과정": {mode: labelIgnore}, "절차": {mode: labelIgnore}, "결과": {mode: labelIgnore}, "이유": {mode: labelIgnore},
	"용도": {mode: labelIgnore}, "usage": {mode: labelIgnore}, "usecases": {mode: labelIgnore}, "tableofcontents": {mode: labelIgnore},
	"목차": {mode: labelIgnore}, "contents": {mode: labelIgnore}, "네가지조합": {mode: labelIgnore}, "조합": {mode: labelIgnore},
	"sampledata": {mode: labelIgnore}, "questions": {mode: labelIgnore}, "질의응답": {mode: labelIgnore}, "faq": {mode: labelIgnore},
}

// numbered labels: "3대 특성", "4가지 요소", "세가지 요구조건" make their items
// parts of the subject.
var numberedParts = []string{"특성", "요소", "원칙", "구성요소", "요구조건", "조건", "기둥", "속성"}

// classifierHeads end the names of concepts whose list items are kinds of
// them: "CDN 캐싱방식", "동작 알고리즘", "Software Solution".
var classifierHeads = []string{
	"방식", "기법", "알고리즘", "전략", "패턴", "solution", "solutions", "algorithm", "algorithms", "method", "methods",
	"technique", "techniques", "strategy", "strategies", "pattern", "patterns", "approaches", "해결책", "해결방법",
	"policy", "policies", "정책", "모델", "models", "protocols", "프로토콜들",
}

// wholeHeads end the names of concepts whose list items are their parts:
// "3Tier Architecture", "…의 구조".
var wholeHeads = []string{"architecture", "아키텍처", "아키텍쳐", "구조", "system", "시스템", "framework", "프레임워크", "플랫폼", "platform"}

// referenceLabels head lists of references: their links are sources, not
// concepts.
var referenceLabels = map[string]bool{
	"참고": true, "참고자료": true, "출처": true, "reference": true, "references": true, "source": true, "sources": true,
	"furtherreading": true, "sourceandfurtherreading": true, "seealso": true, "tableofcontents": true, "목차": true, "contents": true,
}

// qualitySuffixes end the names of qualities ("탄력성", "유지 관리 효율"),
// which describe a thing rather than being parts of it.
var qualitySuffixes = []string{"성", "효율", "효과"}

// quantifierPrefixes make a compound mean "many X", which uses X rather than
// being a kind of X: "멀티 스레드", "multi-process".
var quantifierPrefixes = []string{"멀티", "multi", "다중", "복수", "many", "single", "단일", "싱글"}

// labelKey normalises a label word for the labels table.
func labelKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = labelNoise.Replace(s)
	return strings.TrimRight(s, "?!.")
}

var labelNoise = strings.NewReplacer("(s)", "", "(es)", "", " ", "", "\t", "", ":", "", "：", "", "*", "", "-", "", "_", "")

// compareWords mark a title as a comparison: "A와 B의 차이", "A vs B".
var compareWords = []string{"의 차이", "의 차이점", "의 다른점", "의 다른 점", "의 비교", "비교", "차이", "differences between", "difference between", "comparison of"}
