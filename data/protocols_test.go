package data

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestStartProtocolFromAGuiltEntry(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	e, _ := s.SaveEntry(Entry{
		Trigger:    "Missed the sprint race for a client's \"urgent\" fix.\nHe looked for me.",
		Story:      "I put money first.",
		Kind:       KindGuilt,
		HappenedAt: time.Date(2026, 5, 14, 18, 0, 0, 0, time.Local),
	}, 0)
	// Without a friend answer, the plan is the template's steps alone.
	p, err := s.StartProtocol(e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if p.TemplateKey != "client-emergency" || p.Title != "Decide what really counts as a client emergency" {
		t.Errorf("an urgent client fix: template %q, title %q", p.TemplateKey, p.Title)
	}
	tpl, _ := ProtocolTemplateByKey("client-emergency")
	if len(p.Steps) != len(tpl.Steps) || p.Steps[0].Action != tpl.Steps[0].Action {
		t.Errorf("steps = %+v", p.Steps)
	}
	if p.ID == 0 || p.EntryID == nil || *p.EntryID != e.ID || p.Status != ProtocolActive || p.RemindDaysBefore != 2 {
		t.Errorf("protocol = %+v", p)
	}

	// Asking again shows the same plan rather than a second one.
	again, err := s.StartProtocol(e.ID)
	if err != nil || again.ID != p.ID || len(again.Steps) != len(p.Steps) {
		t.Errorf("second start = %+v, %v", again, err)
	}
	list, err := s.EntryProtocols(e.ID)
	if err != nil || len(list) != 1 || list[0].ID != p.ID {
		t.Errorf("EntryProtocols = %+v, %v", list, err)
	}

	// A second entry of the same kind: the friend answer comes first, and
	// the title is told apart by the day.
	other, _ := s.SaveEntry(Entry{
		Trigger: "Another urgent request during tea", Kind: KindGuilt,
		Friend:     "  Ask what happens if it waits until the morning.  ",
		HappenedAt: time.Date(2026, 6, 2, 17, 30, 0, 0, time.Local),
	}, 0)
	p2, err := s.StartProtocol(other.ID)
	if err != nil {
		t.Fatal(err)
	}
	if p2.Title != "Decide what really counts as a client emergency (2 Jun)" {
		t.Errorf("second plan from the template: title %q", p2.Title)
	}
	if len(p2.Steps) != len(tpl.Steps)+1 || p2.Steps[0].Text != "Ask what happens if it waits until the morning." || p2.Steps[0].Position != 1 {
		t.Errorf("steps = %+v", p2.Steps)
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
	if n := len([]rune(p.Title)); n > planTitleMax {
		t.Errorf("title has %d characters: %q", n, p.Title)
	}
	if n := len([]rune(p.Steps[0].Text)); n > 2000 || !strings.HasSuffix(p.Steps[0].Text, "…") {
		t.Errorf("step has %d characters", n)
	}
	// The entry itself keeps every word.
	if back, _ := s.Entry(e.ID); back.Friend != e.Friend {
		t.Error("the entry was changed")
	}
}
