package data

import (
	"bytes"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"
)

// transferEpoch is the fixed clock of the transfer tests.
var transferEpoch = time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)

// fixedClock opens journals whose Now is always transferEpoch, so exports
// carry the same exported_at.
func transferClock() Options { return Options{Now: func() time.Time { return transferEpoch }} }

// everyKind holds the UUIDs of what fillEveryKind made.
type everyKind struct {
	entry, deletedEntry, commitment, tag, reframe, protocol, slip, triage, notice string
}

// uuids hands out predictable UUIDs, so golden files stay the same from
// run to run; each namespace gives a different series.
type uuids struct{ ns, n int }

func (u *uuids) next() string {
	u.n++
	return fmt.Sprintf("0193%04x-0000-7000-8000-%012x", u.ns, u.n)
}

// at stamps rec with the next UUID, created at created and last changed at
// updated.
func (u *uuids) at(rec *Record, created, updated time.Time) {
	rec.UUID = u.next()
	rec.stamp(created)
	rec.UpdatedAt = updated.UTC()
}

func ptr[T any](v T) *T { return &v }

// fillEveryKind writes at least one record of every kind straight through
// the models, with every reference set and nullable fields both set and
// unset, soft-deleted records, text that needs escaping, and a setting.
func fillEveryKind(t testing.TB, s *Store) everyKind {
	t.Helper()
	return fillEveryKindAs(t, s, 0)
}

