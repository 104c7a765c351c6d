package extract_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"conceptgraph/extract"
)

// A note that always extracts: its heading names one concept.
func goodNote(name string) string {
	return "# " + name + "\n\n" + name + "는 노트의 한 예이다.\n"
}

// fileState is what extraction must leave untouched: every entry under a
// folder, its mode, modification time and contents.
type fileState struct {
	mode    fs.FileMode
	modTime time.Time
	data    string
}

func snapshot(t *testing.T, dir string) map[string]fileState {
	t.Helper()
	out := map[string]fileState{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := os.Lstat(p)
		if err != nil {
			return err
		}
		st := fileState{mode: info.Mode(), modTime: info.ModTime()}
		if info.Mode().IsRegular() {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			st.data = string(data)
		}
		out[p] = st
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func write(t *testing.T, dir, name, data string) string {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("symbolic links unavailable: %v", err)
	}
}

func TestFiles(t *testing.T) {
	tests := []struct {
		name string
		// setup fills dir and returns the paths to read.
		setup func(t *testing.T, dir string) []string
		// wantErr, when set, is what the error wraps; errHas are strings
		// the error message must hold ("{dir}" stands for the folder).
		wantErr error
		errHas  []string
		// wantNotes are the names of the notes read, in order ("{dir}"
		// stands for the folder).
		wantNotes []string
		// wantWarn are patterns, one per expected warning, matched
		// against the warnings' messages ("{dir}" stands for the folder).
		wantWarn []string
		// wantConcepts are concept names the graph must hold.
		wantConcepts []string
	}{
		{
			name: "invalid UTF-8",
			setup: func(t *testing.T, dir string) []string {
				write(t, dir, "good.md", goodNote("도커"))
				write(t, dir, "latin1.md", "# Caf\xe9\n\nline two\nline three \xff\xfe\n")
				return []string{dir}
			},
			wantNotes:    []string{"good.md"},
			wantWarn:     []string{`^latin1\.md:1: invalid UTF-8 at byte 5`},
			wantConcepts: []string{"도커"},
		},
		{
			name: "invalid UTF-8 on a later line",
			setup: func(t *testing.T, dir string) []string {
				write(t, dir, "good.md", goodNote("도커"))
				write(t, dir, "late.md", "# Title\n\nline two\nline three \xff\xfe\n")
				return []string{dir}
			},
			wantNotes: []string{"good.md"},
			wantWarn:  []string{`^late\.md:4: invalid UTF-8`},
		},
		{
			name: "NUL byte: binary file named .md",
			setup: func(t *testing.T, dir string) []string {
				write(t, dir, "good.md", goodNote("도커"))
				write(t, dir, "image.md", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
				write(t, dir, "late-nul.md", "# Title\n\ntext\x00\n")
				return []string{dir}
			},
			wantNotes: []string{"good.md"},
			wantWarn: []string{
				`^image\.md:3: NUL byte`,
				`^late-nul\.md:3: NUL byte`,
			},
		},
		{
			name: "empty file is a warning, not a failure",
			setup: func(t *testing.T, dir string) []string {
				write(t, dir, "empty.md", "")
				write(t, dir, "blank.md", " \n\n\t\n")
				return []string{dir}
			},
			wantNotes: []string{"blank.md", "empty.md"},
			wantWarn:  []string{`^blank\.md: empty note`, `^empty\.md: empty note`},
		},
		{
			name: "missing path",
			setup: func(t *testing.T, dir string) []string {
				write(t, dir, "good.md", goodNote("도커"))
				return []string{dir, filepath.Join(dir, "no-such-note.md")}
			},
			wantErr: fs.ErrNotExist,
			errHas:  []string{"{dir}/no-such-note.md"},
		},
		{
			name: "symbolic link loop",
			setup: func(t *testing.T, dir string) []string {
				write(t, dir, "notes/a.md", goodNote("도커"))
				write(t, dir, "notes/sub/b.md", goodNote("쿠버네티스"))
				symlink(t, "..", filepath.Join(dir, "notes/sub/up"))
				symlink(t, "self", filepath.Join(dir, "notes/self"))
				return []string{filepath.Join(dir, "notes")}
			},
			wantNotes: []string{"a.md", "sub/b.md"},
			wantWarn: []string{
				`^self: broken symbolic link`,
				`^sub/up: folder already read`,
			},
			wantConcepts: []string{"도커", "쿠버네티스"},
		},
		{
			name: "folder of notes and other files",
			setup: func(t *testing.T, dir string) []string {
				write(t, dir, "z.md", goodNote("Zookeeper"))
				write(t, dir, "a.md", goodNote("Ansible"))
				write(t, dir, "sub/m.markdown", goodNote("MongoDB"))
				write(t, dir, "sub/deeper/B.MD", goodNote("Bash"))
				write(t, dir, "readme.txt", goodNote("TextOnly"))
				write(t, dir, "image.png", "\x89PNG\r\n\x1a\n\x00")
				write(t, dir, "md", goodNote("NoExtension"))
				write(t, dir, ".obsidian/workspace.md", goodNote("Hidden"))
				write(t, dir, "a.md.bak", goodNote("Backup"))
				return []string{dir}
			},
			wantNotes:    []string{"a.md", "sub/deeper/B.MD", "sub/m.markdown", "z.md"},
			wantConcepts: []string{"Ansible", "Bash", "MongoDB", "Zookeeper"},
		},
		{
			name: "file given directly and inside a folder given",
			setup: func(t *testing.T, dir string) []string {
				a := write(t, dir, "a.md", goodNote("Ansible"))
				write(t, dir, "b.md", goodNote("Bash"))
				symlink(t, "a.md", filepath.Join(dir, "link-to-a.md"))
				return []string{a, dir, dir}
			},
			wantNotes: []string{"{dir}/a.md", "001/b.md"},
		},
		{
			name: "several folders: each folder's name leads",
			setup: func(t *testing.T, dir string) []string {
				write(t, dir, "os/process.md", goodNote("프로세스"))
				write(t, dir, "net/dns.md", goodNote("DNS"))
				write(t, dir, "net/bad.md", "ok\n\xff")
				return []string{filepath.Join(dir, "os"), filepath.Join(dir, "net")}
			},
			wantNotes: []string{"net/dns.md", "os/process.md"},
			wantWarn:  []string{`^net/bad\.md:2: invalid UTF-8`},
		},
		{
			name: "two folders of the same name",
			setup: func(t *testing.T, dir string) []string {
				write(t, dir, "work/notes/x.md", goodNote("도커"))
				write(t, dir, "home/notes/x.md", goodNote("쿠버네티스"))
				return []string{filepath.Join(dir, "work/notes"), filepath.Join(dir, "home/notes")}
			},
			wantNotes:    []string{"{dir}/home/notes/x.md", "{dir}/work/notes/x.md"},
			wantConcepts: []string{"도커", "쿠버네티스"},
		},
		{
			name: "a device given as a note",
			setup: func(t *testing.T, dir string) []string {
				if _, err := os.Stat("/dev/zero"); err != nil {
					t.Skip("no /dev/zero")
				}
				return []string{write(t, dir, "a.md", goodNote("Ansible")), "/dev/zero"}
			},
			wantNotes: []string{"{dir}/a.md"},
			wantWarn:  []string{`^/dev/zero: \d+ bytes is larger than the 64 MiB limit`},
		},
		{
			name: "nothing readable",
			setup: func(t *testing.T, dir string) []string {
				write(t, dir, "binary.md", "\x00\x01\x02")
				write(t, dir, "latin1.md", "caf\xe9\n")
				write(t, dir, "notes.txt", goodNote("TextOnly"))
				return []string{dir}
			},
			wantErr: extract.ErrNoNotes,
			errHas:  []string{"{dir}"},
		},
		{
			name: "no markdown at all",
			setup: func(t *testing.T, dir string) []string {
				write(t, dir, "notes.txt", goodNote("TextOnly"))
				return []string{dir}
			},
			wantErr: extract.ErrNoNotes,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			paths := tt.setup(t, dir)
			expand := func(s string) string { return strings.ReplaceAll(s, "{dir}", dir) }
			before := snapshot(t, dir)

			res, err := extract.Files(context.Background(), paths)

			if after := snapshot(t, dir); !mapsEqual(before, after) {
				t.Errorf("Files(%q) changed the files it read:\nbefore %v\nafter  %v", paths, before, after)
			}
			if tt.wantErr != nil || len(tt.errHas) > 0 {
				if err == nil {
					t.Fatalf("Files(%q) = nil error, want one wrapping %v", paths, tt.wantErr)
				}
				if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
					t.Errorf("Files(%q) = %v, want an error wrapping %v", paths, err, tt.wantErr)
				}
				for _, s := range tt.errHas {
					if !strings.Contains(err.Error(), expand(s)) {
						t.Errorf("Files(%q) = %q, want it to name %q", paths, err, expand(s))
					}
				}
				return
			}
			if err != nil {
				t.Fatalf("Files(%q) = %v, want no error", paths, err)
			}

			var warns []string
			for _, w := range res.Warnings {
				warns = append(warns, w.Error())
				var pe *extract.Error
				if !errors.As(w, &pe) {
					t.Errorf("Files(%q) warning %q is a %T, want an *extract.Error", paths, w, w)
				} else if pe.Line > 0 && !strings.HasPrefix(w.Error(), pe.File+":"+strconv.Itoa(pe.Line)+": ") {
					t.Errorf("Files(%q) warning = %q, want it to read %q", paths, w, pe.File+":"+strconv.Itoa(pe.Line)+": …")
				}
			}
			slices.Sort(warns)
			if len(warns) != len(tt.wantWarn) {
				t.Errorf("Files(%q) warnings = %q, want %d matching %q", paths, warns, len(tt.wantWarn), tt.wantWarn)
			} else {
				for i, pat := range tt.wantWarn {
					re := regexp.MustCompile(strings.ReplaceAll(pat, "{dir}", regexp.QuoteMeta(dir)))
					if !re.MatchString(warns[i]) {
						t.Errorf("Files(%q) warning %d = %q, want a match for %q", paths, i, warns[i], re)
					}
				}
			}
			for _, name := range tt.wantConcepts {
				if res.Graph.Lookup(name) == nil {
					t.Errorf("Files(%q) graph lacks concept %q", paths, name)
				}
			}

			// The same paths through ReadNotes: which notes, in which order.
			notes, _, err := extract.ReadNotes(paths)
			if err != nil {
				t.Fatalf("ReadNotes(%q) = %v, want no error", paths, err)
			}
			var got, want []string
			for _, n := range notes {
				got = append(got, n.Name)
			}
			for _, n := range tt.wantNotes {
				want = append(want, filepath.ToSlash(expand(n)))
			}
			if !slices.Equal(got, want) {
				t.Errorf("ReadNotes(%q) = %q, want %q", paths, got, want)
			}
			if !slices.IsSortedFunc(notes, func(a, b extract.Note) int { return strings.Compare(a.Name, b.Name) }) {
				t.Errorf("ReadNotes(%q) names = %q, want them sorted", paths, got)
			}
		})
	}
}

