package transfer

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/bothand/bothand/data"
)

func TestImportTwiceChangesNothing(t *testing.T) {
	t.Parallel()
	src := openTemp(t, transferClock())
	fillEveryKind(t, src)
	doc := exportJSON(t, src)

	dst := openTemp(t, transferClock())
	if _, err := importString(dst, doc); err != nil {
		t.Fatal(err)
	}
	before := dumpTables(t, dst)
	sum, err := importString(dst, doc)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added() != 0 || sum.Updated() != 0 || sum.Unchanged() == 0 {
		t.Errorf("second import: %s", sum)
	}
	if !strings.HasPrefix(sum.String(), "Nothing new:") {
		t.Errorf("summary %q", sum)
	}
	if after := dumpTables(t, dst); after != before {
		t.Error("the second import changed the journal")
	}
	// And into the journal it came from: nothing to do either.
	before = dumpTables(t, src)
	if sum, err := importString(src, doc); err != nil || sum.Added()+sum.Updated() != 0 {
		t.Errorf("import into its own journal: %s, %v", sum, err)
	}
	if dumpTables(t, src) != before {
		t.Error("importing a journal's own export changed it")
	}
}

// edit rewrites one record of an export, found by its UUID.
func edit(t *testing.T, doc, uuid string, f func(line string) string) string {
	t.Helper()
	lines := strings.Split(doc, "\n")
	for i, l := range lines {
		if strings.Contains(l, `{"uuid":"`+uuid+`"`) {
			lines[i] = f(l)
			return strings.Join(lines, "\n")
		}
	}
	t.Fatalf("no record %s in the export", uuid)
	return ""
}

func setField(line, field, value string) string {
	re := regexp.MustCompile(`"` + field + `":("(?:[^"\\]|\\.)*"|\[[^\]]*\]|[^,}]*)`)
	if !re.MatchString(line) {
		panic("no field " + field + " in " + line)
	}
	return re.ReplaceAllLiteralString(line, `"`+field+`":`+value)
}

func TestImportNewerCopyWins(t *testing.T) {
	t.Parallel()
	s := openTemp(t, transferClock())
	ids := fillEveryKind(t, s)
	doc := exportJSON(t, s)

	// The file's copy is newer: it replaces the journal's.
	newer := edit(t, doc, ids.entry, func(l string) string {
		l = setField(l, "story", `"I did what I could."`)
		l = setField(l, "tags", "[]")
		return setField(l, "updated_at", `"2026-11-25T08:00:00.000Z"`)
	})
	// The file's copy is older than the journal's: the journal keeps its own.
	older := edit(t, newer, ids.protocol, func(l string) string {
		l = setField(l, "title", `"Old title"`)
		return setField(l, "updated_at", `"2020-01-01T00:00:00.000Z"`)
	})
	// Same updated_at, different text: the journal's copy stays.
	same := edit(t, older, ids.slip, func(l string) string { return setField(l, "text", `"A different slip."`) })

	sum, err := importString(s, same)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Updated() != 1 || sum.Added() != 0 {
		t.Errorf("summary: %s", sum)
	}
	var e data.Entry
	direct(t, s).Preload("Tags").Where("uuid = ?", ids.entry).Take(&e)
	if e.Story != "I did what I could." || !e.UpdatedAt.Equal(time.Date(2026, 11, 25, 8, 0, 0, 0, time.UTC)) || len(e.Tags) != 0 {
		t.Errorf("newer file copy did not win: %q %v tags %d", e.Story, e.UpdatedAt, len(e.Tags))
	}
	if e.CommitmentID == nil {
		t.Error("the entry lost its commitment")
	}
	var hits int
	direct(t, s).Raw(`SELECT count(*) FROM entries_fts WHERE entries_fts MATCH '"could"'`).Scan(&hits)
	if hits != 1 {
		t.Errorf("search does not find the imported text (%d hits)", hits)
	}
	var p data.Protocol
	direct(t, s).Where("uuid = ?", ids.protocol).Take(&p)
	if p.Title != "School events are non-negotiable" {
		t.Errorf("an older file copy replaced the journal's: %q", p.Title)
	}
	var slip data.Slip
	direct(t, s).Where("uuid = ?", ids.slip).Take(&slip)
	if slip.Text == "A different slip." {
		t.Error("a copy with the same updated_at replaced the journal's")
	}
}

