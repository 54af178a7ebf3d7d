package look

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// contrast is the WCAG 2.1 contrast ratio of two opaque colours.
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

func TestContrastOfKnownColours(t *testing.T) {
	black, white := color.Black, color.White
	if c := contrast(black, white); math.Abs(c-21) > 0.01 {
		t.Errorf("black on white = %.2f, want 21", c)
	}
	// Fyne's own success green on white, as the issue measured it.
	if c := contrast(rgb(0x43f436), white); c > 1.6 || c < 1.4 {
		t.Errorf("Fyne's green on white = %.2f, want about 1.5", c)
	}
}

// TestEveryColourPairMeetsWCAG measures each pair the theme draws (text
// 4.5:1, controls and chart series 3:1 against what they sit on) in both
// variants, colours with opacity first laid over their surface.
func TestEveryColourPairMeetsWCAG(t *testing.T) {
	th := New().Theme()
	checked := 0
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		for _, p := range contrastPairs() {
			for _, s := range p.surfaces {
				bg := s.color(th, v)
				for _, name := range p.colours {
					fg := over(th.Color(name, v), bg)
					if c := contrast(fg, bg); c < p.min {
						t.Errorf("%s: %s (%s) on %s (#%06x) is %.2f:1, below %.1f:1 (variant %d)",
							p.what, name, hexOf(fg), s.name, toHex(bg), c, p.min, v)
					}
					checked++
				}
			}
		}
	}
	if checked < 150 {
		t.Errorf("only %d pairs measured", checked)
	}
}

func hexOf(c color.Color) string {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	const digits = "0123456789abcdef"
	b := []byte{'#'}
	for _, x := range []uint8{n.R, n.G, n.B} {
		b = append(b, digits[x>>4], digits[x&15])
	}
	return string(b)
}

// TestEveryPaletteColourIsMeasured: a colour added to the palettes must be
// in a pair above, or it could fail contrast unseen. (Separators,
// shadows and the like are left to Fyne's defaults.)
func TestEveryPaletteColourIsMeasured(t *testing.T) {
	measured := map[fyne.ThemeColorName]bool{
		// Painted under text that is measured on the tinted surface.
		theme.ColorNameFocus: true, theme.ColorNameSelection: true, theme.ColorNamePressed: true,
	}
	for _, p := range contrastPairs() {
		for _, n := range p.colours {
			measured[n] = true
		}
	}
	for v, pal := range palettes {
		for name := range pal {
			if !measured[name] {
				t.Errorf("%s (variant %d) is in the palette but in no measured pair", name, v)
			}
		}
	}
}

// TestSecondaryTextIsQuieterThanText: the quieter colour of dates and
// counts stays readable yet quieter than the foreground.
func TestSecondaryTextIsQuieterThanText(t *testing.T) {
	th := New().Theme()
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		bg := th.Color(theme.ColorNameBackground, v)
		if c, fg := contrast(th.Color(theme.ColorNameDisabled, v), bg), contrast(th.Color(theme.ColorNameForeground, v), bg); c >= fg {
			t.Errorf("variant %d: quiet text (%.1f:1) is as strong as the foreground (%.1f:1)", v, c, fg)
		}
	}
}

// TestThemeFollowsTheChoice: a chosen variant wins over the one Fyne
// passes; "system" takes the desktop's once known, Fyne's before.
func TestThemeFollowsTheChoice(t *testing.T) {
	look := New()
	th := look.Theme()
	bgLight := th.Color(theme.ColorNameBackground, theme.VariantLight)
	bgDark := th.Color(theme.ColorNameBackground, theme.VariantDark)
	if bgLight == bgDark {
		t.Fatal("the two variants have one background")
	}
	look.mode.Store(Light)
	if th.Color(theme.ColorNameBackground, theme.VariantDark) != bgLight {
		t.Error("light chosen, yet dark drawn")
	}
	look.mode.Store(Dark)
	if th.Color(theme.ColorNameBackground, theme.VariantLight) != bgDark {
		t.Error("dark chosen, yet light drawn")
	}
	look.mode.Store(System)
	if th.Color(theme.ColorNameBackground, theme.VariantDark) != bgDark {
		t.Error("system, not yet known: Fyne's variant should be drawn")
	}
	look.system.Store(int32(theme.VariantLight))
	if th.Color(theme.ColorNameBackground, theme.VariantDark) != bgLight {
		t.Error("the desktop said light, yet dark drawn")
	}
}

// TestTextSizeScalesText: the text size from Preferences scales text and
// inline icons, not the spacing.
func TestTextSizeScalesText(t *testing.T) {
	a := test.NewTempApp(t)
	a.Preferences().SetInt(prefTextSize, 120)
	look := New()
	look.load(a.Preferences())
	th := look.Theme()
	base := theme.DefaultTheme()
	if got, want := th.Size(theme.SizeNameText), base.Size(theme.SizeNameText)*1.2; math.Abs(float64(got-want)) > 0.01 {
		t.Errorf("text size %.2f, want %.2f", got, want)
	}
	if th.Size(theme.SizeNamePadding) != base.Size(theme.SizeNamePadding) {
		t.Error("the padding changed with the text size")
	}
	a.Preferences().SetInt(prefTextSize, 400)
	look.load(a.Preferences())
	if th.Size(theme.SizeNameText) != base.Size(theme.SizeNameText) {
		t.Error("a size out of range should read as 100%")
	}
}
