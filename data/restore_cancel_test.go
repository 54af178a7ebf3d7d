package data

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// countdown is a context cancelled the n-th time its error is asked for:
// walking n from 1 up stops a job at each place where it looks whether to
// go on, one after the other.
type countdown struct {
	context.Context
	left atomic.Int64
	done chan struct{}
	once sync.Once
}

func newCountdown(n int64) *countdown {
	c := &countdown{Context: context.Background(), done: make(chan struct{})}
	c.left.Store(n)
	return c
}

func (c *countdown) Done() <-chan struct{} { return c.done }

func (c *countdown) Err() error {
	if c.left.Add(-1) > 0 {
		return nil
	}
	c.once.Do(func() { close(c.done) })
	return context.Canceled
}

// files lists the names in dir and in its backups folder.
func files(t *testing.T, dir string) []string {
	t.Helper()
	var names []string
	for _, d := range []string{dir, filepath.Join(dir, "backups")} {
		items, err := os.ReadDir(d)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			t.Fatal(err)
		}
		for _, item := range items {
			names = append(names, filepath.Join(filepath.Base(d), item.Name()))
		}
	}
	slices.Sort(names)
	return names
}

// A restore cancelled at any point before the swap leaves the journal as
// it was, byte for byte, and leaves nothing of its own behind (no checked
// copy, no saved journal); once past the last point it completes.
func TestRestoreCancelledAnywhereLeavesTheJournalAsItWas(t *testing.T) {
	t.Parallel()
	now := epoch
	s := openTemp(t, clockAt(&now))
	path := s.Path()
	if _, err := s.AddSlip("In the backup.", true); err != nil {
		t.Fatal(err)
	}
	backup, err := s.Backup(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	now = now.Add(time.Minute)
	if _, err := s.AddSlip("Written after the backup.", false); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before, names := fileHash(t, path), files(t, filepath.Dir(path))

	for n := int64(1); ; n++ {
		if n > 100 {
			t.Fatal("the restore never completed")
		}
		s, err := Open(path, Options{Now: func() time.Time { return now }})
		if err != nil {
			t.Fatal(err)
		}
		now = now.Add(time.Second) // a new name for each saved journal
		_, err = s.Restore(newCountdown(n), backup)
		if err == nil {
			if n < 3 {
				t.Errorf("the restore looked at its context only %d times", n-1)
			}
			break
		}
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("stopped at look %d: %v, want context.Canceled", n, err)
		}
		if fileHash(t, path) != before {
			t.Fatalf("stopped at look %d, the journal file changed", n)
		}
		if got := files(t, filepath.Dir(path)); !slices.Equal(got, names) {
			t.Fatalf("stopped at look %d, files are\n%v\nwere\n%v", n, got, names)
		}
	}
	r, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if slips, _ := r.Slips(); len(slips) != 1 || slips[0].Text != "In the backup." {
		t.Errorf("after the restore: %+v", slips)
	}
}

// The same for a journal that is not open (RestoreBackup), whose saved
// copy is made without the store.
func TestRestoreBackupCancelledLeavesTheJournalAsItWas(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	path := s.Path()
	if _, err := s.AddSlip("In the backup.", true); err != nil {
		t.Fatal(err)
	}
	backup, err := s.Backup(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddSlip("Written after the backup.", false); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before, names := fileHash(t, path), files(t, filepath.Dir(path))
	for n := int64(1); ; n++ {
		if n > 100 {
			t.Fatal("the restore never completed")
		}
		_, err := RestoreBackup(newCountdown(n), path, backup, Options{})
		if err == nil {
			break
		}
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("stopped at look %d: %v", n, err)
		}
		if fileHash(t, path) != before || !slices.Equal(files(t, filepath.Dir(path)), names) {
			t.Fatalf("stopped at look %d, the journal or its folder changed", n)
		}
	}
}

// A backup cancelled part-way leaves no file.
func TestBackupCancelledLeavesNoFile(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	if _, err := s.AddSlip("Keep me.", true); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	target := filepath.Join(t.TempDir(), "copy.db")
	if err := s.BackupTo(ctx, target); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if _, err := os.Stat(target); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a cancelled backup left %s: %v", target, err)
	}
}