func TestImportResolvesReferencesToTheJournal(t *testing.T) {
	t.Parallel()
	s := openTemp(t, transferClock())
	ids := fillEveryKind(t, s)
	// A file with only a new protocol for an entry already in the journal,
	// and its step listed before it (a hand-made file may do that).
	doc := fmt.Sprintf(`{"format":"bothand-journal","format_version":1,"records":{
		"protocol_steps":[{"uuid":"01a2122f-0000-7000-8000-000000000002","protocol":"01a2122f-0000-7000-8000-000000000001","position":1,"text":"Leave at 15:00","action":"","done_at":null,"deleted_at":null,"created_at":"2026-11-25T08:00:00Z","updated_at":"2026-11-25T08:00:00Z"}],
		"protocols":[{"uuid":"01a2122f-0000-7000-8000-000000000001","title":"Pickup plan","entry":%q,"commitment":null,"remind_days_before":1,"review_on":null,"status":"active","template_key":"","deleted_at":null,"created_at":"2026-11-25T08:00:00Z","updated_at":"2026-11-25T08:00:00Z"}],
		"entries":[]
	}}`, ids.entry)
	sum, err := importString(s, doc)
	if err != nil {
		t.Fatal(err)
	}
	if sum.String() != "Added 1 protocol and 1 protocol step. The file holds no records." && sum.Added() != 2 {
		t.Errorf("summary %q", sum)
	}
	var got struct {
		Title string
		Entry string
		Step  string
	}
	direct(t, s).Raw(`SELECT p.title, e.uuid AS entry, st.text AS step FROM protocols p JOIN entries e ON e.id = p.entry_id
		JOIN protocol_steps st ON st.protocol_id = p.id WHERE p.uuid = '01a2122f-0000-7000-8000-000000000001'`).Scan(&got)
	if got.Title != "Pickup plan" || got.Entry != ids.entry || got.Step != "Leave at 15:00" {
		t.Errorf("imported %+v", got)
	}
}

func TestImportMergesBuiltinsAndNaturalKeys(t *testing.T) {
	t.Parallel()
	src := openTemp(t, transferClock())
	fillEveryKind(t, src)
	doc := exportJSON(t, src)

	// Another journal, whose person renamed a built-in tag after the
	// export, and imported the same school calendar (same ical_uid).
	later := transferEpoch.Add(time.Hour)
	dst := openTemp(t, data.Options{Now: func() time.Time { return later }})
	if err := direct(t, dst).Exec("UPDATE tags SET name = 'Seen but not there', updated_at = ? WHERE builtin_key = 'visibility-trap'", later.Add(time.Minute).UnixMilli()).Error; err != nil {
		t.Fatal(err)
	}
	own := data.Commitment{Title: "School play (their calendar)", Tier: 1, StartsAt: later, EndsAt: later, ExDates: []time.Time{}, ICalUID: ptr("play-2026@school.example")}
	own.Stamp(later)
	if err := direct(t, dst).Create(&own).Error; err != nil {
		t.Fatal(err)
	}
	if _, err := importString(dst, doc); err != nil {
		t.Fatal(err)
	}
	var names []string
	direct(t, dst).Raw("SELECT name FROM tags ORDER BY id").Scan(&names)
	if len(names) != 7 || names[0] != "Seen but not there" {
		t.Errorf("tags after import: %v (the edited built-in should stay, pristine ones be merged, no duplicates)", names)
	}
	var commitments []data.Commitment
	direct(t, dst).Where("ical_uid IS NOT NULL").Find(&commitments)
	if len(commitments) != 1 || commitments[0].Title != "School play (their calendar)" {
		t.Fatalf("commitments with the calendar's uid: %+v", commitments)
	}
	// The file's entry refers to the file's commitment, which is now the
	// journal's own (matched by ical_uid): the reference follows it.
	var linked int
	direct(t, dst).Raw("SELECT count(*) FROM entries WHERE commitment_id = ?", commitments[0].ID).Scan(&linked)
	if linked != 1 {
		t.Errorf("%d entries linked to the merged commitment, want 1", linked)
	}
	// The entry tagged with the renamed built-in keeps that tag.
	var tagged int
	direct(t, dst).Raw(`SELECT count(*) FROM entry_tags et JOIN tags g ON g.id = et.tag_id WHERE g.builtin_key = 'visibility-trap'`).Scan(&tagged)
	if tagged != 2 {
		t.Errorf("%d entries tagged with the merged built-in, want 2", tagged)
	}
	// Importing again is still a no-op.
	before := dumpTables(t, dst)
	if sum, err := importString(dst, doc); err != nil || sum.Added()+sum.Updated() != 0 {
		t.Errorf("second import: %s %v", sum, err)
	}
	if dumpTables(t, dst) != before {
		t.Error("the second import changed the journal")
	}
}

