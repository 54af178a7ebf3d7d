package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/bothand/bothand/data"
)

func overlayText(u *UI) string {
	var parts []string
	for _, o := range u.win.Canvas().Overlays().List() {
		parts = append(parts, visibleText(o))
	}
	return strings.Join(parts, "\n")
}

func TestOpenErrorDialogNamesTheFileAndWhatToDo(t *testing.T) {
	a := test.NewTempApp(t)
	u := newUI(a)
	u.async = func(f func()) { f() }
	path := filepath.Join(t.TempDir(), "journal.db")
	if err := os.WriteFile(path, []byte("not a database at all"), 0o600); err != nil {
		t.Fatal(err)
	}
	u.openStore(Config{DBPath: path})
	text := overlayText(u)
	for _, want := range []string{path, "not a Both/And journal", data.Advice(data.ErrNotDatabase)} {
		if !strings.Contains(text, want) {
			t.Errorf("dialog lacks %q:\n%s", want, text)
		}
	}
	if u.exitCode != 1 {
		t.Errorf("exit code %d, want 1", u.exitCode)
	}
	if u.store != nil {
		t.Error("a store was attached")
	}
}

func TestErrorDialogShowsAdvice(t *testing.T) {
	u, _ := newTestUI(t)
	u.showError(&data.OpenError{Path: "/x.db", Kind: data.ErrLocked})
	if text := overlayText(u); !strings.Contains(text, data.Advice(data.ErrLocked)) {
		t.Errorf("no advice in:\n%s", text)
	}
}
