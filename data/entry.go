package data

import "time"

// Kind is the answer to the shame-vs-guilt question: is this about a
// specific action I can change, or about who I am?
type Kind string

// The kinds of an entry.
const (
	KindGuilt  Kind = "guilt"  // about an action: leads to a next-time protocol
	KindShame  Kind = "shame"  // about who I am: leads to reframes and the break
	KindUnsure Kind = "unsure" // not decided yet
)

// MaxFieldLen is the longest answer the journal stores, in characters.
// Longer text is refused with a message, never cut silently.
const MaxFieldLen = 100_000

// Entry is one page of the guilt journal: the three questions of the
// technique, how strong it felt, and what kind of feeling it was.
type Entry struct {
	Record
	HappenedAt   time.Time  `gorm:"serializer:unixms" json:"happened_at"`
	Trigger      string     `gorm:"column:trigger_text" json:"trigger"`
	Story        string     `json:"story"`
	Friend       string     `json:"friend"`
	Intensity    int        `json:"intensity"`
	Kind         Kind       `json:"kind"`
	CommitmentID *int64     `json:"-"`
	ReframeID    *int64     `json:"-"`
	DeletedAt    *time.Time `gorm:"serializer:unixms" json:"deleted_at,omitempty"`
	Tags         []Tag      `gorm:"many2many:entry_tags" json:"-"`
	// ConflictOfID and ConflictAt flag a conflicted copy made by sync
	// (data/replica): the entry whose text was changed on another computer
	// at the same time, and when. Only data/replica sets or clears them; a
	// save leaves them as they are.
	ConflictOfID *int64     `gorm:"->" json:"-"`
	ConflictAt   *time.Time `gorm:"->;serializer:unixms" json:"-"`
}

// Tag labels entries: the built-in triggers and misalignments, and the
// person's own.
type Tag struct {
	Record
	Name       string  `json:"name"`
	BuiltinKey *string `json:"builtin_key,omitempty"`
}

// Draft is what the journal editor holds but has not saved: kept while the
// person types, offered back after a crash, removed when the entry is saved.
type Draft struct {
	Record
	EntryID      *int64     `json:"-"`
	HappenedAt   *time.Time `gorm:"serializer:unixms" json:"happened_at,omitempty"`
	Trigger      string     `gorm:"column:trigger_text" json:"trigger"`
	Story        string     `json:"story"`
	Friend       string     `json:"friend"`
	Intensity    *int       `json:"intensity,omitempty"`
	Kind         string     `json:"kind"`
	Tags         []string   `gorm:"serializer:json" json:"tags"`
	CommitmentID *int64     `json:"-"`
}
