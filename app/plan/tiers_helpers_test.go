package plan

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/bothand/bothand/app/ui/uitest"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/widgets"
)

// openTiers builds the window on a fresh journal and shows the Tiers tab.
func openTiers(t *testing.T) (*testWindow, *data.Store, *tiersScreen) {
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

// badgeWords lists the words of the visible tier badges under root.
func badgeWords(root fyne.CanvasObject) string {
	var words []string
	uitest.Walk(root, func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widgets.TierBadge); ok && b.Visible() {
			words = append(words, b.Word())
		}
		return o.Visible()
	})
	return strings.Join(words, "\n")
}

func countButtons(root fyne.CanvasObject, label string) int {
	n := 0
	uitest.Walk(root, func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widgets.Button); ok && b.Visible() && b.Text == label {
			n++
		}
		return o.Visible()
	})
	return n
}
