package keys

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
)

// New makes the keys of a journal about to be encrypted: a random data key
// and identity, sealed under passphrase and under a new recovery code,
// which is returned to be shown once. The file is not written until Save,
// so that the journal's encrypted copy can be made and checked first.
func New(path, cipher string, passphrase []byte) (*File, *Secrets, string, error) {
	if len(passphrase) == 0 {
		return nil, nil, "", errors.New("the passphrase is empty")
	}
	s, recipient, err := newSecrets()
	if err != nil {
		return nil, nil, "", err
	}
	f := &File{Format: formatName, Version: Version, Cipher: cipher, Recipient: recipient, path: path}
	if err := f.sealWithSecret(KindPassphrase, passphrase, s); err != nil {
		s.Wipe()
		return nil, nil, "", err
	}
	code, err := newRecoveryCode()
	if err == nil {
		norm, _ := normalizeCode(code)
		err = f.sealWithSecret(KindRecovery, norm, s)
		clear(norm)
	}
	if err != nil {
		s.Wipe()
		return nil, nil, "", err
	}
	return f, s, code, nil
}

// Save writes a file made by New. It refuses to replace an existing file,
// which may hold the only way into another encrypted journal.
func (f *File) Save() error {
	if Exists(f.path) {
		return fmt.Errorf("%w: %s", ErrKeysFileExists, f.path)
	}
	return f.save()
}

// sealWithSecret derives a sealing key from secret with a fresh salt and
// puts the secrets in the slot of kind.
func (f *File) sealWithSecret(kind string, secret []byte, s *Secrets) error {
	kdf, err := newKDF()
	if err != nil {
		return err
	}
	key, err := kdf.derive(secret)
	if err != nil {
		return err
	}
	defer clear(key)
	slot, err := f.seal(kind, key, s)
	if err != nil {
		return err
	}
	slot.KDF = kdf
	f.setSlot(slot)
	return nil
}

func (f *File) openWithSecret(kind string, secret []byte, wrong error) (*Secrets, error) {
	slot, ok := f.slot(kind)
	if !ok {
		return nil, fmt.Errorf("%w: no %s slot", ErrBadKeysFile, kind)
	}
	key, err := slot.KDF.derive(secret)
	if err != nil {
		return nil, err
	}
	defer clear(key)
	s, err := f.open(slot, key)
	if errors.Is(err, errSealed) {
		return nil, wrong
	}
	return s, err
}

// Unlock opens the secrets with the passphrase; a wrong one gives
// ErrWrongPassphrase. The file is only read.
func (f *File) Unlock(passphrase []byte) (*Secrets, error) {
	return f.openWithSecret(KindPassphrase, passphrase, ErrWrongPassphrase)
}

// UnlockWithCode opens the secrets with the recovery code as typed; a
// wrong one gives ErrWrongCode.
func (f *File) UnlockWithCode(code string) (*Secrets, error) {
	norm, ok := normalizeCode(code)
	defer clear(norm)
	if !ok {
		return nil, fmt.Errorf("%w (a code has 24 letters and digits, like 7K2Q-M9XD-…)", ErrWrongCode)
	}
	return f.openWithSecret(KindRecovery, norm, ErrWrongCode)
}

// ChangePassphrase seals the secrets under a new passphrase and rewrites
// the file in one atomic step (see save): killed at any moment, the file
// opens with the old passphrase or the new one. The other slots stay.
func (f *File) ChangePassphrase(s *Secrets, passphrase []byte) error {
	if len(passphrase) == 0 {
		return errors.New("the passphrase is empty")
	}
	next := f.clone()
	if err := next.sealWithSecret(KindPassphrase, passphrase, s); err != nil {
		return err
	}
	if err := next.save(); err != nil {
		return err
	}
	*f = *next
	return nil
}

// NewRecoveryCode replaces the recovery code (the old one stops working)
// and returns the new one, to be shown once.
func (f *File) NewRecoveryCode(s *Secrets) (string, error) {
	code, err := newRecoveryCode()
	if err != nil {
		return "", err
	}
	norm, _ := normalizeCode(code)
	defer clear(norm)
	next := f.clone()
	if err := next.sealWithSecret(KindRecovery, norm, s); err != nil {
		return "", err
	}
	if err := next.save(); err != nil {
		return "", err
	}
	*f = *next
	return code, nil
}

