package graph_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"conceptgraph/graph"
	"conceptgraph/graph/internal/graphtest"
)

// These tests hand our exports to the programs that read them, where one
// runs offline here: Raptor's rapper (Debian raptor2-utils) for Turtle,
// Graphviz's dot (Debian graphviz) for DOT, Python's csv module for the
// Anki cards. Each is skipped, saying so, when its program is missing.

func need(t *testing.T, program, pkg string) string {
	t.Helper()
	path, err := exec.LookPath(program)
	if err != nil {
		t.Skipf("%s not found: install the Debian package %s to run this consumer test", program, pkg)
	}
	return path
}

func consumerGraphs() map[string]*graph.Graph {
	return map[string]*graph.Graph{"hostile": graphtest.Hostile(), "course": graphtest.Course(), "korean": graphtest.Korean()}
}

func TestSKOSReadByRapper(t *testing.T) {
	rapper := need(t, "rapper", "raptor2-utils")
	for name, g := range consumerGraphs() {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := g.WriteSKOS(&b); err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(t.TempDir(), name+".ttl")
			if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(rapper, "-q", "-i", "turtle", "-o", "ntriples", file)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			if err != nil || stderr.Len() > 0 {
				t.Fatalf("rapper rejects our Turtle: %v\n%s\n%s", err, stderr.String(), b.String())
			}
			// Every concept arrives, with one prefLabel per language.
			const skos = "<http://www.w3.org/2004/02/skos/core#"
			concepts := 0
			broader := 0
			for _, line := range strings.Split(string(out), "\n") {
				switch {
				case strings.Contains(line, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "+skos+"Concept>"):
					concepts++
				case strings.Contains(line, " "+skos+"broader> "):
					broader++
				}
			}
			if concepts != g.Len() {
				t.Errorf("rapper read %d skos:Concepts, want %d", concepts, g.Len())
			}
			want := 0
			for _, r := range g.Relations() {
				if r.Type == graph.TypeOf || r.Type == graph.ExampleOf || r.Type == graph.PartOf {
					want++
				}
			}
			// Two hierarchical relations between one pair are one broader.
			if broader > want || broader == 0 && want > 0 {
				t.Errorf("rapper read %d skos:broader, want up to %d", broader, want)
			}
		})
	}
}

func TestDOTReadByGraphviz(t *testing.T) {
	dot := need(t, "dot", "graphviz")
	for name, g := range consumerGraphs() {
		for _, layout := range graph.Layouts {
			t.Run(name+"/"+layout, func(t *testing.T) {
				var b bytes.Buffer
				if err := g.WriteDOT(&b, graph.DOTOptions{Layout: layout}); err != nil {
					t.Fatal(err)
				}
				cmd := exec.Command(dot, "-Tsvg")
				cmd.Stdin = bytes.NewReader(b.Bytes())
				var stderr bytes.Buffer
				cmd.Stderr = &stderr
				out, err := cmd.Output()
				if err != nil || strings.Contains(strings.ToLower(stderr.String()), "error") {
					t.Fatalf("dot -Tsvg rejects our DOT: %v\n%s\n%s", err, stderr.String(), b.String())
				}
				root, err := parseXML(out)
				if err != nil || root.name.Local != "svg" {
					t.Fatalf("dot -Tsvg wrote no SVG (%v):\n%.300s", err, out)
				}
				for _, c := range g.Concepts() {
					if root.byID(graph.NodeElementID(c.ID)) == nil {
						t.Errorf("dot's SVG has no element for concept %q", c.ID)
					}
				}
			})
		}
	}
}

