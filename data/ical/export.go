package ical

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/internal/atomicfile"
	"github.com/bothand/bothand/data/zone"
)

// BusySummary is the only title exported events carry: a work calendar
// learns that the time is taken, not by what.
const BusySummary = "Busy – family"

// Export writes the live commitments of the given tiers (tier 1 when
// none are given) as an iCalendar file of busy events, for importing into
// a work calendar so clients can't book those times. Each event keeps its
// time and repeat rule but carries only a neutral summary: no title,
// place or notes leave the journal. Commitments that are over are left
// out. It returns the number of events written.
// ExportFile writes Export's busy events to the file at path, private to
// the person, whole or not at all: a failure never leaves half a calendar
// where a good one was.
func ExportFile(s *data.Store, path string, tiers ...data.Tier) (int, error) {
	var n int
	err := atomicfile.Write(path, 0o600, func(w io.Writer) error {
		var err error
		n, err = Export(s, w, tiers...)
		return err
	})
	return n, err
}

func Export(s *data.Store, w io.Writer, tiers ...data.Tier) (int, error) {
	if len(tiers) == 0 {
		tiers = []data.Tier{data.TierNonNegotiable}
	}
	for _, t := range tiers {
		if !t.Valid() {
			return 0, data.Invalid(data.FieldTiers, "Tiers are 1, 2 and 3, not %d.", int(t))
		}
	}
	list, err := s.Schedules()
	if err != nil {
		return 0, err
	}
	now := s.Now()
	cal := ics.NewCalendarFor("Both/And")
	cal.SetProductId("-//Both/And//Tiers of commitments//EN")
	cal.SetMethod(ics.MethodPublish)
	cal.SetCalscale("GREGORIAN")
	cal.SetXWRCalName(BusySummary)

	var events []*ics.VEvent
	zones := map[string]time.Time{} // zone -> earliest start using it
	for _, sc := range list {       // by first start
		c := sc.Commitment
		if !slices.Contains(tiers, c.Tier) || sc.Over(now) {
			continue
		}
		ev := ics.NewEvent(c.UUID + "@bothand")
		ev.SetDtStampTime(now)
		ev.SetSummary(BusySummary)
		ev.SetTimeTransparency(ics.TransparencyOpaque)
		ev.SetClass(ics.ClassificationPrivate)
		tz := exportZone(c)
		switch {
		case c.AllDay:
			ev.SetAllDayStartAt(c.StartsAt)
			ev.SetAllDayEndAt(c.EndsAt)
		case tz == "":
			ev.SetStartAt(c.StartsAt)
			ev.SetEndAt(c.EndsAt)
		default:
			loc, _ := zone.Load(tz)
			ev.SetProperty(ics.ComponentPropertyDtStart, c.StartsAt.In(loc).Format("20060102T150405"), ics.WithTZID(tz))
			ev.SetProperty(ics.ComponentPropertyDtEnd, c.EndsAt.In(loc).Format("20060102T150405"), ics.WithTZID(tz))
			if _, ok := zones[tz]; !ok {
				zones[tz] = sc.First
			}
		}
		if c.RRule != "" {
			ev.AddRrule(exportRule(sc))
			for _, ex := range c.ExDates {
				switch {
				case c.AllDay:
					ev.AddExdate(ex.Format("20060102"), ics.WithValue(string(ics.ValueDataTypeDate)))
				case tz == "":
					ev.AddExdate(ex.UTC().Format("20060102T150405Z"))
				default:
					loc, _ := zone.Load(tz)
					ev.AddExdate(ex.In(loc).Format("20060102T150405"), ics.WithTZID(tz))
				}
			}
		}
		events = append(events, ev)
	}
	names := make([]string, 0, len(zones))
	for z := range zones {
		names = append(names, z)
	}
	slices.Sort(names)
	for _, z := range names {
		loc, _ := zone.Load(z)
		addVTimezone(cal, z, loc, zones[z].AddDate(-1, 0, 0), now.AddDate(10, 0, 0))
	}
	for _, ev := range events {
		cal.AddVEvent(ev)
	}
	// RFC 5545 lines end in CRLF; the library writes the platform's newline
	// unless told.
	if err := cal.SerializeTo(w, ics.WithNewLineWindows); err != nil {
		return 0, err
	}
	return len(events), nil
}

