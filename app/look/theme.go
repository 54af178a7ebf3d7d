// Package look is how Both/And's window looks: its theme (Fyne's default
// with the icon's teal, colours measured for contrast in light and dark,
// and the charts' series colours) and the person's appearance choices
// from Preferences, light, dark or the system's and a text size, with
// the desktop asked before the first frame whether it is light or dark.
package look

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/bothand/bothand/widgets"
)

// bothTheme is Fyne's default theme with the icon's teal as the accent,
// colours chosen for contrast (WCAG 2.1 AA: text 4.5:1, controls 3:1, in
// both variants; theme_test.go measures every pair in contrastPairs), the
// charts' series colours, and the person's choices from Preferences: light,
// dark or the system's, and a text size.
type bothTheme struct {
	fyne.Theme
	look *Appearance
}

// The charts' colours, by role: every chart draws its series in these, so
// they match the window in both variants.
const (
	ChartFirst  fyne.ThemeColorName = "bothand.chartFirst"  // guilt, kept, built-in, entries
	ChartSecond fyne.ThemeColorName = "bothand.chartSecond" // shame, your own tags, breaks
	ChartThird  fyne.ThemeColorName = "bothand.chartThird"  // the slip read
	ChartAlert  fyne.ThemeColorName = "bothand.chartAlert"  // missed, truly urgent
)

// The palettes: the colours that differ from Fyne's default theme. The
// default's success green (1.5:1 on white), orange (2.2:1), red (3.7:1),
// placeholder grey and the pale borders of fields, check boxes and radio
// buttons (1.2:1) were too faint.
var palettes = map[fyne.ThemeVariant]map[fyne.ThemeColorName]color.NRGBA{
	theme.VariantLight: {
		theme.ColorNamePrimary:             rgb(0x2e6a6e),
		theme.ColorNameHyperlink:           rgb(0x2e6a6e),
		theme.ColorNameFocus:               rgba(0x2e6a6e, 0x33),
		theme.ColorNameSelection:           rgba(0x2e6a6e, 0x30),
		theme.ColorNameForegroundOnPrimary: rgb(0xffffff),
		// Fyne also draws low-importance labels (dates, counts, "draft
		// kept") in the disabled colour: it stays readable here.
		theme.ColorNameDisabled:            rgb(0x626267),
		theme.ColorNamePlaceHolder:         rgb(0x626267),
		theme.ColorNameInputBorder:         rgb(0x7f7f84),
		theme.ColorNameSuccess:             rgb(0x2a7230),
		theme.ColorNameForegroundOnSuccess: rgb(0xffffff),
		theme.ColorNameWarning:             rgb(0x9c4f00),
		theme.ColorNameForegroundOnWarning: rgb(0xffffff),
		theme.ColorNameError:               rgb(0xc62828),
		theme.ColorNameForegroundOnError:   rgb(0xffffff),
		ChartFirst:                         rgb(0x2e6a6e),
		ChartSecond:                        rgb(0xc77a12),
		ChartThird:                         rgb(0x5b6bb3),
		ChartAlert:                         rgb(0xc62828),
	},
	theme.VariantDark: {
		theme.ColorNamePrimary:             rgb(0x7fc4c4),
		theme.ColorNameHyperlink:           rgb(0x7fc4c4),
		theme.ColorNameFocus:               rgba(0x7fc4c4, 0x40),
		theme.ColorNameSelection:           rgba(0x7fc4c4, 0x38),
		theme.ColorNamePressed:             rgba(0xffffff, 0x33),
		theme.ColorNameForegroundOnPrimary: rgb(0x102426),
		theme.ColorNameDisabled:            rgb(0x9a9a9e),
		theme.ColorNamePlaceHolder:         rgb(0xa4a4a8),
		theme.ColorNameInputBorder:         rgb(0x7a7a7e),
		theme.ColorNameSuccess:             rgb(0x7ccf80),
		theme.ColorNameForegroundOnSuccess: rgb(0x10200f),
		theme.ColorNameWarning:             rgb(0xf0a848),
		theme.ColorNameForegroundOnWarning: rgb(0x241600),
		theme.ColorNameError:               rgb(0xff7b72),
		theme.ColorNameForegroundOnError:   rgb(0x2a0a08),
		ChartFirst:                         rgb(0x7fc4c4),
		ChartSecond:                        rgb(0xe0a050),
		ChartThird:                         rgb(0xa3aef0),
		ChartAlert:                         rgb(0xff7b72),
	},
}

// ColorOf is th's colour for name in v or, when th is not Both/And's
// theme and has none for name (a test's theme), Both/And's own.
func ColorOf(th fyne.Theme, name fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if c := th.Color(name, v); c != nil {
		return c
	}
	return palettes[v][name] // transparent when not ours either
}

func (t bothTheme) Color(name fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	v = t.look.variant(v)
	if c, ok := palettes[v][name]; ok {
		return c
	}
	return t.Theme.Color(name, v)
}

// Size scales the text (and the icons that sit in a line of text) by the
// text size chosen in Preferences; the spacing stays as it is.
func (t bothTheme) Size(name fyne.ThemeSizeName) float32 {
	s := t.Theme.Size(name)
	switch name {
	case theme.SizeNameText, theme.SizeNameCaptionText, theme.SizeNameHeadingText,
		theme.SizeNameSubHeadingText, theme.SizeNameInlineIcon:
		return s * t.look.textScale()
	}
	return s
}

