package app

import (
	"os"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/app/ui/uitest"
	"github.com/bothand/bothand/widgets"
)

// pick answers the file picker on top with path, typed into its name
// field and confirmed with Enter, and returns the name it suggested.
func pick(t *testing.T, u *UI, path string) (suggested string) {
	t.Helper()
	d := u.TopDialog()
	if d == nil || (d.Kind != ui.DlgOpenFile && d.Kind != ui.DlgSaveFile) {
		t.Fatalf("no file picker is open:\n%s", uitest.TopText(u.Host))
	}
	name := uitest.FindWidget[*widgets.Entry](t, uitest.TopDialog(t, u.Host))
	suggested = name.Text
	u.Win.Canvas().Focus(name)
	name.SetText(path)
	uitest.PressKey(u.Host, fyne.KeyReturn)
	return suggested
}

// menuItem finds an item of the window's main menu by its label.
func mainMenuItem(t *testing.T, u *UI, menu, label string) *fyne.MenuItem {
	t.Helper()
	for _, m := range u.Win.MainMenu().Items {
		if m.Label == menu {
			return uitest.MenuItem(t, m, label)
		}
	}
	t.Fatalf("no menu %s", menu)
	return nil
}

func writeTestFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}
