package transfer

import (
	"context"
	"database/sql"
	"fmt"
)

// While entries are restored into a journal that had none, the full-text
// index is not kept in step row by row: the insert trigger is set aside and
// the index is rebuilt from the entries once at the end. Kept in step, a
// 100,000-entry restore spent 40% of its time merging index segments that
// the next statement's flush merged again (fts5IndexMergeLevel in the
// profile); one rebuild tokenizes each entry once and writes few segments.
// Both the trigger and the index change inside the import's transaction,
// so a failed import rolls them back with everything else. Merging into a
// journal that already holds entries keeps the trigger: it adds few
// entries at a time.
const ftsInsertTrigger = "entries_fts_insert"

// The rebuild gathers terms in memory up to rebuildHashSize before writing
// a segment (FTS5's default, restored after it, is 1 MB): with the default,
// half the rebuild went to merging the many small segments it wrote.
const (
	rebuildHashSize = 32 << 20
	defaultHashSize = 1 << 20
)

// pauseIndexing sets the index's insert trigger aside for the rest of the
// import, remembering its definition.
func (im *importer) pauseIndexing() error {
	if im.indexTrigger != "" {
		return nil
	}
	var def string
	if err := im.tx.QueryRowContext(im.ctx, `SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?`, ftsInsertTrigger).Scan(&def); err != nil {
		return fmt.Errorf("reading the index trigger: %w", err)
	}
	if _, err := im.tx.ExecContext(im.ctx, `DROP TRIGGER `+ftsInsertTrigger); err != nil {
		return err
	}
	im.indexTrigger = def
	return nil
}

// resumeIndexing puts the trigger back and rebuilds the index from the
// entries, so the journal is searchable exactly as if each entry had been
// written by hand.
func (im *importer) resumeIndexing() error {
	if im.indexTrigger == "" {
		return nil
	}
	if _, err := im.tx.ExecContext(im.ctx, im.indexTrigger); err != nil {
		return fmt.Errorf("restoring the index trigger: %w", err)
	}
	im.indexTrigger = ""
	for _, q := range []string{
		`INSERT INTO entries_fts (entries_fts, rank) VALUES ('hashsize', ` + fmt.Sprint(rebuildHashSize) + `)`,
		`INSERT INTO entries_fts (entries_fts) VALUES ('rebuild')`,
		`INSERT INTO entries_fts (entries_fts, rank) VALUES ('hashsize', ` + fmt.Sprint(defaultHashSize) + `)`,
	} {
		if _, err := im.tx.ExecContext(im.ctx, q); err != nil {
			return err
		}
	}
	return nil
}

// PauseIndexing sets the index's insert trigger aside inside tx, for
// another bulk writer of entries into a journal that has none (a journal
// built from a sync folder); resume puts it back and rebuilds the index,
// inside the same transaction.
func PauseIndexing(ctx context.Context, tx *sql.Tx) (resume func() error, err error) {
	im := &importer{ctx: ctx, tx: tx}
	if err := im.pauseIndexing(); err != nil {
		return nil, err
	}
	return im.resumeIndexing, nil
}
