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
	pl := &Plan{Host: h, win: win}
	pl.tiers = newTiersScreen(pl)
	pl.protocols = newProtocolsScreen(pl)
	return pl
}

// Tiers is the Tiers tab: commitments in their three tiers, work blocks,
// the calendar and the agenda.
func (pl *Plan) Tiers() ui.Screen { return pl.tiers }

// Protocols is the Protocols tab: next-time protocols, the triage of an
// urgent client request, the urgency rules and the look-backs.
func (pl *Plan) Protocols() ui.Screen { return pl.protocols }

// StartProtocol brings the Protocols tab forward on a new protocol
// titled title, to be made the person's own.
func (pl *Plan) StartProtocol(title string) {
	pl.win.ShowScreen(pl.protocols)
	pl.protocols.showNewForm(title, nil)
}

// ImportCalendar asks for a calendar file and imports it as commitments.
func (pl *Plan) ImportCalendar() { pl.tiers.importCalendar() }

// ExportCalendar asks where to save the busy times for a work calendar.
func (pl *Plan) ExportCalendar() { pl.tiers.exportCalendar() }
