package replica

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/bothand/bothand/data"
)

// Status is what the window shows of the sync: the folder, this computer
// and the others it has heard of, and how the last round went. It is read
// from the journal alone (no key, no folder), so the window can show it
// while the journal is open but the folder is not there.
type Status struct {
	Folder     string
	This       Device
	Others     []Device
	LastRound  time.Time // zero: no round yet
	LastResult string    // what the last round did ("Up to date", "Sent 3 changes, …")
	LastError  string    // why it failed, if it did
	Pending    int       // changes of this journal not yet in the folder
	Waiting    int       // changes from others waiting for a record they refer to
	Conflicts  int       // conflicted copies not yet resolved
	// Removed: another device removed this one from the sync (RemovedBy
	// names it); Setup on the same folder brings it back.
	Removed   bool
	RemovedBy string
}

// Device is one computer of the sync.
type Device struct {
	ID       string
	Name     string
	LastSeen time.Time // when it last wrote its state; zero if never
	Removed  bool
	Problem  string // why its files could not be read at the last round
}

// StatusOf reads the journal's sync status; ErrNotSetUp when it does not
// sync.
func StatusOf(ctx context.Context, s *data.Store) (Status, error) {
	var out Status
	err := s.ReadSQL(ctx, func(tx *sql.Tx) error {
		st, err := loadState(ctx, tx)
		if err != nil {
			return err
		}
		devs, err := loadDevices(ctx, tx)
		if err != nil {
			return err
		}
		out = Status{
			Folder: st.Folder, LastRound: fromMS(st.RoundAt), LastResult: st.RoundResult, LastError: st.RoundError,
			Removed: st.RemovedAt.Valid,
		}
		names := map[string]string{}
		for _, d := range devs {
			names[d.UUID] = d.Name
		}
		out.RemovedBy = names[st.RemovedBy]
		for _, d := range devs {
			dev := Device{ID: d.UUID, Name: d.Name, LastSeen: fromMS(d.SeenAt), Removed: d.RemovedAt.Valid, Problem: d.Problem}
			if d.UUID == st.Device {
				dev.Name, dev.LastSeen = st.Name, fromMS(st.StateAt)
				out.This = dev
				continue
			}
			if !d.SeenAt.Valid && d.Applied.Seg == 0 {
				continue // a former identity of this journal, or named but never heard from
			}
			out.Others = append(out.Others, dev)
		}
		for _, q := range []struct {
			sql string
			n   *int
		}{
			{`SELECT count(*) FROM sync_outbox`, &out.Pending},
			{`SELECT count(*) FROM sync_parked`, &out.Waiting},
			{`SELECT count(*) FROM entries WHERE conflict_at IS NOT NULL`, &out.Conflicts},
		} {
			if err := tx.QueryRowContext(ctx, q.sql).Scan(q.n); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

// IsSetUp reports whether the journal syncs with a folder.
func IsSetUp(ctx context.Context, s *data.Store) (bool, error) {
	_, err := StatusOf(ctx, s)
	if errors.Is(err, ErrNotSetUp) {
		return false, nil
	}
	return err == nil, err
}

// RemoveDevice removes another device from the sync: this journal stops
// keeping changes for it, the other devices learn of it at their next
// round, and the removed device stops syncing at its own (its changes not
// yet in the folder wait there until it is set up again). Its files in the
// folder are tidied away once every device has applied them.
func (r *Replica) RemoveDevice(ctx context.Context, id string) error {
	st, err := readState(r.store)
	if err != nil {
		return err
	}
	if id == st.Device {
		return errors.New("this computer can't remove itself; remove it from another one")
	}
	err = r.store.WriteSmallSQL(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE sync_devices SET removed_at = ?, removed_by = ? WHERE uuid = ? AND removed_at IS NULL`,
			ms(r.now()), st.Device, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			var known int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM sync_devices WHERE uuid = ?`, id).Scan(&known); err != nil {
				return err
			}
			if known == 0 {
				return errors.New("no such computer syncs with this journal")
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	_, err = r.Round(ctx)
	return err
}

// Rename changes the name this computer goes by, as the others show it
// from their next round after this one's.
func (r *Replica) Rename(ctx context.Context, name string) error {
	name = strings.TrimSpace(name)
	if name == "" {
		return errors.New("a computer's name can't be empty")
	}
	err := r.store.WriteSmallSQL(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE sync_state SET name = ?, state_at = NULL WHERE id = 1`, name); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE sync_devices SET name = ? WHERE num = (SELECT device_num FROM sync_state WHERE id = 1)`, name)
		return err
	})
	return err
}

// Stop makes the journal stop syncing: nothing more is captured, and what
// the sync kept (changes not yet sent, the clocks, the computers heard
// of) is dropped. The journal's records stay as they are, and so does the
// folder: the other computers sync on without this one (remove it there
// to tidy its files away). Setting it up again, in this folder or another,
// starts afresh.
func Stop(ctx context.Context, s *data.Store) error {
	return s.WriteSmallSQL(ctx, func(tx *sql.Tx) error {
		for _, q := range []string{
			`DELETE FROM sync_state`, `DELETE FROM sync_outbox`, `DELETE FROM sync_clocks`,
			`DELETE FROM sync_devices`, `DELETE FROM sync_alias`, `DELETE FROM sync_parked`,
		} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return err
			}
		}
		return nil
	})
}
