package ical

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/zone"
)

func importFixture(t *testing.T, s *data.Store, name string, tier data.Tier) Result {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "ics", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := Import(s, f, name, tier)
	if err != nil {
		t.Fatalf("import %s: %v", name, err)
	}
	return res
}

func byTitle(t *testing.T, s *data.Store) map[string]data.Commitment {
	t.Helper()
	list, err := s.Commitments()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]data.Commitment{}
	for _, c := range list {
		out[c.Title] = c
	}
	return out
}

// occurrenceLines lists occurrences as "2006-01-02 15:04 Title" in zone.
func occurrenceLines(t *testing.T, s *data.Store, from, to time.Time, loc *time.Location) []string {
	t.Helper()
	occ, err := s.Occurrences(from, to)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, o := range occ {
		when := o.Start.In(loc).Format("2006-01-02 15:04")
		if o.AllDay() {
			when = o.OccursAt.Format("2006-01-02") + " all-day"
		}
		out = append(out, when+" "+o.Commitment.Title)
	}
	return out
}

func TestImportGoogleCalendarExport(t *testing.T) {
	t.Parallel()
	s, _ := openTiers(t, time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC))
	res := importFixture(t, s, "google.ics", data.TierNonNegotiable)
	if res.Added != 4 || res.Updated != 0 || len(res.Notes) != 0 {
		t.Errorf("result %+v", res)
	}
	cs := byTitle(t, s)
	sports := cs["Sports day"]
	if !sports.StartsAt.Equal(time.Date(2026, 6, 5, 12, 0, 0, 0, time.UTC)) || sports.EndsAt.Sub(sports.StartsAt) != 150*time.Minute {
		t.Errorf("sports day %v – %v", sports.StartsAt, sports.EndsAt)
	}
	if sports.Location != "Oakfield Primary, playing field" ||
		sports.Notes != "Parents welcome from 1pm. Bring a water bottle, a sun hat and plenty of cheering.\nPicnic on the field afterwards." {
		t.Errorf("escapes or folding: %q / %q", sports.Location, sports.Notes)
	}
	if sports.Tier != data.TierNonNegotiable || sports.Source != "ics:google.ics" || *sports.ICalUID != "1ej0v9c4h2bq5kd0c3s7m6p2tq@google.com" {
		t.Errorf("tier, source, uid: %+v", sports)
	}
	inset := cs["INSET day"]
	if !inset.AllDay || !inset.StartsAt.Equal(date(2026, 4, 13)) || !inset.EndsAt.Equal(date(2026, 4, 14)) {
		t.Errorf("INSET day %+v", inset)
	}
	london := mustZone(t, "Europe/London")
	got := occurrenceLines(t, s, time.Date(2026, 3, 30, 0, 0, 0, 0, london), time.Date(2026, 5, 19, 0, 0, 0, 0, london), london)
	want := []string{
		"2026-03-30 18:00 Swimming club", // the first after the clocks changed: still 18:00
		// 6 April skipped (EXDATE)
		"2026-04-13 all-day INSET day",
		"2026-04-13 18:00 Swimming club",
		"2026-04-20 18:00 Swimming club",
		"2026-04-27 18:00 Swimming club",
		"2026-05-04 18:00 Swimming club",
		"2026-05-11 17:00 Swimming gala", // the overridden occurrence, its 18:00 left out
		"2026-05-18 18:00 Swimming club",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("occurrences:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestImportOutlookExport(t *testing.T) {
	t.Parallel()
	s, _ := openTiers(t, time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC))
	res := importFixture(t, s, "outlook.ics", data.TierHighPriority)
	if res.Added != 4 {
		t.Errorf("result %+v", res)
	}
	cs := byTitle(t, s)
	dentist := cs["Dentist – Maya"]
	if dentist.TimeZone != "Europe/London" || !dentist.StartsAt.Equal(time.Date(2026, 3, 19, 15, 30, 0, 0, time.UTC)) ||
		dentist.Location != "Riverside Surgery, room 4" || dentist.Tier != data.TierHighPriority {
		t.Errorf("dentist %+v", dentist)
	}
	// The display-name TZID is matched to New York by its VTIMEZONE, and said so.
	grandma := cs["Video call with Grandma"]
	if grandma.TimeZone != "America/New_York" || !grandma.StartsAt.Equal(time.Date(2026, 3, 26, 17, 0, 0, 0, time.UTC)) {
		t.Errorf("grandma %+v", grandma)
	}
	if len(res.Notes) != 1 || !strings.Contains(res.Notes[0], "America/New_York") || !strings.HasPrefix(res.Notes[0], "Line ") {
		t.Errorf("notes %q", res.Notes)
	}
	trip := cs["School trip to the science museum"]
	if !trip.AllDay || !trip.StartsAt.Equal(date(2026, 5, 22)) {
		t.Errorf("trip %+v", trip)
	}
	london := mustZone(t, "Europe/London")
	occ, err := s.Occurrences(time.Date(2026, 3, 1, 0, 0, 0, 0, london), time.Date(2026, 7, 1, 0, 0, 0, 0, london), data.TierHighPriority)
	if err != nil {
		t.Fatal(err)
	}
	ballet := 0
	for _, o := range occ {
		if o.Commitment.Title == "Ballet" {
			ballet++
			if l := o.Start.In(london); l.Hour() != 16 || l.Minute() != 30 || l.Weekday() != time.Thursday {
				t.Errorf("ballet at %v", l)
			}
		}
	}
	if ballet != 9 { // COUNT=10 with one EXDATE
		t.Errorf("%d ballet classes, want 9", ballet)
	}
}

