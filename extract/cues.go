package extract

import (
	"slices"
	"strings"
	"unicode/utf8"

	"conceptgraph/graph"
)

// Knowledge as data. Every word a rule reads is in a table here: the
// endings of Korean words, the function words of both languages, the
// phrases that state each relation, the labels that govern a list, the
// nouns that name classes. They are general words of the two languages
// and of note-taking, never the names of topics. Adding a cue is adding a
// row.

// wordEndings are the Korean endings words.go cuts off a word, longest
// first (the table is sorted when the program starts).
var wordEndings = func() []ending {
	var es []ending
	add := func(kind endKind, after byte, list string) {
		for _, s := range strings.Fields(list) {
			es = append(es, ending{s: s, kind: kind, after: after})
		}
	}
	// Verb forms first: they end words that a particle would misread
	// ("하는" is not 하 and 는).
	add(endPredicate, 0, `하다 되다 한다 된다 했다 됐다 있다 없다 같다 진다 준다 시킨다 합니다 됩니다 있습니다 없습니다 했습니다 됐습니다
		한다고 된다고 했음 됐음 있음 없음 같음 함 됨 하였다 되었다 하였음 되었음 해야 되어야 해야함 해야한다
		하며 되며 하고 되고 하여 되어 해서 돼서 하면 되면 하지만 되지만 하는데 되는데 하므로 되므로 하도록 되도록
		하기 되기 하게 되게 시키며 시키고 시켜 시킨 있으며 없으며 있고 없고 있어 없어 있지만 없지만 있는데 없는데
		있으므로 없으므로 있어서 없어서 가능 가능함 가능하다 불가 불가능 필요 필요함 필요하다 용이
		위해 위하여 통해 통하여 대해 대하여 의해 의하여 따라 관해 인해 비해 달리 반해 함께 비하여 위해서 위해선 통해서 대해서 없이`)
	add(endModifier, 0, `하는 되는 있는 없는 시키는 하던 되던 위한 대한 통한 의한 관한 인한 따른 같은 다른 많은 적은
		높은 낮은 좋은 작은 짧은 넓은 깊은 받는 주는 갖는 가지는 가진 나누는 보내는 만드는 만든 쓰는 보이는 담는
		찾는 맞는 막는 잇는 읽는 넣는 놓는 받은 얻은 새로운 어려운 쉬운 빠른 느린 적인 할 될 된 한 진 아닌 큰 긴
		알려진 만들어진 이루어진 주어진 정해진 나뉜 묶인 쓰인 놓인 담긴 불리는 같이 인 중인 중일
		나온 나오는 생긴 생기는 지닌 지니는 바뀐 바뀌는`)
	add(endCopula, 0, `이다 입니다 이었다 이며 이고 이지만 인데 이므로 이기에 이라서 이었음 이에요 이죠 이라고도
		라고도 이니 임`)
	add(endCopula, 'v', `였다 예요 라서`)
	add(endTopic, 'c', `은 이란 으로는 으로도 이라면`)
	add(endTopic, 'v', `는 란 라면`)
	add(endTopic, 'l', `로는 로도`)
	add(endTopic, 0, `에서는 에서도 에는 에도 도 께서는 끼리는`)
	add(endSubject, 'c', `이 만이`)
	add(endSubject, 'v', `가`)
	add(endSubject, 0, `께서`)
	add(endObject, 'c', `을 만을`)
	add(endObject, 'v', `를`)
	add(endOf, 0, `의 에서의 에의`)
	add(endOf, 'c', `으로의`)
	add(endOf, 'l', `로의`)
	add(endAnd, 'c', `과 과는 과도 과의 이랑 이나`)
	add(endAnd, 'v', `와 와는 와도 와의 랑 나`)
	add(endAnd, 0, `뿐만 뿐 뿐만이`)
	add(endAdverb, 0, `에 에서 에게 에게서 에서부터 한테 께 부터 까지 보다 보다는 처럼 만큼 마다 만 조차 마저 보다도 중에 중에서 중 끼리`)
	add(endAdverb, 'c', `으로 으로서 으로써 으로부터`)
	add(endAdverb, 'l', `로 로서 로써 로부터`)
	add(endQuote, 'c', `이라는 이라고 이라 불리는`)
	add(endQuote, 'v', `라는 라고 라 불리는`)
	for i := range es {
		// A verb form or copula needs a stem of at least one rune;
		// "한" and "된" need two ("권한" is a noun).
		switch es[i].s {
		case "한", "된", "할", "될":
			es[i].minStem = 2
		case "중":
			// "실행중", "사용중"; but "이중", "다중", "집중", "비중" are
			// nouns.
			es[i].minStem = 2
		case "진":
			// "주어진", "알려진"; but "이진", "엔진" are nouns.
			es[i].minStem = 2
		case "인":
			es[i].minStem = 2
		}
	}
	slices.SortStableFunc(es, func(a, b ending) int {
		return utf8.RuneCountInString(b.s) - utf8.RuneCountInString(a.s)
	})
	return es
}()

// endingsByLast holds wordEndings by their last rune, in the same order,
// so a word is matched only against the endings it can end in.
var endingsByLast = func() map[rune][]ending {
	m := map[rune][]ending{}
	for _, e := range wordEndings {
		r, _ := utf8.DecodeLastRuneInString(e.s)
		m[r] = append(m[r], e)
	}
	return m
}()

// nounTails end Korean nouns that look as if they ended in one of the
// endings above: "속도" is not 속 and 도, "결과" not 결 and 과.
var nounTails = strings.Fields(`속도 정도 온도 밀도 빈도 강도 제도 지도 의도 용도 한도 각도 척도 시도 태도 뢰도 요도 잡도 포도
	회로 도로 결과 성과 통과 정의 회의 주의 논의 합의 동의 강의 길이 높이 깊이 넓이 하나 타임 사이 차이 아이 창고 광고 참고
	평가 대가 요구 안테나 핸들 번들 마이크로 매크로 플로 프라 트라 메라 프로 인트로 레트로 메트로 제로 히어로 엔진 마진 처음 다음 마음 매거진 집중 도중 공중 한중 일중
	도메인 체인 라인 플러그인 로그인 디자인 파이프라인 메인 오프라인 온라인 브레인 코인 가이드라인 타임라인 헤드라인
	창고 광고 참고 최고 사고 재고 보고 경고 신고 원고 화면 측면 표면 전면 단면 장면 방면 국면 무게 가게
	웨어 디어 레이어 바이어 아이디어 미디어 에어 리어 코어 피어 이해 방해 피해 손해 분해 침해 오해
	게임 레임 네임 모임 스킴 드림 크림 라임`)

// verbTails end Korean verb forms the table above does not list: a word
// ending so is a predicate, never a noun ("없애고자", "나누면서").
var verbTails = strings.Fields(`해 않음 않다 않는다 않고 않아 않습니다 고 며 면 게 받아 받아서 나누어 넣어 찾아 담아 읽어 맞아 놓아 알아 만들어 이루어 바꾸어 합쳐
	모아 나눠 한가 는가 할까 을까 는지 은지 하자 보자 고자 려고 면서 어서 아서 지만 는데 니까 도록 으며 으면 으나 거나 든지 기에 습니다 ㅂ니다 니다 어요 아요
	해요 워요 네요 군요 세요 었다 았다 겠다 었음 았음 겠음 했고 됐고 해서 돼서 해야 되어 하여 시켜 인가 인가요 는가 을까 일까 나요`)

