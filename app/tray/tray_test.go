package tray

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bothand/bothand/app/instance"
	"github.com/bothand/bothand/data"
)

// TestMain doubles as the stand-in window process: started with
// FAKE_WINDOW_LOG set, it connects to the journal's tray as the real
// window does and writes each request it gets into that file, ending on
// Quit.
func TestMain(m *testing.M) {
	if log := os.Getenv("FAKE_WINDOW_LOG"); log != "" {
		fakeWindow(log)
		return
	}
	os.Exit(m.Run())
}

func fakeWindow(log string) {
	f, err := os.Create(log)
	if err != nil {
		os.Exit(3)
	}
	defer f.Close()
	f.WriteString("first " + os.Getenv(WindowEnv) + "\n")
	c, err := instance.Dial(os.Getenv("FAKE_WINDOW_DB"))
	if err != nil {
		os.Exit(4)
	}
	c.Send(instance.Hello)
	if os.Getenv("FAKE_WINDOW_TELL") != "" {
		c.Send(os.Getenv("FAKE_WINDOW_TELL"))
	}
	for {
		do, err := c.Receive()
		if err != nil {
			return
		}
		f.WriteString(do + "\n")
		if do == instance.Quit {
			return
		}
		if do == os.Getenv("FAKE_WINDOW_CLOSE_ON") {
			// Closed by the person: it says so, and ends a moment later.
			// What still arrives goes back, as the real window does.
			c.Send(instance.Closing)
			f.WriteString("closing\n")
			go func() {
				for {
					do, err := c.Receive()
					if err != nil {
						return
					}
					c.Send(do)
				}
			}()
			time.Sleep(300 * time.Millisecond)
			return
		}
	}
}

// fixture is a tray on a temp journal, without systray, whose window is
// the stand-in above.
type fixture struct {
	tray    *Tray
	store   *data.Store
	journal string
	log     string

	mu   sync.Mutex // the tray's own ticker sends beside the test
	sent []string
}

// shown is what the menu shows, read under the tray's lock: the tray's
// own ticker refreshes it beside the test.
func (t *Tray) shown() slipState {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.state
}

