package e2e

import (
	"image"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bothand/bothand/data"
)

// TestWindowStartsShowsAndStops starts the real binary on a temp journal,
// waits for its window, checks that it drew something, writes the first
// permission slip into the welcome with real key presses, and stops it with
// SIGTERM.
func TestWindowStartsShowsAndStops(t *testing.T) {
	d := startXvfb(t)
	home := t.TempDir()
	db := filepath.Join(t.TempDir(), "journal.db")
	a := startApp(t, d, home, nil, "--db", db)
	win := d.waitWindow(t, "Both/And", 90*time.Second, a.exited)
	time.Sleep(1500 * time.Millisecond) // let it draw

	geom, err := d.run(t, "xdotool", "getwindowgeometry", "--shell", win)
	if err != nil {
		t.Fatal(err)
	}
	vals := map[string]int{}
	for _, line := range strings.Split(string(geom), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			vals[k], _ = strconv.Atoi(v)
		}
	}
	area := image.Rect(vals["X"], vals["Y"], vals["X"]+vals["WIDTH"], vals["Y"]+vals["HEIGHT"])
	if area.Dx() < 400 || area.Dy() < 300 {
		t.Fatalf("window is %v", area)
	}
	shot := d.screenshot(t)
	if n := distinctColours(shot, area.Intersect(shot.Bounds()), 64); n < 16 {
		t.Fatalf("the window looks blank: %d colours", n)
	}

	// A new journal opens with the welcome, its slip field focused: type a
	// slip with real key presses and press Return to start.
	d.run(t, "xdotool", "windowfocus", "--sync", win)
	d.run(t, "xdotool", "type", "--delay", "15", "Rest is allowed.")
	time.Sleep(200 * time.Millisecond)
	d.run(t, "xdotool", "key", "Return")
	time.Sleep(800 * time.Millisecond)

	a.stop(t)

	s, err := data.Open(db, data.Options{})
	if err != nil {
		t.Fatalf("the journal does not open after the app stopped: %v", err)
	}
	defer s.Close()
	slip, ok, err := s.PinnedSlip()
	if err != nil || !ok || slip.Text != "Rest is allowed." {
		t.Errorf("pinned slip after typing in the window: %+v %v %v\napp output:\n%s", slip, ok, err, a.out)
	}
}

// TestBadJournalShowsADialogAndExits1 points the app at a file that is not
// a journal: the window explains, Esc is its Quit, and the app ends with
// exit code 1, the file untouched.
func TestBadJournalShowsADialogAndExits1(t *testing.T) {
	d := startXvfb(t)
	bad := filepath.Join(t.TempDir(), "notes.db")
	writeFile(t, bad, "these are notes, not a database")
	a := startApp(t, d, t.TempDir(), nil, "--db", bad)
	s := newSession(t, d, a)
	s.waitFor(0, "the explanation", func(e event) bool { return e.msg == "dialog shown" && e.attr["kind"] == "open-error" }, 30*time.Second)
	if !strings.Contains(a.output(), "not a Both/And journal") || !strings.Contains(a.output(), bad) {
		t.Fatalf("no explanation naming the file; output:\n%s", a.output())
	}
	// The dialog itself is checked on the test driver (errors_test.go);
	// here: Esc quits, with exit code 1.
	s.key("Escape")
	if code := a.wait(t, 15*time.Second); code != 1 {
		t.Errorf("exit code %d, want 1; output:\n%s", code, a.output())
	}
	if got := readFile(t, bad); got != "these are notes, not a database" {
		t.Errorf("the file changed: %q", got)
	}
}