// fillEveryKindAs is fillEveryKind with UUIDs from namespace ns, for a
// second journal whose records are not the first one's.
func fillEveryKindAs(t testing.TB, s *Store, ns int) everyKind {
	t.Helper()
	var out everyKind
	ids := &uuids{ns: ns}
	at := ids.at
	day := func(n int) time.Time { return transferEpoch.AddDate(0, 0, -n) }
	err := s.write(func(tx *gorm.DB) error {
		create := func(v any) {
			if err := tx.Create(v).Error; err != nil {
				t.Fatalf("create %T: %v", v, err)
			}
		}
		if err := tx.Create(&Setting{Key: "backups.keep_daily", Value: "10", UpdatedAt: day(3)}).Error; err != nil {
			return err
		}
		if err := tx.Create(&Setting{Key: "urgency.rule", Value: "any", UpdatedAt: day(4)}).Error; err != nil {
			return err
		}

		tag := Tag{Name: "School runs"}
		at(&tag.Record, day(60), day(30))
		create(&tag)
		out.tag = tag.UUID
		var builtin Tag
		if err := tx.Where("builtin_key IS NOT NULL").Order("id").Take(&builtin).Error; err != nil {
			return err
		}

		rf := Reframe{OldStory: "I'm failing them.", NewStory: "I'm showing them work and love can share a home.", Position: 5}
		at(&rf.Record, day(50), day(50))
		create(&rf)
		out.reframe = rf.UUID
		oldRf := Reframe{OldStory: "Old", NewStory: "Gone", Position: 6, DeletedAt: ptr(day(2))}
		at(&oldRf.Record, day(49), day(2))
		create(&oldRf)

		c := Commitment{
			Title: "School play", Tier: TierNonNegotiable, StartsAt: day(10), EndsAt: day(10).Add(2 * time.Hour),
			TimeZone: "Europe/Berlin", RRule: "FREQ=WEEKLY;BYDAY=TU", ExDates: []time.Time{day(3)},
			Location: "Hall \"B\"", Notes: "Bring the camera\nand tissues", ICalUID: ptr("play-2026@school.example"),
			Source: "ics", RemindBeforeMinutes: ptr(90),
		}
		at(&c.Record, day(40), day(20))
		create(&c)
		out.commitment = c.UUID
		c2 := Commitment{Title: "Swimming", Tier: TierFlexible, StartsAt: day(9), EndsAt: day(9), AllDay: true, ExDates: []time.Time{}, DeletedAt: ptr(day(1))}
		at(&c2.Record, day(39), day(1))
		create(&c2)

		oc := OccurrenceOutcome{CommitmentID: c.ID, OccursAt: day(10), Status: OutcomeMoved, MovedTo: ptr(day(8)), Note: "moved to Thursday"}
		at(&oc.Record, day(10), day(10))
		create(&oc)
		wb := WorkBlock{
			Client: "Acme", Title: "Quarterly report", StartsAt: day(7), EndsAt: day(7).Add(3 * time.Hour),
			DeadlineAt: ptr(day(5)), BufferMinutes: 120, EmergencyReason: "server down",
		}
		at(&wb.Record, day(8), day(7))
		create(&wb)
		wb2 := WorkBlock{Title: "Cancelled", StartsAt: day(6), EndsAt: day(6).Add(time.Hour), DeletedAt: ptr(day(6))}
		at(&wb2.Record, day(8), day(6))
		create(&wb2)
		mu := MakeUp{WorkBlockID: &wb.ID, CommitmentID: c2.ID, OccursAt: day(7), Note: "park on Sunday", DoneAt: ptr(day(4))}
		at(&mu.Record, day(7), day(4))
		create(&mu)
		mu2 := MakeUp{CommitmentID: c.ID, OccursAt: day(6)}
		at(&mu2.Record, day(6), day(6))
		create(&mu2)

		e := Entry{
			HappenedAt: day(10).Add(19 * time.Hour), Trigger: "Missed the school play: the client call ran over.",
			Story: "A good parent would have been there.\n\nI always choose work.", Friend: "You were there for 40 minutes, and your kid saw you wave.",
			Intensity: 8, Kind: KindGuilt, CommitmentID: &c.ID, ReframeID: &rf.ID,
		}
		at(&e.Record, day(10), day(9))
		create(&e)
		out.entry = e.UUID
		e2 := Entry{
			HappenedAt: day(3), Trigger: `Quotes " and \ backslash, tab	and ünïcödé ✓ and <html> & "csv", commas`,
			Story: "# not a heading\n- not a list\n1. not numbered", Friend: "*stars* and _underscores_ and `code`", Intensity: 0, Kind: KindShame,
		}
		at(&e2.Record, day(3), day(3))
		create(&e2)
		e3 := Entry{HappenedAt: day(2), Trigger: "deleted one", Intensity: 3, Kind: KindUnsure, DeletedAt: ptr(day(1))}
		at(&e3.Record, day(2), day(1))
		create(&e3)
		out.deletedEntry = e3.UUID
		for _, pair := range [][2]int64{{e.ID, tag.ID}, {e.ID, builtin.ID}, {e2.ID, builtin.ID}} {
			if err := tx.Exec("INSERT INTO entry_tags (entry_id, tag_id) VALUES (?, ?)", pair[0], pair[1]).Error; err != nil {
				return err
			}
		}

		d := Draft{
			EntryID: &e.ID, HappenedAt: ptr(day(10)), Trigger: "editing…", Intensity: ptr(7), Kind: "guilt",
			Tags: []string{"School runs"}, CommitmentID: &c.ID,
		}
		at(&d.Record, day(1), day(1))
		create(&d)
		d2 := Draft{Story: "half a thought", Tags: []string{}}
		at(&d2.Record, day(0), day(0))
		create(&d2)

		p := Protocol{
			Title: "School events are non-negotiable", EntryID: &e.ID, CommitmentID: &c.ID, RemindDaysBefore: 3,
			ReviewOn: ptr(transferEpoch.AddDate(0, 0, 14)), Status: ProtocolActive, TemplateKey: "school-events",
		}
		at(&p.Record, day(9), day(8))
		create(&p)
		out.protocol = p.UUID
		p2 := Protocol{Title: "Buffer on deadlines", Status: ProtocolDone, RemindDaysBefore: 2}
		at(&p2.Record, day(20), day(5))
		create(&p2)
		for i, st := range []ProtocolStep{
			{ProtocolID: p.ID, Position: 1, Text: "Put the school calendar into the Tiers", DoneAt: ptr(day(8))},
			{ProtocolID: p.ID, Position: 2, Text: "Tell the client my hours", Action: "open-tiers"},
			{ProtocolID: p.ID, Position: 3, Text: "Removed step", DeletedAt: ptr(day(7))},
			{ProtocolID: p2.ID, Position: 1, Text: "Add a day of buffer"},
		} {
			at(&st.Record, day(9).Add(time.Duration(i)*time.Minute), day(8))
			create(&st)
		}

		slip := Slip{Text: "I'm allowed to put my family first on some days.", Position: 1, Pinned: true}
		at(&slip.Record, day(30), day(30))
		create(&slip)
		out.slip = slip.UUID
		slip2 := Slip{Text: "Rest is part of doing both well.", Position: 2}
		at(&slip2.Record, day(29), day(29))
		create(&slip2)
		rd := SlipReading{SlipID: &slip.ID, Day: "2026-11-24", ReadAt: day(1)}
		at(&rd.Record, day(1), day(1))
		create(&rd)
		rd2 := SlipReading{Day: "2026-11-23", ReadAt: day(2)}
		at(&rd2.Record, day(2), day(2))
		create(&rd2)

		cs := CompassionSession{
			EntryID: &e2.ID, Acknowledge: "This hurts.", Normalise: "Many parents feel this.",
			Kindness: "May I be patient with myself.", StartedAt: day(3), FinishedAt: ptr(day(3).Add(4 * time.Minute)),
		}
		at(&cs.Record, day(3), day(3))
		create(&cs)
		cs2 := CompassionSession{StartedAt: day(1)}
		at(&cs2.Record, day(1), day(1))
		create(&cs2)

		crit := UrgencyCriterion{Question: "Will money or safety be lost by tomorrow?", Position: 1}
		at(&crit.Record, day(30), day(30))
		create(&crit)
		crit2 := UrgencyCriterion{Question: "Old question", Position: 2, DeletedAt: ptr(day(4))}
		at(&crit2.Record, day(30), day(4))
		create(&crit2)
		tri := Triage{
			Client: "Acme", Request: "Fix it tonight", AskedAt: day(5), WindowStart: day(5), WindowEnd: day(5).Add(3 * time.Hour),
			Rule: "any", Verdict: VerdictUrgentClash, Reason: "clashes with bedtime", ReplyDraft: "I can look at 21:00.",
			FollowUpAt: ptr(day(4)), TrulyUrgent: ptr(false), LookedBackAt: ptr(day(2)),
		}
		at(&tri.Record, day(5), day(2))
		create(&tri)
		out.triage = tri.UUID
		tri2 := Triage{AskedAt: day(4), WindowStart: day(4), WindowEnd: day(4), Verdict: VerdictNotUrgent}
		at(&tri2.Record, day(4), day(4))
		create(&tri2)
		for i, a := range []TriageAnswer{
			{TriageID: tri.ID, CriterionID: &crit.ID, Question: crit.Question, Yes: true, Position: 1},
			{TriageID: tri.ID, Question: "A question since deleted", Yes: false, Position: 2},
		} {
			at(&a.Record, day(5).Add(time.Duration(i)*time.Second), day(5))
			create(&a)
		}

		n := Notice{Kind: "morning-slip", Ref: "2026-11-24", DueAt: day(1), SentAt: day(1).Add(time.Second)}
		at(&n.Record, day(1), day(1))
		create(&n)
		out.notice = n.UUID
		return nil
	})
	if err != nil {
		t.Fatalf("fillEveryKind: %v", err)
	}
	return out
}

