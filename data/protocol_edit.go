package data

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"
)

// maxProtocolTitle is the protocols table's limit on a title.
const maxProtocolTitle = 500

// MaxRemindDaysBefore is the furthest ahead a protocol can come back before
// its commitment.
const MaxRemindDaysBefore = 60

// ProtocolSummary is a protocol as the list shows it: with its progress
// and the commitment it is tied to.
type ProtocolSummary struct {
	Protocol
	Done, Total int
	Commitment  string // title of the attached commitment, if any
}

// Progress is "3 of 4 steps".
func (p ProtocolSummary) Progress() string {
	if p.Total == 1 {
		if p.Done == 1 {
			return "1 of 1 step"
		}
		return "0 of 1 step"
	}
	return fmt.Sprintf("%d of %d steps", p.Done, p.Total)
}

// Standing is the protocol as its row in the list says it: its progress
// while active ("1 of 2 steps done"), and once marked in place, without
// calling unticked steps done ("In place · 1 step left open").
func (p ProtocolSummary) Standing() string {
	if p.Status != ProtocolDone {
		return p.Progress() + " done"
	}
	switch open := p.Total - p.Done; {
	case p.Total == 0:
		return "In place"
	case open == 0:
		return "In place · every step done"
	case open == 1:
		return "In place · 1 step left open"
	default:
		return fmt.Sprintf("In place · %d steps left open", open)
	}
}

// normalise checks a protocol's own fields (not its steps).
func (p *Protocol) normalise() error {
	p.Title = strings.TrimSpace(p.Title)
	if p.Title == "" {
		return invalid(FieldTitle, "Give the protocol a title, for example “Next sports day: no client calls”.")
	}
	if n := utf8.RuneCountInString(p.Title); n > maxProtocolTitle {
		return invalid(FieldTitle, "A title holds up to %d characters; this one has %d.", maxProtocolTitle, n)
	}
	if p.RemindDaysBefore < 0 || p.RemindDaysBefore > MaxRemindDaysBefore {
		return invalid(FieldRemindDaysBefore, "It can come back between 0 and %d days before the commitment.", MaxRemindDaysBefore)
	}
	switch p.Status {
	case "":
		p.Status = ProtocolActive
	case ProtocolActive, ProtocolDone:
	default:
		return invalid(FieldStatus, "A protocol is either active or done.")
	}
	if p.ReviewOn != nil {
		d := dateOf(*p.ReviewOn)
		p.ReviewOn = &d
	}
	return nil
}

func checkStepText(text string) (string, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return "", invalid(FieldStep, "Write the step first: one concrete thing you will do.")
	}
	if n := utf8.RuneCountInString(text); n > maxStepText {
		return "", invalid(FieldStep, "A step holds up to %d characters; this one has %d. Split it into smaller steps.", maxStepText, n)
	}
	return text, nil
}

// NewStep is a step for CreateProtocol: its text and, from a template, the
// action it leads to.
type NewStep struct {
	Text   string
	Action string
}

// CreateProtocol stores a new protocol with its first steps. It needs a
// title and at least one step.
func (s *Store) CreateProtocol(p Protocol, steps []NewStep) (Protocol, error) {
	p.ID, p.UUID = 0, ""
	if err := p.normalise(); err != nil {
		return p, err
	}
	var clean []NewStep
	for _, st := range steps {
		if strings.TrimSpace(st.Text) == "" {
			continue
		}
		text, err := checkStepText(st.Text)
		if err != nil {
			return p, err
		}
		clean = append(clean, NewStep{text, st.Action})
	}
	if len(clean) == 0 {
		return p, invalid(FieldSteps, "Add at least one step: a protocol is a plan of concrete things to do.")
	}
	err := s.write(func(tx *gorm.DB) error {
		if err := checkCommitment(tx, p.CommitmentID); err != nil {
			return err
		}
		now := s.Now()
		p.Stamp(now)
		if err := tx.Omit("Steps").Create(&p).Error; err != nil {
			return err
		}
		p.Steps = nil
		for i, st := range clean {
			row := ProtocolStep{ProtocolID: p.ID, Position: i + 1, Text: st.Text, Action: st.Action}
			row.Stamp(now)
			if err := tx.Create(&row).Error; err != nil {
				return err
			}
			p.Steps = append(p.Steps, row)
		}
		return nil
	})
	return p, err
}

func checkCommitment(tx *gorm.DB, id *int64) error {
	if id == nil {
		return nil
	}
	var n int64
	if err := tx.Model(&Commitment{}).Where("id = ? AND deleted_at IS NULL", *id).Count(&n).Error; err != nil {
		return err
	}
	if n == 0 {
		return invalid(FieldCommitment, "That commitment is no longer on your Tiers; choose another.")
	}
	return nil
}

