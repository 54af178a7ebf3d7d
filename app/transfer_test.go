package app

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bothand/bothand/app/ui/uitest"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/transfer"
	"github.com/bothand/bothand/widgets"
)

func TestFileMenuOffersExportImportAndBackups(t *testing.T) {
	u, _ := newTestUI(t)
	for _, label := range []string{"Export your journal…", "Import a journal export…", "Back up now", "Backups…"} {
		if item := mainMenuItem(t, u, "File", label); item.Action == nil {
			t.Errorf("%s does nothing", label)
		}
	}
}

func TestExportThroughTheMenu(t *testing.T) {
	u, s := newTestUI(t)
	if _, err := s.AddSlip("Both can be true.", true); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "chosen.md")

	mainMenuItem(t, u, "File", "Export your journal…").Action()
	radio := uitest.FindWidget[*widgets.RadioGroup](t, uitest.TopDialog(t, u.Host))
	if radio.Selected != exportChoices[0] {
		t.Errorf("preselected %q, want JSON", radio.Selected)
	}
	radio.SetSelected(exportChoices[1]) // Markdown
	uitest.TapInDialog(t, u.Host, "Choose a file…")
	suggested := pick(t, u, path)

	if !strings.HasPrefix(suggested, "bothand-journal-") || !strings.HasSuffix(suggested, ".md") {
		t.Errorf("suggested file name %q", suggested)
	}
	b, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(b), "- Both can be true. *(pinned)*") {
		t.Fatalf("exported file: %v\n%s", err, b)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("exported file mode %v, want 0600", fi.Mode().Perm())
	}
	top := uitest.TopDialog(t, u.Host)
	if text := uitest.VisibleText(top); !strings.Contains(text, "Your journal is saved in:") || !strings.Contains(text, path) {
		t.Errorf("after export the dialog says:\n%s", text)
	}
}

func TestAFailedExportSaysSoAndLeavesNoEmptyFile(t *testing.T) {
	u, _ := newTestUI(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "gone", "x.json") // its folder vanished after it was chosen
	u.exportTo(path, transfer.FormatJSON)
	if _, err := os.Stat(path); err == nil {
		t.Error("the failed export left a file")
	}
	if text := uitest.VisibleText(uitest.TopDialog(t, u.Host)); !strings.Contains(text, "export to "+path+" failed") || !strings.Contains(text, "Create the folder first") {
		t.Errorf("error dialog says:\n%s", text)
	}
}

func TestImportThroughTheMenu(t *testing.T) {
	u, s := newTestUI(t)
	other, err := data.Open(filepath.Join(t.TempDir(), "other.db"), data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	other.AddSlip("Brought from the laptop.", true)
	file := filepath.Join(t.TempDir(), "export.json")
	if err := transfer.ExportFile(context.Background(), other, file, transfer.FormatJSON, transfer.ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	mainMenuItem(t, u, "File", "Import a journal export…").Action()
	pick(t, u, file)
	if text := uitest.VisibleText(uitest.TopDialog(t, u.Host)); !strings.Contains(text, "Added 1 permission slip.") {
		t.Errorf("summary says:\n%s", text)
	}
	if slip, ok, _ := s.PinnedSlip(); !ok || slip.Text != "Brought from the laptop." {
		t.Errorf("stored: %+v", slip)
	}
	if u.strip.Text() != "Brought from the laptop." {
		t.Errorf("the strip shows %q after the import", u.strip.Text())
	}
	uitest.TapInDialog(t, u.Host, "OK")

	// The same file again: nothing new, and it says so.
	mainMenuItem(t, u, "File", "Import a journal export…").Action()
	pick(t, u, file)
	if text := uitest.VisibleText(uitest.TopDialog(t, u.Host)); !strings.Contains(text, "Nothing new") {
		t.Errorf("second import says:\n%s", text)
	}
}

func TestABadImportExplainsAndChangesNothing(t *testing.T) {
	u, s := newTestUI(t)
	s.AddSlip("Mine.", true)
	var before bytes.Buffer
	transfer.ExportJSON(context.Background(), s, &before, transfer.ExportOptions{})
	file := filepath.Join(t.TempDir(), "cut.json")
	os.WriteFile(file, []byte("{\n  \"format\": \"bothand-journal\",\n  \"format_version\": 1,\n  \"records\": {\n    \"slips\": [\n      {\"uuid\":"), 0o600)
	mainMenuItem(t, u, "File", "Import a journal export…").Action()
	pick(t, u, file)
	text := uitest.VisibleText(uitest.TopDialog(t, u.Host))
	for _, want := range []string{"Nothing was imported", file, "ends too early", "cut off", "your journal is unchanged"} {
		if !strings.Contains(text, want) {
			t.Errorf("the dialog lacks %q:\n%s", want, text)
		}
	}
	var after bytes.Buffer
	transfer.ExportJSON(context.Background(), s, &after, transfer.ExportOptions{})
	if withoutExportTime(after.String()) != withoutExportTime(before.String()) {
		t.Error("the journal changed")
	}
}

// withoutExportTime drops the export's own time, which differs between two
// exports of the same journal.
func withoutExportTime(doc string) string {
	lines := strings.Split(doc, "\n")
	for i, l := range lines {
		if strings.Contains(l, `"exported_at"`) {
			lines[i] = ""
		}
	}
	return strings.Join(lines, "\n")
}
