package plan

import (
	"io"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/app/ui/uitest"
	"github.com/bothand/bothand/data"
)

func TestOpeningAnotherProtocolKeepsChangedDetails(t *testing.T) {
	u, s, p := openProtocols(t)
	first, _ := s.StartFromTemplate("deadline-buffer", nil)
	second, _ := s.StartFromTemplate("school-events", nil)
	p.Load()
	test.Tap(p.rows[first.ID])

	// A refused change keeps the first open, with what was typed.
	uitest.SetText(p.editor.title, " ")
	test.Tap(p.rows[second.ID])
	if p.openID != first.ID || p.editor.title.Text != " " {
		t.Fatalf("left a protocol with a refused title (open %d)", p.openID)
	}
	uitest.MustContain(t, uitest.VisibleText(u.Win.Content()), "Give the protocol a title")

	uitest.SetText(p.editor.title, "Buffers on every deadline")
	test.Tap(p.rows[second.ID])
	if got, _ := s.Protocol(first.ID); got.Title != "Buffers on every deadline" {
		t.Errorf("title after opening another protocol = %q", got.Title)
	}
	if p.openID != second.ID || p.editor.p.ID != second.ID {
		t.Errorf("open %d, want %d", p.openID, second.ID)
	}
}

func TestQuittingKeepsChangedProtocolDetails(t *testing.T) {
	_, s, p := openProtocols(t)
	pr, _ := s.StartFromTemplate("deadline-buffer", nil)
	p.openProtocol(pr.ID)
	uitest.SetText(p.editor.title, "Buffers on every deadline")
	p.editor.days.SetSelected("7 days before")
	quit := false
	p.KeepUnsaved(func() { quit = true })
	got, _ := s.Protocol(pr.ID)
	if !quit || got.Title != "Buffers on every deadline" || got.RemindDaysBefore != 7 {
		t.Errorf("quit %v, stored %q, %d days", quit, got.Title, got.RemindDaysBefore)
	}

	// What the store refuses can't be kept, and doesn't hold up the quit.
	uitest.SetText(p.editor.title, "")
	quit = false
	p.KeepUnsaved(func() { quit = true })
	if !quit {
		t.Error("a refused title stopped the quit")
	}
}

func TestAddingACommitmentKeepsTheUnsavedTie(t *testing.T) {
	u, s, p := openProtocols(t)
	day := uitest.WeekdayAfter(3)
	play, err := s.SaveCommitment(data.Commitment{
		Title: "School play", Tier: data.TierNonNegotiable,
		StartsAt: ui.At(day, 18, 0), EndsAt: ui.At(day, 19, 30),
	})
	if err != nil {
		t.Fatal(err)
	}
	pr, _ := s.StartFromTemplate("school-events", nil)
	p.openProtocol(pr.ID)
	label := "School play · " + data.TierNonNegotiable.String()
	p.editor.commitment.SetSelected(label)

	// The template's first step adds another commitment meanwhile.
	if _, err := s.SaveCommitment(data.Commitment{
		Title: "Parents' evening", Tier: data.TierNonNegotiable,
		StartsAt: ui.At(day.AddDate(0, 0, 1), 17, 0), EndsAt: ui.At(day.AddDate(0, 0, 1), 18, 0),
	}); err != nil {
		t.Fatal(err)
	}
	p.commitmentsChanged()
	if got := p.editor.commitment.Selected; got != label {
		t.Fatalf("selected after the list was reloaded: %q", got)
	}
	uitest.MustContain(t, uitest.VisibleText(p.editor.root), label)

	test.Tap(uitest.FindButton(t, u.Win.Content(), "All protocols"))
	got, _ := s.Protocol(pr.ID)
	if got.CommitmentID == nil || *got.CommitmentID != play.ID {
		t.Errorf("the tie was not saved on leaving: %v", got.CommitmentID)
	}
}

func TestCommitmentAddedOnTheTiersCanBeChosenOnReturn(t *testing.T) {
	u, s, p := openProtocols(t)
	pr, _ := s.StartFromTemplate("school-events", nil)
	p.openProtocol(pr.ID)

	// Over on the Tiers, the school's sports day goes in.
	u.ShowScreen(u.plan.tiersTab())
	day := uitest.WeekdayAfter(4)
	if _, err := s.SaveCommitment(data.Commitment{
		Title: "Sports day", Tier: data.TierNonNegotiable,
		StartsAt: ui.At(day, 13, 0), EndsAt: ui.At(day, 15, 0),
	}); err != nil {
		t.Fatal(err)
	}
	u.ShowScreen(p)
	label := "Sports day · " + data.TierNonNegotiable.String()
	if !slices.Contains(p.editor.commitment.Options, label) {
		t.Fatalf("choices on return: %q", p.editor.commitment.Options)
	}
}

func TestSchoolCalendarImportedFromAStepCanBeChosen(t *testing.T) {
	u, s, p := openProtocols(t)
	pr, _ := s.StartFromTemplate("school-events", nil)
	p.openProtocol(pr.ID)
	day := uitest.WeekdayAfter(5).Format("20060102")
	ics := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:sports@school\r\nSUMMARY:Sports day\r\n" +
		"DTSTART;VALUE=DATE:" + day + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	u.plan.tiersTab().importFrom(io.NopCloser(strings.NewReader(ics)), "school.ics", data.TierNonNegotiable)
	label := "Sports day · " + data.TierNonNegotiable.String()
	if !slices.Contains(p.editor.commitment.Options, label) {
		t.Fatalf("choices after the import: %q", p.editor.commitment.Options)
	}
}

func TestCommitmentsWithTheSameTitleCanEachBeChosen(t *testing.T) {
	_, s, p := openProtocols(t)
	var evenings []data.Commitment
	for _, d := range []int{3, 10} {
		day := uitest.WeekdayAfter(d)
		c, err := s.SaveCommitment(data.Commitment{
			Title: "Parents' evening", Tier: data.TierNonNegotiable,
			StartsAt: ui.At(day, 17, 0), EndsAt: ui.At(day, 18, 0),
		})
		if err != nil {
			t.Fatal(err)
		}
		evenings = append(evenings, c)
	}
	pr, _ := s.StartFromTemplate("school-events", nil)
	p.openProtocol(pr.ID)
	opts := p.editor.commitment.Options
	if len(opts) != 3 || opts[1] == opts[2] {
		t.Fatalf("choices: %q", opts)
	}
	second := evenings[1]
	for _, o := range opts {
		if strings.Contains(o, second.StartsAt.Local().Format("Mon 2 Jan 2006")) {
			p.editor.commitment.SetSelected(o)
		}
	}
	test.Tap(p.editor.saveBtn)
	got, _ := s.Protocol(pr.ID)
	if got.CommitmentID == nil || *got.CommitmentID != second.ID {
		t.Errorf("tied to %v, want the second evening (%d)", got.CommitmentID, second.ID)
	}
}

func TestOpeningTheSameProtocolAgainKeepsChangedDetails(t *testing.T) {
	u, s, p := openProtocols(t)
	pr, _ := s.StartFromTemplate("deadline-buffer", nil)
	p.openProtocol(pr.ID)
	uitest.SetText(p.editor.title, "Buffers on every deadline")
	// From the agenda's or the journal's "Open protocol".
	u.plan.RevealProtocol(pr.ID)
	if got, _ := s.Protocol(pr.ID); got.Title != "Buffers on every deadline" {
		t.Errorf("stored title %q", got.Title)
	}
	if p.editor.title.Text != "Buffers on every deadline" {
		t.Errorf("the editor shows %q", p.editor.title.Text)
	}
}
