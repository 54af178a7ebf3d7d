// Package vault is the door to a journal that may be encrypted: it opens
// it with a passphrase, a recovery code or the system keyring, turns
// encryption on and off, changes the passphrase, and takes entries while
// the journal stays locked. It joins the store (package data), the keys
// (data/keys) and the inbox (data/inbox); the window and the command line
// call it and nothing beneath it. docs/ENCRYPTION.md has the design.
//
// Locking is closing: Store.Close closes every connection and wipes the
// store's copy of the key; vault wipes the secrets it unwrapped as soon as
// the store has its copy.
package vault

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/inbox"
	"github.com/bothand/bothand/data/keys"
)

// cipher is recorded in keys files: how the journal's pages are encrypted.
const cipher = "adiantum"

// State is what a journal file is, as seen from outside.
type State int

// The states of a journal.
const (
	Missing   State = iota // no file yet: Open creates a plain journal
	Plain                  // an ordinary SQLite file
	Encrypted              // encrypted pages, with a keys file beside it
)

// StateOf looks at the journal at path without opening it. An encrypted
// journal whose keys file is missing is reported as Encrypted with an
// error matching keys.ErrNoKeysFile.
func StateOf(path string) (State, error) {
	enc, err := data.FileEncrypted(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Missing, nil
	}
	if err != nil {
		return Plain, err
	}
	if !enc {
		return Plain, nil
	}
	if !keys.Exists(data.KeysPath(path)) {
		return Encrypted, fmt.Errorf("%w: %s is encrypted, and %s is not beside it", keys.ErrNoKeysFile, path, filepath.Base(data.KeysPath(path)))
	}
	return Encrypted, nil
}

// Secret is one way of unlocking: Passphrase, RecoveryCode or Remembered.
type Secret struct {
	passphrase []byte
	code       string
	keyring    keys.Keyring
}

// Passphrase unlocks with the passphrase typed. The caller keeps p and
// may wipe it once the call returns.
func Passphrase(p []byte) Secret { return Secret{passphrase: p} }

// RecoveryCode unlocks with the recovery code typed.
func RecoveryCode(code string) Secret { return Secret{code: code} }

// Remembered unlocks from the keyring, when "remember on this computer" is
// on; otherwise the error matches keys.ErrNotRemembered, and the caller
// asks for the passphrase.
func Remembered(kr keys.Keyring) Secret { return Secret{keyring: kr} }

// Options are what every call of the vault may need. The zero value is
// the app's.
type Options struct {
	Data data.Options
	// Keyring is the system keyring by default.
	Keyring keys.Keyring
	// Sleep waits out the delay after a wrong passphrase (time.Sleep by
	// default); tests record it instead.
	Sleep func(time.Duration)
}

func (o Options) withDefaults() Options {
	if o.Keyring == nil {
		o.Keyring = keys.SystemKeyring{}
	}
	if o.Sleep == nil {
		o.Sleep = time.Sleep
	}
	if o.Data.Now == nil {
		o.Data.Now = time.Now
	}
	return o
}

// Report says what Open did besides opening.
type Report struct {
	// Merged is how many entries written while the journal was locked
	// were added to it.
	Merged int
	// Inbox is trouble with those entries (one could not be opened, say):
	// the journal opened all the same, and the entries left stay in the
	// inbox.
	Inbox error
}

// Open opens the journal at path. A plain (or missing) journal opens as
// data.Open opens it, and secret is not used. An encrypted one is
// unlocked with secret, its inbox merged, and the secrets wiped as soon as
// the store holds its own copy of the key. A wrong passphrase or code
// gives an error matching keys.ErrWrongPassphrase or keys.ErrWrongCode
// after a delay that grows with each failure in a row; the journal and
// its keys file are left byte for byte as they were.
func Open(path string, secret Secret, opts Options) (*data.Store, Report, error) {
	opts = opts.withDefaults()
	state, err := StateOf(path)
	if err != nil && state != Encrypted {
		return nil, Report{}, err
	}
	if state != Encrypted {
		s, err := data.Open(path, opts.Data)
		return s, Report{}, err
	}
	s, key, rep, err := openEncrypted(path, secret, opts)
	clear(key)
	return s, rep, err
}

