package app

import (
	"log/slog"
	"math"
	"os"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/bothand/bothand/app/ui"
)

// Preference keys for how the window looks on this computer.
const (
	prefTheme    = "appearance.theme"    // "system", "light" or "dark"
	prefTextSize = "appearance.textSize" // percent: 90, 100, 110 or 120
)

// The theme choices, as Preferences offers them.
const (
	themeSystem = "system"
	themeLight  = "light"
	themeDark   = "dark"
)

// textSizes are the text sizes Preferences offers, in percent.
var textSizes = []int{90, 100, 110, 120}

// systemProbeWait is how long the start waits for the desktop to say
// whether it is light or dark before drawing anyway; a late answer is
// applied when it comes.
const systemProbeWait = 250 * time.Millisecond

// appearance is what the theme needs to know beyond Fyne's own settings:
// the variant chosen in Preferences, the system's variant as this app found
// it, and the text size. The theme reads it while drawing, so its fields are
// atomics; it is changed on the main goroutine.
type appearance struct {
	mode atomic.Value // string: themeSystem, themeLight or themeDark
	// system is the desktop's variant once known (-1 before), so the
	// first frame is already in the right colours: Fyne's own answer
	// arrives after the window is up, and it starts dark meanwhile.
	system atomic.Int32
	// fyneSaw is the variant Fyne reported last: a change of it is the
	// desktop switching between light and dark.
	fyneSaw atomic.Int32
	scale   atomic.Uint32 // math.Float32bits of the text scale
}

func newAppearance() *appearance {
	a := &appearance{}
	a.mode.Store(themeSystem)
	a.system.Store(-1)
	a.fyneSaw.Store(-1)
	a.scale.Store(math.Float32bits(1))
	return a
}

// variant is the variant to draw in, given the one Fyne passes.
func (a *appearance) variant(fromFyne fyne.ThemeVariant) fyne.ThemeVariant {
	if a == nil {
		return fromFyne
	}
	switch a.mode.Load() {
	case themeLight:
		return theme.VariantLight
	case themeDark:
		return theme.VariantDark
	}
	if s := a.system.Load(); s >= 0 {
		return fyne.ThemeVariant(s)
	}
	return fromFyne
}

func (a *appearance) textScale() float32 {
	if a == nil {
		return 1
	}
	return math.Float32frombits(a.scale.Load())
}

// loadAppearance is the appearance chosen in a's preferences.
func loadAppearance(a fyne.App) *appearance {
	look := newAppearance()
	look.load(a.Preferences())
	return look
}

// load reads the choices from the preferences.
func (a *appearance) load(prefs fyne.Preferences) {
	switch m := prefs.String(prefTheme); m {
	case themeLight, themeDark:
		a.mode.Store(m)
	default:
		a.mode.Store(themeSystem)
	}
	size := prefs.IntWithFallback(prefTextSize, 100)
	if size < textSizes[0] || size > textSizes[len(textSizes)-1] {
		size = 100
	}
	a.scale.Store(math.Float32bits(float32(size) / 100))
}

// decide settles the window's colours before anything is drawn (or even
// built, since Fyne's widgets keep the colours they were made with until
// the app runs): the choice from Preferences or, for the system's, what
// the desktop says, asked here within systemProbeWait. When the desktop
// is slower than that, the window starts light and the answer arrives on
// the returned channel.
func (a *appearance) decide(app fyne.App) (late <-chan systemAnswer) {
	a.fyneSaw.Store(int32(app.Settings().ThemeVariant()))
	if env := os.Getenv("FYNE_THEME"); env == themeLight || env == themeDark {
		// Fyne honours it too; the theme follows it in system mode.
		a.system.Store(int32(variantNamed(env)))
		return nil
	}
	answer := make(chan systemAnswer, 1)
	go func() { answer <- probeSystemVariant() }()
	select {
	case got := <-answer:
		a.setSystem(got)
		return nil
	case <-time.After(systemProbeWait):
		slog.Info("the desktop did not say in time whether it is light or dark; starting light")
		a.system.Store(int32(theme.VariantLight))
		return answer
	}
}

// followTheme keeps the window in the desktop's colours: a late first
// answer, and later switches between light and dark.
func (u *UI) followTheme(late <-chan systemAnswer) {
	look := u.look
	if late != nil {
		ui.Background(u.Host, func() (systemAnswer, error) { return <-late, nil }, func(a systemAnswer) {
			look.setSystem(a)
			u.applyTheme()
		})
	}
	u.App.Settings().AddListener(func(s fyne.Settings) {
		// Fyne's own look-up answering, or the desktop switching: a
		// change of the variant Fyne reports. (Setting our theme also
		// calls this, with Fyne's variant unchanged.)
		v := int32(s.ThemeVariant())
		if look.fyneSaw.Swap(v) != v && look.system.Load() >= 0 && look.system.Load() != v {
			look.system.Store(v)
			ui.BackgroundDo(u.Host, func() error { return nil }, u.applyTheme)
		}
	})
}

// systemAnswer is what the desktop said about light and dark.
type systemAnswer struct {
	variant fyne.ThemeVariant
	known   bool
}

func (a *appearance) setSystem(got systemAnswer) {
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

func variantNamed(name string) fyne.ThemeVariant {
	if name == themeDark {
		return theme.VariantDark
	}
	return theme.VariantLight
}

// applyTheme redraws every window in the current choices.
func (u *UI) applyTheme() {
	u.App.Settings().SetTheme(newTheme(u.look))
}

// setThemeMode applies and remembers a theme choice from Preferences.
func (u *UI) setThemeMode(mode string) {
	u.App.Preferences().SetString(prefTheme, mode)
	u.look.mode.Store(mode)
	u.applyTheme()
}

// setTextSize applies and remembers a text size, in percent.
func (u *UI) setTextSize(percent int) {
	u.App.Preferences().SetInt(prefTextSize, percent)
	u.look.scale.Store(math.Float32bits(float32(percent) / 100))
	u.applyTheme()
}
