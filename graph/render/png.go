package render

import (
	"bytes"
	"context"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/fogleman/gg"
	"github.com/goccy/go-graphviz"
	"github.com/goccy/go-graphviz/gvc"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// go-graphviz draws PNG in Go (fogleman/gg), and its renderer falls short
// in three ways: its default font, Go Regular, has no Hangul; it centres
// text by Graphviz's width estimate, which counts Hangul as spaces, so
// labels drift right; and its callbacks receive every shape as "filled", so
// edges and outlines vanish. This file draws PNG itself: shapes filled and
// stroked from the object's own fill and pen state, text in a system CJK
// font, centred by its real width.

// cjkFontFiles are the file names of fonts with Hangul, best first, as the
// common distributions and systems install them.
var cjkFontFiles = []string{
	"NotoSansCJK-Regular.ttc",   // Debian/Ubuntu fonts-noto-cjk, Fedora, Arch
	"NotoSansCJKkr-Regular.otf", // Noto's per-language release
	"NotoSansKR-Regular.otf",
	"NotoSansKR-Regular.ttf",
	"NanumGothic.ttf", // Debian/Ubuntu fonts-nanum
	"AppleSDGothicNeo.ttc",
	"malgun.ttf",
}

// fontDirs are searched, in order, for [cjkFontFiles].
func fontDirs() []string {
	dirs := []string{"/usr/share/fonts", "/usr/local/share/fonts", "/System/Library/Fonts", "/Library/Fonts"}
	if home, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, filepath.Join(home, ".local/share/fonts"), filepath.Join(home, ".fonts"))
	}
	if win := os.Getenv("WINDIR"); win != "" {
		dirs = append(dirs, filepath.Join(win, "Fonts"))
	}
	return dirs
}

var findFontOnce = sync.OnceValue(func() string {
	found := map[string]string{}
	for _, dir := range fontDirs() {
		_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if !d.IsDir() {
				if _, seen := found[d.Name()]; !seen {
					found[d.Name()] = path
				}
			}
			return nil
		})
	}
	for _, name := range cjkFontFiles {
		if p, ok := found[name]; ok {
			return p
		}
	}
	return ""
})

// cjkFont returns the path of the CJK font PNG output uses, or "".
func cjkFont() string { return findFontOnce() }

// pngFont is the parsed font PNG text is drawn with: the CJK font if one was
// found and parses, else Go Regular.
var pngFont = sync.OnceValue(func() *sfnt.Font {
	if path := cjkFont(); path != "" {
		if f := parseFont(path); f != nil {
			return f
		}
	}
	f, err := opentype.Parse(goregular.TTF)
	if err != nil {
		panic("render: go regular font: " + err.Error())
	}
	return f
})

// parseFont reads the font at path; from a collection it takes the Korean
// face if there is one, as Noto Sans CJK's collection has one per language.
func parseFont(path string) *sfnt.Font {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	if !strings.HasSuffix(strings.ToLower(path), ".ttc") {
		f, err := opentype.Parse(data)
		if err != nil {
			return nil
		}
		return f
	}
	c, err := opentype.ParseCollection(data)
	if err != nil {
		return nil
	}
	var first *sfnt.Font
	var buf sfnt.Buffer
	for i := range c.NumFonts() {
		f, err := c.Font(i)
		if err != nil {
			continue
		}
		if first == nil {
			first = f
		}
		name, _ := f.Name(&buf, sfnt.NameIDFull)
		if strings.Contains(name, " KR") || strings.Contains(name, "Korean") {
			return f
		}
	}
	return first
}

var (
	facesMu sync.Mutex
	faces   = map[float64]font.Face{}
)

