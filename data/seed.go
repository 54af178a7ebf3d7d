package data

import (
	"github.com/bothand/bothand/assets"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// seed adds the built-in tags and reframes a new or upgraded journal lacks.
// Rows are matched by builtin_key, so the person's own edits and any rows
// already there are left alone.
func (s *Store) seed() error {
	return s.write(func(tx *gorm.DB) error {
		now := s.Now()
		for _, t := range assets.Tags() {
			key := t.Key
			tag := Tag{Name: t.Name, BuiltinKey: &key}
			tag.stamp(now)
			if err := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&tag).Error; err != nil {
				return err
			}
		}
		for i, r := range assets.Reframes() {
			key := r.Key
			rf := Reframe{OldStory: r.Old, NewStory: r.New, BuiltinKey: &key, Position: i + 1}
			rf.stamp(now)
			if err := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&rf).Error; err != nil {
				return err
			}
		}
		return nil
	})
}
