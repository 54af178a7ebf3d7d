package tray

import (
	"log/slog"
	"sync"
	"time"

	"github.com/bothand/bothand/data"
)

// closeAfter is how long the tray keeps the journal open after its last
// use: long enough for the few calls of one tick to share a connection.
const closeAfter = 250 * time.Millisecond

// fileJournal is the tray's journal, open only while the tray uses it. The
// tray runs all day beside the window, and an open connection keeps the
// journal's write-ahead log beside the file, which the window must not
// find when it puts a new file in the journal's place (a restore,
// encryption turned on or off: data refuses to replace a journal another
// program has open). Each use opens the journal as it is then — the store
// of a plain one, what may be shown of an encrypted one — so the tray also
// follows a journal whose encryption was turned on or off.
type fileJournal struct {
	cfg  Config
	mu   sync.Mutex
	open Journal // nil while closed
	idle *time.Timer
}

// openShortly opens the journal at cfg.DBPath once, so a journal the tray
// can't open is known at start, and returns it as a fileJournal.
func openShortly(cfg Config) (*fileJournal, error) {
	open, err := openJournal(cfg)
	if err != nil {
		return nil, err
	}
	j := &fileJournal{cfg: cfg, open: open}
	j.idle = time.AfterFunc(closeAfter, j.release)
	return j, nil
}

// use runs f on the journal, opening it if it is closed, and closes it
// again closeAfter after the last use.
func (j *fileJournal) use(f func(Journal) error) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.open == nil {
		open, err := openJournal(j.cfg)
		if err != nil {
			return err
		}
		j.open = open
	}
	err := f(j.open)
	j.idle.Reset(closeAfter)
	return err
}

func (j *fileJournal) release() {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.open == nil {
		return
	}
	if err := j.open.Close(); err != nil {
		slog.Warn("the tray could not close the journal", "err", err)
	}
	j.open = nil
}

// isLocked reports whether the journal is encrypted now.
func (j *fileJournal) isLocked() bool {
	var is bool
	_ = j.use(func(open Journal) error { is = locked(open); return nil })
	return is
}

func (j *fileJournal) PinnedSlip() (slip data.Slip, ok bool, err error) {
	err = j.use(func(open Journal) error {
		slip, ok, err = open.PinnedSlip()
		return err
	})
	return slip, ok, err
}

func (j *fileJournal) Readings(days int) (rec data.ReadingRecord, err error) {
	err = j.use(func(open Journal) error {
		rec, err = open.Readings(days)
		return err
	})
	return rec, err
}

func (j *fileJournal) MarkSlipRead() error {
	return j.use(func(open Journal) error { return open.MarkSlipRead() })
}

func (j *fileJournal) ClaimDueReminders() (due []data.Reminder, err error) {
	err = j.use(func(open Journal) error {
		due, err = open.ClaimDueReminders()
		return err
	})
	return due, err
}

func (j *fileJournal) DailyBackup() (path string, err error) {
	err = j.use(func(open Journal) error {
		path, err = open.DailyBackup()
		return err
	})
	return path, err
}

// Close closes the journal for good.
func (j *fileJournal) Close() error {
	j.idle.Stop()
	j.release()
	return nil
}
