// Package inbox lets a person write in an encrypted journal while it stays
// locked: each entry is sealed to the journal's public key (age, X25519)
// into a file of its own in a folder beside the journal, readable only
// with the journal's identity, and merged into the journal at the next
// unlock, in the order written, exactly once.
//
// Exactly once: every entry carries a UUID from the moment it is written,
// the merge adds it with Store.AddEntryOnce (which skips a UUID already
// stored), and removes the file only after that commit. A merge killed
// between the two adds nothing twice: the next one finds the UUID and only
// removes the file.
package inbox

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"filippo.io/age"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/internal/atomicfile"
)

// suffix ends every sealed entry's file name; temporary files being
// written start with a dot and are never read.
const suffix = ".entry.age"

// item is what a file holds once opened: one journal entry, with the UUID
// it will keep.
type item struct {
	Version    int       `json:"version"`
	UUID       string    `json:"uuid"`
	HappenedAt time.Time `json:"happened_at"`
	Trigger    string    `json:"trigger"`
	Story      string    `json:"story,omitempty"`
	Friend     string    `json:"friend,omitempty"`
	Intensity  int       `json:"intensity"`
	Kind       data.Kind `json:"kind"`
	Tags       []string  `json:"tags,omitempty"`
}

// Add checks e as the journal would, gives it a UUID, seals it to
// recipient (the journal's public key, from its keys file) and writes it
// into dir, created private when missing. Nothing of e is written in the
// clear, not even to a temporary file. now is the clock used for the
// checks and the file's place in the order.
func Add(dir, recipient string, e data.Entry, now time.Time) (data.Entry, error) {
	if err := data.CheckEntry(&e, now); err != nil {
		return e, err
	}
	r, err := age.ParseX25519Recipient(recipient)
	if err != nil {
		return e, fmt.Errorf("the journal's keys file names no usable public key: %w", err)
	}
	e.Stamp(now)
	it := item{
		Version: 1, UUID: e.UUID, HappenedAt: e.HappenedAt, Trigger: e.Trigger, Story: e.Story,
		Friend: e.Friend, Intensity: e.Intensity, Kind: e.Kind, Tags: data.TagNames(e.Tags),
	}
	plain, err := json.Marshal(it)
	if err != nil {
		return e, err
	}
	defer clear(plain)
	var sealed bytes.Buffer
	w, err := age.Encrypt(&sealed, r)
	if err != nil {
		return e, err
	}
	if _, err := w.Write(plain); err != nil {
		return e, err
	}
	if err := w.Close(); err != nil {
		return e, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return e, err
	}
	return e, atomicfile.WriteBytes(filepath.Join(dir, name(now)), 0o600, sealed.Bytes())
}

// name orders files by the time they were written, then at random for two
// in the same nanosecond.
func name(now time.Time) string {
	var r [4]byte
	_, _ = rand.Read(r[:])
	return fmt.Sprintf("%020d-%s%s", now.UnixNano(), hex.EncodeToString(r[:]), suffix)
}

// Pending counts the entries waiting in dir.
func Pending(dir string) (int, error) {
	files, err := list(dir)
	return len(files), err
}

// list returns the sealed entries' paths in the order they were written.
func list(dir string) ([]string, error) {
	items, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var files []string
	for _, it := range items {
		if it.Type().IsRegular() && !strings.HasPrefix(it.Name(), ".") && strings.HasSuffix(it.Name(), suffix) {
			files = append(files, filepath.Join(dir, it.Name()))
		}
	}
	slices.Sort(files)
	return files, nil
}

// Merge adds the entries waiting in dir to the journal, oldest first, and
// removes each file once its entry is stored. It returns how many entries
// it added. An entry that can't be opened (sealed to another journal,
// damaged) stays in dir, and Merge reports it after merging the rest.
func Merge(s *data.Store, dir string, id age.Identity) (int, error) {
	files, err := list(dir)
	if err != nil {
		return 0, err
	}
	added := 0
	var unreadable []string
	for _, path := range files {
		e, err := open(path, id)
		if err != nil {
			unreadable = append(unreadable, filepath.Base(path))
			continue
		}
		_, isNew, err := s.AddEntryOnce(e)
		if err != nil {
			return added, fmt.Errorf("merging %s: %w", filepath.Base(path), err)
		}
		if isNew {
			added++
		}
		if err := os.Remove(path); err != nil {
			return added, err
		}
	}
	if len(files) > 0 {
		_ = atomicfile.SyncDir(dir)
	}
	if len(unreadable) > 0 {
		return added, fmt.Errorf("%d entries written while the journal was locked could not be opened and stay in %s: %s",
			len(unreadable), dir, strings.Join(unreadable, ", "))
	}
	return added, nil
}

func open(path string, id age.Identity) (data.Entry, error) {
	f, err := os.Open(path)
	if err != nil {
		return data.Entry{}, err
	}
	defer f.Close()
	r, err := age.Decrypt(f, id)
	if err != nil {
		return data.Entry{}, err
	}
	plain, err := io.ReadAll(r)
	if err != nil {
		return data.Entry{}, err
	}
	defer clear(plain)
	var it item
	if err := json.Unmarshal(plain, &it); err != nil || it.Version != 1 || it.UUID == "" {
		return data.Entry{}, errors.New("not an entry of this version")
	}
	e := data.Entry{
		HappenedAt: it.HappenedAt, Trigger: it.Trigger, Story: it.Story, Friend: it.Friend,
		Intensity: it.Intensity, Kind: it.Kind,
	}
	e.UUID = it.UUID
	for _, t := range it.Tags {
		e.Tags = append(e.Tags, data.Tag{Name: t})
	}
	return e, nil
}