func TestImportKeepsOnePinnedSlip(t *testing.T) {
	t.Parallel()
	src := openTemp(t, transferClock())
	fillEveryKind(t, src) // its pinned slip was last changed 30 days ago
	doc := exportJSON(t, src)

	dst := openTemp(t, transferClock())
	mine, err := dst.AddSlip("My own pinned slip.", true)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := importString(dst, doc); err != nil {
		t.Fatal(err)
	}
	pinned, ok, err := dst.PinnedSlip()
	if err != nil || !ok || pinned.UUID != mine.UUID {
		t.Errorf("pinned after import: %+v (want the journal's own, more recent one)", pinned)
	}
	// A newer pinned slip from a file takes the pin.
	newer := strings.Replace(doc, `"updated_at":"2026-10-26T09:00:00.000Z"}`, `"updated_at":"2026-11-25T10:00:00.000Z"}`, 1)
	newer = edit(t, newer, pinnedUUID(t, src), func(l string) string { return setField(l, "updated_at", `"2026-11-25T10:00:00.000Z"`) })
	if _, err := importString(dst, newer); err != nil {
		t.Fatal(err)
	}
	if pinned, _, _ := dst.PinnedSlip(); pinned.UUID == mine.UUID {
		t.Error("the newer imported pinned slip did not take the pin")
	}
}

func pinnedUUID(t *testing.T, s *data.Store) string {
	slip, ok, err := s.PinnedSlip()
	if !ok || err != nil {
		t.Fatal("no pinned slip", err)
	}
	return slip.UUID
}

