package app

import (
	"errors"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

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
		t.Fatalf("%d notices for two kinds of failure:\n%s", n, visibleText(u.noticeBox))
	}
	mustContain(t, visibleText(u.noticeBox), "Your reminders couldn't be checked", "automatic backup", "the details are in the log")
	test.Tap(findButton(t, u.noticeBox, "Open the log folder"))
	if d := u.topDialog(); d != nil && d.kind != dlgLogFolder {
		t.Errorf("Open the log folder showed %v", d.kind)
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
		test.Tap(findButton(t, u.noticeBox.Objects[0], ""))
	}
}

// A notification the desktop can't show is said in the window.
func TestANotificationThatCantBeShownIsSaid(t *testing.T) {
	u, _ := newTestUI(t)
	u.backgroundFailed(noticeNotifications, errors.New("no notification service answered"))
	mustContain(t, visibleText(u.noticeBox), "couldn't be shown as a desktop notification", "no notification service answered")
}

// The start after a crash says what happened, that nothing saved was lost,
// and where the report is; the welcome waits.
func TestTheStartAfterACrashSaysSo(t *testing.T) {
	u, s := newTestUIWith(t, data.Options{}, false)
	if d := u.topDialog(); d != nil {
		d.hide()
	}
	u.app.Preferences().SetBool(prefWelcomeDone, false)
	u.crash = "/home/sam/.local/state/bothand/crash-2026-12-06-101500.txt"
	u.attach(s)
	d := u.topDialog()
	if d == nil || d.kind != dlgCrashed {
		t.Fatalf("after a crash the window shows %v", d)
	}
	mustContain(t, topText(u), "closed unexpectedly", "Nothing you had saved was lost", u.crash)
	findButton(t, topDialog(t, u), "Open the log folder")
	pressKey(u, fyne.KeyEscape)
	if u.topDialog() != nil {
		t.Error("Esc left the crash notice open")
	}
}
