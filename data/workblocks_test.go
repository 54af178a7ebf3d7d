package data

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/bothand/bothand/data/dates"
)

// A Friday in London with the three tiers on it.
func tieredFriday(t *testing.T) (*Store, *time.Location, map[string]Commitment) {
	t.Helper()
	loc := withLocal(t, "Europe/London")
	s, _ := openTiers(t, time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC))
	at := func(h, m int) time.Time { return time.Date(2026, 3, 6, h, m, 0, 0, loc) }
	cs := map[string]Commitment{
		"sports": commit(t, s, "Sports day", TierNonNegotiable, at(13, 0), 2*time.Hour, ""),
		"dinner": commit(t, s, "Family dinner", TierHighPriority, at(18, 0), time.Hour, "FREQ=DAILY"),
		"play":   commit(t, s, "Play time", TierFlexible, at(16, 0), time.Hour, "FREQ=WEEKLY;BYDAY=MO,WE,FR"),
	}
	return s, loc, cs
}

func TestTier1WorkIsRefusedWithTheNextFreeSlot(t *testing.T) {
	s, loc, _ := tieredFriday(t)
	at := func(h, m int) time.Time { return time.Date(2026, 3, 6, h, m, 0, 0, loc) }
	// 12:00–13:30 plus a 30-minute buffer reaches into sports day.
	wb := WorkBlock{Client: "Acme", Title: "Slides", StartsAt: at(12, 0), EndsAt: at(13, 30), BufferMinutes: 30}
	c, err := s.CheckWorkBlock(wb)
	if err != nil {
		t.Fatal(err)
	}
	if !c.Refused() || c.NonNegotiable[0].Commitment.Title != "Sports day" {
		t.Fatalf("conflicts %+v", c)
	}
	// After sports day (15:00) two hours are needed; play time (16:00) is
	// in the way that day, then dinner at 18:00 and the working day ends
	// at 17:00, so the next free two hours are Monday 09:00.
	if want := time.Date(2026, 3, 9, 9, 0, 0, 0, loc); !c.NextFree.Equal(want) {
		t.Errorf("next free %v, want %v", c.NextFree, want)
	}
	_, _, err = s.SaveWorkBlock(wb, "the client insists")
	var ce *ConflictError
	if !errors.As(err, &ce) || !errors.Is(err, ErrNonNegotiable) {
		t.Fatalf("save: %v", err)
	}
	if msg := err.Error(); !strings.Contains(msg, "“Sports day” is non-negotiable (Fri 6 Mar, 13:00–15:00)") ||
		!strings.Contains(msg, "the next free 2 h starts Mon 9 Mar at 09:00") {
		t.Errorf("message: %s", msg)
	}
	if list, _ := s.WorkBlocks(at(0, 0), at(23, 0)); len(list) != 0 {
		t.Errorf("refused work was stored: %+v", list)
	}

	// Moving the block to the suggested slot is accepted.
	wb.StartsAt, wb.EndsAt = c.NextFree, c.NextFree.Add(90*time.Minute)
	if _, c2, err := s.SaveWorkBlock(wb, ""); err != nil || !c2.None() {
		t.Errorf("saving at the suggested slot: %v %+v", err, c2)
	}
}

func TestTier2NeedsAStatedEmergencyWhichIsKept(t *testing.T) {
	s, loc, _ := tieredFriday(t)
	at := func(h, m int) time.Time { return time.Date(2026, 3, 6, h, m, 0, 0, loc) }
	wb := WorkBlock{Client: "Acme", Title: "Server outage", StartsAt: at(17, 30), EndsAt: at(18, 30)}
	_, c, err := s.SaveWorkBlock(wb, "")
	if !errors.Is(err, ErrNeedsEmergency) || !c.NeedsEmergency() || c.HighPriority[0].Commitment.Title != "Family dinner" {
		t.Fatalf("without a reason: %v %+v", err, c)
	}
	if !strings.Contains(err.Error(), "“Family dinner” is high priority") {
		t.Errorf("message: %v", err)
	}
	saved, _, err := s.SaveWorkBlock(wb, "  Their shop is down on launch day. ")
	if err != nil {
		t.Fatal(err)
	}
	back, err := s.WorkBlock(saved.ID)
	if err != nil || back.EmergencyReason != "Their shop is down on launch day." {
		t.Errorf("stored reason %q %v", back.EmergencyReason, err)
	}
	// Moved off the dinner, the reason no longer applies.
	moved, _, err := s.MoveWorkBlock(saved.ID, at(10, 0), "")
	if err != nil || moved.EmergencyReason != "" || !moved.EndsAt.Equal(at(11, 0)) {
		t.Errorf("moved: %+v %v", moved, err)
	}
}