func rgb(hex uint32) color.NRGBA { return rgba(hex, 0xff) }

func rgba(hex uint32, a uint8) color.NRGBA {
	return color.NRGBA{R: uint8(hex >> 16), G: uint8(hex >> 8), B: uint8(hex), A: a}
}

// over is fg (with its alpha) painted over the opaque bg.
func over(fg, bg color.Color) color.NRGBA {
	f, b := color.NRGBAModel.Convert(fg).(color.NRGBA), color.NRGBAModel.Convert(bg).(color.NRGBA)
	mix := func(x, y uint8) uint8 { return uint8((int(x)*int(f.A) + int(y)*(255-int(f.A)) + 127) / 255) }
	return color.NRGBA{R: mix(f.R, b.R), G: mix(f.G, b.G), B: mix(f.B, b.B), A: 0xff}
}

// A surface is something text and controls are drawn on.
type surface struct {
	name  string
	color func(th fyne.Theme, v fyne.ThemeVariant) color.Color
}

func plain(n fyne.ThemeColorName) func(fyne.Theme, fyne.ThemeVariant) color.Color {
	return func(th fyne.Theme, v fyne.ThemeVariant) color.Color { return th.Color(n, v) }
}

// tinted is a translucent colour over an opaque one, as Fyne paints hover,
// focus and selection, and as the slip strip tints its card.
func tinted(top, under fyne.ThemeColorName) func(fyne.Theme, fyne.ThemeVariant) color.Color {
	return func(th fyne.Theme, v fyne.ThemeVariant) color.Color {
		return over(th.Color(top, v), th.Color(under, v))
	}
}

// contrastPair says that each of these colours, drawn on each of these
// surfaces, needs at least this contrast.
type contrastPair struct {
	what     string
	colours  []fyne.ThemeColorName
	surfaces []surface
	min      float64
}

// contrastPairs lists what the window draws on what: theme_test.go
// measures each pair in both variants.
func contrastPairs() []contrastPair {
	window := surface{"the window", plain(theme.ColorNameBackground)}
	field := surface{"a field", plain(theme.ColorNameInputBackground)}
	button := surface{"a button", plain(theme.ColorNameButton)}
	menu := surface{"a menu", plain(theme.ColorNameMenuBackground)}
	dialog := surface{"a dialog", plain(theme.ColorNameOverlayBackground)}
	header := surface{"a header", plain(theme.ColorNameHeaderBackground)}
	strip := surface{"the slip strip", func(th fyne.Theme, v fyne.ThemeVariant) color.Color {
		return over(rgba(toHex(th.Color(theme.ColorNamePrimary, v)), widgets.SlipTint), th.Color(theme.ColorNameBackground, v))
	}}
	everywhere := []surface{window, field, button, menu, dialog, header, strip}
	return []contrastPair{
		{"text", []fyne.ThemeColorName{
			theme.ColorNameForeground, theme.ColorNameDisabled, theme.ColorNamePlaceHolder,
			theme.ColorNamePrimary, theme.ColorNameHyperlink,
			theme.ColorNameSuccess, theme.ColorNameWarning, theme.ColorNameError,
		}, everywhere, 4.5},
		{"text under the pointer, the focus or a selection", []fyne.ThemeColorName{theme.ColorNameForeground}, []surface{
			{"a hovered button", tinted(theme.ColorNameHover, theme.ColorNameButton)},
			{"a pressed button", tinted(theme.ColorNamePressed, theme.ColorNameButton)},
			{"a focused button", tinted(theme.ColorNameFocus, theme.ColorNameButton)},
			{"a focused menu item", tinted(theme.ColorNameFocus, theme.ColorNameMenuBackground)},
			{"a selected row", tinted(theme.ColorNameSelection, theme.ColorNameBackground)},
			{"a hovered row", tinted(theme.ColorNameHover, theme.ColorNameBackground)},
		}, 4.5},
		{
			"a button's text on its colour",
			[]fyne.ThemeColorName{theme.ColorNameForegroundOnPrimary},
			[]surface{{"the primary colour", plain(theme.ColorNamePrimary)}},
			4.5,
		},
		{
			"a button's text on its colour",
			[]fyne.ThemeColorName{theme.ColorNameForegroundOnSuccess},
			[]surface{{"the success colour", plain(theme.ColorNameSuccess)}},
			4.5,
		},
		{
			"a button's text on its colour",
			[]fyne.ThemeColorName{theme.ColorNameForegroundOnWarning},
			[]surface{{"the warning colour", plain(theme.ColorNameWarning)}},
			4.5,
		},
		{
			"a button's text on its colour",
			[]fyne.ThemeColorName{theme.ColorNameForegroundOnError},
			[]surface{{"the error colour", plain(theme.ColorNameError)}},
			4.5,
		},
		// Fields, unticked check boxes and radio buttons are drawn in the
		// input border colour; ticked ones and important buttons in the
		// primary colour.
		{
			"a control",
			[]fyne.ThemeColorName{theme.ColorNameInputBorder, theme.ColorNamePrimary, theme.ColorNameForeground},
			[]surface{window, field, dialog, strip},
			3,
		},
		{
			"a chart's series",
			[]fyne.ThemeColorName{ChartFirst, ChartSecond, ChartThird, ChartAlert, theme.ColorNameDisabled},
			[]surface{window},
			3,
		},
	}
}

func toHex(c color.Color) uint32 {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	return uint32(n.R)<<16 | uint32(n.G)<<8 | uint32(n.B)
}
