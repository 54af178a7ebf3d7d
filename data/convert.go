package data

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// ErrConvertFailed marks a conversion (encryption turned on or off) that
// stopped before the swap: the journal is as it was.
var ErrConvertFailed = errors.New("the journal could not be converted")

func init() {
	advice[ErrConvertFailed] = "Your journal was not changed."
}

// Convert rewrites the journal at path under another key: from is its key
// now (nil when plain), to the key it will have (nil for plain). A copy is
// written beside it page by page with the new key, synced, opened with
// that key and checked (SQLite's quick_check, and the same number of rows
// in every table the person writes in), then renamed over the journal in
// one step. Killed at any moment, the path holds the old journal or the
// new one, whole; the rename replaces the old file's name, and what the
// disk does with its blocks is up to it (see docs/ENCRYPTION.md).
//
// The journal must not be open in this process; another process holding
// it open makes Convert fail with ErrLocked before the swap. Cancelling
// ctx stops it before the swap, the journal unchanged.
func Convert(ctx context.Context, path string, from, to []byte, opts Options) error {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	opts.Key = from
	s, err := Open(abs, opts)
	if err != nil {
		return err
	}
	defer s.Close()
	f, err := os.CreateTemp(filepath.Dir(abs), "."+journalBase(abs)+"-converting-*.db")
	if err != nil {
		return fmt.Errorf("%w: %v", ErrFolderLocked, err)
	}
	tmp := f.Name()
	f.Close()
	os.Remove(tmp) // CopyTo reserves the name again, privately
	fail := func(err error) error {
		removeJournalFiles(tmp)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("%w: %w", ErrConvertFailed, err)
	}
	// The copy is most of the work; the check after it reads the copy
	// once more, about a tenth of it.
	var pages int64
	copied := func(done, total int64) {
		pages = total
		if opts.Progress != nil {
			opts.Progress(done, total+total/10)
		}
	}
	if err := s.copyTo(ctx, tmp, to, copied); err != nil {
		return fail(err)
	}
	if err := syncFile(tmp); err != nil {
		return fail(err)
	}
	if err := sameRecords(ctx, s, tmp, to, opts); err != nil {
		return fail(err)
	}
	if opts.Progress != nil {
		opts.Progress(pages+pages/10, pages+pages/10)
	}
	if err := s.Close(); err != nil {
		return fail(err)
	}
	if err := ctx.Err(); err != nil {
		return fail(err)
	}
	if err := replaceJournal(abs, tmp, opts.Now, from); err != nil {
		removeJournalFiles(tmp)
		return err
	}
	return nil
}

// sameRecords opens the copy at path with key and checks it against s.
func sameRecords(ctx context.Context, s *Store, path string, key []byte, opts Options) error {
	opts.Key = key
	c, err := Open(path, opts)
	if err != nil {
		return err
	}
	defer c.Close()
	var check string
	if err := c.db.WithContext(ctx).Raw("PRAGMA quick_check").Row().Scan(&check); err != nil {
		return classify(err)
	}
	if check != "ok" {
		return fmt.Errorf("%w (%s)", ErrDamaged, check)
	}
	for _, table := range append([]string{"tags", "reframes", "settings"}, personTables...) {
		var a, b int64
		if err := s.db.WithContext(ctx).Table(table).Count(&a).Error; err != nil {
			return classify(err)
		}
		if err := c.db.WithContext(ctx).Table(table).Count(&b).Error; err != nil {
			return classify(err)
		}
		if a != b {
			return fmt.Errorf("the copy has %d rows in %s, the journal %d", b, table, a)
		}
	}
	return nil
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}
