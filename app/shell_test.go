package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/bothand/bothand/app/insights"
	"github.com/bothand/bothand/app/ui/uitest"
	"github.com/bothand/bothand/data"
)

// TestTheWindowSizeIsOneValue: the size is stored as one preference, so
// it can't reach the file half; sizes stored apart by earlier versions
// are still read.
func TestTheWindowSizeIsOneValue(t *testing.T) {
	prefs := test.NewTempApp(t).Preferences()
	if got := savedSize(prefs); got != fyne.NewSize(980, 720) {
		t.Errorf("nothing stored: %v", got)
	}
	prefs.SetFloat(prefWidth, 1000)
	prefs.SetFloat(prefHeight, 700)
	if got := savedSize(prefs); got != fyne.NewSize(1000, 700) {
		t.Errorf("stored apart: %v", got)
	}
	prefs.SetString(prefSize, "1100x780")
	if got := savedSize(prefs); got != fyne.NewSize(1100, 780) {
		t.Errorf("stored as one: %v", got)
	}
}

// The Insights tab draws nothing behind the window at start: its charts
// are computed when the tab is first brought forward.
func TestInsightsWaitUntilTheTabIsShown(t *testing.T) {
	u, s := newTestUI(t)
	if _, err := s.SaveEntry(data.Entry{Trigger: "Worked through dinner", Intensity: 7, Kind: data.KindGuilt}, 0); err != nil {
		t.Fatal(err)
	}
	u.attach(s) // as at start, on the Journal tab
	ins := tab[*insights.Screen](u)
	// What the tab holds, although its tab hides it: the invitation of an
	// empty journal until its figures are read.
	held := func() string {
		var parts []string
		for _, o := range ins.View().(*fyne.Container).Objects {
			parts = append(parts, uitest.VisibleText(o))
		}
		return strings.Join(parts, "\n")
	}
	if text := held(); !strings.Contains(text, "As you write in the journal") || strings.Contains(text, "7 out of 10") {
		t.Fatalf("the insights were computed before their tab was shown:\n%s", text)
	}
	u.ShowScreen(ins)
	uitest.MustContain(t, held(), "7 out of 10 on average")
}
