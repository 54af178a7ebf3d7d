package data

import (
	"time"
	"unicode/utf8"

	"gorm.io/gorm"

	"github.com/bothand/bothand/data/prose"
)

// breakFields names the break's three answers for messages about them.
var breakFields = []struct {
	field Field
	name  string
	get   func(*CompassionSession) string
}{
	{FieldAcknowledge, "Notice the moment", func(c *CompassionSession) string { return c.Acknowledge }},
	{FieldNormalise, "You are not the only one", func(c *CompassionSession) string { return c.Normalise }},
	{FieldKindness, "Offer yourself kindness", func(c *CompassionSession) string { return c.Kindness }},
}

func checkBreak(c *CompassionSession) error {
	for _, f := range breakFields {
		text := f.get(c)
		if !utf8.ValidString(text) {
			return invalid(f.field, "%s: this answer holds bytes that are not text. Paste it again as plain text.", f.name)
		}
		if n := utf8.RuneCountInString(text); n > MaxFieldLen {
			return invalid(f.field, "%s: this answer is %s characters long; one answer holds up to %s. Nothing was cut: shorten it a little.",
				f.name, prose.Thousands(n), prose.Thousands(MaxFieldLen))
		}
	}
	return nil
}

// SaveBreak stores a self-compassion break as it stands: a new one (ID 0)
// is started now, optionally linked to the journal entry it is for; an
// existing one gets its answers replaced. The break is saved at every step,
// so leaving half-way loses nothing. It returns the break as stored.
func (s *Store) SaveBreak(c CompassionSession) (CompassionSession, error) {
	return s.saveBreak(c, false)
}

// FinishBreak saves the answers and marks the break finished. Finishing
// twice keeps the first time.
func (s *Store) FinishBreak(c CompassionSession) (CompassionSession, error) {
	return s.saveBreak(c, true)
}

func (s *Store) saveBreak(c CompassionSession, finish bool) (CompassionSession, error) {
	if err := checkBreak(&c); err != nil {
		return c, err
	}
	err := s.write(func(tx *gorm.DB) error {
		now := s.Now()
		if c.EntryID != nil {
			var n int
			if err := tx.Raw("SELECT count(*) FROM entries WHERE id = ?", *c.EntryID).Scan(&n).Error; err != nil {
				return err
			}
			if n == 0 {
				c.EntryID = nil // the entry went while the break was open; the break still counts
			}
		}
		if c.ID == 0 {
			c.StartedAt = now
			c.FinishedAt = nil
		} else {
			var old CompassionSession
			if err := tx.Take(&old, c.ID).Error; err != nil {
				return notFound(err)
			}
			c.UUID, c.CreatedAt, c.StartedAt, c.FinishedAt = old.UUID, old.CreatedAt, old.StartedAt, old.FinishedAt
		}
		if finish && c.FinishedAt == nil {
			c.FinishedAt = &now
		}
		c.Stamp(now)
		return tx.Save(&c).Error
	})
	return c, err
}

// Breaks returns the latest self-compassion breaks, newest first.
func (s *Store) Breaks(limit int) ([]CompassionSession, error) {
	var list []CompassionSession
	err := s.db.Order("started_at DESC, id DESC").Limit(limit).Find(&list).Error
	return list, classify(err)
}

// EntryBreaks returns the breaks taken for an entry, oldest first.
func (s *Store) EntryBreaks(entryID int64) ([]CompassionSession, error) {
	var list []CompassionSession
	err := s.db.Where("entry_id = ?", entryID).Order("started_at, id").Find(&list).Error
	return list, classify(err)
}

// DeleteBreak removes a break for good.
func (s *Store) DeleteBreak(id int64) error {
	return s.write(func(tx *gorm.DB) error {
		res := tx.Exec("DELETE FROM compassion_sessions WHERE id = ?", id)
		if res.Error == nil && res.RowsAffected == 0 {
			return ErrNotFound
		}
		return res.Error
	})
}

// ImportBreaks stores finished breaks as given, times included, in one
// transaction: how a history of practice is brought in at once, as the demo
// journal does.
func (s *Store) ImportBreaks(list []CompassionSession) error {
	for i := range list {
		if err := checkBreak(&list[i]); err != nil {
			return err
		}
	}
	return s.write(func(tx *gorm.DB) error {
		now := s.Now()
		for i := range list {
			c := list[i]
			c.ID = 0
			if c.StartedAt.IsZero() {
				c.StartedAt = now
			}
			c.StartedAt = c.StartedAt.UTC().Truncate(time.Millisecond)
			if c.FinishedAt != nil {
				f := c.FinishedAt.UTC().Truncate(time.Millisecond)
				c.FinishedAt = &f
			}
			c.Stamp(now)
			if err := tx.Create(&c).Error; err != nil {
				return err
			}
		}
		return nil
	})
}
