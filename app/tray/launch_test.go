package tray

import (
	"path/filepath"
	"testing"

	"github.com/bothand/bothand/app/instance"
	"github.com/bothand/bothand/assets"
)

func trayIconPNG(*testing.T) []byte { return assets.TrayIcon() }

// noSession makes the desktop look like one without a session bus, so no
// tray: the window runs alone.
func noSession(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
	t.Setenv("XDG_RUNTIME_DIR", filepath.Join(t.TempDir(), "run"))
	t.Setenv(WindowEnv, "")
}

// TestSecondStartHandsOverAndExits0: while one process holds the journal,
// Main hands "show" to it and returns 0 without running a window; with
// --minimized it only checks that it runs.
func TestSecondStartHandsOverAndExits0(t *testing.T) {
	noSession(t)
	journal := filepath.Join(t.TempDir(), "j.db")
	claim, err := instance.ClaimJournal(journal)
	if err != nil {
		t.Fatal(err)
	}
	defer claim.Close()
	got := make(chan string, 4)
	go claim.Serve(func(c *instance.Conn) {
		defer c.Close()
		do, _ := c.Receive()
		got <- do
		c.Send(instance.OK)
	})
	window := func(Window) int { t.Fatal("a second window was run"); return 9 }
	if code := Main(Config{DBPath: journal}, window); code != 0 {
		t.Errorf("exit %d", code)
	}
	if do := <-got; do != instance.Show {
		t.Errorf("asked %q", do)
	}
	if code := Main(Config{DBPath: journal, Minimized: true}, window); code != 0 {
		t.Errorf("minimized: exit %d", code)
	}
	if do := <-got; do != instance.Ping {
		t.Errorf("minimized asked %q", do)
	}
}

// TestWithoutATrayTheWindowHoldsTheJournal: no tray host, so the window
// runs with the claim, and another journal runs beside it.
func TestWithoutATrayTheWindowHoldsTheJournal(t *testing.T) {
	noSession(t)
	dir := t.TempDir()
	ran := 0
	code := Main(Config{DBPath: filepath.Join(dir, "a.db")}, func(w Window) int {
		ran++
		if w.Claim == nil || w.Tray != nil {
			t.Errorf("window mode %+v", w)
		}
		// Another journal, while this one is held.
		return Main(Config{DBPath: filepath.Join(dir, "b.db")}, func(w2 Window) int {
			ran++
			if w2.Claim == nil {
				t.Error("the second journal got no claim")
			}
			w2.Claim.Close()
			return 7
		})
	})
	if code != 7 || ran != 2 {
		t.Errorf("code %d, windows run %d", code, ran)
	}
}
