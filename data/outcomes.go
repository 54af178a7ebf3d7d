package data

import (
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// SetOutcome records what happened to one occurrence of a commitment,
// named by its original start (Occurrence.OccursAt): kept, missed, or moved
// (to movedTo when the new time is known). An empty outcome forgets what
// was recorded.
func (s *Store) SetOutcome(commitmentID int64, occursAt time.Time, outcome Outcome, movedTo *time.Time) error {
	return s.setOutcome(commitmentID, occursAt, outcome, movedTo, "")
}

// SetOutcomeWithNote is SetOutcome with a few words about it.
func (s *Store) SetOutcomeWithNote(commitmentID int64, occursAt time.Time, outcome Outcome, movedTo *time.Time, note string) error {
	return s.setOutcome(commitmentID, occursAt, outcome, movedTo, note)
}

func (s *Store) setOutcome(commitmentID int64, occursAt time.Time, outcome Outcome, movedTo *time.Time, note string) error {
	switch outcome {
	case "", OutcomeKept, OutcomeMissed, OutcomeMoved:
	default:
		return invalid(FieldStatus, "An occurrence is kept, missed or moved, not %q.", outcome)
	}
	note = strings.TrimSpace(note)
	if utf8.RuneCountInString(note) > 2000 {
		return invalid(FieldNote, "A note on an occurrence holds up to 2000 characters.")
	}
	set, err := s.series(s.db)
	if err != nil {
		return err
	}
	se := set.byID[commitmentID]
	if se == nil {
		return ErrNotFound
	}
	occursAt = occursAt.UTC().Truncate(time.Second)
	if !se.has(occursAt) {
		return invalid(FieldOccursAt, "“%s” doesn't happen at that time.", se.c.Title)
	}
	start, _ := se.span(occursAt)
	if (outcome == OutcomeKept || outcome == OutcomeMissed) && start.After(s.Now()) {
		return invalid(FieldStatus, "“%s” hasn't happened yet: mark it kept or missed once it has begun.", se.c.Title)
	}
	if movedTo != nil {
		if outcome != OutcomeMoved {
			movedTo = nil
		} else if se.allDay {
			d := dateOf(*movedTo)
			movedTo = &d
		} else {
			t := movedTo.UTC().Truncate(time.Second)
			movedTo = &t
		}
	}
	return s.write(func(tx *gorm.DB) error {
		if outcome == "" {
			return tx.Exec("DELETE FROM occurrence_outcomes WHERE commitment_id = ? AND occurs_at = ?",
				commitmentID, ms(occursAt)).Error
		}
		row := OccurrenceOutcome{CommitmentID: commitmentID, OccursAt: occursAt, Status: outcome, MovedTo: movedTo, Note: note}
		row.Stamp(s.Now())
		return tx.Clauses(clause.OnConflict{
			Columns:   []clause.Column{{Name: "commitment_id"}, {Name: "occurs_at"}},
			DoUpdates: clause.AssignmentColumns([]string{"status", "moved_to", "note", "updated_at"}),
		}).Create(&row).Error
	})
}

// KeptRecord counts, among the last `last` occurrences of a commitment whose
// outcome was recorded, how many were kept: "kept 9 of the last 10".
// Occurrences nobody marked don't count either way.
func (s *Store) KeptRecord(commitmentID int64, last int) (kept, of int, err error) {
	var row struct{ Kept, Of int }
	err = s.db.Raw(`SELECT coalesce(sum(status = 'kept'), 0) AS kept, count(*) AS of FROM (
		SELECT status FROM occurrence_outcomes WHERE commitment_id = ? AND occurs_at <= ?
		ORDER BY occurs_at DESC LIMIT ?)`, commitmentID, ms(s.Now()), last).Scan(&row).Error
	return row.Kept, row.Of, classify(err)
}

// Kept is one commitment's kept record.
type Kept struct {
	Kept, Of int
}

// KeptRecords is KeptRecord for every commitment with a recorded outcome,
// in one query, by commitment id.
func (s *Store) KeptRecords(last int) (map[int64]Kept, error) {
	var rows []struct {
		CommitmentID int64
		Kept, Of     int
	}
	err := s.db.Raw(`SELECT commitment_id, sum(status = 'kept') AS kept, count(*) AS of FROM (
		SELECT commitment_id, status,
			row_number() OVER (PARTITION BY commitment_id ORDER BY occurs_at DESC) AS n
		FROM occurrence_outcomes WHERE occurs_at <= ?)
		WHERE n <= ? GROUP BY commitment_id`, ms(s.Now()), last).Scan(&rows).Error
	if err != nil {
		return nil, classify(err)
	}
	out := make(map[int64]Kept, len(rows))
	for _, r := range rows {
		out[r.CommitmentID] = Kept{r.Kept, r.Of}
	}
	return out, nil
}
