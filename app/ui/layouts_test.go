package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestColumnsGiveWayBeforeTheWindow(t *testing.T) {
	test.NewTempApp(t)
	a, b, c := widget.NewButton("Something I did: guilt", nil), widget.NewButton("Who I am: shame", nil), widget.NewButton("Not sure yet", nil)
	box := container.New(NewColumns(3), a, b, c)
	cell := a.MinSize().Width
	if w := box.MinSize().Width; w != cell {
		t.Errorf("minimum width %.0f, want one column's %.0f", w, cell)
	}
	box.Resize(fyne.NewSize(cell*3+40, 100))
	if a.Position().Y != c.Position().Y || c.Position().X <= b.Position().X {
		t.Errorf("wide: not in a row: %v %v %v", a.Position(), b.Position(), c.Position())
	}
	oneRow := box.MinSize().Height
	// Two would fit, but three don't divide into rows of two: one column.
	box.Resize(fyne.NewSize(cell*2+20, 100))
	if a.Position().X != c.Position().X || c.Position().Y <= b.Position().Y {
		t.Errorf("narrow: not one below another: %v %v %v", a.Position(), b.Position(), c.Position())
	}
	if box.MinSize().Height <= oneRow {
		t.Error("stacked, the minimum height did not grow")
	}
}

func TestMeasureKeepsTextReadableAndNarrows(t *testing.T) {
	test.NewTempApp(t)
	text := widget.NewLabel("A long sentence that wraps, to be read comfortably on a wide window and still fit a narrow one.")
	text.Wrapping = fyne.TextWrapWord
	box := container.New(Measure{Max: 300}, text)
	if box.MinSize().Width > 100 {
		t.Errorf("minimum width %.0f: a fixed measure would set the window's", box.MinSize().Width)
	}
	box.Resize(fyne.NewSize(900, 400))
	if text.Size().Width != 300 || text.Position().X != 300 {
		t.Errorf("wide: %v at %v, want 300 wide, centred", text.Size(), text.Position())
	}
	box.Resize(fyne.NewSize(200, 400))
	if text.Size().Width != 200 {
		t.Errorf("narrow: %v", text.Size())
	}
}
