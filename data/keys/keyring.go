package keys

import (
	"errors"

	"github.com/zalando/go-keyring"
)

// Keyring is where "remember on this computer" keeps a journal's keyring
// secret: the system's (SystemKeyring) or, in tests, a fake.
type Keyring interface {
	Get(service, account string) (string, error)
	Set(service, account, secret string) error
	Delete(service, account string) error
}

// keyringService names Both/And's entries in the keyring.
const keyringService = "Both/And journal"

// SystemKeyring is the operating system's keyring through
// github.com/zalando/go-keyring: the Secret Service (GNOME Keyring,
// KWallet) on Linux, the Keychain on macOS, the Credential Manager on
// Windows. When it is missing or locked, its calls fail and the person
// types the passphrase instead.
type SystemKeyring struct{}

// Get implements Keyring.
func (SystemKeyring) Get(service, account string) (string, error) {
	s, err := keyring.Get(service, account)
	if errors.Is(err, keyring.ErrNotFound) {
		return "", ErrNotRemembered
	}
	return s, err
}

// Set implements Keyring.
func (SystemKeyring) Set(service, account, secret string) error {
	return keyring.Set(service, account, secret)
}

// Delete implements Keyring.
func (SystemKeyring) Delete(service, account string) error {
	err := keyring.Delete(service, account)
	if errors.Is(err, keyring.ErrNotFound) {
		return nil
	}
	return err
}
