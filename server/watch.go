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

// Watch reloads the graph whenever a Markdown note under paths changes,
// until ctx ends. Folders are watched recursively, including ones created
// later; for a file, its folder is watched, so a save that replaces the
// file by renaming is seen. It returns an error if watching cannot start.
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
			if timer == nil {
				timer = time.NewTimer(Debounce)
			} else {
				timer.Reset(Debounce)
			}
			fire = timer.C
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			s.log.Warn("watching notes", "err", err)
		case <-fire:
			fire = nil
			if err := s.Reload(ctx); err != nil && !errors.Is(err, context.Canceled) {
				s.log.Warn("reload", "err", err)
			}
		}
	}
}

// addTree watches dir and every folder under it, skipping hidden ones
// (.git, .obsidian). Folders that cannot be watched are skipped.
func addTree(w *fsnotify.Watcher, dir string) {
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if p != dir && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			_ = w.Add(p)
		}
		return nil
	})
}

func inTrees(p string, trees []string) bool {
	for _, t := range trees {
		if p == t || strings.HasPrefix(p, t+string(filepath.Separator)) {
			return true
		}
	}
	return false
}
