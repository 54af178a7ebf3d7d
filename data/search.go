package data

import (
	"strings"
	"time"
	"unicode"
)

// EntryFilter narrows the journal list. The zero value lists everything.
type EntryFilter struct {
	// Text is what the person typed into search. Every word in it is looked
	// for as a word (all of them must occur); quotes, *, -, NEAR, AND,
	// brackets and the like have no special meaning and never cause an error.
	Text string
	// Kind keeps only guilt, shame or not-sure-yet entries; "" keeps all.
	Kind Kind
	// TagID keeps only entries with this tag; 0 keeps all.
	TagID int64
	// From and To keep entries that happened in [From, To); a zero time
	// leaves that side open.
	From, To time.Time
}

// Searching reports whether the filter looks for words.
func (f EntryFilter) Searching() bool { return strings.TrimSpace(f.Text) != "" }

// Cursor marks where a page ended: the next page starts after it. Paging
// by (happened_at, id) rather than by offset keeps every page as fast as the
// first, however deep.
type Cursor struct {
	HappenedAt time.Time
	ID         int64
}

// EntryRow is an entry as the list shows it: when, the start of the
// trigger and of the story, how strong and what kind, and, when searching,
// a snippet around the words that matched.
type EntryRow struct {
	ID         int64
	HappenedAt time.Time
	Trigger    string // the first 240 characters
	Story      string // the first 240 characters
	Intensity  int
	Kind       Kind
	DeletedAt  *time.Time
	// Conflicted marks a copy sync kept because the entry's text was
	// changed on two computers at once, until the person chooses.
	Conflicted bool
	Snippet    []TextRun // empty unless searching
}

// TextRun is a piece of a snippet; Match marks the words that matched.
type TextRun struct {
	Text  string
	Match bool
}

// EntryPage is one page of the list and the cursor for the next one (nil
// when this page is the last).
type EntryPage struct {
	Rows []EntryRow
	Next *Cursor
}

// MaxPage is the largest page EntryPage returns.
const MaxPage = 200

const (
	// snippetWords is about how many words a snippet shows.
	snippetWords = 18
	// sparseLimit decides how a search (or a tag) finds its page. With
	// fewer matches than this, all of them are read and sorted by time;
	// with more, the journal is walked newest first and each stretch is
	// checked against the index until the page is full. Each way is fast
	// where the other is slow: walking for a rare word would read the whole
	// journal, sorting a common word's matches would touch most of it.
	sparseLimit = 1200
	// tagWalkLimit: when many entries match the words but fewer than this
	// carry the tag, the walk goes through the tag's entries instead.
	tagWalkLimit = 6000
	// A walk reads entries in chunks that grow from firstChunk to maxChunk.
	firstChunk, maxChunk = 128, 4096
	// clusterGap splits a chunk's ids into ranges for the index: ids that
	// close together are looked up with one range scan.
	clusterGap = 512
)

const rowColumns = `id, happened_at, substr(trigger_text, 1, 240) AS trigger_head,
	substr(story, 1, 240) AS story_head, intensity, kind, deleted_at,
	conflict_at IS NOT NULL AS conflicted`

type entryRowScan struct {
	ID          int64
	HappenedAt  int64
	TriggerHead string
	StoryHead   string
	Intensity   int
	Kind        string
	DeletedAt   *int64
	Conflicted  bool
	// Only when searching, for the snippet.
	TriggerText string
	Story       string
	Friend      string
}

func (r entryRowScan) row() EntryRow {
	row := EntryRow{
		ID: r.ID, HappenedAt: time.UnixMilli(r.HappenedAt).UTC(),
		Trigger: r.TriggerHead, Story: r.StoryHead, Intensity: r.Intensity, Kind: Kind(r.Kind),
		Conflicted: r.Conflicted,
	}
	if r.DeletedAt != nil {
		t := time.UnixMilli(*r.DeletedAt).UTC()
		row.DeletedAt = &t
	}
	return row
}

// cond is a piece of a WHERE clause with its arguments.
type cond struct {
	sql  string
	args []any
}

func joinConds(cs []cond) (string, []any) {
	var parts []string
	var args []any
	for _, c := range cs {
		parts = append(parts, c.sql)
		args = append(args, c.args...)
	}
	return strings.Join(parts, " AND "), args
}

// filterConds are f's conditions on entries (alias e) other than its text.
func filterConds(f EntryFilter, after *Cursor, withTag bool) []cond {
	cs := []cond{{sql: "e.deleted_at IS NULL"}}
	if f.Kind != "" {
		cs = append(cs, cond{"e.kind = ?", []any{string(f.Kind)}})
	}
	if !f.From.IsZero() {
		cs = append(cs, cond{"e.happened_at >= ?", []any{ms(f.From)}})
	}
	if !f.To.IsZero() {
		cs = append(cs, cond{"e.happened_at < ?", []any{ms(f.To)}})
	}
	if after != nil {
		cs = append(cs, cond{"(e.happened_at, e.id) < (?, ?)", []any{ms(after.HappenedAt), after.ID}})
	}
	if withTag && f.TagID != 0 {
		cs = append(cs, cond{"EXISTS (SELECT 1 FROM entry_tags WHERE entry_id = e.id AND tag_id = ?)", []any{f.TagID}})
	}
	return cs
}

