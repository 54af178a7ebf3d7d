package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/bothand/bothand/assets"
	"github.com/bothand/bothand/data/prose"
)

const (
	prefCloseToTray   = "window.closeToTray"
	prefTrayExplained = "window.trayExplained"
)

// setupTray puts the icon and menu in the system tray when the desktop has
// one. The menu is rebuilt whenever the pinned slip changes (refreshTray).
func (u *UI) setupTray() {
	desk, ok := u.app.(desktop.App)
	if !ok || !u.support.Tray {
		return
	}
	desk.SetSystemTrayIcon(fyne.NewStaticResource("tray.png", assets.TrayIcon()))
	u.trayReady = true
	u.refreshTray()
}

// refreshTray rebuilds the tray menu from what the strip shows.
func (u *UI) refreshTray() {
	if !u.trayReady {
		return
	}
	if desk, ok := u.app.(desktop.App); ok {
		desk.SetSystemTrayMenu(u.trayMenu())
	}
}

// trayMenu is the pinned slip first, then the everyday actions.
func (u *UI) trayMenu() *fyne.Menu {
	slip := u.strip.Text()
	var first *fyne.MenuItem
	if slip == "" {
		first = fyne.NewMenuItem("Write a permission slip…", func() {
			u.showWindow()
			u.win.Canvas().Focus(u.strip.Entry())
		})
	} else {
		first = fyne.NewMenuItem("“"+trimForMenu(slip)+"”", u.showWindow)
	}
	read := fyne.NewMenuItem("I read it today", u.markSlipRead)
	read.Checked = u.readToday
	read.Disabled = slip == "" || u.readToday

	items := []*fyne.MenuItem{first, read, fyne.NewMenuItemSeparator()}
	for _, a := range u.trayActions {
		items = append(items, fyne.NewMenuItem(a.label, func() {
			u.showWindow()
			a.run()
		}))
	}
	quit := fyne.NewMenuItem("Quit", u.quit)
	quit.IsQuit = true
	items = append(items, fyne.NewMenuItemSeparator(), fyne.NewMenuItem("Show Both/And", u.showWindow), quit)
	return fyne.NewMenu("Both/And", items...)
}

// trayAction is an entry in the tray menu that opens part of the window:
// a new journal entry, the self-compassion break, the triage. Features add
// theirs with addTrayAction when they are built.
type trayAction struct {
	label string
	run   func()
}

func (u *UI) addTrayAction(label string, run func()) {
	u.trayActions = append(u.trayActions, trayAction{label, run})
}

func (u *UI) showWindow() {
	u.win.Show()
	u.win.RequestFocus()
}

// closeWindow hides the window to the tray when there is one (and the
// person hasn't turned that off), so the morning slip can still arrive;
// otherwise it quits. The first time, it says what is happening.
func (u *UI) closeWindow() {
	prefs := u.app.Preferences()
	if !u.trayReady || !prefs.BoolWithFallback(prefCloseToTray, true) {
		u.quit()
		return
	}
	u.saveWindowState()
	if prefs.Bool(prefTrayExplained) {
		u.win.Hide()
		return
	}
	prefs.SetBool(prefTrayExplained, true)
	d := u.inform(dlgTrayExplained, "Both/And keeps running",
		"Closing the window keeps Both/And in the system tray, so your permission slip can greet you in the morning. Choose Quit in the tray menu to stop it, or change this in Preferences.")
	d.onClosed(u.win.Hide)
}

// trimForMenu keeps tray menu items to one readable line.
func trimForMenu(s string) string { return prose.Clip(s, 60) }
