package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
)

// reloadEvent tells open pages that the graph changed, or failed to.
type reloadEvent struct {
	Version int    `json:"version"`
	Error   string `json:"error"`
}

// hub fans reload events out to every open event stream.
type hub struct {
	mu     sync.Mutex
	subs   map[chan reloadEvent]struct{}
	closed bool
}

func newHub() *hub { return &hub{subs: map[chan reloadEvent]struct{}{}} }

// subscribe returns a channel of the events to come; it is closed when
// the hub is, at once if it is already.
func (h *hub) subscribe() chan reloadEvent {
	ch := make(chan reloadEvent, 4)
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		close(ch)
		return ch
	}
	h.subs[ch] = struct{}{}
	return ch
}

func (h *hub) unsubscribe(ch chan reloadEvent) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, ok := h.subs[ch]; ok {
		delete(h.subs, ch)
		close(ch)
	}
}

// close ends every stream, and every stream opened later.
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for ch := range h.subs {
		delete(h.subs, ch)
		close(ch)
	}
}

// publish sends ev to every subscriber; a subscriber that is behind loses
// the oldest event it has not read, since only the latest version matters.
func (h *hub) publish(ev reloadEvent) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.subs {
		select {
		case ch <- ev:
		default:
			select {
			case <-ch:
			default:
			}
			ch <- ev
		}
	}
}

// keepAlive is how often an idle event stream sends a comment, so that
// proxies and browsers keep it open.
const keepAlive = 20 * time.Second

// handleEvents answers GET /api/events with a stream of Server-Sent Events:
// "reload" whenever the graph is re-extracted. The first event tells the
// current version. The stream ends with the page, or when
// [Server.CloseEvents] is called.
func (s *Server) handleEvents(c *gin.Context) {
	ch := s.events.subscribe()
	defer s.events.unsubscribe(ch)
	// The server's write timeout is for ordinary responses; a stream
	// lives as long as the page.
	_ = http.NewResponseController(c.Writer).SetWriteDeadline(time.Time{})
	c.Header("Content-Type", "text/event-stream")
	c.Header("Cache-Control", "no-cache")
	c.Header("X-Accel-Buffering", "no")
	c.Status(http.StatusOK)
	snap := s.state.Load()
	if err := writeEvent(c, "hello", reloadEvent{Version: snap.version, Error: snap.problem}); err != nil {
		return
	}
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	ctx := c.Request.Context()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-ch:
			if !ok {
				return // the server is shutting down
			}
			if err := writeEvent(c, "reload", ev); err != nil {
				return
			}
		case <-tick.C:
			if _, err := fmt.Fprint(c.Writer, ": keep-alive\n\n"); err != nil {
				return
			}
			c.Writer.Flush()
		}
	}
}

// CloseEvents ends every open event stream, and answers later requests for
// one with a stream that ends at once: call it when shutting down (see
// http.Server.RegisterOnShutdown), since a stream would otherwise hold its
// connection open until the page goes away. It is safe to call more than
// once.
func (s *Server) CloseEvents() { s.events.close() }

func writeEvent(c *gin.Context, name string, ev reloadEvent) error {
	data, err := json.Marshal(ev)
	if err != nil {
		return err
	}
	if _, err := fmt.Fprintf(c.Writer, "event: %s\ndata: %s\n\n", name, data); err != nil {
		return err
	}
	c.Writer.Flush()
	return nil
}
