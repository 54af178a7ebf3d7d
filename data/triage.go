package data

import "time"

// UrgencyCriterion is one of the person's own yes/no questions for "is this
// client request genuinely urgent?".
type UrgencyCriterion struct {
	Record
	Question  string     `json:"question"`
	Position  int        `json:"position"`
	DeletedAt *time.Time `gorm:"serializer:unixms" json:"deleted_at,omitempty"`
}

// TableName keeps the plural the schema uses.
func (UrgencyCriterion) TableName() string { return "urgency_criteria" }

// Verdict is the triage's answer.
type Verdict string

// The verdicts of a triage.
const (
	VerdictUrgent    Verdict = "urgent"
	VerdictNotUrgent Verdict = "not_urgent"
	// VerdictUrgentClash: urgent by the person's rule, but it collides with a
	// tier-1 commitment, so the reply offers the first time after it.
	VerdictUrgentClash Verdict = "urgent_clash"
)

// Triage is one "urgent" client request run through the person's criteria.
type Triage struct {
	Record
	Client       string         `json:"client"`
	Request      string         `json:"request"`
	AskedAt      time.Time      `gorm:"serializer:unixms" json:"asked_at"`
	WindowStart  time.Time      `gorm:"serializer:unixms" json:"window_start"`
	WindowEnd    time.Time      `gorm:"serializer:unixms" json:"window_end"`
	Rule         string         `json:"rule"`
	Verdict      Verdict        `json:"verdict"`
	Reason       string         `json:"reason"`
	ReplyDraft   string         `json:"reply_draft"`
	FollowUpAt   *time.Time     `gorm:"serializer:unixms" json:"follow_up_at,omitempty"`
	TrulyUrgent  *bool          `json:"truly_urgent,omitempty"`
	LookedBackAt *time.Time     `gorm:"serializer:unixms" json:"looked_back_at,omitempty"`
	Answers      []TriageAnswer `json:"-"`
}

// TriageAnswer is one criterion answered during a triage. The question is
// copied so the record still reads right after the criteria change.
type TriageAnswer struct {
	Record
	TriageID    int64  `json:"-"`
	CriterionID *int64 `json:"-"`
	Question    string `json:"question"`
	Yes         bool   `json:"yes"`
	Position    int    `json:"position"`
}
