package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/vault"
)

// TestUnlockTheEncryptedJournalInTheRealWindow opens a demo journal
// encrypted on the command line: the window shows the unlock form alone,
// Esc there does nothing, a wrong passphrase is refused and waited out, the
// right one typed and Enter show the journal, with the entry added while it
// was locked merged in. The export asks first and Esc cancels it; Ctrl+L
// locks again and the passphrase opens it again.
func TestUnlockTheEncryptedJournalInTheRealWindow(t *testing.T) {
	d := startXvfb(t)
	bin := buildBinary(t)
	db := demoJournal(t, bin, 200)
	pass := filepath.Join(t.TempDir(), "passphrase")
	writeFile(t, pass, "blue kettle at dawn\n")
	if out, err := exec.Command(bin, "--db", db, "encrypt", "--new-passphrase-file", pass).CombinedOutput(); err != nil {
		t.Fatalf("encrypt: %v\n%s", err, out)
	}
	add := exec.Command(bin, "--db", db, "add", "--trigger", "Written while the journal was locked")
	if out, err := add.CombinedOutput(); err != nil {
		t.Fatalf("add: %v\n%s", err, out)
	}
	keysBefore := readFile(t, data.KeysPath(db))

	a := startApp(t, d, homeWithWelcomeDone(t), nil, "--db", db)
	s := newSession(t, d, a)
	locked := func(e event) bool { return e.msg == "window locked" }
	unlocked := func(e event) bool { return e.msg == "window unlocked" }
	s.waitFor(0, "the unlock form", locked, 10*time.Second)
	s.key("Escape")

	from := s.mark()
	s.typ("red kettle")
	s.key("Return")
	s.waitFor(from, "the wrong passphrase refused", func(e event) bool { return e.msg == "unlock refused" }, 20*time.Second)
	time.Sleep(vault.FailureDelay(1) + 300*time.Millisecond)
	if got := readFile(t, data.KeysPath(db)); got != keysBefore {
		t.Error("a wrong passphrase changed the keys file")
	}

	from = s.mark()
	s.typ("blue kettle at dawn") // replaces the wrong one, which is selected
	s.key("Return")
	e := s.waitFor(from, "the journal to show", unlocked, 20*time.Second)
	if e.attr["merged"] != "1" {
		t.Errorf("merged %q entries from the inbox, want 1", e.attr["merged"])
	}

	s.fromMenuBar("File/Export your journal…")
	s.waitFor(from, "the warning before the export", func(e event) bool {
		return e.msg == "dialog shown" && e.attr["kind"] == "export-plain"
	}, 10*time.Second)
	s.closes("export-plain", "Escape")

	// A commitment being typed when the journal locks is out of sight
	// while locked and back after the unlock, still asking before it
	// drops what was typed.
	s.runs("View/Tiers", "ctrl+2")
	s.key("Escape")
	s.tabTo("button", "Commitment", true)
	s.opens("commitment", "space")
	s.typ("Sports day")
	from = s.mark()
	s.runs("File/Lock now", "ctrl+l")
	s.waitFor(from, "the lock", locked, 10*time.Second)
	from = s.mark()
	s.typ("blue kettle at dawn")
	s.key("Return")
	s.waitFor(from, "the journal to show again", unlocked, 20*time.Second)
	s.waitFor(from, "the commitment back", func(e event) bool {
		return e.msg == "dialog shown again" && e.attr["kind"] == "commitment"
	}, 10*time.Second)
	s.opens("discard-changes", "Escape")
	s.press("Close without saving")
	a.stop(t)

	head := make([]byte, 16)
	f, err := os.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	f.Read(head)
	f.Close()
	if bytes.HasPrefix(head, []byte("SQLite format 3")) {
		t.Error("the journal is a plain SQLite file after the window")
	}
	if n, _ := vault.Pending(db); n != 0 {
		t.Errorf("%d entries still wait in the inbox", n)
	}
}
