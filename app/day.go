package app

import (
	"log/slog"
	"time"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
)

// A window can stay open for days (it comes back from the tray as it
// was): when the date changes under it, "today" must move with it, in the
// agenda, the calendar's mark and the slip read today.

// dayCheck is how often the window looks at the date. A minute late is
// unnoticeable; a wake from sleep on a later day is caught at the first
// tick after it.
const dayCheck = time.Minute

// dayWatch is the day the window's screens show as today, and the ticker
// that notices when it is no longer today.
type dayWatch struct {
	today time.Time // local midnight
	stop  func()
}

// watchDay turns the window to the current day if it changed while the
// journal was closed or locked, and then keeps looking while it is open.
func (u *UI) watchDay() {
	u.turnDay(time.Now())
	if u.day.stop == nil {
		u.day.stop = u.Every(dayCheck, func() { u.turnDay(time.Now()) })
	}
}

// stopWatchingDay stops the ticker (the journal is locked or closing).
func (u *UI) stopWatchingDay() {
	if u.day.stop != nil {
		u.day.stop()
		u.day.stop = nil
	}
}

// turnDay tells the slip strip and the screens that show today when now
// falls on a later (or, after a clock change, earlier) day than the one
// they show.
func (u *UI) turnDay(now time.Time) {
	today := ui.Midnight(now)
	if today.Equal(u.day.today) {
		return
	}
	was := u.day.today
	u.day.today = today
	if u.Store == nil || u.Closed {
		return
	}
	slog.Debug("new day", "today", data.Day(now))
	u.loadStrip()
	for i, sc := range u.screens {
		switch sc := sc.(type) {
		case ui.DayTurner:
			sc.NewDay(was)
		case ui.ShownScreen:
			// The others reread when brought forward; the one in front now.
			if u.tabs != nil && i == u.tabs.SelectedIndex() {
				sc.Shown()
			}
		}
	}
}
