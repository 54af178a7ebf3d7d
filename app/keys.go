package app

import (
	"log/slog"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/bothand/bothand/app/ui"
)

// The window's keyboard. Every command with a shortcut is in one table,
// commands(): the menu bar is built from it, and Fyne runs a menu shortcut
// before it hands the key to the focused widget, so Ctrl+N works from
// inside any text field. The keys without a modifier (Esc, Enter, F1), which
// Fyne gives to the focused widget alone, are offered by every widget of
// package widgets to the window's typedKey below, and reach it from the
// canvas when nothing has the focus. The keyboard shortcuts window lists the
// same table, so what it says is what the keys do.

// command is one entry of the window's menus.
type command struct {
	menu  string // "File", "Edit", "View" or "Help"
	label string // the menu item; "" is a separator
	keys  string // as the shortcuts window writes them: "Ctrl+N"
	// shortcut is what Fyne reports for the keys; nil for none. A key
	// without a modifier (F1) is shown in the menu and handled in typedKey.
	shortcut fyne.Shortcut
	run      func()
	// inDialog lets it run while a dialog is open; the others wait, as
	// the window behind a dialog does.
	inDialog bool
	quit     bool
}

func ctrl(k fyne.KeyName) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

// The shortcuts other code names.
var (
	shortcutNew    = ctrl(fyne.KeyN)
	shortcutSave   = ctrl(fyne.KeyS)
	shortcutSearch = ctrl(fyne.KeyF)
	shortcutImport = ctrl(fyne.KeyI)
	shortcutLock   = ctrl(fyne.KeyL)
)

// commands is the table of the window's commands, in menu order.
func (u *UI) commands() []command {
	sep := func(menu string) command { return command{menu: menu} }
	cmds := []command{
		{menu: "File", label: "New journal entry", keys: "Ctrl+N", shortcut: shortcutNew, run: u.newJournalEntry},
		{menu: "File", label: "Save", keys: "Ctrl+S", shortcut: shortcutSave, run: u.save, inDialog: true},
		sep("File"),
		{menu: "File", label: "Import a calendar file (.ics)…", keys: "Ctrl+I", shortcut: shortcutImport, run: u.importCalendar},
		{menu: "File", label: "Export busy times (.ics)…", run: u.exportCalendar},
		sep("File"),
		{menu: "File", label: "Export your journal…", run: u.showExport},
		{menu: "File", label: "Import a journal export…", run: u.showImport},
		sep("File"),
		{menu: "File", label: "Back up now", run: u.backUpNow},
		{menu: "File", label: "Backups…", run: u.showBackups},
		sep("File"),
	}
	if u.lock.encrypted {
		cmds = append(cmds, command{menu: "File", label: "Lock now", keys: "Ctrl+L", shortcut: shortcutLock, run: u.lockNow, inDialog: true}, sep("File"))
	}
	cmds = append(cmds, []command{
		{menu: "File", label: "Preferences…", keys: "Ctrl+,", shortcut: ctrl(fyne.KeyComma), run: u.showPreferences},
		sep("File"),
		{menu: "File", label: "Quit", keys: "Ctrl+Q", shortcut: ctrl(fyne.KeyQ), run: u.quit, inDialog: true, quit: true},

		{menu: "Edit", label: "Undo the move to the trash", keys: "Ctrl+Z", shortcut: &fyne.ShortcutUndo{}, run: u.undo, inDialog: true},
		{menu: "Edit", label: "Search the journal", keys: "Ctrl+F", shortcut: shortcutSearch, run: u.searchJournal},
	}...)
	for i, sc := range u.screens {
		key := fyne.KeyName(string(rune('1' + i)))
		cmds = append(cmds, command{
			menu: "View", label: sc.Title(), keys: "Ctrl+" + string(key), shortcut: ctrl(key),
			run: func() { u.ShowScreen(sc) },
		})
	}
	cmds = append(cmds,
		sep("View"),
		command{
			menu: "View", label: "Next tab", keys: "Ctrl+Tab", run: func() { u.stepTab(1) },
			shortcut: &desktop.CustomShortcut{KeyName: fyne.KeyTab, Modifier: fyne.KeyModifierControl},
		},
		command{
			menu: "View", label: "Previous tab", keys: "Ctrl+Shift+Tab", run: func() { u.stepTab(-1) },
			shortcut: &desktop.CustomShortcut{KeyName: fyne.KeyTab, Modifier: fyne.KeyModifierControl | fyne.KeyModifierShift},
		},
		command{
			menu: "Help", label: "Keyboard shortcuts", keys: "F1", run: u.showShortcuts, inDialog: true,
			shortcut: &desktop.CustomShortcut{KeyName: fyne.KeyF1},
		},
		command{menu: "Help", label: "Open the log folder", run: u.openLogFolder, inDialog: true},
		sep("Help"),
		command{menu: "Help", label: "About Both/And", run: u.showAbout},
	)
	return cmds
}

