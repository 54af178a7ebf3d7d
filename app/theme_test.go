package app

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// contrast is the WCAG contrast ratio of two colours.
func contrast(a, b color.Color) float64 {
	lum := func(c color.Color) float64 {
		r, g, bl, _ := c.RGBA()
		ch := func(v uint32) float64 {
			x := float64(v) / 0xffff
			if x <= 0.03928 {
				return x / 12.92
			}
			return math.Pow((x+0.055)/1.055, 2.4)
		}
		return 0.2126*ch(r) + 0.7152*ch(g) + 0.0722*ch(bl)
	}
	l1, l2 := lum(a), lum(b)
	return (max(l1, l2) + 0.05) / (min(l1, l2) + 0.05)
}

// TestSecondaryTextIsReadable checks the colours text is drawn in against
// the background they sit on, in both variants: the foreground, the quieter
// colour of dates and counts, and the primary colour of headings.
func TestSecondaryTextIsReadable(t *testing.T) {
	th := newTheme()
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		bg := th.Color(theme.ColorNameBackground, v)
		for _, name := range []fyne.ThemeColorName{theme.ColorNameForeground, theme.ColorNameDisabled, theme.ColorNamePrimary} {
			if c := contrast(th.Color(name, v), bg); c < 4.5 {
				t.Errorf("variant %d: %s on the background is %.1f:1, below 4.5:1", v, name, c)
			}
		}
		if c, fg := contrast(th.Color(theme.ColorNameDisabled, v), bg), contrast(th.Color(theme.ColorNameForeground, v), bg); c >= fg {
			t.Errorf("variant %d: quiet text (%.1f:1) is as strong as the foreground (%.1f:1)", v, c, fg)
		}
	}
}
