package data

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestDraftSurvivesARestartAndGoesOnSave(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "journal.db")
	clock, now := fixedClock(time.Date(2026, 3, 2, 21, 30, 0, 0, time.UTC))
	s, err := Open(path, Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 3, 2, 19, 0, 0, 0, time.FixedZone("CET", 3600))
	seven := 7
	// Over the entry limit on purpose: a draft keeps everything typed.
	long := strings.Repeat("x", MaxFieldLen+10)
	d, err := s.SaveDraft(Draft{Trigger: "Missed bedtime 🌙", Story: long, HappenedAt: &at, Intensity: &seven, Kind: "guilt", Tags: []string{"bedtime"}})
	if err != nil {
		t.Fatal(err)
	}
	*now = now.Add(2 * time.Second)
	d.Friend = "You were there for the bath."
	if d, err = s.SaveDraft(d); err != nil {
		t.Fatal(err)
	}
	// The app is killed here: no save, no close.
	s2, err := Open(path, Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	s.Close()
	drafts, err := s2.Drafts()
	if err != nil || len(drafts) != 1 {
		t.Fatalf("drafts after restart = %d, %v", len(drafts), err)
	}
	got := drafts[0]
	if got.ID != d.ID || got.Trigger != "Missed bedtime 🌙" || got.Story != long || got.Friend != "You were there for the bath." ||
		got.Intensity == nil || *got.Intensity != 7 || got.Kind != "guilt" || strings.Join(got.Tags, ",") != "bedtime" ||
		got.HappenedAt == nil || !got.HappenedAt.Equal(at) || !got.UpdatedAt.Equal(*now) {
		t.Errorf("draft came back as %+v", got)
	}

	// Saving the entry removes the draft in the same step.
	e, err := s2.SaveEntry(Entry{Trigger: got.Trigger, Friend: got.Friend, Intensity: 7}, got.ID)
	if err != nil {
		t.Fatal(err)
	}
	if drafts, _ := s2.Drafts(); len(drafts) != 0 {
		t.Errorf("%d drafts left after saving", len(drafts))
	}

	// An edit's draft is one per entry, replaced as the person types, and
	// removed by saving the entry.
	id := e.ID
	first, err := s2.SaveDraft(Draft{EntryID: &id, Trigger: "edit one"})
	if err != nil {
		t.Fatal(err)
	}
	second, err := s2.SaveDraft(Draft{EntryID: &id, Trigger: "edit two"})
	if err != nil {
		t.Fatal(err)
	}
	if drafts, _ := s2.Drafts(); len(drafts) != 1 || drafts[0].Trigger != "edit two" || second.ID != first.ID {
		t.Errorf("edit drafts = %+v", drafts)
	}
	e.Trigger = "edit two"
	if _, err := s2.SaveEntry(e, 0); err != nil {
		t.Fatal(err)
	}
	if drafts, _ := s2.Drafts(); len(drafts) != 0 {
		t.Errorf("the edit's draft outlived the save: %+v", drafts)
	}

	// A draft of an entry in the trash is not offered.
	if _, err := s2.SaveDraft(Draft{EntryID: &id, Trigger: "edit three"}); err != nil {
		t.Fatal(err)
	}
	s2.TrashEntry(id)
	if drafts, _ := s2.Drafts(); len(drafts) != 0 {
		t.Errorf("a trashed entry's draft is offered: %+v", drafts)
	}
	s2.RestoreEntry(id)
	if drafts, _ := s2.Drafts(); len(drafts) != 1 {
		t.Errorf("restored entry's draft: %+v", drafts)
	}
}

func TestDiscardDraftAndSaveAfterDiscard(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	d, _ := s.SaveDraft(Draft{Trigger: "half a thought"})
	if err := s.DiscardDraft(d.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DiscardDraft(d.ID); err != nil {
		t.Errorf("discarding twice: %v", err)
	}
	if drafts, _ := s.Drafts(); len(drafts) != 0 {
		t.Fatalf("drafts = %+v", drafts)
	}
	// The editor kept typing after the draft was removed elsewhere: it is
	// kept again rather than lost.
	d.Trigger = "half a thought, finished"
	again, err := s.SaveDraft(d)
	if err != nil {
		t.Fatal(err)
	}
	if drafts, _ := s.Drafts(); len(drafts) != 1 || drafts[0].Trigger != "half a thought, finished" || again.ID == 0 {
		t.Errorf("drafts = %+v", drafts)
	}
}
