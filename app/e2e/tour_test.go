package e2e

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/zone"
)

// tour names the test that runs the big tour of the window.
const tour = "TestEveryDialogMenuAndPickerInTheRealWindow"

// datePicker is the date fields' calendar in the table below.
const datePicker = "date-picker"

// dialogs lists every kind of dialog in app/ui/dialog_kinds.go with the
// real-window test that opens it (and closes it, by Esc, Enter or a click).
// TestEveryDialogIsInTheTable fails when a kind is missing: a new dialog
// must be added here, and opened by one of these tests. The two that the
// real window can't reach say why, and which test covers them instead.
var dialogs = map[string]string{
	"welcome":            "TestDoneWhenKeyboardOnly",
	"crashed":            "TestACrashIsSaidAtTheNextStart",
	"open-error":         "TestBadJournalShowsADialogAndExits1",
	"stopped":            "TestCancelARestoreInTheWindow",
	"shortcuts":          tour,
	"about":              tour,
	"log-folder":         tour,
	"error":              tour,
	"open-file":          tour,
	"save-file":          tour,
	"replace-file":       tour,
	"discard-changes":    tour,
	"progress":           tour,
	"export":             tour,
	"export-plain":       "TestUnlockTheEncryptedJournalInTheRealWindow",
	"encrypt":            "TestPrivacyInTheRealWindow",
	"recovery-code":      "TestPrivacyInTheRealWindow",
	"plain-copies":       "TestPrivacyInTheRealWindow",
	"change-passphrase":  "TestPrivacyInTheRealWindow",
	"confirm-passphrase": "TestPrivacyInTheRealWindow",
	"choose-folder":      "TestSyncInTheRealWindow",
	"sync-folder":        "TestSyncInTheRealWindow",
	"remove-device":      "TestSyncInTheRealWindow",
	"stop-sync":          "TestSyncInTheRealWindow",
	"conflicts":          "TestSyncInTheRealWindow",
	"exported":           tour,
	"imported":           tour,
	"import-failed":      tour,
	"backed-up":          tour,
	"backups":            tour,
	"restore":            tour,
	"restored":           tour,
	"slips":              tour,
	"edit-slip":          tour,
	"delete-slip":        tour,
	"discard-draft":      tour,
	"empty-trash":        tour,
	"commitment":         tour,
	"delete-commitment":  tour,
	"work-block":         tour,
	"delete-work-block":  tour,
	"make-up":            tour,
	"moved":              tour,
	"working-hours":      tour,
	"ics-import-tier":    tour,
	"ics-imported":       tour,
	"ics-import-failed":  tour,
	"ics-export":         tour,
	"ics-exported":       tour,
	"new-protocol":       tour,
	"delete-protocol":    tour,
	"edit-step":          tour,
	"default-buffer":     tour,
	"urgency":            tour,
	"urgency-first":      tour,
	"triage":             tour,
	"delete-reframe":     tour,
	// Not a dialog kind but a pop-up of every date field (widgets.DateEntry),
	// which logs its own showing and closing.
	datePicker: tour,
	// Closed by a WM_DELETE_WINDOW message under a tray host (x11_test.go).
	"tray-explained": "TestTrayAloneIsLightAndOneInstance",
	// The general error path's message for a refusal no field shows; no
	// action of the window leads there today. app: TestAValidationErrorSaysPleaseCheck.
	"check": "-",
}

// declaredKinds reads the dialog kinds from app/ui/dialog_kinds.go.
func declaredKinds(t *testing.T) []string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), filepath.Join("..", "ui", "dialog_kinds.go"), nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	ast.Inspect(f, func(n ast.Node) bool {
		if vs, ok := n.(*ast.ValueSpec); ok {
			if id, ok := vs.Type.(*ast.Ident); ok && id.Name == "DialogKind" {
				for _, v := range vs.Values {
					if lit, ok := v.(*ast.BasicLit); ok {
						k, _ := strconv.Unquote(lit.Value)
						kinds = append(kinds, k)
					}
				}
			}
		}
		return true
	})
	return kinds
}

func TestEveryDialogIsInTheTable(t *testing.T) {
	kinds := declaredKinds(t)
	if len(kinds) < 40 {
		t.Fatalf("only %d kinds read from dialog_kinds.go", len(kinds))
	}
	for _, k := range kinds {
		if _, ok := dialogs[k]; !ok {
			t.Errorf("the dialog %q is not in the real-window tests' table (tour_test.go)", k)
		}
	}
	for k := range dialogs {
		if !slices.Contains(kinds, k) && k != datePicker {
			t.Errorf("the table lists %q, which dialog_kinds.go doesn't declare", k)
		}
	}
}

