package server_test

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"conceptgraph/extract"
	"conceptgraph/graph"
	"conceptgraph/server"
)

// taggedVault is a small vault whose notes carry tags in their front
// matter (one nested, one in another case) and inline.
var taggedVault = []extract.Note{
	{Name: "vault/db/postgresql.md", Data: []byte("---\ntags: [database, db/sql]\n---\n# PostgreSQL\n\nPostgreSQL은 관계형 데이터베이스이다. PostgreSQL은 WAL을 사용한다.\n\nPostgreSQL은 MVCC를 사용한다.\n")},
	{Name: "vault/db/redis.md", Data: []byte("---\ntags: database\n---\n# Redis\n\nRedis는 인메모리 데이터베이스이다. Redis는 TCP를 사용한다. #cache\n")},
	{Name: "vault/db/mvcc.md", Data: []byte("---\ntags: [Database]\n---\n# MVCC\n\nMVCC는 동시성 제어 기법이다.\n")},
	{Name: "vault/net/tcp.md", Data: []byte("---\ntags: [network]\n---\n# TCP\n\nTCP는 연결 지향 프로토콜이다. TCP는 IP를 사용한다.\n")},
	{Name: "vault/net/dns.md", Data: []byte("---\ntags: [network]\n---\n# DNS\n\nDNS는 UDP를 사용한다. DNS는 TCP를 사용한다.\n")},
}

func taggedLoader(ctx context.Context) (*graph.Graph, []error, error) {
	res, err := extract.Notes(ctx, taggedVault)
	if err != nil {
		return nil, nil, err
	}
	return res.Graph, res.Warnings, nil
}

// newTagged returns a test server of the real engine over taggedVault.
func newTagged(t testing.TB) *httptest.Server {
	t.Helper()
	_, ts := newSample(t, server.Options{Load: taggedLoader})
	return ts
}

func conceptIDs(d graph.Document) []string {
	var ids []string
	for _, c := range d.Concepts {
		ids = append(ids, c.ID)
	}
	return ids
}

func relationKeys(d graph.Document) []string {
	var out []string
	for _, r := range d.Relations {
		out = append(out, r.From+" "+string(r.Type)+" "+r.To)
	}
	return out
}

func TestStatusTags(t *testing.T) {
	ts := newTagged(t)
	var st struct{ Tags []graph.Tag }
	getJSON(t, ts, "/api/status", 200, &st)
	want := []graph.Tag{{Name: "cache", Concepts: 1}, {Name: "database", Concepts: 3}, {Name: "db/sql", Concepts: 1}, {Name: "network", Concepts: 2}}
	if diff := cmp.Diff(want, st.Tags); diff != "" {
		t.Errorf("/api/status tags differ (-want +got):\n%s", diff)
	}
	var c struct{ Tags []string }
	getJSON(t, ts, "/api/concepts/Redis", 200, &c)
	if !cmp.Equal(c.Tags, []string{"cache", "database"}) {
		t.Errorf("/api/concepts/Redis tags = %q, want cache, database", c.Tags)
	}
	// Notes without tags list none, as an empty list.
	_, sample := newSample(t, server.Options{})
	if _, _, body := get(t, sample, "/api/status"); !strings.Contains(string(body), `"tags":[]`) {
		t.Errorf("/api/status of the sample = %s, want \"tags\":[]", body)
	}
}

// Every view keeps only the concepts carrying any of the tags asked for,
// and the relations among them; a focus is kept, tagged or not, and its
// neighbourhood is reached through tagged concepts only.
func TestTagFilter(t *testing.T) {
	ts := newTagged(t)
	for _, tt := range []struct {
		path      string
		concepts  []string
		relations []string
		apart     []string
	}{
		{"/api/graph?tag=database", []string{"mvcc", "postgresql", "redis"}, []string{"postgresql uses mvcc"}, nil},
		{"/api/graph?tag=" + url.QueryEscape("#Database"), []string{"mvcc", "postgresql", "redis"}, []string{"postgresql uses mvcc"}, nil},
		{"/api/graph?tag=db", []string{"postgresql"}, nil, nil}, // db/sql is nested under db
		{"/api/graph?tag=database,network", []string{"dns", "mvcc", "postgresql", "redis", "tcp"}, []string{"dns uses tcp", "postgresql uses mvcc", "redis uses tcp"}, nil},
		{"/api/graph?tag=database&tag=network&types=uses", []string{"dns", "mvcc", "postgresql", "redis", "tcp"}, []string{"dns uses tcp", "postgresql uses mvcc", "redis uses tcp"}, nil},
		{"/api/graph?tag=network&types=type_of", []string{"dns", "tcp"}, nil, nil},
		// The whole graph draws the tagged concepts with relations and
		// lists the others apart.
		{"/api/view?tag=database", []string{"mvcc", "postgresql"}, []string{"postgresql uses mvcc"}, []string{"redis"}},
		{"/api/view?top=25&tag=database", []string{"mvcc", "postgresql", "redis"}, []string{"postgresql uses mvcc"}, nil},
		{"/api/view?focus=tcp&depth=1&tag=network", []string{"dns", "tcp"}, []string{"dns uses tcp"}, nil},
		// Redis is not tagged network, but it is the focus.
		{"/api/view?focus=Redis&depth=2&tag=network", []string{"dns", "redis", "tcp"}, []string{"dns uses tcp", "redis uses tcp"}, nil},
		{"/api/neighborhood?focus=Redis&depth=2&tag=network", []string{"dns", "redis", "tcp"}, []string{"dns uses tcp", "redis uses tcp"}, nil},
		{"/api/view?ids=postgresql,tcp,redis&tag=database", []string{"postgresql", "redis"}, nil, nil},
	} {
		var v struct {
			Graph graph.Document
			Apart []struct{ ID string }
		}
		if strings.HasPrefix(tt.path, "/api/graph") {
			getJSON(t, ts, tt.path, 200, &v.Graph)
		} else {
			getJSON(t, ts, tt.path, 200, &v)
		}
		if got := conceptIDs(v.Graph); !cmp.Equal(got, tt.concepts) {
			t.Errorf("GET %s: concepts %q, want %q", tt.path, got, tt.concepts)
		}
		if got := relationKeys(v.Graph); !cmp.Equal(got, tt.relations) {
			t.Errorf("GET %s: relations %q, want %q", tt.path, got, tt.relations)
		}
		var apart []string
		for _, c := range v.Apart {
			apart = append(apart, c.ID)
		}
		if !cmp.Equal(apart, tt.apart) {
			t.Errorf("GET %s: apart %q, want %q", tt.path, apart, tt.apart)
		}
	}
}

