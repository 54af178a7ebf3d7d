package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/bothand/bothand/app/ui/uitest"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/vault"
)

func TestMorningSlipNotificationOnceADay(t *testing.T) {
	now := time.Date(2026, 11, 25, 7, 0, 0, 0, time.Local)
	u, s := newTestUIWith(t, data.Options{Now: func() time.Time { return now }}, true)
	s.AddSlip("I can do both, imperfectly.", true)
	log := notified[u]

	u.checkReminders()
	if len(*log) != 0 {
		t.Fatalf("before 08:00: %+v", *log)
	}
	now = time.Date(2026, 11, 25, 8, 0, 30, 0, time.Local)
	u.checkReminders()
	u.checkReminders()
	if len(*log) != 1 || (*log)[0].body != "I can do both, imperfectly." {
		t.Fatalf("at 08:00, checked twice: %+v", *log)
	}

	// A restart the same day (a new window on the same journal) stays quiet.
	u2 := newUI(u.App)
	u2.Async = u.Async
	var again []sent
	u2.notify = func(title, body string) { again = append(again, sent{title, body}) }
	u2.Store = s
	u2.checkReminders()
	if len(again) != 0 {
		t.Errorf("restart repeated the morning slip: %+v", again)
	}

	// The computer slept through the next morning and woke at 10:40.
	now = time.Date(2026, 11, 26, 10, 40, 0, 0, time.Local)
	u.checkReminders()
	if len(*log) != 2 {
		t.Errorf("after waking the next day: %+v", *log)
	}
}

func TestNoMorningSlipWithoutAPinnedSlip(t *testing.T) {
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.Local)
	u, _ := newTestUIWith(t, data.Options{Now: func() time.Time { return now }}, true)
	u.checkReminders()
	if log := notified[u]; len(*log) != 0 {
		t.Errorf("sent %+v", *log)
	}
}

// TestMorningOfAnEncryptedJournalForTheTray: unlocked, the window keeps
// the tray's copy of the morning time as the reminder preferences say and
// removes it when the person does not allow the slip while locked; the
// tray and the window send each morning's slip once between them.
func TestMorningOfAnEncryptedJournalForTheTray(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	path := encryptedJournal(t)
	u := newLockedUI(t, path, &memKeyring{m: map[string]string{}})
	var sent []string
	u.notify = func(title, body string) { sent = append(sent, body) }
	typeUnlock(t, u, testPassphrase)
	if _, err := u.Store.AddSlip("I can rest too.", true); err != nil {
		t.Fatal(err)
	}
	u.loadStrip()
	want := vault.Morning{On: true, Minutes: 8 * 60, Days: data.DefaultReminderSettings().Days}
	if m, ok, err := vault.MorningWhileLocked(path); !ok || err != nil || m != want {
		t.Errorf("the tray's copy of the morning: %+v, %v, %v", m, ok, err)
	}

	rs, _ := u.Store.ReminderSettings()
	root := u.preferencesContent(rs)
	w := test.NewWindow(root)
	defer w.Close()
	test.Tap(findCheck(t, root, "Sun"))
	want.Days[time.Sunday] = false
	if m, _, _ := vault.MorningWhileLocked(path); m != want {
		t.Errorf("after Sunday was turned off: %+v", m)
	}

	// The tray sent today's while the journal was locked: the window,
	// unlocked after the morning time, does not send it again.
	rs.Days = [7]bool{true, true, true, true, true, true, true}
	rs.Morning = 0
	u.Store.SaveReminderSettings(rs)
	if first, err := vault.ClaimMorning(path, data.Day(time.Now())); !first || err != nil {
		t.Fatalf("the tray's claim: %v, %v", first, err)
	}
	u.checkReminders()
	if len(sent) != 0 {
		t.Errorf("the window sent the tray's morning slip again: %q", sent)
	}

	u.App.Preferences().SetBool(prefSlipWhileLocked, false)
	u.loadStrip()
	if _, ok, _ := vault.MorningWhileLocked(path); ok {
		t.Error("the morning's copy stayed after the person turned it off")
	}
}

// TestTheWindowClaimsTheMorningOfAnEncryptedJournal: the window sends an
// encrypted journal's morning slip first, and the day is claimed for it,
// so the tray does not send it once the journal is locked.
func TestTheWindowClaimsTheMorningOfAnEncryptedJournal(t *testing.T) {
	path := encryptedJournal(t)
	u := newLockedUI(t, path, &memKeyring{m: map[string]string{}})
	var sent []string
	u.notify = func(title, body string) { sent = append(sent, body) }
	typeUnlock(t, u, testPassphrase)
	u.Store.AddSlip("I can rest too.", true)
	rs := data.DefaultReminderSettings()
	rs.Morning = 0
	u.Store.SaveReminderSettings(rs)
	u.checkReminders()
	if len(sent) != 1 || sent[0] != "I can rest too." {
		t.Fatalf("the window sent %q", sent)
	}
	if day, _ := vault.MorningSent(path); day != data.Day(time.Now()) {
		t.Errorf("the day claimed is %q", day)
	}
}

// A triage that said "urgent" is looked back on a day later: a
// notification, then the question on the Protocols tab.
func TestLookBackIsAskedADayLater(t *testing.T) {
	now := time.Now()
	clock := func() time.Time { return now }
	u, s := newTestUIWith(t, data.Options{Now: clock}, true)
	p := u.plan.Protocols()
	u.ShowScreen(p)
	var list []data.UrgencyCriterion
	for _, q := range data.StarterCriteria() {
		list = append(list, data.UrgencyCriterion{Question: q})
	}
	list, _ = s.SaveUrgency(list, data.UrgencyRule{})
	answers := map[int64]bool{}
	for _, c := range list {
		answers[c.ID] = false
	}
	if _, _, err := s.SaveTriage(data.TriageInput{
		Client: "Acme", Request: "Slides by noon",
		WindowStart: now.Add(time.Hour), WindowEnd: now.Add(2 * time.Hour), Answers: answers,
	}); err != nil {
		t.Fatal(err)
	}
	p.Load()
	if strings.Contains(uitest.VisibleText(u.Win.Content()), "Looking back") {
		t.Fatal("asked straight away")
	}
	now = now.Add(25 * time.Hour)
	u.checkReminders()
	u.checkReminders()
	if log := *notified[u]; len(log) != 1 || log[0].title != "Looking back: was it truly urgent?" || !strings.Contains(log[0].body, "Acme called something urgent") {
		t.Fatalf("notifications = %+v", log)
	}
	uitest.MustContain(t, uitest.VisibleText(u.Win.Content()), "Acme called something urgent: “Slides by noon”", "Looking back, was it truly urgent?")
	test.Tap(uitest.FindButton(t, u.Win.Content(), "No, it could have waited"))
	rec, _ := s.TriageRecord()
	if rec.LookedBack != 1 || rec.Real != 0 {
		t.Errorf("record = %+v", rec)
	}
	text := uitest.VisibleText(u.Win.Content())
	if strings.Contains(text, "Looking back, was it") {
		t.Error("still asking")
	}
	uitest.MustContain(t, text, "it could have waited", "Acme · not urgent · looking back: could have waited",
		"1 request run through the triage; your rule judged 1 not urgent.")
}