func mapsEqual(a, b map[string]fileState) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		w, ok := b[k]
		if !ok || v.mode != w.mode || !v.modTime.Equal(w.modTime) || v.data != w.data {
			return false
		}
	}
	return true
}

func TestCheck(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" for no error
	}{
		{"", ""},
		{"# 제목\n\n본문\n", ""},
		{"a\nb\n\x00", "n.md:3: NUL byte"},
		{"a\nb\nc\xc3", "n.md:3: invalid UTF-8 at byte 5"},
		{"\xed\xa0\x80 surrogate", "n.md:1: invalid UTF-8 at byte 0"},
		{"\xef\xbb\xbf# BOM is valid UTF-8\n", ""},
	}
	for _, tt := range tests {
		err := extract.Check("n.md", []byte(tt.in))
		got := ""
		if err != nil {
			got = err.Error()
		}
		if tt.want == "" && got != "" || tt.want != "" && !strings.HasPrefix(got, tt.want) {
			t.Errorf("Check(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestErrorString(t *testing.T) {
	tests := []struct {
		in   extract.Error
		want string
	}{
		{extract.Error{File: "notes/os.md", Line: 12, Err: errors.New("invalid UTF-8")}, "notes/os.md:12: invalid UTF-8"},
		{extract.Error{File: "notes/os.md", Err: errors.New("empty note")}, "notes/os.md: empty note"},
	}
	for _, tt := range tests {
		if got := tt.in.Error(); got != tt.want {
			t.Errorf("(%#v).Error() = %q, want %q", tt.in, got, tt.want)
		}
	}
}
