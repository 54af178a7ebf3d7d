package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

type tiersScreen struct {
	u    *UI
	root fyne.CanvasObject
}

func newTiersScreen(u *UI) *tiersScreen {
	t := &tiersScreen{u: u}
	t.root = emptyState(theme.CalendarIcon(), "Tiers of commitments",
		"Put family commitments in three tiers: non-negotiable, high priority and flexible. Work you plan is checked against them, with buffer time on deadlines.",
		nil)
	return t
}

func (t *tiersScreen) title() string           { return "Tiers" }
func (t *tiersScreen) icon() fyne.Resource     { return theme.CalendarIcon() }
func (t *tiersScreen) view() fyne.CanvasObject { return t.root }
func (t *tiersScreen) load()                   {}
