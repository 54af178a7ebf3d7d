package app

import (
	"errors"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/app/ui/uitest"
	"github.com/bothand/bothand/data"
)

// A failing reminder check or daily backup is said once in the window, not
// on every retry, and can be dismissed.
func TestABackgroundFailureIsSaidOnceInTheWindow(t *testing.T) {
	u, s := newTestUI(t)
	s.Close() // from now on every query fails, as on a broken disk
	u.checkReminders()
	u.checkReminders()
	u.scheduleDailyBackup()
	u.transfer.dailyTimer.Stop()
	if n := len(u.noticeBox.Objects); n != 2 {
		t.Fatalf("%d notices for two kinds of failure:\n%s", n, uitest.VisibleText(u.noticeBox))
	}
	uitest.MustContain(t, uitest.VisibleText(u.noticeBox), "Your reminders couldn't be checked", "automatic backup", "the details are in the log")
	test.Tap(uitest.FindButton(t, u.noticeBox, "Open the log folder"))
	if d := u.TopDialog(); d != nil && d.Kind != ui.DlgLogFolder {
		t.Errorf("Open the log folder showed %v", d.Kind)
	}
	dismissAll(t, u)
	if len(u.noticeBox.Objects) != 0 {
		t.Error("a dismissed notice stayed")
	}
	u.checkReminders()
	if len(u.noticeBox.Objects) != 0 {
		t.Error("the same failure was said twice")
	}
}

func dismissAll(t *testing.T, u *UI) {
	t.Helper()
	for len(u.noticeBox.Objects) > 0 {
		test.Tap(uitest.FindIconButton(t, u.noticeBox.Objects[0], "Dismiss"))
	}
}

// A notification the desktop can't show is said in the window, on one
// line so that the window needn't grow for it, and in full on request.
func TestANotificationThatCantBeShownIsSaid(t *testing.T) {
	u, _ := newTestUI(t)
	before := u.Win.Content().MinSize().Height
	u.backgroundFailed(noticeNotifications, errors.New("no notification service answered"))
	uitest.MustContain(t, uitest.VisibleText(u.noticeBox), "couldn't be shown as a desktop notification", "no notification service answered")
	one := u.noticeBox.MinSize().Height
	if grew := u.Win.Content().MinSize().Height - before; grew > 60 {
		t.Errorf("the notice made the window's content %.0f taller", grew)
	}
	test.Tap(uitest.FindIconButton(t, u.noticeBox, "Show the whole message"))
	u.Win.Resize(fyne.NewSize(640, 700))
	if u.noticeBox.MinSize().Height <= one {
		t.Error("the whole message shows no more than its line")
	}
}

// The start after a crash says what happened, that nothing saved was lost,
// and where the report is; the welcome waits.
func TestTheStartAfterACrashSaysSo(t *testing.T) {
	u, s := newTestUIWith(t, data.Options{}, false)
	if d := u.TopDialog(); d != nil {
		d.Hide()
	}
	u.App.Preferences().SetBool(prefWelcomeDone, false)
	u.crash = "/home/sam/.local/state/bothand/crash-2026-12-06-101500.txt"
	u.attach(s)
	d := u.TopDialog()
	if d == nil || d.Kind != ui.DlgCrashed {
		t.Fatalf("after a crash the window shows %v", d)
	}
	uitest.MustContain(t, uitest.TopText(u.Host), "closed unexpectedly", "Nothing you had saved was lost", u.crash)
	uitest.FindButton(t, uitest.TopDialog(t, u.Host), "Open the log folder")
	uitest.PressKey(u.Host, fyne.KeyEscape)
	if u.TopDialog() != nil {
		t.Error("Esc left the crash notice open")
	}
}