// EntryPage returns up to limit live entries matching f, newest first,
// starting after the cursor (nil for the first page).
func (s *Store) EntryPage(f EntryFilter, after *Cursor, limit int) (EntryPage, error) {
	limit = max(1, min(limit, MaxPage))
	match, searching := MatchQuery(f.Text)
	if f.Searching() && !searching {
		// Only symbols or emoji: nothing that could be a word in the index.
		return EntryPage{}, nil
	}
	var ids []int64
	var err error
	switch {
	case searching:
		ids, err = s.searchIDs(match, f, after, limit+1)
	case f.TagID != 0:
		ids, err = s.taggedIDs(f, after, limit+1)
	default:
		ids, err = s.walk(everything(f), after, limit+1, nil)
	}
	if err != nil {
		return EntryPage{}, classify(err)
	}
	var page EntryPage
	if len(ids) > limit {
		ids = ids[:limit]
		page.Next = &Cursor{} // filled in below from the last row
	}
	page.Rows, err = s.rowsByID(ids, f.Text, searching)
	if err != nil {
		return EntryPage{}, err
	}
	if page.Next != nil {
		last := page.Rows[len(page.Rows)-1]
		page.Next = &Cursor{HappenedAt: last.HappenedAt, ID: last.ID}
	}
	return page, nil
}

// rowsByID reads the list rows for ids, in the order given, with snippets
// for text when searching.
func (s *Store) rowsByID(ids []int64, text string, searching bool) ([]EntryRow, error) {
	if len(ids) == 0 {
		return []EntryRow{}, nil
	}
	cols := rowColumns
	if searching {
		cols += ", trigger_text, story, friend"
	}
	marks := strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",")
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	var scanned []entryRowScan
	if err := s.db.Raw("SELECT "+cols+" FROM entries WHERE id IN ("+marks+")", args...).Scan(&scanned).Error; err != nil {
		return nil, classify(err)
	}
	byID := make(map[int64]entryRowScan, len(scanned))
	for _, r := range scanned {
		byID[r.ID] = r
	}
	var phrases [][]string
	if searching {
		phrases = queryPhrases(text)
	}
	rows := make([]EntryRow, 0, len(ids))
	for _, id := range ids {
		r, ok := byID[id]
		if !ok {
			continue // deleted between the two queries
		}
		row := r.row()
		if searching {
			row.Snippet = makeSnippet([]string{r.TriggerText, r.Story, r.Friend}, phrases)
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// CountCap is as far as CountEntries counts the entries holding the words
// searched for: a common word's every match would cost more than the
// search itself. A count of CountCap means "that many or more".
const CountCap = 5000

// CountEntries counts the live entries matching f: its kind, tag and
// dates, and when it searches, its words (up to CountCap).
func (s *Store) CountEntries(f EntryFilter) (int, error) {
	if f.Searching() {
		match, ok := MatchQuery(f.Text)
		if !ok {
			return 0, nil
		}
		where, args := joinConds(filterConds(f, nil, true))
		var n int
		err := s.db.Raw(`SELECT count(*) FROM (SELECT 1 FROM (SELECT rowid AS id FROM entries_fts WHERE entries_fts MATCH ?) AS m
			CROSS JOIN entries AS e ON e.id = m.id WHERE `+where+` LIMIT ?)`, append(append([]any{match}, args...), CountCap)...).Scan(&n).Error
		return n, classify(err)
	}
	where, args := joinConds(filterConds(f, nil, true))
	var n int
	err := s.db.Raw("SELECT count(*) FROM entries AS e WHERE "+where, args...).Scan(&n).Error
	return n, classify(err)
}

// EntryMatches reports whether the live entry id matches f: the reading
// pane asks it of the entry it shows when the list's filter changes.
func (s *Store) EntryMatches(f EntryFilter, id int64) (bool, error) {
	cs := append(filterConds(f, nil, true), cond{"e.id = ?", []any{id}})
	if f.Searching() {
		match, ok := MatchQuery(f.Text)
		if !ok {
			return false, nil
		}
		cs = append(cs, cond{"e.id IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH ? AND rowid = ?)", []any{match, id}})
	}
	where, args := joinConds(cs)
	var n int
	err := s.db.Raw("SELECT count(*) FROM entries AS e WHERE "+where, args...).Scan(&n).Error
	return n > 0, classify(err)
}

// MatchQuery turns what a person typed into an FTS5 query that looks for
// every word as a word. Each whitespace-separated term is quoted (a quote
// inside is doubled), so FTS5 operators and syntax characters are plain
// text; terms with nothing a word is made of (only symbols, emoji or
// punctuation) are left out, since the index holds none of them and FTS5
// would match nothing at all. ok is false when no term is left.
func MatchQuery(text string) (query string, ok bool) {
	// Control characters separate words for the tokenizer anyway, and a NUL
	// would end the query string early inside SQLite (found by FuzzSearch).
	text = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, text)
	var terms []string
	for _, term := range strings.Fields(text) {
		if !hasWordChar(term) {
			continue
		}
		terms = append(terms, `"`+strings.ReplaceAll(term, `"`, `""`)+`"`)
	}
	return strings.Join(terms, " "), len(terms) > 0
}

// hasWordChar reports whether s holds a character the index's unicode61
// tokenizer keeps as (part of) a word.
func hasWordChar(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r) {
			return true
		}
	}
	return false
}
