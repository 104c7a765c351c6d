package extract

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/parser"
	gtext "github.com/yuin/goldmark/text"

	"conceptgraph/assets"
)

// The benchmark corpus: ~10 MB of notes in ~250 KB files, made from the
// embedded sample the way a person's collection grows. Each copy of the
// sample renames its concepts with a counter ("DNS 12", "도커 12"; 40
// variants, so a concept recurs across files) and shuffles the sample's
// sections, so no file repeats another.
const (
	benchCorpusSize = 10 << 20
	benchFileSize   = 250 << 10
	benchVariants   = 40
)

var (
	benchOnce  sync.Once
	benchNotes []Note
	benchBytes int64
)

// benchCorpus returns the corpus, generated once and deterministically.
func benchCorpus(b *testing.B) ([]Note, int64) {
	b.Helper()
	benchOnce.Do(func() {
		var src []byte
		for _, f := range assets.Sample() {
			src = append(src, f.Data...)
		}
		res, err := Notes(context.Background(), []Note{{Name: "sample.md", Data: src}})
		if err != nil {
			panic(err)
		}
		var names []string
		for _, c := range res.Graph.Concepts() {
			names = append(names, c.Names()...)
		}
		tmpl := newRenaming(string(src), names)
		var file strings.Builder
		flush := func() {
			benchNotes = append(benchNotes, Note{Name: fmt.Sprintf("notes/part-%02d.md", len(benchNotes)+1), Data: []byte(file.String())})
			benchBytes += int64(file.Len())
			file.Reset()
		}
		for i := 0; benchBytes+int64(file.Len()) < benchCorpusSize; i++ {
			sections := strings.Split(tmpl.render(strconv.Itoa(i%benchVariants+1)), "\n---\n")
			rng := rand.New(rand.NewPCG(1, uint64(i)))
			rng.Shuffle(len(sections), func(a, b int) { sections[a], sections[b] = sections[b], sections[a] })
			if file.Len() > 0 {
				file.WriteString("\n\n---\n\n")
			}
			file.WriteString(strings.Join(sections, "\n\n---\n\n"))
			if file.Len() >= benchFileSize {
				flush()
			}
		}
		if file.Len() > 0 {
			flush()
		}
	})
	return benchNotes, benchBytes
}

// renaming is a text with the places its names stand at, to render with a
// suffix after each name.
type renaming struct {
	literal []string // literal[i] precedes name[i]; one more literal ends the text
	name    []string
}

// newRenaming finds names in s as whole words (longest first, no overlaps).
// A Korean particle may follow a name ("DNS는").
func newRenaming(s string, names []string) *renaming {
	names = slices.Clone(names)
	slices.SortFunc(names, func(a, b string) int { return len(b) - len(a) })
	taken := make([]bool, len(s))
	type span struct{ start, end int }
	var spans []span
	for _, n := range slices.Compact(names) {
		if utf8.RuneCountInString(n) < 2 {
			continue
		}
		for off := 0; ; {
			i := strings.Index(s[off:], n)
			if i < 0 {
				break
			}
			start, end := off+i, off+i+len(n)
			off = start + 1
			prev, _ := utf8.DecodeLastRuneInString(s[:start])
			next, _ := utf8.DecodeRuneInString(s[end:])
			last, _ := utf8.DecodeLastRuneInString(n)
			wordChar := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
			if start > 0 && wordChar(prev) || end < len(s) && wordChar(next) && !(unicode.Is(unicode.Hangul, next) && unicode.Is(unicode.Hangul, last)) {
				continue
			}
			if slices.Contains(taken[start:end], true) {
				continue
			}
			for k := start; k < end; k++ {
				taken[k] = true
			}
			spans = append(spans, span{start, end})
		}
	}
	slices.SortFunc(spans, func(a, b span) int { return a.start - b.start })
	r := &renaming{}
	prev := 0
	for _, sp := range spans {
		r.literal = append(r.literal, s[prev:sp.start])
		r.name = append(r.name, s[sp.start:sp.end])
		prev = sp.end
	}
	r.literal = append(r.literal, s[prev:])
	return r
}

func (r *renaming) render(suffix string) string {
	var b strings.Builder
	for i, n := range r.name {
		b.WriteString(r.literal[i])
		b.WriteString(n)
		b.WriteByte(' ')
		b.WriteString(suffix)
	}
	b.WriteString(r.literal[len(r.literal)-1])
	return b.String()
}

// BenchmarkGoldmarkParse is the baseline: goldmark alone, configured as
// the extractor configures it, parsing the corpus on one core.
func BenchmarkGoldmarkParse(b *testing.B) {
	notes, size := benchCorpus(b)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, n := range notes {
			md.Parser().Parse(gtext.NewReader(n.Data), parser.WithContext(parser.NewContext()))
		}
	}
}

// BenchmarkGoldmarkParseParallel parses the corpus's files on every core,
// as the extractor does.
func BenchmarkGoldmarkParseParallel(b *testing.B) {
	notes, size := benchCorpus(b)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		var wg sync.WaitGroup
		next := make(chan Note)
		for range runtime.GOMAXPROCS(0) {
			wg.Go(func() {
				for n := range next {
					md.Parser().Parse(gtext.NewReader(n.Data), parser.WithContext(parser.NewContext()))
				}
			})
		}
		for _, n := range notes {
			next <- n
		}
		close(next)
		wg.Wait()
	}
}

// BenchmarkExtract is the whole extraction of the corpus.
func BenchmarkExtract(b *testing.B) {
	notes, size := benchCorpus(b)
	b.SetBytes(size)
	b.ReportAllocs()
	var concepts, relations int
	for b.Loop() {
		res, err := Notes(context.Background(), notes)
		if err != nil {
			b.Fatal(err)
		}
		concepts, relations = res.Graph.Len(), len(res.Graph.Relations())
	}
	b.ReportMetric(float64(len(notes)), "files")
	b.ReportMetric(float64(concepts), "concepts")
	b.ReportMetric(float64(relations), "relations")
}
