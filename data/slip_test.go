package data

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func slipTexts(t *testing.T, s *Store) (texts []string, pinned string) {
	t.Helper()
	list, err := s.Slips()
	if err != nil {
		t.Fatal(err)
	}
	for _, sl := range list {
		texts = append(texts, sl.Text)
		if sl.Pinned {
			pinned = sl.Text
		}
	}
	return texts, pinned
}

func TestSlipValidation(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	var ve *ValidationError
	for _, text := range []string{"", "   \n\t", strings.Repeat("é", MaxSlipLen+1)} {
		if _, err := s.AddSlip(text, false); !errors.As(err, &ve) || ve.Message == "" {
			t.Errorf("AddSlip(%d chars): err = %v, want a validation message", len(text), err)
		}
	}
	// Exactly the limit, counted in characters rather than bytes, is fine.
	if _, err := s.AddSlip(strings.Repeat("é", MaxSlipLen), false); err != nil {
		t.Errorf("a %d-character slip: %v", MaxSlipLen, err)
	}
	if _, err := s.UpdateSlip(999, "x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("UpdateSlip of a missing slip: %v", err)
	}
}

func TestFirstSlipIsPinnedAndPinningMoves(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	a, _ := s.AddSlip("A", false)
	b, _ := s.AddSlip("B", false)
	if _, pinned := slipTexts(t, s); pinned != "A" {
		t.Fatalf("pinned = %q, want the first slip", pinned)
	}
	if err := s.PinSlip(b.ID); err != nil {
		t.Fatal(err)
	}
	if _, pinned := slipTexts(t, s); pinned != "B" {
		t.Errorf("pinned = %q after PinSlip(B)", pinned)
	}
	if _, err := s.AddSlip("C", true); err != nil {
		t.Fatal(err)
	}
	if _, pinned := slipTexts(t, s); pinned != "C" {
		t.Errorf("pinned = %q after adding C pinned", pinned)
	}
	if err := s.PinSlip(a.ID + 100); !errors.Is(err, ErrNotFound) {
		t.Errorf("pin a missing slip: %v", err)
	}
}

func TestPinNextCycles(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	if _, ok, err := s.PinNext(); ok || err != nil {
		t.Fatalf("PinNext with no slips: ok=%v err=%v", ok, err)
	}
	for _, text := range []string{"A", "B", "C"} {
		s.AddSlip(text, false)
	}
	var seen []string
	for range 4 {
		slip, ok, err := s.PinNext()
		if err != nil || !ok {
			t.Fatal(ok, err)
		}
		seen = append(seen, slip.Text)
	}
	if got := strings.Join(seen, ""); got != "BCAB" {
		t.Errorf("cycle = %s, want BCAB", got)
	}
}

func TestDeletePinnedPinsTheNext(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	a, _ := s.AddSlip("A", false)
	b, _ := s.AddSlip("B", false)
	c, _ := s.AddSlip("C", false)
	s.PinSlip(b.ID)
	if err := s.DeleteSlip(b.ID); err != nil {
		t.Fatal(err)
	}
	if _, pinned := slipTexts(t, s); pinned != "C" {
		t.Errorf("after deleting pinned B, pinned = %q, want C", pinned)
	}
	s.DeleteSlip(c.ID) // pinned and last: wraps to the first
	if _, pinned := slipTexts(t, s); pinned != "A" {
		t.Errorf("after deleting pinned C, pinned = %q, want A", pinned)
	}
	s.DeleteSlip(a.ID)
	if _, ok, err := s.PinnedSlip(); ok || err != nil {
		t.Errorf("no slips left but one is pinned: %v %v", ok, err)
	}
	if err := s.DeleteSlip(a.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleting twice: %v", err)
	}
}