func TestTier3WorkLeavesAMakeUpNote(t *testing.T) {
	s, loc, cs := tieredFriday(t)
	at := func(h, m int) time.Time { return time.Date(2026, 3, 6, h, m, 0, 0, loc) }
	wb, c, err := s.SaveWorkBlock(WorkBlock{Client: "Acme", Title: "Call", StartsAt: at(15, 30), EndsAt: at(16, 30)}, "")
	if err != nil || len(c.Flexible) != 1 {
		t.Fatalf("save: %v %+v", err, c)
	}
	notes, err := s.OpenMakeUps()
	if err != nil || len(notes) != 1 {
		t.Fatalf("make-ups %v %v", notes, err)
	}
	n := notes[0]
	if n.CommitmentID != cs["play"].ID || n.Commitment != "Play time" || n.Work != "Call" || n.Client != "Acme" ||
		!n.OccursAt.Equal(at(16, 0)) || !strings.Contains(n.Note, "Play time") {
		t.Errorf("note %+v", n)
	}
	// Saving again doesn't duplicate it; moving off play time removes it.
	if _, _, err := s.SaveWorkBlock(wb, ""); err != nil {
		t.Fatal(err)
	}
	if notes, _ := s.OpenMakeUps(); len(notes) != 1 {
		t.Errorf("%d notes after saving twice", len(notes))
	}
	if _, _, err := s.MoveWorkBlock(wb.ID, at(9, 0), ""); err != nil {
		t.Fatal(err)
	}
	if notes, _ := s.OpenMakeUps(); len(notes) != 0 {
		t.Errorf("%d notes after moving off play time", len(notes))
	}
	// A note marked done stays done and isn't left again.
	if _, _, err := s.MoveWorkBlock(wb.ID, at(15, 30), ""); err != nil {
		t.Fatal(err)
	}
	notes, _ = s.OpenMakeUps()
	if err := s.MarkMakeUpDone(notes[0].ID, true); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.SaveWorkBlock(wb, ""); err != nil {
		t.Fatal(err)
	}
	if notes, _ := s.OpenMakeUps(); len(notes) != 0 {
		t.Errorf("a done note came back: %+v", notes)
	}
	// Deleting the block keeps the done note, and drops open ones.
	if err := s.DeleteWorkBlock(wb.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.WorkBlock(wb.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleted block read back: %v", err)
	}
}

func TestBufferIsIncludedInTheCheck(t *testing.T) {
	s, loc, _ := tieredFriday(t)
	at := func(h, m int) time.Time { return time.Date(2026, 3, 6, h, m, 0, 0, loc) }
	// Ends at 12:30, well before sports day; its one-hour buffer reaches 13:30.
	deadline := at(14, 0)
	wb := WorkBlock{Title: "Proposal", StartsAt: at(11, 0), EndsAt: at(12, 30), BufferMinutes: 60, DeadlineAt: &deadline}
	_, _, err := s.SaveWorkBlock(wb, "")
	if err == nil {
		t.Fatal("work whose buffer reaches sports day was accepted")
	}
	// Without the buffer (and with the deadline minus no buffer) it fits.
	wb.BufferMinutes = 0
	if _, _, err := s.SaveWorkBlock(wb, ""); err != nil {
		t.Errorf("without the buffer: %v", err)
	}
}

func TestWorkBlockBadInputStoresNothing(t *testing.T) {
	s, loc, _ := tieredFriday(t)
	at := func(h, m int) time.Time { return time.Date(2026, 3, 9, h, m, 0, 0, loc) }
	for _, wb := range []WorkBlock{
		{Title: "", StartsAt: at(9, 0), EndsAt: at(10, 0)},
		{Title: "Zero", StartsAt: at(9, 0), EndsAt: at(9, 0)},
		{Title: "Backwards", StartsAt: at(10, 0), EndsAt: at(9, 0)},
		{Title: "Marathon", StartsAt: at(9, 0), EndsAt: at(9, 0).Add(25 * time.Hour)},
	} {
		if _, _, err := s.SaveWorkBlock(wb, ""); err == nil {
			t.Errorf("%q accepted", wb.Title)
		} else if _, ok := err.(*ValidationError); !ok {
			t.Errorf("%q: %T %v, want a ValidationError", wb.Title, err, err)
		}
	}
	if list, _ := s.WorkBlocks(at(0, 0), at(23, 0)); len(list) != 0 {
		t.Errorf("stored %+v", list)
	}
	if _, _, err := s.MoveWorkBlock(999, at(9, 0), ""); !errors.Is(err, ErrNotFound) {
		t.Errorf("moving a missing block: %v", err)
	}
}

func TestNextFreeSlot(t *testing.T) {
	s, loc, _ := tieredFriday(t)
	at := func(d, h, m int) time.Time { return time.Date(2026, 3, d, h, m, 0, 0, loc) }
	if _, _, err := s.SaveWorkBlock(WorkBlock{Title: "Existing", StartsAt: at(9, 9, 0), EndsAt: at(9, 11, 0), BufferMinutes: 15}, ""); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		after  time.Time
		length time.Duration
		want   time.Time
	}{
		{"free right away, on a five-minute mark", at(6, 9, 2), time.Hour, at(6, 9, 5)},
		{"after sports day there's one hour before play", at(6, 13, 30), time.Hour, at(6, 15, 0)},
		{"the weekend is skipped", at(6, 17, 0), time.Hour, at(9, 11, 15)},
		{"after another block and its buffer", at(9, 9, 30), 30 * time.Minute, at(9, 11, 15)},
		{"before working hours", at(9, 6, 0), time.Hour, at(9, 11, 15)},
		{"longer than a working day may start any time", at(10, 10, 0), 9 * time.Hour, at(10, 19, 0)},
	}
	for _, tc := range cases {
		got, err := s.NextFreeSlot(tc.after, tc.length)
		if err != nil || !got.Equal(tc.want) {
			t.Errorf("%s: %v %v, want %v", tc.name, got, err, tc.want)
		}
	}
	// Custom hours: evenings only, every day.
	h := WorkHours{Start: 20 * time.Hour, End: 23 * time.Hour}
	for d := range h.Days {
		h.Days[d] = true
	}
	if err := s.SetWorkHours(h); err != nil {
		t.Fatal(err)
	}
	if back, _ := s.WorkHours(); back != h {
		t.Errorf("work hours read back %+v", back)
	}
	if got, err := s.NextFreeSlot(at(7, 9, 0), time.Hour); err != nil || !got.Equal(at(7, 20, 0)) {
		t.Errorf("evening hours: %v %v", got, err)
	}
	if err := s.SetWorkHours(WorkHours{Start: 9 * time.Hour, End: 9 * time.Hour}); err == nil {
		t.Error("empty working hours accepted")
	}
}

