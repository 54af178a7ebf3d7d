package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

type journalScreen struct {
	u    *UI
	root fyne.CanvasObject
}

func newJournalScreen(u *UI) *journalScreen {
	j := &journalScreen{u: u}
	j.root = emptyState(theme.DocumentCreateIcon(), "Your guilt journal",
		"When guilt shows up, write down what triggered it, what you are telling yourself, and what you would tell a friend in your place. Patterns show up with practice.",
		nil)
	return j
}

func (j *journalScreen) title() string           { return "Journal" }
func (j *journalScreen) icon() fyne.Resource     { return theme.DocumentCreateIcon() }
func (j *journalScreen) view() fyne.CanvasObject { return j.root }
func (j *journalScreen) load()                   {}
