// Package keys keeps the keys of an encrypted journal: a random data key
// (which encrypts the journal's pages) and an X25519 identity (which opens
// entries written while the journal was locked), wrapped once per way of
// unlocking them in a small keys file beside the journal — the passphrase,
// the recovery code, and optionally the system keyring.
//
// It knows nothing of SQLite or the store: package vault puts the two
// together. docs/ENCRYPTION.md describes the file format.
package keys

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/bothand/bothand/data/internal/atomicfile"
)

// Version is the keys file format this package writes. A file of a newer
// version is refused rather than half-understood.
const Version = 1

// formatName marks a keys file as ours.
const formatName = "bothand-keys"

// The ways of unlocking a journal: each is a Slot of that kind.
const (
	KindPassphrase = "passphrase"
	KindRecovery   = "recovery"
	KindKeyring    = "keyring"
)

// The errors callers tell apart with errors.Is.
var (
	ErrWrongPassphrase = errors.New("that passphrase does not unlock this journal")
	ErrWrongCode       = errors.New("that recovery code does not unlock this journal")
	ErrNotRemembered   = errors.New("this computer does not remember the journal's passphrase")
	ErrNoKeysFile      = errors.New("the journal's keys file is missing")
	ErrBadKeysFile     = errors.New("the journal's keys file is damaged or not a keys file")
	ErrNewerKeysFile   = errors.New("the journal's keys file was written by a newer version of Both/And")
	ErrKeysFileExists  = errors.New("a keys file already exists for this journal")
)

// File is a journal's keys file: the identity's public half (so entries
// can be sealed to the journal while it is locked) and one slot per way of
// unlocking. The file holds no secret in the clear.
type File struct {
	Format    string `json:"format"`
	Version   int    `json:"version"`
	Cipher    string `json:"cipher"`    // how the journal's pages are encrypted ("adiantum")
	Recipient string `json:"recipient"` // the age X25519 public key of the inbox
	Slots     []Slot `json:"slots"`

	path string
}

// Slot is the secrets sealed under one way of unlocking them.
type Slot struct {
	Kind string `json:"kind"`
	// KDF derives the sealing key from a passphrase or a recovery code;
	// absent for the keyring, whose entry is the sealing key itself.
	KDF *Argon2 `json:"kdf,omitempty"`
	// Account names the keyring entry (a random id, so two journals on one
	// computer don't share it).
	Account string `json:"account,omitempty"`
	Nonce   []byte `json:"nonce"`  // XChaCha20-Poly1305, 24 bytes
	Sealed  []byte `json:"sealed"` // the sealed secrets and their tag
}

// Path is where the file lives.
func (f *File) Path() string { return f.path }

// Read reads the keys file at path.
func Read(path string) (*File, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w: %s", ErrNoKeysFile, path)
	}
	if err != nil {
		return nil, err
	}
	var f File
	if err := json.Unmarshal(b, &f); err != nil || f.Format != formatName {
		return nil, fmt.Errorf("%w: %s", ErrBadKeysFile, path)
	}
	if f.Version > Version {
		return nil, fmt.Errorf("%w (format %d, this app knows up to %d)", ErrNewerKeysFile, f.Version, Version)
	}
	if f.Recipient == "" || !slices.ContainsFunc(f.Slots, func(s Slot) bool { return s.Kind == KindPassphrase }) {
		return nil, fmt.Errorf("%w: %s has no passphrase", ErrBadKeysFile, path)
	}
	f.path = path
	return &f, nil
}

// Exists reports whether a keys file is at path.
func Exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

func (f *File) slot(kind string) (Slot, bool) {
	for _, s := range f.Slots {
		if s.Kind == kind {
			return s, true
		}
	}
	return Slot{}, false
}

// setSlot replaces the slot of s's kind, or adds it.
func (f *File) setSlot(s Slot) {
	for i := range f.Slots {
		if f.Slots[i].Kind == s.Kind {
			f.Slots[i] = s
			return
		}
	}
	f.Slots = append(f.Slots, s)
}

func (f *File) dropSlot(kind string) {
	f.Slots = slices.DeleteFunc(f.Slots, func(s Slot) bool { return s.Kind == kind })
}

// save writes the file in place of the old one so that, whatever moment a
// crash or a kill strikes, the path holds either the old file or the new,
// whole: a temporary file beside it is written and synced, renamed over
// it, and the folder synced so the rename itself survives a power cut.
func (f *File) save() error {
	b, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	b = append(b, '\n')
	// Versions before December 2026 named their temporary files this way.
	removeStale(filepath.Join(filepath.Dir(f.path), "."+filepath.Base(f.path)+"-*.tmp"))
	atomicfile.RemoveStale(f.path)
	return atomicfile.WriteBytes(f.path, 0o600, b)
}

// removeStale deletes temporary files of earlier saves that a crash left
// behind (an hour old: a save takes milliseconds, so none is in progress).
func removeStale(pattern string) {
	matches, _ := filepath.Glob(pattern)
	for _, m := range matches {
		if fi, err := os.Stat(m); err == nil && time.Since(fi.ModTime()) > time.Hour {
			os.Remove(m)
		}
	}
}

// Remove deletes the keys file at path; a missing one is not an error.
func Remove(path string) error {
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return atomicfile.SyncDir(filepath.Dir(path))
}
