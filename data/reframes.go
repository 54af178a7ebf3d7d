package data

import (
	"strings"
	"unicode/utf8"

	"gorm.io/gorm"

	"github.com/bothand/bothand/data/prose"
)

// maxStory is the longest old or new story (the reframes table's limit).
const maxStory = 2000

// Reframes returns the reframes in the person's order: the four built-in
// old-story/new-story pairs and any of their own.
func (s *Store) Reframes() ([]Reframe, error) {
	var list []Reframe
	err := s.db.Where("deleted_at IS NULL").Order("position, id").Find(&list).Error
	return list, classify(err)
}

// SaveReframe stores one of the person's own reframes: a new one (ID 0)
// goes after the others; an existing one gets its stories replaced. The
// built-in four are the text's own and are not edited.
func (s *Store) SaveReframe(r Reframe) (Reframe, error) {
	r.OldStory, r.NewStory = strings.TrimSpace(r.OldStory), strings.TrimSpace(r.NewStory)
	for _, f := range []struct {
		field      Field
		name, text string
	}{
		{FieldOldStory, "The old story", r.OldStory},
		{FieldNewStory, "The new story", r.NewStory},
	} {
		if !utf8.ValidString(f.text) {
			return r, invalid(f.field, "%s holds bytes that are not text. Type or paste it again as plain text.", f.name)
		}
		if f.text == "" {
			return r, invalid(f.field, "%s is empty. Write it in a sentence, in your own words.", f.name)
		}
		if n := utf8.RuneCountInString(f.text); n > maxStory {
			return r, invalid(f.field, "%s holds up to %s characters; this one has %s.", f.name, prose.Thousands(maxStory), prose.Thousands(n))
		}
	}
	err := s.write(func(tx *gorm.DB) error {
		now := s.Now()
		if r.ID == 0 {
			var last int
			if err := tx.Raw("SELECT coalesce(max(position), 0) FROM reframes").Scan(&last).Error; err != nil {
				return err
			}
			r.Position, r.BuiltinKey, r.DeletedAt = last+1, nil, nil
			r.Stamp(now)
			return tx.Create(&r).Error
		}
		var old Reframe
		if err := tx.Take(&old, r.ID).Error; err != nil {
			return notFound(err)
		}
		if old.BuiltinKey != nil {
			return invalid(FieldReframe, "The four built-in reframes stay as they are. Write your own version as a new reframe.")
		}
		if old.DeletedAt != nil {
			return ErrNotFound
		}
		r.UUID, r.CreatedAt, r.Position, r.BuiltinKey, r.DeletedAt = old.UUID, old.CreatedAt, old.Position, nil, nil
		r.Stamp(now)
		return tx.Save(&r).Error
	})
	return r, err
}

// DeleteReframe removes one of the person's own reframes. Entries it helped
// keep their link in the database, so the count comes back if it is ever
// restored; they simply no longer show it.
func (s *Store) DeleteReframe(id int64) error {
	return s.write(func(tx *gorm.DB) error {
		var r Reframe
		if err := tx.Take(&r, id).Error; err != nil {
			return notFound(err)
		}
		if r.BuiltinKey != nil {
			return invalid(FieldReframe, "The four built-in reframes stay; you can add your own beside them.")
		}
		return tx.Exec("UPDATE reframes SET deleted_at = ?, updated_at = ? WHERE id = ?", ms(s.Now()), ms(s.Now()), id).Error
	})
}

// ReframeHelped counts, for each reframe, the journal entries (not in the
// trash) it was marked as helping with.
func (s *Store) ReframeHelped() (map[int64]int, error) {
	var rows []struct {
		ReframeID int64
		N         int
	}
	err := s.db.Raw(`SELECT reframe_id, count(*) AS n FROM entries
		WHERE reframe_id IS NOT NULL AND deleted_at IS NULL GROUP BY reframe_id`).Scan(&rows).Error
	out := make(map[int64]int, len(rows))
	for _, r := range rows {
		out[r.ReframeID] = r.N
	}
	return out, classify(err)
}
