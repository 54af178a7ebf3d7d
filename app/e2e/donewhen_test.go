package e2e

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bothand/bothand/data"
)

// TestDoneWhenKeyboardOnly is issue 14's "done when", in the real window,
// by the keyboard alone, on a new journal: Esc dismisses the welcome,
// Ctrl+N, typing, Ctrl+S saves, Ctrl+2 shows the Tiers, Ctrl+I opens the
// calendar file picker, Esc closes it, F1 shows the shortcuts, Esc, and
// Ctrl+Q quits with exit status 0, no panic.
func TestDoneWhenKeyboardOnly(t *testing.T) {
	d := startXvfb(t)
	db := filepath.Join(t.TempDir(), "journal.db")
	a := startApp(t, d, t.TempDir(), nil, "--db", db)
	s := newSession(t, d, a)

	s.waitFor(0, "the welcome", func(e event) bool { return e.msg == "dialog shown" && e.attr["kind"] == "welcome" }, 30*time.Second)
	// The welcome comes up with the window itself; a key sent in the same
	// instant can reach the X server before the new window has the
	// keyboard (no person is that quick), so let it settle first.
	s.settle()
	s.closes("welcome", "Escape")
	if f := s.focusAfter("ctrl+n"); f.attr["widget"] != "entry" {
		t.Fatalf("Ctrl+N put the focus on %v", f.attr)
	}
	s.typ("Missed the school play for a client call")
	s.runs("File/Save", "ctrl+s")
	s.runs("View/Tiers", "ctrl+2")
	s.opens("open-file", "ctrl+i")
	s.closes("open-file", "Escape")
	s.opens("shortcuts", "F1")
	s.closes("shortcuts", "Escape")
	s.key("ctrl+q")
	if code := a.wait(t, 15*time.Second); code != 0 {
		t.Fatalf("Ctrl+Q: exit status %d; output:\n%s", code, tail(a.output(), 40))
	}
	if strings.Contains(a.output(), "panic:") {
		t.Fatalf("a panic:\n%s", a.output())
	}

	st, err := data.Open(db, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	page, err := st.EntryPage(data.EntryFilter{}, nil, 10)
	if err != nil || len(page.Rows) != 1 {
		t.Fatalf("entries after Ctrl+S: %+v, %v", page.Rows, err)
	}
	if e, _ := st.Entry(page.Rows[0].ID); e.Trigger != "Missed the school play for a client call" {
		t.Errorf("stored %q", e.Trigger)
	}
	if drafts, _ := st.Drafts(); len(drafts) != 0 {
		t.Errorf("a draft is left: %+v", drafts)
	}
}