// exportZone is the TZID a timed commitment is written with: its IANA
// zone, or "" to write UTC times.
func exportZone(c data.Commitment) string {
	if c.AllDay {
		return ""
	}
	name := c.TimeZone
	if name == "" {
		name = zone.Local()
	}
	switch name {
	case "", "UTC", "Etc/UTC", "Etc/GMT", "GMT", "Etc/Universal", "Universal", "Zulu", "Etc/Zulu":
		return ""
	}
	// A zone this computer can't load (a name from a newer time-zone
	// database on another computer) is written in UTC: the same moments,
	// without a TZID no reader could resolve either.
	if _, err := zone.Load(name); err != nil {
		return ""
	}
	return name
}

// exportRule writes the stored rule with its UNTIL in the form RFC 5545
// asks for next to the DTSTART written: a date for all-day events, a UTC
// time otherwise. The schedule's last start is that UNTIL as the store
// reads it (a date-only UNTIL of a timed commitment meaning the end of
// that day).
func exportRule(sc data.Schedule) string {
	parts := strings.Split(strings.TrimPrefix(sc.Commitment.RRule, "RRULE:"), ";")
	for i, p := range parts {
		if !strings.HasPrefix(p, "UNTIL=") || sc.Last.IsZero() {
			continue
		}
		if sc.Commitment.AllDay {
			parts[i] = "UNTIL=" + sc.Last.Format("20060102")
		} else {
			parts[i] = "UNTIL=" + sc.Last.UTC().Format("20060102T150405Z")
		}
	}
	return strings.Join(parts, ";")
}

// addVTimezone describes loc between from and to the way RFC 5545 allows
// without rules: one STANDARD or DAYLIGHT observance per change of offset.
// Calendars that know the IANA name use their own data; the rest use this.
func addVTimezone(cal *ics.Calendar, name string, loc *time.Location, from, to time.Time) {
	tz := cal.AddTimezone(name)
	tz.SetProperty(ics.ComponentProperty("X-LIC-LOCATION"), name)
	t := from.In(loc)
	for i := 0; i < 200; i++ {
		start, end := t.ZoneBounds()
		abbr, off := t.Zone()
		prev := off
		onset := "19700101T000000"
		if !start.IsZero() {
			_, prev = start.Add(-time.Second).Zone()
			onset = start.In(time.FixedZone("", prev)).Format("20060102T150405")
		}
		base := ics.NewComponent("")
		base.Properties = nil
		base.SetProperty(ics.ComponentPropertyDtStart, onset)
		base.SetProperty(ics.ComponentProperty(ics.PropertyTzoffsetfrom), formatOffset(prev))
		base.SetProperty(ics.ComponentProperty(ics.PropertyTzoffsetto), formatOffset(off))
		base.SetProperty(ics.ComponentProperty(ics.PropertyTzname), abbr)
		if t.IsDST() {
			tz.Components = append(tz.Components, &ics.Daylight{ComponentBase: base})
		} else {
			tz.Components = append(tz.Components, &ics.Standard{ComponentBase: base})
		}
		if end.IsZero() || end.After(to) {
			return
		}
		t = end.In(loc)
	}
}

func formatOffset(sec int) string {
	sign := "+"
	if sec < 0 {
		sign, sec = "-", -sec
	}
	if sec%60 != 0 {
		return fmt.Sprintf("%s%02d%02d%02d", sign, sec/3600, sec%3600/60, sec%60)
	}
	return fmt.Sprintf("%s%02d%02d", sign, sec/3600, sec%3600/60)
}
