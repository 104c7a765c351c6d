package extract_test

import (
	"context"
	"runtime/debug"
	"strings"
	"testing"

	"conceptgraph/assets"
	"conceptgraph/extract"
)

// fuzzSeeds are hand-written notes and small versions of the pathological
// shapes, as starting points for FuzzNotes.
var fuzzSeeds = []string{
	"",
	"# DNS (Domain Name System)\n\nDNS는 네트워크 서비스의 일종이다.\n\n- **Root DNS 서버**: 최상위 서버\n- Local DNS\n",
	"**도커 (Docker)**\n\n> 컨테이너 기반 가상화 플랫폼\n\n장점\n\n- 가볍다\n\n단점\n\n- 격리가 약하다\n\n`반대개념 = 가상 머신`\n",
	"## Process vs Thread\n\nA thread is a kind of process. Kubernetes uses containers, such as Docker and containerd.\n",
	"종류\n\n- TCP, UDP, ICMP\n  - Stop-and-wait\n1. 첫째\n2. 둘째\n\n3. 셋째\n",
	"---\ntitle: 쿠버네티스\naliases: [K8s, Kubernetes]\n---\n쿠버네티스는 컨테이너 오케스트레이션 도구이다.\n",
	"---\ntitle: [unclosed\n---\n# DNS\n",
	"---\naliases:\n  - a\n  - b\n---\n",
	"<details>\n<summary>DNS란?</summary>\n\nDNS는 이름을 주소로 바꾼다.\n</details>\n",
	"| 이름 | 설명 |\n|---|---|\n| DNS | DNS는 프로토콜의 일종 |\n| | |\n",
	"[[DNS]]와 [[도커|Docker]]는 [[ 쿠버네티스#배포 ]]에서 쓰인다.\n[[a|[[b|c]]]] [[unterminated [[\n",
	strings.Repeat("- ", 40) + "도커\n",
	strings.Repeat("> ", 40) + "도커는 컨테이너의 일종이다\n",
	strings.Repeat("- > ", 20) + "**도커**: 컨테이너\n",
	strings.Repeat("1. ", 30) + "도커\n",
	strings.Repeat("# 개념\n", 20) + strings.Repeat("## Term\n\n> Term is a kind of thing.\n\n", 5),
	"**" + strings.Repeat("DNS는 컨테이너를 사용 ", 20) + "**:\n\n- 도커\n",
	"|" + strings.Repeat(" a |", 50) + "\n|" + strings.Repeat("---|", 50) + "\n",
	strings.Repeat("(", 30) + "DNS" + strings.Repeat(")", 10) + "\n\n" + strings.Repeat("[", 30) + strings.Repeat("[a](", 10),
	strings.Repeat("**", 20) + "DNS" + strings.Repeat("*", 7) + "\n",
	"# DNS\r\rDNS는 프로토콜의 일종이다.\r- 도커\r\n- 쿠버\r\n",
	"\ufeff# BOM\n\nﾃﾞｨｽｸ は 가\u0301 의 일종\n",
	"#\n##\n-\n>\n---\n***\n```\ncode\n",
}

// FuzzNotes reads arbitrary bytes as a note: it must never panic or fail,
// and every relation must join two concepts of the graph, with a known type
// and evidence at a line of the note.
func FuzzNotes(f *testing.F) {
	for _, s := range assets.Sample() {
		f.Add(s.Data)
	}
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 64<<10 {
			t.Skip("long inputs are the pathological tests' business")
		}
		note := extract.Note{Name: "fuzz.md", Data: data}
		// A panic fails this input, not the whole test binary.
		defer func() {
			if p := recover(); p != nil {
				t.Fatalf("Notes(%q) panicked: %v\n%s", data, p, debug.Stack())
			}
		}()
		res, err := extract.Notes(context.Background(), []extract.Note{note})
		if err != nil {
			t.Fatalf("Notes(%q) = %v, want no error", data, err)
		}
		if extract.Check(note.Name, data) != nil {
			if res.Graph.Len() != 0 || len(res.Warnings) != 1 {
				t.Errorf("Notes(%q) = %d concepts, warnings %v; want none, and one warning", data, res.Graph.Len(), res.Warnings)
			}
			return
		}
		checkGraph(t, res.Graph, map[string]int{note.Name: lineCount(data)})
	})
}
