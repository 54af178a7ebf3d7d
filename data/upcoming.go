package data

import "time"

// Upcoming lists what reminders may soon be due about: every tier-1
// occurrence starting within the next two days, and each active protocol
// attached to a commitment whose next occurrence is within the protocol's
// days-before. DueReminders decides which of them is due now.
func (s *Store) Upcoming(now time.Time) ([]Upcoming, error) {
	occs, err := s.Occurrences(now, now.Add(48*time.Hour), TierNonNegotiable)
	if err != nil {
		return nil, err
	}
	var out []Upcoming
	for _, o := range occs {
		out = append(out, Upcoming{
			Key: o.Commitment.UUID, Title: o.Commitment.Title, Start: o.Start, AllDay: o.AllDay(),
			RemindBefore: o.Commitment.RemindBeforeMinutes,
		})
	}

	var protocols []struct {
		UUID             string
		Title            string
		CommitmentID     int64
		RemindDaysBefore int
		OpenSteps        int
	}
	err = s.db.Raw(`SELECT p.uuid, p.title, p.commitment_id, p.remind_days_before,
			(SELECT count(*) FROM protocol_steps st
			 WHERE st.protocol_id = p.id AND st.deleted_at IS NULL AND st.done_at IS NULL) AS open_steps
		FROM protocols p
		WHERE p.status = 'active' AND p.deleted_at IS NULL AND p.commitment_id IS NOT NULL`).Scan(&protocols).Error
	if err != nil || len(protocols) == 0 {
		return out, classify(err)
	}
	days := 0
	for _, p := range protocols {
		days = max(days, p.RemindDaysBefore)
	}
	ahead, err := s.Occurrences(now, now.AddDate(0, 0, days+1))
	if err != nil {
		return out, err
	}
	for _, p := range protocols {
		for _, o := range ahead {
			if o.Commitment.ID != p.CommitmentID {
				continue
			}
			if o.Start.Before(now.AddDate(0, 0, p.RemindDaysBefore+1)) {
				out = append(out, Upcoming{
					Key: o.Commitment.UUID, Title: o.Commitment.Title, Start: o.Start, AllDay: o.AllDay(),
					Protocol: p.Title, ProtocolKey: p.UUID, DaysBefore: p.RemindDaysBefore, OpenSteps: p.OpenSteps,
				})
			}
			break // only the next occurrence
		}
	}
	return out, nil
}
