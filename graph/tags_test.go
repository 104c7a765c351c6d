package graph_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"conceptgraph/graph"
)

// tagged builds concepts with tags as a vault gives them, one spelled in
// another case and one nested.
func tagged(t *testing.T) *graph.Graph {
	t.Helper()
	g := graph.New()
	for _, c := range []graph.Concept{
		{ID: "postgresql", Name: "PostgreSQL", Tags: []string{"database", "db/sql"}},
		{ID: "redis", Name: "Redis", Tags: []string{"cache", "database"}},
		{ID: "mvcc", Name: "MVCC", Tags: []string{"Database"}},
		{ID: "tcp", Name: "TCP", Tags: []string{"network"}},
		{ID: "ip", Name: "IP"},
	} {
		if _, err := g.AddConcept(c); err != nil {
			t.Fatal(err)
		}
	}
	return g
}

func TestTags(t *testing.T) {
	got := tagged(t).Tags()
	want := []graph.Tag{{"cache", 1}, {"database", 3}, {"db/sql", 1}, {"network", 1}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Tags() differs (-want +got):\n%s", diff)
	}
	if got := graph.New().Tags(); len(got) != 0 {
		t.Errorf("Tags() of an empty graph = %v, want none", got)
	}
}

func TestTagged(t *testing.T) {
	g := tagged(t)
	for _, tt := range []struct {
		tags []string
		want []string
	}{
		{[]string{"database"}, []string{"mvcc", "postgresql", "redis"}},
		{[]string{"DATABASE"}, []string{"mvcc", "postgresql", "redis"}},
		{[]string{"network", "cache"}, []string{"redis", "tcp"}},
		{[]string{"db"}, []string{"postgresql"}}, // db/sql is nested under db
		{[]string{"data"}, nil},                  // a prefix is not a parent
		{[]string{"sql"}, nil},
		{nil, nil},
	} {
		if got := g.Tagged(tt.tags); !cmp.Equal(got, tt.want) {
			t.Errorf("Tagged(%q) = %q, want %q", tt.tags, got, tt.want)
		}
	}
}

func TestParseTags(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{" , ", nil},
		{"database", []string{"database"}},
		{"#database, network ,#db/sql", []string{"database", "network", "db/sql"}},
		{"database,Database,##database", []string{"database"}},
	} {
		if got := graph.ParseTags(tt.in); !cmp.Equal(got, tt.want) {
			t.Errorf("ParseTags(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestKnownAndNearTags(t *testing.T) {
	known := tagged(t).Tags()
	for _, tt := range []struct {
		tag   string
		known bool
		near  []string
	}{
		{"database", true, []string{"database"}},
		{"db", true, []string{"db/sql"}},
		{"Network", true, []string{"network"}},
		{"databse", false, []string{"database"}},
		{"sql", false, []string{"db/sql"}},
		{"netwrok", false, []string{"network"}},
		{"kubernetes", false, nil},
	} {
		if got := graph.KnownTag(known, tt.tag); got != tt.known {
			t.Errorf("KnownTag(%q) = %t, want %t", tt.tag, got, tt.known)
		}
		if got := graph.NearTags(known, tt.tag, 3); !cmp.Equal(got, tt.near) {
			t.Errorf("NearTags(%q) = %q, want %q", tt.tag, got, tt.near)
		}
	}
}

// A subgraph keeps its concepts' tags.
func TestSubgraphKeepsTags(t *testing.T) {
	g := tagged(t)
	sub := g.Subgraph(g.Tagged([]string{"cache"}), nil)
	if got := sub.Concept("redis").Tags; !cmp.Equal(got, []string{"cache", "database"}) {
		t.Errorf("Subgraph: redis tags = %q, want cache, database", got)
	}
}
