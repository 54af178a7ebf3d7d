//go:build linux

package look

import (
	"fyne.io/fyne/v2/theme"
	portal "github.com/rymdport/portal/settings/appearance"

	"github.com/bothand/bothand/app/desktop"
)

// defaultFollowsFyne: on Linux Fyne learns the desktop's light or dark
// only after the window is up (and draws dark until then), so the app asks
// the desktop portal itself before the first frame.
const defaultFollowsFyne = false

// probeSystemVariant asks the desktop portal whether the person prefers
// light or dark, as Fyne does later. No session bus, no portal or no
// preference answer "not known".
func probeSystemVariant() SystemAnswer {
	if !desktop.HasSessionBus() {
		return SystemAnswer{}
	}
	scheme, err := portal.GetColorScheme()
	if err != nil {
		return SystemAnswer{}
	}
	switch scheme {
	case portal.Dark:
		return SystemAnswer{variant: theme.VariantDark, known: true}
	case portal.Light:
		return SystemAnswer{variant: theme.VariantLight, known: true}
	}
	return SystemAnswer{}
}
