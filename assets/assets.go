// Package assets holds what ships inside the binary: the sample notes the
// commands read when given no path, and the explorer page.
package assets

import (
	"embed"
	"io/fs"
	"path"
	"sort"
)

//go:embed sample/*.md
var sample embed.FS

//go:embed web
var web embed.FS

// Web returns the explorer page: index.html, app.js and app.css at its
// root.
func Web() fs.FS {
	sub, err := fs.Sub(web, "web")
	if err != nil {
		panic("assets: " + err.Error()) // a build defect, not input
	}
	return sub
}

// SampleFile is a note of the embedded sample.
type SampleFile struct {
	Name string // "infra-notes.md"
	Data []byte
}

// Sample returns the embedded sample notes, sorted by name.
func Sample() []SampleFile {
	var out []SampleFile
	entries, err := fs.ReadDir(sample, "sample")
	if err != nil {
		panic("assets: embedded sample missing: " + err.Error()) // a build defect, not input
	}
	for _, e := range entries {
		data, err := sample.ReadFile(path.Join("sample", e.Name()))
		if err != nil {
			panic("assets: " + err.Error())
		}
		out = append(out, SampleFile{Name: e.Name(), Data: data})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
