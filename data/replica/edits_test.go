package replica

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/bothand/bothand/data"
)

// randomEdit makes one edit a person could make in the window, chosen by
// rng, on the computer's journal: entries written, edited, tagged, trashed
// and emptied out of the trash; slips added, pinned and deleted; settings,
// commitments and their outcomes, protocols and their steps, breaks and
// the morning's reading. Small pools of names make two computers collide
// on the same tag or the same morning.
func randomEdit(t testing.TB, rng *rand.Rand, d *computer) string {
	t.Helper()
	s := d.store
	tags := []string{"school", "Work", "work", "bedtime", "Visibility trap", "sleep"}
	words := []string{"missed", "the", "call", "assembly", "again", "late", "kind", "tired", "proud", "sorry", "bath", "story"}
	sentence := func() string {
		out := ""
		for range 1 + rng.IntN(6) {
			out += words[rng.IntN(len(words))] + " "
		}
		return out + fmt.Sprint(rng.IntN(1000))
	}
	entries := func() []data.EntryRow {
		page, err := s.EntryPage(data.EntryFilter{}, nil, 500)
		if err != nil {
			t.Fatal(err)
		}
		return page.Rows
	}
	ok := func(what string, err error) string {
		t.Helper()
		var ve *data.ValidationError
		// A person's own duplicate (the same calendar event twice) is refused
		// by the journal, as it should be.
		if err != nil && !errors.Is(err, data.ErrNotFound) && !errors.As(err, &ve) && !data.IsConstraint(err) {
			t.Fatalf("%s: %s: %v", d.name, what, err)
		}
		return what
	}
	switch rng.IntN(18) {
	case 0, 1, 2:
		var et []data.Tag
		for range rng.IntN(3) {
			et = append(et, data.Tag{Name: tags[rng.IntN(len(tags))]})
		}
		_, err := s.SaveEntry(data.Entry{Trigger: sentence(), Story: sentence(), Friend: sentence(), Intensity: rng.IntN(11), Tags: et}, 0)
		return ok("new entry", err)
	case 3, 4, 16, 17:
		rows := entries()
		if len(rows) == 0 {
			return "nothing to edit"
		}
		// The few newest, so that two computers edit the same entry.
		e, err := s.Entry(rows[rng.IntN(min(3, len(rows)))].ID)
		if err != nil {
			return ok("read entry", err)
		}
		switch rng.IntN(4) {
		case 0, 1:
			e.Story = sentence()
		case 2:
			e.Intensity = rng.IntN(11)
			e.Kind = []data.Kind{data.KindGuilt, data.KindShame, data.KindUnsure}[rng.IntN(3)]
		default:
			e.Tags = []data.Tag{{Name: tags[rng.IntN(len(tags))]}}
		}
		_, err = s.SaveEntry(e, 0)
		return ok("edit entry", err)
	case 5:
		rows := entries()
		if len(rows) == 0 {
			return "nothing to trash"
		}
		return ok("trash entry", s.TrashEntry(rows[rng.IntN(len(rows))].ID))
	case 6:
		trash, err := s.Trash(50)
		if err != nil || len(trash) == 0 {
			return ok("trash", err)
		}
		if rng.IntN(3) == 0 {
			_, err = s.EmptyTrash()
			return ok("empty trash", err)
		}
		return ok("restore entry", s.RestoreEntry(trash[rng.IntN(len(trash))].ID))
	case 7:
		_, err := s.AddSlip("I can "+sentence(), rng.IntN(2) == 0)
		return ok("add slip", err)
	case 8:
		slips, err := s.Slips()
		if err != nil || len(slips) == 0 {
			return ok("slips", err)
		}
		sl := slips[rng.IntN(len(slips))]
		switch rng.IntN(3) {
		case 0:
			return ok("pin slip", s.PinSlip(sl.ID))
		case 1:
			_, err = s.UpdateSlip(sl.ID, "I may "+sentence())
			return ok("edit slip", err)
		}
		return ok("delete slip", s.DeleteSlip(sl.ID))
	case 9:
		return ok("setting", s.SetSetting([]string{"triage.rule", "work.default_buffer_minutes"}[rng.IntN(2)], fmt.Sprint(rng.IntN(90))))
	case 10:
		start := time.Date(2026, 12, 1+rng.IntN(20), 8+rng.IntN(8), 0, 0, 0, time.UTC)
		c := data.Commitment{Title: "Pick-up " + sentence(), Tier: data.Tier(1 + rng.IntN(3)), StartsAt: start, EndsAt: start.Add(time.Hour), TimeZone: "UTC"}
		if rng.IntN(2) == 0 {
			uid := fmt.Sprintf("school-%d@example.org", rng.IntN(3))
			c.ICalUID = &uid
		}
		_, err := s.SaveCommitment(c)
		return ok("commitment", err)
	case 11:
		list, err := s.Commitments()
		if err != nil || len(list) == 0 {
			return ok("commitments", err)
		}
		c := list[rng.IntN(len(list))]
		switch rng.IntN(3) {
		case 0:
			return ok("outcome", s.SetOutcome(c.ID, c.StartsAt, []data.Outcome{data.OutcomeKept, data.OutcomeMissed}[rng.IntN(2)], nil))
		case 1:
			c.Notes = sentence()
			_, err = s.SaveCommitment(c)
			return ok("edit commitment", err)
		}
		return ok("delete commitment", s.DeleteCommitment(c.ID))
	case 12:
		p, err := s.CreateProtocol(data.Protocol{Title: "Next time " + sentence()}, []data.NewStep{{Text: sentence()}, {Text: sentence()}})
		if err == nil && rng.IntN(2) == 0 {
			_, err = s.AddStep(p.ID, sentence(), "")
		}
		return ok("protocol", err)
	case 13:
		list, err := s.Protocols()
		if err != nil || len(list) == 0 {
			return ok("protocols", err)
		}
		p, err := s.Protocol(list[rng.IntN(len(list))].ID)
		if err != nil || len(p.Steps) == 0 {
			return ok("protocol", err)
		}
		st := p.Steps[rng.IntN(len(p.Steps))]
		if rng.IntN(2) == 0 {
			now := s.Now()
			_, err = s.SetStepDone(st.ID, &now)
			return ok("step done", err)
		}
		return ok("delete step", s.DeleteStep(st.ID))
	case 14:
		_, err := s.SaveBreak(data.CompassionSession{Acknowledge: sentence(), Kindness: sentence()})
		return ok("break", err)
	default:
		return ok("read slip", s.MarkSlipRead())
	}
}
