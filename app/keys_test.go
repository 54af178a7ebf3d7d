package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/app/ui/uitest"
	"github.com/bothand/bothand/data"
)

// The window's shortcuts work from inside a text field, where Fyne hands
// every key to the field: the tabs, the journal's keys, the calendar
// picker, the shortcuts window.
func TestShortcutsWorkWhileTypingInAField(t *testing.T) {
	u, _, j := newJournalUI(t)
	typing := func() {
		t.Helper()
		u.Win.Canvas().Focus(u.strip.Entry())
		u.strip.Entry().SetText("")
		uitest.TypeText(u.Host, "half a slip")
	}
	for i := range u.screens {
		typing()
		uitest.Press(t, u.Host, ctrl(fyne.KeyName(string(rune('1'+i)))))
		if u.tabs.SelectedIndex() != i {
			t.Errorf("Ctrl+%d showed tab %d", i+1, u.tabs.SelectedIndex())
		}
	}
	typing()
	uitest.Press(t, u.Host, &desktop.CustomShortcut{KeyName: fyne.KeyTab, Modifier: fyne.KeyModifierControl})
	if u.tabs.SelectedIndex() != 0 {
		t.Errorf("Ctrl+Tab from the last tab showed tab %d, want the first", u.tabs.SelectedIndex())
	}
	uitest.Press(t, u.Host, &desktop.CustomShortcut{KeyName: fyne.KeyTab, Modifier: fyne.KeyModifierControl | fyne.KeyModifierShift})
	if u.tabs.SelectedIndex() != len(u.screens)-1 {
		t.Errorf("Ctrl+Shift+Tab from the first tab showed tab %d, want the last", u.tabs.SelectedIndex())
	}

	typing()
	uitest.Press(t, u.Host, shortcutSearch)
	if u.visibleScreen() != j || u.focused() != j.filters.search {
		t.Errorf("Ctrl+F: tab %v, focus %T", u.visibleScreen().Title(), u.focused())
	}

	typing()
	uitest.PressKey(u.Host, fyne.KeyF1)
	if d := u.TopDialog(); d == nil || d.Kind != ui.DlgShortcuts {
		t.Fatalf("F1 in a text field: %v", u.TopDialog())
	}
	uitest.PressKey(u.Host, fyne.KeyEscape)
	if u.TopDialog() != nil {
		t.Fatal("Esc left the shortcuts open")
	}
	if u.strip.Entry().Text != "half a slip" {
		t.Errorf("the field holds %q after F1 and Esc", u.strip.Entry().Text)
	}

	typing()
	uitest.Press(t, u.Host, shortcutImport)
	if d := u.TopDialog(); d == nil || d.Kind != ui.DlgOpenFile {
		t.Fatalf("Ctrl+I opened %v", u.TopDialog())
	}
	// While a dialog is open the window behind it waits: Ctrl+2 does
	// nothing, F1 still helps, Esc closes each in turn.
	before := u.tabs.SelectedIndex()
	uitest.Press(t, u.Host, ctrl(fyne.Key2))
	uitest.PressKey(u.Host, fyne.KeyF1)
	if u.tabs.SelectedIndex() != before || u.TopDialog().Kind != ui.DlgShortcuts {
		t.Errorf("behind a dialog: tab %d, top %v", u.tabs.SelectedIndex(), u.TopDialog().Kind)
	}
	uitest.PressKey(u.Host, fyne.KeyEscape)
	uitest.PressKey(u.Host, fyne.KeyEscape)
	if u.TopDialog() != nil {
		t.Errorf("Esc twice left %v open", u.TopDialog().Kind)
	}

	uitest.Press(t, u.Host, ctrl(fyne.KeyComma))
	if u.prefsWin == nil {
		t.Error("Ctrl+, opened no preferences")
	}
}

