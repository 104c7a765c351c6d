package extract_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"conceptgraph/assets"
	"conceptgraph/extract"
)

func sampleWords(keepDots bool) []string {
	var out []string
	for _, w := range strings.Fields(string(assets.Sample()[0].Data)) {
		w = strings.Trim(w, "*`>#-|[]()")
		if !keepDots {
			w = strings.TrimRight(w, ".?!")
		}
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

func oneLine(n int, keepDots bool) string {
	ws := sampleWords(keepDots)
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(ws[i%len(ws)])
		b.WriteByte(' ')
	}
	return b.String()
}

func TestProbe(t *testing.T) {
	shape := os.Getenv("SHAPE")
	for _, mb := range []int{1, 2, 4} {
		n := mb << 20
		var data string
		switch shape {
		case "line":
			data = oneLine(n, false)
		case "linedots":
			data = oneLine(n, true)
		}
		start := time.Now()
		res, err := extract.Notes(context.Background(), []extract.Note{{Name: "p.md", Data: []byte(data)}})
		if err != nil {
			t.Fatal(err)
		}
		fmt.Println(shape, mb, "MB", time.Since(start), res.Graph.Len(), len(res.Graph.Relations()))
		if time.Since(start) > 30*time.Second {
			break
		}
	}
}
