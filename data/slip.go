package data

import (
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"
)

// MaxSlipLen is the longest permission slip, in characters: one sentence
// that fits on the strip and in a notification.
const MaxSlipLen = 280

// Slip is a permission slip: one sentence the person needs to hear. One slip
// is pinned and kept in view.
type Slip struct {
	Record
	Text     string `json:"text"`
	Position int    `json:"position"`
	Pinned   bool   `json:"pinned"`
}

// SlipReading marks a morning the pinned slip was read. Day is the local
// calendar date, YYYY-MM-DD.
type SlipReading struct {
	Record
	SlipID *int64    `json:"-"`
	Day    string    `json:"day"`
	ReadAt time.Time `gorm:"serializer:unixms" json:"read_at"`
}

func validateSlip(text string) (string, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return "", invalid("text", "Write a sentence first: the slip is empty.")
	}
	if n := utf8.RuneCountInString(text); n > MaxSlipLen {
		return "", invalid("text", "A slip holds up to %d characters; this one has %d. Try a shorter sentence.", MaxSlipLen, n)
	}
	return text, nil
}

// AddSlip stores a new slip at the end of the list. With pin, or when it is
// the first slip, it becomes the pinned one.
func (s *Store) AddSlip(text string, pin bool) (Slip, error) {
	text, err := validateSlip(text)
	if err != nil {
		return Slip{}, err
	}
	slip := Slip{Text: text}
	err = s.write(func(tx *gorm.DB) error {
		var stats struct {
			Count int
			Last  int
		}
		if err := tx.Raw("SELECT count(*) AS count, coalesce(max(position), 0) AS last FROM slips").Scan(&stats).Error; err != nil {
			return err
		}
		slip.Position = stats.Last + 1
		if pin || stats.Count == 0 {
			if err := tx.Exec("UPDATE slips SET pinned = 0, updated_at = ? WHERE pinned = 1", ms(s.Now())).Error; err != nil {
				return err
			}
			slip.Pinned = true
		}
		slip.stamp(s.Now())
		return tx.Create(&slip).Error
	})
	return slip, err
}

// PinnedSlip returns the pinned slip; ok is false when there is none.
func (s *Store) PinnedSlip() (slip Slip, ok bool, err error) {
	err = s.db.Where("pinned = 1").Take(&slip).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return Slip{}, false, nil
	}
	return slip, err == nil, classify(err)
}

// Slips returns every slip in the person's order.
func (s *Store) Slips() ([]Slip, error) {
	var list []Slip
	err := s.db.Order("position, id").Find(&list).Error
	return list, classify(err)
}