// TestBadImportsChangeNothing: every kind of bad file is refused with a
// message that names the problem and, where it can, the place; the journal
// is left exactly as it was.
func TestBadImportsChangeNothing(t *testing.T) {
	t.Parallel()
	src := openTemp(t, transferClock())
	ids := fillEveryKind(t, src)
	good := exportJSON(t, src)
	other := openTemp(t, transferClock())
	fillEveryKindAs(t, other, 1) // a second journal: records with other UUIDs
	otherDoc := exportJSON(t, other)
	nl := strings.Index(good, `"entries": [`)
	entriesLine := strings.Count(good[:nl], "\n") + 2

	cases := []struct {
		name, doc string
		want      []string // all must appear in the message
	}{
		{"empty file", "", []string{"empty"}},
		{"not JSON", "Dear diary", []string{"not valid JSON", "line 1, column 1"}},
		{"truncated", good[:len(good)*2/3], []string{"ends too early", "cut off"}},
		{"truncated in a string", good[:strings.Index(good, "Missed the school")+5], []string{"ends too early"}},
		{"invalid JSON inside", strings.Replace(good, `"kind":"guilt",`, `"kind":"guilt",,`, 1), []string{"not valid JSON", fmt.Sprintf("line %d", entriesLine)}},
		{"a list, not an object", "[1, 2]", []string{"not a Both/And export", "a list"}},
		{"another program's JSON", `{"format":"todo-list","format_version":1,"records":{}}`, []string{"not a Both/And export", `"todo-list"`}},
		{"no format", `{"records":{}}`, []string{"must come before"}},
		{"newer format", strings.Replace(good, `"format_version": 2`, `"format_version": 3`, 1), []string{"newer version of Both/And", "Update Both/And"}},
		{"bad format version", strings.Replace(good, `"format_version": 2`, `"format_version": "one"`, 1), []string{"format_version", "whole number"}},
		{"unknown top-level field", strings.Replace(good, `"schema_version"`, `"colour": "blue", "schema_version"`, 1), []string{`unexpected field "colour"`}},
		{"unknown kind", strings.Replace(good, `"tags": [`, `"moods": [], "tags": [`, 1), []string{`unknown kind of record "moods"`}},
		{"records not an object", strings.Replace(good, `"records": {`, `"records": [{`, 1), []string{`"records" should be an object`}},
		{"section not a list", strings.Replace(good, `"notices": [`, `"notices": {"x": [`, 1), []string{`"notices" should be a list`}},
		{"record not an object", strings.Replace(good, `"slips": [`, `"slips": ["hello",`, 1), []string{"slips[0]", "should be a JSON object"}},
		{"wrong type", edit(t, good, ids.entry, func(l string) string { return setField(l, "intensity", `"seven"`) }), []string{`"intensity" should be a whole number, not the text "seven"`, ids.entry}},
		{"out of range", edit(t, good, ids.entry, func(l string) string { return setField(l, "intensity", `11`) }), []string{`"intensity" has a value the journal doesn't allow`, "entries["}},
		{"unknown field", edit(t, good, ids.entry, func(l string) string { return strings.Replace(l, `"story"`, `"mood":"ok","story"`, 1) }), []string{`unknown field "mood"`}},
		{"null where required", edit(t, good, ids.entry, func(l string) string { return setField(l, "trigger", `null`) }), []string{`"trigger" can't be null`}},
		{"missing required", edit(t, good, ids.protocol, func(l string) string { return strings.Replace(l, `"title":"School events are non-negotiable",`, ``, 1) }), []string{`"title" is missing`}},
		{"bad time", edit(t, good, ids.entry, func(l string) string { return setField(l, "happened_at", `"yesterday"`) }), []string{`"happened_at" should be a time`}},
		{"bad uuid", strings.Replace(good, ids.slip, "slip-one", -1), []string{`should be a UUID`}},
		{"no uuid", edit(t, good, ids.slip, func(l string) string { return strings.Replace(l, `"uuid":"`+ids.slip+`",`, "", 1) }), []string{`"uuid" is missing`}},
		{"no updated_at", edit(t, good, ids.slip, func(l string) string { return strings.Replace(l, `,"updated_at":"2026-10-26T09:00:00.000Z"`, "", 1) }), []string{`"updated_at" is missing`}},
		{"reference to nowhere", edit(t, good, ids.entry, func(l string) string {
			return setField(l, "commitment", `"01a2122f-dead-7000-8000-00000000beef"`)
		}), []string{`"commitment" refers to 01a2122f-dead-7000-8000-00000000beef, which is not a commitment in this file or in your journal`}},
		{"reference to the wrong kind", edit(t, good, ids.entry, func(l string) string { return setField(l, "commitment", `"`+ids.tag+`"`) }), []string{"which is a tag, not a commitment"}},
		{"tag that is not there", edit(t, good, ids.entry, func(l string) string { return setField(l, "tags", `["01a2122f-dead-7000-8000-00000000beef"]`) }), []string{`"tags" refers to`}},
		{"same uuid, two kinds", edit(t, good, ids.notice, func(l string) string { return strings.Replace(l, ids.notice, ids.protocol, 1) }), []string{"would name both a protocol and a delivered reminder"}},
		{"trailing data", good + "{}", []string{"more after the end"}},
		{"second bad record after many good ones", strings.Replace(otherDoc, `"slips": [`, `"slips": [{"uuid":"x"},`, 1), []string{"slips[0]", `should be a UUID`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			// A journal with records of its own, none of them the file's,
			// so the file's records are all written (and checked).
			dst := openTemp(t, transferClock())
			fillEveryKindAs(t, dst, 2)
			before := dumpTables(t, dst)
			path := filepath.Join(t.TempDir(), "bad.json")
			if err := os.WriteFile(path, []byte(tc.doc), 0o600); err != nil {
				t.Fatal(err)
			}
			sum, err := ImportFile(ctx, dst, path, nil)
			if err == nil {
				t.Fatalf("imported: %s", sum)
			}
			var ie *ImportError
			if !errors.As(err, &ie) || !errors.Is(err, ErrBadImport) {
				t.Fatalf("err = %T %v, want an *ImportError", err, err)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("message %q lacks %q", err, w)
				}
			}
			if data.Advice(err) == "" || strings.Contains(err.Error(), "\n") {
				t.Errorf("message %q should be one line with advice", err)
			}
			if dumpTables(t, dst) != before {
				t.Error("the journal changed")
			}
		})
	}
}

