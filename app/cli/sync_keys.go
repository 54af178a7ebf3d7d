package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/keys"
	"github.com/bothand/bothand/data/replica"
	"github.com/bothand/bothand/data/vault"
)

// The sync seals every file it puts in the folder with the journal's data
// key, so syncing needs a journal protected with a passphrase; the keys
// file travels in the folder, so another computer joins with the same
// passphrase (or the recovery code), and its new journal is encrypted with
// the same data key. syncKeys is where the sync verbs meet the vault; the
// tests put a stand-in there.
type journalKeys interface {
	// Open opens the journal at path, asking for its passphrase as the
	// other verbs do, and returns its data key; a plain journal opens
	// without one (nil), for the verbs that need none.
	Open(c *command, path string, o data.Options) (*data.Store, []byte, error)
	// Publish puts the journal's keys file into the sync folder, or
	// brings the copy there up to date.
	Publish(journal, folder string) error
	// Create makes a new journal at path that shares the folder's keys,
	// unlocked with the passphrase or the recovery code (asked for, or
	// read from --passphrase-file).
	Create(c *command, path, folder string, o data.Options) (*data.Store, []byte, error)
	// Remove deletes a journal Create made, when the join failed.
	Remove(path string)
}

// errNeedsEncryption: the journal is not protected with a passphrase.
var errNeedsEncryption = errors.New("syncing needs a journal protected with a passphrase, since everything put in the sync folder is sealed with its key: bothand encrypt protects it, then sync setup again")

var syncKeys journalKeys = vaultKeys{}

// vaultKeys are the journal's real keys, from data/vault.
type vaultKeys struct{}

func (vaultKeys) Open(c *command, path string, o data.Options) (*data.Store, []byte, error) {
	state, err := vault.StateOf(path)
	if err != nil {
		return nil, nil, err
	}
	if state != vault.Encrypted {
		s, err := data.Open(path, o)
		return s, nil, err
	}
	var s *data.Store
	var key []byte
	var rep vault.Report
	err = c.withPassphrase(path, "Passphrase for "+path+": ", func(p []byte) error {
		s, key, rep, err = vault.OpenWithKey(path, vault.Passphrase(p), c.vaultOptions(o))
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	c.reportInbox(rep)
	return s, key, nil
}

// Publish keeps a copy of the journal's keys file in the folder, without
// the slot this computer's keyring opens (keys.Mirror): made at setup, and
// after each round replaced when the passphrase was changed here since,
// so a computer joining later types the passphrase changed last.
func (vaultKeys) Publish(journal, folder string) error {
	_, err := keys.Mirror(data.KeysPath(journal), replica.KeysPath(folder))
	return err
}

// Create copies the folder's keys file beside the new journal, unlocks it
// with what the person types (a recovery code is told from a passphrase by
// its shape) and creates the journal encrypted with the same data key.
func (vaultKeys) Create(c *command, path, folder string, o data.Options) (*data.Store, []byte, error) {
	src, err := keys.Read(replica.KeysPath(folder))
	if errors.Is(err, keys.ErrNoKeysFile) {
		if _, serr := os.Stat(folder); serr != nil {
			return nil, nil, fmt.Errorf("the sync folder %s is not there (is its drive connected?)", folder)
		}
		return nil, nil, fmt.Errorf("%s holds no journal's keys: is it the folder your other computer syncs through (bothand sync status there says), and has your sync tool finished copying it?", folder)
	}
	if err != nil {
		return nil, nil, err
	}
	// The keys go beside the journal before it exists: its folder is made
	// first where the journal's own open would make it (the standard data
	// folder, on a computer that has never had a journal).
	dir := filepath.Dir(path)
	if o.CreateFolder {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, nil, err
		}
	} else if _, err := os.Stat(dir); err != nil {
		return nil, nil, fmt.Errorf("the folder %s is not there: make it first, or give --db a journal in another", dir)
	}
	if err := src.CopyTo(data.KeysPath(path)); err != nil {
		return nil, nil, err
	}
	var sec *keys.Secrets
	usedCode := false
	err = c.withPassphrase(path, "Passphrase (or recovery code) of the journal in "+folder+": ", func(p []byte) error {
		secret := vault.Passphrase(p)
		if usedCode = keys.IsRecoveryCode(string(p)); usedCode {
			secret = vault.RecoveryCode(string(p))
		}
		sec, err = vault.Unlock(path, secret, c.vaultOptions(o))
		return err
	})
	if err != nil {
		_ = keys.Remove(data.KeysPath(path))
		what := "that passphrase"
		if errors.Is(err, keys.ErrWrongCode) {
			what = "that recovery code"
		}
		if errors.Is(err, keys.ErrWrongPassphrase) || errors.Is(err, keys.ErrWrongCode) {
			// Not the vault's error, whose advice (bothand recover) is
			// for a journal already on this computer.
			err = fmt.Errorf("%s does not unlock the journal in %s, and nothing was made: type the passphrase last set on your other computers, or the recovery code", what, folder)
		}
		return nil, nil, err
	}
	defer sec.Wipe()
	o.Key = sec.DataKey
	s, err := data.Open(path, o)
	if err != nil {
		_ = keys.Remove(data.KeysPath(path))
		return nil, nil, err
	}
	if usedCode {
		fmt.Fprintf(c.Stderr, "bothand: unlocked with the recovery code; the passphrase stays the one set on your other computer (bothand --db %s recover sets a new one here)\n", path)
	}
	return s, bytes.Clone(sec.DataKey), nil
}

func (vaultKeys) Remove(path string) {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		_ = os.Remove(p)
	}
	_ = keys.Remove(data.KeysPath(path))
}
