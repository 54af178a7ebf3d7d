package data

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/bothand/bothand/data/dates"
	"github.com/bothand/bothand/data/prose"
)

// The tier rules, as plain functions over values: what a piece of work
// may take, and the buffer arithmetic behind deadlines. The store applies
// them in CheckWorkBlock and SaveWorkBlock.

// Buffer is the slack kept after the work for surprises.
func (wb WorkBlock) Buffer() time.Duration { return time.Duration(wb.BufferMinutes) * time.Minute }

// PlannedFinish is when the work should be done: the deadline minus the
// buffer, so a surprise lands in the buffer and not on family time. ok is
// false when the block has no deadline.
func (wb WorkBlock) PlannedFinish() (t time.Time, ok bool) {
	if wb.DeadlineAt == nil {
		return time.Time{}, false
	}
	return wb.DeadlineAt.Add(-wb.Buffer()), true
}

// Guarded is the time the rules protect for the block: from its start to
// its end plus its buffer, because an overrun spends the buffer.
func (wb WorkBlock) Guarded() (from, to time.Time) {
	return wb.StartsAt, wb.EndsAt.Add(wb.Buffer())
}

// Conflicts are the commitment occurrences a piece of work would overlap,
// by tier, and what the rules make of them.
type Conflicts struct {
	NonNegotiable []Occurrence // tier 1: the work is refused
	HighPriority  []Occurrence // tier 2: only as a genuine emergency, with its reason
	Flexible      []Occurrence // tier 3: allowed; each gets a make-up note
	// NextFree is, when the work is refused, the first free time of the
	// same length (buffer included) after the non-negotiable commitments
	// it hit. Zero when none was found in the weeks searched.
	NextFree time.Time
	// Length is the time the suggestion has to fit: the work plus its buffer.
	Length time.Duration
}

// Refused reports whether a tier-1 commitment is in the way.
func (c Conflicts) Refused() bool { return len(c.NonNegotiable) > 0 }

// NeedsEmergency reports whether the work may go ahead only as a genuine
// emergency (tier 2 in the way, tier 1 not).
func (c Conflicts) NeedsEmergency() bool { return !c.Refused() && len(c.HighPriority) > 0 }

// None reports whether the work meets no commitment at all.
func (c Conflicts) None() bool {
	return len(c.NonNegotiable) == 0 && len(c.HighPriority) == 0 && len(c.Flexible) == 0
}

// ClassifyConflicts sorts the occurrences that take up time in [from, to)
// by tier. Occurrences outside the window, or moved away with no new time,
// are left out.
func ClassifyConflicts(from, to time.Time, occs []Occurrence) Conflicts {
	var c Conflicts
	c.Length = to.Sub(from)
	for _, o := range occs {
		if !o.Busy() || !overlaps(o.Start, o.End, from, to) {
			continue
		}
		switch o.Tier() {
		case TierNonNegotiable:
			c.NonNegotiable = append(c.NonNegotiable, o)
		case TierHighPriority:
			c.HighPriority = append(c.HighPriority, o)
		default:
			c.Flexible = append(c.Flexible, o)
		}
	}
	return c
}

// LastRefusal is the end of the last tier-1 occurrence in the way: the
// search for a free slot starts there.
func (c Conflicts) LastRefusal() time.Time {
	var last time.Time
	for _, o := range c.NonNegotiable {
		last = maxTime(last, o.End)
	}
	return last
}

// The rule that stopped a piece of work; ConflictError wraps one.
var (
	ErrNonNegotiable  = errors.New("work can't take time from a non-negotiable commitment")
	ErrNeedsEmergency = errors.New("work can take time from a high-priority commitment only in a genuine emergency")
)

// ConflictError is the tier rules refusing a piece of work. Its message
// names the commitment and says what to do instead.
type ConflictError struct {
	Kind      error // ErrNonNegotiable or ErrNeedsEmergency
	Conflicts Conflicts
}

