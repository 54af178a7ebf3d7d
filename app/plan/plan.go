// Package plan is the two tabs where work meets family: Tiers (commitments
// in three tiers, work blocks, the calendar and the agenda, calendar files
// in and out) and Protocols (next-time protocols, the triage of an urgent
// client request, the urgency rules and the look-backs). It is built on
// app/ui's Host and asks the window around it for four things (Window).
package plan

import (
	"github.com/bothand/bothand/app/ui"
)

// Window is what the Tiers and Protocols tabs ask of the window around
// them.
type Window interface {
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

// Plan is what the Tiers and Protocols tabs share: the window's Host,
// the little they ask of the window, and each other.
type Plan struct {
	*ui.Host
	win       Window
	tiers     *tiersScreen
	protocols *protocolsScreen
}

// New makes the Tiers and Protocols tabs.
func New(h *ui.Host, win Window) *Plan {
	e := &Plan{Host: h, win: win}
	e.tiers = newTiersScreen(e)
	e.protocols = newProtocolsScreen(e)
	return e
}

func (e *Plan) showScreen(s ui.Screen)              { e.win.ShowScreen(s) }
func (e *Plan) revealEntry(id int64)                { e.win.RevealEntry(id) }
func (e *Plan) addTrayAction(do string, run func()) { e.win.AddTrayAction(do, run) }

func (e *Plan) openFile(title string, exts []string, done func(path string)) {
	e.win.OpenFile(title, exts, done)
}

func (e *Plan) saveFile(title, name string, done func(path string)) {
	e.win.SaveFile(title, name, done)
}

// Tiers is the Tiers tab: commitments in their three tiers, work blocks,
// the calendar and the agenda.
func (e *Plan) Tiers() ui.Screen { return e.tiers }

// Protocols is the Protocols tab: next-time protocols, the triage of an
// urgent client request, the urgency rules and the look-backs.
func (e *Plan) Protocols() ui.Screen { return e.protocols }

// StartProtocol brings the Protocols tab forward on a new protocol
// titled title, to be made the person's own.
func (e *Plan) StartProtocol(title string) {
	e.showScreen(e.protocols)
	e.protocols.showNewForm(title, nil)
}

// ImportCalendar asks for a calendar file and imports it as commitments.
func (e *Plan) ImportCalendar() { e.tiers.importCalendar() }

// ExportCalendar asks where to save the busy times for a work calendar.
func (e *Plan) ExportCalendar() { e.tiers.exportCalendar() }
