// Package synthetic builds large journals quickly, with plain SQL, for the
// benchmarks and tests of export, import, backup and restore: text of
// realistic length, two or so tags per entry, and a proportionate number of
// every other kind of record. The demo generator (data/demo) makes the
// journal people see; this one only needs to be big and quick to make.
package synthetic

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/bothand/bothand/data"
)

// Now is the clock of synthetic journals: their records are dated in the
// ten years before it.
var Now = time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)

// Build writes a synthetic journal of the given number of entries to
// path, quickly, with plain SQL in one transaction: text of
// realistic length, two or so tags per entry, and a proportionate number of
// every other kind of record.
func Build(path string, entries int) error {
	s, err := data.Open(path, data.Options{Now: func() time.Time { return Now }})
	if err != nil {
		return err
	}
	defer s.Close()
	r := rand.New(rand.NewPCG(7, 11))
	words := strings.Fields(`the a and to of I my work call client kids school bedtime late again meeting deadline email
		dinner tired home office laptop daughter son partner sorry promised missed project hour morning evening week
		always never should could would felt guilty ashamed because while still just really enough time family play
		pickup lunch homework report slides review budget manager tomorrow today tonight weekend park story book`)
	sentence := func(min, max int) string {
		n := min + r.IntN(max-min+1)
		var b strings.Builder
		for i := range n {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[r.IntN(len(words))])
		}
		b.WriteByte('.')
		return b.String()
	}
	base := Now.AddDate(-10, 0, 0).UnixMilli()
	span := Now.UnixMilli() - base
	uid := func() string { return uuid.Must(uuid.NewV7()).String() }
	return s.WriteSQL(context.Background(), func(tx *sql.Tx) error {
		exec := func(q string, args ...any) (int64, error) {
			res, err := tx.Exec(q, args...)
			if err != nil {
				return 0, err
			}
			return res.LastInsertId()
		}
		var tagIDs []int64
		rows, err := tx.Query("SELECT id FROM tags")
		if err != nil {
			return err
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			tagIDs = append(tagIDs, id)
		}
		rows.Close()
		for i := range 24 {
			id, err := exec("INSERT INTO tags (uuid, name, created_at, updated_at) VALUES (?, ?, ?, ?)", uid(), fmt.Sprintf("tag %d", i), base, base)
			if err != nil {
				return err
			}
			tagIDs = append(tagIDs, id)
		}
		var commitments []int64
		for i := range max(entries/200, 5) {
			start := base + r.Int64N(span)
			id, err := exec(`INSERT INTO commitments (uuid, title, tier, starts_at, ends_at, rrule, exdates, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, '[]', ?, ?)`, uid(), sentence(2, 5), 1+i%3, start, start+3600_000, "FREQ=WEEKLY", start, start)
			if err != nil {
				return err
			}
			commitments = append(commitments, id)
		}
		entryStmt, err := tx.Prepare(`INSERT INTO entries (uuid, happened_at, trigger_text, story, friend, intensity, kind, commitment_id, deleted_at, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		tagStmt, err := tx.Prepare("INSERT OR IGNORE INTO entry_tags (entry_id, tag_id) VALUES (?, ?)")
		if err != nil {
			return err
		}
		kinds := []string{"guilt", "guilt", "shame", "unsure"}
		var entryIDs []int64
		for i := range entries {
			at := base + span*int64(i)/int64(entries)
			var commitment, deleted any
			if r.IntN(10) == 0 {
				commitment = commitments[r.IntN(len(commitments))]
			}
			if r.IntN(50) == 0 {
				deleted = at + 86_400_000
			}
			res, err := entryStmt.Exec(uid(), at, sentence(8, 30), sentence(10, 40), sentence(10, 40), r.IntN(11), kinds[r.IntN(len(kinds))],
				commitment, deleted, at, at)
			if err != nil {
				return err
			}
			id, _ := res.LastInsertId()
			entryIDs = append(entryIDs, id)
			for range r.IntN(4) {
				if _, err := tagStmt.Exec(id, tagIDs[r.IntN(len(tagIDs))]); err != nil {
					return err
				}
			}
		}
		for range max(entries/50, 2) {
			start := base + r.Int64N(span)
			pid, err := exec(`INSERT INTO protocols (uuid, title, entry_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
				uid(), sentence(3, 7), entryIDs[r.IntN(len(entryIDs))], start, start)
			if err != nil {
				return err
			}
			for j := range 3 {
				if _, err := exec(`INSERT INTO protocol_steps (uuid, protocol_id, position, text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
					uid(), pid, j+1, sentence(4, 10), start, start); err != nil {
					return err
				}
			}
		}
		for i := range max(entries/100, 2) {
			start := base + r.Int64N(span)
			if _, err := exec(`INSERT INTO compassion_sessions (uuid, entry_id, acknowledge, normalise, kindness, started_at, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, uid(), entryIDs[r.IntN(len(entryIDs))], sentence(5, 12), sentence(5, 12), sentence(5, 12), start, start, start); err != nil {
				return err
			}
			if _, err := exec(`INSERT INTO work_blocks (uuid, client, title, starts_at, ends_at, buffer_minutes, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, uid(), "client", sentence(2, 5), start, start+7200_000, 60, start, start); err != nil {
				return err
			}
			if _, err := exec(`INSERT INTO slip_readings (uuid, day, read_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
				uid(), time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i).Format("2006-01-02"), start, start, start); err != nil {
				return err
			}
		}
		for i := range 8 {
			if _, err := exec(`INSERT INTO slips (uuid, text, position, pinned, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
				uid(), sentence(4, 10), i+1, min(i, 1)^1, base, base); err != nil {
				return err
			}
		}
		return nil
	})
}

// Journal returns a private copy of a synthetic journal with n entries,
// building the original once (kept in the temp folder).
func Journal(tb testing.TB, n int) string {
	tb.Helper()
	dir := filepath.Join(os.TempDir(), "bothand-transfer-bench")
	orig := filepath.Join(dir, fmt.Sprintf("synthetic-s%d-%d.db", data.SchemaVersion(), n))
	if _, err := os.Stat(orig); err != nil {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			tb.Fatal(err)
		}
		tmp := orig + ".tmp"
		for _, p := range []string{tmp, tmp + "-wal", tmp + "-shm"} {
			os.Remove(p)
		}
		if err := Build(tmp, n); err != nil {
			tb.Fatal(err)
		}
		if err := os.Rename(tmp, orig); err != nil {
			tb.Fatal(err)
		}
	}
	dst := filepath.Join(tb.TempDir(), "journal.db")
	b, err := os.ReadFile(orig)
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o600); err != nil {
		tb.Fatal(err)
	}
	return dst
}
