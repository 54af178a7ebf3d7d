package app

import (
	"fmt"
	"hash/fnv"
	"time"

	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/widgets"
)

// An encrypted journal locks itself after a chosen time without use
// (Preferences, 15 minutes unless changed; 0 is never).
//
// Fyne tells a window of a key or a click only through the widget that
// gets it, so "use" is read from what the window shows instead: every
// idleCheck the window notes which widget has the keyboard, the text in
// it, the tab and the dialogs open; any change since the last look, a key
// the window handles itself, a menu command or the window coming to the
// front counts as use. Reading without touching anything for the whole
// time counts as being away.

const (
	prefIdleLock    = "privacy.idle-lock-minutes"
	defaultIdleLock = 15
	idleCheck       = 20 * time.Second
)

// idleChoices are the times offered in Preferences, in minutes.
var idleChoices = []int{1, 5, 10, 15, 30, 60, 0}

func idleLabel(m int) string {
	if m == 0 {
		return "Never"
	}
	if m == 60 {
		return "After 1 hour"
	}
	if m == 1 {
		return "After 1 minute"
	}
	return fmt.Sprintf("After %d minutes", m)
}

// idleWatch is when the window was last used.
type idleWatch struct {
	last  time.Time
	print uint64 // what the window showed at the last look
	stop  func()
	now   func() time.Time // time.Now; tests move it
}

func (w *idleWatch) clock() time.Time {
	if w.now != nil {
		return w.now()
	}
	return time.Now()
}

// touch notes a use of the window now.
func (w *idleWatch) touch() { w.last = w.clock() }

// idleLimit is the chosen time without use before locking; 0 is never.
func (u *UI) idleLimit() time.Duration {
	m := u.App.Preferences().IntWithFallback(prefIdleLock, defaultIdleLock)
	return time.Duration(max(m, 0)) * time.Minute
}

// watchIdle starts looking for use of the window (once per run).
func (u *UI) watchIdle() {
	u.lock.idle.touch()
	if u.lock.idle.stop != nil {
		return
	}
	u.App.Lifecycle().SetOnEnteredForeground(u.lock.idle.touch)
	u.lock.idle.stop = u.Every(idleCheck, u.checkIdle)
}

// checkIdle locks the journal when the window has not been used for the
// chosen time.
func (u *UI) checkIdle() {
	if !u.lock.encrypted || u.Closed || u.Store == nil {
		return
	}
	w := &u.lock.idle
	if p := u.windowPrint(); p != w.print {
		w.print = p
		w.touch()
		return
	}
	if limit := u.idleLimit(); limit > 0 && w.clock().Sub(w.last) >= limit {
		u.lockNow()
	}
}

// windowPrint sums up what the window shows that use would change.
func (u *UI) windowPrint() uint64 {
	h := fnv.New64a()
	c := u.Win.Canvas()
	focused := c.Focused()
	fmt.Fprintf(h, "%p|%d|", focused, len(u.Dialogs()))
	switch e := focused.(type) {
	case *widgets.Entry:
		fmt.Fprint(h, len(e.Text), e.CursorRow, e.CursorColumn, e.Text)
	case *widget.Entry:
		fmt.Fprint(h, len(e.Text), e.CursorRow, e.CursorColumn, e.Text)
	}
	if u.tabs != nil {
		fmt.Fprint(h, "|", u.tabs.SelectedIndex())
	}
	if top := c.Overlays().Top(); top != nil {
		fmt.Fprintf(h, "|%p", top)
	}
	if u.quick != nil || u.prefsWin != nil {
		fmt.Fprint(h, "|other window")
	}
	return h.Sum64()
}

// activity is called by what the window handles itself: keys, menus.
func (u *UI) activity() { u.lock.idle.touch() }
