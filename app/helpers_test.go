package app

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/bothand/bothand/data"
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

// stopTimers stops what a test UI left ticking (reminders, the hourly
// backup check): a ticker firing into a later test races with it.
func stopTimers(u *UI) {
	u.stopSync()
	u.stopWatchingDay()
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