// mainMenu builds the menu bar from commands.
func (u *UI) mainMenu() *fyne.MainMenu {
	var menus []*fyne.Menu
	byName := map[string]*fyne.Menu{}
	keys := map[*fyne.MenuItem]string{}
	for _, c := range u.commands() {
		m := byName[c.menu]
		if m == nil {
			m = fyne.NewMenu(c.menu)
			byName[c.menu] = m
			menus = append(menus, m)
		}
		if c.label == "" {
			m.Items = append(m.Items, fyne.NewMenuItemSeparator())
			continue
		}
		item := fyne.NewMenuItem(c.label, u.guard(c))
		item.Shortcut = c.shortcut
		item.IsQuit = c.quit
		keys[item] = c.keys
		m.Items = append(m.Items, item)
		slog.Debug("menu item", "item", c.menu+"/"+c.label)
	}
	for _, m := range menus {
		alignKeys(m, keys)
	}
	return fyne.NewMainMenu(menus...)
}

// guard runs a command, unless a dialog is open and the command waits for
// it to close.
func (u *UI) guard(c command) func() {
	return func() {
		u.activity()
		if u.lock.locked && !c.quit {
			return // the locked window's own menu has Quit alone
		}
		if u.TopDialog() != nil && !c.inDialog {
			return
		}
		slog.Debug("menu", "item", c.menu+"/"+c.label)
		c.run()
		// Fyne's menu bar stays active after an item is chosen from it:
		// the next Tab went to the menu bar instead of the dialog just
		// opened, and the next click only closed the bar.
		if m, ok := u.Win.Canvas().(interface{ DismissMenu() bool }); ok {
			m.DismissMenu()
		}
	}
}

// typedKey is what the window does with the keys its widgets leave alone
// (widgets.WindowKeys): Esc closes the dialog, a pop-up or the editor,
// Enter presses the dialog's default button, F1 shows the shortcuts.
func (u *UI) typedKey(ev *fyne.KeyEvent, from fyne.Focusable) bool {
	u.activity()
	if u.lock.locked {
		// Enter is the unlock field's own; Esc and F1 have nothing to
		// close or show while locked.
		return ev.Name == fyne.KeyEscape || ev.Name == fyne.KeyF1
	}
	switch ev.Name {
	case fyne.KeyEscape:
		return u.escape(from)
	case fyne.KeyReturn, fyne.KeyEnter:
		return u.EnterKey()
	case fyne.KeyF1:
		u.showShortcuts()
		return true
	}
	return false
}

// windowKeys adapts typedKey to widgets.WindowKeys.
type windowKeys func(ev *fyne.KeyEvent, from fyne.Focusable) bool

func (k windowKeys) TypedKey(ev *fyne.KeyEvent, from fyne.Focusable) bool { return k(ev, from) }

// escape closes what is on top: a pop-up that is not one of our dialogs
// (a calendar, a menu), the top dialog, or what the tab has open; with
// nothing to close it lets go of the focus.
func (u *UI) escape(from fyne.Focusable) bool {
	if u.EscapeKey() {
		return true
	}
	if e, ok := u.visibleScreen().(ui.Escaper); ok && e.Escape(from) {
		return true
	}
	// Nothing to close: Esc lets go of the focus, so Tab starts again from
	// the top of the window.
	if from != nil {
		u.Win.Canvas().Unfocus()
		return true
	}
	return false
}

// save is Ctrl+S: the form in the top dialog, or what the tab is editing.
func (u *UI) save() {
	if d := u.TopDialog(); d != nil {
		if d.Form {
			d.PressDefault()
		}
		return
	}
	if s, ok := u.visibleScreen().(ui.Saver); ok {
		s.SaveShortcut()
	}
}

// undo is Ctrl+Z: in a text field it takes back typing, as everywhere;
// elsewhere it takes back the tab's last move to the trash.
func (u *UI) undo() {
	if f, ok := u.focused().(fyne.Shortcutable); ok {
		if _, text := f.(interface{ SelectedText() string }); text {
			f.TypedShortcut(&fyne.ShortcutUndo{})
			return
		}
	}
	if u.TopDialog() != nil {
		return
	}
	if un, ok := u.visibleScreen().(ui.Undoer); ok {
		un.UndoLast()
	}
}

// focused is the widget with the keyboard in the window, if any.
func (u *UI) focused() fyne.Focusable { return u.Win.Canvas().Focused() }

// visibleScreen is the screen of the tab in front.
func (u *UI) visibleScreen() ui.Screen {
	if u.tabs == nil {
		return nil
	}
	sel := u.tabs.Selected()
	for _, sc := range u.screens {
		if sel != nil && sc.View() == sel.Content {
			return sc
		}
	}
	return nil
}

// stepTab brings the next (1) or previous (-1) tab forward, round the end.
func (u *UI) stepTab(by int) {
	if u.tabs == nil || len(u.tabs.Items) == 0 {
		return
	}
	n := len(u.tabs.Items)
	u.tabs.SelectIndex(((u.tabs.SelectedIndex()+by)%n + n) % n)
}

// searchJournal is Ctrl+F: the journal's search field, from any tab.
func (u *UI) searchJournal() {
	if j := u.journal(); j != nil {
		j.focusSearch()
	}
}

// importCalendar is Ctrl+I: the calendar file picker, from any tab.
func (u *UI) importCalendar() {
	if u.Store != nil {
		u.plan.ImportCalendar()
	}
}

func (u *UI) exportCalendar() {
	if u.Store != nil {
		u.plan.ExportCalendar()
	}
}