// OpenWithKey opens the encrypted journal at path as Open does and also
// returns a copy of its data key, for the sync, which seals the files it
// puts in its folder with it (data/replica). Wipe the key after use. A
// plain or missing journal gives an error matching ErrNotEncrypted.
func OpenWithKey(path string, secret Secret, opts Options) (*data.Store, []byte, Report, error) {
	opts = opts.withDefaults()
	state, err := StateOf(path)
	if err != nil {
		return nil, nil, Report{}, err
	}
	if state != Encrypted {
		return nil, nil, Report{}, fmt.Errorf("%w: %s", ErrNotEncrypted, path)
	}
	return openEncrypted(path, secret, opts)
}

func openEncrypted(path string, secret Secret, opts Options) (*data.Store, []byte, Report, error) {
	sec, _, err := unlock(path, secret, opts)
	if err != nil {
		return nil, nil, Report{}, err
	}
	defer sec.Wipe()
	o := opts.Data
	o.Key = sec.DataKey
	s, err := data.Open(path, o)
	if err != nil {
		return nil, nil, Report{}, err
	}
	var rep Report
	if n, _ := inbox.Pending(data.InboxDir(path)); n > 0 {
		rep.Merged, rep.Inbox = merge(s, sec)
	}
	return s, bytes.Clone(sec.DataKey), rep, nil
}

// Unlock returns the secrets of the encrypted journal at path, for the
// calls that need the key without opening the store (a restore). Wipe
// them after use.
func Unlock(path string, secret Secret, opts Options) (*keys.Secrets, error) {
	sec, _, err := unlock(path, secret, opts.withDefaults())
	return sec, err
}

func unlock(path string, secret Secret, opts Options) (*keys.Secrets, *keys.File, error) {
	f, err := keys.Read(data.KeysPath(path))
	if err != nil {
		return nil, nil, err
	}
	var sec *keys.Secrets
	switch {
	case secret.keyring != nil:
		sec, err = f.UnlockWithKeyring(secret.keyring)
	case secret.code != "":
		sec, err = f.UnlockWithCode(secret.code)
	case len(secret.passphrase) > 0:
		sec, err = f.Unlock(secret.passphrase)
	default:
		err = keys.ErrWrongPassphrase
	}
	if errors.Is(err, keys.ErrWrongPassphrase) || errors.Is(err, keys.ErrWrongCode) {
		opts.Sleep(failed(path))
		return nil, nil, err
	}
	if err != nil {
		return nil, nil, err
	}
	succeeded(path)
	return sec, f, nil
}

func merge(s *data.Store, sec *keys.Secrets) (int, error) {
	id, err := sec.Identity()
	if err != nil {
		return 0, err
	}
	return inbox.Merge(s, data.InboxDir(s.Path()), id)
}

// Add writes e into the journal at path without its passphrase: directly
// when the journal is plain, sealed into its inbox when it is encrypted
// (merged at the next unlock). inbox reports which it was.
func Add(path string, e data.Entry, opts Options) (saved data.Entry, toInbox bool, err error) {
	opts = opts.withDefaults()
	state, err := StateOf(path)
	if err != nil {
		return e, false, err
	}
	if state != Encrypted {
		s, err := data.Open(path, opts.Data)
		if err != nil {
			return e, false, err
		}
		defer s.Close()
		saved, err := s.SaveEntry(e, 0)
		return saved, false, err
	}
	f, err := keys.Read(data.KeysPath(path))
	if err != nil {
		return e, true, err
	}
	saved, err = inbox.Add(data.InboxDir(path), f.Recipient, e, opts.Data.Now())
	return saved, true, err
}

// Pending counts the entries waiting in the journal's inbox.
func Pending(path string) (int, error) { return inbox.Pending(data.InboxDir(path)) }

// removeIfEmpty removes the inbox folder once nothing waits in it.
func removeIfEmpty(dir string) {
	_ = os.Remove(dir) // fails, as it should, when something is left
}
