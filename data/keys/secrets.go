package keys

import (
	"crypto/rand"
	"errors"
	"fmt"

	"filippo.io/age"
	"golang.org/x/crypto/chacha20poly1305"
)

// DataKeySize is the length of the data key in bytes.
const DataKeySize = 32

// Secrets are what a slot unlocks: the data key of the journal's pages and
// the identity that opens the inbox. Wipe them once the journal is locked
// again.
type Secrets struct {
	// DataKey is the journal's page key (DataKeySize bytes).
	DataKey []byte
	// identity is the age X25519 identity in its text form
	// ("AGE-SECRET-KEY-1…"), kept as bytes so Wipe can clear it.
	identity []byte
}

// Identity parses the inbox identity. age keeps its own copy of the
// private key inside the value returned, beyond Wipe's reach: drop it as
// soon as the inbox is read.
func (s *Secrets) Identity() (*age.X25519Identity, error) {
	return age.ParseX25519Identity(string(s.identity))
}

// Wipe zeroes the secrets this value holds. Safe on nil.
func (s *Secrets) Wipe() {
	if s == nil {
		return
	}
	clear(s.DataKey)
	clear(s.identity)
}

// newSecrets makes a random data key and a new identity, and returns them
// with the identity's public key.
func newSecrets() (*Secrets, string, error) {
	key := make([]byte, DataKeySize)
	if _, err := rand.Read(key); err != nil {
		return nil, "", err
	}
	id, err := age.GenerateX25519Identity()
	if err != nil {
		return nil, "", err
	}
	return &Secrets{DataKey: key, identity: []byte(id.String())}, id.Recipient().String(), nil
}

// payload lays the secrets out for sealing: a format byte, the data key,
// then the identity's text.
func (s *Secrets) payload() []byte {
	b := make([]byte, 0, 1+len(s.DataKey)+len(s.identity))
	b = append(b, 1)
	b = append(b, s.DataKey...)
	return append(b, s.identity...)
}

func secretsFrom(p []byte) (*Secrets, error) {
	if len(p) < 1+DataKeySize+1 || p[0] != 1 {
		return nil, errors.New("unknown secrets layout")
	}
	s := &Secrets{
		DataKey:  append([]byte(nil), p[1:1+DataKeySize]...),
		identity: append([]byte(nil), p[1+DataKeySize:]...),
	}
	if _, err := s.Identity(); err != nil {
		s.Wipe()
		return nil, err
	}
	return s, nil
}

// additionalData binds a sealed slot to its file: its kind, the format
// version and the public key the inbox seals to. A slot copied into
// another file, or a file whose public key was swapped (so that entries
// written while locked would go to someone else), no longer opens.
func (f *File) additionalData(kind string) []byte {
	return fmt.Appendf(nil, "%s v%d %s %s %s", formatName, f.Version, f.Cipher, kind, f.Recipient)
}

// seal seals the secrets under key (32 bytes) into a slot of kind.
func (f *File) seal(kind string, key []byte, s *Secrets) (Slot, error) {
	aead, err := chacha20poly1305.NewX(key)
	if err != nil {
		return Slot{}, err
	}
	nonce := make([]byte, aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return Slot{}, err
	}
	p := s.payload()
	defer clear(p)
	return Slot{Kind: kind, Nonce: nonce, Sealed: aead.Seal(nil, nonce, p, f.additionalData(kind))}, nil
}

// open opens a slot with key; a wrong key (or a tampered slot) gives
// errSealed.
func (f *File) open(slot Slot, key []byte) (*Secrets, error) {
	aead, err := chacha20poly1305.NewX(key)
	if err != nil {
		return nil, err
	}
	if len(slot.Nonce) != aead.NonceSize() {
		return nil, fmt.Errorf("%w: a %s slot's nonce is %d bytes", ErrBadKeysFile, slot.Kind, len(slot.Nonce))
	}
	p, err := aead.Open(nil, slot.Nonce, slot.Sealed, f.additionalData(slot.Kind))
	if err != nil {
		return nil, errSealed
	}
	defer clear(p)
	s, err := secretsFrom(p)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadKeysFile, err)
	}
	return s, nil
}

// errSealed: the slot did not open with the key derived. Callers turn it
// into the error of the way of unlocking tried.
var errSealed = errors.New("the slot did not open")