// A UUID already used by another kind of record in the journal is refused.
func TestImportRefusesAUUIDUsedByAnotherKind(t *testing.T) {
	t.Parallel()
	s := openTemp(t, transferClock())
	ids := fillEveryKind(t, s)
	doc := fmt.Sprintf(`{"format":"bothand-journal","format_version":1,"records":{"slips":[
		{"uuid":%q,"text":"Same id as an entry","position":9,"pinned":false,"created_at":"2026-11-25T08:00:00Z","updated_at":"2026-11-25T08:00:00Z"}]}}`, ids.entry)
	before := dumpTables(t, s)
	_, err := importString(s, doc)
	if err == nil || !strings.Contains(err.Error(), "would name both an entry") && !strings.Contains(err.Error(), "would name both a") {
		t.Fatalf("err = %v", err)
	}
	if dumpTables(t, s) != before {
		t.Error("the journal changed")
	}
}

func TestImportLineNumbersNeedASeekableFile(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	_, err := Import(ctx, s, io.MultiReader(strings.NewReader("{\n  \"format\": nope\n}")), ImportOptions{})
	var ie *ImportError
	if !errors.As(err, &ie) || ie.Line != 0 || !strings.Contains(err.Error(), "at byte") {
		t.Errorf("from a stream: %v", err)
	}
	path := filepath.Join(t.TempDir(), "x.json")
	os.WriteFile(path, []byte("{\n  \"format\": nope\n}"), 0o600)
	_, err = ImportFile(ctx, s, path, nil)
	if !errors.As(err, &ie) || ie.Line != 2 || ie.Column != 14 {
		t.Errorf("from a file: %v (line %d col %d)", err, ie.Line, ie.Column)
	}
}

func TestImportProgressAndSummary(t *testing.T) {
	t.Parallel()
	src := openTemp(t, transferClock())
	fillEveryKind(t, src)
	path := filepath.Join(t.TempDir(), "export.json")
	if err := os.WriteFile(path, []byte(exportJSON(t, src)), 0o600); err != nil {
		t.Fatal(err)
	}
	size, _ := os.Stat(path)
	var last [2]int64
	dst := openTemp(t, transferClock())
	sum, err := ImportFile(ctx, dst, path, func(done, total int64) { last = [2]int64{done, total} })
	if err != nil {
		t.Fatal(err)
	}
	if last[0] != size.Size() || last[1] != size.Size() {
		t.Errorf("last progress %v, want %d of %d", last, size.Size(), size.Size())
	}
	text := sum.String()
	for _, want := range []string{"Added 2 settings, 1 tag, 2 reframes, 2 commitments", "3 entries", "1 delivered reminder.", "Updated 6 tags and 4 reframes"} {
		if !strings.Contains(text, want) {
			t.Errorf("summary %q lacks %q", text, want)
		}
	}
}

func TestImportFileErrors(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	if _, err := ImportFile(ctx, s, filepath.Join(t.TempDir(), "missing.json"), nil); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
	if _, err := ImportFile(ctx, s, t.TempDir(), nil); !errors.Is(err, ErrBadImport) {
		t.Errorf("a folder: %v", err)
	}
}

// A file holding two copies of one built-in (matched by its built-in key)
// settles on one of them the first time; importing it again changes
// nothing, even though the winner's dates make it look untouched.
func TestImportTwoCopiesOfABuiltinTwice(t *testing.T) {
	t.Parallel()
	doc := `{"format":"bothand-journal","format_version":1,"records":{"tags":[
		{"uuid":"01930000-0000-7000-8000-00000000000a","name":"Visibility trap","builtin_key":"visibility-trap","created_at":"2026-11-02T08:00:00.000Z","updated_at":"2026-11-02T08:00:00.000Z"},
		{"uuid":"01930000-0000-7000-8000-00000000000b","name":"Seen","builtin_key":"visibility-trap","created_at":"2026-11-01T08:00:00.000Z","updated_at":"2026-11-01T08:00:00.000Z"}]}}`
	s := openTemp(t, transferClock())
	if _, err := importString(s, doc); err != nil {
		t.Fatal(err)
	}
	before := dumpTables(t, s)
	sum, err := importString(s, doc)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added()+sum.Updated() != 0 || dumpTables(t, s) != before {
		t.Errorf("the second import changed the journal: %s", sum)
	}
}
