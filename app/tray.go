package app

import (
	"log/slog"

	"github.com/bothand/bothand/app/instance"
	"github.com/bothand/bothand/app/ui"
)

const (
	prefCloseToTray   = "window.closeToTray"
	prefTrayExplained = "window.trayExplained"
)

// The tray itself is another process (app/tray): it shows the menu, sends
// reminders and starts this window when asked. This file is the window's
// side of it: the requests the tray (or a second start of Both/And) sends,
// the news the window sends back, and what closing the window does.

// addTrayAction lets a screen answer one of the tray's requests
// (instance.NewEntry, Compassion, Triage) when it is built.
func (u *UI) AddTrayAction(do string, run func()) {
	if u.trayActions == nil {
		u.trayActions = map[string]func(){}
	}
	u.trayActions[do] = run
}

// request carries out a request from the tray or a later start, on the
// main goroutine.
func (u *UI) request(do string) {
	if u.quitting && u.tray != nil && do != instance.Quit && do != instance.Refresh && do != instance.Lock {
		// This window is ending: the request goes back to the tray, which
		// starts a new window for it once this one has gone.
		_ = u.tray.Send(do)
		return
	}
	if u.Closed {
		switch do {
		case instance.Show, instance.QuickEntry, instance.Quit, instance.Refresh, instance.Ping, instance.Lock:
		default:
			// The tray's New journal entry, slip or break: the journal is
			// locked, so the window shows the unlock form first.
			u.showWindow()
			return
		}
	}
	switch do {
	case instance.Show:
		u.showWindow()
	case instance.WriteSlip:
		u.showWindow()
		u.Win.Canvas().Focus(u.strip.Entry())
	case instance.QuickEntry:
		u.showQuickEntry()
	case instance.Quit:
		u.quitAll = false // the tray asked: it is ending already
		u.quit()
	case instance.Refresh:
		if u.Store != nil && !u.Closed {
			u.loadStrip()
			u.plan.ProtocolsChanged()
		}
	case instance.Lock:
		u.lockNow()
	case instance.Ping:
	default:
		if run, ok := u.trayActions[do]; ok {
			u.showWindow()
			run()
			return
		}
		slog.Warn("an unknown request from the tray", "request", do)
	}
}

// listen takes requests from the tray, or from later starts when this
// window holds the journal itself (no tray), on their own goroutines.
func (u *UI) listen(cfg Config) {
	if cfg.Tray != nil {
		go func() {
			for {
				do, err := cfg.Tray.Receive()
				if err != nil {
					u.Deliver(u.trayGone)
					return
				}
				u.Deliver(func() { u.request(do) })
			}
		}()
	}
	if u.claim != nil {
		u.serve(u.claim)
	}
}

// serve answers later starts on the journal's socket.
func (u *UI) serve(claim *instance.Claim) {
	go claim.Serve(func(c *instance.Conn) {
		defer c.Close()
		do, err := c.Receive()
		if err != nil || do == instance.Hello {
			return // a window belongs to a tray, and there is none
		}
		u.Deliver(func() { u.request(do) })
		_ = c.Send(instance.OK)
	})
}

// trayGone: the tray process ended without asking the window to (it was
// killed). The window carries on alone: it sends the reminders, makes the
// backup, answers later starts if it can claim the journal, and closing
// it quits.
func (u *UI) trayGone() {
	if u.tray == nil || u.quitting {
		return
	}
	slog.Warn("the tray process ended; the window carries on alone")
	u.tray.Close()
	u.tray, u.trayReady, u.support.Tray = nil, false, false
	if claim, err := instance.ClaimJournal(u.dbPath); err == nil {
		u.claim = claim
		u.serve(claim)
	}
	u.ownReminders = true
	if u.Store != nil {
		u.startReminders()
		u.scheduleDailyBackup()
	}
}

// slipChanged tells the tray that the pinned slip or its reading changed,
// so its menu shows the same as the strip.
func (u *UI) slipChanged() {
	if u.tray != nil {
		_ = u.tray.Send(instance.SlipChanged)
	}
}

func (u *UI) showWindow() {
	u.shown = true
	u.Win.Show()
	u.Win.RequestFocus()
}

// closeWindow ends the window. With a tray (and unless the person turned
// that off) Both/And goes on there, so the morning slip can still arrive;
// the first time, the window says so. Without a tray, closing quits.
func (u *UI) closeWindow() {
	prefs := u.App.Preferences()
	if !u.trayReady || !prefs.BoolWithFallback(prefCloseToTray, true) {
		u.quit()
		return
	}
	u.quitAll = false
	if prefs.Bool(prefTrayExplained) {
		u.quit()
		return
	}
	prefs.SetBool(prefTrayExplained, true)
	d := u.Inform(ui.DlgTrayExplained, "Both/And keeps running",
		"Closing the window keeps Both/And in the system tray, so your permission slip can greet you in the morning. Choose Quit in the tray menu to stop it, or change this in Preferences.")
	d.OnClosed(u.quit)
}
