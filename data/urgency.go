package data

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/bothand/bothand/assets"
)

// maxQuestion is the urgency_criteria table's limit on a question.
const maxQuestion = 500

// MaxCriteria is how many urgency questions the person can keep: a triage
// is meant to take a minute, not an afternoon.
const MaxCriteria = 12

// StarterCriteria are the questions offered to someone who has none yet
// (built-in content: assets/content/urgency.json).
func StarterCriteria() []string { return assets.UrgencyQuestions() }

// UrgencyRule is how many yes answers make a request urgent: AtLeast 1 is
// "any yes".
type UrgencyRule struct {
	AtLeast int `json:"at_least"`
}

// Urgent applies the rule to a number of yes answers.
func (r UrgencyRule) Urgent(yes int) bool { return yes >= max(1, r.AtLeast) }

// String is the rule in the person's words.
func (r UrgencyRule) String() string {
	if r.AtLeast <= 1 {
		return "urgent when any answer is yes"
	}
	return fmt.Sprintf("urgent when at least %d answers are yes", r.AtLeast)
}

const (
	settingUrgencyRule   = "triage.rule"
	settingDefaultBuffer = "work.default_buffer_minutes"
)

// UrgencyRule returns the person's rule; "any yes" until they choose.
func (s *Store) UrgencyRule() (UrgencyRule, error) { return s.urgencyRule(s.db) }

func (s *Store) urgencyRule(db *gorm.DB) (UrgencyRule, error) {
	var row Setting
	err := db.Where("key = ?", settingUrgencyRule).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return UrgencyRule{AtLeast: 1}, nil
	}
	if err != nil {
		return UrgencyRule{}, classify(err)
	}
	n, err := strconv.Atoi(row.Value)
	if err != nil || n < 1 {
		n = 1
	}
	return UrgencyRule{AtLeast: n}, nil
}

// UrgencyCriteria returns the person's questions in order.
func (s *Store) UrgencyCriteria() ([]UrgencyCriterion, error) { return s.urgencyCriteria(s.db) }

func (s *Store) urgencyCriteria(db *gorm.DB) ([]UrgencyCriterion, error) {
	var list []UrgencyCriterion
	err := db.Where("deleted_at IS NULL").Order("position, id").Find(&list).Error
	return list, classify(err)
}

// SaveUrgency stores the person's questions in the order given, with their
// rule, in one go: questions with an ID are kept (reworded if changed),
// new ones are added, and those no longer listed are retired, so past
// triages still show what was asked. Blank questions are dropped.
func (s *Store) SaveUrgency(list []UrgencyCriterion, rule UrgencyRule) ([]UrgencyCriterion, error) {
	var clean []UrgencyCriterion
	for _, c := range list {
		c.Question = strings.TrimSpace(c.Question)
		if c.Question == "" {
			continue
		}
		if n := utf8.RuneCountInString(c.Question); n > maxQuestion {
			return nil, invalid(FieldQuestion, "A question holds up to %d characters; one has %d.", maxQuestion, n)
		}
		clean = append(clean, c)
	}
	if len(clean) > MaxCriteria {
		return nil, invalid(FieldQuestion, "Keep to %d questions or fewer, so a triage stays quick.", MaxCriteria)
	}
	if rule.AtLeast < 1 {
		rule.AtLeast = 1
	}
	if len(clean) > 0 && rule.AtLeast > len(clean) {
		return nil, invalid(FieldRule, "The rule asks for %d yes answers, but there are only %d questions.", rule.AtLeast, len(clean))
	}
	err := s.write(func(tx *gorm.DB) error {
		now := s.Now()
		keep := map[int64]bool{}
		for i := range clean {
			c := &clean[i]
			c.Position = i + 1
			if c.ID != 0 {
				var old UrgencyCriterion
				if err := tx.Where("deleted_at IS NULL").Take(&old, c.ID).Error; err != nil {
					return notFound(err)
				}
				old.Question, old.Position = c.Question, c.Position
				old.Stamp(now)
				if err := tx.Save(&old).Error; err != nil {
					return err
				}
				*c = old
			} else {
				c.UUID, c.DeletedAt = "", nil
				c.Stamp(now)
				if err := tx.Create(c).Error; err != nil {
					return err
				}
			}
			keep[c.ID] = true
		}
		var current []UrgencyCriterion
		if err := tx.Where("deleted_at IS NULL").Find(&current).Error; err != nil {
			return err
		}
		for _, c := range current {
			if !keep[c.ID] {
				if err := tx.Model(&UrgencyCriterion{}).Where("id = ?", c.ID).
					Updates(map[string]any{"deleted_at": now.UnixMilli(), "updated_at": now.UnixMilli()}).Error; err != nil {
					return err
				}
			}
		}
		row := Setting{Key: settingUrgencyRule, Value: strconv.Itoa(rule.AtLeast), UpdatedAt: now}
		return tx.Clauses(clause.OnConflict{UpdateAll: true}).Create(&row).Error
	})
	if err != nil {
		return nil, err
	}
	return clean, nil
}

// DefaultBuffer is the buffer, in minutes, new work blocks start with.
func (s *Store) DefaultBuffer() (int, error) {
	v, ok, err := s.Setting(settingDefaultBuffer)
	if err != nil || !ok {
		return 0, err
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || n > MaxBufferMinutes {
		return 0, nil
	}
	return n, nil
}

// SetDefaultBuffer stores the buffer new work starts with.
func (s *Store) SetDefaultBuffer(minutes int) error {
	if minutes < 0 || minutes > MaxBufferMinutes {
		return invalid(FieldBufferMinutes, "A buffer is between none and 7 days.")
	}
	return s.SetSetting(settingDefaultBuffer, strconv.Itoa(minutes))
}

// FollowUpDelay is how long after a triage the app asks whether the
// request was truly urgent: long enough for the heat to have gone.
const FollowUpDelay = 24 * time.Hour
