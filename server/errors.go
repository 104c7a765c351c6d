package server

import (
	"context"
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"conceptgraph/graph"
)

// errorResponse is the one error shape of the API.
type errorResponse struct {
	Error       string       `json:"error"`
	Suggestions []conceptRef `json:"suggestions,omitempty"`
}

// apiError is an error meant for the person using the API, with its status.
type apiError struct {
	status      int
	msg         string
	suggestions []conceptRef
}

func (e *apiError) Error() string { return e.msg }

func errBadParam(name, msg string) error {
	return &apiError{status: http.StatusBadRequest, msg: "parameter " + name + ": " + msg}
}

func errNotFound(msg string) error { return &apiError{status: http.StatusNotFound, msg: msg} }

func errTooLarge(msg string) error {
	return &apiError{status: http.StatusRequestEntityTooLarge, msg: msg}
}

// fail writes err as the API's error shape. The status is chosen here, in
// one place: errors for the user keep theirs, an unknown concept is 404
// with suggestions, a render past its budget is 503, anything else is a 500
// whose detail is logged and not shown.
func (s *Server) fail(c *gin.Context, err error) {
	var ae *apiError
	var nf *graph.NotFoundError
	switch {
	case errors.As(err, &ae):
		c.AbortWithStatusJSON(ae.status, errorResponse{Error: ae.msg, Suggestions: ae.suggestions})
	case errors.As(err, &nf):
		var refs []conceptRef
		for _, sc := range s.state.Load().search.Suggest(nf.Name, 5) {
			refs = append(refs, refOf(sc))
		}
		c.AbortWithStatusJSON(http.StatusNotFound, errorResponse{Error: "no concept named " + quote(nf.Name), Suggestions: refs})
	case errors.Is(err, context.DeadlineExceeded):
		c.AbortWithStatusJSON(http.StatusServiceUnavailable, errorResponse{Error: "drawing this view took longer than " + s.opts.RenderBudget.String() + "; narrow it with a focus, a smaller depth or fewer relation types"})
	case errors.Is(err, context.Canceled):
		c.Abort() // the client went away
	default:
		s.log.Error("internal error", "path", clip(c.Request.URL.Path, 300), "query", clip(c.Request.URL.RawQuery, 300), "err", err)
		c.AbortWithStatusJSON(http.StatusInternalServerError, errorResponse{Error: "internal error"})
	}
}

func quote(s string) string { return "\u201c" + s + "\u201d" }
