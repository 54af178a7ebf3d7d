package e2e

import (
	"bytes"
	"os"
	"path/filepath"
	"time"
)

func (s *session) calendarFiles(school, broken, dir string) {
	s.t.Helper()
	// Ctrl+I from the journal: the picker opens, Esc cancels.
	s.opens("open-file", "ctrl+i")
	s.closes("open-file", "Escape")
	// A school's calendar, typed as a path, then the tier, then the result.
	s.opens("open-file", "ctrl+i")
	s.pick(school)
	s.opens("ics-import-tier", "Return")
	s.opens("ics-imported", "Return")
	s.closes("ics-imported", "Return")
	// A broken file, from the File menu by the mouse.
	s.click(27, 14)
	s.opens("open-file", "Down", "Down", "Down", "Return")
	s.pick(broken)
	s.opens("ics-import-tier", "Return")
	s.opens("ics-import-failed", "Return")
	s.closes("ics-import-failed", "Escape")

	// Busy times: the choice, the save picker, a new file, then the same
	// file again, which asks before replacing it.
	out := filepath.Join(dir, "busy-family.ics")
	for range 2 {
		s.fromMenuBar("File/Export busy times (.ics)…")
		s.opens("save-file", "Return")
		s.pick(out)
		if _, err := os.Stat(out); err == nil {
			s.opens("replace-file", "Return")
			s.opens("ics-exported", "Return")
		} else {
			s.opens("ics-exported", "Return")
		}
		s.closes("ics-exported", "Escape")
	}
	if b, err := os.ReadFile(out); err != nil || !bytes.Contains(b, []byte("BEGIN:VEVENT")) {
		s.t.Errorf("the busy times file: %v\n%s", err, b)
	}
	// Cancel at each step.
	s.menuOpens("File/Export busy times (.ics)…", "ics-export")
	s.closes("ics-export", "Escape")
	s.fromMenuBar("File/Export busy times (.ics)…")
	s.opens("save-file", "Return")
	s.closes("save-file", "Escape")
	s.menuOpens("File/Import a calendar file (.ics)…", "open-file")
	s.closes("open-file", "Escape")
}

func (s *session) journalFiles(dir, badJSON string) {
	s.t.Helper()
	out := filepath.Join(dir, "journal-export.json")
	s.fromMenuBar("File/Export your journal…")
	s.opens("save-file", "Return")
	s.pick(out)
	s.opens("exported", "Return")
	s.closes("exported", "Escape")
	if b, err := os.ReadFile(out); err != nil || !bytes.Contains(b, []byte("Rest is part of the work.")) {
		s.t.Errorf("the export: %v", err)
	}
	s.fromMenuBar("File/Import a journal export…")
	s.pick(badJSON)
	s.opens("import-failed", "Return")
	s.closes("import-failed", "Escape")
	s.fromMenuBar("File/Import a journal export…")
	s.pick(out)
	s.opens("imported", "Return")
	s.closes("imported", "Escape")

	s.menuOpens("File/Back up now", "backed-up")
	s.closes("backed-up", "Escape")
	s.fromMenuBar("File/Backups…")
	s.settle() // the backups are listed
	s.pressOpens("Restore…", "restore")
	s.opens("restored", "Return")
	s.closes("restored", "Escape")
	s.closes("backups", "Escape")
}

func (s *session) preferences() {
	s.t.Helper()
	from := s.mark()
	s.runs("File/Preferences…", "ctrl+comma")
	s.waitFor(from, "the preferences window", func(e event) bool { return e.msg == "window shown" }, 5*time.Second)
	prefs := s.d.waitWindow(s.t, "Both/And preferences", 10*time.Second, s.a.exited)
	s.d.run(s.t, "xdotool", "windowfocus", "--sync", prefs)
	// Starting at login fails here (the autostart folder is a file): the
	// general error dialog says so in the main window.
	s.tabTo("check", "Open Both/And when I log in, quietly in the tray", false)
	s.opens("error", "space")
	from = s.mark()
	s.key("Escape")
	s.waitFor(from, "the preferences to close", func(e event) bool { return e.msg == "window closed" }, 5*time.Second)
	s.d.run(s.t, "xdotool", "windowfocus", "--sync", s.win)
	s.closes("error", "Escape")
}
