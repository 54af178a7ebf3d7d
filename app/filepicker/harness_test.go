package filepicker

import (
	"os"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/widgets"
)

// calendarExts are the files the calendar import asks for.
var calendarExts = []string{".ics", ".ical", ".ifb"}

// window is a test window on Fyne's test driver with the keys the real
// window gives its dialogs: Esc closes the top one, Enter presses its
// default button. Background work runs inline.
type window struct{ *ui.Host }

func newWindow(t *testing.T) *window {
	t.Helper()
	a := test.NewTempApp(t)
	w := &window{ui.NewHost(a, a.NewWindow("Both/And"))}
	w.Async = func(f func()) { f() }
	w.Win.Resize(fyne.NewSize(1000, 760))
	widgets.SetWindowKeys(w.Win, w)
	t.Cleanup(func() { widgets.SetWindowKeys(w.Win, nil) })
	return w
}

// TypedKey is the window's handling of the keys its widgets leave: Esc
// and Enter for the dialogs, as the Host gives them.
func (w *window) TypedKey(ev *fyne.KeyEvent, _ fyne.Focusable) bool {
	switch ev.Name {
	case fyne.KeyEscape:
		return w.EscapeKey()
	case fyne.KeyReturn, fyne.KeyEnter:
		return w.EnterKey()
	}
	return false
}

func (w *window) focused() fyne.Focusable { return w.Win.Canvas().Focused() }

func writeTestFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}
