package data

import (
	"testing"
	"time"

	"gorm.io/gorm"
)

func TestUpcomingFeedsTier1AndProtocolReminders(t *testing.T) {
	loc := inZone(t, "Europe/London")
	now := time.Date(2026, 6, 10, 7, 0, 0, 0, loc)
	s := openTemp(t, Options{Now: func() time.Time { return now }})
	save := func(title string, tier Tier, start time.Time) Commitment {
		c, err := s.SaveCommitment(Commitment{Title: title, Tier: tier, StartsAt: start, EndsAt: start.Add(2 * time.Hour), TimeZone: "Europe/London"})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	sports := save("Sports day", TierNonNegotiable, time.Date(2026, 6, 11, 13, 0, 0, 0, loc))
	save("Far-off concert", TierNonNegotiable, time.Date(2026, 6, 20, 18, 0, 0, 0, loc))
	save("Dinner", TierHighPriority, time.Date(2026, 6, 10, 18, 0, 0, 0, loc))
	recital := save("Recital", TierHighPriority, time.Date(2026, 6, 13, 17, 0, 0, 0, loc))
	// A protocol tied to the recital, three days ahead, one step open.
	err := s.write(func(tx *gorm.DB) error {
		p := Protocol{Title: "Leave work at four", CommitmentID: &recital.ID, RemindDaysBefore: 3, Status: ProtocolActive}
		p.Stamp(now)
		if err := tx.Create(&p).Error; err != nil {
			return err
		}
		for i, text := range []string{"Tell the client on Monday", "Block the afternoon"} {
			st := ProtocolStep{ProtocolID: p.ID, Position: i + 1, Text: text}
			if i == 0 {
				st.DoneAt = &now
			}
			st.Stamp(now)
			if err := tx.Create(&st).Error; err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	coming, err := s.Upcoming(now)
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, c := range coming {
		titles = append(titles, c.Title+"/"+c.Protocol)
	}
	if len(coming) != 2 || coming[0].Key != sports.UUID || coming[1].Protocol != "Leave work at four" || coming[1].OpenSteps != 1 {
		t.Fatalf("upcoming = %v", titles)
	}

	rs := DefaultReminderSettings()
	rs.MorningSlip = false
	now = time.Date(2026, 6, 10, 8, 0, 0, 0, loc)
	due := DueReminders(now, rs, "", coming)
	kinds := map[string]bool{}
	for _, r := range due {
		kinds[r.Kind] = true
	}
	if !kinds[ReminderTier1DayAhead] || !kinds[ReminderProtocol] || len(due) != 2 {
		t.Errorf("due at 08:00 the day before sports day, three days before the recital: %+v", due)
	}
}
