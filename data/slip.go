package data

import (
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"
)

// MaxSlipLen is the longest permission slip, in characters: one sentence
// that fits on the strip, in the tray menu and in a notification.
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

// Day is the local calendar date of t as stored in readings and notices.
func Day(t time.Time) string { return t.Local().Format(time.DateOnly) }

func validateSlip(text string) (string, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return "", invalid(FieldText, "Write a sentence first: the slip is empty.")
	}
	if n := utf8.RuneCountInString(text); n > MaxSlipLen {
		return "", invalid(FieldText, "A slip holds up to %d characters; this one has %d. Try a shorter sentence.", MaxSlipLen, n)
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
			if err := s.unpinAll(tx); err != nil {
				return err
			}
			slip.Pinned = true
		}
		slip.Stamp(s.Now())
		return tx.Create(&slip).Error
	})
	return slip, err
}

// UpdateSlip changes a slip's text.
func (s *Store) UpdateSlip(id int64, text string) (Slip, error) {
	text, err := validateSlip(text)
	if err != nil {
		return Slip{}, err
	}
	var slip Slip
	err = s.write(func(tx *gorm.DB) error {
		if err := findSlip(tx, id, &slip); err != nil {
			return err
		}
		slip.Text = text
		slip.Stamp(s.Now())
		return tx.Save(&slip).Error
	})
	return slip, err
}

// DeleteSlip removes a slip. When it was pinned, the next slip in order (or
// the first) is pinned instead, so the strip never goes blank while slips
// remain. Readings keep their dates.
func (s *Store) DeleteSlip(id int64) error {
	return s.write(func(tx *gorm.DB) error {
		var slip Slip
		if err := findSlip(tx, id, &slip); err != nil {
			return err
		}
		if err := tx.Delete(&Slip{}, id).Error; err != nil {
			return err
		}
		if !slip.Pinned {
			return nil
		}
		next, ok, err := s.slipAfter(tx, slip.Position)
		if err != nil || !ok {
			return err
		}
		return s.pin(tx, next.ID)
	})
}

// PinSlip makes slip id the pinned one.
func (s *Store) PinSlip(id int64) error {
	return s.write(func(tx *gorm.DB) error {
		var slip Slip
		if err := findSlip(tx, id, &slip); err != nil {
			return err
		}
		return s.pin(tx, id)
	})
}

// PinNext pins the slip after the pinned one, wrapping around, and returns
// it; ok is false when there are no slips.
func (s *Store) PinNext() (slip Slip, ok bool, err error) {
	err = s.write(func(tx *gorm.DB) error {
		var current Slip
		pos := 0
		if err := tx.Where("pinned = 1").Take(&current).Error; err == nil {
			pos = current.Position
		} else if !errors.Is(err, gorm.ErrRecordNotFound) {
			return err
		}
		next, found, err := s.slipAfter(tx, pos)
		if err != nil || !found {
			return err
		}
		slip, ok = next, true
		slip.Pinned = true
		return s.pin(tx, next.ID)
	})
	return slip, ok, err
}

// MoveSlip moves slip id to index to (0-based) in the person's order and
// renumbers the others.
func (s *Store) MoveSlip(id int64, to int) error {
	return s.write(func(tx *gorm.DB) error {
		var list []Slip
		if err := tx.Order("position, id").Find(&list).Error; err != nil {
			return err
		}
		from := -1
		for i, sl := range list {
			if sl.ID == id {
				from = i
			}
		}
		if from < 0 {
			return ErrNotFound
		}
		to = max(0, min(to, len(list)-1))
		moved := list[from]
		list = append(list[:from], list[from+1:]...)
		list = append(list[:to], append([]Slip{moved}, list[to:]...)...)
		now := ms(s.Now())
		for i, sl := range list {
			if sl.Position == i+1 {
				continue
			}
			if err := tx.Exec("UPDATE slips SET position = ?, updated_at = ? WHERE id = ?", i+1, now, sl.ID).Error; err != nil {
				return err
			}
		}
		return nil
	})
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

func findSlip(tx *gorm.DB, id int64, slip *Slip) error {
	err := tx.Take(slip, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return ErrNotFound
	}
	return err
}

func (s *Store) unpinAll(tx *gorm.DB) error {
	return tx.Exec("UPDATE slips SET pinned = 0, updated_at = ? WHERE pinned = 1", ms(s.Now())).Error
}

func (s *Store) pin(tx *gorm.DB, id int64) error {
	if err := s.unpinAll(tx); err != nil {
		return err
	}
	return tx.Exec("UPDATE slips SET pinned = 1, updated_at = ? WHERE id = ?", ms(s.Now()), id).Error
}

// slipAfter returns the first slip after position pos, wrapping to the first.
func (s *Store) slipAfter(tx *gorm.DB, pos int) (Slip, bool, error) {
	var next Slip
	err := tx.Where("position > ?", pos).Order("position, id").Take(&next).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		err = tx.Order("position, id").Take(&next).Error
	}
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return Slip{}, false, nil
	}
	return next, err == nil, err
}
