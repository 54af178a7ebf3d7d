package insights

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/look"
	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/widgets"
)

// harness is the Insights tab alone in a window on Fyne's test driver, in
// Both/And's theme, around a fresh journal, with background work run
// inline so tests are deterministic.
type harness struct {
	h      *ui.Host
	store  *data.Store
	screen *Screen
	wrote  int // times "Write an entry" asked for a new entry
}

func newHarness(t *testing.T) *harness {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(look.New().Theme())
	s, err := data.Open(filepath.Join(t.TempDir(), "journal.db"), data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	x := &harness{h: ui.NewHost(a, a.NewWindow("Insights")), store: s}
	x.h.Async = func(f func()) { f() }
	x.h.Store = s
	x.screen = New(x.h, func() { x.wrote++ })
	x.h.Win.SetContent(x.screen.View())
	x.h.Win.Resize(fyne.NewSize(1000, 760))
	return x
}

// text is the text of every visible label in the window.
func (x *harness) text() string {
	var parts []string
	walk(x.h.Win.Content(), func(o fyne.CanvasObject) bool {
		if !o.Visible() {
			return false
		}
		switch w := o.(type) {
		case *widget.Label:
			parts = append(parts, w.Text)
		case *widget.RichText:
			parts = append(parts, w.String())
		}
		return true
	})
	return strings.Join(parts, "\n")
}

// walk visits obj and, while visit returns true, what is rendered inside it.
func walk(obj fyne.CanvasObject, visit func(fyne.CanvasObject) bool) {
	if obj == nil || !visit(obj) {
		return
	}
	switch o := obj.(type) {
	case *fyne.Container:
		for _, c := range o.Objects {
			walk(c, visit)
		}
	case *widget.Label, *widgets.Button:
		// leaves: their renderers only repeat their text
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(o).Objects() {
			walk(c, visit)
		}
	}
}

// findButton returns the visible button whose text is label.
func findButton(t *testing.T, root fyne.CanvasObject, label string) *widgets.Button {
	t.Helper()
	var found *widgets.Button
	walk(root, func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widgets.Button); ok && b.Visible() && b.Text == label && found == nil {
			found = b
		}
		return found == nil && o.Visible()
	})
	if found == nil {
		t.Fatalf("no visible button %q", label)
	}
	return found
}

// mustContain stops the test when text lacks any of parts.
func mustContain(t *testing.T, text string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(text, p) {
			t.Fatalf("%q not shown in:\n%s", p, text)
		}
	}
}
