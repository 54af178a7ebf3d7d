package transfer

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/glebarez/sqlite"
	"github.com/ncruces/go-sqlite3/driver"
	"github.com/ncruces/go-sqlite3/ext/fts5"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/bothand/bothand/data"
)

// transferEpoch is the fixed clock of the transfer tests.
var transferEpoch = time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)

// ctx is the context of jobs a test does not cancel.
var ctx = context.Background()

// transferClock opens journals whose Now is always transferEpoch, so
// exports carry the same exported_at.
func transferClock() data.Options {
	return data.Options{Now: func() time.Time { return transferEpoch }}
}

// openTemp opens a new journal in the test's temp folder.
func openTemp(t testing.TB, opts ...data.Options) *data.Store {
	t.Helper()
	var o data.Options
	if len(opts) > 0 {
		o = opts[0]
	}
	s, err := data.Open(filepath.Join(t.TempDir(), "journal.db"), o)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// direct opens a second connection to s's file, as another program would,
// for what the tests do behind the store's back: write records with given
// UUIDs and times through the models, read tables row by row.
func direct(t testing.TB, s *data.Store) *gorm.DB {
	t.Helper()
	pool, err := driver.Open("file:"+s.Path()+"?_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)&_txlock=immediate", fts5.Register)
	if err != nil {
		t.Fatal(err)
	}
	db, err := gorm.Open(sqlite.Dialector{Conn: pool}, &gorm.Config{Logger: logger.Discard, SkipDefaultTransaction: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if sqlDB, err := db.DB(); err == nil {
			sqlDB.Close()
		}
	})
	return db
}

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
func (u *uuids) at(rec *data.Record, created, updated time.Time) {
	rec.UUID = u.next()
	rec.Stamp(created)
	rec.UpdatedAt = updated.UTC()
}

func ptr[T any](v T) *T { return &v }

// fillEveryKind writes at least one record of every kind straight through
// the models, with every reference set and nullable fields both set and
// unset, soft-deleted records, text that needs escaping, and a setting.
func fillEveryKind(t testing.TB, s *data.Store) everyKind {
	t.Helper()
	return fillEveryKindAs(t, s, 0)
}

// fillEveryKindAs is fillEveryKind with UUIDs from namespace ns, for a
// second journal whose records are not the first one's.
func fillEveryKindAs(t testing.TB, s *data.Store, ns int) everyKind {
	t.Helper()
	var out everyKind
	ids := &uuids{ns: ns}
	at := ids.at
	day := func(n int) time.Time { return transferEpoch.AddDate(0, 0, -n) }
	err := direct(t, s).Transaction(func(tx *gorm.DB) error {
		create := func(v any) {
			if err := tx.Create(v).Error; err != nil {
				t.Fatalf("create %T: %v", v, err)
			}
		}
		if err := tx.Create(&data.Setting{Key: "backups.keep_daily", Value: "10", UpdatedAt: day(3)}).Error; err != nil {
			return err
		}
		if err := tx.Create(&data.Setting{Key: "urgency.rule", Value: "any", UpdatedAt: day(4)}).Error; err != nil {
			return err
		}

		tag := data.Tag{Name: "School runs"}
		at(&tag.Record, day(60), day(30))
		create(&tag)
		out.tag = tag.UUID
		var builtin data.Tag
		if err := tx.Where("builtin_key IS NOT NULL").Order("id").Take(&builtin).Error; err != nil {
			return err
		}

		rf := data.Reframe{OldStory: "I'm failing them.", NewStory: "I'm showing them work and love can share a home.", Position: 5}
		at(&rf.Record, day(50), day(50))
		create(&rf)
		out.reframe = rf.UUID
		oldRf := data.Reframe{OldStory: "Old", NewStory: "Gone", Position: 6, DeletedAt: ptr(day(2))}
		at(&oldRf.Record, day(49), day(2))
		create(&oldRf)

		c := data.Commitment{
			Title: "School play", Tier: data.TierNonNegotiable, StartsAt: day(10), EndsAt: day(10).Add(2 * time.Hour),
			TimeZone: "Europe/Berlin", RRule: "FREQ=WEEKLY;BYDAY=TU", ExDates: []time.Time{day(3)},
			Location: "Hall \"B\"", Notes: "Bring the camera\nand tissues", ICalUID: ptr("play-2026@school.example"),
			Source: "ics", RemindBeforeMinutes: ptr(90),
		}
		at(&c.Record, day(40), day(20))
		create(&c)
		out.commitment = c.UUID
		c2 := data.Commitment{Title: "Swimming", Tier: data.TierFlexible, StartsAt: day(9), EndsAt: day(9), AllDay: true, ExDates: []time.Time{}, DeletedAt: ptr(day(1))}
		at(&c2.Record, day(39), day(1))
		create(&c2)

		oc := data.OccurrenceOutcome{CommitmentID: c.ID, OccursAt: day(10), Status: data.OutcomeMoved, MovedTo: ptr(day(8)), Note: "moved to Thursday"}
		at(&oc.Record, day(10), day(10))
		create(&oc)
		wb := data.WorkBlock{
			Client: "Acme", Title: "Quarterly report", StartsAt: day(7), EndsAt: day(7).Add(3 * time.Hour),
			DeadlineAt: ptr(day(5)), BufferMinutes: 120, EmergencyReason: "server down",
		}
		at(&wb.Record, day(8), day(7))
		create(&wb)
		wb2 := data.WorkBlock{Title: "Cancelled", StartsAt: day(6), EndsAt: day(6).Add(time.Hour), DeletedAt: ptr(day(6))}
		at(&wb2.Record, day(8), day(6))
		create(&wb2)
		mu := data.MakeUp{WorkBlockID: &wb.ID, CommitmentID: c2.ID, OccursAt: day(7), Note: "park on Sunday", DoneAt: ptr(day(4))}
		at(&mu.Record, day(7), day(4))
		create(&mu)
		mu2 := data.MakeUp{CommitmentID: c.ID, OccursAt: day(6)}
		at(&mu2.Record, day(6), day(6))
		create(&mu2)

		e := data.Entry{
			HappenedAt: day(10).Add(19 * time.Hour), Trigger: "Missed the school play: the client call ran over.",
			Story: "A good parent would have been there.\n\nI always choose work.", Friend: "You were there for 40 minutes, and your kid saw you wave.",
			Intensity: 8, Kind: data.KindGuilt, CommitmentID: &c.ID, ReframeID: &rf.ID,
		}
		at(&e.Record, day(10), day(9))
		create(&e)
		out.entry = e.UUID
		e2 := data.Entry{
			HappenedAt: day(3), Trigger: `Quotes " and \ backslash, tab	and ünïcödé ✓ and <html> & "csv", commas`,
			Story: "# not a heading\n- not a list\n1. not numbered", Friend: "*stars* and _underscores_ and `code`", Intensity: 0, Kind: data.KindShame,
		}
		at(&e2.Record, day(3), day(3))
		create(&e2)
		e3 := data.Entry{HappenedAt: day(2), Trigger: "deleted one", Intensity: 3, Kind: data.KindUnsure, DeletedAt: ptr(day(1))}
		at(&e3.Record, day(2), day(1))
		create(&e3)
		out.deletedEntry = e3.UUID
		for _, pair := range [][2]int64{{e.ID, tag.ID}, {e.ID, builtin.ID}, {e2.ID, builtin.ID}} {
			if err := tx.Exec("INSERT INTO entry_tags (entry_id, tag_id) VALUES (?, ?)", pair[0], pair[1]).Error; err != nil {
				return err
			}
		}

		d := data.Draft{
			EntryID: &e.ID, HappenedAt: ptr(day(10)), Trigger: "editing…", Intensity: ptr(7), Kind: "guilt",
			Tags: []string{"School runs"}, CommitmentID: &c.ID,
		}
		at(&d.Record, day(1), day(1))
		create(&d)
		d2 := data.Draft{Story: "half a thought", Tags: []string{}}
		at(&d2.Record, day(0), day(0))
		create(&d2)

		p := data.Protocol{
			Title: "School events are non-negotiable", EntryID: &e.ID, CommitmentID: &c.ID, RemindDaysBefore: 3,
			ReviewOn: ptr(transferEpoch.AddDate(0, 0, 14)), Status: data.ProtocolActive, TemplateKey: "school-events",
		}
		at(&p.Record, day(9), day(8))
		create(&p)
		out.protocol = p.UUID
		p2 := data.Protocol{Title: "Buffer on deadlines", Status: data.ProtocolDone, RemindDaysBefore: 2}
		at(&p2.Record, day(20), day(5))
		create(&p2)
		for i, st := range []data.ProtocolStep{
			{ProtocolID: p.ID, Position: 1, Text: "Put the school calendar into the Tiers", DoneAt: ptr(day(8))},
			{ProtocolID: p.ID, Position: 2, Text: "Tell the client my hours", Action: "open-tiers"},
			{ProtocolID: p.ID, Position: 3, Text: "Removed step", DeletedAt: ptr(day(7))},
			{ProtocolID: p2.ID, Position: 1, Text: "Add a day of buffer"},
		} {
			at(&st.Record, day(9).Add(time.Duration(i)*time.Minute), day(8))
			create(&st)
		}

		slip := data.Slip{Text: "I'm allowed to put my family first on some days.", Position: 1, Pinned: true}
		at(&slip.Record, day(30), day(30))
		create(&slip)
		out.slip = slip.UUID
		slip2 := data.Slip{Text: "Rest is part of doing both well.", Position: 2}
		at(&slip2.Record, day(29), day(29))
		create(&slip2)
		rd := data.SlipReading{SlipID: &slip.ID, Day: "2026-11-24", ReadAt: day(1)}
		at(&rd.Record, day(1), day(1))
		create(&rd)
		rd2 := data.SlipReading{Day: "2026-11-23", ReadAt: day(2)}
		at(&rd2.Record, day(2), day(2))
		create(&rd2)

		cs := data.CompassionSession{
			EntryID: &e2.ID, Acknowledge: "This hurts.", Normalise: "Many parents feel this.",
			Kindness: "May I be patient with myself.", StartedAt: day(3), FinishedAt: ptr(day(3).Add(4 * time.Minute)),
		}
		at(&cs.Record, day(3), day(3))
		create(&cs)
		cs2 := data.CompassionSession{StartedAt: day(1)}
		at(&cs2.Record, day(1), day(1))
		create(&cs2)

		crit := data.UrgencyCriterion{Question: "Will money or safety be lost by tomorrow?", Position: 1}
		at(&crit.Record, day(30), day(30))
		create(&crit)
		crit2 := data.UrgencyCriterion{Question: "Old question", Position: 2, DeletedAt: ptr(day(4))}
		at(&crit2.Record, day(30), day(4))
		create(&crit2)
		tri := data.Triage{
			Client: "Acme", Request: "Fix it tonight", AskedAt: day(5), WindowStart: day(5), WindowEnd: day(5).Add(3 * time.Hour),
			Rule: "any", Verdict: data.VerdictUrgentClash, Reason: "clashes with bedtime", ReplyDraft: "I can look at 21:00.",
			FollowUpAt: ptr(day(4)), TrulyUrgent: ptr(false), LookedBackAt: ptr(day(2)),
		}
		at(&tri.Record, day(5), day(2))
		create(&tri)
		out.triage = tri.UUID
		tri2 := data.Triage{AskedAt: day(4), WindowStart: day(4), WindowEnd: day(4), Verdict: data.VerdictNotUrgent}
		at(&tri2.Record, day(4), day(4))
		create(&tri2)
		for i, a := range []data.TriageAnswer{
			{TriageID: tri.ID, CriterionID: &crit.ID, Question: crit.Question, Yes: true, Position: 1},
			{TriageID: tri.ID, Question: "A question since deleted", Yes: false, Position: 2},
		} {
			at(&a.Record, day(5).Add(time.Duration(i)*time.Second), day(5))
			create(&a)
		}

		n := data.Notice{Kind: "morning-slip", Ref: "2026-11-24", DueAt: day(1), SentAt: day(1).Add(time.Second)}
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
func exportJSON(t testing.TB, s *data.Store) string {
	t.Helper()
	var b bytes.Buffer
	if err := ExportJSON(ctx, s, &b, ExportOptions{}); err != nil {
		t.Fatalf("export: %v", err)
	}
	return b.String()
}

// importString imports a JSON document given as a string.
func importString(s *data.Store, doc string) (ImportSummary, error) {
	return Import(ctx, s, strings.NewReader(doc), ImportOptions{})
}

// dumpTables renders every row of every table, FTS index included, so a
// test can check that a refused import changed nothing at all. It reads
// SQLite directly rather than through the export under test.
func dumpTables(t testing.TB, s *data.Store) string {
	t.Helper()
	db := direct(t, s)
	var tables []string
	if err := db.Raw(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).Scan(&tables).Error; err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, table := range tables {
		rows, err := db.Raw("SELECT * FROM " + table).Rows()
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
