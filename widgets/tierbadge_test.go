package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// TestTierBadgeRendersEachTier keeps a master of the three badges: each
// has its numeral, its word and its own shape, so the tier reads without
// telling colours apart.
func TestTierBadgeRendersEachTier(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewWindow(container.NewVBox(NewTierBadge(1), NewTierBadge(2), NewTierBadge(3)))
	defer w.Close()
	w.Resize(fyne.NewSize(220, 120))
	test.AssertRendersToMarkup(t, "tierbadge/tiers.xml", w.Canvas())
}

// TestTierBadgeContrast draws the badges in Fyne's own light and dark
// colours and checks what is drawn: each numeral stands out from its shape
// and each word from the window's background (WCAG: 3:1 for the bold
// numeral, 4.5:1 for text).
func TestTierBadgeContrast(t *testing.T) {
	//lint:ignore SA1019 the fixed-variant themes are what this test needs
	variants := map[string]fyne.Theme{"light": theme.LightTheme(), "dark": theme.DarkTheme()}
	for name, th := range variants {
		a := test.NewTempApp(t)
		a.Settings().SetTheme(th)
		bg := th.Color(theme.ColorNameBackground, theme.VariantLight)
		for tier := 1; tier <= 3; tier++ {
			b := NewTierBadge(tier)
			w := test.NewWindow(b)
			r := test.WidgetRenderer(b).(*tierBadgeRenderer)
			fill := r.circle.FillColor
			if tier == 1 {
				fill = r.square.FillColor
			}
			if tier == 3 {
				fill = bg
			}
			if c := contrast(r.number.Color, fill); c < 3 {
				t.Errorf("%s: the %d has contrast %.2f on its shape, want 3 or more", name, tier, c)
			}
			if c := contrast(r.word.Color, bg); c < 4.5 {
				t.Errorf("%s: %q has contrast %.2f, want 4.5 or more", name, r.word.Text, c)
			}
			w.Close()
		}
	}
}

func TestTierBadgeWordsAndChanges(t *testing.T) {
	test.NewTempApp(t)
	b := NewTierBadge(1)
	w := test.NewWindow(b)
	defer w.Close()
	for tier, want := range map[int]string{1: "Non-negotiable", 2: "High priority", 3: "Flexible", 0: "", 7: ""} {
		b.SetTier(tier)
		if b.Word() != want || b.Tier() != tier {
			t.Errorf("tier %d: word %q", tier, b.Word())
		}
	}
	b.SetTier(2)
	r := test.WidgetRenderer(b).(*tierBadgeRenderer)
	if r.square.Visible() || !r.circle.Visible() || r.number.Text != "2" || r.word.Text != "High priority" {
		t.Errorf("tier 2 draws square=%v circle=%v %q %q", r.square.Visible(), r.circle.Visible(), r.number.Text, r.word.Text)
	}
	b.SetTier(1)
	if !r.square.Visible() || r.circle.Visible() || !r.word.TextStyle.Bold {
		t.Error("tier 1 should be a solid square with a bold word")
	}
	if min := b.MinSize(); min.Width < 60 || min.Height <= 0 {
		t.Errorf("min size %v", min)
	}
}
