package data

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"

	"github.com/bothand/bothand/data/dates"
	"github.com/bothand/bothand/data/zone"
)

// Limits on what a commitment holds.
const (
	MaxCommitmentTitle    = 500
	MaxCommitmentLocation = 500
	MaxCommitmentNotes    = 20_000
)

// String names the tier as the app shows it: "non-negotiable", "high
// priority", "flexible".
func (t Tier) String() string {
	switch t {
	case TierNonNegotiable:
		return "non-negotiable"
	case TierHighPriority:
		return "high priority"
	case TierFlexible:
		return "flexible"
	}
	return fmt.Sprintf("tier %d", int(t))
}

// Valid reports whether t is one of the three tiers.
func (t Tier) Valid() bool { return t >= TierNonNegotiable && t <= TierFlexible }

// Normalise checks a commitment as the store does before storing it, and
// puts it in its stored form: trimmed text, whole seconds, all-day dates at 00:00 UTC with
// an exclusive end, skipped dates sorted, the rule in upper case.
func (c *Commitment) Normalise() error {
	c.Title = strings.TrimSpace(c.Title)
	if c.Title == "" {
		return invalid(FieldTitle, "Give the commitment a title, for example “Sports day”.")
	}
	if n := utf8.RuneCountInString(c.Title); n > MaxCommitmentTitle {
		return invalid(FieldTitle, "A title holds up to %d characters; this one has %d.", MaxCommitmentTitle, n)
	}
	if !c.Tier.Valid() {
		return invalid(FieldTier, "Choose a tier: 1 non-negotiable, 2 high priority or 3 flexible.")
	}
	if c.StartsAt.IsZero() {
		return invalid(FieldStartsAt, "Choose when the commitment starts.")
	}
	c.Location = strings.TrimSpace(c.Location)
	if utf8.RuneCountInString(c.Location) > MaxCommitmentLocation {
		return invalid(FieldLocation, "A location holds up to %d characters.", MaxCommitmentLocation)
	}
	if utf8.RuneCountInString(c.Notes) > MaxCommitmentNotes {
		return invalid(FieldNotes, "Notes hold up to %d characters.", MaxCommitmentNotes)
	}
	if c.AllDay {
		c.TimeZone = ""
		c.StartsAt = dateOf(c.StartsAt)
		if c.EndsAt.IsZero() || !dateOf(c.EndsAt).After(c.StartsAt) {
			if !c.EndsAt.IsZero() && dateOf(c.EndsAt).Before(c.StartsAt) {
				return invalid(FieldEndsAt, "The last day (%s) is before the first day (%s).",
					dates.WithYear(dateOf(c.EndsAt).AddDate(0, 0, -1)), dates.WithYear(c.StartsAt))
			}
			c.EndsAt = c.StartsAt.AddDate(0, 0, 1)
		} else {
			c.EndsAt = dateOf(c.EndsAt)
		}
	} else {
		if c.TimeZone == "" || c.TimeZone == "Local" {
			c.TimeZone = zone.Local()
		}
		loc, err := zone.Load(c.TimeZone)
		if err != nil {
			return invalid(FieldTimeZone, "The time zone %q isn't known. Use a name like “Europe/London”.", c.TimeZone)
		}
		if c.EndsAt.IsZero() {
			return invalid(FieldEndsAt, "Choose when the commitment ends.")
		}
		c.StartsAt = c.StartsAt.UTC().Truncate(time.Second)
		c.EndsAt = c.EndsAt.UTC().Truncate(time.Second)
		if c.EndsAt.Before(c.StartsAt) {
			return invalid(FieldEndsAt, "It ends before it starts: the end (%s) is before the start (%s). Check the times.",
				c.EndsAt.In(loc).Format("Mon 2 Jan 15:04"), c.StartsAt.In(loc).Format("Mon 2 Jan 15:04"))
		}
	}
	for i, t := range c.ExDates {
		if c.AllDay {
			c.ExDates[i] = dateOf(t)
		} else {
			c.ExDates[i] = t.UTC().Truncate(time.Second)
		}
	}
	slices.SortFunc(c.ExDates, func(a, b time.Time) int { return a.Compare(b) })
	c.ExDates = slices.CompactFunc(c.ExDates, func(a, b time.Time) bool { return a.Equal(b) })
	if c.ExDates == nil {
		c.ExDates = []time.Time{}
	}
	c.RRule = strings.TrimPrefix(strings.ToUpper(strings.TrimSpace(c.RRule)), "RRULE:")
	if c.RRule != "" {
		se, err := compileSeries(c)
		if err != nil {
			return err
		}
		if _, ok := se.firstStart(); !ok {
			return &ValidationError{Field: FieldRRule, Message: msgNeverHappens, reason: ErrNeverHappens}
		}
	}
	return nil
}

// ErrNeverHappens is matched (errors.Is) by the ValidationError of a
// repeat that ends before its first time: a calendar import leaves such an
// event out rather than refusing the file.
var ErrNeverHappens = errors.New("the repeat never happens")

