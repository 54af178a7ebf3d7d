package vault

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/keys"
)

// ErrAlreadyEncrypted and ErrNotEncrypted refuse a conversion that has
// nothing to do.
var (
	ErrAlreadyEncrypted = errors.New("the journal is already encrypted")
	ErrNotEncrypted     = errors.New("the journal is not encrypted")
)

// Encrypt turns encryption on for the plain journal at path (creating it
// when missing), which must not be open: it makes the keys (a random data
// key and inbox identity, sealed under passphrase and under a new recovery
// code), writes the keys file, then has data.Convert write an encrypted
// copy, check it and rename it over the journal. It returns the recovery
// code, to be shown once.
//
// The old plain file's name is gone after the swap, but its bytes may
// still be on the disk (an SSD moves blocks rather than overwriting them)
// and in the backups made before: PlainBackups lists those, and
// DeletePlainBackups deletes them when the person agrees.
//
// Killed at any moment, the journal is plain or encrypted, whole, and
// opens; a keys file left beside a plain journal is stale, and the next
// Encrypt replaces it.
func Encrypt(ctx context.Context, path string, passphrase []byte, opts Options) (code string, err error) {
	opts = opts.withDefaults()
	state, err := StateOf(path)
	if err != nil {
		return "", err
	}
	switch state {
	case Encrypted:
		return "", ErrAlreadyEncrypted
	case Missing:
		s, err := data.Open(path, opts.Data)
		if err != nil {
			return "", err
		}
		s.Close()
	}
	keysPath := data.KeysPath(path)
	if stale, err := keys.Read(keysPath); err == nil {
		_ = stale.Discard(opts.Keyring)
	} else if keys.Exists(keysPath) {
		if err := keys.Remove(keysPath); err != nil {
			return "", err
		}
	}
	f, sec, code, err := keys.New(keysPath, cipher, passphrase)
	if err != nil {
		return "", err
	}
	defer sec.Wipe()
	// The keys file first: an encrypted journal never exists without it.
	if err := f.Save(); err != nil {
		return "", err
	}
	if err := data.Convert(ctx, path, nil, sec.DataKey, opts.Data); err != nil {
		_ = keys.Remove(keysPath)
		return "", err
	}
	return code, nil
}

// DecryptReport says what Decrypt did to the backups.
type DecryptReport struct {
	Merged int // entries merged from the inbox first
	// BackupsDecrypted are the encrypted backups now plain; BackupsLeft
	// are those that did not open with the journal's key (made under an
	// earlier encryption), left as they were.
	BackupsDecrypted int
	BackupsLeft      []string
}

// Decrypt turns encryption off for the journal at path: it unlocks it with
// secret, merges the inbox, writes a plain copy, checks it and renames it
// over the journal (data.Convert), decrypts the backups made while it was
// encrypted (they would open with nothing once the keys are gone), then
// removes the keys file and any keyring entry.
func Decrypt(ctx context.Context, path string, secret Secret, opts Options) (DecryptReport, error) {
	opts = opts.withDefaults()
	var rep DecryptReport
	state, err := StateOf(path)
	if err != nil {
		return rep, err
	}
	if state != Encrypted {
		return rep, ErrNotEncrypted
	}
	sec, f, err := unlock(path, secret, opts)
	if err != nil {
		return rep, err
	}
	defer sec.Wipe()
	o := opts.Data
	o.Key = sec.DataKey
	s, err := data.Open(path, o)
	if err != nil {
		return rep, err
	}
	rep.Merged, err = merge(s, sec)
	s.Close()
	if err != nil {
		return rep, fmt.Errorf("%w; turning encryption off would leave them unreadable, so the journal stays encrypted", err)
	}
	if err := data.Convert(ctx, path, sec.DataKey, nil, opts.Data); err != nil {
		return rep, err
	}
	backups, _ := data.ListBackups(path)
	quiet := opts.Data
	quiet.Progress = nil // the progress shown is the journal's
	for _, b := range backups {
		if enc, err := data.FileEncrypted(b.Path); err != nil || !enc {
			continue
		}
		if err := data.Convert(ctx, b.Path, sec.DataKey, nil, quiet); err != nil {
			if ctx.Err() != nil {
				return rep, ctx.Err()
			}
			rep.BackupsLeft = append(rep.BackupsLeft, b.Path)
			continue
		}
		rep.BackupsDecrypted++
	}
	if err := f.Discard(opts.Keyring); err != nil {
		return rep, err
	}
	_ = HideSlipWhileLocked(path) // nothing is locked any more
	forgetMorning(path)
	removeIfEmpty(data.InboxDir(path))
	return rep, nil
}

// PlainBackups lists the backups of the journal at path that are not
// encrypted: made before encryption was turned on, they still hold the
// journal as it was then, readable by anyone with the file.
func PlainBackups(path string) ([]data.BackupFile, error) {
	all, err := data.ListBackups(path)
	if err != nil {
		return nil, err
	}
	var plain []data.BackupFile
	for _, b := range all {
		if enc, err := data.FileEncrypted(b.Path); err == nil && !enc {
			plain = append(plain, b)
		}
	}
	return plain, nil
}

// DeletePlainBackups deletes the backups PlainBackups lists (with any
// write-ahead log beside them) and returns how many it deleted.
func DeletePlainBackups(path string) (int, error) {
	list, err := PlainBackups(path)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, b := range list {
		if err := os.Remove(b.Path); err != nil {
			return n, err
		}
		os.Remove(b.Path + "-wal")
		os.Remove(b.Path + "-shm")
		n++
	}
	return n, nil
}

// ChangePassphrase unlocks the journal's keys with secret (the current
// passphrase, or the recovery code) and seals them under a new passphrase.
// Only the keys file changes, in one atomic step; the journal itself is
// not touched, and the recovery code and keyring keep working.
func ChangePassphrase(path string, secret Secret, passphrase []byte, opts Options) error {
	opts = opts.withDefaults()
	sec, f, err := unlock(path, secret, opts)
	if err != nil {
		return err
	}
	defer sec.Wipe()
	return f.ChangePassphrase(sec, passphrase)
}

// Remember turns "remember on this computer" on: the journal then unlocks
// with Remembered(keyring) while the keyring is unlocked.
func Remember(path string, secret Secret, opts Options) error {
	opts = opts.withDefaults()
	sec, f, err := unlock(path, secret, opts)
	if err != nil {
		return err
	}
	defer sec.Wipe()
	return f.Remember(sec, opts.Keyring)
}

// Forget turns "remember on this computer" off.
func Forget(path string, opts Options) error {
	opts = opts.withDefaults()
	f, err := keys.Read(data.KeysPath(path))
	if err != nil {
		return err
	}
	return f.Forget(opts.Keyring)
}

// IsRemembered reports whether "remember on this computer" is on for the
// journal at path.
func IsRemembered(path string) bool {
	f, err := keys.Read(data.KeysPath(path))
	return err == nil && f.Remembered()
}

// NewRecoveryCode replaces the journal's recovery code and returns the new
// one, to be shown once; the old one stops working.
func NewRecoveryCode(path string, secret Secret, opts Options) (string, error) {
	opts = opts.withDefaults()
	sec, f, err := unlock(path, secret, opts)
	if err != nil {
		return "", err
	}
	defer sec.Wipe()
	return f.NewRecoveryCode(sec)
}
