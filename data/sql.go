package data

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"

	"github.com/ncruces/go-sqlite3"
)

// Most of the store speaks gorm, record by record. Two jobs need plain SQL
// over whole tables: the transfer package's export, which streams every row
// of every table, and its import and bulk insert, which prepare a handful of
// statements once and run them a hundred thousand times. WriteSQL and
// ReadSQL are their one way into the database. The transaction they hand
// over is begun on the connection pool under gorm, not taken from inside a
// gorm transaction, so it stays a *sql.Tx whatever gorm's statement mode
// (PrepareStmt would make gorm's own a wrapper).

// WriteSQL runs fn with a plain *sql.Tx in one IMMEDIATE transaction, in
// turn with the store's other writers: everything fn writes is stored, or
// nothing. When ctx is cancelled, the statement running is interrupted,
// the transaction rolled back, and WriteSQL returns ctx's error
// (context.Canceled): the journal is as it was before.
func (s *Store) WriteSQL(ctx context.Context, fn func(tx *sql.Tx) error) error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	// A bulk write may add or change commitments behind the compiled
	// series' back.
	defer s.commitmentsChanged()
	// The transaction runs on a connection of its own, opened for it,
	// whose SQLite may use more memory and keeps a page cache large enough
	// to hold a whole restored journal (see bulkCacheKiB).
	bulk, err := openPool(s.uri, s.path, s.key, s.busyTimeout, false)
	if err != nil {
		return cancelled(ctx, err)
	}
	defer bulk.Close()
	bulk.SetMaxOpenConns(1)
	conn, err := bulk.Conn(sqlite3.WithMaxMemory(ctx, bulkMemory))
	if err != nil {
		return cancelled(ctx, err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, cacheSize(bulkCacheKiB)); err != nil {
		return cancelled(ctx, err)
	}
	tx, err := conn.BeginTx(ctx, nil) // BEGIN IMMEDIATE: the DSN's _txlock
	if err != nil {
		return cancelled(ctx, err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return diskRefused(cancelled(ctx, err), filepath.Dir(s.path))
	}
	return diskRefused(cancelled(ctx, tx.Commit()), filepath.Dir(s.path))
}

// WriteSmallSQL is WriteSQL on one of the store's own connections, for
// transactions of a few thousand rows at most, run often (a sync round's
// bookkeeping and its batches of changes): the connection of its own that
// WriteSQL opens for a bulk job reads the whole schema anew, which costs
// more than such a transaction itself.
func (s *Store) WriteSmallSQL(ctx context.Context, fn func(tx *sql.Tx) error) error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	defer s.commitmentsChanged()
	tx, err := s.pool.BeginTx(ctx, nil) // BEGIN IMMEDIATE: the DSN's _txlock
	if err != nil {
		return cancelled(ctx, err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return diskRefused(cancelled(ctx, err), filepath.Dir(s.path))
	}
	return diskRefused(cancelled(ctx, tx.Commit()), filepath.Dir(s.path))
}

// ReadSQL runs fn in a read-only transaction: every query inside sees the
// journal as it was at the first one, so an export made while the window
// saves is still consistent. It is a plain deferred BEGIN, so writers are
// not held up while a long export runs. Cancelling ctx interrupts it with
// ctx's error.
func (s *Store) ReadSQL(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.pool.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return cancelled(ctx, err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only: nothing to keep or lose
	return cancelled(ctx, fn(tx))
}

// cancelled reports a job stopped by its context as the context's error,
// whatever form the interruption took on the way (SQLite's "interrupted",
// database/sql's ErrTxDone), and classifies anything else.
func cancelled(ctx context.Context, err error) error {
	if err == nil {
		return nil
	}
	if ctxErr := ctx.Err(); ctxErr != nil && !errors.Is(err, ctxErr) {
		return ctxErr
	}
	return classify(err)
}
