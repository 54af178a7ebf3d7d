package e2e

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"image"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bothand/bothand/data"
)

// tour names the test that runs the big tour of the window.
const tour = "TestEveryDialogMenuAndPickerInTheRealWindow"

// dialogs lists every kind of dialog in app/dialog_kinds.go with the
// real-window test that opens it (and closes it, by Esc, Enter or a click).
// TestEveryDialogIsInTheTable fails when a kind is missing: a new dialog
// must be added here, and opened by one of these tests. The two that the
// real window can't reach say why, and which test covers them instead.
var dialogs = map[string]string{
	"welcome":           "TestDoneWhenKeyboardOnly",
	"crashed":           "TestACrashIsSaidAtTheNextStart",
	"open-error":        "TestBadJournalShowsADialogAndExits1",
	"stopped":           "TestCancelARestoreInTheWindow",
	"shortcuts":         tour,
	"about":             tour,
	"log-folder":        tour,
	"error":             tour,
	"open-file":         tour,
	"save-file":         tour,
	"replace-file":      tour,
	"discard-changes":   tour,
	"progress":          tour,
	"export":            tour,
	"exported":          tour,
	"imported":          tour,
	"import-failed":     tour,
	"backed-up":         tour,
	"backups":           tour,
	"restore":           tour,
	"restored":          tour,
	"slips":             tour,
	"edit-slip":         tour,
	"delete-slip":       tour,
	"discard-draft":     tour,
	"empty-trash":       tour,
	"commitment":        tour,
	"delete-commitment": tour,
	"work-block":        tour,
	"delete-work-block": tour,
	"make-up":           tour,
	"moved":             tour,
	"working-hours":     tour,
	"ics-import-tier":   tour,
	"ics-imported":      tour,
	"ics-import-failed": tour,
	"ics-export":        tour,
	"ics-exported":      tour,
	"new-protocol":      tour,
	"delete-protocol":   tour,
	"edit-step":         tour,
	"default-buffer":    tour,
	"urgency":           tour,
	"urgency-first":     tour,
	"triage":            tour,
	"delete-reframe":    tour,
	// Closing the window to the tray needs a window manager to ask it to
	// close; Xvfb has none. app: TestCloseHidesToTrayAndExplainsOnce.
	"tray-explained": "-",
	// The general error path's message for a refusal no field shows; no
	// action of the window leads there today. app: TestAValidationErrorSaysPleaseCheck.
	"check": "-",
}

