package app

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/widgets"
)

// prefTechniqueHidden holds the week ("2026-W49") the person hid the card
// for; it comes back the next week with a fresh recommendation.
// prefTechniqueFolded keeps the card to its title line, across weeks and
// restarts, until it is unfolded: the journal list gets the room.
const (
	prefTechniqueHidden = "journal.techniqueHiddenWeek"
	prefTechniqueFolded = "journal.techniqueFolded"
)

var techniqueNames = map[data.Technique]string{
	data.TechniqueJournal:    "the guilt journal",
	data.TechniqueProtocol:   "a next-time protocol",
	data.TechniqueShameCheck: "shame or guilt, and a self-compassion break",
}

// techniqueCard is "This week's technique" above the journal list: one
// technique, why, in a sentence, and a way to hide it until next week.
type techniqueCard struct {
	j   *journalScreen
	box *fyne.Container
	rec data.Recommendation
}

func newTechniqueCard(j *journalScreen) *techniqueCard {
	return &techniqueCard{j: j, box: container.NewVBox()}
}

func weekKey(t time.Time) string {
	y, w := t.Local().ISOWeek()
	return fmt.Sprintf("%d-W%02d", y, w)
}

func (t *techniqueCard) hiddenThisWeek() bool {
	prefs := t.j.u.App.Preferences()
	return prefs.String(prefTechniqueHidden) == weekKey(t.j.u.Store.Now())
}

func (t *techniqueCard) folded() bool {
	return t.j.u.App.Preferences().Bool(prefTechniqueFolded)
}

// setFolded folds the card to its title line or opens it, and remembers.
func (t *techniqueCard) setFolded(on bool) {
	t.j.u.App.Preferences().SetBool(prefTechniqueFolded, on)
	t.set(t.rec)
}

// set shows the recommendation, unless it was hidden this week; folded,
// only its title line.
func (t *techniqueCard) set(rec data.Recommendation) {
	t.rec = rec
	t.box.Objects = nil
	if t.j.u.Store == nil || t.hiddenThisWeek() {
		t.box.Refresh()
		return
	}
	title := widget.NewLabel("This week's technique: " + techniqueNames[rec.Technique])
	title.TextStyle = fyne.TextStyle{Bold: true}
	hide := widgets.NewIconButton("Hide this technique until next week", theme.CancelIcon(), t.hide)
	hide.Importance = widget.LowImportance
	var fold *widgets.Button
	if t.folded() {
		title.Truncation = fyne.TextTruncateEllipsis
		fold = widgets.NewIconButton("Show this week's technique", theme.MenuDropDownIcon(), func() { t.setFolded(false) })
	} else {
		title.Wrapping = fyne.TextWrapWord
		fold = widgets.NewIconButton("Fold this week's technique", theme.MenuDropUpIcon(), func() { t.setFolded(true) })
	}
	fold.Importance = widget.LowImportance
	head := container.NewBorder(nil, nil, nil, container.NewHBox(fold, hide), title)
	if t.folded() {
		t.box.Add(widget.NewCard("", "", head))
		t.box.Refresh()
		return
	}
	items := []fyne.CanvasObject{head, ui.Caption(rec.Reason)}
	switch rec.Technique {
	case data.TechniqueShameCheck:
		b := widgets.NewButtonWithIcon("Take a self-compassion break", theme.AccountIcon(), func() {
			if c := t.j.u.compassion(); c != nil {
				c.startBreak(nil, "")
			}
		})
		b.Importance = widget.LowImportance
		items = append(items, container.NewHBox(b))
	case data.TechniqueProtocol:
		b := widgets.NewButtonWithIcon("Start a next-time protocol", theme.ListIcon(), func() { t.startProtocol(rec.Situation) })
		b.Importance = widget.LowImportance
		items = append(items, container.NewHBox(b))
	}
	t.box.Add(widget.NewCard("", "", container.New(ui.CompactVBox(), items...)))
	t.box.Refresh()
}

// startProtocol opens a new protocol named after the situation that keeps
// coming back, on the Protocols tab: the card's advice, one click away.
func (t *techniqueCard) startProtocol(situation string) {
	t.j.u.plan.StartProtocol("Next time: " + situation)
}

// hide puts the card away until next week.
func (t *techniqueCard) hide() {
	t.j.u.App.Preferences().SetString(prefTechniqueHidden, weekKey(t.j.u.Store.Now()))
	t.box.Objects = nil
	t.box.Refresh()
}