// UpdateProtocol saves a protocol's title, commitment, days before, review
// date and status. Its steps are changed one by one with the step methods.
func (s *Store) UpdateProtocol(p Protocol) (Protocol, error) {
	if err := p.normalise(); err != nil {
		return p, err
	}
	err := s.write(func(tx *gorm.DB) error {
		var old Protocol
		if err := tx.Where("deleted_at IS NULL").Take(&old, p.ID).Error; err != nil {
			return notFound(err)
		}
		if err := checkCommitment(tx, p.CommitmentID); err != nil {
			return err
		}
		old.Title, old.CommitmentID, old.RemindDaysBefore = p.Title, p.CommitmentID, p.RemindDaysBefore
		old.ReviewOn, old.Status = p.ReviewOn, p.Status
		old.Stamp(s.Now())
		if err := tx.Omit("Steps").Save(&old).Error; err != nil {
			return err
		}
		p = old
		return tx.Where("protocol_id = ? AND deleted_at IS NULL", p.ID).Order("position, id").Find(&p.Steps).Error
	})
	return p, err
}

// Protocol returns one protocol with its steps in order.
func (s *Store) Protocol(id int64) (Protocol, error) {
	var p Protocol
	if err := s.db.Where("deleted_at IS NULL").Take(&p, id).Error; err != nil {
		return p, notFound(err)
	}
	err := s.db.Where("protocol_id = ? AND deleted_at IS NULL", id).Order("position, id").Find(&p.Steps).Error
	return p, classify(err)
}

// Protocols lists every protocol, active ones first and the newest first
// within each, with its progress and commitment.
func (s *Store) Protocols() ([]ProtocolSummary, error) {
	var rows []struct {
		Protocol
		Done, Total int
		Commitment  string
	}
	err := s.db.Raw(`SELECT p.*,
			(SELECT count(*) FROM protocol_steps st WHERE st.protocol_id = p.id AND st.deleted_at IS NULL AND st.done_at IS NOT NULL) AS done,
			(SELECT count(*) FROM protocol_steps st WHERE st.protocol_id = p.id AND st.deleted_at IS NULL) AS total,
			coalesce((SELECT c.title FROM commitments c WHERE c.id = p.commitment_id AND c.deleted_at IS NULL), '') AS commitment
		FROM protocols p WHERE p.deleted_at IS NULL
		ORDER BY p.status = 'done', p.created_at DESC, p.id DESC`).Scan(&rows).Error
	if err != nil {
		return nil, classify(err)
	}
	out := make([]ProtocolSummary, len(rows))
	for i, r := range rows {
		out[i] = ProtocolSummary{Protocol: r.Protocol, Done: r.Done, Total: r.Total, Commitment: r.Commitment}
	}
	return out, nil
}

// DeleteProtocol moves a protocol to the trash; RestoreProtocol brings it
// back with every step as it was.
func (s *Store) DeleteProtocol(id int64) error { return s.setProtocolDeleted(id, true) }

// RestoreProtocol undoes DeleteProtocol.
func (s *Store) RestoreProtocol(id int64) error { return s.setProtocolDeleted(id, false) }

func (s *Store) setProtocolDeleted(id int64, deleted bool) error {
	return s.write(func(tx *gorm.DB) error {
		now := s.Now()
		var at any
		if deleted {
			at = now.UnixMilli()
		}
		res := tx.Model(&Protocol{}).Where("id = ?", id).Updates(map[string]any{"deleted_at": at, "updated_at": now.UnixMilli()})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return ErrNotFound
		}
		return nil
	})
}

// AttachedProtocols returns the active protocols tied to a commitment, by
// commitment ID, for the agenda.
func (s *Store) AttachedProtocols() (map[int64][]ProtocolSummary, error) {
	all, err := s.Protocols()
	if err != nil {
		return nil, err
	}
	out := map[int64][]ProtocolSummary{}
	for _, p := range all {
		if p.Status == ProtocolActive && p.CommitmentID != nil {
			out[*p.CommitmentID] = append(out[*p.CommitmentID], p)
		}
	}
	return out, nil
}

// ReviewDue reports whether an active protocol's review date has come.
func (p Protocol) ReviewDue(now time.Time) bool {
	return p.Status == ProtocolActive && p.ReviewOn != nil && Day(now) >= p.ReviewOn.UTC().Format(time.DateOnly)
}
