package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/vault"
)

// TestSyncInTheRealWindow joins two encrypted journals through a folder on
// the command line, with one entry's text changed on both before either
// saw the other's. The window on the first unlocks, syncs on its own
// (the footer says so), shows the two versions side by side and keeps
// both; an entry added in the window reaches the second journal with its
// next `bothand sync`. Preferences → Sync removes a computer (cancelled),
// stops syncing, and refuses a folder that holds other files.
func TestSyncInTheRealWindow(t *testing.T) {
	d := startXvfb(t)
	bin := buildBinary(t)
	dir := t.TempDir()
	a, b, folder := filepath.Join(dir, "desk.db"), filepath.Join(dir, "laptop.db"), filepath.Join(dir, "Sync")
	pass := filepath.Join(dir, "passphrase")
	writeFile(t, pass, "blue kettle at dawn\n")
	os.Mkdir(folder, 0o700)
	cli := func(args ...string) string {
		t.Helper()
		out, err := exec.Command(bin, args...).CombinedOutput()
		if err != nil {
			t.Fatalf("bothand %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	cli("--db", a, "add", "--trigger", "Shouted at breakfast")
	cli("--db", a, "encrypt", "--new-passphrase-file", pass)
	cli("--db", a, "--passphrase-file", pass, "sync", "setup", folder, "--name", "Desk")
	cli("--db", b, "--passphrase-file", pass, "sync", "join", folder, "--name", "Laptop")
	editFirst(t, a, "Shouted at breakfast, then said sorry")
	editFirst(t, b, "Shouted at breakfast because we were late")
	cli("--db", a, "--passphrase-file", pass, "sync")
	cli("--db", b, "--passphrase-file", pass, "sync")

	// BOTHAND_E2E_ENV="FYNE_THEME=light FYNE_SCALE=1.25" looks at it in
	// another theme and size (with BOTHAND_E2E_SHOTS).
	app := startApp(t, d, homeWithWelcomeDone(t), strings.Fields(os.Getenv("BOTHAND_E2E_ENV")), "--db", a)
	t.Cleanup(func() {
		if t.Failed() {
			t.Log(app.output())
		}
	})
	s := newSession(t, d, app)
	s.waitFor(0, "the unlock form", func(e event) bool { return e.msg == "window locked" }, 10*time.Second)
	from := s.mark()
	s.typ("blue kettle at dawn")
	s.key("Return")
	synced := func(e event) bool { return e.msg == "sync line" && e.attr["text"] == "Synced just now" }
	s.waitFor(from, "the footer to say synced", synced, 30*time.Second)
	time.Sleep(500 * time.Millisecond)
	shot(t, d, "sync-footer")

	s.tabTo("button", "Choose…", false)
	s.opens("conflicts", "space")
	shot(t, d, "sync-conflicts")
	s.closes("conflicts", "Return") // Keep both

	saved := s.mark()
	s.focusAfter("ctrl+n")
	s.typ("Forgot the library books")
	s.runs("File/Save", "ctrl+s")
	// The window sends it once the change has settled; the laptop's
	// round brings it in.
	out := ""
	for deadline := time.Now().Add(40 * time.Second); time.Now().Before(deadline); time.Sleep(time.Second) {
		cli("--db", b, "--passphrase-file", pass, "sync")
		if out = cli("--db", b, "--passphrase-file", pass, "export", "--format", "csv"); strings.Contains(out, "Forgot the library books") {
			break
		}
	}
	if !strings.Contains(out, "Forgot the library books") || !strings.Contains(out, "then said sorry") || !strings.Contains(out, "because we were late") {
		t.Fatalf("the laptop's journal lacks the window's entry or one of the two versions:\n%s", out)
	}
	s.waitFor(saved, "the window's round that sent it", func(e event) bool {
		return e.msg == "sync round" && strings.Contains(e.attr["result"], "Sent")
	}, time.Second)
	shot(t, d, "sync-sent")
	from = s.mark()

	prefs := func(button, kind string) {
		t.Helper()
		from := s.mark()
		s.runs("File/Preferences…", "ctrl+comma")
		s.waitFor(from, "the preferences window", func(e event) bool { return e.msg == "window shown" }, 5*time.Second)
		w := s.d.waitWindow(t, "Both/And preferences", 10*time.Second, s.a.exited)
		s.d.run(t, "xdotool", "windowfocus", "--sync", w)
		s.tabTo("button", button, false)
		shot(t, d, "sync-prefs-"+kind)
		s.opens(kind, "space")
		s.d.run(t, "xdotool", "windowfocus", "--sync", s.win)
		time.Sleep(300 * time.Millisecond)
	}
	prefs("Remove…", "remove-device")
	shot(t, d, "sync-remove")
	s.closes("remove-device", "Escape")
	prefs("Stop syncing…", "stop-sync")
	s.closes("stop-sync", "Return")
	s.waitFor(from, "the footer to go", func(e event) bool { return e.msg == "sync line" && e.attr["text"] == "" }, 10*time.Second)

	photos := filepath.Join(dir, "Photos")
	os.Mkdir(photos, 0o700)
	writeFile(t, filepath.Join(photos, "beach.jpg"), "not a journal")
	prefs("Choose the folder…", "choose-folder")
	shot(t, d, "sync-choose-folder")
	s.typ(photos)
	s.closes("choose-folder", "Return")
	s.waitFor(from, "the word on that folder", func(e event) bool {
		return e.msg == "dialog shown" && e.attr["kind"] == "sync-folder"
	}, 10*time.Second)
	shot(t, d, "sync-folder-refused")
	s.closes("sync-folder", "Escape")
	app.stop(t)
}

// editFirst changes the text of the journal's first entry, as another
// program on that computer would between two rounds.
func editFirst(t *testing.T, path, text string) {
	t.Helper()
	st, key, _, err := vault.OpenWithKey(path, vault.Passphrase([]byte("blue kettle at dawn")), vault.Options{})
	if err != nil {
		t.Fatal(err)
	}
	clear(key)
	defer st.Close()
	page, err := st.EntryPage(data.EntryFilter{}, nil, 1)
	if err != nil || len(page.Rows) != 1 {
		t.Fatalf("%v, %v", page.Rows, err)
	}
	e, err := st.Entry(page.Rows[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	e.Trigger = text
	if _, err := st.SaveEntry(e, 0); err != nil {
		t.Fatal(err)
	}
}

// shot keeps a screenshot of the display in BOTHAND_E2E_SHOTS, when set,
// for a person to look at.
func shot(t *testing.T, d *display, name string) {
	t.Helper()
	dir := os.Getenv("BOTHAND_E2E_SHOTS")
	if dir == "" {
		return
	}
	time.Sleep(700 * time.Millisecond) // the dialog drawn
	png, _ := d.run(t, "import", "-window", "root", "png:-")
	_ = os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644)
}