// Remembered reports whether "remember on this computer" is on: whether
// the file has a keyring slot (the keyring itself may still be locked).
func (f *File) Remembered() bool {
	_, ok := f.slot(KindKeyring)
	return ok
}

// Remember keeps a random secret in the keyring and seals the secrets
// under it, so the journal unlocks on this computer without the
// passphrase. The keyring entry alone opens nothing: the file's slot is
// needed too, and Forget removes both.
func (f *File) Remember(s *Secrets, kr Keyring) error {
	secret := make([]byte, 32)
	if _, err := rand.Read(secret); err != nil {
		return err
	}
	defer clear(secret)
	account := make([]byte, 12)
	if _, err := rand.Read(account); err != nil {
		return err
	}
	next := f.clone()
	slot, err := next.seal(KindKeyring, secret, s)
	if err != nil {
		return err
	}
	slot.Account = filepath.Base(f.path) + " " + hex.EncodeToString(account)
	if err := kr.Set(keyringService, slot.Account, base64.StdEncoding.EncodeToString(secret)); err != nil {
		return fmt.Errorf("the system keyring refused it: %w", err)
	}
	if old, ok := f.slot(KindKeyring); ok {
		_ = kr.Delete(keyringService, old.Account)
	}
	next.setSlot(slot)
	if err := next.save(); err != nil {
		_ = kr.Delete(keyringService, slot.Account)
		return err
	}
	*f = *next
	return nil
}

// UnlockWithKeyring opens the secrets with the keyring's secret. Without a
// keyring slot, or when the keyring is missing, locked or has lost the
// entry, it returns an error that matches ErrNotRemembered: ask for the
// passphrase then.
func (f *File) UnlockWithKeyring(kr Keyring) (*Secrets, error) {
	slot, ok := f.slot(KindKeyring)
	if !ok {
		return nil, ErrNotRemembered
	}
	text, err := kr.Get(keyringService, slot.Account)
	if err != nil {
		if errors.Is(err, ErrNotRemembered) {
			return nil, err
		}
		return nil, fmt.Errorf("%w (%v)", ErrNotRemembered, err)
	}
	secret, err := base64.StdEncoding.DecodeString(text)
	if err != nil || len(secret) != 32 {
		return nil, fmt.Errorf("%w (the keyring's entry is damaged)", ErrNotRemembered)
	}
	defer clear(secret)
	s, err := f.open(slot, secret)
	if errors.Is(err, errSealed) {
		return nil, fmt.Errorf("%w (the keyring's entry belongs to an older keys file)", ErrNotRemembered)
	}
	return s, err
}

// Forget removes the keyring slot and its keyring entry.
func (f *File) Forget(kr Keyring) error {
	slot, ok := f.slot(KindKeyring)
	if !ok {
		return nil
	}
	next := f.clone()
	next.dropSlot(KindKeyring)
	if err := next.save(); err != nil {
		return err
	}
	*f = *next
	if err := kr.Delete(keyringService, slot.Account); err != nil {
		return fmt.Errorf("the journal no longer unlocks from the keyring, but its entry could not be deleted: %w", err)
	}
	return nil
}

// Discard removes the keys file and any keyring entry: encryption is off.
func (f *File) Discard(kr Keyring) error {
	if slot, ok := f.slot(KindKeyring); ok && kr != nil {
		_ = kr.Delete(keyringService, slot.Account)
	}
	return Remove(f.path)
}

func (f *File) clone() *File {
	c := *f
	c.Slots = append([]Slot(nil), f.Slots...)
	return &c
}

// CopyTo writes a copy of the file to path without its keyring slot,
// which only this computer's keyring opens: a sync folder carries the
// journal's keys so that another computer joins with the passphrase or the
// recovery code, and the journal it joins with keeps a copy of its own.
// Like Save, it refuses to replace a file at path.
func (f *File) CopyTo(path string) error {
	c := f.clone()
	c.path = path
	c.dropSlot(KindKeyring)
	return c.Save()
}
