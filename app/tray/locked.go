package tray

import (
	"errors"
	"log/slog"
	"time"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/vault"
)

// lockedJournal is the tray's Journal for an encrypted journal: the tray
// never holds the key, so it answers from what the person allowed to show
// while locked (the pinned slip, vault.SlipWhileLocked, and the morning
// it is sent on, vault.MorningWhileLocked) and leaves the rest to the
// window, which sends the other reminders (their titles are private) and
// makes the daily backup while the journal is unlocked in it. Quick entry
// is the window process's, which seals it into the inbox while locked.
type lockedJournal struct {
	path string
	now  func() time.Time // nil: the clock; tests set the morning
}

// errLocked refuses what needs the journal's key.
var errLocked = errors.New("the journal is encrypted; its window records this once unlocked")

func (j lockedJournal) PinnedSlip() (data.Slip, bool, error) {
	text, err := vault.SlipWhileLocked(j.path)
	return data.Slip{Text: text, Pinned: text != ""}, text != "", err
}

func (lockedJournal) Readings(int) (data.ReadingRecord, error) { return data.ReadingRecord{}, nil }
func (lockedJournal) MarkSlipRead() error                      { return errLocked }
func (lockedJournal) DailyBackup() (string, error)             { return "", nil }
func (lockedJournal) Close() error                             { return nil }

// ClaimDueReminders is the morning slip, when its time has come today and
// neither the tray nor the window sent it yet (vault.ClaimMorning), as
// the journal works it out for itself (data.DueReminders) from the copies.
// Without both copies (the person did not allow it) nothing is due.
func (j lockedJournal) ClaimDueReminders() ([]data.Reminder, error) {
	text, err := vault.SlipWhileLocked(j.path)
	if err != nil || text == "" {
		return nil, err
	}
	m, ok, err := vault.MorningWhileLocked(j.path)
	if err != nil || !ok {
		return nil, err
	}
	now := time.Now()
	if j.now != nil {
		now = j.now()
	}
	rs := data.ReminderSettings{MorningSlip: m.On, Morning: m.Minutes, Days: m.Days}
	var send []data.Reminder
	for _, r := range data.DueReminders(now, rs, text, nil) {
		if r.Kind != data.ReminderMorningSlip {
			continue
		}
		first, err := vault.ClaimMorning(j.path, r.Ref)
		if err != nil {
			return send, err
		}
		if first {
			slog.Info("the morning slip of the locked journal is due", "day", r.Ref)
			send = append(send, r)
		}
	}
	return send, nil
}

// locked reports whether j answers for an encrypted journal.
func locked(j Journal) bool {
	switch j := j.(type) {
	case lockedJournal:
		return true
	case *fileJournal:
		return j.isLocked()
	}
	return false
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
