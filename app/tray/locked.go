package tray

import (
	"errors"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/vault"
)

// lockedJournal is the tray's Journal for an encrypted journal: the tray
// never holds the key, so it answers from what the person allowed to show
// while locked (the pinned slip, vault.SlipWhileLocked) and leaves the
// rest to the window, which sends the reminders and makes the daily
// backup while the journal is unlocked in it. Quick entry is the window
// process's, which seals it into the inbox while locked.
type lockedJournal struct{ path string }

// errLocked refuses what needs the journal's key.
var errLocked = errors.New("the journal is encrypted; its window records this once unlocked")

func (j lockedJournal) PinnedSlip() (data.Slip, bool, error) {
	text, err := vault.SlipWhileLocked(j.path)
	return data.Slip{Text: text, Pinned: text != ""}, text != "", err
}

func (lockedJournal) Readings(int) (data.ReadingRecord, error)    { return data.ReadingRecord{}, nil }
func (lockedJournal) MarkSlipRead() error                         { return errLocked }
func (lockedJournal) ClaimDueReminders() ([]data.Reminder, error) { return nil, nil }
func (lockedJournal) DailyBackup() (string, error)                { return "", nil }
func (lockedJournal) Close() error                                { return nil }

// locked reports whether j answers for an encrypted journal.
func locked(j Journal) bool {
	_, ok := j.(lockedJournal)
	return ok
}

// openJournal is the tray's journal at path: the store of a plain one,
// what may be shown of an encrypted one.
func openJournal(cfg Config) (Journal, error) {
	if st, err := vault.StateOf(cfg.DBPath); st == vault.Encrypted && err == nil {
		return lockedJournal{path: cfg.DBPath}, nil
	}
	s, err := data.Open(cfg.DBPath, data.Options{CreateFolder: cfg.CreateFolder})
	if err != nil {
		return nil, err
	}
	return s, nil
}
