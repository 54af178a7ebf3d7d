package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/data"
)

func TestMain(m *testing.M) {
	os.Setenv("LANG", "en_US.UTF-8")
	os.Exit(m.Run())
}

// newTestUI builds the real window on Fyne's test driver around a fresh
// journal, with background work run inline so tests are deterministic.
func newTestUI(t *testing.T) (*UI, *data.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	s, err := data.Open(filepath.Join(t.TempDir(), "journal.db"), data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	u := newUI(a)
	u.async = func(f func()) { f() }
	u.win.Resize(fyne.NewSize(1000, 760))
	u.attach(s)
	return u, s
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
	case *container.AppTabs:
		if sel := o.Selected(); sel != nil {
			walk(sel.Content, visit)
		}
	case *widget.Label, *widget.Button, *widget.Entry:
		// leaves: their renderers only repeat their text
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(o).Objects() {
			walk(c, visit)
		}
	}
}

// findButton returns the visible button whose text is label.
func findButton(t *testing.T, root fyne.CanvasObject, label string) *widget.Button {
	t.Helper()
	var found *widget.Button
	walk(root, func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok && b.Visible() && b.Text == label && found == nil {
			found = b
		}
		return found == nil && o.Visible()
	})
	if found == nil {
		t.Fatalf("no visible button %q", label)
	}
	return found
}

// visibleText returns the text of every visible label and rich text under root.
func visibleText(root fyne.CanvasObject) string {
	var parts []string
	walk(root, func(o fyne.CanvasObject) bool {
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
