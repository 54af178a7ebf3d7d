// Package ui holds what every part of Both/And's window is built from: the
// Host (the app, its window, the journal and the seam for background
// work), dialogs with Esc and Enter, the window's layouts, kinds of text
// and fields for times and dates. It knows no screen: the screens are
// built on it.
package ui

import (
	"sync/atomic"

	"fyne.io/fyne/v2"

	"github.com/bothand/bothand/data"
)

// Host is what every part of the window shares: the app and its window,
// the open journal, the one way to run work off the main goroutine and
// the dialogs on screen. The window embeds it; a screen needs nothing
// more of the window than its Host and the few calls it makes to other
// screens.
type Host struct {
	App fyne.App
	Win fyne.Window
	// Store is the journal, nil until it is open.
	Store *data.Store
	// Async starts background work; tests swap in a synchronous version
	// so fyne.Do runs on the test goroutine.
	Async func(func())
	// Closed says Store was closed under the screens (the journal was
	// locked, or a conversion is under way). Store stays set rather than
	// nil: work started before reads it and gets an error, which is
	// logged instead of shown.
	Closed bool
	// dialogs are the open dialogs, the front one last (dialogs.go).
	dialogs []*Dialog
	// ended is set once the app is quitting (async.go).
	ended atomic.Bool
}

// NewHost is the Host of win, which runs background work on goroutines
// of its own.
func NewHost(a fyne.App, win fyne.Window) *Host {
	return &Host{App: a, Win: win, Async: func(f func()) { go f() }}
}
