package replica

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/bothand/bothand/data"
)

// A conflicted copy is an entry with conflict_at set: the version of an
// entry's text that another computer wrote at the same time, kept beside
// the entry (conflict_of) or, when the entry was deleted for good
// elsewhere, alone. The window lists them with both texts side by side;
// the person keeps one or both. Whatever is not kept goes to the trash, so
// a choice made in haste can still be undone.

// EntryText is an entry's text as the conflicts list shows it.
type EntryText struct {
	ID         int64
	UUID       string
	HappenedAt time.Time
	UpdatedAt  time.Time
	Trigger    string
	Story      string
	Friend     string
}

// Conflict is one conflicted copy and the entry it was copied from.
type Conflict struct {
	Copy EntryText
	// Entry is nil when the entry was deleted for good on another computer
	// while this text was written here (or the other way round).
	Entry *EntryText
	At    time.Time // when the copy was made
}

// Conflicts lists the conflicted copies not yet resolved, newest first.
func Conflicts(ctx context.Context, s *data.Store) ([]Conflict, error) {
	var out []Conflict
	err := s.ReadSQL(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT c.id, c.uuid, c.happened_at, c.updated_at, c.trigger_text, c.story, c.friend, c.conflict_at,
			e.id, e.uuid, e.happened_at, e.updated_at, e.trigger_text, e.story, e.friend
			FROM entries c LEFT JOIN entries e ON e.id = c.conflict_of_id
			WHERE c.conflict_at IS NOT NULL ORDER BY c.conflict_at DESC, c.id DESC`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var c Conflict
			var happened, updated, at int64
			var eid, ehappened, eupdated sql.NullInt64
			var euuid, etrig, estory, efriend sql.NullString
			if err := rows.Scan(&c.Copy.ID, &c.Copy.UUID, &happened, &updated, &c.Copy.Trigger, &c.Copy.Story, &c.Copy.Friend, &at,
				&eid, &euuid, &ehappened, &eupdated, &etrig, &estory, &efriend); err != nil {
				return err
			}
			c.Copy.HappenedAt, c.Copy.UpdatedAt, c.At = time.UnixMilli(happened).UTC(), time.UnixMilli(updated).UTC(), time.UnixMilli(at).UTC()
			if eid.Valid {
				c.Entry = &EntryText{
					ID: eid.Int64, UUID: euuid.String, HappenedAt: fromMS(ehappened), UpdatedAt: fromMS(eupdated),
					Trigger: etrig.String, Story: estory.String, Friend: efriend.String,
				}
			}
			out = append(out, c)
		}
		return rows.Err()
	})
	return out, err
}

// Keep says which text a resolved conflict keeps.
type Keep int

const (
	// KeepEntry keeps the entry's text; the copy goes to the trash.
	KeepEntry Keep = iota
	// KeepCopy puts the copy's text into the entry; the copy goes to the
	// trash. A copy whose entry was deleted stays, as an ordinary entry.
	KeepCopy
	// KeepBoth keeps the copy as an ordinary entry beside the entry.
	KeepBoth
)

// ErrNoConflict: the entry is not (or no longer) a conflicted copy.
var ErrNoConflict = errors.New("that entry is not a conflicted copy (any more)")

// Resolve settles the conflicted copy copyID as the person chose. It is an
// ordinary edit of the journal, and syncs like one.
func Resolve(ctx context.Context, s *data.Store, copyID int64, keep Keep) error {
	now := s.Now().UnixMilli()
	return s.WriteSmallSQL(ctx, func(tx *sql.Tx) error {
		var entry sql.NullInt64
		err := tx.QueryRowContext(ctx, `SELECT conflict_of_id FROM entries WHERE id = ? AND conflict_at IS NOT NULL`, copyID).Scan(&entry)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNoConflict
		}
		if err != nil {
			return err
		}
		trashCopy := `UPDATE entries SET conflict_at = NULL, conflict_of_id = NULL, deleted_at = ?, updated_at = ? WHERE id = ?`
		switch {
		case keep == KeepBoth || (keep == KeepCopy && !entry.Valid):
			_, err = tx.ExecContext(ctx, `UPDATE entries SET conflict_at = NULL, conflict_of_id = NULL, updated_at = ? WHERE id = ?`, now, copyID)
		case keep == KeepEntry:
			_, err = tx.ExecContext(ctx, trashCopy, now, now, copyID)
		case keep == KeepCopy:
			_, err = tx.ExecContext(ctx, `UPDATE entries SET (trigger_text, story, friend) =
				(SELECT trigger_text, story, friend FROM entries WHERE id = ?), updated_at = ? WHERE id = ?`, copyID, now, entry.Int64)
			if err == nil {
				_, err = tx.ExecContext(ctx, trashCopy, now, now, copyID)
			}
		default:
			return fmt.Errorf("unknown choice %d", keep)
		}
		return err
	})
}
