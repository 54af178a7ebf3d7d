package plan

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/widgets"
)

// The cards above the agenda ("Coming up", "To make up") fold to their
// heading, and stay folded across restarts, so the agenda can start near
// the top of the tab.

// prefCardFolded is the preference that keeps a card folded, by its key.
func prefCardFolded(key string) string { return "tiers.card." + key + ".folded" }

// foldingCard is a card whose heading button shows or hides body. The
// heading says whether it is open (an arrow pointing down, or right) in
// words too, for whoever doesn't see the arrow.
func (t *tiersScreen) foldingCard(key, title string, body fyne.CanvasObject) fyne.CanvasObject {
	prefs := t.plan.App.Preferences()
	folded := prefs.Bool(prefCardFolded(key))
	head := widgets.NewButton(title, nil)
	head.Alignment = widget.ButtonAlignLeading
	head.Importance = widget.LowImportance
	show := func() {
		if folded {
			head.SetIcon(theme.MenuExpandIcon())
			head.Name = title + " (folded: press to show)"
			body.Hide()
		} else {
			head.SetIcon(theme.MenuDropDownIcon())
			head.Name = title + " (press to fold)"
			body.Show()
		}
	}
	head.OnTapped = func() {
		folded = !folded
		prefs.SetBool(prefCardFolded(key), folded)
		show()
	}
	show()
	return widget.NewCard("", "", container.NewVBox(head, body))
}
