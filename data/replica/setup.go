package replica

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/transfer"
)

// KeysPath is where a sync folder carries the journal's keys file, so a
// new computer can unlock the folder with the passphrase or the recovery
// code before it has a journal of its own.
func KeysPath(folder string) string { return filepath.Join(folder, keysName) }

// DefaultName is the name a device gets when none is given: the computer's.
func DefaultName() string {
	if h, err := os.Hostname(); err == nil && h != "" {
		return h
	}
	return "This computer"
}

// Setup makes the journal sync through root, an empty folder the person's
// sync tool keeps in step (or a folder this journal synced with before it
// was removed, to sync again). The journal's records as they are now go
// into a first snapshot, from which other computers join. name is this
// computer's name as the others will show it.
func Setup(ctx context.Context, s *data.Store, dataKey []byte, root, name string, opts Options) (*Replica, error) {
	root, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	name = strings.TrimSpace(name)
	if name == "" {
		name = DefaultName()
	}
	opts = opts.withDefaults()
	old, err := readState(s)
	switch {
	case err == nil && old.RemovedAt.Valid && sameFolder(old.Folder, root):
		return rejoin(ctx, s, dataKey, old, name, opts)
	case err == nil && sameFolder(old.Folder, root):
		return Open(s, dataKey, opts)
	case err == nil:
		return nil, fmt.Errorf("this journal already syncs with %s; stop syncing there first", old.Folder)
	case !errors.Is(err, ErrNotSetUp):
		return nil, err
	}
	if _, err := readMarker(root); err == nil {
		return nil, fmt.Errorf("%w: the folder already syncs a journal; to add this computer to it, join it from a new journal", ErrFolderInUse)
	}
	f, err := createFolder(root, newID(), dataKey)
	if err != nil {
		return nil, err
	}
	r := &Replica{store: s, folder: f, opts: opts}
	err = s.WriteSmallSQL(ctx, func(tx *sql.Tx) error {
		return r.insertState(ctx, tx, newID(), name)
	})
	if err != nil {
		return nil, err
	}
	if _, err := r.writeSnapshot(ctx, true); err != nil {
		return nil, err
	}
	st, err := readState(s)
	if err != nil {
		return nil, err
	}
	return r, r.writeOwnState(ctx, r.keptFrom(st, nil, nil, false))
}

func sameFolder(a, b string) bool {
	return filepath.Clean(a) == filepath.Clean(b)
}

// insertState makes the journal's sync row: capture on from here.
func (r *Replica) insertState(ctx context.Context, tx *sql.Tx, device, name string) error {
	num, err := deviceNum(ctx, tx, device)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE sync_devices SET name = ? WHERE num = ?`, name, num); err != nil {
		return err
	}
	now := ms(r.now())
	_, err = tx.ExecContext(ctx, `INSERT INTO sync_state (id, journal, device, device_num, name, folder, home, capture, hlc, created_at, updated_at)
		VALUES (1, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`, r.folder.journal, device, num, name, r.folder.root, r.home(), now<<16, now, now)
	return err
}

// rejoin brings back a device that was removed: it syncs on under a new
// identity and catches up from the folder; the changes made here while it
// was removed go out with its first round.
func rejoin(ctx context.Context, s *data.Store, dataKey []byte, old *syncState, name string, opts Options) (*Replica, error) {
	f, err := openFolder(old.Folder, dataKey)
	if err != nil {
		return nil, folderErr(old.Folder, err)
	}
	if f.journal != old.Journal {
		return nil, ErrOtherJournal
	}
	r := &Replica{store: s, folder: f, opts: opts}
	err = s.WriteSmallSQL(ctx, func(tx *sql.Tx) error {
		if err := r.newIdentity(ctx, tx, old, false); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE sync_state SET name = ? WHERE id = 1`, name)
		return err
	})
	if err != nil {
		return nil, err
	}
	_, err = r.Round(ctx)
	return r, err
}

