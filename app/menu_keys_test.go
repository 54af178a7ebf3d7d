package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// In every menu the keys start in one column, and the longest item's name
// stands well clear of its keys ("Import a calendar file (.ics)…" ran
// into "Ctrl+I", and "Ctrl+," started 7 px right of "Ctrl+N").
func TestTheMenusKeysStartInOneColumnClearOfTheNames(t *testing.T) {
	u, _ := newTestUI(t)
	size := fyne.CurrentApp().Settings().Theme().Size("text")
	measure := func(s string) float32 { return fyne.MeasureText(s, size, fyne.TextStyle{}).Width }
	for _, m := range u.Win.MainMenu().Items {
		w := test.NewWindow(widget.NewMenu(m))
		w.Resize(w.Content().MinSize())
		var starts []float32
		walkTexts(w.Content(), func(name, keys *canvas.Text) {
			// Fyne draws "Ctrl+" and the key as two texts: the first one
			// says where the keys start.
			// Where the keys' first letter is drawn, and where the name ends.
			text := strings.TrimLeft(keys.Text, " \u2003")
			start := keys.Position().X + measure(keys.Text) - measure(text)
			starts = append(starts, start)
			end := name.Position().X + measure(name.Text)
			if gap := start - end; gap < 2*size {
				t.Errorf("%s / %s: %.0f px between the name and %q", m.Label, name.Text, gap, strings.TrimSpace(text))
			}
		})
		if len(starts) == 0 && m.Label != "Help" {
			t.Errorf("%s: no keys shown", m.Label)
		}
		for _, s := range starts {
			if d := s - starts[0]; d > 1 || d < -1 {
				t.Errorf("%s: the keys start at %v", m.Label, starts)
				break
			}
		}
		w.Close()
	}
}

// walkTexts calls found with each menu item's name and keys, taken from
// the item's renderer (its texts: the name first, then the keys in one or two parts).
func walkTexts(obj fyne.CanvasObject, found func(name, keys *canvas.Text)) {
	wid, ok := obj.(fyne.Widget)
	if !ok {
		if c, ok := obj.(*fyne.Container); ok {
			for _, o := range c.Objects {
				walkTexts(o, found)
			}
		}
		return
	}
	var texts []*canvas.Text
	for _, o := range test.WidgetRenderer(wid).Objects() {
		if txt, ok := o.(*canvas.Text); ok && txt.Visible() && txt.Text != "" {
			texts = append(texts, txt)
			continue
		}
		walkTexts(o, found)
	}
	if len(texts) >= 2 {
		found(texts[0], texts[1])
	}
}
