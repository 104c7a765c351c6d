package render

import (
	"context"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
)

// PoolOptions configures [NewPool].
type PoolOptions struct {
	// Command returns a command that starts one worker: a process that
	// runs [ServeWorker] on its standard input and output (conceptgraph's
	// hidden "render-worker" command). Its standard input and output are
	// the pool's; set its Stderr to see what a worker says. Required.
	Command func() *exec.Cmd
	// Workers is how many drawings may run at once, each in a process of
	// its own. Zero means 2.
	Workers int
	// MaxMemory is the most memory, in bytes, a worker may hold after a
	// drawing before it is replaced by a fresh one (Graphviz's
	// WebAssembly memory only grows). Zero means [DefaultMaxMemory].
	MaxMemory int64
}

// DefaultMaxMemory is the memory a worker may hold before it is replaced:
// a fresh worker holds about 35 MB after its first drawing, and each
// distinct drawing adds about half a megabyte that is never given back, so
// a worker is replaced after some hundreds of drawings (starting one takes
// about 50 ms).
const DefaultMaxMemory = 256 << 20

// Stats says what a pool's workers have done. For a renderer made by
// [New], it is zero.
type Stats struct {
	Renders  int   // drawings asked of workers
	Started  int   // worker processes started
	Replaced int   // workers retired because they held more than MaxMemory
	Killed   int   // workers killed because a drawing's context ended first, or that failed
	Peak     int64 // the most memory a worker reported holding after a drawing
}

// pool draws in worker processes: drawings run in parallel, a worker that
// holds too much memory is replaced, and one whose drawing is abandoned is
// killed, so a slow drawing never holds up the next.
type pool struct {
	opts  PoolOptions
	slots chan struct{} // one token per drawing running
	mu    sync.Mutex
	idle  []*worker
	live  map[*worker]bool
	stats Stats
	done  bool
}

// worker is one worker process and the pipe to it.
type worker struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
	enc   *gob.Encoder
	dec   *gob.Decoder
	exit  chan struct{} // closed once the process has been waited for
}

// workerRequest asks a worker for one drawing.
type workerRequest struct {
	DOT    []byte
	Format Format
	Layout string
}

// workerResponse is a worker's answer: the drawing or the error, and the
// memory the worker holds afterwards. A worker's first message, sent
// unasked, says only how much memory it holds and which font it found.
type workerResponse struct {
	Out    []byte
	Err    string
	Memory int64
	Font   string
}

// NewPool returns a Renderer that draws in worker processes started by
// opts.Command (see [PoolOptions]). It starts one worker at once, so that a
// command that cannot start fails here. Render on it runs up to
// opts.Workers drawings in parallel; when its context ends before the
// drawing is done, the worker is killed (a fresh one starts for the next
// drawing) and Render returns ctx.Err(). Close ends every worker.
func NewPool(ctx context.Context, opts PoolOptions) (*Renderer, error) {
	if opts.Command == nil {
		return nil, errors.New("render: pool: no worker command")
	}
	if opts.Workers <= 0 {
		opts.Workers = 2
	}
	if opts.MaxMemory <= 0 {
		opts.MaxMemory = DefaultMaxMemory
	}
	p := &pool{opts: opts, slots: make(chan struct{}, opts.Workers), live: map[*worker]bool{}}
	w, hello, err := p.start(ctx)
	if err != nil {
		return nil, err
	}
	p.idle = append(p.idle, w)
	return &Renderer{pool: p, font: hello.Font}, nil
}

