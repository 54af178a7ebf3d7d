package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/bothand/bothand/widgets"
)

func findCheck(t *testing.T, root fyne.CanvasObject, label string) *widgets.Check {
	t.Helper()
	var found *widgets.Check
	walk(root, func(o fyne.CanvasObject) bool {
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
	u.support = desktopSupport{}
	text := visibleText(u.preferencesContent(rs))
	for _, want := range []string{"No system tray was found", "No notification service was found"} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q", want)
		}
	}
	u.support = desktopSupport{Tray: true, Notifications: true}
	if text := visibleText(u.preferencesContent(rs)); strings.Contains(text, "was found") {
		t.Errorf("warns although both exist:\n%s", text)
	}
}