// face returns the PNG face at px pixels per em.
func face(px float64) font.Face {
	facesMu.Lock()
	defer facesMu.Unlock()
	if f, ok := faces[px]; ok {
		return f
	}
	f, err := opentype.NewFace(pngFont(), &opentype.FaceOptions{Size: px, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil
	}
	faces[px] = f
	return f
}

// spanPixels is the size of a text span's font in device pixels: its
// points times the job's scale (zoom and dpi/72 together).
func spanPixels(job *graphviz.Job, f *graphviz.TextFont) float64 {
	return f.Size() * job.Scale().X()
}

// pngEngine draws a Graphviz job as PNG. One Graphviz instance uses one
// engine, one job at a time.
type pngEngine struct {
	*graphviz.DefaultRenderEngine
	dc *gg.Context
}

func newPNGEngine() *pngEngine {
	return &pngEngine{DefaultRenderEngine: &graphviz.DefaultRenderEngine{}}
}

// The coordinate conventions follow go-graphviz's own image renderer: the
// plugin asks for RENDER_Y_GOES_DOWN and RENDER_DOES_TRANSFORM, so points
// come in graph units, scaled here and with y negated.
func (e *pngEngine) x(job *graphviz.Job, v float64) float64 { return job.Scale().X() * v }
func (e *pngEngine) y(job *graphviz.Job, v float64) float64 { return -job.Scale().Y() * v }

func (e *pngEngine) BeginPage(_ context.Context, job *graphviz.Job) error {
	e.dc = gg.NewContext(int(job.Width()), int(job.Height()))
	t := job.Translation()
	e.dc.Translate(job.Scale().X()*t.X(), -job.Scale().Y()*t.Y())
	return nil
}

func (e *pngEngine) EndPage(_ context.Context, job *graphviz.Job) error {
	var buf bytes.Buffer
	if err := e.dc.EncodePNG(&buf); err != nil {
		return err
	}
	job.SetOutputData(buf.Bytes())
	job.SetOutputDataPosition(uint(buf.Len()))
	e.dc = nil
	return nil
}

// TextSpan draws one line of a label, centred (or aligned) by the width the
// face really gives it rather than Graphviz's estimate.
func (e *pngEngine) TextSpan(_ context.Context, job *graphviz.Job, p *graphviz.PointFloat, span *graphviz.TextSpan) error {
	fc := face(spanPixels(job, span.Font()))
	if fc == nil {
		return nil
	}
	e.dc.Push()
	defer e.dc.Pop()
	setColor(e.dc, job.Object().PenColor())
	e.dc.SetFontFace(fc)
	x := e.x(job, p.X())
	w := fixedToFloat(font.MeasureString(fc, span.Text()))
	switch span.Just() {
	case 'r':
		x -= w
	case 'l':
	default:
		x -= w / 2
	}
	y := e.y(job, p.Y()+span.YOffsetCenterLine()+span.YOffsetLayout())
	e.dc.DrawString(span.Text(), x, y)
	return nil
}

func (e *pngEngine) Polygon(_ context.Context, job *graphviz.Job, a []*graphviz.PointFloat, _ bool) error {
	e.dc.NewSubPath()
	e.dc.MoveTo(e.x(job, a[0].X()), e.y(job, a[0].Y()))
	for _, p := range a[1:] {
		e.dc.LineTo(e.x(job, p.X()), e.y(job, p.Y()))
	}
	e.dc.ClosePath()
	e.paint(job, true)
	return nil
}

func (e *pngEngine) Ellipse(_ context.Context, job *graphviz.Job, a []*graphviz.PointFloat, _ bool) error {
	// a[0] is the centre, a[1] a corner of the bounding box.
	cx, cy := e.x(job, a[0].X()), e.y(job, a[0].Y())
	rx, ry := e.x(job, a[1].X())-cx, e.y(job, a[1].Y())-cy
	e.dc.NewSubPath()
	e.dc.DrawEllipse(cx, cy, math.Abs(rx), math.Abs(ry))
	e.paint(job, true)
	return nil
}

func (e *pngEngine) BezierCurve(_ context.Context, job *graphviz.Job, a []*graphviz.PointFloat, _ bool) error {
	e.dc.NewSubPath()
	e.dc.MoveTo(e.x(job, a[0].X()), e.y(job, a[0].Y()))
	for i := 1; i+2 < len(a); i += 3 {
		e.dc.CubicTo(e.x(job, a[i].X()), e.y(job, a[i].Y()),
			e.x(job, a[i+1].X()), e.y(job, a[i+1].Y()),
			e.x(job, a[i+2].X()), e.y(job, a[i+2].Y()))
	}
	last := a[len(a)-1]
	e.paint(job, last.X() == a[0].X() && last.Y() == a[0].Y())
	return nil
}

func (e *pngEngine) Polyline(_ context.Context, job *graphviz.Job, a []*graphviz.PointFloat) error {
	e.dc.NewSubPath()
	e.dc.MoveTo(e.x(job, a[0].X()), e.y(job, a[0].Y()))
	for _, p := range a[1:] {
		e.dc.LineTo(e.x(job, p.X()), e.y(job, p.Y()))
	}
	e.paint(job, false)
	return nil
}

// paint fills and strokes the current path. The filled flag go-graphviz
// passes is always true, so the object's state decides: nodes, clusters and
// the page are filled when their fill is set; on edges only closed shapes
// (arrowheads) are filled, open hollow arrowheads included.
func (e *pngEngine) paint(job *graphviz.Job, closed bool) {
	o := job.Object()
	fill := closed && (o.Type() == gvc.EdgeObjectType || o.Fill() != gvc.FillNone)
	if fill && alpha(o.FillColor()) > 0 {
		setColor(e.dc, o.FillColor())
		e.dc.FillPreserve()
	}
	if o.Pen() != gvc.PenNone && alpha(o.PenColor()) > 0 {
		setColor(e.dc, o.PenColor())
		s := job.Scale().X()
		e.dc.SetLineWidth(o.PenWidth() * s)
		switch o.Pen() {
		case gvc.PenDashed:
			e.dc.SetDash(6*s, 4*s)
		case gvc.PenDotted:
			e.dc.SetDash(1.5*s, 3*s)
		default:
			e.dc.SetDash()
		}
		e.dc.StrokePreserve()
		e.dc.SetDash()
	}
	e.dc.ClearPath()
}

func alpha(c *graphviz.Color) uint { return c.RGBAUint()[3] }

func setColor(dc *gg.Context, c *graphviz.Color) {
	v := c.RGBAUint()
	dc.SetRGBA255(int(v[0]), int(v[1]), int(v[2]), int(v[3]))
}

func fixedToFloat(x fixed.Int26_6) float64 { return float64(x) / 64 }
