package transfer

import "strings"

// This file describes, once, how every table of the journal travels in the
// JSON export, as one section of its "records": which columns, as which
// JSON types, and which columns refer to other records (by UUID, never by
// integer id). Export, import and restore all walk this list, and
// TestTransferKindsCoverTheSchema compares it with sqlite_master and
// pragma_table_info, so a table or column added by a later migration fails
// the tests until it is described here.

// colType says how a column is written in the JSON export.
type colType int

const (
	colText colType = iota // a JSON string
	colInt                 // a JSON integer
	colBool                // true or false (0 or 1 in SQLite)
	colTime                // RFC 3339 in UTC with milliseconds (INTEGER Unix ms in SQLite)
	colJSON                // embedded JSON (TEXT holding JSON in SQLite)
	colRef                 // the UUID of the record referred to (its INTEGER id in SQLite)
)

// column is one column of a table and its JSON field.
type column struct {
	name  string // the SQLite column
	field string // the JSON field
	typ   colType
	null  bool   // may hold null
	ref   string // colRef: the table referred to
}

// naturalKey is another way than the UUID to recognise the same record in
// two journals: the built-in tags both journals were seeded with, the same
// school event imported from the same calendar, the same morning's reading.
type naturalKey struct {
	where string   // SQL condition with one ? per column
	cols  []string // columns whose incoming values fill the ?s, in order
}

// section is one table as the export sees it: one list in "records".
type section struct {
	table string // SQLite table, and the JSON section's name
	one   string // a record of it, for messages: "entry"
	label string // several, for summaries: "entries"
	cols  []column
	// keyed sections (settings) are identified by their "key" and carry no
	// uuid or created_at.
	keyed bool
	// tags: the record also carries its tags (entry_tags) as a list of UUIDs.
	tags bool
	// builtin: rows with a builtin_key came with the app; one the person has
	// never edited (created_at = updated_at) yields to any imported copy.
	builtin bool
	natural []naturalKey
	// beforeWrite, when set, runs before an imported record is written
	// (id 0 for a new one), to keep rules that span rows.
	beforeWrite func(im *importer, p *parsed, id int64) error

	pos    int            // index in sections
	fields map[string]int // JSON field -> index in cols
}

// The column constructors, one per JSON type; an ...OrNull column may hold
// null.
var (
	textCol    = columnOf(colText, false)
	textOrNull = columnOf(colText, true)
	intCol     = columnOf(colInt, false)
	intOrNull  = columnOf(colInt, true)
	boolCol    = columnOf(colBool, false)
	boolOrNull = columnOf(colBool, true)
	timeCol    = columnOf(colTime, false)
	timeOrNull = columnOf(colTime, true)
	jsonCol    = columnOf(colJSON, false)
)

func columnOf(typ colType, null bool) func(name string) column {
	return func(name string) column { return column{name: name, field: name, typ: typ, null: null} }
}

// refCol is a reference column: "commitment_id" travels as "commitment".
func refCol(name, table string, null bool) column {
	return column{name: name, field: name[:len(name)-len("_id")], typ: colRef, ref: table, null: null}
}

// renamed gives a column a JSON field name other than its column name.
func renamed(c column, field string) column {
	c.field = field
	return c
}

// recordColumns wraps a table's own columns with what every record carries.
func recordColumns(cols ...column) []column {
	all := append([]column{textCol("uuid")}, cols...)
	return append(all, timeCol("created_at"), timeCol("updated_at"))
}

