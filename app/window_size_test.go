package app

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/demo"
)

// The window's content must fit the smallest window the app allows: 800×600
// at 100% text, and 1366×720 at 125% (1092×576 before scaling), which the
// menu bar shares. This budget leaves the menu bar's height and a margin;
// app/e2e measures the real window itself.
var contentBudget = fyne.NewSize(780, 500)

// TestEveryScreenFitsTheSmallestWindow opens each tab and each state of it
// that adds content (the editor with each answer of the check, an entry,
// the trash, a protocol, a break) on a demo journal, with the slip strip
// open and folded, and checks the window's content asks for no more than
// the budget: a wider or taller minimum makes the window grow by itself.
func TestEveryScreenFitsTheSmallestWindow(t *testing.T) {
	u, s := newTestUI(t)
	if err := demo.Fill(s, demo.Options{Entries: 300, Seed: 7, Now: time.Now()}); err != nil {
		t.Fatal(err)
	}
	u.attach(s)
	check := func(state string) {
		t.Helper()
		for _, folded := range []bool{false, true} {
			u.strip.SetRecord("Read on 3 of the last 7 mornings", folded)
			if m := u.Win.Content().MinSize(); m.Width > contentBudget.Width || m.Height > contentBudget.Height {
				t.Errorf("%s (strip folded %v): the window's content needs %.0f×%.0f, more than %.0f×%.0f",
					state, folded, m.Width, m.Height, contentBudget.Width, contentBudget.Height)
			}
		}
	}
	// A notice of background work that failed is there too.
	u.backgroundFailed(noticeNotifications, errors.New("no notification service answered"))
	for _, sc := range u.screens {
		u.ShowScreen(sc)
		check(sc.Title())
	}

	j := u.journal()
	u.ShowScreen(j)
	rows, err := s.EntryPage(data.EntryFilter{Kind: data.KindGuilt}, nil, 5)
	if err != nil || len(rows.Rows) == 0 {
		t.Fatal(err)
	}
	j.showEntry(rows.Rows[0].ID)
	check("Journal, a guilt entry")
	rows, _ = s.EntryPage(data.EntryFilter{Kind: data.KindShame}, nil, 5)
	j.showEntry(rows.Rows[0].ID)
	check("Journal, a shame entry")
	j.showTrash()
	check("Journal, the trash")
	j.newEntry()
	check("Journal, a new entry")
	for _, k := range []data.Kind{data.KindGuilt, data.KindShame, data.KindUnsure} {
		j.editor.check.choose(k)
		check(fmt.Sprintf("Journal, a new entry of %s", k))
	}

	list, err := s.Protocols()
	if err != nil || len(list) == 0 {
		t.Fatal(err)
	}
	u.plan.RevealProtocol(list[0].ID)
	check("Protocols, a protocol open")

	c := u.compassion()
	u.ShowScreen(c)
	c.startBreak(nil, "")
	check("Compassion, a break")
}
