package keys

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
)

// Mirror keeps a copy of the keys file at from, without its keyring slot,
// at to: a sync folder carries one so that another computer can join with
// the passphrase or the recovery code. It writes the copy where there is
// none, and replaces a copy of the same journal (the same recipient) when
// from was changed later, a passphrase changed on this computer: so the
// copy follows the passphrase changed last on any computer sharing it. A
// file of another journal at to is refused with ErrKeysFileExists. It
// reports whether it wrote.
func Mirror(from, to string) (bool, error) {
	f, err := Read(from)
	if err != nil {
		return false, err
	}
	c := f.clone()
	c.path = to
	c.dropSlot(KindKeyring)
	old, err := Read(to)
	switch {
	case errors.Is(err, ErrNoKeysFile):
		return true, c.Save()
	case err != nil:
		return false, err
	case old.Recipient != c.Recipient:
		return false, fmt.Errorf("%w: %s belongs to another journal", ErrKeysFileExists, to)
	}
	a, errA := json.Marshal(old.Slots)
	b, errB := json.Marshal(c.Slots)
	if errA != nil || errB != nil || bytes.Equal(a, b) {
		return false, errors.Join(errA, errB)
	}
	fromInfo, err := os.Stat(from)
	if err != nil {
		return false, err
	}
	toInfo, err := os.Stat(to)
	if err != nil {
		return false, err
	}
	if !fromInfo.ModTime().After(toInfo.ModTime()) {
		return false, nil
	}
	return true, c.save()
}