// sections lists every exported table, each after the tables it refers
// to, so an export can be imported front to back.
var sections = []*section{
	{
		table: "settings", one: "setting", label: "settings", keyed: true,
		cols: []column{textCol("key"), textCol("value"), timeCol("updated_at")},
	},
	{
		table: "tags", one: "tag", label: "tags", builtin: true,
		cols: recordColumns(textCol("name"), textOrNull("builtin_key")),
		natural: []naturalKey{
			{where: "builtin_key = ?", cols: []string{"builtin_key"}},
			{where: "name = ? COLLATE NOCASE", cols: []string{"name"}},
		},
	},
	{
		table: "reframes", one: "reframe", label: "reframes", builtin: true,
		cols: recordColumns(textCol("old_story"), textCol("new_story"), textOrNull("builtin_key"), intCol("position"), timeOrNull("deleted_at")),
		natural: []naturalKey{
			{where: "builtin_key = ?", cols: []string{"builtin_key"}},
		},
	},
	{
		table: "commitments", one: "commitment", label: "commitments",
		cols: recordColumns(textCol("title"), intCol("tier"), timeCol("starts_at"), timeCol("ends_at"), boolCol("all_day"),
			textCol("time_zone"), textCol("rrule"), jsonCol("exdates"), textCol("location"), textCol("notes"),
			textOrNull("ical_uid"), textCol("source"), intOrNull("remind_before_minutes"), timeOrNull("deleted_at")),
		natural: []naturalKey{
			{where: "ical_uid = ?", cols: []string{"ical_uid"}},
		},
	},
	{
		table: "occurrence_outcomes", one: "occurrence outcome", label: "occurrence outcomes",
		cols: recordColumns(refCol("commitment_id", "commitments", false), timeCol("occurs_at"), textCol("status"),
			timeOrNull("moved_to"), textCol("note")),
		natural: []naturalKey{
			{where: "commitment_id = ? AND occurs_at = ?", cols: []string{"commitment_id", "occurs_at"}},
		},
	},
	{
		table: "work_blocks", one: "work block", label: "work blocks",
		cols: recordColumns(textCol("client"), textCol("title"), timeCol("starts_at"), timeCol("ends_at"), timeOrNull("deadline_at"),
			intCol("buffer_minutes"), textCol("emergency_reason"), timeOrNull("deleted_at")),
	},
	{
		table: "make_ups", one: "make-up", label: "make-ups",
		cols: recordColumns(refCol("work_block_id", "work_blocks", true), refCol("commitment_id", "commitments", false),
			timeCol("occurs_at"), textCol("note"), timeOrNull("done_at")),
	},
	{
		table: "entries", one: "entry", label: "entries", tags: true,
		cols: recordColumns(timeCol("happened_at"), renamed(textCol("trigger_text"), "trigger"), textCol("story"), textCol("friend"),
			intCol("intensity"), textCol("kind"), refCol("commitment_id", "commitments", true),
			refCol("reframe_id", "reframes", true), timeOrNull("deleted_at"),
			refCol("conflict_of_id", "entries", true), timeOrNull("conflict_at")),
	},
	{
		table: "drafts", one: "draft", label: "drafts",
		cols: recordColumns(refCol("entry_id", "entries", true), timeOrNull("happened_at"), renamed(textCol("trigger_text"), "trigger"),
			textCol("story"), textCol("friend"), intOrNull("intensity"), textCol("kind"), jsonCol("tags"),
			refCol("commitment_id", "commitments", true)),
		natural: []naturalKey{
			{where: "entry_id = ?", cols: []string{"entry_id"}},
		},
	},
	{
		table: "protocols", one: "protocol", label: "protocols",
		cols: recordColumns(textCol("title"), refCol("entry_id", "entries", true), refCol("commitment_id", "commitments", true),
			intCol("remind_days_before"), timeOrNull("review_on"), textCol("status"), textCol("template_key"), timeOrNull("deleted_at")),
	},
	{
		table: "protocol_steps", one: "protocol step", label: "protocol steps",
		cols: recordColumns(refCol("protocol_id", "protocols", false), intCol("position"), textCol("text"), textCol("action"),
			timeOrNull("done_at"), timeOrNull("deleted_at")),
	},
	{
		table: "slips", one: "permission slip", label: "permission slips",
		cols: recordColumns(textCol("text"), intCol("position"), boolCol("pinned")),
	},
	{
		table: "slip_readings", one: "slip reading", label: "slip readings",
		cols: recordColumns(refCol("slip_id", "slips", true), textCol("day"), timeCol("read_at")),
		natural: []naturalKey{
			{where: "day = ?", cols: []string{"day"}},
		},
	},
	{
		table: "compassion_sessions", one: "self-compassion break", label: "self-compassion breaks",
		cols: recordColumns(refCol("entry_id", "entries", true), textCol("acknowledge"), textCol("normalise"), textCol("kindness"),
			timeCol("started_at"), timeOrNull("finished_at")),
	},
	{
		table: "urgency_criteria", one: "urgency question", label: "urgency questions",
		cols: recordColumns(textCol("question"), intCol("position"), timeOrNull("deleted_at")),
	},
	{
		table: "triages", one: "triage", label: "triages",
		cols: recordColumns(textCol("client"), textCol("request"), timeCol("asked_at"), timeCol("window_start"), timeCol("window_end"),
			textCol("rule"), textCol("verdict"), textCol("reason"), textCol("reply_draft"), timeOrNull("follow_up_at"),
			boolOrNull("truly_urgent"), timeOrNull("looked_back_at")),
	},
	{
		table: "triage_answers", one: "triage answer", label: "triage answers",
		cols: recordColumns(refCol("triage_id", "triages", false), refCol("criterion_id", "urgency_criteria", true),
			textCol("question"), boolCol("yes"), intCol("position")),
	},
	{
		table: "notices", one: "delivered reminder", label: "delivered reminders",
		cols: recordColumns(textCol("kind"), textCol("ref"), timeCol("due_at"), timeCol("sent_at")),
		natural: []naturalKey{
			{where: "kind = ? AND ref = ?", cols: []string{"kind", "ref"}},
		},
	},
}

// notExported are the tables the export leaves out on purpose, with why.
var notExported = map[string]string{
	"schema_migrations": "bookkeeping of this file's own schema, not the person's data",
	"entry_tags":        "travels inside each entry as its \"tags\" list",
	"sync_state":        "this computer's place in the sync (data/replica), not the person's data",
	"sync_devices":      "the computers this journal syncs with, as this one knows them",
	"sync_outbox":       "changes waiting to be written to the sync folder",
	"sync_clocks":       "when each field last changed, for the sync's merges",
	"sync_alias":        "UUIDs the sync merged into others",
	"sync_parked":       "changes from other computers waiting for a record they refer to",
}

func init() {
	for i, sec := range sections {
		sec.pos = i
		sec.fields = make(map[string]int, len(sec.cols))
		for j, c := range sec.cols {
			sec.fields[c.field] = j
		}
	}
}

// sectionByTable finds a section by its table (and JSON section) name.
func sectionByTable(table string) *section {
	for _, sec := range sections {
		if sec.table == table {
			return sec
		}
	}
	return nil
}

// fieldIndex finds a column of sec by its JSON field; -1 when there is none.
func (sec *section) fieldIndex(field string) int {
	if i, ok := sec.fields[field]; ok {
		return i
	}
	return -1
}

// colIndex finds a column of sec by its SQLite name; -1 when there is none.
func (sec *section) colIndex(name string) int {
	for i := range sec.cols {
		if sec.cols[i].name == name {
			return i
		}
	}
	return -1
}

// fieldList names sec's JSON fields for a message.
func (sec *section) fieldList() string {
	names := make([]string, 0, len(sec.cols)+1)
	for _, c := range sec.cols {
		names = append(names, c.field)
	}
	if sec.tags {
		names = append(names, "tags")
	}
	return strings.Join(names, ", ")
}
