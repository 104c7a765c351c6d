package render_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"conceptgraph/graph/render"
)

func TestPositions(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want map[string][2]float64
	}{
		{"nodes after subgraphs", `{"_subgraph_cnt": 1, "objects": [
			{"name": "cluster_x", "nodes": [1]},
			{"name": "a", "pos": "27,18"},
			{"name": "도커", "pos": "99.5,111.7!"}]}`,
			map[string][2]float64{"a": {27, -18}, "도커": {99.5, -111.7}}},
		{"escaped names", `{"_subgraph_cnt": 0, "objects": [
			{"name": "a\\\\b", "pos": "1,2"},
			{"name": "x&amp;amp;y", "pos": "3,4"},
			{"name": "&#37;1\\n2", "pos": "5,6"},
			{"name": "\\\\n", "pos": "7,8"}]}`,
			map[string][2]float64{`a\b`: {1, -2}, "x&amp;y": {3, -4}, "%1\n2": {5, -6}, `\n`: {7, -8}}},
		{"no pos", `{"_subgraph_cnt": 0, "objects": [{"name": "a"}]}`, map[string][2]float64{}},
		{"3d", `{"_subgraph_cnt": 0, "objects": [{"name": "a", "pos": "1,2,3"}]}`, map[string][2]float64{"a": {1, -2}}},
	}
	for _, tt := range tests {
		got, err := render.Positions([]byte(tt.in))
		if err != nil {
			t.Errorf("Positions(%s) = %v", tt.name, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Positions(%s) (-want +got):\n%s", tt.name, diff)
		}
	}
}

func TestPositionsErrors(t *testing.T) {
	for _, in := range []string{
		`digraph { a }`,
		`{"_subgraph_cnt": 2, "objects": []}`,
		`{"_subgraph_cnt": 0, "objects": [{"name": "a", "pos": "x,y"}]}`,
	} {
		if _, err := render.Positions([]byte(in)); err == nil || !strings.HasPrefix(err.Error(), "positions: ") {
			t.Errorf("Positions(%s) = %v, want an error starting with \"positions: \"", in, err)
		}
	}
}
