package app

import "github.com/bothand/bothand/app/ui"

// keepUnsaved lets every screen store its unsaved work, one after the
// other, then calls then. The stores run off the main goroutine like any
// other; the quit waits for them.
func (u *UI) keepUnsaved(then func()) {
	if u.Closed {
		then() // kept when the journal was closed
		return
	}
	for _, sc := range u.screens {
		if k, ok := sc.(ui.UnsavedKeeper); ok {
			next := then
			then = func() { k.KeepUnsaved(next) }
		}
	}
	then()
}