// notifications waits until at least n notifications were sent (or wait
// passed) and returns them: the tray's own first tick runs beside the
// test's and may be the one that sends.
func (f *fixture) notifications(n int, wait time.Duration) []string {
	deadline := time.Now().Add(wait)
	for {
		f.mu.Lock()
		sent := slices.Clone(f.sent)
		f.mu.Unlock()
		if len(sent) >= n || time.Now().After(deadline) {
			return sent
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func newFixture(t *testing.T, extraEnv ...string) *fixture {
	t.Helper()
	t.Setenv("XDG_RUNTIME_DIR", filepath.Join(t.TempDir(), "run"))
	dir := t.TempDir()
	f := &fixture{journal: filepath.Join(dir, "journal.db"), log: filepath.Join(dir, "window.log")}
	s, err := data.Open(f.journal, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	f.store = s
	claim, err := instance.ClaimJournal(f.journal)
	if err != nil {
		t.Fatal(err)
	}
	w := &window{start: func(first string) (*exec.Cmd, error) {
		cmd := exec.Command(os.Args[0])
		cmd.Env = append(os.Environ(), WindowEnv+"="+first, "FAKE_WINDOW_LOG="+f.log, "FAKE_WINDOW_DB="+f.journal)
		cmd.Env = append(cmd.Env, extraEnv...)
		return cmd, cmd.Start()
	}}
	f.tray = newTray(Config{DBPath: f.journal}, claim, s, w)
	f.tray.notify = func(title, body string) error {
		f.mu.Lock()
		defer f.mu.Unlock()
		f.sent = append(f.sent, title+": "+body)
		return nil
	}
	f.tray.start()
	t.Cleanup(func() {
		f.tray.window.quit()
		f.tray.exit()
	})
	return f
}

// windowLog waits until the stand-in window has logged want.
func (f *fixture) windowLog(t *testing.T, want string) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		b, _ := os.ReadFile(f.log)
		if strings.Contains(string(b), want) {
			return string(b)
		}
		if time.Now().After(deadline) {
			t.Fatalf("the window never got %q; its log:\n%s", want, b)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestASecondStartReachesOneWindow: a later start's "show" starts the
// window; requests made while it starts reach it once it has connected,
// and further ones reach the same window rather than a second.
func TestASecondStartReachesOneWindow(t *testing.T) {
	f := newFixture(t, "FAKE_WINDOW_CLOSE_ON="+instance.Triage)
	if err := instance.Ask(f.journal, instance.Show); err != nil {
		t.Fatal(err)
	}
	f.tray.window.ask(instance.NewEntry)
	log := f.windowLog(t, instance.NewEntry)
	if !strings.HasPrefix(log, "first show\n") {
		t.Errorf("window log %q", log)
	}
	if err := instance.Ask(f.journal, instance.Compassion); err != nil {
		t.Fatal(err)
	}
	f.windowLog(t, instance.Compassion)
	if strings.Count(f.windowLog(t, instance.Compassion), "first ") != 1 {
		t.Error("a second window was started")
	}

	// The window is closed while a request arrives: a new window answers
	// it once the old one has gone.
	f.tray.window.ask(instance.Triage)
	f.windowLog(t, "closing")
	os.Remove(f.log)
	f.tray.window.ask(instance.QuickEntry)
	if log := f.windowLog(t, "first "); !strings.HasPrefix(log, "first quick-entry") {
		t.Errorf("restarted window log %q", log)
	}

	// Quit reaches the window, which ends; the tray waits for it, and
	// starts nothing afterwards.
	f.tray.window.quit()
	f.windowLog(t, instance.Quit)
	if f.tray.window.isOpen() {
		t.Error("the window still runs after quit")
	}
	f.tray.window.ask(instance.Show)
	if f.tray.window.isOpen() {
		t.Error("a window was started while quitting")
	}
}

// TestWindowNewsReachesTheTray: the window says the slip changed and the
// tray reads it again for its menu.
func TestWindowNewsReachesTheTray(t *testing.T) {
	f := newFixture(t, "FAKE_WINDOW_TELL="+instance.SlipChanged)
	if _, err := f.store.AddSlip("Both can be true.", true); err != nil {
		t.Fatal(err)
	}
	f.tray.window.ask(instance.Show)
	deadline := time.Now().Add(10 * time.Second)
	for {
		f.tray.mu.Lock()
		text := f.tray.state.text
		f.tray.mu.Unlock()
		if text == "Both can be true." {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the tray's slip is %q", text)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestRemindersLeaveTheTrayOnce: the morning slip due now is sent by the
// tray's tick, once.
func TestRemindersLeaveTheTrayOnce(t *testing.T) {
	f := newFixture(t)
	if _, err := f.store.AddSlip("Rest counts as work too.", true); err != nil {
		t.Fatal(err)
	}
	rs := data.DefaultReminderSettings()
	rs.Morning = 0
	if err := f.store.SaveReminderSettings(rs); err != nil {
		t.Fatal(err)
	}
	f.tray.tick()
	f.tray.tick()
	f.notifications(1, 10*time.Second)
	f.tray.tick()
	if sent := f.notifications(2, time.Second); len(sent) != 1 || !strings.Contains(sent[0], "Rest counts as work too.") {
		t.Errorf("sent %q", sent)
	}
}

func TestReadingTheSlipFromTheTray(t *testing.T) {
	f := newFixture(t)
	if _, err := f.store.AddSlip("Enough is enough.", true); err != nil {
		t.Fatal(err)
	}
	f.tray.refreshSlip()
	if f.tray.shown().readToday {
		t.Fatal("read before reading")
	}
	f.tray.markRead()
	if rec, _ := f.store.Readings(7); !rec.ReadToday {
		t.Error("the reading was not stored")
	}
	if !f.tray.shown().readToday {
		t.Error("the menu does not show it read")
	}
}

func TestSlipLabel(t *testing.T) {
	if got := slipLabel(""); got != "Write a permission slip…" {
		t.Errorf("empty: %q", got)
	}
	if got := slipLabel("Short."); got != "“Short.”" {
		t.Errorf("short: %q", got)
	}
	long := slipLabel(strings.Repeat("a", 200))
	if n := len([]rune(long)); n > 64 || !strings.HasSuffix(long, "…”") {
		t.Errorf("long: %q (%d)", long, n)
	}
}

func TestIcoWrapsThePNG(t *testing.T) {
	ico := icoFromPNG(trayIconPNG(t))
	if len(ico) < 22 || ico[2] != 1 || ico[4] != 1 || string(ico[22:26]) != "\x89PNG" {
		t.Errorf("ico header % x", ico[:min(26, len(ico))])
	}
}
