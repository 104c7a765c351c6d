package extract

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"conceptgraph/graph"
)

// CurationFile is the name of the file of corrections read beside the
// notes: see "Curation" in the documentation of package graph.
const CurationFile = "conceptgraph.yaml"

// ApplyCuration applies the curation files of paths to g, in place: the
// file named [CurationFile] in each folder of paths, or in the folder of
// each file of paths, each folder once, in the order of paths. Folders
// below them are not searched. A folder without the file is fine.
//
// It returns a warning for every entry that no longer matches anything
// (each a *graph.CurationError naming the file and line), and an error
// naming the file and line when a curation file cannot be read or parsed;
// then g is left as it was.
func ApplyCuration(g *graph.Graph, paths []string) (warnings []error, err error) {
	seen := map[string]bool{}
	var cs []*graph.Curation
	for _, p := range paths {
		dir := p
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			dir = filepath.Dir(p)
		}
		key := dir
		if abs, err := filepath.Abs(dir); err == nil {
			key = abs
		}
		if real, err := filepath.EvalSymlinks(key); err == nil {
			key = real
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		file := filepath.Join(dir, CurationFile)
		data, err := os.ReadFile(file)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		name := filepath.ToSlash(file)
		if err != nil {
			return nil, &graph.CurationError{File: name, Err: unwrapPath(err)}
		}
		c, err := graph.ParseCuration(name, data)
		if err != nil {
			return nil, err
		}
		cs = append(cs, c)
	}
	return g.Curate(cs...), nil
}

// curate applies the curation files of paths to the result's graph and
// adds their warnings to the result's.
func curate(res *Result, paths []string) error {
	warnings, err := ApplyCuration(res.Graph, paths)
	res.Warnings = append(res.Warnings, warnings...)
	return err
}
