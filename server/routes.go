package server

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
)

// routes registers every route of the server.
func (s *Server) routes() *gin.Engine {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	// No proxy sits in front of a server on the user's own machine: the
	// client address is the connection's.
	_ = r.SetTrustedProxies(nil)
	r.Use(s.recover(), s.requestLog(), s.checkHost())

	r.GET("/", s.handleIndex)
	r.GET("/static/:file", s.handleStatic)

	api := r.Group("/api", s.limitParams())
	api.GET("/health", s.handleHealth)
	api.GET("/status", s.handleStatus)
	api.GET("/graph", s.handleGraph)
	api.GET("/concepts", s.handleConcepts)
	api.GET("/concepts/:id", s.handleConcept)
	api.GET("/view", s.handleView)
	api.GET("/svg", s.handleSVG)
	api.GET("/neighborhood", s.handleNeighborhood)
	api.GET("/path", s.handlePath)
	api.GET("/prerequisites", s.handlePrerequisites)
	api.GET("/export", s.handleExport)
	api.GET("/events", s.handleEvents)

	r.NoRoute(func(c *gin.Context) { s.fail(c, errNotFound("no such page: "+clip(c.Request.URL.Path, 200))) })
	return r
}

// recover turns a panic in a handler into a 500 with the error shape; the
// panic is logged in full.
func (s *Server) recover() gin.HandlerFunc {
	return gin.CustomRecoveryWithWriter(nil, func(c *gin.Context, err any) {
		s.log.Error("panic in handler", "path", c.Request.URL.Path, "panic", err)
		c.AbortWithStatusJSON(http.StatusInternalServerError, errorResponse{Error: "internal error"})
	})
}

// requestLog writes one structured line per request, with the path and
// query clipped to a few hundred bytes.
func (s *Server) requestLog() gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		level := slog.LevelInfo
		if c.Writer.Status() >= 500 {
			level = slog.LevelError
		}
		s.log.Log(c.Request.Context(), level, "request",
			"method", c.Request.Method, "path", clip(c.Request.URL.Path, 300), "query", clip(c.Request.URL.RawQuery, 300),
			"status", c.Writer.Status(), "bytes", c.Writer.Size(), "took", time.Since(start))
	}
}

// checkHost refuses requests for another host (DNS rebinding).
func (s *Server) checkHost() gin.HandlerFunc {
	return func(c *gin.Context) {
		if !s.hostAllowed(c.Request.Host) {
			c.AbortWithStatusJSON(http.StatusMisdirectedRequest, errorResponse{Error: "host " + clip(c.Request.Host, 100) + " is not served here"})
			return
		}
		c.Next()
	}
}
