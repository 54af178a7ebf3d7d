package ical

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/teambition/rrule-go"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/zone"
)

// Result says what an import did.
type Result struct {
	data.CalendarMerge
	// Notes are things the person may want to know (a time zone guessed, a
	// rule simplified), each with its line.
	Notes []string
}

// Total is the number of events in the file that were imported or already there.
func (r Result) Total() int { return r.Added + r.Updated + r.Unchanged }

// Import imports the events of an iCalendar file (a school's calendar, an
// export from Google Calendar, Outlook or Thunderbird) as commitments of
// the given tier. Events already imported are matched by UID and updated,
// so importing the same file again adds nothing. A file with a problem is
// refused whole with an *Error naming the line; nothing is imported from
// it. source names the file for the record.
func Import(s *data.Store, r io.Reader, source string, tier data.Tier) (Result, error) {
	var res Result
	if !tier.Valid() {
		return res, data.Invalid(data.FieldTier, "Choose the tier for the imported events: 1, 2 or 3.")
	}
	cals, err := read(r)
	if err != nil {
		return res, err
	}
	events, cancelled, notes, err := eventsOf(cals, tier, "ics:"+source)
	if err != nil {
		return res, err
	}
	res.Notes = notes
	list := make([]data.Commitment, len(events))
	for i, ev := range events {
		list[i] = ev.c
	}
	res.CalendarMerge, err = s.MergeCalendarEvents(list, cancelled)
	return res, err
}

// parsedEvent is a VEVENT turned into a commitment, with where it came from.
type parsedEvent struct {
	line int
	c    data.Commitment
}

// eventsOf turns the calendars' VEVENTs into commitments. Overrides of one
// occurrence (RECURRENCE-ID) become their own commitment and a skipped
// date of the series; cancelled events are listed by UID.
func eventsOf(cals []*component, tier data.Tier, source string) ([]parsedEvent, []string, []string, error) {
	p := &parser{zones: map[string]*component{}, resolved: map[string]string{}}
	var vevents []*component
	for _, cal := range cals {
		if v := cal.value("X-WR-TIMEZONE"); zone.Valid(v) && p.calZone == "" {
			p.calZone = v
		}
		for _, comp := range cal.children {
			switch comp.name {
			case "VTIMEZONE":
				p.zones[comp.value("TZID")] = comp
			case "VEVENT":
				vevents = append(vevents, comp)
			}
		}
	}
	byUID := map[string]int{}
	var (
		events    []parsedEvent
		cancelled []string
		overrides []*component
	)
	for _, ve := range vevents {
		if ve.prop("RECURRENCE-ID") != nil {
			overrides = append(overrides, ve)
			continue
		}
		ev, isCancelled, err := p.event(ve, tier, source)
		if err != nil {
			return nil, nil, nil, err
		}
		uid := *ev.c.ICalUID
		if isCancelled {
			cancelled = append(cancelled, uid)
			continue
		}
		if i, dup := byUID[uid]; dup {
			p.note(ve.line, "the event “%s” repeats the UID of the one on line %d; the later one is kept", ev.c.Title, events[i].line)
			events[i] = ev
			continue
		}
		byUID[uid] = len(events)
		events = append(events, ev)
	}
	for _, ve := range overrides {
		rid := ve.prop("RECURRENCE-ID")
		uid := ve.value("UID")
		at, allDay, _, err := p.timeValue(rid, rid.value)
		if err != nil {
			return nil, nil, nil, err
		}
		if i, ok := byUID[uid]; ok {
			master := &events[i].c
			if allDay {
				at = time.Date(at.Year(), at.Month(), at.Day(), 0, 0, 0, 0, time.UTC)
			}
			master.ExDates = append(master.ExDates, at)
		}
		ev, isCancelled, err := p.event(ve, tier, source)
		if err != nil {
			return nil, nil, nil, err
		}
		key := uid + "#" + at.UTC().Format("20060102T150405Z")
		ev.c.ICalUID = &key
		ev.c.RRule = ""
		ev.c.ExDates = nil
		if isCancelled {
			cancelled = append(cancelled, key)
			continue
		}
		events = append(events, ev)
	}
	// Check every commitment as the store will, so a bad one refuses the
	// file with its line before anything is written. A series that never
	// happens (its end before its start) is left out rather than refusing
	// a whole school calendar.
	kept := events[:0]
	for _, ev := range events {
		if err := ev.c.Normalise(); err != nil {
			if errors.Is(err, data.ErrNeverHappens) {
				p.note(ev.line, "“%s” repeats until before its own start, so it never happens; it was left out", ev.c.Title)
				continue
			}
			var ve *data.ValidationError
			if errors.As(err, &ve) {
				return nil, nil, nil, errorAt(ev.line, "the event “%s”: %s", ev.c.Title, ve.Message)
			}
			return nil, nil, nil, err
		}
		kept = append(kept, ev)
	}
	events = kept
	return events, cancelled, p.notes, nil
}

