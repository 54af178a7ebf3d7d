package app

// unsavedKeeper is a screen that may hold unsaved work, like the journal's
// editor: before the app quits it stores that work, then calls then.
type unsavedKeeper interface {
	keepUnsaved(then func())
}

// keepUnsaved lets every screen store its unsaved work, one after the
// other, then calls then. The stores run off the main goroutine like any
// other; the quit waits for them.
func (u *UI) keepUnsaved(then func()) {
	if u.Closed {
		then() // kept when the journal was closed
		return
	}
	for _, sc := range u.screens {
		if k, ok := sc.(unsavedKeeper); ok {
			next := then
			then = func() { k.keepUnsaved(next) }
		}
	}
	then()
}
