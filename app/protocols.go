package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

type protocolsScreen struct {
	u    *UI
	root fyne.CanvasObject
}

func newProtocolsScreen(u *UI) *protocolsScreen {
	p := &protocolsScreen{u: u}
	p.root = emptyState(theme.ListIcon(), "Next-time protocols",
		"Turn a hard moment into a plan: a short checklist of what you will do differently next time.",
		nil)
	return p
}

func (p *protocolsScreen) title() string           { return "Protocols" }
func (p *protocolsScreen) icon() fyne.Resource     { return theme.ListIcon() }
func (p *protocolsScreen) view() fyne.CanvasObject { return p.root }
func (p *protocolsScreen) load()                   {}
