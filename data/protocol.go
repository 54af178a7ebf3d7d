package data

import "time"

// ProtocolStatus is whether a protocol is still being worked through.
type ProtocolStatus string

// The states of a protocol.
const (
	ProtocolActive ProtocolStatus = "active"
	ProtocolDone   ProtocolStatus = "done"
)

// Protocol is a next-time plan: concrete steps to do differently, perhaps
// born from a journal entry and tied to a coming commitment.
type Protocol struct {
	Record
	Title            string         `json:"title"`
	EntryID          *int64         `json:"-"`
	CommitmentID     *int64         `json:"-"`
	RemindDaysBefore int            `json:"remind_days_before"`
	ReviewOn         *time.Time     `gorm:"serializer:unixms" json:"review_on,omitempty"`
	Status           ProtocolStatus `json:"status"`
	TemplateKey      string         `json:"template_key"`
	DeletedAt        *time.Time     `gorm:"serializer:unixms" json:"deleted_at,omitempty"`
	Steps            []ProtocolStep `json:"-"`
}

// ProtocolStep is one checklist item. A deleted step keeps its row (and its
// done date) until the protocol is deleted, so undo loses nothing.
type ProtocolStep struct {
	Record
	ProtocolID int64      `json:"-"`
	Position   int        `json:"position"`
	Text       string     `json:"text"`
	Action     string     `json:"action"`
	DoneAt     *time.Time `gorm:"serializer:unixms" json:"done_at,omitempty"`
	DeletedAt  *time.Time `gorm:"serializer:unixms" json:"deleted_at,omitempty"`
}
