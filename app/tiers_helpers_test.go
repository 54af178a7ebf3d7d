package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/widgets"
)

// openTiers builds the window on a fresh journal and shows the Tiers tab.
func openTiers(t *testing.T) (*UI, *data.Store, *tiersScreen) {
	t.Helper()
	u, s := newTestUI(t)
	for i, sc := range u.screens {
		if ts, ok := sc.(*tiersScreen); ok {
			u.tabs.SelectIndex(i)
			return u, s, ts
		}
	}
	t.Fatal("no Tiers tab")
	return nil, nil, nil
}

// setText replaces an entry's text as typing would.
func setText(e interface {
	fyne.Focusable
	SetText(string)
}, text string,
) {
	e.SetText("")
	test.Type(e, text)
}

// weekdayAfter is the first Monday to Friday day after today, so tests
// that need working hours don't depend on the day they run.
func weekdayAfter(days int) time.Time {
	d := time.Now().AddDate(0, 0, days)
	for d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
		d = d.AddDate(0, 0, 1)
	}
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.Local)
}

func menuItem(t *testing.T, m *fyne.Menu, label string) *fyne.MenuItem {
	t.Helper()
	for _, it := range m.Items {
		if it.Label == label {
			return it
		}
	}
	t.Fatalf("no menu item %q", label)
	return nil
}

// badgeWords lists the words of the visible tier badges under root.
func badgeWords(root fyne.CanvasObject) string {
	var words []string
	walk(root, func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widgets.TierBadge); ok && b.Visible() {
			words = append(words, b.Word())
		}
		return o.Visible()
	})
	return strings.Join(words, "\n")
}

func countButtons(root fyne.CanvasObject, label string) int {
	n := 0
	walk(root, func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widgets.Button); ok && b.Visible() && b.Text == label {
			n++
		}
		return o.Visible()
	})
	return n
}