func TestImportThunderbirdExport(t *testing.T) {
	t.Parallel()
	s, _ := openTiers(t, time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC))
	res := importFixture(t, s, "thunderbird.ics", data.TierFlexible)
	if res.Added != 4 || res.Cancelled != 1 {
		t.Errorf("result %+v", res)
	}
	cs := byTitle(t, s)
	if _, ok := cs["Bake sale"]; ok {
		t.Error("a cancelled event was imported")
	}
	concert := cs["School concert"]
	if concert.EndsAt.Sub(concert.StartsAt) != 90*time.Minute || concert.TimeZone != "America/New_York" {
		t.Errorf("concert (DURATION) %+v", concert)
	}
	library := cs["Library morning"] // floating: the person's own zone
	want := time.Date(2026, 3, 14, 10, 0, 0, 0, time.Local)
	if !library.StartsAt.Equal(want) || library.TimeZone != zone.Local() {
		t.Errorf("floating time %v in %q, want %v", library.StartsAt, library.TimeZone, want)
	}
	brk := cs["Spring break"]
	if !brk.AllDay || brk.EndsAt.Sub(brk.StartsAt) != 5*24*time.Hour {
		t.Errorf("spring break %+v", brk)
	}
	ny := mustZone(t, "America/New_York")
	got := occurrenceLines(t, s, time.Date(2026, 3, 5, 0, 0, 0, 0, ny), time.Date(2026, 3, 13, 0, 0, 0, 0, ny), ny)
	// New York changes its clocks on 8 March: practice stays at 17:30.
	if strings.Join(got, "|") != "2026-03-05 17:30 Soccer practice|2026-03-10 17:30 Soccer practice|2026-03-12 17:30 Soccer practice" {
		t.Errorf("soccer: %v", got)
	}
}

