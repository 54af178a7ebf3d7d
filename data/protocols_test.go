package data

import (
	"errors"
	"strings"
	"testing"
)

func TestStartProtocolFromAGuiltEntry(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	e, _ := s.SaveEntry(Entry{
		Trigger: "Missed the sprint race for a client's \"urgent\" fix.\nHe looked for me.",
		Story:   "I put money first.",
		Kind:    KindGuilt,
	}, 0)
	_, err := s.StartProtocol(e.ID)
	var ve *ValidationError
	if !errors.As(err, &ve) || ve.Field != "friend" {
		t.Fatalf("without a friend answer: %v", err)
	}

	e.Friend = "  Put every school event in the calendar the day it's announced.  "
	if _, err := s.SaveEntry(e, 0); err != nil {
		t.Fatal(err)
	}
	p, err := s.StartProtocol(e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if p.ID == 0 || p.EntryID == nil || *p.EntryID != e.ID || p.Status != ProtocolActive || p.RemindDaysBefore != 2 {
		t.Errorf("protocol = %+v", p)
	}
	if p.Title != "Next time: Missed the sprint race for a client's \"urgent\" fix." {
		t.Errorf("title = %q", p.Title)
	}
	if len(p.Steps) != 1 || p.Steps[0].Text != "Put every school event in the calendar the day it's announced." || p.Steps[0].Position != 1 {
		t.Errorf("steps = %+v", p.Steps)
	}

	// Asking again shows the same plan rather than a second one.
	again, err := s.StartProtocol(e.ID)
	if err != nil || again.ID != p.ID || len(again.Steps) != 1 {
		t.Errorf("second start = %+v, %v", again, err)
	}
	list, err := s.EntryProtocols(e.ID)
	if err != nil || len(list) != 1 || list[0].ID != p.ID || len(list[0].Steps) != 1 {
		t.Errorf("EntryProtocols = %+v, %v", list, err)
	}

	s.TrashEntry(e.ID)
	if _, err := s.StartProtocol(e.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("trashed entry: %v", err)
	}
}

func TestProtocolDraftsFitTheTable(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	e, _ := s.SaveEntry(Entry{Trigger: strings.Repeat("long trigger ", 40), Friend: strings.Repeat("kind words ", 400)}, 0)
	p, err := s.StartProtocol(e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if n := len([]rune(p.Title)); n > 140 || !strings.HasSuffix(p.Title, "…") {
		t.Errorf("title has %d characters: %q", n, p.Title)
	}
	if n := len([]rune(p.Steps[0].Text)); n > 2000 || !strings.HasSuffix(p.Steps[0].Text, "…") {
		t.Errorf("step has %d characters", n)
	}
	// The entry itself keeps every word.
	if back, _ := s.Entry(e.ID); back.Friend != e.Friend {
		t.Error("the entry was changed")
	}

	untitled, _ := s.SaveEntry(Entry{Friend: "Rest."}, 0)
	if p, _ := s.StartProtocol(untitled.ID); p.Title != "My next-time plan" {
		t.Errorf("title without a trigger = %q", p.Title)
	}
}
