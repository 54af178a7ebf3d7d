package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/bothand/bothand/app/ui/uitest"
	"github.com/bothand/bothand/data"
)

func TestWelcomeOnANewJournalStoresTheChoices(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	u, s := newTestUIWith(t, data.Options{}, false)
	text := uitest.TopText(u.Host)
	if !strings.Contains(text, "Welcome") && !strings.Contains(text, "permission slip for yourself") {
		t.Fatalf("no welcome on a new journal: %q", text)
	}
	top := u.Win.Canvas().Overlays().Top()
	test.Type(uitest.FindEntry(t, top, "One sentence you need to hear"), "Good enough is good.")
	test.Tap(findCheck(t, top, "Open Both/And when I log in, quietly in the tray"))
	test.Tap(uitest.FindButton(t, top, "Start"))

	if p, ok, _ := s.PinnedSlip(); !ok || p.Text != "Good enough is good." {
		t.Errorf("slip not stored: %+v", p)
	}
	if rs, _ := s.ReminderSettings(); rs.Morning != 8*60 {
		t.Errorf("morning = %d", rs.Morning)
	}
	if !autostartEntry().Enabled() {
		t.Error("start at login was ticked but not installed")
	}
	if !u.App.Preferences().Bool(prefWelcomeDone) || uitest.TopText(u.Host) != "" {
		t.Error("welcome not finished")
	}
	// Never again: not on the next start.
	u.maybeWelcome()
	if uitest.TopText(u.Host) != "" {
		t.Error("welcome shown twice")
	}
}

func TestWelcomeSkipAndNotOnAUsedJournal(t *testing.T) {
	u, s := newTestUIWith(t, data.Options{}, false)
	test.Tap(uitest.FindButton(t, u.Win.Canvas().Overlays().Top(), "Skip"))
	if list, _ := s.Slips(); len(list) != 0 || !u.App.Preferences().Bool(prefWelcomeDone) {
		t.Errorf("skip stored %d slips, done=%v", len(list), u.App.Preferences().Bool(prefWelcomeDone))
	}

	// A journal that already holds something never gets the welcome.
	u2, s2 := newTestUIWith(t, data.Options{}, true)
	s2.AddSlip("Already here.", true)
	u2.App.Preferences().SetBool(prefWelcomeDone, false)
	u2.maybeWelcome()
	if uitest.TopText(u2.Host) != "" {
		t.Errorf("welcome on a used journal: %q", uitest.TopText(u2.Host))
	}
}