func TestEveryShortcutIsInTheMenuAndTheShortcutsWindow(t *testing.T) {
	u, _ := newTestUI(t)
	want := []string{
		"Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4", "Ctrl+5", "Ctrl+Tab", "Ctrl+Shift+Tab",
		"Ctrl+N", "Ctrl+F", "Ctrl+S", "Ctrl+Z", "Ctrl+I", "Ctrl+,", "F1", "Ctrl+Q",
	}
	have := map[string]bool{}
	for _, c := range u.commands() {
		if c.keys != "" {
			have[c.keys] = c.shortcut != nil && c.run != nil
		}
	}
	for _, k := range want {
		if !have[k] {
			t.Errorf("%s is not a command with a shortcut", k)
		}
	}
	u.showShortcuts()
	uitest.MustContain(t, uitest.TopText(u.Host), append(want, "Esc", "Enter", "Tab, Shift+Tab")...)
	items := 0
	for _, m := range u.Win.MainMenu().Items {
		items += len(m.Items)
	}
	if items < len(want) {
		t.Errorf("the menus hold %d items", items)
	}
}

// Ctrl+Z takes back a move to the trash; in a text field it is the
// field's own undo.
func TestCtrlZUndoesTheMoveToTheTrash(t *testing.T) {
	u, s, j := newJournalUI(t)
	e, err := s.SaveEntry(data.Entry{Trigger: "Snapped at the kids", Intensity: 4}, 0)
	if err != nil {
		t.Fatal(err)
	}
	j.Load()
	j.trashEntry(e)
	if n, _ := s.TrashCount(); n != 1 {
		t.Fatalf("trash holds %d", n)
	}
	u.Win.Canvas().Unfocus()
	uitest.Press(t, u.Host, &fyne.ShortcutUndo{})
	if n, _ := s.TrashCount(); n != 0 {
		t.Fatalf("after Ctrl+Z the trash holds %d", n)
	}
	if j.undo != nil {
		t.Error("the undo is still offered")
	}

	u.Win.Canvas().Focus(j.filters.search)
	uitest.TypeText(u.Host, "kids")
	j.trashEntry(e)
	u.Win.Canvas().Focus(j.filters.search)
	uitest.Press(t, u.Host, &fyne.ShortcutUndo{})
	if n, _ := s.TrashCount(); n != 1 {
		t.Error("Ctrl+Z in the search field took back the trash, not the typing")
	}
}

// Choosing guilt or shame with Space, then Tab, goes on to the next field
// of the entry, not back to the top of the window (the search field).
func TestSpaceOnTheCheckThenTabStaysInTheForm(t *testing.T) {
	for _, kind := range []data.Kind{data.KindGuilt, data.KindShame} {
		u, _, j := newJournalUI(t)
		uitest.Press(t, u.Host, shortcutNew)
		b := j.editor.check.buttons[kind]
		u.Win.Canvas().Focus(b)
		uitest.PressKey(u.Host, fyne.KeySpace)
		if j.editor.check.kind != kind {
			t.Fatalf("Space chose %q", j.editor.check.kind)
		}
		uitest.PressKey(u.Host, fyne.KeyTab)
		f := u.focused()
		if f == nil || f == j.filters.search || f == b {
			t.Fatalf("%s, Space, Tab: the focus went to %T", kind, f)
		}
		if f != j.editor.check.buttons[data.KindShame] && f != j.editor.check.buttons[data.KindUnsure] {
			t.Errorf("%s, Space, Tab: focus on %T, not the next choice", kind, f)
		}
	}
}

// The wheel over the editor's answers scrolls the editor.
func TestTheWheelOverAnAnswerScrollsTheEditor(t *testing.T) {
	u, _, j := newJournalUI(t)
	u.Win.Resize(fyne.NewSize(900, 560))
	uitest.Press(t, u.Host, shortcutNew)
	e := j.editor
	e.scroll.ScrollToTop()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e.story).Add(fyne.NewPos(20, 20))
	test.Scroll(u.Win.Canvas(), pos, 0, -60)
	if e.scroll.Offset.Y <= 0 {
		t.Error("the wheel over the story left the editor where it was")
	}
}