func TestMoveSlip(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	var ids []int64
	for _, text := range []string{"A", "B", "C", "D"} {
		sl, _ := s.AddSlip(text, false)
		ids = append(ids, sl.ID)
	}
	for _, step := range []struct {
		id   int64
		to   int
		want string
	}{
		{ids[3], 0, "DABC"},
		{ids[3], 99, "ABCD"},
		{ids[0], 2, "BCAD"},
		{ids[2], -5, "CBAD"},
	} {
		if err := s.MoveSlip(step.id, step.to); err != nil {
			t.Fatal(err)
		}
		if texts, _ := slipTexts(t, s); strings.Join(texts, "") != step.want {
			t.Errorf("after move: %s, want %s", strings.Join(texts, ""), step.want)
		}
	}
}

func TestReadingsCountMorningsKindly(t *testing.T) {
	t.Parallel()
	day := time.Date(2026, 11, 2, 7, 45, 0, 0, time.Local)
	s := openTemp(t, Options{Now: func() time.Time { return day }})
	s.AddSlip("Enough is enough.", true)

	rec, err := s.Readings(7)
	if err != nil || rec.Read != 0 || rec.ReadToday || rec.String() != "" {
		t.Fatalf("no readings: %+v %q %v", rec, rec.String(), err)
	}
	for _, offset := range []int{-9, -5, -3, -1, 0} {
		day = time.Date(2026, 11, 2+offset, 7, 45, 0, 0, time.Local)
		if err := s.MarkSlipRead(); err != nil {
			t.Fatal(err)
		}
	}
	s.MarkSlipRead() // twice the same morning counts once
	rec, _ = s.Readings(7)
	if rec.Read != 4 || rec.Of != 7 || !rec.ReadToday {
		t.Errorf("record = %+v, want 4 of 7 including today", rec)
	}
	if rec.String() != "Read on 4 of the last 7 mornings" {
		t.Errorf("record says %q", rec.String())
	}
	day = day.AddDate(0, 0, 1)
	if rec, _ := s.Readings(7); rec.ReadToday || rec.Read != 4 {
		t.Errorf("next day: %+v", rec)
	}
}

func TestRecordReadingsKeepsOnePerDay(t *testing.T) {
	t.Parallel()
	day := time.Date(2026, 11, 2, 7, 45, 0, 0, time.Local)
	s := openTemp(t, Options{Now: func() time.Time { return day }})
	s.AddSlip("Enough is enough.", true)
	s.MarkSlipRead() // today, already recorded
	var times []time.Time
	for _, offset := range []int{-6, -4, -4, -2, 0} {
		times = append(times, day.AddDate(0, 0, offset).Add(time.Hour))
	}
	if err := s.RecordReadings(times); err != nil {
		t.Fatal(err)
	}
	rec, _ := s.Readings(7)
	if rec.Read != 4 || !rec.ReadToday {
		t.Errorf("record = %+v, want 4 of 7 including today", rec)
	}
	var readAt int64
	s.db.Raw("SELECT read_at FROM slip_readings WHERE day = ?", Day(day)).Scan(&readAt)
	if readAt != day.UnixMilli() {
		t.Errorf("today's reading was replaced: read_at %d", readAt)
	}
}

// A first reading is said by the time of day it was recorded: a reading at
// 13:51 was not "this morning".
func TestFirstReadingIsSaidByTimeOfDay(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		hour, min int
		want      string
	}{
		{7, 45, "Read this morning"},
		{11, 59, "Read this morning"},
		{13, 51, "Read this afternoon"},
		{16, 59, "Read this afternoon"},
		{17, 0, "Read this evening"},
		{22, 30, "Read this evening"},
	} {
		now := time.Date(2026, 11, 2, c.hour, c.min, 0, 0, time.Local)
		s := openTemp(t, Options{Now: func() time.Time { return now }})
		s.AddSlip("Enough is enough.", true)
		if err := s.MarkSlipRead(); err != nil {
			t.Fatal(err)
		}
		// Said later the same day, it still names when it was read.
		now = time.Date(2026, 11, 2, 23, 50, 0, 0, time.Local)
		rec, err := s.Readings(7)
		if err != nil {
			t.Fatal(err)
		}
		if got := rec.String(); got != c.want {
			t.Errorf("read at %02d:%02d: %q, want %q", c.hour, c.min, got, c.want)
		}
	}
}
