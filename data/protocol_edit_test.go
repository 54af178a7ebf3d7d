package data

import (
	"errors"
	"testing"
	"time"
)

func stepTexts(p Protocol) []string {
	var out []string
	for _, st := range p.Steps {
		out = append(out, st.Text)
	}
	return out
}

func sameStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestCreateProtocolNeedsATitleAndAStep(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	var ve *ValidationError
	if _, err := s.CreateProtocol(Protocol{Title: "  "}, []NewStep{{Text: "x"}}); !errors.As(err, &ve) || ve.Field != "title" {
		t.Errorf("no title: %v", err)
	}
	if _, err := s.CreateProtocol(Protocol{Title: "Plan"}, []NewStep{{Text: "  "}}); !errors.As(err, &ve) || ve.Field != "steps" {
		t.Errorf("no steps: %v", err)
	}
	if _, err := s.CreateProtocol(Protocol{Title: "Plan", RemindDaysBefore: 99}, []NewStep{{Text: "x"}}); !errors.As(err, &ve) || ve.Field != "remind_days_before" {
		t.Errorf("days before: %v", err)
	}
	missing := int64(999)
	if _, err := s.CreateProtocol(Protocol{Title: "Plan", CommitmentID: &missing}, []NewStep{{Text: "x"}}); !errors.As(err, &ve) || ve.Field != "commitment" {
		t.Errorf("missing commitment: %v", err)
	}
	p, err := s.CreateProtocol(Protocol{Title: " Plan "}, []NewStep{{Text: "One"}, {Text: ""}, {Text: "Two", Action: ActionImportICS}})
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "Plan" || p.Status != ProtocolActive || !sameStrings(stepTexts(p), []string{"One", "Two"}) || p.Steps[1].Action != ActionImportICS {
		t.Errorf("created %+v", p)
	}
	if list, _ := s.Protocols(); len(list) != 1 {
		t.Errorf("nothing half-stored on refusals: %d protocols", len(list))
	}
}

