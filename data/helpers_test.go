package data

import (
	"testing"
	"time"

	"gorm.io/gorm"
)

// epoch is a fixed clock for tests that need one.
var epoch = time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)

func ptr[T any](v T) *T { return &v }

// addEntries stores many entries in one transaction, checked like
// SaveEntry's and with their tags matched by name: what
// transfer.ImportEntries does, which data's own tests can't import.
func addEntries(t testing.TB, s *Store, entries []Entry) {
	t.Helper()
	for i := range entries {
		if err := s.CheckEntry(&entries[i]); err != nil {
			t.Fatalf("entry %d: %v", i+1, err)
		}
	}
	err := s.write(func(tx *gorm.DB) error {
		now := s.Now()
		for i := range entries {
			entries[i].Stamp(now)
		}
		if err := tx.Omit("Tags").CreateInBatches(entries, 100).Error; err != nil {
			return err
		}
		for i := range entries {
			e := &entries[i]
			if len(e.Tags) == 0 {
				continue
			}
			tags, err := ensureTags(tx, TagNames(e.Tags), now)
			if err != nil {
				return err
			}
			for _, tag := range tags {
				if err := tx.Exec("INSERT INTO entry_tags (entry_id, tag_id) VALUES (?, ?)", e.ID, tag.ID).Error; err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
