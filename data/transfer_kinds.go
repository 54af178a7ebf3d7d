package data

import "strings"

// This file describes, once, how every table of the journal travels in the
// JSON export: which columns, as which JSON types, and which columns refer
// to other records (by UUID, never by integer id). Export, import and
// restore all walk this list, and TestTransferKindsCoverTheSchema compares
// it with sqlite_master and pragma_table_info, so a table or column added by
// a later migration fails the tests until it is described here.

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

// kind is one table as the export sees it.
type kind struct {
	table string // SQLite table, and the JSON section's name
	one   string // a record of it, for messages: "entry"
	label string // several, for summaries: "entries"
	cols  []column
	// keyed kinds (settings) are identified by their "key" and carry no
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

	pos    int            // index in kinds
	fields map[string]int // JSON field -> index in cols
}

func text(name string) column  { return column{name: name, field: name, typ: colText} }
func textN(name string) column { return column{name: name, field: name, typ: colText, null: true} }
func integer(name string) column {
	return column{name: name, field: name, typ: colInt}
}

func integerN(name string) column { return column{name: name, field: name, typ: colInt, null: true} }
func boolean(name string) column  { return column{name: name, field: name, typ: colBool} }
func booleanN(name string) column {
	return column{name: name, field: name, typ: colBool, null: true}
}
func instant(name string) column  { return column{name: name, field: name, typ: colTime} }
func instantN(name string) column { return column{name: name, field: name, typ: colTime, null: true} }
func jsonText(name string) column { return column{name: name, field: name, typ: colJSON} }

// ref is a reference column: "commitment_id" travels as "commitment".
func ref(name, table string, null bool) column {
	return column{name: name, field: name[:len(name)-len("_id")], typ: colRef, ref: table, null: null}
}

// renamed gives a column a JSON field name other than its column name.
func renamed(c column, field string) column {
	c.field = field
	return c
}

// record wraps a table's own columns with what every record carries.
func record(cols ...column) []column {
	all := append([]column{text("uuid")}, cols...)
	return append(all, instant("created_at"), instant("updated_at"))
}

