package data

import (
	"encoding/json"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/bothand/bothand/data/prose"
)

// ReminderSettings say when the app speaks up. They live in the journal, so
// they travel with exports and backups.
type ReminderSettings struct {
	// MorningSlip sends the pinned slip as a notification at Morning on Days.
	MorningSlip bool `json:"morning_slip"`
	// Morning is minutes after local midnight (480 = 08:00).
	Morning int `json:"morning"`
	// Days are the weekdays for the morning slip, indexed by time.Weekday.
	Days [7]bool `json:"days"`
	// Tier1DayBefore reminds of a tier-1 commitment on the day before, at
	// the morning time.
	Tier1DayBefore bool `json:"tier1_day_before"`
	// Tier1LeadMinutes reminds this long before a tier-1 commitment starts
	// (0: off); a commitment's own RemindBeforeMinutes wins.
	Tier1LeadMinutes int `json:"tier1_lead_minutes"`
}

// DefaultReminderSettings: the slip every morning at 08:00, tier-1
// commitments the day before and an hour before.
func DefaultReminderSettings() ReminderSettings {
	return ReminderSettings{
		MorningSlip: true, Morning: 8 * 60,
		Days:           [7]bool{true, true, true, true, true, true, true},
		Tier1DayBefore: true, Tier1LeadMinutes: 60,
	}
}

const reminderKey = "reminders"

// ReminderSettings returns the stored settings, or the defaults.
func (s *Store) ReminderSettings() (ReminderSettings, error) {
	rs := DefaultReminderSettings()
	v, ok, err := s.Setting(reminderKey)
	if err != nil || !ok {
		return rs, err
	}
	if err := json.Unmarshal([]byte(v), &rs); err != nil {
		return DefaultReminderSettings(), nil // a damaged setting falls back, never blocks reminders
	}
	return rs, nil
}

// SaveReminderSettings stores rs after checking it.
func (s *Store) SaveReminderSettings(rs ReminderSettings) error {
	if rs.Morning < 0 || rs.Morning >= 24*60 {
		return invalid(FieldMorning, "Choose a morning time between 00:00 and 23:59.")
	}
	if rs.Tier1LeadMinutes < 0 || rs.Tier1LeadMinutes > 7*24*60 {
		return invalid(FieldLead, "Choose a reminder time between 0 minutes and 7 days before.")
	}
	b, _ := json.Marshal(rs)
	return s.SetSetting(reminderKey, string(b))
}

// Reminder is a notification that is due. Kind and Ref identify it, so it is
// delivered once however often the app starts or wakes.
type Reminder struct {
	Kind  string
	Ref   string
	Due   time.Time
	Title string
	Body  string
}

// Reminder kinds.
const (
	ReminderMorningSlip   = "morning-slip"
	ReminderTier1DayAhead = "tier1-day-before"
	ReminderTier1Soon     = "tier1-before"
	ReminderProtocol      = "protocol"
)

// Upcoming is a coming occurrence worth a reminder: a tier-1 commitment, or
// the commitment a protocol is attached to.
type Upcoming struct {
	Key          string // commitment UUID
	Title        string
	Start        time.Time
	AllDay       bool
	RemindBefore *int // minutes; nil: use the settings
	// For a protocol attached to the commitment: its title, how many days
	// ahead to bring it back, and the steps still open.
	Protocol    string
	ProtocolKey string
	DaysBefore  int
	OpenSteps   int
}

// at returns local midnight of t's day plus minutes, in t's zone; computed
// from the calendar date so daylight-saving days still land on the wall
// clock time.
func at(t time.Time, minutes int) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, minutes/60, minutes%60, 0, 0, t.Location())
}

