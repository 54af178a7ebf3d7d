package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

func menuLabels(m *fyne.Menu) []string {
	var out []string
	for _, it := range m.Items {
		if it.IsSeparator {
			out = append(out, "—")
			continue
		}
		out = append(out, it.Label)
	}
	return out
}

func TestTrayMenuFollowsThePinnedSlip(t *testing.T) {
	u, s := newTestUI(t)
	menu := u.trayMenu()
	if got := menuLabels(menu); got[0] != "Write a permission slip…" {
		t.Errorf("empty journal menu: %v", got)
	}
	if !menuItem(t, menu, "I read it today").Disabled {
		t.Error("can read a slip that doesn't exist")
	}

	s.AddSlip("My child is fine, and so am I.", true)
	u.loadStrip()
	menu = u.trayMenu()
	if got := menuLabels(menu); got[0] != "“My child is fine, and so am I.”" {
		t.Errorf("first item %q", got[0])
	}
	want := []string{"I read it today", "—", "New journal entry", "Urgent client request…", "Self-compassion break", "—", "Show Both/And", "Quit"}
	if got := strings.Join(menuLabels(menu)[1:], "|"); got != strings.Join(want, "|") {
		t.Errorf("menu = %v", menuLabels(menu))
	}
	if !menuItem(t, menu, "Quit").IsQuit {
		t.Error("Quit is not marked as the quit item: Fyne would add a second one")
	}

	menuItem(t, menu, "I read it today").Action()
	if rec, _ := s.Readings(7); !rec.ReadToday {
		t.Fatal("the tray's reading was not stored")
	}
	if it := menuItem(t, u.trayMenu(), "I read it today"); !it.Checked || !it.Disabled {
		t.Errorf("after reading: checked=%v disabled=%v", it.Checked, it.Disabled)
	}

	long := strings.Repeat("a", 200)
	s.AddSlip(long, true)
	u.loadStrip()
	if first := menuLabels(u.trayMenu())[0]; len([]rune(first)) > 64 || !strings.HasSuffix(first, "…”") {
		t.Errorf("long slip in the menu: %q", first)
	}
}

func TestTrayNewJournalEntryOpensTheEditor(t *testing.T) {
	u, _ := newTestUI(t)
	u.win.Hide()
	menuItem(t, u.trayMenu(), "New journal entry").Action()
	if !strings.Contains(visibleText(u.win.Content()), "What triggered") {
		t.Errorf("the editor is not open:\n%s", visibleText(u.win.Content()))
	}
}

func TestCloseHidesToTrayAndExplainsOnce(t *testing.T) {
	u, _ := newTestUI(t)
	u.trayReady = true
	u.win.Show()
	u.closeWindow()
	if !strings.Contains(topText(u), "keeps Both/And in the system tray") {
		t.Fatalf("no explanation on first close: %q", topText(u))
	}
	if !u.app.Preferences().Bool(prefTrayExplained) {
		t.Error("explanation not remembered")
	}
	u.win.Canvas().Overlays().Top().(interface{ Hide() }).Hide()
	u.closeWindow() // second time: no dialog
	if strings.Contains(topText(u), "keeps Both/And") {
		t.Error("explained twice")
	}
}
