package transfer

import (
	"fmt"
	"strings"

	"github.com/bothand/bothand/data/prose"
)

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
		parts = append(parts, fmt.Sprintf("Nothing new: %s already up to date.", prose.Count(n, "record was", "records were")))
	case n > 0:
		parts = append(parts, fmt.Sprintf("%s already up to date.", prose.Capitalise(prose.Count(n, "record was", "records were"))))
	case len(parts) == 0:
		parts = append(parts, "The file holds no records.")
	}
	return strings.Join(parts, " ")
}

func (s ImportSummary) describe(f func(ImportCount) int) string {
	var items []string
	for _, c := range s.Kinds {
		if n := f(c); n > 0 {
			items = append(items, prose.Count(n, c.One, c.Label))
		}
	}
	return prose.List(items)
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