func TestAnkiReadByPythonCSV(t *testing.T) {
	python := need(t, "python3", "python3")
	for name, g := range consumerGraphs() {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := g.WriteAnki(&b, ""); err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(t.TempDir(), name+".csv")
			if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			// Anki reads "#key:value" lines at the top, then the rows.
			const script = `import csv, json, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    lines = f.readlines()
header = [l for l in lines if l.startswith("#")]
rows = list(csv.reader(lines[len(header):], strict=True))
print(json.dumps({"header": [l.rstrip("\n") for l in header], "rows": rows}))`
			out, err := exec.Command(python, "-c", script, file).Output()
			if err != nil {
				t.Fatalf("python csv cannot read the cards: %v", err)
			}
			var got struct {
				Header []string
				Rows   [][]string
			}
			if err := json.Unmarshal(out, &got); err != nil {
				t.Fatal(err)
			}
			wantHeader := []string{"#separator:comma", "#html:false", "#columns:Front,Back,Tags", "#tags column:3"}
			if diff := cmp.Diff(wantHeader, got.Header); diff != "" {
				t.Errorf("Anki header differs (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(readAnki(t, b.Bytes()), got.Rows); diff != "" {
				t.Errorf("Python and Go read different cards (-go +python):\n%s", diff)
			}
		})
	}
}

// The GraphML follows the conventions Gephi's and yEd's importers rely
// on: the GraphML namespace, every key declared before the graph with an
// id, a domain, attr.name and an attr.type of GraphML's, data only under
// declared keys of its domain, node labels under attr.name "label",
// positions as doubles x and y, unique node ids that edges refer to.
func TestGraphMLConventions(t *testing.T) {
	pos := map[string][2]float64{"도커": {351.23, -26}, "linux": {0, 12.5}}
	for name, g := range consumerGraphs() {
		var b bytes.Buffer
		if err := g.WriteGraphML(&b, pos); err != nil {
			t.Fatal(err)
		}
		dec := xml.NewDecoder(bytes.NewReader(b.Bytes()))
		keys := map[string]string{} // id -> domain
		names := map[string]string{}
		types := map[string]string{}
		nodes := map[string]bool{}
		var edges [][2]string
		var path []string
		inGraph := false
		for {
			tok, err := dec.Token()
			if err != nil {
				if err.Error() == "EOF" {
					break
				}
				t.Fatalf("%s: GraphML is not XML: %v", name, err)
			}
			switch el := tok.(type) {
			case xml.StartElement:
				a := map[string]string{}
				for _, at := range el.Attr {
					a[at.Name.Local] = at.Value
				}
				if len(path) == 0 && (el.Name.Local != "graphml" || el.Name.Space != "http://graphml.graphdrawing.org/xmlns") {
					t.Fatalf("%s: root is %v, want graphml in the GraphML namespace", name, el.Name)
				}
				switch el.Name.Local {
				case "key":
					if inGraph {
						t.Errorf("%s: key %s declared after the graph", name, a["id"])
					}
					if a["id"] == "" || !slices.Contains([]string{"node", "edge", "graph", "all"}, a["for"]) || a["attr.name"] == "" ||
						!slices.Contains([]string{"boolean", "int", "long", "float", "double", "string"}, a["attr.type"]) {
						t.Errorf("%s: key %v lacks an id, domain, attr.name or GraphML attr.type", name, a)
					}
					keys[a["id"]], names[a["id"]], types[a["id"]] = a["for"], a["attr.name"], a["attr.type"]
				case "graph":
					inGraph = true
				case "node":
					if nodes[a["id"]] {
						t.Errorf("%s: node id %q twice", name, a["id"])
					}
					nodes[a["id"]] = true
				case "edge":
					edges = append(edges, [2]string{a["source"], a["target"]})
				case "data":
					parent := path[len(path)-1]
					if dom, ok := keys[a["key"]]; !ok || dom != parent && dom != "all" {
						t.Errorf("%s: data key %q under <%s> is not declared for it", name, a["key"], parent)
					}
				}
				path = append(path, el.Name.Local)
			case xml.EndElement:
				path = path[:len(path)-1]
			}
		}
		for _, e := range edges {
			if !nodes[e[0]] || !nodes[e[1]] {
				t.Errorf("%s: edge %v names an unknown node", name, e)
			}
		}
		if names["name"] != "label" || types["x"] != "double" || types["y"] != "double" || keys["x"] != "node" {
			t.Errorf("%s: keys %v / %v, want the name under attr.name label and x, y as node doubles", name, names, types)
		}
	}
}