// DueReminders returns what should be delivered at now (local time) and has
// become due since it last could have been: a reminder stays due until its
// moment has passed (the morning slip until the end of its day, a
// commitment's until it starts), so a computer that was off or asleep at the
// time still gets it once, on the next check. Delivery once is the caller's
// job (Store.ClaimReminder).
func DueReminders(now time.Time, rs ReminderSettings, slip string, coming []Upcoming) []Reminder {
	now = now.Local()
	var due []Reminder
	if rs.MorningSlip && slip != "" && rs.Days[now.Weekday()] {
		if when := at(now, rs.Morning); !now.Before(when) {
			due = append(due, Reminder{
				Kind: ReminderMorningSlip, Ref: Day(now), Due: when,
				Title: "Your permission slip", Body: slip,
			})
		}
	}
	for _, c := range coming {
		start := c.Start.Local()
		if !now.Before(start) {
			continue
		}
		ref := fmt.Sprintf("%s@%d", c.Key, c.Start.UnixMilli())
		if c.Protocol != "" {
			when := at(start.AddDate(0, 0, -c.DaysBefore), rs.Morning)
			if !now.Before(when) {
				due = append(due, Reminder{
					Kind: ReminderProtocol, Ref: c.ProtocolKey + ":" + ref, Due: when,
					Title: "Your next-time protocol",
					Body:  protocolBody(c, start, now),
				})
			}
			continue
		}
		lead := rs.Tier1LeadMinutes
		if c.RemindBefore != nil {
			lead = *c.RemindBefore
		}
		if lead > 0 && !c.AllDay {
			if when := start.Add(-time.Duration(lead) * time.Minute); !now.Before(when) {
				// The lead reminder says all the day-before one would, and
				// more truly: a start just past midnight is "soon", not
				// "tomorrow", and one moment gets one notification.
				due = append(due, Reminder{
					Kind: ReminderTier1Soon, Ref: ref, Due: when,
					Title: "Soon: " + c.Title,
					Body:  fmt.Sprintf("%s at %s — non-negotiable.", c.Title, start.Format("15:04")),
				})
				continue
			}
		}
		if rs.Tier1DayBefore && Day(start.AddDate(0, 0, -1)) == Day(now) {
			if when := at(now, rs.Morning); !now.Before(when) {
				due = append(due, Reminder{
					Kind: ReminderTier1DayAhead, Ref: ref, Due: when,
					Title: "Tomorrow: " + c.Title,
					Body:  fmt.Sprintf("%s tomorrow%s — non-negotiable.", c.Title, atTime(c, start)),
				})
			}
		}
	}
	return due
}

func atTime(c Upcoming, start time.Time) string {
	if c.AllDay {
		return ""
	}
	return " at " + start.Format("15:04")
}

func protocolBody(c Upcoming, start, now time.Time) string {
	days := int(at(start, 0).Sub(at(now, 0)).Hours()/24 + 0.5)
	when := fmt.Sprintf("in %d days", days)
	switch days {
	case 0:
		when = "today"
	case 1:
		when = "tomorrow"
	}
	steps := "all steps done"
	if c.OpenSteps == 1 {
		steps = "1 step still open"
	} else if c.OpenSteps > 1 {
		steps = fmt.Sprintf("%d steps still open", c.OpenSteps)
	}
	return fmt.Sprintf("%s is %s. Look over “%s” (%s).", c.Title, when, prose.Clip(c.Protocol, 80), steps)
}

// Notice records a reminder that was delivered (the morning slip on a given
// day, a commitment's reminder), so it is never delivered twice.
type Notice struct {
	Record
	Kind   string    `json:"kind"`
	Ref    string    `json:"ref"`
	DueAt  time.Time `gorm:"serializer:unixms" json:"due_at"`
	SentAt time.Time `gorm:"serializer:unixms" json:"sent_at"`
}

// ClaimReminder records that r is being delivered and reports whether this
// call was the first to claim it. Two checks, two app instances or a restart
// racing a wake can't deliver the same reminder twice.
func (s *Store) ClaimReminder(r Reminder) (bool, error) {
	var claimed bool
	err := s.write(func(tx *gorm.DB) error {
		n := Notice{Kind: r.Kind, Ref: r.Ref, DueAt: r.Due, SentAt: s.Now()}
		n.Stamp(s.Now())
		res := tx.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "kind"}, {Name: "ref"}}, DoNothing: true}).Create(&n)
		claimed = res.RowsAffected == 1
		return res.Error
	})
	return claimed, err
}

// ClaimDueReminders works out what is due now (the morning slip, tier-1
// and protocol reminders, look-back questions), claims each in the journal
// so it is delivered once however many times the app starts, wakes or
// runs, and returns the ones this call claimed, for the caller to send.
// The tray calls it every half minute, or the window when there is no tray.
func (s *Store) ClaimDueReminders() ([]Reminder, error) {
	rs, err := s.ReminderSettings()
	if err != nil {
		return nil, err
	}
	slip, _, err := s.PinnedSlip()
	if err != nil {
		return nil, err
	}
	now := s.Now()
	coming, err := s.Upcoming(now)
	if err != nil {
		return nil, err
	}
	due := DueReminders(now, rs, slip.Text, coming)
	lookBacks, err := s.LookBackReminders(now)
	if err != nil {
		return nil, err
	}
	var send []Reminder
	for _, r := range append(due, lookBacks...) {
		claimed, err := s.ClaimReminder(r)
		if err != nil {
			return send, err
		}
		if claimed {
			send = append(send, r)
		}
	}
	return send, nil
}
