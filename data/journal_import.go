package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
)

// ImportEntries stores many entries in one transaction, with their tags
// (matched by name like SaveEntry's), trash state and reframe links. It is
// the path for imports and generated journals: one statement prepared once
// and one commit for the lot, where SaveEntry would commit each entry. The
// full-text index follows through its triggers, as for every write. Entries
// are checked like SaveEntry's; the first refused one stops the import and
// nothing of it is stored. IDs and UUIDs are filled in place.
func (s *Store) ImportEntries(entries []Entry) error {
	for i := range entries {
		if err := s.checkEntry(&entries[i]); err != nil {
			return fmt.Errorf("entry %d: %w", i+1, err)
		}
	}
	return s.write(func(tx *gorm.DB) error {
		ctx := context.Background()
		pool := tx.Statement.ConnPool
		insert, err := pool.PrepareContext(ctx, `INSERT INTO entries (uuid, happened_at, trigger_text, story, friend,
			intensity, kind, commitment_id, reframe_id, deleted_at, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer insert.Close()
		link, err := pool.PrepareContext(ctx, "INSERT OR IGNORE INTO entry_tags (entry_id, tag_id) VALUES (?, ?)")
		if err != nil {
			return err
		}
		defer link.Close()

		var known []Tag
		if err := tx.Find(&known).Error; err != nil {
			return err
		}
		tagIDs := make(map[string]int64, len(known))
		for _, t := range known {
			tagIDs[strings.ToLower(t.Name)] = t.ID
		}
		now := s.Now()
		for i := range entries {
			e := &entries[i]
			e.stamp(now)
			res, err := insert.ExecContext(ctx, e.UUID, ms(e.HappenedAt), e.Trigger, e.Story, e.Friend,
				e.Intensity, string(e.Kind), nullID(e.CommitmentID), nullID(e.ReframeID), nullTime(e.DeletedAt),
				ms(e.CreatedAt), ms(e.UpdatedAt))
			if err != nil {
				return fmt.Errorf("entry %d: %w", i+1, err)
			}
			if e.ID, err = res.LastInsertId(); err != nil {
				return err
			}
			for _, name := range tagNames(e.Tags) {
				id, ok := tagIDs[strings.ToLower(name)]
				if !ok {
					created, err := ensureTags(tx, []string{name}, now)
					if err != nil {
						return err
					}
					id = created[0].ID
					tagIDs[strings.ToLower(name)] = id
				}
				if _, err := link.ExecContext(ctx, e.ID, id); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

func nullID(id *int64) sql.NullInt64 {
	if id == nil {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: *id, Valid: true}
}

func nullTime(t *time.Time) sql.NullInt64 {
	if t == nil || t.IsZero() {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: ms(*t), Valid: true}
}