func TestProtocolStepsKeepTheirDoneDates(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	s, clock := openTiers(t, now)
	p, err := s.CreateProtocol(Protocol{Title: "Sports day"}, []NewStep{{Text: "A"}, {Text: "B"}, {Text: "C"}})
	if err != nil {
		t.Fatal(err)
	}
	a, b, c := p.Steps[0].ID, p.Steps[1].ID, p.Steps[2].ID
	done := now.Add(-48 * time.Hour)
	if prev, err := s.SetStepDone(b, &done); err != nil || prev != nil {
		t.Fatalf("tick: %v %v", prev, err)
	}
	if _, err := s.AddStep(p.ID, "D", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := s.EditStep(a, "A, reworded"); err != nil {
		t.Fatal(err)
	}
	// Move B to the end and back past the start: it keeps its date.
	if err := s.MoveStep(b, 5); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Protocol(p.ID)
	if !sameStrings(stepTexts(got), []string{"A, reworded", "C", "D", "B"}) {
		t.Fatalf("after move down: %v", stepTexts(got))
	}
	if err := s.MoveStep(b, -10); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Protocol(p.ID)
	if !sameStrings(stepTexts(got), []string{"B", "A, reworded", "C", "D"}) || got.Steps[0].DoneAt == nil || !got.Steps[0].DoneAt.Equal(done) {
		t.Fatalf("after move up: %v, done %v", stepTexts(got), got.Steps[0].DoneAt)
	}
	for i, st := range got.Steps {
		if st.Position != i+1 {
			t.Errorf("step %q at position %d", st.Text, st.Position)
		}
	}

	// Delete and restore: back in its place with its date.
	if err := s.DeleteStep(b); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Protocol(p.ID)
	if len(got.Steps) != 3 {
		t.Fatalf("deleted step still listed: %v", stepTexts(got))
	}
	if list, _ := s.Protocols(); list[0].Total != 3 || list[0].Done != 0 {
		t.Errorf("progress after delete: %+v", list[0])
	}
	if err := s.RestoreStep(b); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Protocol(p.ID)
	if got.Steps[0].ID != b || got.Steps[0].DoneAt == nil || !got.Steps[0].DoneAt.Equal(done) {
		t.Fatalf("restored: %+v", got.Steps[0])
	}

	// Untick, then undo with what came back.
	clock.now = now.Add(time.Hour)
	prev, err := s.SetStepDone(b, nil)
	if err != nil || prev == nil || !prev.Equal(done) {
		t.Fatalf("untick returned %v, %v", prev, err)
	}
	if _, err := s.SetStepDone(b, prev); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Protocol(p.ID)
	if !got.Steps[0].DoneAt.Equal(done) {
		t.Errorf("undo lost the date: %v", got.Steps[0].DoneAt)
	}
	list, _ := s.Protocols()
	if list[0].Progress() != "1 of 4 steps" {
		t.Errorf("progress = %q", list[0].Progress())
	}

	// The last step stays.
	for _, id := range []int64{a, c} {
		if err := s.DeleteStep(id); err != nil {
			t.Fatal(err)
		}
	}
	got, _ = s.Protocol(p.ID)
	if err := s.DeleteStep(got.Steps[1].ID); err != nil {
		t.Fatal(err)
	}
	var ve *ValidationError
	if err := s.DeleteStep(b); !errors.As(err, &ve) || ve.Field != "steps" {
		t.Errorf("deleting the last step: %v", err)
	}
	if _, err := s.AddStep(p.ID, " ", ""); !errors.As(err, &ve) {
		t.Errorf("blank step: %v", err)
	}
}

func TestProtocolListPutsActiveFirst(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	s, clock := openTiers(t, now)
	sports := commit(t, s, "Sports day", TierNonNegotiable, local(2026, 3, 6, 13, 0), 2*time.Hour, "")
	older, _ := s.CreateProtocol(Protocol{Title: "Older"}, []NewStep{{Text: "x"}})
	clock.now = now.Add(time.Minute)
	done, _ := s.CreateProtocol(Protocol{Title: "Finished"}, []NewStep{{Text: "x"}})
	clock.now = now.Add(2 * time.Minute)
	newer, _ := s.CreateProtocol(Protocol{Title: "Newer"}, []NewStep{{Text: "x"}})

	done.Status = ProtocolDone
	if _, err := s.UpdateProtocol(done); err != nil {
		t.Fatal(err)
	}
	review := time.Date(2026, 3, 10, 0, 0, 0, 0, time.Local)
	older.CommitmentID, older.RemindDaysBefore, older.ReviewOn = &sports.ID, 3, &review
	older.Title = "Older, renamed"
	if _, err := s.UpdateProtocol(older); err != nil {
		t.Fatal(err)
	}
	list, err := s.Protocols()
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, p := range list {
		titles = append(titles, p.Title)
	}
	if !sameStrings(titles, []string{"Newer", "Older, renamed", "Finished"}) {
		t.Errorf("order = %v", titles)
	}
	if list[1].Commitment != "Sports day" || list[1].RemindDaysBefore != 3 || list[1].ReviewOn == nil {
		t.Errorf("attached = %+v", list[1])
	}
	if list[1].ReviewDue(local(2026, 3, 9, 23, 0)) || !list[1].ReviewDue(local(2026, 3, 10, 8, 0)) {
		t.Error("review date comes on the wrong day")
	}
	attached, _ := s.AttachedProtocols()
	if len(attached[sports.ID]) != 1 || attached[sports.ID][0].ID != older.ID {
		t.Errorf("attached = %+v", attached)
	}

	// It resurfaces before the sports day through the reminders.
	coming, err := s.Upcoming(local(2026, 3, 3, 9, 0))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, u := range coming {
		found = found || u.ProtocolKey == older.UUID
	}
	if !found {
		t.Errorf("not upcoming: %+v", coming)
	}

	if err := s.DeleteProtocol(newer.ID); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.Protocols(); len(list) != 2 {
		t.Errorf("deleted protocol listed")
	}
	if err := s.RestoreProtocol(newer.ID); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.Protocols(); len(list) != 3 {
		t.Errorf("restored protocol missing")
	}
}

func TestProtocolTemplates(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	actions := map[string]bool{}
	for _, tpl := range ProtocolTemplates() {
		if tpl.Title == "" || len(tpl.Steps) < 3 {
			t.Errorf("template %q is thin", tpl.Key)
		}
		for _, st := range tpl.Steps {
			if st.Action != "" {
				actions[st.Action] = true
				if ActionLabel(st.Action) == "" {
					t.Errorf("no label for %q", st.Action)
				}
			}
		}
		p, err := s.StartFromTemplate(tpl.Key, nil)
		if err != nil {
			t.Fatal(err)
		}
		if p.TemplateKey != tpl.Key || p.Title != tpl.Title || len(p.Steps) != len(tpl.Steps) {
			t.Errorf("from %q: %+v", tpl.Key, p)
		}
	}
	for _, a := range []string{ActionAddTier1, ActionImportICS, ActionExportICS, ActionUrgency, ActionTriage, ActionDefaultBuffer} {
		if !actions[a] {
			t.Errorf("no template step leads to %q", a)
		}
	}
	if _, err := s.StartFromTemplate("nope", nil); err == nil {
		t.Error("unknown template accepted")
	}
}

func TestDefaultBuffer(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	if n, err := s.DefaultBuffer(); n != 0 || err != nil {
		t.Errorf("default = %d, %v", n, err)
	}
	if err := s.SetDefaultBuffer(-5); err == nil {
		t.Error("negative buffer accepted")
	}
	if err := s.SetDefaultBuffer(60); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.DefaultBuffer(); n != 60 {
		t.Errorf("buffer = %d", n)
	}
}
