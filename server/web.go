package server

import (
	"io/fs"
	"mime"
	"net/http"
	"path"

	"github.com/gin-gonic/gin"

	"conceptgraph/assets"
)

// handleIndex answers GET /: the explorer page.
func (s *Server) handleIndex(c *gin.Context) {
	s.serveAsset(c, "index.html")
}

// handleStatic answers GET /static/:file: the page's script and style.
func (s *Server) handleStatic(c *gin.Context) {
	s.serveAsset(c, c.Param("file"))
}

func (s *Server) serveAsset(c *gin.Context, name string) {
	data, err := fs.ReadFile(assets.Web(), path.Clean(name))
	if err != nil {
		s.fail(c, errNotFound("no such file: "+name))
		return
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	// The page loads nothing from elsewhere; say so to the browser.
	c.Header("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
	c.Header("X-Content-Type-Options", "nosniff")
	c.Header("Cache-Control", "no-cache")
	c.Data(http.StatusOK, ctype, data)
}
