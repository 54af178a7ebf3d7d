package ui

import (
	"time"

	"fyne.io/fyne/v2"
)

// Screen is one tab of the window. A screen may also be one or more of
// the kinds below, which the window asks of the screen in front.
type Screen interface {
	Title() string
	Icon() fyne.Resource
	View() fyne.CanvasObject
	// Load (re)reads what the screen shows from the store, off the main
	// goroutine; it is called when the store is attached.
	Load()
}

// ShownScreen is a screen that refreshes when its tab is brought forward.
type ShownScreen interface {
	Shown()
}

// UnsavedKeeper is a screen that may hold unsaved work, like the journal's
// editor: before the app quits it stores that work, then calls then.
type UnsavedKeeper interface {
	KeepUnsaved(then func())
}

// Escaper is a screen with something Esc closes: an editor, a break.
type Escaper interface {
	Escape(from fyne.Focusable) bool
}

// Saver is a screen with something Ctrl+S saves.
type Saver interface {
	SaveShortcut() bool
}

// Undoer is a screen that can take back its last deletion.
type Undoer interface {
	UndoLast() bool
}

// WeekStarter is a screen with calendars, which turn to a new first day of
// the week when the preference changes.
type WeekStarter interface {
	WeekStartChanged()
}

// DayTurner is a screen whose view starts at or names today: when local
// midnight passes while the window is open (or the computer wakes on a
// later day), the window tells it which day was today until then.
type DayTurner interface {
	NewDay(was time.Time)
}
