package data

import (
	"context"
	"database/sql"
	"encoding/hex"
	"strconv"
	"time"
	"unsafe"

	"github.com/ncruces/go-sqlite3"
	"github.com/ncruces/go-sqlite3/driver"
	"github.com/ncruces/go-sqlite3/ext/fts5"
	_ "github.com/ncruces/go-sqlite3/vfs/adiantum" // registers the "adiantum" VFS
)

// The engine is SQLite 3.5x compiled to Go by github.com/ncruces/go-sqlite3
// (pure Go, no cgo), under gorm through glebarez's dialector, which is
// handed the connection pool (sqlite.Dialector{Conn: …}). One engine serves
// plain and encrypted journals alike: an encrypted journal only adds the
// "adiantum" VFS, which encrypts every page of the database, its WAL and
// SQLite's temporary files, and the key, set first on each connection.
// docs/ENCRYPTION.md says why adiantum and how the key is kept.

// cipherVFS is the VFS of encrypted journals and their backups.
const cipherVFS = "adiantum"

// KeySize is the length of a journal's data key in bytes.
const KeySize = 32

// The page cache of a connection, in KiB: 32 MB as a rule; up to 640 MB
// on the connection of a bulk write (an import, WriteSQL), whose one
// transaction would otherwise spill pages to the WAL and read them back,
// decrypting them again in an encrypted journal: restoring the 465 MB demo
// journal encrypted took 26 s with 32 MB, 19–20 s with 128 MB. SQLite on
// a connection may use 256 MB in all unless told otherwise (bulkMemory);
// the cache grows only as far as the journal needs.
const (
	normalCacheKiB = 32000
	bulkCacheKiB   = 640 << 10
	bulkMemory     = 1 << 30
)

func cacheSize(kib int) string { return "PRAGMA cache_size = -" + strconv.Itoa(kib) }

// connPragmas are run on every new connection, after the key and the busy
// timeout (how long a statement waits for another process's lock):
//
//   - a 32 MB page cache rather than 2 MB: a search of the 100,000-entry
//     journal reads entry pages that don't fit in 2 MB, and each page read
//     again costs a read and, in an encrypted journal, a decryption.
//   - WAL lets the window read while a save commits.
//   - synchronous=FULL syncs the WAL on every commit: a private journal
//     must not lose an acknowledged entry to a power cut, and FULL costs
//     about 2 ms a commit against NORMAL's 0.3 ms, well inside the save
//     budget.
//   - foreign_keys: the schema's references are enforced.
func connPragmas(readOnly bool) []string {
	p := []string{cacheSize(normalCacheKiB)}
	if !readOnly {
		p = append(p, "PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON")
	}
	return p
}

// openPool opens the connection pool of the journal at path (uri, as
// sqliteURI writes it). key is the data key of an encrypted journal (nil
// for a plain one); the pool's connections read it when they open, so it
// must stay intact until the pool is closed.
func openPool(uri, path string, key []byte, busy time.Duration, readOnly bool) (*sql.DB, error) {
	pragmas := connPragmas(readOnly)
	return driver.Open(dsn(uri, path, key != nil, readOnly), func(c *sqlite3.Conn) error {
		if key != nil {
			if err := setKey(c, key); err != nil {
				return err
			}
		}
		// Before anything reads the file, which may be locked by another
		// process: the driver's default is a minute.
		if err := c.BusyTimeout(busy); err != nil {
			return err
		}
		// FTS5 is a separate module in this build of SQLite, and every
		// connection needs it before the schema (entries_fts) is read.
		// It is registered here, after the key, rather than for every
		// connection with sqlite3.AutoExtension: registering it reads the
		// file, which fails on an encrypted journal whose key is not set
		// yet ("unable to open database file").
		if err := fts5.Register(c); err != nil {
			return err
		}
		for _, p := range pragmas {
			if err := c.Exec(p); err != nil {
				return err
			}
		}
		return nil
	})
}

// setKey hands the connection its data key with PRAGMA hexkey, which must
// come before anything reads the file. The statement is built in a buffer
// that is wiped afterwards rather than in a string, which Go could leave
// anywhere in memory (SQLite copies the text and frees it).
func setKey(c *sqlite3.Conn, key []byte) error {
	stmt := make([]byte, 0, len("PRAGMA hexkey=''")+2*len(key))
	stmt = append(stmt, "PRAGMA hexkey='"...)
	stmt = hex.AppendEncode(stmt, key)
	stmt = append(stmt, '\'')
	defer clear(stmt)
	return c.Exec(bytesString(stmt))
}

// bytesString is b as a string without a copy, for SQL text that holds a
// key: the caller wipes b once the statement has run.
func bytesString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// copyPages copies the journal page by page into the new database at uri
// with SQLite's online backup API, 4 MB a step, so ctx can stop it between
// two. A step that finds the journal changed by another connection starts
// the copy again, so what is copied is always one snapshot.
//
// It replaced VACUUM INTO, which rebuilds every b-tree: with this engine
// that took 2.3–2.4 s for the 465 MB demo journal (plain or encrypted),
// over the 2 s budget, against 1.0 s plain and 1.6 s encrypted page by page
// (docs/PERFORMANCE.md).
func (s *Store) copyPages(ctx context.Context, uri string, progress func(done, total int64)) error {
	conn, err := s.pool.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Raw(func(dc any) error {
		b, err := dc.(driver.Conn).Raw().BackupInit("main", uri)
		if err != nil {
			return err
		}
		for {
			if err := ctx.Err(); err != nil {
				b.Close()
				return err
			}
			done, err := b.Step(1024)
			if err != nil {
				b.Close()
				return err
			}
			if progress != nil {
				total := int64(b.PageCount())
				progress(total-int64(b.Remaining()), total)
			}
			if done {
				if err := b.Close(); err != nil {
					return err
				}
				return ctx.Err() // stopped as the last step ran: the copy is not kept
			}
		}
	})
}
