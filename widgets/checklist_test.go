package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// checklistParts finds the tick boxes, labels and icon buttons a checklist
// renders.
func checklistParts(c *Checklist) (ticks []*Check, labels []string, buttons []*Button) {
	var visit func(o fyne.CanvasObject)
	visit = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *fyne.Container:
			for _, c := range w.Objects {
				visit(c)
			}
		case *Check:
			ticks = append(ticks, w)
		case *widget.Label:
			labels = append(labels, w.Text)
		case *Button:
			buttons = append(buttons, w)
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(w).Objects() {
				visit(c)
			}
		}
	}
	visit(c)
	return ticks, labels, buttons
}

func TestChecklistReportsWhatWasTapped(t *testing.T) {
	test.NewTempApp(t)
	c := NewChecklist()
	var toggled, moved, edited, deleted []int
	c.OnToggle = func(i int, on bool) {
		if on {
			toggled = append(toggled, i)
		}
	}
	c.OnMove = func(i, d int) { moved = append(moved, i*10+d) }
	c.OnEdit = func(i int) { edited = append(edited, i) }
	c.OnDelete = func(i int) { deleted = append(deleted, i) }
	extra := NewButton("Do it", nil)
	c.SetItems([]ChecklistItem{{Text: "First"}, {Text: "Second", Done: true, Detail: "Done Mon 2 Mar"}, {Text: "Third", Extra: extra}})
	w := test.NewWindow(c)
	defer w.Close()
	w.Resize(fyne.NewSize(500, 400))

	ticks, labels, buttons := checklistParts(c)
	if len(ticks) != 3 || ticks[0].Checked || !ticks[1].Checked {
		t.Fatalf("ticks: %d", len(ticks))
	}
	want := map[string]bool{"1. First": true, "2. Second": true, "Done Mon 2 Mar": true, "3. Third": true}
	for _, l := range labels {
		delete(want, l)
	}
	if len(want) != 0 {
		t.Errorf("not shown: %v (labels %q)", want, labels)
	}
	test.Tap(ticks[0])
	// Each row: up, down, edit, delete; the third row's Extra comes first.
	var icons []*Button
	for _, b := range buttons {
		if b != extra {
			icons = append(icons, b)
		}
	}
	if len(icons) != 12 || !icons[0].Disabled() || !icons[9].Disabled() {
		t.Fatalf("%d icon buttons; first up disabled %v, last down disabled %v", len(icons), icons[0].Disabled(), icons[9].Disabled())
	}
	if icons[4].Icon != theme.MoveUpIcon() {
		t.Error("row buttons out of order")
	}
	test.Tap(icons[4])  // second row up
	test.Tap(icons[1])  // first row down
	test.Tap(icons[6])  // second row edit
	test.Tap(icons[11]) // third row delete
	if len(toggled) != 1 || toggled[0] != 0 || len(moved) != 2 || moved[0] != 9 || moved[1] != 1 ||
		len(edited) != 1 || edited[0] != 1 || len(deleted) != 1 || deleted[0] != 2 {
		t.Errorf("toggled %v moved %v edited %v deleted %v", toggled, moved, edited, deleted)
	}
}
