package app

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"github.com/adrg/xdg"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/app/ui/uitest"
)

// pickerIn opens a picker in dir.
func pickerIn(t *testing.T, u *UI, dir string, open func() *filePicker) *filePicker {
	t.Helper()
	u.App.Preferences().SetString(prefFilesFolder, dir)
	p := open()
	if p.dir != dir {
		t.Fatalf("the picker opened in %s, not %s", p.dir, dir)
	}
	return p
}

func TestTheOpenPickerListsFoldersThenCalendarsAndOpensByKeyboard(t *testing.T) {
	u, _ := newTestUI(t)
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "School"), 0o700)
	writeTestFile(t, filepath.Join(dir, "term.ICS"), "x")
	writeTestFile(t, filepath.Join(dir, "notes.txt"), "x")
	writeTestFile(t, filepath.Join(dir, ".hidden.ics"), "x")
	writeTestFile(t, filepath.Join(dir, "School", "play.ics"), "x")
	var got []string
	p := pickerIn(t, u, dir, func() *filePicker {
		return u.openFile("Import a calendar file", []string{".ics", ".ical", ".ifb"}, func(path string) { got = append(got, path) })
	})
	if len(p.items) != 2 || p.items[0].name != "School" || !p.items[0].folder || p.items[1].name != "term.ICS" {
		t.Fatalf("listed %+v", p.items)
	}
	if u.focused() != p.name {
		t.Fatal("the name field has no focus")
	}
	// A folder chosen in the list opens; a file chosen fills the name,
	// and Enter there opens it.
	p.list.Select(0)
	if p.dir != filepath.Join(dir, "School") || len(p.items) != 1 {
		t.Fatalf("in %s: %+v", p.dir, p.items)
	}
	p.list.Select(0)
	if p.name.Text != "play.ics" || u.focused() != p.name {
		t.Fatalf("choosing the file left %q in the field", p.name.Text)
	}
	uitest.PressKey(u.Host, fyne.KeyReturn)
	if len(got) != 1 || got[0] != filepath.Join(dir, "School", "play.ics") || u.TopDialog() != nil {
		t.Fatalf("opened %v, top %v", got, u.TopDialog())
	}

	// Typed: a name that isn't there says so; a folder's path opens it; a
	// full path opens the file. The picker starts where the last one ended.
	p = u.openFile("Import a calendar file", []string{".ics", ".ical", ".ifb"}, func(path string) { got = append(got, path) })
	if p.dir != filepath.Join(dir, "School") {
		t.Errorf("the next picker opened in %s", p.dir)
	}
	uitest.TypeText(u.Host, "missing.ics")
	uitest.PressKey(u.Host, fyne.KeyReturn)
	if !p.msg.Visible() || u.TopDialog() == nil {
		t.Error("a missing file was not explained")
	}
	p.name.SetText(dir)
	uitest.PressKey(u.Host, fyne.KeyReturn)
	if p.dir != dir || p.name.Text != "" {
		t.Errorf("typing the folder: in %s, field %q", p.dir, p.name.Text)
	}
	p.name.SetText(filepath.Join(dir, "term.ICS"))
	uitest.PressKey(u.Host, fyne.KeyReturn)
	if len(got) != 2 || got[1] != filepath.Join(dir, "term.ICS") {
		t.Errorf("opened %v", got)
	}

	// Esc cancels: nothing comes back.
	u.openFile("Import a calendar file", []string{".ics", ".ical", ".ifb"}, func(path string) { got = append(got, path) })
	uitest.PressKey(u.Host, fyne.KeyEscape)
	if u.TopDialog() != nil || len(got) != 2 {
		t.Errorf("after Esc: top %v, got %v", u.TopDialog(), got)
	}
}

func TestTheSavePickerSuggestsAndAsksBeforeReplacing(t *testing.T) {
	u, _ := newTestUI(t)
	dir := t.TempDir()
	writeTestFile(t, filepath.Join(dir, "busy-family.ics"), "old")
	var got []string
	p := pickerIn(t, u, dir, func() *filePicker {
		return u.saveFile("Export busy times to", "busy-family.ics", func(path string) { got = append(got, path) })
	})
	if p.name.Text != "busy-family.ics" || len(p.items) != 1 {
		t.Fatalf("suggested %q, listed %+v", p.name.Text, p.items)
	}
	uitest.PressKey(u.Host, fyne.KeyReturn)
	if d := u.TopDialog(); d == nil || d.Kind != ui.DlgReplaceFile || len(got) != 0 {
		t.Fatalf("saving over a file: top %v, got %v", d, got)
	}
	uitest.PressKey(u.Host, fyne.KeyEscape) // don't replace
	if d := u.TopDialog(); d == nil || d.Kind != ui.DlgSaveFile || len(got) != 0 {
		t.Fatalf("after Esc on Replace: top %v, got %v", d, got)
	}
	p.name.SetText("work")
	uitest.PressKey(u.Host, fyne.KeyReturn)
	if len(got) != 1 || got[0] != filepath.Join(dir, "work.ics") {
		t.Fatalf("saved to %v", got)
	}

	u.saveFile("Export busy times to", "busy-family.ics", func(path string) { got = append(got, path) })
	uitest.PressKey(u.Host, fyne.KeyReturn)
	uitest.PressKey(u.Host, fyne.KeyReturn) // Replace
	if len(got) != 2 || got[1] != filepath.Join(dir, "busy-family.ics") {
		t.Fatalf("replaced %v", got)
	}

	p = u.saveFile("Export busy times to", "busy-family.ics", func(path string) { got = append(got, path) })
	p.name.SetText(filepath.Join(dir, "no-such-folder", "x.ics"))
	uitest.PressKey(u.Host, fyne.KeyReturn)
	if !p.msg.Visible() || len(got) != 2 {
		t.Error("a missing folder was not explained")
	}
}

func TestThePickerReadsPathsAsTyped(t *testing.T) {
	p := &filePicker{dir: "/srv/shared"}
	for typed, want := range map[string]string{
		"school.ics":               "/srv/shared/school.ics",
		"~":                        xdg.Home,
		"~/Downloads/term.ics":     filepath.Join(xdg.Home, "Downloads", "term.ics"),
		"/tmp/../tmp/calendar.ics": "/tmp/calendar.ics",
		"../other/a.ics":           "/srv/other/a.ics",
	} {
		if got := p.resolve(typed); got != want {
			t.Errorf("%q read as %q, want %q", typed, got, want)
		}
	}
}