// start starts a worker and reads its hello.
func (p *pool) start(ctx context.Context) (*worker, workerResponse, error) {
	cmd := p.opts.Command()
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, workerResponse{}, fmt.Errorf("render: start worker: %w", err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, workerResponse{}, fmt.Errorf("render: start worker: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return nil, workerResponse{}, fmt.Errorf("render: start worker: %w", err)
	}
	w := &worker{cmd: cmd, stdin: stdin, enc: gob.NewEncoder(stdin), dec: gob.NewDecoder(stdout), exit: make(chan struct{})}
	go func() {
		_ = cmd.Wait()
		close(w.exit)
	}()
	p.mu.Lock()
	p.live[w] = true
	p.stats.Started++
	closed := p.done
	p.mu.Unlock()
	if closed {
		p.kill(w)
		return nil, workerResponse{}, ErrClosed
	}
	hello := make(chan error, 1)
	var h workerResponse
	go func() { hello <- w.dec.Decode(&h) }()
	select {
	case err = <-hello:
	case <-ctx.Done():
		err = ctx.Err()
	}
	if err != nil {
		p.kill(w)
		return nil, h, fmt.Errorf("render: start worker %s: %w", cmd.Path, err)
	}
	return w, h, nil
}

// kill ends w at once and forgets it.
func (p *pool) kill(w *worker) {
	_ = w.cmd.Process.Kill()
	<-w.exit
	p.mu.Lock()
	delete(p.live, w)
	p.mu.Unlock()
}

// retire ends w once it has read what it was sent: its input closes.
func (p *pool) retire(w *worker) {
	_ = w.stdin.Close()
	<-w.exit
	p.mu.Lock()
	delete(p.live, w)
	p.mu.Unlock()
}

func (p *pool) render(ctx context.Context, dot []byte, format Format, layout string) ([]byte, error) {
	select {
	case p.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-p.slots }()
	p.mu.Lock()
	if p.done {
		p.mu.Unlock()
		return nil, ErrClosed
	}
	var w *worker
	if n := len(p.idle); n > 0 {
		w, p.idle = p.idle[n-1], p.idle[:n-1]
	}
	p.stats.Renders++
	p.mu.Unlock()
	if w == nil {
		var err error
		if w, _, err = p.start(ctx); err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			return nil, err
		}
	}
	type result struct {
		resp workerResponse
		err  error
	}
	done := make(chan result, 1)
	go func() {
		var res result
		if res.err = w.enc.Encode(workerRequest{DOT: dot, Format: format, Layout: layout}); res.err == nil {
			res.err = w.dec.Decode(&res.resp)
		}
		done <- res
	}()
	select {
	case res := <-done:
		if res.err != nil {
			// The worker died or wrote nonsense: never reuse it.
			p.kill(w)
			p.count(func(s *Stats) { s.Killed++ })
			return nil, fmt.Errorf("render: worker: %w", res.err)
		}
		p.keep(w, res.resp.Memory)
		if res.resp.Err != "" {
			return nil, errors.New(res.resp.Err)
		}
		return res.resp.Out, nil
	case <-ctx.Done():
		// Nobody waits for this drawing any more: stop it, rather than
		// let it hold a worker for however long it takes.
		p.kill(w)
		<-done
		p.count(func(s *Stats) { s.Killed++ })
		return nil, ctx.Err()
	}
}

// keep puts w back among the idle workers, or retires it when it holds
// more memory than it may.
func (p *pool) keep(w *worker, memory int64) {
	p.mu.Lock()
	p.stats.Peak = max(p.stats.Peak, memory)
	if memory > p.opts.MaxMemory || p.done {
		p.stats.Replaced++
		p.mu.Unlock()
		go p.retire(w) // a fresh one starts when it is needed
		return
	}
	p.idle = append(p.idle, w)
	p.mu.Unlock()
}

func (p *pool) count(f func(*Stats)) {
	p.mu.Lock()
	f(&p.stats)
	p.mu.Unlock()
}

// close ends every worker: idle ones at once, busy ones as their drawings
// are abandoned.
func (p *pool) close() {
	p.mu.Lock()
	p.done = true
	live := make([]*worker, 0, len(p.live))
	for w := range p.live {
		live = append(live, w)
	}
	p.idle = nil
	p.mu.Unlock()
	for _, w := range live {
		p.kill(w)
	}
}

// Stats returns what the renderer's workers have done so far (see
// [NewPool]); a renderer made by [New] has none.
func (r *Renderer) Stats() Stats {
	if r.pool == nil {
		return Stats{}
	}
	r.pool.mu.Lock()
	defer r.pool.mu.Unlock()
	return r.pool.stats
}

// ServeWorker is the body of a worker process of [NewPool]: it draws what
// it reads from in, one request at a time with an in-process [Renderer],
// and writes each drawing to out, until in ends. It ignores Ctrl-C (the
// terminal sends it to the whole process group; the pool ends its workers
// itself). It returns nil when in ends, and an error if Graphviz cannot
// start or out cannot be written.
func ServeWorker(in io.Reader, out io.Writer) error {
	signal.Ignore(os.Interrupt)
	r, err := New(context.Background())
	if err != nil {
		return err
	}
	defer r.Close()
	enc := gob.NewEncoder(out)
	dec := gob.NewDecoder(in)
	if err := enc.Encode(workerResponse{Memory: memoryHeld(), Font: r.Font()}); err != nil {
		return err
	}
	for {
		var req workerRequest
		if err := dec.Decode(&req); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return fmt.Errorf("render worker: %w", err)
		}
		resp := workerResponse{}
		resp.Out, err = r.Render(context.Background(), req.DOT, req.Format, req.Layout)
		if err != nil {
			resp.Out, resp.Err = nil, err.Error()
		}
		resp.Memory = memoryHeld()
		if err := enc.Encode(resp); err != nil {
			return err
		}
	}
}

// memoryHeld is the memory this process holds: its resident set where
// /proc tells it, otherwise all the memory the Go runtime has mapped
// (which holds Graphviz's WebAssembly memory).
func memoryHeld() int64 {
	if b, err := os.ReadFile("/proc/self/statm"); err == nil {
		if f := strings.Fields(string(b)); len(f) > 1 {
			if pages, err := strconv.ParseInt(f[1], 10, 64); err == nil {
				return pages * int64(os.Getpagesize())
			}
		}
	}
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() == metrics.KindUint64 {
		return int64(s[0].Value.Uint64())
	}
	return 0
}