// networkxPython finds a Python that can import networkx: Debian's
// python3-networkx installs into /usr/bin/python3's site-packages, which
// the python3 first on PATH (a pyenv one, say) may not see.
func networkxPython(t *testing.T) string {
	t.Helper()
	var tried []string
	for _, p := range []string{"/usr/bin/python3", "python3", "python"} {
		path, err := exec.LookPath(p)
		if err != nil || slices.Contains(tried, path) {
			continue
		}
		tried = append(tried, path)
		if exec.Command(path, "-c", "import networkx").Run() == nil {
			return path
		}
	}
	t.Skipf("no Python with networkx (tried %v): install the Debian package python3-networkx to run this consumer test", tried)
	return ""
}

// networkx reads our GraphML as the directed graph it is, every node with
// its label and position, every relation with its type and whether it is
// symmetric.
func TestGraphMLReadByNetworkx(t *testing.T) {
	python := networkxPython(t)
	pos := map[string][2]float64{"도커": {351.23, -26}, "linux": {0, 12.5}}
	const script = `import json, sys
import networkx as nx
g = nx.read_graphml(sys.argv[1])
edges = []
for e in (g.edges(keys=True, data=True) if g.is_multigraph() else g.edges(data=True)):
    d = e[-1]
    edges.append([e[0], e[1], d["type"], d["symmetric"]])
print(json.dumps({"directed": g.is_directed(),
                  "nodes": {n: [d.get("label"), d.get("x"), d.get("y")] for n, d in g.nodes(data=True)},
                  "edges": sorted(edges)}))`
	for name, g := range consumerGraphs() {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := g.WriteGraphML(&b, pos); err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(t.TempDir(), name+".graphml")
			if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			var stderr bytes.Buffer
			cmd := exec.Command(python, "-c", script, file)
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("networkx.read_graphml rejects our GraphML: %v\n%s", err, stderr.String())
			}
			var got struct {
				Directed bool
				Nodes    map[string][3]any
				Edges    [][4]any
			}
			if err := json.Unmarshal(out, &got); err != nil {
				t.Fatal(err)
			}
			if !got.Directed {
				t.Error("networkx read an undirected graph, want directed")
			}
			// What networkx read is what encoding/xml reads, and what g holds.
			var doc graphML
			if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			wantNodes := map[string][3]any{}
			for _, n := range doc.Graph.Nodes {
				w := [3]any{nil, nil, nil}
				for _, d := range n.Data {
					switch d.Key {
					case "name":
						w[0] = d.Value
					case "x", "y":
						f, err := strconv.ParseFloat(d.Value, 64)
						if err != nil {
							t.Fatal(err)
						}
						w[map[string]int{"x": 1, "y": 2}[d.Key]] = f
					}
				}
				wantNodes[n.ID] = w
			}
			if len(wantNodes) != g.Len() {
				t.Fatalf("GraphML has %d nodes, want %d", len(wantNodes), g.Len())
			}
			var wantEdges [][4]any
			for i, r := range g.Relations() {
				e := doc.Graph.Edges[i]
				wantEdges = append(wantEdges, [4]any{e.Source, e.Target, string(r.Type), r.Type.Symmetric()})
			}
			byText := func(a, b [4]any) int { return strings.Compare(fmt.Sprint(a), fmt.Sprint(b)) }
			slices.SortFunc(wantEdges, byText)
			slices.SortFunc(got.Edges, byText)
			if diff := cmp.Diff(wantNodes, got.Nodes); diff != "" {
				t.Errorf("networkx nodes differ (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(wantEdges, got.Edges); diff != "" {
				t.Errorf("networkx edges differ (-want +got):\n%s", diff)
			}
		})
	}
}