func TestReimportUpdatesByUID(t *testing.T) {
	t.Parallel()
	s, _ := openTiers(t, time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC))
	first := importFixture(t, s, "google.ics", data.TierNonNegotiable)
	before, _ := s.Commitments()
	again := importFixture(t, s, "google.ics", data.TierNonNegotiable)
	after, _ := s.Commitments()
	if again.Added != 0 || again.Updated != 0 || again.Unchanged != first.Added || len(after) != len(before) {
		t.Errorf("second import %+v, %d commitments then %d", again, len(before), len(after))
	}
	for i := range before {
		if !before[i].UpdatedAt.Equal(after[i].UpdatedAt) {
			t.Errorf("%q was rewritten by an identical import", before[i].Title)
		}
	}

	// The school renames an event and moves sports day: updated in place.
	b, _ := os.ReadFile(filepath.Join("testdata", "ics", "google.ics"))
	changed := strings.ReplaceAll(string(b), "SUMMARY:Sports day", "SUMMARY:Sports day (KS2)")
	changed = strings.ReplaceAll(changed, "DTSTART:20260605T120000Z", "DTSTART:20260605T113000Z")
	res, err := Import(s, strings.NewReader(changed), "google.ics", data.TierNonNegotiable)
	if err != nil || res.Updated != 1 || res.Added != 0 {
		t.Fatalf("changed import %+v %v", res, err)
	}
	cs := byTitle(t, s)
	if c, ok := cs["Sports day (KS2)"]; !ok || c.StartsAt.Hour() != 11 || c.ID != byTitleIn(before, "Sports day").ID {
		t.Errorf("sports day after the update: %+v", c)
	}

	// An event deleted here stays deleted on the next import.
	if err := s.DeleteCommitment(cs["INSET day"].ID); err != nil {
		t.Fatal(err)
	}
	res = importFixture(t, s, "google.ics", data.TierNonNegotiable)
	if res.Kept != 1 {
		t.Errorf("import after a delete %+v", res)
	}
	if _, ok := byTitle(t, s)["INSET day"]; ok {
		t.Error("the deleted event came back")
	}
}

func byTitleIn(list []data.Commitment, title string) data.Commitment {
	for _, c := range list {
		if c.Title == title {
			return c
		}
	}
	return data.Commitment{}
}

func TestMalformedICSIsRefusedWithItsLine(t *testing.T) {
	t.Parallel()
	good, err := os.ReadFile(filepath.Join("testdata", "ics", "thunderbird.ics"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(good), "\n")
	// Breaking the file near its end proves that the good events before
	// the problem aren't imported either.
	replace := func(old, new string) string { return strings.Replace(string(good), old, new, 1) }
	lineOf := func(text, needle string) int {
		for i, l := range strings.Split(text, "\n") {
			if strings.Contains(l, needle) {
				return i + 1
			}
		}
		return -1
	}
	// eventStart is the BEGIN:VEVENT line of the event holding needle.
	eventStart := func(text, needle string) int {
		begin := -1
		for i, l := range strings.Split(text, "\n") {
			if strings.HasPrefix(l, "BEGIN:VEVENT") {
				begin = i + 1
			}
			if strings.Contains(l, needle) {
				return begin
			}
		}
		return -1
	}
	noStart := replace("DTSTART:20260314T100000\n", "")
	cut := strings.Join(lines[:len(lines)-8], "\n")
	cases := []struct {
		name string
		file string
		line int
		says string
	}{
		{"cut short", cut, strings.Count(cut, "\n") + 1, "cut short"},
		{"bad date", replace("DTSTART:20260314T100000", "DTSTART:2026-03-14 10:00"), lineOf(replace("DTSTART:20260314T100000", "DTSTART:2026-03-14 10:00"), "DTSTART:2026-03-14"), "isn't a date"},
		{"no colon", replace("SUMMARY:Library morning", "SUMMARY Library morning"), lineOf(string(good), "SUMMARY:Library morning"), "isn't a calendar line"},
		{"mismatched END", replace("END:VEVENT\nBEGIN:VEVENT\nCREATED:20260106T093000Z", "END:VTODO\nBEGIN:VEVENT\nCREATED:20260106T093000Z"), eventStart(string(good), "UID:8b0d2f4a") - 1, "END:VTODO here"},
		{"unreadable rule", replace("RRULE:FREQ=WEEKLY;UNTIL", "RRULE:FREQ=WEEKLY;BYDAY=XX;UNTIL"), lineOf(string(good), "RRULE:FREQ=WEEKLY;UNTIL"), "repeat rule"},
		{"ends before it starts", replace("DTEND:20260314T113000", "DTEND:20260314T090000"), lineOf(string(good), "DTEND:20260314T113000"), "ends before it starts"},
		{"no DTSTART", noStart, eventStart(noStart, "UID:7a9c1e3f"), "no DTSTART"},
		{"not a calendar", "Dear parents,\nSports day is on Friday.\n", 1, "isn't a calendar line"},
		{"stray continuation", " BEGIN:VCALENDAR\n", 1, "continuation"},
		{"empty", "", 0, "empty"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := openTiers(t, time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC))
			_, err := Import(s, strings.NewReader(tc.file), "broken.ics", data.TierNonNegotiable)
			var ie *Error
			if !errors.As(err, &ie) {
				t.Fatalf("got %v, want an ICSError", err)
			}
			if ie.Line != tc.line {
				t.Errorf("line %d, want %d (%s)", ie.Line, tc.line, ie.Problem)
			}
			if !strings.Contains(err.Error(), tc.says) || (ie.Line > 0 && !strings.Contains(err.Error(), fmt.Sprintf("line %d", ie.Line))) {
				t.Errorf("message %q lacks %q or its line", err, tc.says)
			}
			if list, _ := s.Commitments(); len(list) != 0 {
				t.Errorf("%d commitments imported from a refused file", len(list))
			}
		})
	}
}

