package graph_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"conceptgraph/graph"
	"conceptgraph/graph/internal/graphtest"
)

func TestWriteSKOSGolden(t *testing.T) {
	for _, tt := range []struct {
		name string
		g    *graph.Graph
	}{
		{"hostile.ttl", graphtest.Hostile()},
		{"course.ttl", graphtest.Course()},
	} {
		var b bytes.Buffer
		if err := tt.g.WriteSKOS(&b); err != nil {
			t.Fatalf("WriteSKOS = %v", err)
		}
		golden(t, tt.name, b.Bytes())
	}
}

func TestWriteSKOSLabels(t *testing.T) {
	var b bytes.Buffer
	if err := graphtest.Course().WriteSKOS(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		`skos:prefLabel "쿠버네티스"@ko ;`,
		`skos:prefLabel "Kubernetes"@en ;`,
		`skos:altLabel "k8s"@en ;`,
		"<urn:conceptgraph:concept:cgroups> a skos:Concept ;\n    skos:inScheme cg:scheme ;\n    skos:prefLabel \"cgroups\"@en ;\n    skos:broader <urn:conceptgraph:concept:linux> .",
		"skos:narrower <urn:conceptgraph:concept:cgroups>",
		"cg:requires <urn:conceptgraph:concept:container>",
		"<urn:conceptgraph:concept:swarm> a skos:Concept ;",
		"cg:compared_with <urn:conceptgraph:concept:kubernetes> .",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("WriteSKOS(Course) lacks %q", want)
		}
	}
}

func TestWriteAnkiGolden(t *testing.T) {
	for _, tt := range []struct {
		name, focus string
		g           *graph.Graph
	}{
		{"hostile-anki.csv", "", graphtest.Hostile()},
		{"course-anki.csv", "", graphtest.Course()},
		{"course-anki-k8s.csv", "k8s", graphtest.Course()},
	} {
		var b bytes.Buffer
		if err := tt.g.WriteAnki(&b, tt.focus); err != nil {
			t.Fatalf("WriteAnki(%q) = %v", tt.focus, err)
		}
		golden(t, tt.name, b.Bytes())
	}
}

// readAnki reads cards as Go's encoding/csv does, skipping Anki's header.
func readAnki(t *testing.T, data []byte) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(data))
	r.Comment = '#'
	r.FieldsPerRecord = 3
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("encoding/csv cannot read the cards: %v\n%s", err, data)
	}
	return recs
}

func TestWriteAnkiCards(t *testing.T) {
	g := graphtest.Course()
	var b bytes.Buffer
	if err := g.WriteAnki(&b, ""); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), "#separator:comma\n#html:false\n#columns:Front,Back,Tags\n#tags column:3\n") {
		t.Errorf("WriteAnki output does not start with Anki's header:\n%.200s", b.String())
	}
	cards := readAnki(t, b.Bytes())
	// Anki takes cards with the same front for one: every question once,
	// a symmetric relation asked from both ends.
	questions := map[string]bool{}
	for _, r := range g.Relations() {
		questions[r.From+" "+string(r.Type)] = true
		if r.Type.Symmetric() {
			questions[r.To+" "+string(r.Type)] = true
		}
	}
	fronts := map[string]bool{}
	for _, c := range cards {
		if fronts[c[0]] {
			t.Errorf("two cards ask %q", c[0])
		}
		fronts[c[0]] = true
	}
	if len(cards) != len(questions) {
		t.Errorf("%d cards, want one per question (%d)", len(cards), len(questions))
	}
	for _, want := range [][]string{
		{
			"컨테이너 (Container)가 사용하는 것은 무엇인가요?",
			"cgroups — “Containers use cgroups.” (course.md:16) · 도커 (Docker) — “컨테이너는 보통 도커로 만든다.” (course.md:10) · Linux — “Containers use Linux namespaces.” (course.md:12)",
			"conceptgraph conceptgraph::uses",
		},
		{
			"마이크로 서비스 아키텍쳐 (MSA)의 반대 개념은 무엇인가요?",
			"모놀리식 아키텍쳐 — “MSA는 모놀리식 아키텍쳐의 반대 개념이다.” (course.md:22)",
			"conceptgraph conceptgraph::opposite_of",
		},
		{
			"모놀리식 아키텍쳐의 반대 개념은 무엇인가요?",
			"마이크로 서비스 아키텍쳐 (MSA) — “MSA는 모놀리식 아키텍쳐의 반대 개념이다.” (course.md:22)",
			"conceptgraph conceptgraph::opposite_of",
		},
	} {
		if !slices.ContainsFunc(cards, func(c []string) bool { return cmp.Equal(c, want) }) {
			t.Errorf("no card %q in\n%q", want, cards)
		}
	}
}