// A make-up note names its day the way dates are written now, not the way
// they were when the note was left (the demo journal is made on the command
// line, before the window knows the locale).
func TestAMakeUpNoteFollowsTheDateStyle(t *testing.T) {
	old := dates.Current()
	t.Cleanup(func() { dates.Use(old) })
	dates.Use(dates.ForRegion("GB"))
	s, loc, _ := tieredFriday(t)
	at := func(h, m int) time.Time { return time.Date(2026, 3, 6, h, m, 0, 0, loc) }
	if _, _, err := s.SaveWorkBlock(WorkBlock{Client: "Acme", Title: "Call", StartsAt: at(15, 30), EndsAt: at(16, 30)}, ""); err != nil {
		t.Fatal(err)
	}
	notes, err := s.OpenMakeUps()
	if err != nil || len(notes) != 1 {
		t.Fatalf("make-ups %v %v", notes, err)
	}
	want := "Work for Acme (“Call”) took “Play time” on Fri 6 Mar"
	if !strings.HasPrefix(notes[0].Note, want) || !strings.HasPrefix(notes[0].Text(), want) {
		t.Errorf("stored %q, shown %q; want them to start %q", notes[0].Note, notes[0].Text(), want)
	}
	dates.Use(dates.ForRegion("US"))
	if got := notes[0].Text(); !strings.Contains(got, "on Fri, Mar 6") {
		t.Errorf("in the US order the note reads %q", got)
	}
}
