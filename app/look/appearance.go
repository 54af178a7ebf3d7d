package look

import (
	"log/slog"
	"math"
	"os"
	"slices"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Preference keys for how the window looks on this computer.
const (
	prefTheme    = "appearance.theme"    // "system", "light" or "dark"
	prefTextSize = "appearance.textSize" // percent: 90, 100, 110 or 120
)

// Mode is a choice of colours: the system's, light or dark.
type Mode string

// The choices of colours, as Preferences offers them.
const (
	System Mode = "system"
	Light  Mode = "light"
	Dark   Mode = "dark"
)

// textSizes are the text sizes Preferences offers, in percent.
var textSizes = []int{90, 100, 110, 120}

// TextSizes are the text sizes Preferences offers, in percent, smallest
// first.
func TextSizes() []int { return slices.Clone(textSizes) }

// systemProbeWait is how long the start waits for the desktop to say
// whether it is light or dark before drawing anyway; a late answer is
// applied when it comes.
const systemProbeWait = 250 * time.Millisecond

// Appearance is what the theme needs to know beyond Fyne's own settings:
// the colours chosen in Preferences, the system's variant as this app
// found it, and the text size. The theme reads it while drawing, so its
// fields are atomics; it is changed on the main goroutine.
type Appearance struct {
	mode atomic.Value // Mode
	// system is the desktop's variant once known (-1 before), so the
	// first frame is already in the right colours: Fyne's own answer
	// arrives after the window is up, and it starts dark meanwhile.
	system atomic.Int32
	// fyneSaw is the variant Fyne reported last: a change of it is the
	// desktop switching between light and dark.
	fyneSaw atomic.Int32
	scale   atomic.Uint32 // math.Float32bits of the text scale
}

// New is the appearance before any choice: the system's colours, standard
// text.
func New() *Appearance {
	a := &Appearance{}
	a.mode.Store(System)
	a.system.Store(-1)
	a.fyneSaw.Store(-1)
	a.scale.Store(math.Float32bits(1))
	return a
}

// Load is the appearance chosen in app's preferences.
func Load(app fyne.App) *Appearance {
	a := New()
	a.load(app.Preferences())
	return a
}

// Theme is Both/And's theme, drawn in a's choices as they are when it
// draws.
func (a *Appearance) Theme() fyne.Theme {
	return bothTheme{Theme: theme.DefaultTheme(), look: a}
}

// Mode is the choice of colours.
func (a *Appearance) Mode() Mode {
	m, _ := a.mode.Load().(Mode)
	return m
}

// SetMode applies a choice of colours and remembers it in prefs; the
// window shows it once its theme is set again.
func (a *Appearance) SetMode(prefs fyne.Preferences, m Mode) {
	prefs.SetString(prefTheme, string(m))
	a.mode.Store(m)
}

// TextSize is the text size, in percent.
func (a *Appearance) TextSize() int { return int(a.textScale()*100 + 0.5) }

// SetTextSize applies a text size, in percent, and remembers it in prefs;
// the window shows it once its theme is set again.
func (a *Appearance) SetTextSize(prefs fyne.Preferences, percent int) {
	prefs.SetInt(prefTextSize, percent)
	a.scale.Store(math.Float32bits(float32(percent) / 100))
}

// variant is the variant to draw in, given the one Fyne passes.
func (a *Appearance) variant(fromFyne fyne.ThemeVariant) fyne.ThemeVariant {
	if a == nil {
		return fromFyne
	}
	switch a.Mode() {
	case Light:
		return theme.VariantLight
	case Dark:
		return theme.VariantDark
	}
	if s := a.system.Load(); s >= 0 {
		return fyne.ThemeVariant(s)
	}
	return fromFyne
}

func (a *Appearance) textScale() float32 {
	if a == nil {
		return 1
	}
	return math.Float32frombits(a.scale.Load())
}

// load reads the choices from the preferences.
func (a *Appearance) load(prefs fyne.Preferences) {
	switch m := Mode(prefs.String(prefTheme)); m {
	case Light, Dark:
		a.mode.Store(m)
	default:
		a.mode.Store(System)
	}
	size := prefs.IntWithFallback(prefTextSize, 100)
	if size < textSizes[0] || size > textSizes[len(textSizes)-1] {
		size = 100
	}
	a.scale.Store(math.Float32bits(float32(size) / 100))
}

// Decide settles the window's colours before anything is drawn (or even
// built, since Fyne's widgets keep the colours they were made with until
// the app runs): the choice from Preferences or, for the system's, what
// the desktop says, asked here within systemProbeWait. When the desktop
// is slower than that, the window starts light and the answer arrives on
// the returned channel, for SetSystem.
func (a *Appearance) Decide(app fyne.App) (late <-chan SystemAnswer) {
	a.fyneSaw.Store(int32(app.Settings().ThemeVariant()))
	if env := Mode(os.Getenv("FYNE_THEME")); env == Light || env == Dark {
		// Fyne honours it too; the theme follows it in system mode.
		a.system.Store(int32(variantOf(env)))
		return nil
	}
	answer := make(chan SystemAnswer, 1)
	go func() { answer <- probeSystemVariant() }()
	select {
	case got := <-answer:
		a.SetSystem(got)
		return nil
	case <-time.After(systemProbeWait):
		slog.Info("the desktop did not say in time whether it is light or dark; starting light")
		a.system.Store(int32(theme.VariantLight))
		return answer
	}
}

// SystemAnswer is what the desktop said about light and dark.
type SystemAnswer struct {
	variant fyne.ThemeVariant
	known   bool
}

// SetSystem takes the desktop's answer, which arrived after Decide.
func (a *Appearance) SetSystem(got SystemAnswer) {
	if got.known {
		a.system.Store(int32(got.variant))
		return
	}
	if defaultFollowsFyne {
		return // Fyne's own answer is already right on this system
	}
	// No portal answered: a desktop without a preference, which most
	// draw light.
	a.system.Store(int32(theme.VariantLight))
}

// FyneReports takes the variant Fyne reports whenever its settings change
// and says whether that is the desktop switching to the other variant,
// which the window then redraws in. Setting a theme also changes Fyne's
// settings, with its variant as it was: that is no switch.
func (a *Appearance) FyneReports(v fyne.ThemeVariant) (switched bool) {
	now := int32(v)
	if a.fyneSaw.Swap(now) == now || a.system.Load() < 0 || a.system.Load() == now {
		return false
	}
	a.system.Store(now)
	return true
}

func variantOf(m Mode) fyne.ThemeVariant {
	if m == Dark {
		return theme.VariantDark
	}
	return theme.VariantLight
}
