package e2e

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bothand/bothand/data"
)

// TestJournalByRealKeys writes an entry with real key presses in the real
// window: Ctrl+N from the slip field, typing, Tab, and Ctrl+S while the
// cursor is inside a text field, which Fyne hands to the focused widget.
// Then Ctrl+N and Esc with something typed leaves a draft, not nothing.
func TestJournalByRealKeys(t *testing.T) {
	d := startXvfb(t)
	db := filepath.Join(t.TempDir(), "journal.db")
	a := startApp(t, d, homeWithWelcomeDone(t), nil, "--db", db)
	win := d.waitWindow(t, "Both/And", 90*time.Second, a.exited)
	time.Sleep(1500 * time.Millisecond)
	d.run(t, "xdotool", "windowfocus", "--sync", win)
	key := func(keys ...string) {
		for _, k := range keys {
			d.run(t, "xdotool", "key", "--delay", "60", k)
			time.Sleep(150 * time.Millisecond)
		}
	}
	typ := func(text string) {
		d.run(t, "xdotool", "type", "--delay", "15", text)
		time.Sleep(200 * time.Millisecond)
	}
	// Put the cursor in the slip field first: Ctrl+N must work from there.
	d.run(t, "xdotool", "mousemove", "--window", win, "300", "88")
	time.Sleep(300 * time.Millisecond)
	d.run(t, "xdotool", "click", "1")
	time.Sleep(300 * time.Millisecond)

	// Type once the editor has the keyboard: under load the first letters
	// would otherwise go to the slip field.
	focused := func(keys ...string) {
		before := strings.Count(a.output(), "msg=focus")
		key(keys...)
		for deadline := time.Now().Add(10 * time.Second); strings.Count(a.output(), "msg=focus") == before; time.Sleep(20 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("%v moved no focus; the app's output:\n%s", keys, a.output())
			}
		}
	}
	focused("ctrl+n")
	typ("Missed the recital")
	key("Tab")
	typ("I always choose work")
	key("ctrl+s")
	time.Sleep(time.Second)

	focused("ctrl+n")
	typ("Unfinished thought")
	key("Escape")
	time.Sleep(1500 * time.Millisecond)
	a.stop(t)

	s, err := data.Open(db, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	page, err := s.EntryPage(data.EntryFilter{}, nil, 10)
	if err != nil || len(page.Rows) != 1 {
		t.Fatalf("entries after typing: %+v, %v\napp output:\n%s", page.Rows, err, a.output())
	}
	e, _ := s.Entry(page.Rows[0].ID)
	if e.Trigger != "Missed the recital" || e.Story != "I always choose work" {
		t.Errorf("stored %q / %q", e.Trigger, e.Story)
	}
	drafts, _ := s.Drafts()
	if len(drafts) != 1 || drafts[0].Trigger != "Unfinished thought" {
		t.Errorf("drafts after Esc: %+v", drafts)
	}
}
