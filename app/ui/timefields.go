package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/data/dates"
	"github.com/bothand/bothand/widgets"
)

// Small pieces the Tiers forms share: a date field, a time-of-day field,
// a message line under a field, and how dates are written.

// ParseClock reads a time of day as people type it: "18:00", "9:30",
// "930", "18", "6pm", "6.30 pm".
func ParseClock(s string) (h, m int, err error) {
	s = strings.ToLower(strings.TrimSpace(s))
	bad := Problem("Write a time like 18:00 or 6:30 pm.")
	if s == "" {
		return 0, 0, Problem("Write a time, like 18:00.")
	}
	pm, am := strings.HasSuffix(s, "pm"), strings.HasSuffix(s, "am")
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(s, "pm"), "am"))
	s = strings.ReplaceAll(s, ".", ":")
	var hs, ms string
	switch {
	case strings.Contains(s, ":"):
		hs, ms, _ = strings.Cut(s, ":")
	case len(s) >= 3:
		hs, ms = s[:len(s)-2], s[len(s)-2:]
	default:
		hs, ms = s, "0"
	}
	h, err1 := strconv.Atoi(hs)
	m, err2 := strconv.Atoi(ms)
	if err1 != nil || err2 != nil || m < 0 || m > 59 || h < 0 {
		return 0, 0, bad
	}
	if pm || am {
		if h < 1 || h > 12 {
			return 0, 0, bad
		}
		if h == 12 {
			h = 0
		}
		if pm {
			h += 12
		}
	}
	if h > 23 {
		return 0, 0, bad
	}
	return h, m, nil
}

// Problem is a message for the person about what they typed, shown under
// the field.
type Problem string

func (p Problem) Error() string { return string(p) }

// NewClockField is a time-of-day entry showing hh:mm.
func NewClockField(h, m int) *widgets.Entry {
	e := widgets.NewEntry()
	e.SetText(fmt.Sprintf("%02d:%02d", h, m))
	e.SetPlaceHolder("18:00")
	return e
}

// At is the local time on date d (only its calendar date counts) at h:m.
func At(d time.Time, h, m int) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), h, m, 0, 0, time.Local)
}

// FieldMessage is the line under a field that says what is wrong with it.
type FieldMessage struct{ *widget.Label }

func NewFieldMessage() FieldMessage {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return FieldMessage{l}
}

// Say shows msg under the field.
func (f FieldMessage) Say(msg string) {
	f.SetText(msg)
	f.Show()
}

// Clear hides the message.
func (f FieldMessage) Clear() {
	f.SetText("")
	f.Hide()
}

// DayHeading names an agenda day: "Today · Wednesday 25 November".
func DayHeading(d, today time.Time) string {
	name := dates.Long(d)
	switch CivilDiff(today, d) {
	case 0:
		return "Today · " + name
	case 1:
		return "Tomorrow · " + name
	case -1:
		return "Yesterday · " + name
	}
	return name
}

func CivilDiff(a, b time.Time) int {
	da := time.Date(a.Year(), a.Month(), a.Day(), 12, 0, 0, 0, time.UTC)
	db := time.Date(b.Year(), b.Month(), b.Day(), 12, 0, 0, 0, time.UTC)
	return int(db.Sub(da).Round(24*time.Hour) / (24 * time.Hour))
}

func Midnight(t time.Time) time.Time {
	t = t.Local()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.Local)
}