// declaredKinds reads the dialog kinds from app/dialog_kinds.go.
func declaredKinds(t *testing.T) []string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), filepath.Join("..", "dialog_kinds.go"), nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	ast.Inspect(f, func(n ast.Node) bool {
		if vs, ok := n.(*ast.ValueSpec); ok {
			if id, ok := vs.Type.(*ast.Ident); ok && id.Name == "dialogKind" {
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
		if !slices.Contains(kinds, k) {
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
		StartsAt: begun, EndsAt: work, RRule: "FREQ=WEEKLY", TimeZone: data.LocalZoneName(),
	})
	must(err)
	_, err = s.SaveCommitment(data.Commitment{
		Title: "Park with the kids", Tier: data.TierFlexible,
		StartsAt: work, EndsAt: work.Add(time.Hour), TimeZone: data.LocalZoneName(),
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

	for _, kind := range declaredKinds(t) {
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

// barItems are the menu bar's items in order, per menu, as the log lists
// them when the window is built.
func (s *session) barItems() (menus []string, items map[string][]string) {
	items = map[string][]string{}
	for _, e := range s.log {
		if e.msg == "starting" {
			break
		}
		if e.msg != "menu item" {
			continue
		}
		menu, item, _ := strings.Cut(e.attr["item"], "/")
		if len(items[menu]) == 0 {
			menus = append(menus, menu)
		}
		items[menu] = append(items[menu], item)
	}
	return menus, items
}

// fromMenuBar runs an item of the menu bar by the keyboard: Alt opens it,
// Right goes to the menu, Down to the item, Return runs it.
func (s *session) fromMenuBar(path string) {
	s.t.Helper()
	menus, items := s.barItems()
	menu, item, _ := strings.Cut(path, "/")
	mi, ii := slices.Index(menus, menu), slices.Index(items[menu], item)
	if mi < 0 || ii < 0 {
		s.t.Fatalf("no menu item %s in %v", path, items)
	}
	keys := []string{"alt"}
	for range mi {
		keys = append(keys, "Right")
	}
	for range ii + 1 {
		keys = append(keys, "Down")
	}
	s.runs(path, append(keys, "Return")...)
}

// fromPopUp opens a pop-up menu with keys and runs its item label: the log
// lists the items as the menu shows, in order.
func (s *session) fromPopUp(menu, label string, keys ...string) {
	s.t.Helper()
	from := s.mark()
	s.key(keys...)
	var listed []string
	s.waitFor(from, "the "+menu+" menu", func(e event) bool {
		if e.msg == "menu item" && strings.HasPrefix(e.attr["item"], menu+"/") {
			listed = append(listed, strings.TrimPrefix(e.attr["item"], menu+"/"))
		}
		return slices.Contains(listed, label)
	}, 10*time.Second)
	time.Sleep(100 * time.Millisecond) // the rest of the list
	s.events()
	for _, e := range s.log[from:] {
		if e.msg == "menu item" && strings.HasPrefix(e.attr["item"], menu+"/") {
			if l := strings.TrimPrefix(e.attr["item"], menu+"/"); !slices.Contains(listed, l) {
				listed = append(listed, l)
			}
		}
	}
	downs := []string{}
	for range slices.Index(listed, label) + 1 {
		downs = append(downs, "Down")
	}
	s.runs(menu+"/"+label, append(downs, "Return")...)
}

// pick types a path into the open file picker and takes it with Enter.
func (s *session) pick(path string) {
	s.t.Helper()
	s.key("ctrl+a")
	s.typ(path)
}

func (s *session) helpAndMenus(home, opened, fakeOpen string) {
	s.t.Helper()
	// The Help menu by the mouse, and a dialog's button by the mouse.
	s.click(169, 14)
	s.opens("shortcuts", "Down", "Return")
	s.clickFor(s.tabTo("button", "Close", false), "the click on Close", func(e event) bool {
		return e.msg == "dialog closed" && e.attr["kind"] == "shortcuts"
	})

	s.opens("shortcuts", "F1")
	s.closes("shortcuts", "Escape")
	s.fromMenuBar("Help/Keyboard shortcuts")
	s.closes("shortcuts", "Return")
	s.fromMenuBar("Help/About Both/And")
	s.closes("about", "Return")

	s.fromMenuBar("Help/Open the log folder")
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(readIfThere(opened), filepath.Join(home, ".local", "state", "bothand")) && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if got := readIfThere(opened); !strings.Contains(got, "file://"+filepath.Join(home, ".local", "state", "bothand")) {
		s.t.Errorf("xdg-open was asked to open %q", got)
	}
	if logs, _ := filepath.Glob(filepath.Join(home, ".local", "state", "bothand", "bothand.log")); len(logs) != 1 {
		s.t.Error("no log file in the state folder")
	}
	// Without a program to open it, the window says where the folder is.
	os.Chmod(fakeOpen, 0o600)
	from := s.mark()
	s.fromMenuBar("Help/Open the log folder")
	s.waitFor(from, "the log folder's path", func(e event) bool { return e.msg == "dialog shown" && e.attr["kind"] == "log-folder" }, 5*time.Second)
	s.closes("log-folder", "Escape")

	// The tabs, by their shortcuts and from the View menu.
	for i, name := range []string{"Journal", "Tiers", "Protocols", "Compassion", "Insights"} {
		s.runs("View/"+name, "ctrl+"+strconv.Itoa(i+1))
	}
	s.runs("View/Next tab", "ctrl+Tab")
	s.runs("View/Previous tab", "ctrl+shift+Tab")
	s.runs("View/Journal", "ctrl+1")
	s.runs("Edit/Search the journal", "ctrl+f")
	s.runs("File/Save", "ctrl+s") // nothing to save: nothing happens
	s.fromMenuBar("View/Insights")
	s.fromMenuBar("View/Next tab")
	s.fromMenuBar("View/Previous tab")
	s.fromMenuBar("View/Journal")
}

func readIfThere(path string) string {
	b, _ := os.ReadFile(path)
	return string(b)
}

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
	s.fromMenuBar("File/Export busy times (.ics)…")
	s.closes("ics-export", "Escape")
	s.fromMenuBar("File/Export busy times (.ics)…")
	s.opens("save-file", "Return")
	s.closes("save-file", "Escape")
	s.fromMenuBar("File/Import a calendar file (.ics)…")
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

	s.fromMenuBar("File/Back up now")
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

func (s *session) journal() {
	s.t.Helper()
	s.runs("View/Journal", "ctrl+1")
	// The wheel over the story scrolls the editor (the view changes).
	trigger := s.focusAfter("ctrl+n")
	s.typ("The deadline moved onto pickup")
	story := s.focusAfter("Tab")
	if story.int("y") <= trigger.int("y") {
		s.t.Fatalf("Tab from the first question went to %v", story.attr)
	}
	area := imageRect(s, trigger.int("x"), trigger.int("y")-60, story.int("w"), 400)
	before := s.d.screenshot(s.t)
	s.wheel(story.int("x")+story.int("w")/2, story.int("y")+story.int("h")/2, true, 5)
	after := s.d.screenshot(s.t)
	if changed(before, after, area) < 500 {
		s.t.Error("the wheel over the story did not scroll the editor")
	}
	// Space on "guilt", then Tab, stays in the form.
	s.tabTo("button", "Something I did: guilt", false)
	s.key("space")
	if f := s.focusAfter("Tab"); f.attr["label"] != "Who I am: shame" {
		s.t.Errorf("Space on guilt, then Tab, went to the %s %q", f.attr["widget"], f.attr["label"])
	}
	// Esc keeps the draft; the draft can be discarded, after a question.
	s.runs("File/New journal entry", "ctrl+n")
	s.key("Escape")
	s.pressOpens("Discard…", "discard-draft")
	s.closes("discard-draft", "Escape")
	s.pressOpens("Discard…", "discard-draft")
	s.closes("discard-draft", "Return")

	// The entry to the trash, back with Ctrl+Z, to the trash again, and
	// the trash emptied.
	s.tabTo("list", "", false)
	s.key("space")
	s.press("Move to trash")
	s.runs("Edit/Undo the move to the trash", "ctrl+z")
	s.press("Move to trash")
	s.press("Trash (1)")
	s.pressOpens("Empty trash…", "empty-trash")
	s.closes("empty-trash", "Return")
}

func (s *session) slips() {
	s.t.Helper()
	s.pressOpens("All slips", "slips")
	s.settle() // the slips are read
	s.pressOpens("Edit", "edit-slip")
	s.typ(" Today too.")
	s.opens("discard-changes", "Escape")
	s.closes("discard-changes", "Escape") // keep editing
	s.closes("edit-slip", "ctrl+s")
	s.settle() // the list is drawn again
	s.pressOpens("Delete", "delete-slip")
	s.closes("delete-slip", "Escape")
	s.closes("slips", "Escape")
}

func (s *session) tiers() {
	s.t.Helper()
	s.runs("View/Tiers", "ctrl+2")
	// The Tiers is reached backwards from nothing focused (Esc): the
	// toolbar, then the agenda from its end; forwards, Tab first crosses
	// the forty-odd days of the calendar.
	s.key("Escape")
	s.tabTo("button", "More", true)
	s.fromPopUp("Tiers", "Import a calendar file (.ics)…", "space")
	s.closes("open-file", "Escape")
	s.key("Escape")
	s.tabTo("button", "More", true)
	s.fromPopUp("Tiers", "Export busy times (.ics)…", "space")
	s.closes("ics-export", "Escape")
	s.key("Escape")
	s.tabTo("button", "More", true)
	s.fromPopUp("Tiers", "Working hours…", "space")
	s.closes("working-hours", "Return")

	// Work that lands on the flexible park time leaves a make-up note
	// (the form starts at the next full hour, where the park is).
	workDay := time.Now().Add(time.Hour).Format("Monday 2 January")
	s.key("Escape")
	s.tabTo("button", "Work block", true)
	s.opens("work-block", "space")
	s.typ("Acme")
	s.key("Tab")
	s.typ("Draft the quarterly report")
	s.opens("make-up", "Return")
	s.closes("make-up", "Escape")
	s.key("Escape")
	s.tabTo("button", "Actions for Draft the quarterly report on "+workDay, true)
	s.fromPopUp("Work block", "Move or change…", "space")
	s.closes("work-block", "Escape")
	s.key("Escape")
	s.tabTo("button", "Actions for Draft the quarterly report on "+workDay, true)
	s.fromPopUp("Work block", "Delete", "space")
	s.closes("delete-work-block", "Return")

	// A commitment: typed, Esc asks, "Close without saving"; then typed
	// again and saved with Enter.
	s.key("Escape")
	s.tabTo("button", "Commitment", true)
	s.opens("commitment", "space")
	s.typ("Sports day")
	s.opens("discard-changes", "Escape")
	s.press("Close without saving")
	s.events()
	s.key("Escape")
	s.tabTo("button", "Commitment", true)
	s.opens("commitment", "space")
	s.typ("Sports day")
	s.closes("commitment", "Return")

	// Everything that can be done to today's swimming lesson.
	today := time.Now().Format("Monday 2 January")
	occurrence := func(label string) {
		s.t.Helper()
		s.key("Escape") // nothing focused: Shift+Tab starts at the agenda's end
		s.tabTo("button", "Actions for Swimming lesson on "+today, true)
		s.fromPopUp("Occurrence", label, "space")
	}
	occurrence("Kept it")
	occurrence("Clear what I recorded")
	occurrence("Missed it")
	occurrence("Moved to another time…")
	s.closes("moved", "Escape")
	occurrence("Plan for next time…")
	s.closes("new-protocol", "Escape")
	occurrence("Edit the commitment…")
	s.pressOpens("Delete", "delete-commitment")
	s.closes("delete-commitment", "Escape")
	s.closes("commitment", "Escape")
	occurrence("Delete the commitment…")
	s.closes("delete-commitment", "Escape")
	occurrence("Skip this one")
}

func (s *session) protocols() {
	s.t.Helper()
	s.runs("View/Protocols", "ctrl+3")
	// The triage, before any urgency question: define them first.
	s.pressOpens("Urgent client request…", "urgency-first")
	s.opens("urgency", "Return")
	s.press("Start from suggested questions")
	s.settle()
	s.opens("triage", "ctrl+s")
	s.typ("Acme")
	s.opens("discard-changes", "Escape")
	s.press("Close without saving")
	s.events()

	s.pressOpens("Blank protocol…", "new-protocol")
	s.typ("Next time a call lands on dinner")
	s.key("Tab")
	s.typ("Put dinner in the calendar as non-negotiable")
	s.closes("new-protocol", "ctrl+s")
	s.settle()
	s.pressOpens("Edit", "edit-step")
	s.closes("edit-step", "Escape")
	s.pressOpens("Delete protocol", "delete-protocol")
	s.closes("delete-protocol", "Return")
	s.runs("Edit/Undo the move to the trash", "ctrl+z")
	s.settle()
	s.key("Escape") // back to the overview
	s.settle()

	s.press("Open Deadlines come with a buffer")
	s.pressOpens("Set a default buffer…", "default-buffer")
	s.closes("default-buffer", "Escape")
	// The school dates protocol's step opens the calendar picker too.
	s.key("Escape")
	s.settle()
	s.press("Open School dates go in first")
	s.pressOpens("Import a school calendar (.ics)…", "open-file")
	s.closes("open-file", "Escape")
}

func (s *session) compassion() {
	s.t.Helper()
	s.runs("View/Compassion", "ctrl+4")
	s.pressOpens("Delete", "delete-reframe")
	s.closes("delete-reframe", "Escape")
}

// imageRect is a rectangle of the window, in screen pixels.
func imageRect(s *session, x, y, w, h int) image.Rectangle {
	return image.Rect(s.x+x, s.y+max(0, y), s.x+x+w, s.y+max(0, y)+h)
}

// changed counts the pixels of r that differ between two screenshots.
func changed(a, b image.Image, r image.Rectangle) int {
	n := 0
	r = r.Intersect(a.Bounds()).Intersect(b.Bounds())
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				n++
			}
		}
	}
	return n
}
