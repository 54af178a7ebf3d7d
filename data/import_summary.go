package data

import (
	"errors"
	"fmt"
	"strings"
)

// ErrBadImport marks a file that could not be imported: the journal is
// unchanged. The *ImportError says what and where.
var ErrBadImport = errors.New("the file can't be imported")

func init() {
	advice[ErrBadImport] = "Nothing was imported; your journal is unchanged. Fix the file or export it again from Both/And."
}

// ImportError says what is wrong with an import file and where.
type ImportError struct {
	Offset       int64  // byte offset in the file; -1 when not known
	Line, Column int    // 1-based position, when the file could be re-read to find it
	Record       string // which record, e.g. `entries[3] (uuid 0193…)`; "" for the file as a whole
	Problem      string // what is wrong, for the person

	within bool // a syntax error somewhere inside the value at Offset
	atEnd  bool // the file ended early
}

func (e *ImportError) Error() string {
	var b strings.Builder
	switch {
	case e.Line > 0 && e.Column > 0:
		fmt.Fprintf(&b, "line %d, column %d: ", e.Line, e.Column)
	case e.Line > 0:
		fmt.Fprintf(&b, "line %d: ", e.Line)
	case e.Offset >= 0:
		fmt.Fprintf(&b, "at byte %d: ", e.Offset)
	}
	if e.Record != "" {
		b.WriteString(e.Record + ": ")
	}
	// Like any Go error the message has no final full stop: callers add
	// their own punctuation (and the advice) after it.
	b.WriteString(strings.TrimSuffix(e.Problem, "."))
	return b.String()
}

func (e *ImportError) Unwrap() error { return ErrBadImport }

// ImportCount is what an import did with one kind of record.
type ImportCount struct {
	Kind      string // the JSON section, e.g. "protocol_steps"
	Label     string // for people, e.g. "protocol steps"
	One       string // one of them, e.g. "protocol step"
	Added     int    // new to the journal
	Updated   int    // the file's copy was newer and replaced the journal's
	Unchanged int    // already there, as new as the file's copy or newer
}

// ImportSummary says what an import changed, kind by kind, in export order.
// Kinds the file did not hold are left out.
type ImportSummary struct {
	Kinds []ImportCount
}

// Added is the number of records new to the journal.
func (s ImportSummary) Added() int { return s.sum(func(c ImportCount) int { return c.Added }) }

// Updated is the number of records the file's newer copy replaced.
func (s ImportSummary) Updated() int { return s.sum(func(c ImportCount) int { return c.Updated }) }

// Unchanged is the number of records already up to date.
func (s ImportSummary) Unchanged() int { return s.sum(func(c ImportCount) int { return c.Unchanged }) }

func (s ImportSummary) sum(f func(ImportCount) int) int {
	n := 0
	for _, c := range s.Kinds {
		n += f(c)
	}
	return n
}

// String describes the import in a sentence or three, e.g. "Added 120
// entries and 3 tags. Updated 2 entries. 40 records were already up to date."
func (s ImportSummary) String() string {
	var parts []string
	if added := s.describe(func(c ImportCount) int { return c.Added }); added != "" {
		parts = append(parts, "Added "+added+".")
	}
	if updated := s.describe(func(c ImportCount) int { return c.Updated }); updated != "" {
		parts = append(parts, "Updated "+updated+" with newer copies from the file.")
	}
	switch n := s.Unchanged(); {
	case n > 0 && len(parts) == 0:
		parts = append(parts, fmt.Sprintf("Nothing new: %s already up to date.", countNoun(n, "record was", "records were")))
	case n > 0:
		parts = append(parts, fmt.Sprintf("%s already up to date.", capitalFirst(countNoun(n, "record was", "records were"))))
	case len(parts) == 0:
		parts = append(parts, "The file holds no records.")
	}
	return strings.Join(parts, " ")
}

func (s ImportSummary) describe(f func(ImportCount) int) string {
	var items []string
	for _, c := range s.Kinds {
		if n := f(c); n > 0 {
			items = append(items, countNoun(n, c.One, c.Label))
		}
	}
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// countNoun writes n with the singular or plural noun: "1 entry", "2,345 entries".
func countNoun(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return groupThousands(int64(n)) + " " + many
}

func groupThousands(n int64) string {
	s := fmt.Sprint(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		s = "-" + s
	}
	return s
}

func capitalFirst(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// AddedOf is the number of new records of one kind, named by its JSON
// section ("entries").
func (s ImportSummary) AddedOf(kind string) int {
	return s.sum(func(c ImportCount) int {
		if c.Kind != kind {
			return 0
		}
		return c.Added
	})
}
