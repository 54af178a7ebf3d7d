package data

import "time"

// Reframe is an old story and the new one that replaces it: the four
// built-in pairs and the person's own.
type Reframe struct {
	Record
	OldStory   string     `json:"old_story"`
	NewStory   string     `json:"new_story"`
	BuiltinKey *string    `json:"builtin_key,omitempty"`
	Position   int        `json:"position"`
	DeletedAt  *time.Time `gorm:"serializer:unixms" json:"deleted_at,omitempty"`
}

// CompassionSession is one self-compassion break: acknowledge, normalise,
// kindness, each with the person's own sentence.
type CompassionSession struct {
	Record
	EntryID     *int64     `json:"-"`
	Acknowledge string     `json:"acknowledge"`
	Normalise   string     `json:"normalise"`
	Kindness    string     `json:"kindness"`
	StartedAt   time.Time  `gorm:"serializer:unixms" json:"started_at"`
	FinishedAt  *time.Time `gorm:"serializer:unixms" json:"finished_at,omitempty"`
}
