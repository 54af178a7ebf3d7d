package plan

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/dates"
	"github.com/bothand/bothand/widgets"
)

func TestMain(m *testing.M) {
	os.Setenv("LANG", "en_US.UTF-8")
	// Dates as most of the world writes them, and weeks from Monday; the
	// tests of the United States' order set it themselves.
	dates.Use(dates.ForLocale("en-GB"))
	os.Exit(m.Run())
}

// testWindow stands in for the window around the two tabs: they sit in
// tabs on a test window over a fresh journal, background work runs inline
// so tests are deterministic, and what they ask of the window is noted.
type testWindow struct {
	*ui.Host
	plan    *Plan
	tabs    *container.AppTabs
	screens []ui.Screen
	// revealed are the journal entries the tabs asked to show.
	revealed []int64
	// trayActions are what the tray's menu items would run.
	trayActions map[string]func()
}

func (w *testWindow) ShowScreen(s ui.Screen) {
	for _, item := range w.tabs.Items {
		if item.Content == s.View() {
			w.tabs.Select(item)
		}
	}
}

func (w *testWindow) RevealEntry(id int64) { w.revealed = append(w.revealed, id) }

func (w *testWindow) AddTrayAction(do string, run func()) { w.trayActions[do] = run }

// newTestUI builds the two tabs on a fresh journal.
func newTestUI(t *testing.T) (*testWindow, *data.Store) {
	t.Helper()
	return newTestUIWith(t, data.Options{})
}

func newTestUIWith(t *testing.T, opts data.Options) (*testWindow, *data.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	s, err := data.Open(filepath.Join(t.TempDir(), "journal.db"), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return newTestWindow(a, s), s
}

// newTestWindow puts the tabs on a new window of a, over s: a second one
// on the same app is the window after a restart.
func newTestWindow(a fyne.App, s *data.Store) *testWindow {
	h := ui.NewHost(a, a.NewWindow("Both/And"))
	h.Async = func(f func()) { f() }
	w := &testWindow{Host: h, trayActions: map[string]func(){}}
	w.plan = New(h, w)
	w.screens = []ui.Screen{w.plan.Tiers(), w.plan.Protocols()}
	w.tabs = container.NewAppTabs()
	for _, sc := range w.screens {
		w.tabs.Append(container.NewTabItemWithIcon(sc.Title(), sc.Icon(), sc.View()))
	}
	w.tabs.OnSelected = func(*container.TabItem) {
		if sh, ok := w.screens[w.tabs.SelectedIndex()].(ui.ShownScreen); ok {
			sh.Shown()
		}
	}
	w.Win.SetContent(w.tabs)
	widgets.SetWindowKeys(w.Win, keys(func(ev *fyne.KeyEvent, from fyne.Focusable) bool {
		switch ev.Name {
		case fyne.KeyEscape:
			if w.EscapeKey() {
				return true
			}
			if e, ok := w.screens[w.tabs.SelectedIndex()].(ui.Escaper); ok {
				return e.Escape(from)
			}
		case fyne.KeyReturn, fyne.KeyEnter:
			return w.EnterKey()
		}
		return false
	}))
	w.Win.Resize(fyne.NewSize(1000, 760))
	w.Store = s
	for _, sc := range w.screens {
		sc.Load()
	}
	return w
}

// keys adapts a function to widgets.WindowKeys.
type keys func(ev *fyne.KeyEvent, from fyne.Focusable) bool

func (k keys) TypedKey(ev *fyne.KeyEvent, from fyne.Focusable) bool { return k(ev, from) }
