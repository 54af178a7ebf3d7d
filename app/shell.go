package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/insights"
	"github.com/bothand/bothand/app/plan"
	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/widgets"
)

// Preference keys: what belongs to this computer rather than to the journal.
const (
	// prefSize holds the window's size as one value, "1100x780": Fyne
	// writes the preferences file at once on a change and holds back a
	// second change made within 100 ms, so width and height stored apart
	// could reach the file half (the height was lost when the window
	// closed right after). prefWidth and prefHeight are read from
	// earlier versions.
	prefSize    = "window.size"
	prefWidth   = "window.width"
	prefHeight  = "window.height"
	prefLastTab = "window.tab"
)

// buildShell lays out the window: the pinned slip across the top, the tabs
// below, and restores the size and tab of the last session.
func (u *UI) buildShell() {
	u.App.Settings().SetTheme(u.look.Theme())
	u.useDateStyle()
	u.strip = widgets.NewSlipStrip()
	u.wireStrip()

	u.plan = plan.New(u.Host, u)
	u.screens = []ui.Screen{
		newJournalScreen(u),
		u.plan.Tiers(),
		u.plan.Protocols(),
		newCompassionScreen(u),
		insights.New(u.Host, u.newJournalEntry),
	}
	items := make([]*container.TabItem, len(u.screens))
	for i, sc := range u.screens {
		items[i] = container.NewTabItemWithIcon(sc.Title(), sc.Icon(), sc.View())
	}
	u.tabs = container.NewAppTabs(items...)
	u.tabs.SetTabLocation(container.TabLocationTop)

	prefs := u.App.Preferences()
	u.tabs.SelectIndex(clamp(prefs.IntWithFallback(prefLastTab, 0), 0, len(items)-1))
	u.tabs.OnSelected = func(*container.TabItem) {
		prefs.SetInt(prefLastTab, u.tabs.SelectedIndex())
		if sh, ok := u.screens[u.tabs.SelectedIndex()].(ui.ShownScreen); ok && u.Store != nil {
			sh.Shown()
		}
	}

	u.noticeBox = container.NewVBox()
	// The sync's quiet line; hidden while the journal does not sync.
	u.sync.line = widget.NewLabel("")
	u.sync.line.Importance = widget.LowImportance
	u.sync.line.SizeName = theme.SizeNameCaptionText
	u.sync.line.Hide()
	u.Win.SetContent(container.NewBorder(container.NewVBox(container.NewPadded(u.strip), u.noticeBox), u.sync.line, nil, nil, u.tabs))
	u.Win.SetMainMenu(u.mainMenu())
	u.Win.Resize(savedSize(prefs))
	u.Win.SetCloseIntercept(u.closeWindow)
}

// saveWindowState remembers the window size for the next start.
func (u *UI) saveWindowState() {
	size := u.Win.Canvas().Size()
	if size.Width < 100 || size.Height < 100 {
		return // not laid out yet; keep what was stored
	}
	u.App.Preferences().SetString(prefSize, fmt.Sprintf("%gx%g", size.Width, size.Height))
}

// savedSize is the window size stored at the last close, or the default.
func savedSize(prefs fyne.Preferences) fyne.Size {
	var w, h float32
	if _, err := fmt.Sscanf(prefs.String(prefSize), "%gx%g", &w, &h); err == nil && w >= 100 && h >= 100 {
		return fyne.NewSize(w, h)
	}
	return fyne.NewSize(
		float32(prefs.FloatWithFallback(prefWidth, 980)),
		float32(prefs.FloatWithFallback(prefHeight, 720)))
}

func clamp(v, lo, hi int) int {
	return max(lo, min(v, hi))
}

// journal is the Journal tab, which other tabs open entries in.
func (u *UI) journal() *journalScreen { return tab[*journalScreen](u) }

// tab is the window's screen of type T (nil before the shell is built).
func tab[T ui.Screen](u *UI) T {
	for _, sc := range u.screens {
		if t, ok := sc.(T); ok {
			return t
		}
	}
	var none T
	return none
}

// revealEntry brings the Journal tab forward showing an entry.
func (u *UI) RevealEntry(id int64) {
	if j := u.journal(); j != nil {
		u.ShowScreen(j)
		j.showEntry(id)
	}
}

// newJournalEntry opens the journal on a new entry.
func (u *UI) newJournalEntry() {
	if j := u.journal(); j != nil {
		j.newEntry()
	}
}

// showScreen brings sc's tab to the front.
func (u *UI) ShowScreen(sc ui.Screen) {
	if u.tabs == nil {
		return
	}
	for _, item := range u.tabs.Items {
		if item.Content == sc.View() {
			u.tabs.Select(item)
		}
	}
}