const msgNeverHappens = "This repeat never happens: it ends before its first time. Check the end of the repeat."

// dateOf is t's calendar date (read in t's own zone) at 00:00 UTC: the
// form all-day commitments keep their dates in.
func dateOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// firstStart is the series' first start that isn't skipped.
func (s *series) firstStart() (time.Time, bool) {
	if s.opt == nil {
		return s.first, !s.skip[s.first.Unix()]
	}
	for from := s.first; s.until.IsZero() || !from.After(s.until); from = from.AddDate(5, 0, 0) {
		if got := s.starts(from, from.AddDate(5, 0, 0)); len(got) > 0 {
			return got[0], true
		}
		if s.until.IsZero() && from.After(s.first.AddDate(100, 0, 0)) {
			break
		}
	}
	return time.Time{}, false
}

// over reports whether every occurrence of the series ended before now.
func (s *series) over(now time.Time) bool {
	if s.opt != nil && s.until.IsZero() {
		return false
	}
	_, end := s.span(s.until)
	return end.Before(now)
}

// SaveCommitment stores c: a new commitment when c.ID is 0, otherwise the
// changed one. It returns c as stored.
func (s *Store) SaveCommitment(c Commitment) (Commitment, error) {
	c.ExDates = slices.Clone(c.ExDates)
	if err := c.Normalise(); err != nil {
		return c, err
	}
	err := s.write(func(tx *gorm.DB) error {
		if c.ID != 0 {
			var old Commitment
			if err := tx.Where("id = ? AND deleted_at IS NULL", c.ID).Take(&old).Error; err != nil {
				return notFound(err)
			}
			c.UUID, c.CreatedAt, c.DeletedAt = old.UUID, old.CreatedAt, nil
		}
		c.Stamp(s.Now())
		return tx.Save(&c).Error
	})
	s.commitmentsChanged()
	return c, err
}

// Commitment returns the live commitment with the given id.
func (s *Store) Commitment(id int64) (Commitment, error) {
	var c Commitment
	err := s.db.Where("id = ? AND deleted_at IS NULL", id).Take(&c).Error
	return c, notFound(err)
}

// Commitments returns every live commitment, tier 1 first, then by title.
func (s *Store) Commitments() ([]Commitment, error) {
	var list []Commitment
	err := s.db.Where("deleted_at IS NULL").Order("tier, title COLLATE NOCASE, id").Find(&list).Error
	return list, classify(err)
}

// DeleteCommitment moves a commitment out of the agenda. Its history (the
// outcomes behind the kept record) stays, so RestoreCommitment can bring
// it back whole.
func (s *Store) DeleteCommitment(id int64) error {
	return s.setCommitmentDeleted(id, true)
}

// RestoreCommitment undoes DeleteCommitment.
func (s *Store) RestoreCommitment(id int64) error {
	return s.setCommitmentDeleted(id, false)
}

func (s *Store) setCommitmentDeleted(id int64, deleted bool) error {
	now := ms(s.Now())
	err := s.write(func(tx *gorm.DB) error {
		var res *gorm.DB
		if deleted {
			res = tx.Exec("UPDATE commitments SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL", now, now, id)
		} else {
			res = tx.Exec("UPDATE commitments SET deleted_at = NULL, updated_at = ? WHERE id = ? AND deleted_at IS NOT NULL", now, id)
		}
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return ErrNotFound
		}
		return nil
	})
	s.commitmentsChanged()
	return err
}

// SkipOccurrence leaves one occurrence of a repeating commitment out (an
// EXDATE), identified by its original start.
func (s *Store) SkipOccurrence(commitmentID int64, occursAt time.Time) error {
	c, err := s.Commitment(commitmentID)
	if err != nil {
		return err
	}
	if c.RRule == "" {
		return invalid(FieldOccursAt, "“%s” happens only once: delete it instead of skipping it.", c.Title)
	}
	se, err := compileSeries(&c)
	if err != nil {
		return err
	}
	if !se.has(occursAt) {
		return invalid(FieldOccursAt, "“%s” doesn't happen at that time.", c.Title)
	}
	c.ExDates = append(c.ExDates, occursAt)
	_, err = s.SaveCommitment(c)
	return err
}

// notFound turns gorm's "record not found" into ErrNotFound and classifies
// anything else.
func notFound(err error) error {
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return ErrNotFound
	}
	return classify(err)
}

// CurrentCommitments returns the live commitments that still happen: one
// that is over (a past one-off, a repeat that has ended) is left out. The
// order is that of Commitments.
func (s *Store) CurrentCommitments() ([]Commitment, error) {
	list, err := s.Commitments()
	if err != nil {
		return nil, err
	}
	set, err := s.series(s.db)
	if err != nil {
		return nil, err
	}
	now := s.Now()
	out := list[:0]
	for _, c := range list {
		if se := set.byID[c.ID]; se != nil && !se.over(now) {
			out = append(out, c)
		}
	}
	return out, nil
}