// endsInVerb reports whether a Korean word ends like a verb form: a
// declarative "…다", a polite "…요", or one of verbTails.
func endsInVerb(t string) bool {
	if utf8.RuneCountInString(t) < 2 {
		return false
	}
	for _, v := range verbTails {
		if strings.HasSuffix(t, v) {
			return true
		}
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	return (last == '다' || last == '요') && !endsInNoun(t, "")
}

// endsInNoun reports whether t ends in one of nounTails, longer than the
// ending e that would be cut off it.
func endsInNoun(t, e string) bool {
	for _, n := range nounTails {
		if len(n) > len(e) && strings.HasSuffix(t, n) {
			return true
		}
	}
	return false
}

// fnKind is the part a function word plays in a sentence.
type fnKind uint8

const (
	fnDet     fnKind = iota + 1 // a, the, this, 이, 그, 모든, 각
	fnPrep                      // of, in, for, by
	fnConj                      // and, or, 및, 또는
	fnPronoun                   // it, they, 이것
	fnAux                       // is, can, will, has
	fnWh                        // which, that, who, where
	fnAdverb                    // usually, also, 매우, 주로
	fnNeg                       // not, never, 않, 못
	fnEtc                       // etc, 등
)

// functionWords are the closed classes of both languages: a phrase never
// runs through them.
var functionWords = func() map[string]fnKind {
	m := map[string]fnKind{}
	add := func(k fnKind, list string) {
		for _, w := range strings.Fields(list) {
			m[w] = k
		}
	}
	add(fnDet, `a an the this these that those each every some any all both no its their our your his her my such
		another other others many much more most few several various certain same one two three four five six seven eight nine ten
		first second third last next previous own multiple numerous
		이 그 저 이런 그런 저런 이러한 그러한 저러한 모든 각 각각 여러 다양한 해당 어떤 본 두 세 네 다섯 한 몇 전체 일부 모두의
		하나 둘 셋 넷 일부의 대부분의 특정 일정 임의 기존 기본 여러개 여러가지 몇개 한개 두개 세개 몇몇`)
	add(fnPrep, `of in on at for with by from to into onto over under between through via about against among across
		without within during before after since until upon per than as like unlike toward towards around behind beyond
		inside outside along throughout near
		대신 사이 사이의 안 안에 안의 밖 내 내에 내의 외 외에 간 간의 앞 뒤 옆 전 후 이상 이하 이후 이전 이내`)
	add(fnConj, `and or but nor yet so whereas while although though because if unless whether
		및 또는 혹은 그리고 그러나 하지만 그런데 또 그래서 따라서 그러므로 즉 반면 반면에 다만 단`)
	add(fnPronoun, `it they them we you he she i me us one's itself themselves something anything everything nothing
		이것 그것 저것 이들 그들 우리 여기 거기 것 곳 때 수 점 바 자체 자신 스스로`)
	add(fnAux, `is are was were be been being am has have had do does did can could will would shall should may might must
		isn't aren't wasn't weren't don't doesn't didn't can't cannot couldn't won't wouldn't shouldn't also`)
	add(fnWh, `which who whom whose where when what why how`)
	add(fnAdverb, `usually commonly generally typically often always never sometimes mostly mainly primarily largely
		very quite rather too also just only even still already then there here now thus hence therefore however
		instead especially particularly namely below above simply really actually basically essentially normally frequently rarely
		widely highly fully easily quickly directly automatically further again not best better most least
		매우 가장 주로 보통 항상 자주 모두 또한 특히 단순히 다시 먼저 이미 아직 더 덜 잘 곧 바로 직접 미리 대부분
		훨씬 더욱 조금 약간 꽤 상당히 아주 너무 정말 현재 이제 지금 나중에 동시에 각자 서로 만약 만일 혹시 모두
		일반적으로 기본적으로 대표적으로 주로 흔히 많이 크게 쉽게 빠르게 따로 서로 함께 같이 별도로 계속 다음 아래 위
		원래 그냥 똑같이 딱 아예 거의 전혀 사실 사실상 실제로 대개 알아서 자동으로 내부적으로 외부적으로 주기적으로 동적으로 정적으로`)
	add(fnNeg, `not no never none neither 않 못 안 없이`)
	add(fnEtc, `etc 등 등등 등의 등이 등을 등과 등에 등은 등도 등으로`)
	return m
}()

// fn returns the function word kind of w (lower case), or 0.
func fn(w string) fnKind { return functionWords[w] }

// relative words open an English clause that modifies the noun before:
// the genus of a definition ends before them.
var relativeWords = map[string]bool{"which": true, "that": true, "who": true, "whom": true, "whose": true, "where": true, "when": true}

// sentenceOpeners open a Korean or English sentence before its subject.
var sentenceOpeners = map[string]bool{
	"또한": true, "그리고": true, "특히": true, "만약": true, "만일": true, "혹시": true, "하지만": true, "그러나": true, "반면": true, "반면에": true, "따라서": true,
	"즉": true, "한편": true, "또": true, "결국": true, "보통": true, "일반적으로": true, "기본적으로": true, "주로": true,
	"참고로": true, "이때": true, "그래서": true, "그러므로": true, "단": true, "다만": true,
	"also": true, "however": true, "thus": true, "hence": true, "therefore": true, "so": true, "then": true, "and": true,
	"but": true, "in": true, "generally": true, "typically": true, "usually": true, "basically": true, "essentially": true,
	"precisely": true, "similarly": true, "finally": true, "first": true, "second": true, "moreover": true, "furthermore": true,
}

// A cue is a phrase that states a relation. Where its concepts stand:
type cueKind uint8

const (
	// cueObject: one concept is the phrase's object (before a Korean
	// postposition, after an English verb), the other the clause's
	// subject. "DNS는 UDP를 사용한다", "DNS uses UDP".
	cueObject cueKind = iota + 1
	// cueEnum: the phrase introduces members of a class (Hearst's
	// patterns). "databases such as MySQL and PostgreSQL", "Redis, LMDB
	// 등의 인메모리 DB".
	cueEnum
	// cuePair: the first concept of the clause before the phrase and the
	// first after it. "BFS uses a queue while DFS uses a stack".
	cuePair
	// cueAlias: the phrase gives another name of the subject. "also
	// known as", "라고도 한다".
	cueAlias
	// cuePassive: "Y is used by X": the object is the user.
	cuePassive
	// cueUsedFor: "X is used for Y", "X에 사용된다": Y uses the subject.
	cueUsedFor
)

// side is where the object or enumeration stands relative to the phrase.
type side uint8

const (
	before side = iota + 1 // Korean postpositions: "X를 사용"
	after                  // English verbs and prepositions: "uses X"
)

type cue struct {
	lang   string // "ko" or "en"
	phrase string // matched on the lower-cased sentence, at word boundaries for English
	rel    graph.RelationType
	kind   cueKind
	side   side
	// reverse: the object is the relation's From ("X로 구성된다": X
	// part_of the subject; "contains X": X part_of the subject).
	reverse bool
	// start: the phrase only counts at the start of a sentence ("Like
	// X, …"); notStart: never there.
	start, notStart bool
	// known: only a concept already known can be the object.
	known bool
	// weak: a new object must read strongly as a name (several words,
	// Latin script, a mark): the phrase is common with plain nouns
	// ("… 데이터를 통해").
	weak bool
	// shared: the phrase is a verb alone whose object is that of the verb
	// coordinated before it: "컨테이너를 만들고 사용할 수 있다" uses
	// 컨테이너 (see sharedObject).
	shared bool
	// owner: the phrase names a problem and its remedy, and the object
	// owns the problem, written with "의" before it: "RDB의 확장성 이슈를
	// 해결하기 위해 나온" compares with RDB (see problemOwner).
	owner bool
	// many: the phrase is common, and counts only before three objects
	// or more: "Every commit has a hash, an author and a message".
	many bool
	rule string // the rule name evidence carries
}

// cues is every sentence cue. Longer phrases win over shorter ones that
// overlap them ("의 일종" over "의").
var cues = func() []cue {
	var cs []cue
	ko := func(rel graph.RelationType, kind cueKind, s side, reverse bool, rule string, list ...string) {
		for _, p := range list {
			cs = append(cs, cue{lang: "ko", phrase: p, rel: rel, kind: kind, side: s, reverse: reverse, rule: rule})
		}
	}
	en := func(rel graph.RelationType, kind cueKind, s side, reverse bool, rule string, list ...string) {
		for _, p := range list {
			cs = append(cs, cue{lang: "en", phrase: p, rel: rel, kind: kind, side: s, reverse: reverse, rule: rule})
		}
	}
	// type_of: "X is a kind of G", "X는 G의 일종".
	ko(graph.TypeOf, cueObject, before, false, "cue:type_of", "의 일종", "의 한 종류", "의 한 유형", "의 종류", "의 유형",
		"에 속하는", "에 속한", "에 속하며", "에 속한다", "에 속함", "에 속하",
		"중 하나", "중에 하나", "중의 하나", "의 하나", "의 하위", "의 한 형태", "의 변형이", "의 변형인", "의 변형")
	en(graph.TypeOf, cueObject, after, false, "cue:type_of", "is a type of", "is a kind of", "is a form of", "is a sort of",
		"is a subtype of", "is a subclass of", "is a special case of", "is a variant of", "is a variation of", "is a category of",
		"are types of", "are kinds of", "are forms of", "is one of the", "are one of the", "is a specific type of",
		"is a particular kind of", "is a specialized form of", "is a specialised form of", "a type of", "a kind of", "a form of",
		"is a piece of", "a piece of")
	en(graph.ExampleOf, cueObject, after, false, "cue:example_of", "is an example of", "is an instance of", "are examples of",
		"is an implementation of", "implements", "is a popular", "is one example of")
	ko(graph.ExampleOf, cueObject, before, false, "cue:example_of", "의 예", "의 예시", "의 사례", "의 구현체", "의 대표적인 예")

	// Kinds and examples: Hearst's patterns.
	ko(graph.ExampleOf, cueEnum, after, false, "hearst", "대표적으로", "예를 들어", "예를 들면", "예시로", "예로는", "예로", "ex)", "eg)", "예)")
	ko(graph.ExampleOf, cueEnum, before, false, "hearst", "등이 있", "등이 가장", "등이 대표적", "가 대표적", "이 대표적", "등을 들 수", "등의", "등과 같은",
		"와 같은", "과 같은", "같은", "등 다양한", "등 여러", "등 대부분의", "등 많은", "등 모든", "등 주요")
	ko(graph.TypeOf, cueEnum, before, false, "hearst", "가지 유형", "가지 종류", "가지 모델", "가지 방식", "가지 타입", "가지 방법",
		"가지 기법", "가지 형태", "가지가 있")
	en(graph.ExampleOf, cueEnum, after, false, "hearst", "such as", "e.g.", "e.g", "eg.", "for example", "for instance", "including",
		"include", "includes", "like", "especially", "in particular", "namely", "ex:", "ex.", "eg:")
	en(graph.TypeOf, cueEnum, after, false, "hearst", "types of", "type of", "kinds of", "kind of", "forms of", "categories of")
	en(graph.ExampleOf, cueEnum, before, false, "hearst", "and other", "or other", "and many other", "among other")
	// "A very common example is Memcached or Couchbase": examples of what
	// the text is about.
	en(graph.ExampleOf, cueEnum, after, false, "hearst", "example is", "examples are", "example would be", "examples would be")

	// uses
	ko(graph.Uses, cueObject, before, false, "cue:uses", "를 사용", "을 사용", "를 이용", "을 이용", "를 활용", "을 활용",
		"를 함께 사용", "을 함께 사용", "를 적용", "을 적용", "를 통해", "을 통해", "를 통하여", "을 통하여", "를 통한", "을 통한",
		"를 기반으로", "을 기반으로", "를 바탕으로", "을 바탕으로", "에 기반", "기반으로", "기반의", "기반", "를 필요로", "을 필요로",
		"가 필요", "이 필요", "에 의존", "를 채택", "을 채택", "를 도입", "을 도입", "를 쓴", "을 쓴", "를 쓰", "을 쓰",
		"로 저장", "으로 저장", "를 사용하여", "을 사용하여", "를 이용하여", "을 이용하여", "를 갖춘", "을 갖춘", "로 구현", "으로 구현",
		"방식에 따라", "방식으로", "방식의", "구조의", "구조를 가지", "구조를 갖", "구조를 가진", "구조로", "구조를 가지고 있", "구조를 갖고 있",
		"를 실시", "을 실시", "를 수행", "을 수행", "로 통신", "으로 통신", "로 동작", "으로 동작", "를 씀", "을 씀",
		"위에 만들어", "위에 구축", "위에서 동작", "위에서 돌아", "를 썼", "을 썼", "를 경유", "을 경유", "경유",
		"로 만들어짐", "으로 만들어짐", "로 만들어졌", "으로 만들어졌", "로 만들어진", "으로 만들어진", "로 만듦", "으로 만듦",
		"로 작성된", "으로 작성된", "로 작성됨", "으로 작성됨", "로 작성되", "으로 작성되")
	en(graph.Uses, cueObject, after, false, "cue:uses", "uses", "use", "using", "used", "relies on", "rely on", "relying on",
		"is built on", "are built on", "built on", "built upon", "built on top of", "is based on", "are based on", "based on",
		"backed by", "powered by", "runs on", "run on", "running on", "leverages", "leverage", "leveraging",
		"is implemented with", "implemented with", "is implemented using", "implemented using", "implemented by",
		"works over", "works on top of", "operates over", "runs over", "run over", "running over", "via", "through", "makes use of", "make use of", "employs", "employ",
		"utilizes", "utilises", "utilize", "needs a", "needs an", "need a", "requires a", "requires an", "depends on", "depend on",
		"is represented as", "represented as", "is powered by", "implemented on top of", "implemented on", "mapped onto", "maps onto", "layered on", "on top of", "with the help of", "by means of",
		"written in", "is written in", "implemented in", "is implemented as", "are implemented as", "implemented as")
	en(graph.ComparedWith, cueObject, after, false, "compare", "than", "and not", "but not")
	en(graph.Uses, cuePassive, after, false, "cue:uses", "is used by", "are used by", "used by", "is relied on by")
	// "is (very) commonly used in/for/by": adverbs between.
	for _, adv := range []string{"commonly", "very commonly", "widely", "often", "usually", "mostly", "primarily", "generally",
		"typically", "frequently", "most commonly", "mainly", "also"} {
		for _, be := range []string{"is", "are"} {
			en(graph.Uses, cuePassive, after, false, "cue:uses", be+" "+adv+" used by")
			en(graph.Uses, cueUsedFor, after, false, "cue:uses", be+" "+adv+" used in", be+" "+adv+" used for", be+" "+adv+" used to implement",
				be+" "+adv+" used to build")
		}
	}
	en(graph.Uses, cueUsedFor, after, false, "cue:uses", "is used for", "are used for", "is commonly used for", "is mostly used for",
		"is most commonly used for", "is often used for", "are often used for", "is used in", "are used in", "is widely used in",
		"is widely used for", "is used to implement", "are used to implement", "used to implement", "is used to build",
		"are used to build", "is the basis for", "is the basis of", "is the foundation of", "serves as the basis for")
	// "DNS와 스트리밍에서 주로 사용된다": adverbs between.
	for _, adv := range []string{"주로", "많이", "흔히", "널리", "자주", "보통", "일반적으로", "대표적으로", "특히", "가장 많이"} {
		for _, v := range []string{"사용되", "사용된", "쓰이", "쓰인", "이용되", "활용되"} {
			ko(graph.Uses, cueUsedFor, before, false, "cue:uses", "에서 "+adv+" "+v, "에 "+adv+" "+v)
		}
	}
	ko(graph.Uses, cueUsedFor, before, false, "cue:uses", "에서 사용되", "에 사용되", "에서 사용된", "에 사용된", "에서 사용됨",
		"에 사용됨", "에서 쓰이", "에 쓰이", "에서 쓰인", "에 쓰인", "에서 이용되", "에 이용되", "에서 활용되", "에 활용되", "의 기반",
		"에서 사용합니다", "에 사용합니다", "에 사용한다", "에서 사용한다")

	// part_of
	ko(graph.PartOf, cueObject, before, false, "cue:part_of", "를 구성하는", "을 구성하는", "를 구성한다", "을 구성한다", "를 구성합니다", "을 구성합니다", "를 구성함", "을 구성함", "의 구성요소이", "의 구성요소인", "의 구성요소로", "의 구성 요소이",
		"의 일부이", "의 일부인", "의 일부로", "의 일부분이", "의 일부분인", "에 포함", "의 속성", "의 요소이", "의 요소인",
		"의 구성원", "의 부분이")
	ko(graph.PartOf, cueObject, before, true, "cue:part_of", "를 포함", "을 포함", "포함", "를 가진다", "을 가진다", "를 갖는다", "을 갖는다", "를 가지고 있", "을 가지고 있",
		"로 구성", "으로 구성", "로 이루어", "으로 이루어",
		"로 나뉘", "으로 나뉘", "로 나뉩", "으로 나뉩", "로 나뉜다", "으로 나뉜다", "로 나뉨", "으로 나뉨", "가 들어있", "이 들어있", "가 들어 있", "이 들어 있", "가 들어가", "이 들어가",
		"를 담고", "을 담고", "로 나눌 수 있", "으로 나눌 수 있",
		"로 분류", "으로 분류")
	en(graph.PartOf, cueObject, after, false, "cue:part_of", "is part of", "are part of", "is a component of", "are components of",
		"is a part of", "is a member of", "are members of", "belongs to", "belong to", "is an element of", "is a step of",
		"is a phase of", "is a stage of", "is an operation of", "are parts of", "is a piece of the", "is a piece of a", "is a piece of an")
	en(graph.PartOf, cueObject, after, true, "cue:part_of", "consists of", "consist of", "consisting of", "composed of",
		"is composed of", "made up of", "is made up of", "is made of", "are made of", "contains", "contain", "containing", "comprises", "comprise",
		"comprising", "is divided into", "are divided into", "is split into", "are split into", "is partitioned into",
		"are partitioned into", "is broken into", "are broken into", "has two", "has three", "has four", "has several", "stands for")
	for _, p := range []string{"has", "have", "has a", "has an", "have a"} {
		cs = append(cs, cue{lang: "en", phrase: p, rel: graph.PartOf, kind: cueObject, side: after, reverse: true, many: true, rule: "cue:part_of"})
	}

	// compared_with
	ko(graph.ComparedWith, cueObject, before, false, "compare", "와는 달리", "과는 달리", "와 달리", "과 달리", "에 비해", "에 비하여",
		"보다", "랑 다를 바", "와 다를 바", "과 다를 바", "와 다르", "과 다르", "과 거의 같", "와 거의 같", "과 같은 방식",
		"와 같은 방식", "와 비슷", "과 비슷", "와 유사", "과 유사", "와 비교", "과 비교", "와의 차이", "과의 차이",
		"와 마찬가지로", "과 마찬가지로", "처럼 동작", "을 개선한", "를 개선한",
		"와 동일", "과 동일", "과 같음", "와 같음", "와 반대로", "과 반대로", "를 대체", "을 대체", "의 후속", "의 대안")
	ko(graph.ComparedWith, cuePair, 0, false, "compare", "데 비해", "반면", "반면에")
	en(graph.ComparedWith, cueObject, after, false, "compare", "unlike", "compared to", "compared with", "in comparison with",
		"in comparison to", "in contrast to", "in contrast with", "similar to", "different from", "differs from", "versus",
		"vs", "vs.", "as opposed to", "over other", "instead of", "rather than", "better than", "faster than", "slower than",
		"replaces", "replaced", "supersedes", "superseded", "is the successor of", "is an alternative to")
	// "UDP is lighter than TCP": comparatives of the qualities notes
	// weigh.
	for _, adj := range []string{"safer", "cheaper", "simpler", "easier", "harder", "lighter", "heavier", "larger", "smaller",
		"bigger", "newer", "older", "stronger", "weaker", "cleaner", "quicker", "more secure", "less secure", "more reliable",
		"less reliable", "more efficient", "less efficient", "more expensive", "less expensive", "more complex", "less complex",
		"more flexible", "more scalable", "more consistent", "more popular"} {
		en(graph.ComparedWith, cueObject, after, false, "compare", adj+" than")
	}
	cs = append(cs, cue{lang: "en", phrase: "like", rel: graph.ComparedWith, kind: cueObject, side: after, start: true, rule: "compare"})
	// "Used for autocomplete and spell checkers.": a fragment about its
	// concept, which the objects use.
	for _, p := range []string{"used for", "used in", "mostly used for", "often used for", "commonly used for", "mainly used for", "typically used for"} {
		cs = append(cs, cue{lang: "en", phrase: p, rel: graph.Uses, kind: cueUsedFor, side: after, start: true, rule: "cue:uses"})
	}
	// "Used by MySQL and SQLite.": the same, its users named.
	for _, p := range []string{"used by", "mostly used by", "also used by", "widely used by"} {
		cs = append(cs, cue{lang: "en", phrase: p, rel: graph.Uses, kind: cuePassive, side: after, start: true, rule: "cue:uses"})
	}
	en(graph.ComparedWith, cuePair, 0, false, "compare", "whereas", "while")

	// opposite_of
	ko(graph.OppositeOf, cueObject, before, false, "cue:opposite_of", "와 반대", "과 반대", "의 반대", "의 반대말", "의 반의어")
	en(graph.OppositeOf, cueObject, after, false, "cue:opposite_of", "opposite of", "the inverse of", "the reverse of")

	// requires
	ko(graph.Requires, cueObject, before, false, "cue:requires", "를 먼저 알아야", "을 먼저 알아야", "를 알아야", "을 알아야",
		"가 선행", "이 선행", "를 선행", "을 선행", "를 전제로", "을 전제로", "를 이해해야", "을 이해해야")
	en(graph.Requires, cueObject, after, false, "cue:requires", "requires", "require", "builds on", "build on",
		"prerequisite", "prerequisites", "presupposes", "assumes knowledge of")

	// aliases
	en("", cueAlias, after, false, "alias", "also called", "also known as", "sometimes called", "or simply", "also referred to as",
		"is also called", "are also called", "a.k.a.", "aka", "known as", "is called", "are called", "otherwise known as")
	ko("", cueAlias, before, false, "alias", "라고도 한다", "라고도 하며", "라고도 하고", "라고도 부른다", "라고도 불린다",
		"이라고도 한다", "이라고도 하며", "이라고도 부른다", "이라고도 불린다", "이라고 부른다", "라고 부른다", "라고도 함", "이라고도 함")
	// "의 일부이" is also "의 일부입니다", "로 나뉘" "로 나뉩니다": a
	// polite ending merges its ㅂ into a stem's open last syllable.
	for _, c := range cs {
		if c.lang != "ko" {
			continue
		}
		if r, size := utf8.DecodeLastRuneInString(c.phrase); r >= 0xAC00 && r <= 0xD7A3 && (r-0xAC00)%28 == 0 {
			c.phrase = c.phrase[:len(c.phrase)-size] + string(r+17)
			cs = append(cs, c)
		}
	}
	// "A의 (…) 단점을 보완한 G": what remedies A's problem is set beside
	// A.
	for _, problem := range []string{"단점", "문제", "문제점", "한계", "한계점", "이슈", "약점", "비효율성", "취약점", "단점들", "문제들"} {
		for _, remedy := range []string{"보완", "개선", "해결", "극복"} {
			c := cue{lang: "ko", phrase: problem + map[bool]string{true: "을", false: "를"}[hasFinal(problem)] + " " + remedy, rel: graph.ComparedWith, kind: cueObject,
				side: before, owner: true, rule: "compare"}
			cs = append(cs, c)
		}
	}
	// "X를 V1고 V2": a Korean verb with an object of its own ("를 사용")
	// also takes the object of a verb coordinated before it.
	verbs := map[string]bool{}
	for _, c := range cs {
		v, ok := strings.CutPrefix(c.phrase, "를 ")
		if !ok {
			v, ok = strings.CutPrefix(c.phrase, "을 ")
		}
		if c.lang != "ko" || c.kind != cueObject || !ok || strings.Contains(v, " ") || verbs[v] {
			continue
		}
		verbs[v] = true
		// The reading is less sure than the object's own verb: a new
		// object must read strongly as a name ("접근을 제어하고 사용하는"
		// uses no 접근).
		c.phrase, c.shared, c.weak = v, true, true
		cs = append(cs, c)
	}
	for i := range cs {
		switch {
		case cs[i].shared:
		case strings.Contains(cs[i].phrase, "통해"), strings.Contains(cs[i].phrase, "통하여"), strings.Contains(cs[i].phrase, "통한"),
			strings.Contains(cs[i].phrase, "갖춘"), strings.Contains(cs[i].phrase, "들어"), strings.Contains(cs[i].phrase, "담고"),
			strings.Contains(cs[i].phrase, "포함"), strings.Contains(cs[i].phrase, "가지"), strings.Contains(cs[i].phrase, "갖는"),
			strings.Contains(cs[i].phrase, "구성"), strings.Contains(cs[i].phrase, "이루어"), cs[i].phrase == "가 필요", cs[i].phrase == "이 필요",
			strings.Contains(cs[i].phrase, "로 통신"), strings.Contains(cs[i].phrase, "로 동작"), cs[i].phrase == "방식의", cs[i].phrase == "구조의":
			// ("X의 구성 요소": the whole, named as such, is no plain noun.)
			cs[i].weak = !strings.HasPrefix(cs[i].phrase, "의 ")
		}
		cs[i].known = cs[i].phrase == "로 저장" || cs[i].phrase == "으로 저장" || cs[i].phrase == "over" ||
			cs[i].phrase == "through" || cs[i].phrase == "가 있다" || cs[i].phrase == "이 있다" || cs[i].phrase == "가 있음" ||
			cs[i].phrase == "이 있음" || cs[i].phrase == "를 제공" || cs[i].phrase == "을 제공" || cs[i].phrase == "를 지원" ||
			cs[i].phrase == "을 지원" || cs[i].phrase == "use" || cs[i].phrase == "used"
		cs[i].notStart = cs[i].lang == "en" && (cs[i].phrase == "like" && cs[i].kind == cueEnum || cs[i].phrase == "through" ||
			cs[i].phrase == "while")
	}
	return cs
}()

// labelMode says what a label does to the list or section it heads.
type labelMode uint8

const (
	labelRel    labelMode = iota + 1 // items relate to the subject by rel
	labelPros                        // items are the subject's pros
	labelCons                        // items are the subject's cons
	labelIgnore                      // items are notes about the subject, not concepts
	labelOrg                         // an organisational heading: its text keeps the subject
)

type label struct {
	mode labelMode
	rel  graph.RelationType
}

// labels maps a label word (lower case, spaces removed, "(s)" dropped) to
// its meaning. A label may stand alone ("장점"), follow the concept it is
// about ("가상화 타입", "멀티 프로세스의 장점"), or lead it ("Disadvantages:
// replication", "Types of X").
var labels = func() map[string]label {
	m := map[string]label{}
	add := func(l label, list string) {
		for _, w := range strings.Fields(list) {
			m[w] = l
		}
	}
	add(label{labelRel, graph.TypeOf}, `종류 타입 유형 분류 하위개념 하위유형 type types kinds kind categories variants subtypes typesof ones
		kindsof variations flavors flavours subclasses 방식들 종류들 versions 버전 방법 방법들`)
	add(label{labelRel, graph.ExampleOf}, `제품 예시 예 사례 예제 대표제품 대표 대표도구 대표예시 대표적으로 대표적으로는 예를들어 예를들면 products examples instances implementations 구현체
		예시들 대표적인예 samples vendors 도구들 tools software 소프트웨어 서비스들 services ex eg e.g.`)
	add(label{labelRel, graph.PartOf}, `구성 구성요소 요소 요구조건 조건 저장되는정보 담긴정보 포함되는정보 포함된정보 구조 components
		parts elements properties structure members modules 모듈 layers architecture 아키텍처 아키텍쳐 특성 성질 구성품
		operations 연산 명령어 commands steps 단계 phases 절차단계 fields 필드 attributes 속성 부분 구성원 pieces stages
		순서 절차 컴포넌트 컴포넌트들 구성요소들`)
	add(label{labelRel, graph.Uses}, `필요기술 사용기술 기술스택 의존성 dependencies uses techstack technologies 도구 사용도구
		사용하는기술 requirements 기반기술 built with builtwith`)
	add(label{labelRel, graph.Requires}, `선수지식 선행개념 선행지식 사전지식 선수개념 선수과목 prerequisites prerequisite requires
		background 알아야할것 먼저알아야할것`)
	add(label{labelRel, graph.ComparedWith}, `비교 비교대상 comparison compare comparewith vs alternatives 대안 versus`)
	add(label{labelRel, graph.OppositeOf}, `반대개념 반대 반의어 opposite antonym opposites 반대말`)
	add(label{mode: labelPros}, `장점 이점 장점은 pros advantage advantages benefits strengths reasonsfor 좋은점 benefit upsides 효과`)
	add(label{mode: labelCons}, `단점 한계 문제점 단점은 cons disadvantage disadvantages drawbacks limitations weaknesses 한계점
		downsides caveats 주의사항 주의점 주의할점 pitfalls 약점 trade-offs tradeoffs`)
	add(label{mode: labelIgnore}, `경우 경우들 cases 특징 사용처 작동원리 동작원리 원리 이용방법 사용법 사용방법 참고 참고자료 출처 reference references refs ref
		source sources furtherreading sourceandfurtherreading seealso notes 정리 요약 summary features characteristics example 유무
		과정 절차 결과 이유 용도 usage usecases tableofcontents 목차 contents 네가지조합 조합 sampledata questions 질의응답 faq
		links 링크 resources learningresources readings 관련자료 관련링크 관련글 more 후기 한줄후기 느낀점 결론 conclusion
		tips tip 팁 note 메모 todo 할일 related 연관 관련 motivation 목적 purpose goal goals 목표 예상질문 면접질문
		interviewquestions essentialquestions recommendedpracticequestions practicequestions recommendedcourses courses
		cornercases thingstolookoutfor thingstolookoutforduringinterviews techniques timecomplexity spacecomplexity complexity
		시간복잡도 공간복잡도 qna q&a 질문 답변 answer 예상문제 문제풀이 실습 구현코드 사용예
		configuration 설정 config install installation 설치 setup 사용예시 specs 스펙 history 역사 참고링크 tldr tl;dr
		useful 주요내용 핵심정리 keypoints 키포인트 takeaways 요점 other others misc miscellaneous 기타 그외 그밖에 etc
		rapidfire quickfire rapidfirequestions quickquestions lightninground intention intentions analogy analogies
		realworldanalogy realworldexample realworldexamples 비유 tableofcontent toc below above`)
	add(label{mode: labelOrg}, `정의 definition definitions 개념 설명 description 소개 introduction overview 개요 배경 keyconcepts
		keyconcept 핵심개념 핵심 basics 기초 기본 기본개념 about what 무엇
		용어 용어정리 핵심용어 주요용어 주요개념 개념정리 terms keyterms terminology glossary vocabulary 키워드 keywords
		common uncommon rare almostnever frequent frequently advanced basic optional required easy medium hard important
		중요 심화 고급 초급 중급 자주 가끔 필수 선택
		til todayilearned 오늘배운것 배운것 배운점 배운내용 알게된것 알게된점 새로알게된것 헷갈렸던것 헷갈렸던거 헷갈린것 헷갈린점`)
	return m
}()

// labelKey normalises a label word for the labels table.
func labelKey(s string) string {
	s = lowerCase(strings.TrimSpace(s))
	s = dropLabelNoise(s)
	return strings.TrimRight(s, "?!.")
}

// dropLabelNoise removes from s, left to right, what a label may be
// written with and is no part of its word: "(s)", "(es)", spaces, tabs,
// colons, "*", "-", "_" and brackets. s itself is returned when it has
// none.
func dropLabelNoise(s string) string {
	i := 0
	for i < len(s) && labelNoiseAt(s, i) == 0 {
		i++
	}
	if i == len(s) {
		return s
	}
	b := make([]byte, i, len(s))
	copy(b, s[:i])
	for i < len(s) {
		if n := labelNoiseAt(s, i); n > 0 {
			i += n
			continue
		}
		b = append(b, s[i])
		i++
	}
	return string(b)
}

// labelNoiseAt returns the length of the noise at byte i of s, or 0.
func labelNoiseAt(s string, i int) int {
	switch s[i] {
	case ' ', '\t', ':', '*', '-', '_', '[', ']':
		return 1
	case '(':
		if strings.HasPrefix(s[i:], "(s)") {
			return 3
		}
		if strings.HasPrefix(s[i:], "(es)") {
			return 4
		}
	case 0xEF: // the first byte of "："
		if strings.HasPrefix(s[i:], "：") {
			return len("：")
		}
	}
	return 0
}

// numberedParts are labels that, counted ("3대 특성", "4가지 요소"), make
// their items parts of the subject.
var numberedParts = []string{"특성", "요소", "원칙", "구성요소", "요구조건", "조건", "기둥", "속성", "단계"}

// classifierHeads end the names of concepts whose list items are kinds of
// them: "CDN 캐싱방식", "동작 알고리즘", "graph search algorithms".
var classifierHeads = []string{
	"방식", "기법", "알고리즘", "전략", "패턴", "solution", "solutions", "algorithm", "algorithms", "method", "methods",
	"technique", "techniques", "strategy", "strategies", "pattern", "patterns", "approaches", "approach", "해결책", "해결방법",
	"policy", "policies", "정책", "모델", "models", "model", "protocols", "프로토콜들", "types", "kinds", "categories",
	"mechanisms", "mechanism", "schemes", "representations", "families", "styles", "variants", "levels", "modes", "모드", "레벨", "방법", "방법들",
	"종류", "유형", "타입", "기준", "지표", "척도", "원칙", "criteria", "principles", "collections", "structures", "stores", "databases", "systems", "formats", "languages", "tools",
	"frameworks", "libraries", "services", "devices", "기기", "장비", "분류",
}

// partPlurals are plural heads whose items are pieces of a whole, or
// remarks, not members of a class: "## Operations" under a stack.
var partPlurals = map[string]bool{
	"operations": true, "fields": true, "properties": true, "attributes": true, "features": true, "functions": true,
	"notes": true, "tips": true, "questions": true, "answers": true, "details": true, "basics": true, "terms": true,
	"settings": true, "options": true, "parameters": true, "arguments": true, "responsibilities": true, "roles": true,
	"goals": true, "requirements": true, "rules": true, "principles": true, "benefits": true, "drawbacks": true,
	"concepts": true, "ideas": true, "things": true, "internals": true, "commands": true, "apis": true, "metrics": true,
	"codes": true, "errors": true, "messages": true, "values": true, "examples": true, "issues": true, "problems": true,
}

// wholeHeads end the names of concepts whose list items are their parts:
// "3Tier Architecture", "…의 구조".
var wholeHeads = []string{"architecture", "아키텍처", "아키텍쳐", "framework", "프레임워크", "플랫폼", "platform", "info",
	"information", "theorem", "process", "lifecycle", "라이프사이클", "pipeline", "파이프라인", "suite", "workflow", "anatomy",
	"순서", "절차"}

// referenceLabels head lists of references: their links are sources, not
// concepts.
var referenceLabels = map[string]bool{
	"참고": true, "참고자료": true, "출처": true, "reference": true, "references": true, "refs": true, "ref": true, "source": true, "sources": true,
	"furtherreading": true, "sourceandfurtherreading": true, "seealso": true, "tableofcontents": true, "목차": true, "contents": true,
	"links": true, "링크": true, "resources": true, "learningresources": true, "readings": true, "관련자료": true, "관련링크": true,
	"관련글": true, "참고링크": true, "essentialquestions": true, "recommendedpracticequestions": true, "practicequestions": true,
	"recommendedcourses": true, "courses": true, "related": true, "tableofcontent": true, "toc": true,
}

// qualitySuffixes end the names of qualities ("탄력성", "유지 관리 효율"),
// which describe a thing rather than being parts of it.
var qualitySuffixes = []string{"성", "효율", "효과", "ness", "ity", "ility"}

// quantifierPrefixes make a compound mean "many X", which uses X rather than
// being a kind of X: "멀티 스레드", "multi-process".
var quantifierPrefixes = []string{"멀티", "multi", "다중", "복수", "many", "단일", "싱글"}

// exampleNouns name an example: "TCP를 사용하는 예로는 …" lists users of
// TCP, and the 예 is no concept.
var exampleNouns = map[string]bool{"예": true, "예시": true, "사례": true}

// genericNouns are words too general to be a concept of their own, as a
// genus, a class or an object: "it is a way of …", "… 하는 것".
var genericNouns = map[string]bool{
	"것": true, "기술": true, "방법": true, "방식": true, "서비스": true, "개념": true, "의미": true, "용어": true, "작업": true,
	"기법": true, "특징": true, "구조": true, "시스템": true, "과정": true, "영역": true, "공간": true, "문제": true, "현상": true,
	"단위": true, "기능": true, "정보": true, "데이터": true, "프로토콜": false, "패턴": true, "파일": true, "도구": true,
	"역할": true, "상태": true, "경우": true, "말": true, "때문": true, "모델": true, "수": true, "차": true, "점": true, "등": true,
	"속성": true, "성질": true, "종류": true, "하나": true, "일종": true, "일부": true, "예": true, "예시": true, "부분": true,
	"내용": true, "이름": true, "형태": true, "요소": true, "대상": true, "목적": true, "이유": true, "결과": true, "처리": true,
	"사용": true, "이용": true, "필요": true, "가능": true, "관리": true, "정도": true, "편의성": true, "난이도": true, "차이": true,
	"thing": true, "things": true, "way": true, "ways": true, "kind": true, "type": true, "sort": true, "form": true, "part": true,
	"set": true, "number": true, "amount": true, "lot": true, "piece": true, "group": true, "means": true, "ability": true,
	"capacity": true, "level": true, "degree": true, "range": true, "variety": true, "example": true, "instance": true,
	"member": true, "one": true, "term": true, "name": true, "word": true, "concept": true, "idea": true, "notion": true,
	"approach": true, "method": true, "technique": true, "process": true, "result": true, "case": true, "cases": true,
	"situation": true, "problem": true, "issue": true, "question": true, "answer": true, "option": true, "choice": true,
	"feature": true, "property": true, "aspect": true, "value": true, "data": true, "information": true, "system": true,
	"tool": true, "service": true, "technology": true, "solution": true, "mechanism": true, "model": true, "pattern": true,
	"matter": true, "fact": true, "reason": true, "purpose": true, "goal": true, "sample": true, "template": true,
	"fix": true, "fixes": true, "workaround": true, "trick": true,
	"something": true, "everything": true, "anything": true, "nothing": true, "somewhere": true, "anywhere": true, "everywhere": true, "elsewhere": true, "someone": true, "anyone": true, "lots": true, "bit": true, "order": true,
	"minimum": true, "maximum": true, "majority": true, "minority": true, "rest": true, "time": true, "times": true,
	"이거": true, "그거": true, "저거": true, "이것": true, "그것": true, "얘기": true, "이야기": true, "발상": true, "생각": true, "느낌": true,
	"흐름": true, "사이": true, "명령": true, "명령어": true, "command": true, "commands": true, "장비": true, "기기": true, "장치": true, "device": true, "devices": true, "아키텍처": true, "아키텍쳐": true, "architecture": true, "구성환경": true, "환경": true, "방안": true, "상황": true, "부분들": true, "요청": true, "작업들": true, "측면": true,
	"interview": true, "interviews": true, "guide": true, "cheatsheet": true, "state": true, "version": true,
	"entity": true, "scenario": true, "following": true, "introduction": true, "overview": true,
	"note": true, "notes": true, "analogy": true, "file": true, "files": true, "component": true,
	"이슈": true, "질문": true, "사항": true, "경향": true, "분류": true, "편": true, "쪽": true, "측": true,
	"topic": true, "subject": true, "area": true, "field": true, "basis": true, "foundation": true, "advantage": true,
	"advantages": true, "benefit": true, "benefits": true, "disadvantage": true, "disadvantages": true, "drawback": true,
	"drawbacks": true, "points": true, "point": true, "details": true, "detail": true, "lines": true, "line": true,
	"info": true, "issues": true, "problems": true, "structure": true, "development": true, "project": true, "person": true, "people": true, "location": true,
	// qualities that read as a noun: "구글이 … 공개한 오픈소스"
	"오픈소스": true, "오픈 소스": true,
	// times: "오늘은 캐싱을 정리했다"
	"오늘": true, "어제": true, "내일": true, "요즘": true, "최근": true, "이번": true, "지난번": true, "today": true, "yesterday": true,
}

// idiomObjects make fixed expressions with a verb of use: "신경을 쓰다"
// (to care), "애를 쓰다", "힘을 쓰다" (to strive), "시간을 쓰다" (to spend
// time).
var idiomObjects = map[string]bool{"신경": true, "애": true, "힘": true, "마음": true, "시간": true, "돈": true, "노력": true}

// genericClasses are classes so general that, as the class of a
// statement in a section, they stand for the section's concept: in
// "mongoDB는 … 많이 알려진 DB 중 하나" under NoSQL, DB is NoSQL.
var genericClasses = map[string]bool{
	"db": true, "데이터베이스": true, "database": true, "디비": true, "도구": true, "툴": true, "tool": true, "언어": true,
	"language": true, "프로그램": true, "program": true, "서비스": true, "service": true, "제품": true, "product": true,
	"기술": true, "technology": true, "방법": true, "방식": true, "것": true, "시스템": true, "system": true, "솔루션": true,
}

// genericHeads are head nouns a name is often written with or without:
// "스택 영역" is also "스택", "리눅스 기술" is 리눅스, "NoSQL 방식" NoSQL,
// "key-value방식" key-value.
var genericHeads = map[string]bool{"영역": true, "기술": true, "기능": true, "방식": true, "계열": true, "형태": true,
	"메커니즘": true, "mechanism": true, "technology": true, "style": true, "구조": true, "기법": true,
	"implementation": true, "component": true}

// measureNouns count or number what comes before them: "TCP 포트 53번",
// "TCP port 445", "HTTP 버전 2".
var measureNouns = map[string]bool{"포트": true, "port": true, "번호": true, "number": true, "버전": true, "version": true, "번": true}

// relationalHeads are genus heads that relate rather than classify: in
// "a set of properties", "a collection of elements", "the minimum number
// of nodes", the definition states no class.
var relationalHeads = map[string]bool{
	"set": true, "number": true, "amount": true, "lot": true, "group": true, "way": true, "means": true, "ability": true,
	"capacity": true, "level": true, "degree": true, "range": true, "variety": true, "series": true, "sequence": true,
	"collection": true, "list": true, "pair": true, "tuple": true, "combination": true, "mix": true, "part": true,
	"piece": true, "bunch": true, "couple": true, "handful": true, "majority": true, "minority": true, "minimum": true,
	"maximum": true, "process": true, "act": true, "practice": true, "term": true, "name": true, "abbreviation": true,
	"measure": true, "state": true, "study": true, "art": true, "generalization": true, "generalisation": true, "alternative": true, "successor": true,
	"predecessor": true, "replacement": true, "counterpart": true, "equivalent": true, "implementation": true,
	// Korean: "… 가상머신을 만드는 프로세스" is a procedure, not an OS
	// process; "… 데이터의 집합" a set.
	"프로세스": true, "과정": true, "절차": true, "집합": true, "모음": true, "묶음": true, "능력": true,
	// "DBMS의 구성 요소입니다", "X의 일부": a part, read by the part cues.
	"요소": true, "구성요소": true, "일부": true, "일부분": true, "부분": true,
}

// collectionNouns head the name of a whole made of members: "a protocol
// in the Internet protocol suite" is part of the suite.
var collectionNouns = map[string]bool{
	"suite": true, "family": true, "stack": true, "framework": true, "ecosystem": true, "toolkit": true,
	"toolchain": true, "plane": true, "pipeline": true, "bundle": true,
}

// metaNouns name a name: "the CAP acronym", "the term NoSQL", "약어 CAP".
var metaNouns = map[string]bool{
	"acronym": true, "abbreviation": true, "term": true, "word": true, "keyword": true, "name": true, "phrase": true,
	"약어": true, "용어": true, "약자": true, "단어": true,
}

// kindHeads are class nouns that say how a concept relates to the X they
// are of: "a kind of X", "one of the components of X", "X의 속성 중 하나".
var kindHeads = map[string]graph.RelationType{
	"kind": graph.TypeOf, "type": graph.TypeOf, "sort": graph.TypeOf, "form": graph.TypeOf, "variant": graph.TypeOf,
	"variation": graph.TypeOf, "category": graph.TypeOf, "class": graph.TypeOf, "subtype": graph.TypeOf, "subclass": graph.TypeOf,
	"example": graph.ExampleOf, "instance": graph.ExampleOf, "implementation": graph.ExampleOf, "member": graph.PartOf,
	"part": graph.PartOf, "component": graph.PartOf, "element": graph.PartOf, "step": graph.PartOf, "phase": graph.PartOf,
	"stage": graph.PartOf, "layer": graph.PartOf,
	"종류": graph.TypeOf, "유형": graph.TypeOf, "형태": graph.TypeOf, "타입": graph.TypeOf, "갈래": graph.TypeOf,
	"예": graph.ExampleOf, "예시": graph.ExampleOf, "사례": graph.ExampleOf, "구현체": graph.ExampleOf,
	"구성요소": graph.PartOf, "요소": graph.PartOf, "부분": graph.PartOf, "일부": graph.PartOf, "속성": graph.PartOf,
	"컴포넌트": graph.PartOf, "단계": graph.PartOf, "계층": graph.PartOf, "구성원": graph.PartOf, "연산": graph.PartOf,
}

// oppositeWords name an opposite in a Korean genus ("반대 개념").
var oppositeWords = map[string]bool{"반대": true, "반의어": true, "반대말": true, "정반대": true, "반대개념": true}

// oppositeNouns open "The opposite of X is Y".
var oppositeNouns = map[string]bool{"opposite": true, "inverse": true, "reverse": true, "antonym": true, "converse": true}

// productHeads are the head nouns of a genus that class software: what a
// capitalised name "is" when it is one ("Prometheus is an open-source
// monitoring tool", "Jenkins는 CI 도구이다") names a product, an instance
// of the genus rather than a kind of it.
var productHeads = map[string]bool{
	"tool": true, "platform": true, "framework": true, "library": true, "engine": true, "software": true,
	"application": true, "app": true, "editor": true, "runtime": true, "distribution": true, "product": true,
	"toolkit": true, "orchestrator": true, "ide": true, "utility": true, "suite": true, "server": true, "database": true,
	"broker": true, "manager": true, "service": true, "language": true, "warehouse": true, "project": true,
	"client": true, "bundler": true, "compiler": true, "interpreter": true, "linter": true, "formatter": true,
	"debugger": true, "profiler": true, "plugin": true, "extension": true, "driver": true,
	"컴파일러": true, "인터프리터": true, "플러그인": true, "드라이버": true, "번들러": true,
	"도구": true, "툴": true, "플랫폼": true, "프레임워크": true, "라이브러리": true, "엔진": true, "소프트웨어": true,
	"애플리케이션": true, "어플리케이션": true, "솔루션": true, "런타임": true, "에디터": true, "제품": true,
	"서버": true, "데이터베이스": true, "브로커": true, "매니저": true, "서비스": true,
	"언어": true, "클라이언트": true, "프로젝트": true,
}

// describingParticiples after a noun phrase, with their preposition,
// describe it: "a service built into GitHub", "a store used for caching".
var describingParticiples = map[string]bool{
	"built": true, "used": true, "based": true, "designed": true, "meant": true, "intended": true, "shipped": true,
	"bundled": true, "included": true, "integrated": true, "embedded": true, "hosted": true, "run": true, "running": true,
	"inspired": true, "derived": true, "modeled": true, "modelled": true, "forked": true, "powered": true, "backed": true, "mapped": true, "layered": true, "implemented": true,
	"wrapped": true, "encoded": true, "carried": true, "tunneled": true, "tunnelled": true, "deployed": true, "stored": true,
}

// madeWords after a genus say that someone wrote or released the thing
// defined, which a product or tool is and a kind is not: "a TFTP server
// written in Go", "a database developed by …" (followed by in, by or at).
var madeWords = map[string]bool{
	"written": true, "made": true, "implemented": true, "developed": true, "created": true, "maintained": true,
	"released": true, "published": true, "open-sourced": true,
}

// termAdjectives rank, yet begin terms of their own: "primary key",
// "secondary index", "key space", "standard library".
var termAdjectives = map[string]bool{"primary": true, "secondary": true, "key": true, "core": true, "standard": true}

// genusAdjectives are adjectives dropped from the front of a genus: "a
// simple protocol" is a protocol, "a common way" a way.
var genusAdjectives = map[string]bool{
	"simple": true, "common": true, "popular": true, "main": true, "basic": true, "important": true, "typical": true,
	"special": true, "specialized": true, "specialised": true, "specific": true, "particular": true, "general": true, "generic": true, "new": true, "modern": true,
	"famous": true, "old": true, "well-known": true, "widely": true, "used": true, "standard": true, "useful": true, "powerful": true,
	"open-source": false, "small": true, "large": true, "big": true, "very": true, "key": true, "major": true, "minor": true,
	"core": true, "essential": true, "fundamental": true, "primary": true, "secondary": true, "supporting": true,
	"different": true, "various": true, "certain": true, "own": true, "actual": true, "real": true, "good": true, "great": true,
	"efficient": true, "effective": true, "fast": true, "slow": true, "lightweight": false, "complex": true, "similar": true,
	"unique": true, "single": false, "same": true, "whole": true, "entire": true, "traditional": true, "classic": true,
	"higher-level": true, "low-level": false, "high-level": false, "easy": true, "hard": true, "robust": true, "reliable": true,
	"flexible": true, "scalable": true, "obvious": true, "broad": true, "wide": true, "narrow": true, "deep": true, "short": true, "long": true,
	"high": true, "low": true, "usual": true, "compact": true, "huge": true, "tiny": true, "bad": true, "best": true, "better": true, "nice": true, "interesting": true,
}

// counters are the Korean units of a count written apart from its
// number: "네 가지", "두 개", "세 종류".
var counters = map[string]bool{"가지": true, "개": true, "종류": true, "개의": true, "가지의": true}

// ordinals rank what follows them, inside a noun phrase as well as
// before it: "the usual second factor".
var ordinals = map[string]bool{"first": true, "second": true, "third": true, "last": true, "next": true}

// hyphenAdjectives end a hyphenated word that qualifies a noun, as an
// adjective would: "URL-safe", "event-driven", "cloud-native".
var hyphenAdjectives = map[string]bool{
	"based": true, "safe": true, "driven": true, "oriented": true, "aware": true, "friendly": true, "native": true,
	"free": true, "like": true, "style": true, "only": true, "specific": true, "powered": true, "enabled": true,
	"bound": true, "intensive": true, "heavy": true, "compatible": true, "ready": true, "agnostic": true,
	"independent": true, "dependent": true, "sensitive": true, "wide": true, "grade": true,
}

// classNouns name a class that a proper name before them is an instance
// of: "the Kerberos protocol", "Redis 데이터베이스". "X protocol" gives X
// and "X type_of protocol".
var classNouns = map[string]bool{
	"protocol": true, "protocols": true, "database": true, "databases": true,
	"language": true, "languages": true, "library": true, "libraries": true, "framework": true, "frameworks": true,
	"format": true, "formats": true, "standard": true, "standards": true,
	"프로토콜": true, "데이터베이스": true, "언어": true, "라이브러리": true, "프레임워크": true, "포맷": true, "표준": true,
}

// compareWords mark a title as a comparison: "A와 B의 차이", "A vs B".
var compareWords = []string{"의 차이", "의 차이점", "의 다른점", "의 다른 점", "의 비교", "비교", "차이", "differences between",
	"difference between", "comparison of", "comparing"}

// questionFrames are the words around the concept of a question title:
// "X란?", "What is X?", "X에 대해 설명하세요".
var questionFrames = struct{ prefixes, suffixes []string }{
	prefixes: []string{"what is an ", "what is a ", "what is the ", "what is ", "what are ", "what's ", "explain ", "describe ",
		"define ", "why use ", "why ", "how does ", "how do ", "when to use ", "name some ", "name a few ", "name the ",
		"list some ", "list the ", "give some examples of ", "give examples of ", "what are some "},
	suffixes: []string{"이란 무엇인가요?", "이란 무엇인가?", "이란 무엇인가", "란 무엇인가요?", "란 무엇인가?", "란 무엇인가",
		"이란 무엇일까?", "란 무엇일까?", "은 무엇인가요?", "는 무엇인가요?", "은 무엇인가?", "는 무엇인가?", "이 무엇인가요?",
		"가 무엇인가요?", "에 대해 설명하세요", "에 대해 설명해주세요", "에 대해 설명해 주세요", "에 대해 설명하시오",
		"에 대하여 설명하세요", "에 대하여 설명해주세요", "에 대하여 설명하시오", "에 대해서 설명해주세요", "에 대해 알아보자",
		"에 대해 알아보기", "에 대해 설명해보세요", "에 대하여 설명해보세요", "에 대해 설명해 보세요", "에 대하여", "에 대해",
		"에 대해서", "의 개념", "의 정의", "이란?", "란?", "이란", "란", "은요?", "는요?", "은?", "는?"},
}

// negations deny a cue: "사용하지 않는다", "does not use".
var negations = struct{ ko, en []string }{
	ko: []string{"지 않", "지 못", "하지 않", "되지 않", "없이", "안 ", "않는", "않고", "않음", "못함", "못하", "불가", "수 없", "수가 없"},
	en: []string{"not", "never", "no", "without", "cannot", "can't", "lack", "lacks", "don't", "doesn't", "isn't", "aren't",
		"won't", "neither", "nor"},
}

// copulas read as "X is G" in English.
var copulas = []string{"is", "are", "was", "were", "is also", "are also", "is basically", "is essentially", "is simply",
	"is usually", "is generally", "is typically", "is often", "is commonly", "are usually", "are generally", "are typically",
	"are often", "are commonly", "refers to", "refer to", "is defined as", "are defined as", "means", "is known as a",
	"describes", "denotes", "represents"}

// koreanDefiners end a Korean definition: "X는 … G를 말한다". A clause
// that goes on ("…를 의미하고, …", "…를 가리키며") is read as ending so
// (see koreanDefinition).
var koreanDefiners = []string{"을 말한다", "를 말한다", "을 말함", "를 말함", "을 의미한다", "를 의미한다", "을 의미함",
	"를 의미함", "을 뜻한다", "를 뜻한다", "을 뜻함", "를 뜻함", "을 가리킨다", "를 가리킨다", "을 일컫는다", "를 일컫는다",
	"을 말합니다", "를 말합니다", "을 의미합니다", "를 의미합니다",
	"을 뜻합니다", "를 뜻합니다",
	"을 의미", "를 의미"} // (the last close an item: "- kafka 서버 인스턴스를 의미")

// namingCues end a Korean sentence that gives the subject another name:
// "합 증가 / 곱 감소 알고리즘이라고 한다". With an object ("조각을 패킷이라고
// 한다") they name the object instead, and state nothing about the subject.
var namingCues = []string{"이라고 한다", "라고 한다", "이라 한다", "라 한다", "이라고 부른다", "라고 부른다", "이라고 불린다",
	"라고 불린다", "이라고 함", "라고 함"}
