package tray

import (
	"fyne.io/systray"

	"github.com/bothand/bothand/app/instance"
	"github.com/bothand/bothand/data/prose"
)

// menu is the tray's menu: the pinned slip first, then the everyday
// actions. systray keeps the items; the tray changes their text and marks.
type menu struct {
	slip, read *systray.MenuItem
}

// actions are the menu's everyday entries and the window's request each
// one makes.
var actions = []struct{ label, do string }{
	{"New journal entry", instance.NewEntry},
	{"Quick entry…", instance.QuickEntry},
	{"Self-compassion break", instance.Compassion},
	{"Urgent client request…", instance.Triage},
}

func newMenu(t *Tray) *menu {
	m := &menu{}
	m.slip = systray.AddMenuItem(slipLabel(""), "Your pinned permission slip")
	m.read = systray.AddMenuItemCheckbox("I read it today", "", false)
	systray.AddSeparator()
	for _, a := range actions {
		on(systray.AddMenuItem(a.label, ""), func() { t.window.ask(a.do) })
	}
	systray.AddSeparator()
	if locked(t.journal) {
		on(systray.AddMenuItem("Lock now", "Lock the journal in its window"), func() { t.window.tell(instance.Lock) })
	}
	on(systray.AddMenuItem("Show Both/And", ""), func() { t.window.ask(instance.Show) })
	on(systray.AddMenuItem("Quit", "Stop Both/And, reminders included"), t.quit)

	on(m.slip, func() {
		t.mu.Lock()
		empty := t.state.text == ""
		t.mu.Unlock()
		if empty {
			t.window.ask(instance.WriteSlip)
		} else {
			t.window.ask(instance.Show)
		}
	})
	on(m.read, t.markRead)
	m.show(t.state)
	return m
}

// on runs f each time item is chosen.
func on(item *systray.MenuItem, f func()) {
	go func() {
		for range item.ClickedCh {
			f()
		}
	}()
}

// show puts the slip and today's reading into the menu.
func (m *menu) show(st slipState) {
	m.slip.SetTitle(slipLabel(st.text))
	if st.readToday {
		m.read.Check()
	} else {
		m.read.Uncheck()
	}
	if st.text == "" || st.readToday || st.locked {
		m.read.Disable()
	} else {
		m.read.Enable()
	}
}

// slipLabel is the menu's first line: the slip on one readable line, or
// the invitation to write one.
func slipLabel(text string) string {
	if text == "" {
		return "Write a permission slip…"
	}
	return "“" + prose.Clip(text, 60) + "”"
}
