package graph

// Exported for the tests in package graph_test.
var (
	Clean     = clean
	LabelSize = labelSize
)
