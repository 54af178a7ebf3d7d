package look

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// The choices made apply at once and are what the next start reads.
func TestChoicesAreRememberedForTheNextStart(t *testing.T) {
	a := test.NewTempApp(t)
	ap := Load(a)
	if ap.Mode() != System || ap.TextSize() != 100 {
		t.Fatalf("a fresh start: %v, %d%%", ap.Mode(), ap.TextSize())
	}
	th := ap.Theme()
	ap.SetMode(a.Preferences(), Dark)
	ap.SetTextSize(a.Preferences(), 110)
	if th.Color(theme.ColorNameBackground, theme.VariantLight) != th.Color(theme.ColorNameBackground, theme.VariantDark) {
		t.Error("Dark chosen, yet the light variant is drawn light")
	}
	again := Load(a)
	if again.Mode() != Dark || again.TextSize() != 110 {
		t.Errorf("read back %v, %d%%", again.Mode(), again.TextSize())
	}
	a.Preferences().SetString(prefTheme, "sepia")
	if Load(a).Mode() != System {
		t.Error("an unknown choice should read as the system's")
	}
}

func TestTextSizesAreOffered(t *testing.T) {
	sizes := TextSizes()
	if !slices.Contains(sizes, 100) || !slices.IsSorted(sizes) {
		t.Errorf("offered %v", sizes)
	}
	sizes[0] = 1
	if TextSizes()[0] == 1 {
		t.Error("the offered sizes can be changed from outside")
	}
}

// Fyne reports its variant whenever its settings change: only a change of
// it, to a variant other than the one drawn, is the desktop switching.
func TestFyneReportsTheDesktopSwitching(t *testing.T) {
	ap := New()
	if ap.FyneReports(theme.VariantLight) {
		t.Error("before the desktop was asked, nothing is a switch")
	}
	ap.SetSystem(SystemAnswer{variant: theme.VariantLight, known: true})
	for _, c := range []struct {
		v    fyne.ThemeVariant
		want bool
	}{
		{theme.VariantDark, true},  // the desktop went dark
		{theme.VariantDark, false}, // a theme was set: Fyne's variant as it was
		{theme.VariantLight, true}, // and light again
	} {
		if got := ap.FyneReports(c.v); got != c.want {
			t.Errorf("Fyne reports %v: switched %v, want %v", c.v, got, c.want)
		}
		if got := ap.variant(theme.VariantDark); got != c.v {
			t.Errorf("after Fyne reported %v, %v is drawn", c.v, got)
		}
	}
}

// A theme that is not ours (a test's) still gives the charts our series
// colours.
func TestColorOfFallsBackToOurs(t *testing.T) {
	ours := New().Theme()
	other := test.NewTheme()
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		if ColorOf(other, ChartSecond, v) != ours.Color(ChartSecond, v) {
			t.Errorf("variant %d: the chart colour was not ours", v)
		}
		if ColorOf(other, theme.ColorNameBackground, v) != other.Color(theme.ColorNameBackground, v) {
			t.Errorf("variant %d: the other theme's own colour was not kept", v)
		}
	}
}