func TestExportIsBusyTimeThatParsesBack(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	s, _ := openTiers(t, now)
	london := mustZone(t, "Europe/London")
	at := func(m time.Month, d, h int) time.Time { return time.Date(2026, m, d, h, 0, 0, 0, london) }
	swim := commit(t, s, "Swimming with Maya", 1, at(3, 2, 18), time.Hour, "FREQ=WEEKLY;BYDAY=MO;UNTIL=20260713")
	if err := s.SkipOccurrence(swim.ID, at(4, 6, 18)); err != nil {
		t.Fatal(err)
	}
	c, _ := s.Commitment(swim.ID)
	c.Location, c.Notes = "Leisure centre", "Maya's private notes"
	if _, err := s.SaveCommitment(c); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveCommitment(data.Commitment{Title: "Sports day", Tier: 1, AllDay: true, StartsAt: date(2026, 6, 5)}); err != nil {
		t.Fatal(err)
	}
	commit(t, s, "Family dinner", 2, at(3, 1, 18), time.Hour, "FREQ=DAILY")
	commit(t, s, "Play time", 3, at(3, 1, 16), time.Hour, "FREQ=DAILY")
	commit(t, s, "Last year's play", 1, time.Date(2025, 12, 1, 18, 0, 0, 0, london), time.Hour, "")

	var buf bytes.Buffer
	n, err := Export(s, &buf)
	if err != nil || n != 2 {
		t.Fatalf("exported %d: %v", n, err)
	}
	out := buf.String()
	for _, private := range []string{"Swimming", "Maya", "Leisure", "Sports", "dinner"} {
		if strings.Contains(out, private) {
			t.Errorf("the export carries %q:\n%s", private, out)
		}
	}
	cal, err := ics.ParseCalendar(strings.NewReader(out))
	if err != nil {
		t.Fatalf("the export doesn't parse: %v\n%s", err, out)
	}
	events := cal.Events()
	if len(events) != 2 || len(cal.Timezones()) != 1 {
		t.Fatalf("%d events, %d zones", len(events), len(cal.Timezones()))
	}
	for _, ev := range events {
		if ev.GetProperty(ics.ComponentPropertySummary).Value != BusySummary ||
			ev.GetProperty(ics.ComponentPropertyTransp).Value != "OPAQUE" {
			t.Errorf("event %s", ev.Serialize(nil))
		}
	}
	if !strings.Contains(out, "DTSTART;TZID=Europe/London:20260302T180000\r\n") ||
		!strings.Contains(out, "EXDATE;TZID=Europe/London:20260406T180000\r\n") ||
		!strings.Contains(out, "RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20260713T225959Z\r\n") ||
		!strings.Contains(out, "DTSTART;VALUE=DATE:20260605\r\n") {
		t.Errorf("times or rule not as expected:\n%s", out)
	}

	// Imported into another journal, the busy times are the same times.
	other, _ := openTiers(t, now)
	if _, err := Import(other, strings.NewReader(out), "busy.ics", data.TierNonNegotiable); err != nil {
		t.Fatal(err)
	}
	from, to := at(3, 1, 0), at(12, 31, 0)
	mine, _ := s.Occurrences(from, to, data.TierNonNegotiable)
	theirs, _ := other.Occurrences(from, to)
	if len(mine) != len(theirs) || len(mine) < 10 {
		t.Fatalf("%d occurrences here, %d after the round trip", len(mine), len(theirs))
	}
	for i := range mine {
		if !mine[i].Start.Equal(theirs[i].Start) || !mine[i].End.Equal(theirs[i].End) {
			t.Errorf("occurrence %d: %v–%v here, %v–%v after", i, mine[i].Start, mine[i].End, theirs[i].Start, theirs[i].End)
		}
	}

	buf.Reset()
	if n, err := Export(s, &buf, data.TierNonNegotiable, data.TierHighPriority); err != nil || n != 3 {
		t.Errorf("tiers 1 and 2: %d %v", n, err)
	}
}