// parser holds what reading events needs from the whole file.
type parser struct {
	zones    map[string]*component // VTIMEZONEs by TZID
	calZone  string                // X-WR-TIMEZONE
	resolved map[string]string     // TZID -> IANA name, noted once
	notes    []string
}

func (p *parser) note(line int, format string, args ...any) {
	p.notes = append(p.notes, fmt.Sprintf("Line %d: ", line)+fmt.Sprintf(format, args...)+".")
}

func (p *parser) event(ve *component, tier data.Tier, source string) (parsedEvent, bool, error) {
	ev := parsedEvent{line: ve.line}
	c := &ev.c
	c.Tier, c.Source = tier, source
	c.Title = strings.TrimSpace(ve.value("SUMMARY"))
	if c.Title == "" {
		c.Title = "Untitled event"
	}
	if r := []rune(c.Title); len(r) > data.MaxCommitmentTitle {
		c.Title = string(r[:data.MaxCommitmentTitle])
	}
	c.Location = ve.value("LOCATION")
	if r := []rune(c.Location); len(r) > data.MaxCommitmentLocation {
		c.Location = string(r[:data.MaxCommitmentLocation])
	}
	c.Notes = ve.value("DESCRIPTION")
	if utf8.RuneCountInString(c.Notes) > data.MaxCommitmentNotes {
		c.Notes = string([]rune(c.Notes)[:data.MaxCommitmentNotes])
	}
	uid := strings.TrimSpace(ve.value("UID"))
	if uid == "" {
		// No UID (some hand-made school calendars): one made from the
		// event's own lines still matches it on the next import.
		h := sha256.Sum256([]byte(c.Title + "\x00" + ve.value("DTSTART") + "\x00" + ve.value("RRULE")))
		uid = "bothand-" + hex.EncodeToString(h[:12])
	}
	c.ICalUID = &uid
	cancelled := strings.EqualFold(ve.value("STATUS"), "CANCELLED")

	dtstart := ve.prop("DTSTART")
	if dtstart == nil {
		return ev, false, errorAt(ve.line, "the event “%s” has no DTSTART, so it has no time.", c.Title)
	}
	start, allDay, tz, err := p.timeValue(dtstart, dtstart.value)
	if err != nil {
		return ev, false, err
	}
	c.AllDay, c.TimeZone, c.StartsAt = allDay, tz, start
	switch end, dur := ve.prop("DTEND"), ve.prop("DURATION"); {
	case end != nil:
		t, endAllDay, _, err := p.timeValue(end, end.value)
		if err != nil {
			return ev, false, err
		}
		if endAllDay != allDay {
			return ev, false, errorAt(end.line, "DTEND is a %s but DTSTART is a %s; both must be the same kind.", valueKind(endAllDay), valueKind(allDay))
		}
		if t.Before(start) {
			return ev, false, errorAt(end.line, "the event “%s” ends before it starts.", c.Title)
		}
		c.EndsAt = t
	case dur != nil:
		d, err := parseDuration(dur.value)
		if err != nil || d < 0 {
			return ev, false, errorAt(dur.line, "DURATION “%s” isn't a length of time like PT1H30M or P1D.", dur.value)
		}
		if allDay {
			c.EndsAt = start.AddDate(0, 0, max(1, int((d+12*time.Hour)/(24*time.Hour))))
		} else {
			c.EndsAt = start.Add(d)
		}
	case allDay:
		c.EndsAt = start.AddDate(0, 0, 1)
	default:
		c.EndsAt = start
	}

	if rr := ve.prop("RRULE"); rr != nil {
		loc := time.UTC
		if !allDay {
			loc, _ = zone.Load(tz)
		}
		opt, err := rrule.StrToROptionInLocation(strings.TrimPrefix(strings.ToUpper(rr.value), "RRULE:"), loc)
		switch {
		case err != nil:
			return ev, false, errorAt(rr.line, "the repeat rule “%s” can't be read (%v).", rr.value, err)
		case opt.Freq > rrule.DAILY:
			p.note(rr.line, "“%s” repeats more often than daily; only its first time was imported", c.Title)
		default:
			c.RRule = rr.value
		}
	}
	for _, ex := range ve.all("EXDATE") {
		for _, v := range strings.Split(ex.value, ",") {
			t, _, _, err := p.timeValue(ex, strings.TrimSpace(v))
			if err != nil {
				return ev, false, err
			}
			c.ExDates = append(c.ExDates, t)
		}
	}
	if len(ve.all("RDATE")) > 0 {
		p.note(ve.all("RDATE")[0].line, "the extra dates (RDATE) of “%s” were left out; add them by hand if you need them", c.Title)
	}
	return ev, cancelled, nil
}

