package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/app/ui/uitest"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/transfer"
	"github.com/bothand/bothand/widgets"
)

func TestTechniqueCardRecommendsAndHidesUntilNextWeek(t *testing.T) {
	now := time.Date(2026, 6, 10, 12, 0, 0, 0, time.Local)
	u, s := newTestUIWith(t, data.Options{Now: func() time.Time { return now }}, true)
	j := u.journal()
	j.Load()
	uitest.MustContain(t, uitest.VisibleText(j.advice.box), "This week's technique: the guilt journal", "too few to see a pattern")

	var list []data.Entry
	for i := range 4 {
		list = append(list, data.Entry{HappenedAt: now.AddDate(0, 0, -i), Trigger: "Called a bad parent in my head", Intensity: 6, Kind: data.KindShame})
	}
	if err := transfer.ImportEntries(context.Background(), s, list); err != nil {
		t.Fatal(err)
	}
	j.Load()
	text := uitest.VisibleText(j.advice.box)
	uitest.MustContain(t, text, "shame or guilt, and a self-compassion break", "4 of your 4 entries were about who you are")
	test.Tap(uitest.FindAction(t, u.Host, "Take a self-compassion break"))
	uitest.MustContain(t, uitest.ShownText(u.Host), "step 1 of 3")

	j.advice.hide()
	j.Load()
	if strings.TrimSpace(uitest.VisibleText(j.advice.box)) != "" {
		t.Errorf("hidden card still shows:\n%s", uitest.VisibleText(j.advice.box))
	}
	now = now.AddDate(0, 0, 7)
	j.Load()
	uitest.MustContain(t, uitest.VisibleText(j.advice.box), "This week's technique")
}

// The protocol advice leads straight to a new protocol named after the
// situation that keeps coming back.
func TestTechniqueCardStartsAProtocolForTheRepeatingSituation(t *testing.T) {
	now := time.Date(2026, 6, 10, 12, 0, 0, 0, time.Local)
	u, s := newTestUIWith(t, data.Options{Now: func() time.Time { return now }}, true)
	var list []data.Entry
	for i := range 3 {
		list = append(list, data.Entry{
			HappenedAt: now.AddDate(0, 0, -i), Trigger: "Call ran over", Intensity: 5,
			Kind: data.KindGuilt, Tags: []data.Tag{{Name: "School pickup"}},
		})
	}
	if err := transfer.ImportEntries(context.Background(), s, list); err != nil {
		t.Fatal(err)
	}
	j := u.journal()
	j.Load()
	uitest.MustContain(t, uitest.VisibleText(j.advice.box), "a next-time protocol", "“School pickup” came up in 3 of your 3 entries")
	test.Tap(uitest.FindAction(t, u.Host, "Start a next-time protocol"))
	if d := u.TopDialog(); d == nil || d.Kind != ui.DlgNewProtocol ||
		uitest.FindWidget[*widgets.Entry](t, uitest.TopDialog(t, u.Host)).Text != "Next time: School pickup" {
		t.Fatalf("no new protocol form named after the situation:\n%s", uitest.TopText(u.Host))
	}
}

// The card folds to its title line, and stays folded in the next session
// (a new window on the same preferences) and the next week, until opened.
func TestTechniqueCardFoldsAndStaysFolded(t *testing.T) {
	now := time.Date(2026, 6, 10, 12, 0, 0, 0, time.Local)
	u, s := newTestUIWith(t, data.Options{Now: func() time.Time { return now }}, true)
	j := u.journal()
	j.Load()
	open := j.advice.box.MinSize().Height
	uitest.MustContain(t, uitest.VisibleText(j.advice.box), "too few to see a pattern")
	test.Tap(uitest.FindIconButton(t, j.advice.box, "Fold this week's technique"))
	text := uitest.VisibleText(j.advice.box)
	uitest.MustContain(t, text, "This week's technique: the guilt journal")
	if strings.Contains(text, "too few to see a pattern") {
		t.Errorf("the folded card still shows its reason:\n%s", text)
	}
	if h := j.advice.box.MinSize().Height; h >= open || h > 70 {
		t.Errorf("folded card is %.0f high, open %.0f", h, open)
	}

	// The next start: a new window on the same preferences.
	again := newUI(u.App)
	again.Async = func(f func()) { f() }
	again.attach(s)
	t.Cleanup(func() { stopTimers(again) })
	if strings.Contains(uitest.VisibleText(again.journal().advice.box), "too few to see a pattern") {
		t.Error("the card opened again after a restart")
	}
	now = now.AddDate(0, 0, 7)
	again.journal().Load()
	if strings.Contains(uitest.VisibleText(again.journal().advice.box), "too few to see a pattern") {
		t.Error("the card opened again the next week")
	}
	test.Tap(uitest.FindIconButton(t, again.journal().advice.box, "Show this week's technique"))
	uitest.MustContain(t, uitest.VisibleText(again.journal().advice.box), "too few to see a pattern")
}