func TestResolveTZID(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"Europe/London":                            "Europe/London",
		"GMT Standard Time":                        "Europe/London",
		"W. Europe Standard Time":                  "Europe/Berlin",
		"AUS Eastern Standard Time":                "Australia/Sydney",
		"/mozilla.org/20050126_1/America/New_York": "America/New_York",
		"Nowhere Standard Time":                    "",
	}
	for tzid, want := range cases {
		if got, _ := resolveTZID(tzid, nil, 2026); got != want {
			t.Errorf("%q: %q, want %q", tzid, got, want)
		}
	}
	for _, wz := range windowsZones {
		if !zone.Valid(wz[1]) {
			t.Errorf("Windows zone %q maps to unknown %q", wz[0], wz[1])
		}
	}
}

func TestParseICSDuration(t *testing.T) {
	t.Parallel()
	for v, want := range map[string]time.Duration{
		"PT1H30M": 90 * time.Minute, "P1D": 24 * time.Hour, "P1W": 7 * 24 * time.Hour,
		"-PT15M": -15 * time.Minute, "P1DT2H": 26 * time.Hour, "PT45S": 45 * time.Second,
	} {
		if got, err := parseDuration(v); err != nil || got != want {
			t.Errorf("%s: %v %v", v, got, err)
		}
	}
	for _, bad := range []string{"", "P", "1H", "PT1X", "PT1H30", "P1H"} {
		if _, err := parseDuration(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// A commitment made on a computer with a newer time-zone database can carry
// a zone this one can't load: the export still writes it, in UTC.
func TestExportWritesAnUnknownZoneInUTC(t *testing.T) {
	t.Parallel()
	s, _ := openTiers(t, time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC))
	start := time.Date(2026, 3, 2, 18, 0, 0, 0, time.UTC)
	c := commit(t, s, "School concert", 1, start, time.Hour, "")
	if err := s.WriteSQL(context.Background(), func(tx *sql.Tx) error {
		_, err := tx.Exec("UPDATE commitments SET time_zone = 'Mars/Olympus_Mons' WHERE id = ?", c.ID)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if n, err := Export(s, &buf); err != nil || n != 1 {
		t.Fatalf("exported %d: %v", n, err)
	}
	if out := buf.String(); !strings.Contains(out, "DTSTART:20260302T180000Z\r\n") || strings.Contains(out, "Mars") {
		t.Errorf("the start isn't written in UTC:\n%s", out)
	}
}
