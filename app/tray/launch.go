package tray

import (
	"errors"
	"fmt"
	"log/slog"
	"os"

	"github.com/bothand/bothand/app/desktop"
	"github.com/bothand/bothand/app/instance"
	"github.com/bothand/bothand/data"
)

// Window is how the window process is to run.
type Window struct {
	// Tray is the connection to the tray that started this window: the
	// tray does reminders and backups, and closing the window ends only
	// the window. Nil when the window runs on its own.
	Tray *instance.Conn
	// First is the tray's first request (instance.Show or QuickEntry).
	First string
	// Claim is the journal's claim when the window runs on its own (no
	// tray on this desktop): it answers later starts, and closing the
	// window quits. Nil when the claim could not be made.
	Claim *instance.Claim
}

// Main is what `bothand` without a verb does. A process the tray started
// is the window. Otherwise it claims the journal: when another process
// has it, the request ("show the window") goes there and this one exits 0;
// when the desktop has a tray, this process becomes the tray (and starts
// the window unless minimized); without a tray it is the window alone, as
// before. runWindow runs the Fyne window and returns its exit code.
func Main(cfg Config, runWindow func(Window) int) int {
	if first := os.Getenv(WindowEnv); first != "" {
		// Not for the window's own children (a browser opened from Help).
		os.Unsetenv(WindowEnv)
		conn, err := instance.Dial(cfg.DBPath)
		if err != nil {
			slog.Warn("the tray that started this window does not answer; running on its own", "err", err)
			return runAlone(cfg, runWindow)
		}
		if err := conn.Send(instance.Hello); err != nil {
			conn.Close()
			return runAlone(cfg, runWindow)
		}
		return runWindow(Window{Tray: conn, First: first})
	}
	claim, err := instance.ClaimJournal(cfg.DBPath)
	if errors.Is(err, instance.ErrRunning) {
		do := instance.Show
		if cfg.Minimized {
			do = instance.Ping // a second login start leaves things as they are
		}
		if err := instance.Ask(cfg.DBPath, do); err != nil {
			fmt.Fprintf(os.Stderr, "bothand: Both/And is already running on %s but did not answer: %v\n", cfg.DBPath, err)
			return 1
		}
		return 0
	}
	if err != nil {
		slog.Warn("Both/And can't make sure it runs only once on this journal", "err", err)
		return runWindow(Window{})
	}
	if !desktop.Probe().Tray {
		return runWindow(Window{Claim: claim})
	}
	store, err := data.Open(cfg.DBPath, data.Options{CreateFolder: cfg.CreateFolder})
	if err != nil {
		// The window explains what is wrong with the journal and offers
		// its backups; the tray has nothing to show without it.
		return runWindow(Window{Claim: claim})
	}
	return Run(cfg, claim, store)
}

// runAlone runs the window holding the journal's claim itself, if it can.
func runAlone(cfg Config, runWindow func(Window) int) int {
	claim, err := instance.ClaimJournal(cfg.DBPath)
	if err != nil {
		return runWindow(Window{})
	}
	return runWindow(Window{Claim: claim})
}
