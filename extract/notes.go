package extract

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"unicode/utf8"
)

// Error is a problem with one note, at a line when one is known (Line 0
// means the whole file). Its message reads "notes/os.md:12: invalid UTF-8".
type Error struct {
	File string
	Line int
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

func errorf(format string, args ...any) error { return fmt.Errorf(format, args...) }

// Note is one Markdown file to read: Name is how evidence refers to it.
type Note struct {
	Name string
	Data []byte
}

// MaxNoteSize is the largest note read; larger files are skipped with a
// warning.
const MaxNoteSize = 64 << 20

// ErrNoNotes is returned when nothing readable was found under the paths.
var ErrNoNotes = errors.New("no readable notes")

// ReadNotes reads every *.md file under paths (files, or folders walked
// recursively; symbolic links are followed once, loops are skipped). A path
// that does not exist is an error. Files that cannot be used (unreadable,
// binary, not UTF-8) are skipped, each with a warning naming the file and
// line; a named pipe or a socket is never opened for reading (it could
// block for ever): given as a path it is skipped with a warning, inside a
// folder silently, as every file that is not a note. Notes come back
// sorted by name, each file once.
//
// A note's name, which evidence cites, is its path relative to the folder
// given ("os/process.md"), or the file's base name; with several paths,
// each folder's name leads ("notes/os/process.md"), so the notes' names
// never depend on where the folder sits on disk; two folders of the same
// name ("work/notes", "home/notes") are led by their paths as given
// instead, so no two notes share a name. Warnings name files the same way.
func ReadNotes(paths []string) (notes []Note, warnings []error, err error) {
	seen := map[string]bool{} // real paths read
	several := len(paths) > 1
	folders := map[string]map[string]bool{} // base name -> the folders given of that name
	for _, p := range paths {
		if info, err := os.Stat(p); err == nil && info.IsDir() {
			base := folderBase(p)
			if folders[base] == nil {
				folders[base] = map[string]bool{}
			}
			abs, _ := filepath.Abs(p)
			folders[base][abs] = true
		}
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, warnings, &Error{File: p, Err: errors.Unwrap(err)}
		}
		if !info.IsDir() {
			name := filepath.Base(p)
			if several {
				name = filepath.Clean(p)
			}
			n, w := readNote(p, name, seen)
			warnings = append(warnings, w...)
			if n != nil {
				notes = append(notes, *n)
			}
			continue
		}
		prefix := ""
		if several {
			prefix = folderBase(p)
			if len(folders[prefix]) > 1 {
				prefix = filepath.Clean(p)
			}
		}
		ns, ws := walkDir(p, prefix, seen)
		notes = append(notes, ns...)
		warnings = append(warnings, ws...)
	}
	slices.SortFunc(notes, func(a, b Note) int { return strings.Compare(a.Name, b.Name) })
	return notes, warnings, nil
}

// folderBase is the name of the folder p, even for "." or "notes/".
func folderBase(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		return filepath.Base(abs)
	}
	return filepath.Base(p)
}

// walkDir walks root, following symbolic links to folders while never
// entering a folder it has entered before. Notes and warnings name files by
// their path under root, led by prefix.
func walkDir(root, prefix string, seen map[string]bool) (notes []Note, warnings []error) {
	nameOf := func(p string) string {
		rel, err := filepath.Rel(root, p)
		switch {
		case err != nil:
			return filepath.ToSlash(p)
		case rel == "." && prefix == "":
			return filepath.ToSlash(filepath.Clean(root))
		}
		return filepath.ToSlash(filepath.Join(prefix, rel))
	}
	visited := map[string]bool{}
	var walk func(dir string)
	walk = func(dir string) {
		real, err := filepath.EvalSymlinks(dir)
		if err != nil {
			warnings = append(warnings, &Error{File: nameOf(dir), Err: errors.New("cannot resolve folder, skipped")})
			return
		}
		if visited[real] {
			warnings = append(warnings, &Error{File: nameOf(dir), Err: errors.New("folder already read (symbolic link loop?), skipped")})
			return
		}
		visited[real] = true
		entries, err := os.ReadDir(dir)
		if err != nil {
			warnings = append(warnings, &Error{File: nameOf(dir), Err: unwrapPath(err)})
			return
		}
		for _, e := range entries {
			p := filepath.Join(dir, e.Name())
			if strings.HasPrefix(e.Name(), ".") {
				continue // .git, .obsidian, editor swap files
			}
			mode := e.Type()
			if mode&fs.ModeSymlink != 0 {
				info, err := os.Stat(p)
				if err != nil {
					warnings = append(warnings, &Error{File: nameOf(p), Err: errors.New("broken symbolic link, skipped")})
					continue
				}
				if info.IsDir() {
					walk(p)
					continue
				}
				mode = info.Mode()
			}
			switch {
			case e.IsDir():
				walk(p)
			case mode.IsRegular() && isMarkdown(p):
				n, w := readNote(p, nameOf(p), seen)
				warnings = append(warnings, w...)
				if n != nil {
					notes = append(notes, *n)
				}
			}
		}
	}
	walk(root)
	return notes, warnings
}

