package vault

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/gofrs/flock"

	"github.com/bothand/bothand/data/internal/atomicfile"
)

// The morning notification of an encrypted journal. Its time and its
// reading record live inside the encrypted file, which the tray can't
// open; so while the person allows the slip to be shown while locked, the
// window keeps beside the slip's copy the little the tray needs to send it
// (Morning: whether it is on, the time, the weekdays), nothing else. The
// day it was last sent lives in a file of its own, which both processes
// claim under a lock (ClaimMorning): whoever claims a day first, the tray
// while locked or the window while unlocked, sends that day's, and the
// other does not.

// Morning is when the morning slip is sent, as the tray needs it.
type Morning struct {
	On bool `json:"on"`
	// Minutes after local midnight (480 = 08:00).
	Minutes int `json:"minutes"`
	// Days are the weekdays it is sent on, indexed by time.Weekday.
	Days [7]bool `json:"days"`
}

func morningPath(path string) string     { return path + ".morning" }
func morningSentPath(path string) string { return path + ".morning-sent" }
func morningLockPath(path string) string { return path + ".morning-sent.lock" }

// ShowMorningWhileLocked keeps m as the morning the tray sends the slip's
// copy on while the journal at path is locked.
func ShowMorningWhileLocked(path string, m Morning) error {
	if m.Minutes < 0 || m.Minutes >= 24*60 {
		return fmt.Errorf("a morning time of %d minutes after midnight", m.Minutes)
	}
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	b = append(b, '\n')
	if old, err := os.ReadFile(morningPath(path)); err == nil && string(old) == string(b) {
		return nil // the window writes it at each load of the strip
	}
	return atomicfile.WriteBytes(morningPath(path), 0o600, b)
}

// HideMorningWhileLocked removes the tray's copy of the morning time.
func HideMorningWhileLocked(path string) error { return removeIfThere(morningPath(path)) }

// MorningWhileLocked is the morning the tray may send the slip on while
// the journal at path is locked; ok is false when there is none (the
// person did not allow it, or the window has not written it yet).
func MorningWhileLocked(path string) (m Morning, ok bool, err error) {
	b, err := os.ReadFile(morningPath(path))
	if errors.Is(err, fs.ErrNotExist) {
		return Morning{}, false, nil
	}
	if err != nil {
		return Morning{}, false, err
	}
	if err := json.Unmarshal(b, &m); err != nil || m.Minutes < 0 || m.Minutes >= 24*60 {
		return Morning{}, false, fmt.Errorf("the tray's copy of the morning time is damaged: %q", strings.TrimSpace(string(b)))
	}
	return m, true, nil
}

// ClaimMorning records that the morning slip of day (data.Day) is being
// sent for the journal at path and reports whether this call was the
// first to claim it: once per day, across restarts and between the tray
// and the window. The file holds the last day claimed, replaced
// atomically; the lock beside it (flock or LockFileEx, released with the
// process) keeps two claims from reading the same old day.
func ClaimMorning(path, day string) (bool, error) {
	lock := flock.New(morningLockPath(path), flock.SetPermissions(0o600))
	if err := lock.Lock(); err != nil {
		return false, err
	}
	defer lock.Close()
	last, err := MorningSent(path)
	if err != nil {
		return false, err
	}
	if last == day {
		return false, nil
	}
	return true, atomicfile.WriteBytes(morningSentPath(path), 0o600, []byte(day+"\n"))
}

// MorningSent is the last day whose morning slip was claimed ("" when
// none was).
func MorningSent(path string) (string, error) {
	b, err := os.ReadFile(morningSentPath(path))
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	return strings.TrimSpace(string(b)), err
}

// forgetMorning removes the morning's files, as encryption is turned off:
// the journal's own record of what was sent takes over. A claim under way
// (the tray's) finishes first: the lock is taken before its file goes, or
// that claim and a later one would each hold a lock of its own.
func forgetMorning(path string) {
	_ = HideMorningWhileLocked(path)
	lock := flock.New(morningLockPath(path), flock.SetPermissions(0o600))
	if err := lock.Lock(); err == nil {
		defer lock.Close()
	}
	_ = removeIfThere(morningSentPath(path))
	_ = removeIfThere(morningLockPath(path))
}
