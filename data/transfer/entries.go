package transfer

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/bothand/bothand/data"
)

// ImportEntries stores many entries in one transaction, with their tags
// (matched by name, ignoring case, like SaveEntry's), trash state and
// reframe links. It is the path for generated journals and other bulk
// writes: one statement prepared once and one commit for the lot, where
// SaveEntry would commit each entry. The full-text index follows through
// its triggers, as for every write. Entries are checked like SaveEntry's;
// the first refused one stops the import and nothing of it is stored, as
// when ctx is cancelled. IDs and UUIDs are filled in place.
func ImportEntries(ctx context.Context, s *data.Store, entries []data.Entry) error {
	for i := range entries {
		if err := s.CheckEntry(&entries[i]); err != nil {
			return fmt.Errorf("entry %d: %w", i+1, err)
		}
	}
	return s.WriteSQL(ctx, func(tx *sql.Tx) error {
		insert, err := tx.PrepareContext(ctx, `INSERT INTO entries (uuid, happened_at, trigger_text, story, friend,
			intensity, kind, commitment_id, reframe_id, deleted_at, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer insert.Close()
		link, err := tx.PrepareContext(ctx, "INSERT OR IGNORE INTO entry_tags (entry_id, tag_id) VALUES (?, ?)")
		if err != nil {
			return err
		}
		defer link.Close()
		tags, err := newTagIndex(ctx, tx)
		if err != nil {
			return err
		}
		now := s.Now()
		for i := range entries {
			if i%progressEvery == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			e := &entries[i]
			e.Stamp(now)
			res, err := insert.ExecContext(ctx, e.UUID, e.HappenedAt.UnixMilli(), e.Trigger, e.Story, e.Friend,
				e.Intensity, string(e.Kind), nullID(e.CommitmentID), nullID(e.ReframeID), nullTime(e.DeletedAt),
				e.CreatedAt.UnixMilli(), e.UpdatedAt.UnixMilli())
			if err != nil {
				return fmt.Errorf("entry %d: %w", i+1, err)
			}
			if e.ID, err = res.LastInsertId(); err != nil {
				return err
			}
			for _, name := range data.TagNames(e.Tags) {
				id, err := tags.id(ctx, name, now)
				if err != nil {
					return err
				}
				if _, err := link.ExecContext(ctx, e.ID, id); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// tagIndex finds tags by name, ignoring case, and adds the missing ones as
// the person's own.
type tagIndex struct {
	tx  *sql.Tx
	ids map[string]int64 // lower-case name -> id
}

func newTagIndex(ctx context.Context, tx *sql.Tx) (*tagIndex, error) {
	rows, err := tx.QueryContext(ctx, "SELECT id, name FROM tags")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	ti := &tagIndex{tx: tx, ids: map[string]int64{}}
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, err
		}
		ti.ids[strings.ToLower(name)] = id
	}
	return ti, rows.Err()
}

func (ti *tagIndex) id(ctx context.Context, name string, now time.Time) (int64, error) {
	if id, ok := ti.ids[strings.ToLower(name)]; ok {
		return id, nil
	}
	t := data.Tag{Name: name}
	t.Stamp(now)
	res, err := ti.tx.ExecContext(ctx, "INSERT INTO tags (uuid, name, created_at, updated_at) VALUES (?, ?, ?, ?)",
		t.UUID, t.Name, t.CreatedAt.UnixMilli(), t.UpdatedAt.UnixMilli())
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	ti.ids[strings.ToLower(name)] = id
	return id, err
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
	return sql.NullInt64{Int64: t.UnixMilli(), Valid: true}
}
