package e2e

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/bothand/bothand/data/vault"
)

// TestPrivacyInTheRealWindow turns encryption on from Preferences by the
// keyboard, changes the passphrase, makes a new recovery code and turns
// encryption off again, each dialog opened and closed in the real window.
func TestPrivacyInTheRealWindow(t *testing.T) {
	d := startXvfb(t)
	db := demoJournal(t, buildBinary(t), 100)
	a := startApp(t, d, homeWithWelcomeDone(t), nil, "--db", db)
	s := newSession(t, d, a)
	time.Sleep(time.Second)

	// fromPrefs presses a button of the Privacy part, which opens kind in
	// the main window.
	fromPrefs := func(button, kind string) {
		t.Helper()
		from := s.mark()
		s.runs("File/Preferences…", "ctrl+comma")
		s.waitFor(from, "the preferences window", func(e event) bool { return e.msg == "window shown" }, 5*time.Second)
		prefs := s.d.waitWindow(t, "Both/And preferences", 10*time.Second, s.a.exited)
		s.d.run(t, "xdotool", "windowfocus", "--sync", prefs)
		s.tabTo("button", button, false)
		s.opens(kind, "space")
		s.d.run(t, "xdotool", "windowfocus", "--sync", s.win)
		time.Sleep(300 * time.Millisecond)
	}
	const first, second = "blue kettle at dawn", "green teapot at noon"
	finished := func(what string) func(e event) bool {
		return func(e event) bool { return e.msg == "dialog closed" && e.attr["kind"] == what }
	}

	fromPrefs("Protect with a passphrase…", "encrypt")
	s.typ(first)
	s.key("Tab")
	s.typ(first)
	from := s.mark()
	s.key("Return")
	s.waitFor(from, "the recovery code", func(e event) bool {
		return e.msg == "dialog shown" && e.attr["kind"] == "recovery-code"
	}, 60*time.Second)
	s.key("Escape") // the code is shown once: Esc does not close it
	s.key("space")  // I have written it down
	from = s.mark()
	s.key("Return")
	s.waitFor(from, "the word on plain copies", func(e event) bool {
		return e.msg == "dialog shown" && e.attr["kind"] == "plain-copies"
	}, 10*time.Second)
	s.closes("plain-copies", "Escape")
	if st, _ := vault.StateOf(db); st != vault.Encrypted {
		t.Fatal("the journal is not encrypted")
	}

	fromPrefs("Change the passphrase…", "change-passphrase")
	s.typ(first)
	s.key("Tab")
	s.typ(second)
	s.key("Tab")
	s.typ(second)
	from = s.mark()
	s.key("Return")
	s.waitFor(from, "the change", finished("change-passphrase"), 30*time.Second)

	fromPrefs("New recovery code…", "confirm-passphrase")
	s.typ(second)
	from = s.mark()
	s.key("Return")
	s.waitFor(from, "the new code", func(e event) bool {
		return e.msg == "dialog shown" && e.attr["kind"] == "recovery-code"
	}, 30*time.Second)
	s.key("space")
	s.closes("recovery-code", "Return")

	fromPrefs("Turn encryption off…", "confirm-passphrase")
	s.typ(second)
	from = s.mark()
	s.key("Return")
	s.waitFor(from, "encryption off", func(e event) bool { return e.msg == "dialog closed" && e.attr["kind"] == "progress" }, 60*time.Second)
	a.stop(t)
	if st, _ := vault.StateOf(db); st != vault.Plain {
		t.Errorf("the journal is %v after turning encryption off", st)
	}
	if _, err := filepath.Glob(db + ".keys"); err != nil {
		t.Fatal(err)
	}
}