// exportJSON returns the journal's JSON export.
func exportJSON(t testing.TB, s *Store) string {
	t.Helper()
	var b bytes.Buffer
	if err := s.ExportJSON(&b, ExportOptions{}); err != nil {
		t.Fatalf("export: %v", err)
	}
	return b.String()
}

// importString imports a JSON document given as a string.
func importString(s *Store, doc string) (ImportSummary, error) {
	return s.Import(strings.NewReader(doc), ImportOptions{})
}

// dumpTables renders every row of every table, FTS index included, so a
// test can check that a refused import changed nothing at all. It reads
// SQLite directly rather than through the export under test.
func dumpTables(t testing.TB, s *Store) string {
	t.Helper()
	var tables []string
	if err := s.db.Raw(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).Scan(&tables).Error; err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, table := range tables {
		rows, err := s.db.Raw("SELECT * FROM " + table).Rows()
		if err != nil {
			t.Fatalf("dump %s: %v", table, err)
		}
		cols, _ := rows.Columns()
		fmt.Fprintf(&b, "== %s %v\n", table, cols)
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "%v\n", vals)
		}
		rows.Close()
	}
	return b.String()
}

// buildBenchJournal writes a synthetic journal of the given number of
// entries to path, quickly, with plain SQL in one transaction: text of
// realistic length, two or so tags per entry, and a proportionate number of
// every other kind of record.
func buildBenchJournal(path string, entries int) error {
	s, err := Open(path, Options{Now: func() time.Time { return transferEpoch }})
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
	base := transferEpoch.AddDate(-10, 0, 0).UnixMilli()
	span := transferEpoch.UnixMilli() - base
	uid := func() string { return newUUID() }
	return s.write(func(gtx *gorm.DB) error {
		tx := gtx.Statement.ConnPool.(*sql.Tx)
		exec := func(q string, args ...any) (int64, error) {
			res, err := tx.Exec(q, args...)
			if err != nil {
				return 0, err
			}
			return res.LastInsertId()
		}
		var tagIDs []int64
		if err := gtx.Raw("SELECT id FROM tags").Scan(&tagIDs).Error; err != nil {
			return err
		}
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

// SyntheticJournal returns a private copy of a synthetic journal with n
// entries, building the original once (kept in the temp folder). The
// benchmarks measure on it while the shared demo generator does not yet
// make entries. Exported for the external benchmark package; it exists only
// in test builds.
func SyntheticJournal(tb testing.TB, n int) string {
	tb.Helper()
	dir := filepath.Join(os.TempDir(), "bothand-transfer-bench")
	orig := filepath.Join(dir, fmt.Sprintf("synthetic-s%d-%d.db", SchemaVersion(), n))
	if _, err := os.Stat(orig); err != nil {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			tb.Fatal(err)
		}
		tmp := orig + ".tmp"
		removeJournalFiles(tmp)
		if err := buildBenchJournal(tmp, n); err != nil {
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