func isMarkdown(p string) bool {
	ext := lowerCase(filepath.Ext(p))
	return ext == ".md" || ext == ".markdown"
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// readNote reads and checks one file; it returns nil and a warning when the
// file cannot be used.
func readNote(path, name string, seen map[string]bool) (*Note, []error) {
	name = filepath.ToSlash(name)
	if real, err := filepath.EvalSymlinks(path); err == nil {
		if abs, err := filepath.Abs(real); err == nil {
			if seen[abs] {
				return nil, nil
			}
			seen[abs] = true
		}
	}
	info, err := os.Stat(path)
	if err != nil {
		return nil, []error{&Error{File: name, Err: unwrapPath(err)}}
	}
	if err := unreadable(info.Mode()); err != nil {
		return nil, []error{&Error{File: name, Err: err}}
	}
	tooLarge := func(size int64) []error {
		return []error{&Error{File: name, Err: fmt.Errorf("%d bytes is larger than the %d MiB limit, skipped", size, MaxNoteSize>>20)}}
	}
	if info.Size() > MaxNoteSize {
		return nil, tooLarge(info.Size())
	}
	// Open without blocking: opening a named pipe for reading waits for a
	// writer, for ever, and the file may have been replaced by one since
	// Stat. Read at most one byte past the limit: a file may grow after
	// Stat, and a device given as a path (/dev/zero) reports no size at
	// all.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, []error{&Error{File: name, Err: unwrapPath(err)}}
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil || unreadable(info.Mode()) != nil {
		if err == nil {
			err = unreadable(info.Mode())
		}
		return nil, []error{&Error{File: name, Err: unwrapPath(err)}}
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxNoteSize+1))
	if err != nil {
		return nil, []error{&Error{File: name, Err: unwrapPath(err)}}
	}
	if len(data) > MaxNoteSize {
		return nil, tooLarge(int64(len(data)))
	}
	if err := Check(name, data); err != nil {
		return nil, []error{err}
	}
	return &Note{Name: name, Data: data}, nil
}

// unreadable says why a file of this mode is not read as a note: a named
// pipe or a socket gives what another program writes, when it writes, and
// reading one could wait for ever.
func unreadable(mode fs.FileMode) error {
	switch {
	case mode&fs.ModeNamedPipe != 0:
		return errors.New("a named pipe (FIFO), not a file; skipped")
	case mode&fs.ModeSocket != 0:
		return errors.New("a socket, not a file; skipped")
	case mode.IsDir():
		return errors.New("a folder where a file was expected; skipped")
	}
	return nil
}

// Check reports why data cannot be read as a note: a NUL byte (a binary
// file) or invalid UTF-8, with the line it is on. An empty note is fine.
func Check(name string, data []byte) error {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return &Error{File: name, Line: lineAt(data, i), Err: errors.New("NUL byte: binary file, not a Markdown note; skipped")}
	}
	if !utf8.Valid(data) {
		i := 0
		for i < len(data) {
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			i += size
		}
		return &Error{File: name, Line: lineAt(data, i), Err: fmt.Errorf("invalid UTF-8 at byte %d; skipped (save the note as UTF-8)", i)}
	}
	return nil
}

func lineAt(data []byte, off int) int {
	return bytes.Count(data[:off], []byte{'\n'}) + 1
}
