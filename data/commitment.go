package data

import "time"

// Tier says how much a commitment may give way to work.
type Tier int

// The three tiers.
const (
	TierNonNegotiable Tier = 1 // work never interrupts
	TierHighPriority  Tier = 2 // only a genuine emergency, with its reason written down
	TierFlexible      Tier = 3 // work may interrupt; make it up another time
)

// Commitment is a family commitment on the Tiers, one-off or recurring.
// Starts and Ends are the first occurrence; RRule (RFC 5545) repeats it,
// expanded in TimeZone so a weekly 18:00 dinner stays at 18:00 across
// daylight-saving changes. All-day commitments hold dates at 00:00 UTC.
type Commitment struct {
	Record
	Title               string      `json:"title"`
	Tier                Tier        `json:"tier"`
	StartsAt            time.Time   `gorm:"serializer:unixms" json:"starts_at"`
	EndsAt              time.Time   `gorm:"serializer:unixms" json:"ends_at"`
	AllDay              bool        `json:"all_day"`
	TimeZone            string      `json:"time_zone"`
	RRule               string      `gorm:"column:rrule" json:"rrule"`
	ExDates             []time.Time `gorm:"column:exdates;serializer:json" json:"exdates"`
	Location            string      `json:"location"`
	Notes               string      `json:"notes"`
	ICalUID             *string     `gorm:"column:ical_uid" json:"ical_uid,omitempty"`
	Source              string      `json:"source"`
	RemindBeforeMinutes *int        `json:"remind_before_minutes,omitempty"`
	DeletedAt           *time.Time  `gorm:"serializer:unixms" json:"deleted_at,omitempty"`
}

// Outcome is what happened to one occurrence of a commitment.
type Outcome string

// The outcomes of an occurrence.
const (
	OutcomeKept   Outcome = "kept"
	OutcomeMissed Outcome = "missed"
	OutcomeMoved  Outcome = "moved"
)

// OccurrenceOutcome records whether an occurrence was kept, missed or moved.
// OccursAt is the occurrence's original start.
type OccurrenceOutcome struct {
	Record
	CommitmentID int64      `json:"-"`
	OccursAt     time.Time  `gorm:"serializer:unixms" json:"occurs_at"`
	Status       Outcome    `json:"status"`
	MovedTo      *time.Time `gorm:"serializer:unixms" json:"moved_to,omitempty"`
	Note         string     `json:"note"`
}

// WorkBlock is planned client work. With a deadline, the work should be
// done by the deadline minus the buffer, so surprises land in the buffer and
// not on family time.
type WorkBlock struct {
	Record
	Client          string     `json:"client"`
	Title           string     `json:"title"`
	StartsAt        time.Time  `gorm:"serializer:unixms" json:"starts_at"`
	EndsAt          time.Time  `gorm:"serializer:unixms" json:"ends_at"`
	DeadlineAt      *time.Time `gorm:"serializer:unixms" json:"deadline_at,omitempty"`
	BufferMinutes   int        `json:"buffer_minutes"`
	EmergencyReason string     `json:"emergency_reason"`
	DeletedAt       *time.Time `gorm:"serializer:unixms" json:"deleted_at,omitempty"`
}

// MakeUp is the note left when work took a flexible (tier 3) slot: time to
// give back another day.
type MakeUp struct {
	Record
	WorkBlockID  *int64     `json:"-"`
	CommitmentID int64      `json:"-"`
	OccursAt     time.Time  `gorm:"serializer:unixms" json:"occurs_at"`
	Note         string     `json:"note"`
	DoneAt       *time.Time `gorm:"serializer:unixms" json:"done_at,omitempty"`
}