// Join builds a new, empty journal from the folder root: the latest
// snapshot of every device, then every change after them, all in one
// transaction, so a join stopped part-way (ctx cancelled) leaves the
// journal as empty as it was. From then on the journal syncs as a device of
// its own, called name.
func Join(ctx context.Context, s *data.Store, dataKey []byte, root, name string, opts Options) (*Replica, error) {
	root, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	name = strings.TrimSpace(name)
	if name == "" {
		name = DefaultName()
	}
	opts = opts.withDefaults()
	if _, err := readState(s); err == nil {
		return nil, errors.New("this journal syncs already")
	} else if !errors.Is(err, ErrNotSetUp) {
		return nil, err
	}
	if empty, err := s.IsEmpty(); err != nil {
		return nil, err
	} else if !empty {
		return nil, ErrNotEmpty
	}
	f, err := openFolder(root, dataKey)
	if err != nil {
		return nil, folderErr(root, err)
	}
	r := &Replica{store: s, folder: f, opts: opts}
	err = s.WriteSQL(ctx, func(tx *sql.Tx) error {
		// The built-in tags and reframes this journal was seeded with come
		// from the folder instead, under the UUIDs every device uses.
		for _, q := range []string{`DELETE FROM tags`, `DELETE FROM reframes`} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return err
			}
		}
		if err := r.insertState(ctx, tx, newID(), name); err != nil {
			return err
		}
		return r.build(ctx, tx)
	})
	if err != nil {
		return nil, err
	}
	st, err := readState(s)
	if err != nil {
		return nil, err
	}
	states, _ := r.readStates()
	// The computers whose states were read are known by name and last
	// heard from now, so the new journal's status lists them before its
	// first round.
	if _, _, err := r.noteRemovals(ctx, st.Device, states); err != nil {
		return nil, err
	}
	return r, r.writeOwnState(ctx, r.keptFrom(st, states, nil, false))
}

// build fills the journal being joined inside tx.
func (r *Replica) build(ctx context.Context, tx *sql.Tx) error {
	st, err := loadState(ctx, tx)
	if err != nil {
		return err
	}
	a, err := newApplier(ctx, tx, st, ms(r.now()))
	if err != nil {
		return err
	}
	if err := a.markFresh(); err != nil {
		return err
	}
	resume, err := transfer.PauseIndexing(ctx, tx)
	if err != nil {
		return err
	}
	devs, err := r.folder.devices()
	if err != nil {
		return err
	}
	var readers []*snapshotReader
	defer func() {
		for _, sr := range readers {
			sr.Close()
		}
	}()
	var total int64
	for _, dev := range devs {
		seq, err := r.folder.latestSnapshot(dev)
		if err != nil || seq == 0 {
			continue
		}
		sr, err := r.folder.openSnapshot(dev, seq)
		if err != nil {
			return fmt.Errorf("reading the snapshot of another computer: %w", err)
		}
		readers = append(readers, sr)
		total += sr.head.Rows
	}
	var done int64
	progress := func(stage string, d, t int64) {
		if r.opts.Progress != nil {
			r.opts.Progress(Progress{Stage: stage, Done: d, Total: t})
		}
	}
	progress("reading", 0, total)
	tick := func() {
		done++
		if done%1000 == 0 {
			progress("reading", done, total)
		}
	}
	for _, sr := range readers {
		if err := a.mergeSnapshot(sr, tick); err != nil {
			return err
		}
	}
	progress("reading", total, total)
	var applied int64
	for {
		c, err := r.collect(ctx, st.Device, a.local, nil, 50_000)
		if err != nil {
			return err
		}
		if len(c.segs) == 0 {
			break
		}
		progress("applying", applied, applied+int64(c.ops))
		if err := a.applySegments(c.segs); err != nil {
			return err
		}
		applied += int64(c.ops)
	}
	if applied > 0 {
		progress("applying", applied, applied)
	}
	if err := resume(); err != nil {
		return err
	}
	return a.finish()
}
