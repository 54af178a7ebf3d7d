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
