package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/bothand/bothand/app/desktop"
	"github.com/bothand/bothand/app/look"
	"github.com/bothand/bothand/app/ui/uitest"
	"github.com/bothand/bothand/widgets"
)

func findCheck(t *testing.T, root fyne.CanvasObject, label string) *widgets.Check {
	t.Helper()
	var found *widgets.Check
	uitest.Walk(root, func(o fyne.CanvasObject) bool {
		if c, ok := o.(*widgets.Check); ok && c.Text == label {
			found = c
		}
		return found == nil
	})
	if found == nil {
		t.Fatalf("no check %q", label)
	}
	return found
}

func TestPreferencesApplyAtOnce(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	u, s := newTestUI(t)
	rs, _ := s.ReminderSettings()
	root := u.preferencesContent(rs)
	w := test.NewWindow(root)
	defer w.Close()

	test.Tap(findCheck(t, root, "Sun"))
	test.Tap(findCheck(t, root, "Remind me of non-negotiable commitments the day before"))
	got, _ := s.ReminderSettings()
	if got.Days[time.Sunday] || got.Tier1DayBefore {
		t.Errorf("settings not saved: %+v", got)
	}

	test.Tap(findCheck(t, root, "Open Both/And when I log in, quietly in the tray"))
	if !autostartEntry().Enabled() {
		t.Error("autostart not installed")
	}
	test.Tap(findCheck(t, root, "Open Both/And when I log in, quietly in the tray"))
	if autostartEntry().Enabled() {
		t.Error("autostart not removed")
	}
}

func TestPreferencesSayWhenTrayAndNotificationsAreMissing(t *testing.T) {
	u, s := newTestUI(t)
	rs, _ := s.ReminderSettings()
	u.support = desktop.Support{}
	text := uitest.VisibleText(u.preferencesContent(rs))
	for _, want := range []string{"No system tray was found", "No notification service was found"} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q", want)
		}
	}
	u.support = desktop.Support{Tray: true, Notifications: true}
	if text := uitest.VisibleText(u.preferencesContent(rs)); strings.Contains(text, "was found") {
		t.Errorf("warns although both exist:\n%s", text)
	}
}

// The colours and the text size apply at once and are remembered.
func TestPreferencesChooseColoursAndTextSize(t *testing.T) {
	u, s := newTestUI(t)
	rs, _ := s.ReminderSettings()
	root := u.preferencesContent(rs)
	w := test.NewWindow(root)
	defer w.Close()
	th := u.App.Settings().Theme()
	light := th.Color(theme.ColorNameBackground, theme.VariantLight)
	dark := th.Color(theme.ColorNameBackground, theme.VariantDark)

	test.Tap(uitest.FindIconButton(t, root, "Dark"))
	if got := u.App.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantLight); got != dark {
		t.Error("choosing Dark did not draw dark")
	}
	if look.Load(u.App).Mode() != look.Dark {
		t.Error("the choice of Dark was not remembered")
	}
	test.Tap(uitest.FindIconButton(t, root, "Light"))
	if got := u.App.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantDark); got != light {
		t.Error("choosing Light did not draw light")
	}

	before := u.App.Settings().Theme().Size(theme.SizeNameText)
	sizes := uitest.FindSelect(t, root, "Standard")
	sizes.SetSelected("Larger (120%)")
	if got := u.App.Settings().Theme().Size(theme.SizeNameText); got <= before*1.19 {
		t.Errorf("text size %.1f after Larger (120%%), was %.1f", got, before)
	}
	// The next start reads both.
	again := look.Load(u.App)
	if again.Mode() != look.Light || again.TextSize() != 120 {
		t.Errorf("read back: %v, %d%%", again.Mode(), again.TextSize())
	}
}

// Without a tray, the close-to-tray box is not left ticked above the
// warning that closing quits.
func TestPreferencesTrayBoxIsHonest(t *testing.T) {
	u, s := newTestUI(t)
	rs, _ := s.ReminderSettings()
	u.support = desktop.Support{Notifications: true}
	root := u.preferencesContent(rs)
	box := findCheck(t, root, "Closing the window keeps Both/And running in the tray")
	if box.Checked || !box.Disabled() {
		t.Errorf("without a tray the box is ticked %v, disabled %v", box.Checked, box.Disabled())
	}
	uitest.MustContain(t, uitest.VisibleText(root), "closing the window quits Both/And")
	u.support = desktop.Support{Tray: true, Notifications: true}
	box = findCheck(t, u.preferencesContent(rs), "Closing the window keeps Both/And running in the tray")
	if !box.Checked || box.Disabled() {
		t.Errorf("with a tray the box is ticked %v, disabled %v", box.Checked, box.Disabled())
	}
}

// The preferences window scrolls as a whole: no scroll inside it.
func TestPreferencesHaveNoScrollInside(t *testing.T) {
	u, s := newTestUI(t)
	if _, err := s.Backup(context.Background()); err != nil {
		t.Fatal(err)
	}
	rs, _ := s.ReminderSettings()
	root := u.preferencesContent(rs)
	uitest.Walk(root, func(o fyne.CanvasObject) bool {
		if _, ok := o.(*container.Scroll); ok {
			t.Error("a scroll inside the preferences")
		}
		return true
	})
	uitest.FindButton(t, root, "Restore…")
}
