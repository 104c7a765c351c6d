package server_test

import (
	"net/url"
	"strings"
	"testing"

	"conceptgraph/graph"
	"conceptgraph/server"
)

func TestPrerequisites(t *testing.T) {
	_, ts := newSample(t, server.Options{})
	for _, of := range []string{"도커", "Docker", "docker"} {
		var lo graph.LearningOrderDocument
		getJSON(t, ts, "/api/prerequisites?of="+url.QueryEscape(of), 200, &lo)
		if lo.Target.ID != "docker" {
			t.Errorf("prerequisites of %q: target %+v, want docker", of, lo.Target)
			continue
		}
		var ids []string
		for _, s := range lo.Steps {
			ids = append(ids, s.ID)
		}
		if len(ids) < 2 || ids[len(ids)-1] != "docker" {
			t.Errorf("prerequisites of %q: steps %v, want Docker's prerequisites and Docker last", of, ids)
		}
		for _, s := range lo.Steps[:len(lo.Steps)-1] {
			if len(s.Because) == 0 || len(s.Because[0].Evidence) == 0 {
				t.Errorf("prerequisites of %q: step %s has no reason with evidence", of, s.ID)
			}
		}
		if lo.Cycles == nil || lo.Broken == nil {
			t.Errorf("prerequisites of %q: cycles %v, broken %v, want lists", of, lo.Cycles, lo.Broken)
		}
	}
}

func TestPrerequisitesErrors(t *testing.T) {
	_, ts := newSample(t, server.Options{})
	var e errorBody
	getJSON(t, ts, "/api/prerequisites?of="+url.QueryEscape("도컼"), 404, &e)
	if !strings.Contains(e.Error, "도컼") || len(e.Suggestions) == 0 || e.Suggestions[0].ID != "docker" {
		t.Errorf("unknown concept: %+v, want 404 naming it and suggesting 도커", e)
	}
	getJSON(t, ts, "/api/prerequisites", 400, &e)
	if !strings.HasPrefix(e.Error, "parameter of:") {
		t.Errorf("missing of: %q, want it to name the parameter", e.Error)
	}
}

// The learning order names every concept it mentions, those it only
// compares with included, so the page shows names rather than ids.
func TestPrerequisitesNames(t *testing.T) {
	_, ts := newSample(t, server.Options{})
	var lo graph.LearningOrderDocument
	getJSON(t, ts, "/api/prerequisites?of="+url.QueryEscape("멀티 프로세스"), 200, &lo)
	compared := 0
	for _, s := range lo.Steps {
		for _, r := range s.Compare {
			for _, id := range []string{r.From, r.To} {
				compared++
				var c struct{ Name string }
				getJSON(t, ts, "/api/concepts/"+url.PathEscape(id), 200, &c)
				if lo.Names[id] != c.Name {
					t.Errorf("names[%q] = %q, want the concept's name %q", id, lo.Names[id], c.Name)
				}
			}
		}
	}
	if compared == 0 || lo.Names["멀티-스레드"] != "멀티 스레드" {
		t.Errorf("learning order of 멀티 프로세스: names %v, want 멀티 스레드, which it is compared with", lo.Names)
	}
}
