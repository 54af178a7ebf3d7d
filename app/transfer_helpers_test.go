package app

import (
	"os"
	"testing"

	"github.com/bothand/bothand/app/ui"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/bothand/bothand/widgets"
)

// topDialog is what the window shows on top: the latest dialog.
func topDialog(t *testing.T, u *UI) fyne.CanvasObject {
	t.Helper()
	top := u.Win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is showing")
	}
	return top
}

// findWidget returns the first visible widget of type T under root.
func findWidget[T fyne.CanvasObject](t *testing.T, root fyne.CanvasObject) T {
	t.Helper()
	var found T
	ok := false
	walk(root, func(o fyne.CanvasObject) bool {
		if w, is := o.(T); is && !ok && o.Visible() {
			found, ok = w, true
		}
		return !ok && o.Visible()
	})
	if !ok {
		t.Fatalf("no visible %T", found)
	}
	return found
}

// tapInDialog taps the button labelled label in the top dialog.
func tapInDialog(t *testing.T, u *UI, label string) {
	t.Helper()
	test.Tap(findButton(t, topDialog(t, u), label))
}

// pick answers the file picker on top with path, typed into its name
// field and confirmed with Enter, and returns the name it suggested.
func pick(t *testing.T, u *UI, path string) (suggested string) {
	t.Helper()
	d := u.TopDialog()
	if d == nil || (d.Kind != ui.DlgOpenFile && d.Kind != ui.DlgSaveFile) {
		t.Fatalf("no file picker is open:\n%s", topText(u))
	}
	name := findWidget[*widgets.Entry](t, topDialog(t, u))
	suggested = name.Text
	u.Win.Canvas().Focus(name)
	name.SetText(path)
	pressKey(u, fyne.KeyReturn)
	return suggested
}

// menuItem finds an item of the window's main menu by its label.
func mainMenuItem(t *testing.T, u *UI, menu, label string) *fyne.MenuItem {
	t.Helper()
	for _, m := range u.Win.MainMenu().Items {
		if m.Label == menu {
			return menuItem(t, m, label)
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
