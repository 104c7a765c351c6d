package server

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Debounce is how long the watcher waits after a change for more changes
// before reloading: editors save through a temporary file and a rename,
// and a git checkout touches hundreds of files; each burst is one reload.
const Debounce = 300 * time.Millisecond

// MaxDelay is the longest a change waits for its reload while changes keep
// coming (an editor that saves every few hundred milliseconds, a long
// sync): the page is never staler than this, plus the reload itself.
const MaxDelay = time.Second

// Watch reloads the graph whenever a Markdown note under paths changes,
// until ctx ends. Folders are watched recursively, through symbolic links
// to folders (each folder once), including folders created later; for a
// file, its folder is watched, so a save that replaces the file by
// renaming is seen. A burst of changes is one reload, [Debounce] after the
// last change but never more than [MaxDelay] after the first. Once every
// folder is watched it logs "watching notes" at level Info. It returns an
// error if watching cannot start.
func (s *Server) Watch(ctx context.Context, paths []string) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	files := map[string]bool{}    // files named directly
	fileDirs := map[string]bool{} // their folders
	var trees []string            // folders named directly
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return err
		}
		info, err := os.Stat(abs)
		if err != nil {
			return err
		}
		if info.IsDir() {
			trees = append(trees, abs)
			addTree(w, abs)
			continue
		}
		files[abs] = true
		fileDirs[filepath.Dir(abs)] = true
		if err := w.Add(filepath.Dir(abs)); err != nil {
			return err
		}
	}
	s.log.Info("watching notes", "folders", len(w.WatchList()))
	relevant := func(ev fsnotify.Event) bool {
		if files[ev.Name] || fileDirs[filepath.Dir(ev.Name)] && slices.Contains(s.opts.WatchNames, filepath.Base(ev.Name)) {
			return true
		}
		if !inTrees(ev.Name, trees) || strings.HasPrefix(filepath.Base(ev.Name), ".") {
			return false
		}
		ext := strings.ToLower(filepath.Ext(ev.Name))
		switch {
		case ext == ".md" || ext == ".markdown" || slices.Contains(s.opts.WatchNames, filepath.Base(ev.Name)):
			return true
		case ev.Has(fsnotify.Create):
			if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
				addTree(w, ev.Name)
				return true // a folder of notes may have arrived whole
			}
		case ext == "" && (ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename)):
			return true // perhaps a folder of notes went away
		}
		return false
	}
	var timer *time.Timer
	var fire <-chan time.Time
	var first time.Time // the first change not yet reloaded, or zero
	schedule := func() {
		now := time.Now()
		if first.IsZero() {
			first = now
		}
		wait := max(0, min(Debounce, first.Add(MaxDelay).Sub(now)))
		if timer == nil {
			timer = time.NewTimer(wait)
		} else {
			timer.Reset(wait)
		}
		fire = timer.C
	}
	for {
		select {
		case <-ctx.Done():
			if timer != nil {
				timer.Stop()
			}
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if !relevant(ev) {
				continue
			}
			schedule()
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			s.log.Warn("watching notes", "err", err)
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				schedule() // changes were lost: read everything again
			}
		case <-fire:
			fire, first = nil, time.Time{}
			if err := s.Reload(ctx); err != nil && !errors.Is(err, context.Canceled) {
				s.log.Warn("reload", "err", err)
			}
		}
	}
}

// addTree watches dir and every folder under it, following symbolic links
// to folders and entering each folder once (a link back up is a loop), and
// skipping hidden ones (.git, .obsidian). Folders that cannot be watched
// are skipped.
func addTree(w *fsnotify.Watcher, dir string) {
	seen := map[string]bool{}
	var walk func(dir string)
	walk = func(dir string) {
		real, err := filepath.EvalSymlinks(dir)
		if err != nil || seen[real] {
			return
		}
		seen[real] = true
		if err := w.Add(dir); err != nil {
			return
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			return
		}
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".") {
				continue
			}
			p := filepath.Join(dir, e.Name())
			if e.IsDir() {
				walk(p)
			} else if e.Type()&fs.ModeSymlink != 0 {
				if info, err := os.Stat(p); err == nil && info.IsDir() {
					walk(p)
				}
			}
		}
	}
	walk(dir)
}

func inTrees(p string, trees []string) bool {
	for _, t := range trees {
		if p == t || strings.HasPrefix(p, t+string(filepath.Separator)) {
			return true
		}
	}
	return false
}