// Answers with the same evidence share it; what the notes show only by
// their layout is placed, not quoted; concepts of one name get cards
// apart.
func TestWriteAnkiAnswers(t *testing.T) {
	g := graph.New()
	for _, c := range []graph.Concept{
		{ID: "dns", Name: "DNS"}, {ID: "tcp", Name: "TCP"}, {ID: "udp", Name: "UDP"},
		{ID: "das", Name: "DAS"}, {ID: "nas", Name: "NAS"}, {ID: "san", Name: "SAN"},
		{ID: "nas-2", Name: "NAS"},
	} {
		if _, err := g.AddConcept(c); err != nil {
			t.Fatal(err)
		}
	}
	ev := func(line int, text string) []graph.Evidence {
		return []graph.Evidence{{File: "n.md", Line: line, Text: text}}
	}
	// Concepts laid out side by side: the evidence is a title, not a
	// statement to quote.
	parallel := []graph.Evidence{{File: "n.md", Line: 106, Text: "DAS (Direct Attached Storage)", Rule: "parallel"}}
	for _, r := range []graph.Relation{
		{From: "dns", To: "tcp", Type: graph.Uses, Evidence: ev(38, "UDP와 TCP 포트 53번을 사용")},
		{From: "dns", To: "udp", Type: graph.Uses, Evidence: ev(38, "UDP와 TCP 포트 53번을 사용")},
		{From: "das", To: "nas", Type: graph.ComparedWith, Evidence: parallel},
		{From: "das", To: "san", Type: graph.ComparedWith, Evidence: append(parallel, ev(120, "SAN은 DAS와 달리 네트워크로 연결한다.")...)},
		{From: "nas-2", To: "tcp", Type: graph.Uses, Evidence: ev(130, "NFS over TCP")},
		{From: "nas", To: "tcp", Type: graph.Uses},
	} {
		if err := g.AddRelation(r); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if err := g.WriteAnki(&b, ""); err != nil {
		t.Fatal(err)
	}
	var got [][2]string
	for _, c := range readAnki(t, b.Bytes()) {
		got = append(got, [2]string{c[0], c[1]})
	}
	want := [][2]string{
		{"What is DAS compared with?", "NAS (n.md:106) · SAN — “SAN은 DAS와 달리 네트워크로 연결한다.” (n.md:120)"},
		{"What does DNS use?", "TCP, UDP — “UDP와 TCP 포트 53번을 사용” (n.md:38)"},
		{"What is NAS compared with?", "DAS (n.md:106)"},
		{"What does NAS [nas] use?", "TCP"},
		{"What does NAS [nas-2] use?", "TCP — “NFS over TCP” (n.md:130)"},
		{"What is SAN compared with?", "DAS — “SAN은 DAS와 달리 네트워크로 연결한다.” (n.md:120)"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("cards differ (-want +got):\n%s", diff)
	}
}

func TestCardQuestions(t *testing.T) {
	for _, tt := range []struct {
		name string
		t    graph.RelationType
		want string
	}{
		{"MSA", graph.OppositeOf, "What is the opposite of MSA?"},
		{"Redis", graph.ExampleOf, "Redis is an example of what?"},
		{"컨테이너", graph.Uses, "컨테이너가 사용하는 것은 무엇인가요?"},
		{"쿠버네티스 마스터", graph.Uses, "쿠버네티스 마스터가 사용하는 것은 무엇인가요?"},
		{"가상 머신", graph.TypeOf, "가상 머신은 무엇의 한 종류인가요?"},
		{"프로세스", graph.TypeOf, "프로세스는 무엇의 한 종류인가요?"},
		{"스택 영역", graph.ComparedWith, "스택 영역과 비교되는 개념은 무엇인가요?"},
		{"스레드", graph.ComparedWith, "스레드와 비교되는 개념은 무엇인가요?"},
		{"Recursive DNS 서버", graph.PartOf, "Recursive DNS 서버는 무엇의 구성 요소인가요?"},
		{"도커 Engine", graph.Uses, "도커 Engine이(가) 사용하는 것은 무엇인가요?"},
	} {
		g := graph.New()
		for _, c := range []graph.Concept{{ID: "a", Name: tt.name}, {ID: "b", Name: "B"}} {
			if _, err := g.AddConcept(c); err != nil {
				t.Fatal(err)
			}
		}
		if err := g.AddRelation(graph.Relation{From: "a", To: "b", Type: tt.t}); err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := g.WriteAnki(&b, ""); err != nil {
			t.Fatal(err)
		}
		if got := readAnki(t, b.Bytes())[0][0]; got != tt.want {
			t.Errorf("card for %s %s = %q, want %q", tt.name, tt.t, got, tt.want)
		}
	}
}

// With a focus, the cards follow its learning order: the first are about
// Linux and cgroups, learnt first; an unknown focus is an error.
func TestWriteAnkiFocus(t *testing.T) {
	g := graphtest.Course()
	var b bytes.Buffer
	if err := g.WriteAnki(&b, "k8s"); err != nil {
		t.Fatal(err)
	}
	cards := readAnki(t, b.Bytes())
	if got := cards[0][0]; got != "cgroups is part of what?" {
		t.Errorf("first card = %q, want the one about cgroups and Linux", got)
	}
	// Docker Swarm, MSA and the monolith are not in the chain.
	var last []string
	for _, c := range cards[len(cards)-4:] {
		last = append(last, c[0])
	}
	if want := []string{
		"모놀리식 아키텍쳐의 반대 개념은 무엇인가요?",
		"마이크로 서비스 아키텍쳐 (MSA)의 반대 개념은 무엇인가요?",
		"마이크로 서비스 아키텍쳐 (MSA)가 사용하는 것은 무엇인가요?",
		"What is Docker Swarm compared with?",
	}; !cmp.Equal(last, want) {
		t.Errorf("last cards = %q, want %q, about concepts outside the chain", last, want)
	}
	var nf *graph.NotFoundError
	if err := g.WriteAnki(&b, "Nomad"); !errors.As(err, &nf) {
		t.Errorf("WriteAnki(focus Nomad) = %v, want a *NotFoundError", err)
	}
}
