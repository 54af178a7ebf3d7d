package app

import (
	"testing"
	"time"

	"github.com/bothand/bothand/data"
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
	u2 := newUI(u.app)
	u2.async = u.async
	var again []sent
	u2.notify = func(title, body string) { again = append(again, sent{title, body}) }
	u2.store = s
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
