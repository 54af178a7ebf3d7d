package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/data"

	"github.com/bothand/bothand/widgets"
)

func TestMain(m *testing.M) {
	os.Setenv("LANG", "en_US.UTF-8")
	// Dates as most of the world writes them, and weeks from Monday; the
	// tests of the United States' order set it themselves.
	systemLocale = func() string { return "en-GB" }
	os.Exit(m.Run())
}

// newTestUI builds the real window on Fyne's test driver around a fresh
// journal, with background work run inline so tests are deterministic. The
// first-run welcome is marked done and notifications are captured in
// u.notify's place (see notified).
func newTestUI(t *testing.T) (*UI, *data.Store) {
	t.Helper()
	return newTestUIWith(t, data.Options{}, true)
}

// sent collects the notifications a test UI would have shown.
type sent struct{ title, body string }

var notified = map[*UI]*[]sent{}

func newTestUIWith(t *testing.T, opts data.Options, welcomeDone bool) (*UI, *data.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Preferences().SetBool(prefWelcomeDone, welcomeDone)
	s, err := data.Open(filepath.Join(t.TempDir(), "journal.db"), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	u := newUI(a)
	u.Async = func(f func()) { f() }
	u.sync.manual = true
	var log []sent
	notified[u] = &log
	u.notify = func(title, body string) { log = append(log, sent{title, body}) }
	u.Win.Resize(fyne.NewSize(1000, 760))
	u.attach(s)
	t.Cleanup(func() {
		stopTimers(u)
		delete(notified, u)
	})
	return u, s
}

// walk visits obj and, while visit returns true, what is rendered inside it.
func walk(obj fyne.CanvasObject, visit func(fyne.CanvasObject) bool) {
	if obj == nil || !visit(obj) {
		return
	}
	switch o := obj.(type) {
	case *fyne.Container:
		for _, c := range o.Objects {
			walk(c, visit)
		}
	case *container.AppTabs:
		if sel := o.Selected(); sel != nil {
			walk(sel.Content, visit)
		}
	case *widget.Label, *widgets.Button, *widgets.Entry:
		// leaves: their renderers only repeat their text
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(o).Objects() {
			walk(c, visit)
		}
	}
}

// findButton returns the visible button whose text is label.
func findButton(t *testing.T, root fyne.CanvasObject, label string) *widgets.Button {
	t.Helper()
	var found *widgets.Button
	walk(root, func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widgets.Button); ok && b.Visible() && b.Text == label && found == nil {
			found = b
		}
		return found == nil && o.Visible()
	})
	if found == nil {
		t.Fatalf("no visible button %q", label)
	}
	return found
}

// visibleText returns the text of every visible label and rich text under root.
func visibleText(root fyne.CanvasObject) string {
	var parts []string
	walk(root, func(o fyne.CanvasObject) bool {
		if !o.Visible() {
			return false
		}
		switch w := o.(type) {
		case *widget.Label:
			parts = append(parts, w.Text)
		case *widget.RichText:
			parts = append(parts, w.String())
		}
		return true
	})
	return strings.Join(parts, "\n")
}

// findEntry returns the visible entry with the given placeholder.
func findEntry(t *testing.T, root fyne.CanvasObject, placeholder string) *widgets.Entry {
	t.Helper()
	var found *widgets.Entry
	walk(root, func(o fyne.CanvasObject) bool {
		if e, ok := o.(*widgets.Entry); ok && e.Visible() && e.PlaceHolder == placeholder && found == nil {
			found = e
		}
		return found == nil && o.Visible()
	})
	if found == nil {
		t.Fatalf("no visible entry %q", placeholder)
	}
	return found
}

// topText is the text of the topmost dialog, or "" when none is open.
func topText(u *UI) string {
	if top := u.Win.Canvas().Overlays().Top(); top != nil {
		return visibleText(top)
	}
	return ""
}

// mustContain stops the test when text lacks any of parts.
func mustContain(t *testing.T, text string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(text, p) {
			t.Fatalf("%q not shown in:\n%s", p, text)
		}
	}
}

// findIconButton returns the visible button named name (an icon button's
// name, or a button's text) under root.
func findIconButton(t *testing.T, root fyne.CanvasObject, name string) *widgets.Button {
	t.Helper()
	var found *widgets.Button
	walk(root, func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widgets.Button); ok && b.Visible() && (b.Name == name || b.Text == name) && found == nil {
			found = b
		}
		return found == nil && o.Visible()
	})
	if found == nil {
		t.Fatalf("no visible button %q in:\n%s", name, visibleText(root))
	}
	return found
}

// findSelect returns the visible choice showing selected under root.
func findSelect(t *testing.T, root fyne.CanvasObject, selected string) *widgets.Select {
	t.Helper()
	var found *widgets.Select
	walk(root, func(o fyne.CanvasObject) bool {
		if s, ok := o.(*widgets.Select); ok && s.Visible() && s.Selected == selected && found == nil {
			found = s
		}
		return found == nil && o.Visible()
	})
	if found == nil {
		t.Fatalf("no visible choice showing %q", selected)
	}
	return found
}

// stopTimers stops what a test UI left ticking (reminders, the hourly
// backup check): a ticker firing into a later test races with it.
func stopTimers(u *UI) {
	u.stopSync()
	if u.stopReminders != nil {
		u.stopReminders()
	}
	if u.transfer.dailyTimer != nil {
		u.transfer.dailyTimer.Stop()
	}
	if u.lock.idle.stop != nil {
		u.lock.idle.stop()
	}
	if f := u.lock.form; f != nil && f.stopWait != nil {
		f.stopWait()
	}
}