// kinds lists every exported table, each after the tables it refers to, so
// an export can be imported front to back.
var kinds = []*kind{
	{
		table: "settings", one: "setting", label: "settings", keyed: true,
		cols: []column{text("key"), text("value"), instant("updated_at")},
	},
	{
		table: "tags", one: "tag", label: "tags", builtin: true,
		cols: record(text("name"), textN("builtin_key")),
		natural: []naturalKey{
			{where: "builtin_key = ?", cols: []string{"builtin_key"}},
			{where: "name = ? COLLATE NOCASE", cols: []string{"name"}},
		},
	},
	{
		table: "reframes", one: "reframe", label: "reframes", builtin: true,
		cols: record(text("old_story"), text("new_story"), textN("builtin_key"), integer("position"), instantN("deleted_at")),
		natural: []naturalKey{
			{where: "builtin_key = ?", cols: []string{"builtin_key"}},
		},
	},
	{
		table: "commitments", one: "commitment", label: "commitments",
		cols: record(text("title"), integer("tier"), instant("starts_at"), instant("ends_at"), boolean("all_day"),
			text("time_zone"), text("rrule"), jsonText("exdates"), text("location"), text("notes"),
			textN("ical_uid"), text("source"), integerN("remind_before_minutes"), instantN("deleted_at")),
		natural: []naturalKey{
			{where: "ical_uid = ?", cols: []string{"ical_uid"}},
		},
	},
	{
		table: "occurrence_outcomes", one: "occurrence outcome", label: "occurrence outcomes",
		cols: record(ref("commitment_id", "commitments", false), instant("occurs_at"), text("status"),
			instantN("moved_to"), text("note")),
		natural: []naturalKey{
			{where: "commitment_id = ? AND occurs_at = ?", cols: []string{"commitment_id", "occurs_at"}},
		},
	},
	{
		table: "work_blocks", one: "work block", label: "work blocks",
		cols: record(text("client"), text("title"), instant("starts_at"), instant("ends_at"), instantN("deadline_at"),
			integer("buffer_minutes"), text("emergency_reason"), instantN("deleted_at")),
	},
	{
		table: "make_ups", one: "make-up", label: "make-ups",
		cols: record(ref("work_block_id", "work_blocks", true), ref("commitment_id", "commitments", false),
			instant("occurs_at"), text("note"), instantN("done_at")),
	},
	{
		table: "entries", one: "entry", label: "entries", tags: true,
		cols: record(instant("happened_at"), renamed(text("trigger_text"), "trigger"), text("story"), text("friend"),
			integer("intensity"), text("kind"), ref("commitment_id", "commitments", true),
			ref("reframe_id", "reframes", true), instantN("deleted_at")),
	},
	{
		table: "drafts", one: "draft", label: "drafts",
		cols: record(ref("entry_id", "entries", true), instantN("happened_at"), renamed(text("trigger_text"), "trigger"),
			text("story"), text("friend"), integerN("intensity"), text("kind"), jsonText("tags"),
			ref("commitment_id", "commitments", true)),
		natural: []naturalKey{
			{where: "entry_id = ?", cols: []string{"entry_id"}},
		},
	},
	{
		table: "protocols", one: "protocol", label: "protocols",
		cols: record(text("title"), ref("entry_id", "entries", true), ref("commitment_id", "commitments", true),
			integer("remind_days_before"), instantN("review_on"), text("status"), text("template_key"), instantN("deleted_at")),
	},
	{
		table: "protocol_steps", one: "protocol step", label: "protocol steps",
		cols: record(ref("protocol_id", "protocols", false), integer("position"), text("text"), text("action"),
			instantN("done_at"), instantN("deleted_at")),
	},
	{
		table: "slips", one: "permission slip", label: "permission slips",
		cols: record(text("text"), integer("position"), boolean("pinned")),
	},
	{
		table: "slip_readings", one: "slip reading", label: "slip readings",
		cols: record(ref("slip_id", "slips", true), text("day"), instant("read_at")),
		natural: []naturalKey{
			{where: "day = ?", cols: []string{"day"}},
		},
	},
	{
		table: "compassion_sessions", one: "self-compassion break", label: "self-compassion breaks",
		cols: record(ref("entry_id", "entries", true), text("acknowledge"), text("normalise"), text("kindness"),
			instant("started_at"), instantN("finished_at")),
	},
	{
		table: "urgency_criteria", one: "urgency question", label: "urgency questions",
		cols: record(text("question"), integer("position"), instantN("deleted_at")),
	},
	{
		table: "triages", one: "triage", label: "triages",
		cols: record(text("client"), text("request"), instant("asked_at"), instant("window_start"), instant("window_end"),
			text("rule"), text("verdict"), text("reason"), text("reply_draft"), instantN("follow_up_at"),
			booleanN("truly_urgent"), instantN("looked_back_at")),
	},
	{
		table: "triage_answers", one: "triage answer", label: "triage answers",
		cols: record(ref("triage_id", "triages", false), ref("criterion_id", "urgency_criteria", true),
			text("question"), boolean("yes"), integer("position")),
	},
	{
		table: "notices", one: "delivered reminder", label: "delivered reminders",
		cols: record(text("kind"), text("ref"), instant("due_at"), instant("sent_at")),
		natural: []naturalKey{
			{where: "kind = ? AND ref = ?", cols: []string{"kind", "ref"}},
		},
	},
}

// notExported are the tables the export leaves out on purpose, with why.
var notExported = map[string]string{
	"schema_migrations": "bookkeeping of this file's own schema, not the person's data",
	"entry_tags":        "travels inside each entry as its \"tags\" list",
}

func init() {
	for i, k := range kinds {
		k.pos = i
		k.fields = make(map[string]int, len(k.cols))
		for j, c := range k.cols {
			k.fields[c.field] = j
		}
	}
}

// kindByTable finds a kind by its table (and JSON section) name.
func kindByTable(table string) *kind {
	for _, k := range kinds {
		if k.table == table {
			return k
		}
	}
	return nil
}

// fieldIndex finds a column of k by its JSON field; -1 when there is none.
func (k *kind) fieldIndex(field string) int {
	if i, ok := k.fields[field]; ok {
		return i
	}
	return -1
}

// colIndex finds a column of k by its SQLite name; -1 when there is none.
func (k *kind) colIndex(name string) int {
	for i := range k.cols {
		if k.cols[i].name == name {
			return i
		}
	}
	return -1
}

// fieldList names k's JSON fields for a message.
func (k *kind) fieldList() string {
	names := make([]string, 0, len(k.cols)+1)
	for _, c := range k.cols {
		names = append(names, c.field)
	}
	if k.tags {
		names = append(names, "tags")
	}
	return strings.Join(names, ", ")
}
