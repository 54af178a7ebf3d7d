package plan

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/app/ui/uitest"
	"github.com/bothand/bothand/data"
)

func TestImportAFileThenSeeItsEvents(t *testing.T) {
	u, s, ts := openTiers(t)
	f, err := os.Open(filepath.Join("..", "..", "data", "ical", "testdata", "ics", "google.ics"))
	if err != nil {
		t.Fatal(err)
	}
	ts.importFrom(f, "google.ics", data.TierNonNegotiable)
	uitest.MustContain(t, uitest.OverlayText(u.Host), "Calendar imported", "4 new")
	list, _ := s.Commitments()
	if len(list) != 4 || list[0].Tier != data.TierNonNegotiable {
		t.Fatalf("imported %+v", list)
	}

	// A repeating event still to come shows in the side list.
	future := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:club@school\r\nSUMMARY:Chess club\r\n" +
		"DTSTART;TZID=Europe/London:" + uitest.WeekdayAfter(3).Format("20060102") + "T153000\r\n" +
		"DTEND;TZID=Europe/London:" + uitest.WeekdayAfter(3).Format("20060102") + "T163000\r\n" +
		"RRULE:FREQ=WEEKLY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	ts.importFrom(io.NopCloser(strings.NewReader(future)), "club.ics", data.TierFlexible)
	// Said on this computer's clock: 15:30 in London is a Friday in New Zealand.
	day := uitest.WeekdayAfter(3)
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	local := time.Date(day.Year(), day.Month(), day.Day(), 15, 30, 0, 0, london).Local()
	uitest.MustContain(t, uitest.VisibleText(ts.list), "Chess club", "Every "+local.Weekday().String())
	uitest.MustContain(t, badgeWords(ts.list), "Flexible")
}

func TestABrokenFileImportsNothingAndSaysWhere(t *testing.T) {
	u, s, ts := openTiers(t)
	broken := "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a\nSUMMARY:Concert\nDTSTART:tomorrow\nEND:VEVENT\nEND:VCALENDAR\n"
	ts.importFrom(io.NopCloser(strings.NewReader(broken)), "broken.ics", data.TierNonNegotiable)
	uitest.MustContain(t, uitest.OverlayText(u.Host), "Nothing was imported", "line 6", "DTSTART", "as they were")
	if list, _ := s.Commitments(); len(list) != 0 {
		t.Errorf("imported %+v", list)
	}
}

func TestExportWritesBusyTimes(t *testing.T) {
	u, s, ts := openTiers(t)
	day := uitest.WeekdayAfter(1)
	for _, c := range []data.Commitment{
		{Title: "Sports day", Tier: 1, StartsAt: ui.At(day, 13, 0), EndsAt: ui.At(day, 15, 0)},
		{Title: "Dinner", Tier: 2, StartsAt: ui.At(day, 18, 0), EndsAt: ui.At(day, 19, 0), RRule: "FREQ=DAILY"},
	} {
		if _, err := s.SaveCommitment(c); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "busy.ics")
	ts.exportToFile(path, []data.Tier{data.TierNonNegotiable})
	out, err := os.ReadFile(path)
	if err != nil || strings.Count(string(out), "BEGIN:VEVENT") != 1 || strings.Contains(string(out), "Sports") {
		t.Errorf("export: %v\n%s", err, out)
	}
	uitest.MustContain(t, uitest.OverlayText(u.Host), "1 busy event written", "busy.ics")
}

// The calendar's file pickers open (Fyne's file dialog, resized before it
// was shown, dereferenced nil and took the whole window down) and Esc
// closes them.
func TestCalendarFileDialogsOpen(t *testing.T) {
	u, _, ts := openTiers(t)
	ts.importCalendar()
	uitest.FindButton(t, uitest.TopDialog(t, u.Host), "Open")
	uitest.PressKey(u.Host, fyne.KeyEscape)
	ts.exportCalendar()
	uitest.TapInDialog(t, u.Host, "Choose a file…")
	uitest.FindButton(t, uitest.TopDialog(t, u.Host), "Save")
}
