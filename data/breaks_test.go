package data

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestBreakIsSavedAtEachStepAndFinishedOnce(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 4, 20, 0, 0, 0, time.UTC)
	s := openTemp(t, Options{Now: func() time.Time { return now }})
	e, err := s.SaveEntry(Entry{Trigger: "Missed the school play", Intensity: 7, Kind: KindShame}, 0)
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.SaveBreak(CompassionSession{EntryID: &e.ID, Acknowledge: "This is hard."})
	if err != nil || c.ID == 0 || !c.StartedAt.Equal(now) || c.FinishedAt != nil {
		t.Fatalf("started: %+v, %v", c, err)
	}
	now = now.Add(2 * time.Minute)
	c.Normalise = "Other parents feel this too."
	if c, err = s.SaveBreak(c); err != nil {
		t.Fatal(err)
	}
	c.Kindness = "May I be gentle with myself."
	done, err := s.FinishBreak(c)
	if err != nil || done.FinishedAt == nil || !done.FinishedAt.Equal(now) || !done.StartedAt.Equal(now.Add(-2*time.Minute)) {
		t.Fatalf("finished: %+v, %v", done, err)
	}
	now = now.Add(time.Hour)
	again, _ := s.FinishBreak(done)
	if !again.FinishedAt.Equal(*done.FinishedAt) {
		t.Errorf("finishing twice moved the time to %v", again.FinishedAt)
	}
	list, err := s.Breaks(10)
	if err != nil || len(list) != 1 {
		t.Fatalf("breaks = %v, %v", list, err)
	}
	b := list[0]
	if b.Acknowledge != "This is hard." || b.Normalise != "Other parents feel this too." || b.Kindness != "May I be gentle with myself." || *b.EntryID != e.ID {
		t.Errorf("stored %+v", b)
	}
	if mine, err := s.EntryBreaks(e.ID); err != nil || len(mine) != 1 || mine[0].ID != b.ID {
		t.Errorf("the entry's breaks: %+v, %v", mine, err)
	}
	if err := s.DeleteBreak(b.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteBreak(b.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleting twice: %v", err)
	}
}

func TestBreakRefusesTooMuchTextAndKeepsAGoneEntryOptional(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	_, err := s.SaveBreak(CompassionSession{Kindness: strings.Repeat("a", MaxFieldLen+1)})
	var ve *ValidationError
	if !errors.As(err, &ve) || ve.Field != "kindness" || !strings.Contains(ve.Message, "100,000") {
		t.Errorf("long answer: %v", err)
	}
	gone := int64(999)
	c, err := s.SaveBreak(CompassionSession{EntryID: &gone, Acknowledge: "hard"})
	if err != nil || c.EntryID != nil {
		t.Errorf("break for a missing entry: %+v, %v", c, err)
	}
	if _, err := s.SaveBreak(CompassionSession{Record: Record{ID: 12345}}); !errors.Is(err, ErrNotFound) {
		t.Errorf("saving a break that isn't there: %v", err)
	}
}