func valueKind(allDay bool) string {
	if allDay {
		return "date"
	}
	return "date and time"
}

// timeValue reads a DATE or DATE-TIME value of prop: UTC ("…Z"), with a
// TZID, or floating (read in the person's own zone). tz is the IANA name
// the commitment keeps.
func (p *parser) timeValue(prop *property, v string) (t time.Time, allDay bool, tz string, err error) {
	v = strings.TrimSpace(v)
	bad := func() error {
		return errorAt(prop.line, "%s value “%s” isn't a date (20260306) or a date and time (20260306T130000).", prop.name, v)
	}
	if len(v) == 8 || strings.EqualFold(prop.param("VALUE"), "DATE") {
		d, err := time.Parse("20060102", v)
		if err != nil {
			return t, false, "", bad()
		}
		return d, true, "", nil
	}
	if strings.HasSuffix(v, "Z") {
		d, err := time.Parse("20060102T150405Z", v)
		if err != nil {
			return t, false, "", bad()
		}
		return d, false, p.defaultZone(), nil
	}
	tz = p.defaultZone()
	if tzid := prop.param("TZID"); tzid != "" {
		tz = p.zone(prop.line, tzid, v)
	}
	loc, _ := zone.Load(tz)
	d, err := time.ParseInLocation("20060102T150405", v, loc)
	if err != nil {
		return t, false, "", bad()
	}
	return d, false, tz, nil
}

// defaultZone is the zone for UTC and floating times: the calendar's own
// when it names one, else the person's.
func (p *parser) defaultZone() string {
	if p.calZone != "" {
		return p.calZone
	}
	return zone.Local()
}

// zone resolves a TZID once per file, noting a guess or a fallback.
func (p *parser) zone(line int, tzid, value string) string {
	if name, ok := p.resolved[tzid]; ok {
		return name
	}
	year, _ := strconv.Atoi(value[:min(4, len(value))])
	name, guessed := resolveTZID(tzid, p.zones[tzid], year)
	switch {
	case name == "":
		name = p.defaultZone()
		shown := name
		if shown == "" {
			shown = "this computer's"
		}
		p.note(line, "the time zone “%s” isn't known; its times were read in %s time", tzid, shown)
	case guessed:
		p.note(line, "the time zone “%s” was taken to be %s, which has the same clock changes", tzid, name)
	}
	p.resolved[tzid] = name
	return name
}

// parseDuration reads an RFC 5545 duration: P1D, PT1H30M, P1W, -PT15M.
func parseDuration(v string) (time.Duration, error) {
	v = strings.ToUpper(strings.TrimSpace(v))
	sign := time.Duration(1)
	if strings.HasPrefix(v, "-") {
		sign, v = -1, v[1:]
	}
	v = strings.TrimPrefix(v, "+")
	if !strings.HasPrefix(v, "P") || len(v) < 3 {
		return 0, fmt.Errorf("bad duration")
	}
	var d time.Duration
	num := ""
	inTime := false
	for _, r := range v[1:] {
		switch {
		case r >= '0' && r <= '9':
			num += string(r)
			continue
		case r == 'T':
			inTime = true
			continue
		}
		n, err := strconv.Atoi(num)
		if err != nil {
			return 0, fmt.Errorf("bad duration")
		}
		num = ""
		switch {
		case r == 'W' && !inTime:
			d += time.Duration(n) * 7 * 24 * time.Hour
		case r == 'D' && !inTime:
			d += time.Duration(n) * 24 * time.Hour
		case r == 'H' && inTime:
			d += time.Duration(n) * time.Hour
		case r == 'M' && inTime:
			d += time.Duration(n) * time.Minute
		case r == 'S' && inTime:
			d += time.Duration(n) * time.Second
		default:
			return 0, fmt.Errorf("bad duration")
		}
	}
	if num != "" {
		return 0, fmt.Errorf("bad duration")
	}
	return sign * d, nil
}