// seedTour fills a journal with what the tour needs: a pinned slip, a
// commitment that has begun today (so it can be kept or missed), a
// flexible one where new work will land, an entry, the protocols from the
// buffer and school-dates templates and an own reframe. The flexible one
// is where the work block form starts: the next full hour.
func seedTour(t *testing.T, db string) {
	t.Helper()
	s, err := data.Open(db, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	_, err = s.AddSlip("Rest is part of the work.", true)
	must(err)
	now := time.Now()
	// The work block form starts at the next full hour, for two hours.
	next := now.Add(time.Hour)
	work := time.Date(next.Year(), next.Month(), next.Day(), next.Hour(), 0, 0, 0, time.Local)
	// The lesson has begun and ends as that work starts.
	begun := now.Add(-time.Minute).Truncate(time.Minute)
	_, err = s.SaveCommitment(data.Commitment{
		Title: "Swimming lesson", Tier: data.TierNonNegotiable,
		StartsAt: begun, EndsAt: work, RRule: "FREQ=WEEKLY", TimeZone: zone.Local(),
	})
	must(err)
	_, err = s.SaveCommitment(data.Commitment{
		// Three hours: the form's block still lands on it when the clock
		// passes a full hour between here and the Tiers phase.
		Title: "Park with the kids", Tier: data.TierFlexible,
		StartsAt: work, EndsAt: work.Add(3 * time.Hour), TimeZone: zone.Local(),
	})
	must(err)
	_, err = s.SaveEntry(data.Entry{Trigger: "Snapped at the kids before a call", Intensity: 6, HappenedAt: now.Add(-time.Hour)}, 0)
	must(err)
	_, err = s.StartFromTemplate("deadline-buffer", nil)
	must(err)
	_, err = s.StartFromTemplate("school-events", nil)
	must(err)
	_, err = s.SaveReframe(data.Reframe{OldStory: "I should be everywhere at once.", NewStory: "I am where I am, fully."})
	must(err)
}

// TestEveryDialogMenuAndPickerInTheRealWindow starts the real app once on a
// prepared journal and, by keys and the mouse, opens every dialog, menu
// item and file picker the table gives it, cancels each, completes the
// calendar import and export and the journal export and import with real
// files, and fails on a panic or a dead process.
func TestEveryDialogMenuAndPickerInTheRealWindow(t *testing.T) {
	// The journal's swimming lesson is on the day it is made, and the
	// Tiers steps look for it on today: the tour runs within one day.
	clearOfMidnight(t, 3*time.Minute)
	start := time.Now()
	d := startXvfb(t)
	home := homeWithWelcomeDone(t)
	db := filepath.Join(t.TempDir(), "journal.db")
	seedTour(t, db)
	files := filepath.Join(home, "files")
	os.MkdirAll(files, 0o700)
	school := filepath.Join(files, "school.ics")
	writeFile(t, school, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:play@school\r\nSUMMARY:School play\r\n"+
		"DTSTART:20300312T140000Z\r\nDTEND:20300312T150000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
	broken := filepath.Join(files, "broken.ics")
	writeFile(t, broken, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Concert\r\nDTSTART:tomorrow\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
	badJSON := filepath.Join(files, "cut.json")
	writeFile(t, badJSON, `{"format": "bothand-journal", "format_version": 1, "records": {"slips": [{"uuid":`)
	// Help → Open the log folder runs xdg-open: this one notes what it was
	// asked to open.
	opened := filepath.Join(home, "xdg-open.log")
	fakeOpen := filepath.Join(home, "bin", "xdg-open")
	os.MkdirAll(filepath.Dir(fakeOpen), 0o700)
	writeFile(t, fakeOpen, "#!/bin/sh\necho \"$@\" >> "+opened+"\n")
	os.Chmod(fakeOpen, 0o700)
	// Starting at login can't be set while the autostart folder is a file:
	// the window's general error dialog says so.
	os.MkdirAll(filepath.Join(home, ".config"), 0o700)
	writeFile(t, filepath.Join(home, ".config", "autostart"), "not a folder")

	a := startApp(t, d, home, nil, "--db", db)
	s := newSession(t, d, a)
	t.Logf("the window is up after %v", time.Since(start).Round(time.Millisecond))

	for _, phase := range []struct {
		name string
		run  func()
	}{
		{"help and menus", func() { s.helpAndMenus(home, opened, fakeOpen) }},
		{"calendar files", func() { s.calendarFiles(school, broken, files) }},
		{"journal files and backups", func() { s.journalFiles(files, badJSON) }},
		{"preferences", s.preferences},
		{"journal", s.journal},
		{"slips", s.slips},
		{"tiers", s.tiers},
		{"protocols", s.protocols},
		{"compassion", s.compassion},
	} {
		began := time.Now()
		phase.run()
		t.Logf("%s: %v", phase.name, time.Since(began).Round(10*time.Millisecond))
	}

	// Quit from the File menu, by the mouse: the last item.
	s.click(27, 14)
	s.key("Up", "Return")
	if code := a.wait(t, 15*time.Second); code != 0 {
		t.Fatalf("File → Quit: exit status %d; the log ends:\n%s", code, tail(a.output(), 40))
	}
	s.events()
	if s.panicked {
		t.Fatalf("a panic:\n%s", a.output())
	}

	for _, kind := range append(declaredKinds(t), datePicker) {
		if dialogs[kind] != tour {
			continue
		}
		if s.shown[kind] == 0 || s.closed[kind] == 0 {
			t.Errorf("the dialog %q was shown %d and closed %d times", kind, s.shown[kind], s.closed[kind])
		}
	}
	for item := range s.offered {
		if !s.ran[item] {
			t.Errorf("the menu item %q was offered but never run", item)
		}
	}
	t.Logf("%d dialogs opened, %d menu items run, in %v", len(s.shown), len(s.ran), time.Since(start).Round(time.Millisecond))
}
