package graph

import "reflect"

// Exported for the tests in package graph_test.
var (
	Clean     = clean
	LabelSize = labelSize
)

// LibraryEdges returns the number of vertices of g's dominikbraun/graph
// and, for each of its edges, how many relations it carries.
func LibraryEdges(g *Graph) (vertices int, edges map[[2]string]int, err error) {
	lg := g.library()
	if vertices, err = lg.Order(); err != nil {
		return 0, nil, err
	}
	all, err := lg.Edges()
	if err != nil {
		return 0, nil, err
	}
	edges = map[[2]string]int{}
	for _, e := range all {
		edges[[2]string{e.Source, e.Target}] = len(e.Properties.Data.(*edge).rels)
	}
	return vertices, edges, nil
}

// SameInside reports whether two graphs hold the same concepts,
// relations, names and adjacency, in the same orders.
func SameInside(a, b *Graph) bool {
	return reflect.DeepEqual(a.concepts, b.concepts) && reflect.DeepEqual(a.edges, b.edges) &&
		reflect.DeepEqual(a.out, b.out) && reflect.DeepEqual(a.in, b.in) && reflect.DeepEqual(a.outEdges, b.outEdges) &&
		reflect.DeepEqual(a.names, b.names) && reflect.DeepEqual(a.sym, b.sym)
}
