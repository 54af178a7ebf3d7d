package app

import (
	"github.com/bothand/bothand/app/ui"
)

// planWindow is what the Tiers and Protocols tabs ask of the window around
// them.
type planWindow interface {
	// ShowScreen brings a tab forward.
	ShowScreen(ui.Screen)
	// RevealEntry brings the Journal tab forward showing an entry.
	RevealEntry(id int64)
	// AddTrayAction is what the tray's menu item do runs in the window.
	AddTrayAction(do string, run func())
	// OpenFile and SaveFile ask for a file with the window's picker.
	OpenFile(title string, exts []string, done func(path string))
	SaveFile(title, name string, done func(path string))
}

// planEnv is what the Tiers and Protocols tabs share: the window's Host,
// the little they ask of the window, and each other.
type planEnv struct {
	*ui.Host
	win       planWindow
	tiers     *tiersScreen
	protocols *protocolsScreen
}

// newPlan makes the Tiers and Protocols tabs.
func newPlan(h *ui.Host, win planWindow) *planEnv {
	e := &planEnv{Host: h, win: win}
	e.tiers = newTiersScreen(e)
	e.protocols = newProtocolsScreen(e)
	return e
}

func (e *planEnv) showScreen(s ui.Screen)              { e.win.ShowScreen(s) }
func (e *planEnv) revealEntry(id int64)                { e.win.RevealEntry(id) }
func (e *planEnv) addTrayAction(do string, run func()) { e.win.AddTrayAction(do, run) }

func (e *planEnv) openFile(title string, exts []string, done func(path string)) {
	e.win.OpenFile(title, exts, done)
}

func (e *planEnv) saveFile(title, name string, done func(path string)) {
	e.win.SaveFile(title, name, done)
}

// Tiers is the Tiers tab: commitments in their three tiers, work blocks,
// the calendar and the agenda.
func (e *planEnv) Tiers() ui.Screen { return e.tiers }

// Protocols is the Protocols tab: next-time protocols, the triage of an
// urgent client request, the urgency rules and the look-backs.
func (e *planEnv) Protocols() ui.Screen { return e.protocols }

// StartProtocol brings the Protocols tab forward on a new protocol
// titled title, to be made the person's own.
func (e *planEnv) StartProtocol(title string) {
	e.showScreen(e.protocols)
	e.protocols.showNewForm(title, nil)
}

// ImportCalendar asks for a calendar file and imports it as commitments.
func (e *planEnv) ImportCalendar() { e.tiers.importCalendar() }

// ExportCalendar asks where to save the busy times for a work calendar.
func (e *planEnv) ExportCalendar() { e.tiers.exportCalendar() }