// The drawing of a tag's view is that view, cached apart from other
// tags'; a download names its tag and holds every concept of the view.
func TestTagFilterDrawings(t *testing.T) {
	ts := newTagged(t)
	for _, tt := range []struct {
		tag      string
		drawn    []string
		not      []string
		concepts int
		file     string
	}{
		{"database", []string{"postgresql", "mvcc"}, []string{"tcp", "dns", "redis"}, 3, "conceptgraph-tag-database.json"},
		{"network", []string{"tcp", "dns"}, []string{"postgresql", "mvcc"}, 2, "conceptgraph-tag-network.json"},
	} {
		code, _, body := get(t, ts, "/api/svg?tag="+tt.tag)
		if code != 200 {
			t.Fatalf("GET /api/svg?tag=%s = %d %s", tt.tag, code, body)
		}
		ids := svgIDs(t, body)
		for _, id := range tt.drawn {
			if !ids[graph.NodeElementID(id)] {
				t.Errorf("/api/svg?tag=%s does not draw %s", tt.tag, id)
			}
		}
		for _, id := range tt.not {
			if ids[graph.NodeElementID(id)] {
				t.Errorf("/api/svg?tag=%s draws %s", tt.tag, id)
			}
		}
		var d graph.Document
		code, hdr, body := get(t, ts, "/api/export?format=json&tag="+tt.tag)
		if code != 200 || !strings.Contains(hdr.Get("Content-Disposition"), tt.file) {
			t.Errorf("export json of tag %s = %d %q, want a download named %s", tt.tag, code, hdr.Get("Content-Disposition"), tt.file)
		}
		if err := json.Unmarshal(body, &d); err != nil || len(d.Concepts) != tt.concepts {
			t.Errorf("export json of tag %s: %d concepts (%v), want %d", tt.tag, len(d.Concepts), err, tt.concepts)
		}
	}
	// A focus's download says its tags too.
	if _, hdr, _ := get(t, ts, "/api/export?format=dot&focus=tcp&tag=network,database"); !strings.Contains(hdr.Get("Content-Disposition"), "conceptgraph-tcp-d1-tag-network-database.dot") {
		t.Errorf("export dot of a tagged focus: %q", hdr.Get("Content-Disposition"))
	}
}

// A tag no concept carries answers 400 naming the parameter, with the
// tags it may be a misspelling of; so do too many tags, and a tag longer
// than a parameter may be.
func TestTagFilterErrors(t *testing.T) {
	ts := newTagged(t)
	_, sample := newSample(t, server.Options{})
	many := make([]string, 21)
	for i := range many {
		many[i] = "database"
		if i > 0 {
			many[i] += strings.Repeat("x", i)
		}
	}
	for _, tt := range []struct {
		ts   *httptest.Server
		path string
		has  string
	}{
		{ts, "/api/view?tag=databse", `did you mean “database”?`},
		{ts, "/api/svg?tag=netwrok", `did you mean “network”?`},
		{ts, "/api/graph?tag=sql", `did you mean “db/sql”?`},
		{ts, "/api/neighborhood?focus=tcp&tag=kubernetes", "no concept is tagged “kubernetes”"},
		{ts, "/api/export?format=svg&tag=database,kubernetes", "no concept is tagged “kubernetes”"},
		{ts, "/api/view?tag=" + strings.Join(many, ","), "more than the 20"},
		{ts, "/api/view?tag=" + strings.Repeat("x", 401), "longer than the 400"},
		{sample, "/api/view?tag=database", "these notes have no tags"},
	} {
		var e errorBody
		getJSON(t, tt.ts, tt.path, 400, &e)
		if !strings.HasPrefix(e.Error, "parameter tag: ") || !strings.Contains(e.Error, tt.has) {
			t.Errorf("GET %.80s: error %q, want it to name the parameter and say %q", tt.path, e.Error, tt.has)
		}
	}
	// An unknown focus is still a 404 with suggestions.
	var e errorBody
	getJSON(t, ts, "/api/view?focus=Rediz&tag=database", 404, &e)
	if !slices.ContainsFunc(e.Suggestions, func(s struct{ ID, Name string }) bool { return s.ID == "redis" }) {
		t.Errorf("unknown focus with a tag: %+v, want Redis suggested", e)
	}
}