func (e *ConflictError) Error() string {
	c := e.Conflicts
	if errors.Is(e.Kind, ErrNonNegotiable) {
		msg := fmt.Sprintf("%s %s non-negotiable (%s), so this time stays with your family.",
			titles(c.NonNegotiable), isAre(c.NonNegotiable), whenList(c.NonNegotiable))
		if c.NextFree.IsZero() {
			return msg + fmt.Sprintf(" There is no free %s in the next %d weeks within your working hours; a shorter block, or other hours, may fit.",
				FormatDuration(c.Length), freeSlotHorizonDays/7)
		}
		return msg + fmt.Sprintf(" The work fits well elsewhere: the next free %s starts %s.", FormatDuration(c.Length), formatWhen(c.NextFree))
	}
	return fmt.Sprintf("%s %s high priority (%s). Work may take that time only in a genuine emergency: say why this is one.",
		titles(c.HighPriority), isAre(c.HighPriority), whenList(c.HighPriority))
}

func (e *ConflictError) Unwrap() error { return e.Kind }

// MaxEmergencyReason is the longest reason an emergency may be given.
const MaxEmergencyReason = 2000

// Decide applies the tier rules to work with these conflicts: nil when it
// may go ahead, otherwise a *ConflictError. reason is the person's own words
// on why the work is a genuine emergency; it lets tier-2 time go, never
// tier-1.
func (c Conflicts) Decide(reason string) error {
	if c.Refused() {
		return &ConflictError{Kind: ErrNonNegotiable, Conflicts: c}
	}
	if c.NeedsEmergency() && strings.TrimSpace(reason) == "" {
		return &ConflictError{Kind: ErrNeedsEmergency, Conflicts: c}
	}
	return nil
}

func titles(occs []Occurrence) string {
	var names []string
	seen := map[int64]bool{}
	for _, o := range occs {
		if !seen[o.Commitment.ID] || o.Commitment.ID == 0 {
			seen[o.Commitment.ID] = true
			names = append(names, "“"+o.Commitment.Title+"”")
		}
	}
	switch {
	case len(names) <= 3:
		return prose.List(names)
	default:
		return fmt.Sprintf("%s, %s and %d more", names[0], names[1], len(names)-2)
	}
}

func isAre(occs []Occurrence) string {
	if len(occs) == 1 {
		return "is"
	}
	return "are"
}

func whenList(occs []Occurrence) string {
	parts := make([]string, 0, 2)
	for i, o := range occs {
		if i == 2 {
			parts = append(parts, "…")
			break
		}
		parts = append(parts, FormatSpan(o.Start, o.End, o.AllDay()))
	}
	return strings.Join(parts, "; ")
}

// FormatSpan says when something happens, in local time, the way the app
// writes it: "Fri 13 Mar, 13:00–15:00", "Sat 14 Mar, all day".
func FormatSpan(start, end time.Time, allDay bool) string {
	start, end = start.Local(), end.Local()
	if allDay {
		last := end.AddDate(0, 0, -1)
		if !last.After(start) {
			return dates.Short(start) + ", all day"
		}
		return dates.Short(start) + " – " + dates.Short(last)
	}
	if sameDay(start, end) || end.Equal(time.Date(start.Year(), start.Month(), start.Day()+1, 0, 0, 0, 0, time.Local)) {
		return dates.At(start) + "–" + dates.Clock(end)
	}
	return dates.At(start) + " – " + dates.At(end)
}

func formatWhen(t time.Time) string { return dates.Short(t.Local()) + " at " + dates.Clock(t.Local()) }

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

// FormatDuration writes a length the way people say it: "45 min", "2 h",
// "2 h 30 min", "1 day".
func FormatDuration(d time.Duration) string {
	m := int(d.Round(time.Minute) / time.Minute)
	days, h, mins := m/(24*60), m/60%24, m%60
	var parts []string
	if days == 1 {
		parts = append(parts, "1 day")
	} else if days > 1 {
		parts = append(parts, fmt.Sprintf("%d days", days))
	}
	if h > 0 {
		parts = append(parts, fmt.Sprintf("%d h", h))
	}
	if mins > 0 || len(parts) == 0 {
		parts = append(parts, fmt.Sprintf("%d min", mins))
	}
	return strings.Join(parts, " ")
}
