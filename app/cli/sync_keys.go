package cli

import (
	"errors"

	"github.com/bothand/bothand/data"
)

// The sync seals every file it puts in the folder with the journal's data
// key, so syncing needs a journal protected with a passphrase; the keys
// file travels in the folder, so another computer joins with the same
// passphrase (or the recovery code). The keys are the vault's work
// (data/vault, issue 17): syncKeys is where the sync verbs meet it.
type journalKeys interface {
	// Open opens the journal at path with its data key, asking for its
	// passphrase as the other verbs do.
	Open(c *command, path string, o data.Options) (*data.Store, []byte, error)
	// Publish puts the journal's keys file into the sync folder.
	Publish(journal, folder string) error
	// Create makes a new journal at path that shares the folder's keys,
	// unlocked with the passphrase or recovery code (asked for, or read
	// from passFile).
	Create(c *command, path, folder, passFile string, o data.Options) (*data.Store, []byte, error)
	// Remove deletes a journal Create made, when the join failed.
	Remove(path string)
}

// errNeedsEncryption: the journal is not protected with a passphrase.
var errNeedsEncryption = errors.New("syncing needs a journal protected with a passphrase, and this build of Both/And can't protect one yet")

var syncKeys journalKeys = unencrypted{}

// unencrypted stands until journals can be encrypted: it refuses to sync.
type unencrypted struct{}

func (unencrypted) Open(*command, string, data.Options) (*data.Store, []byte, error) {
	return nil, nil, errNeedsEncryption
}

func (unencrypted) Publish(string, string) error { return errNeedsEncryption }

func (unencrypted) Create(*command, string, string, string, data.Options) (*data.Store, []byte, error) {
	return nil, nil, errNeedsEncryption
}

func (unencrypted) Remove(string) {}
