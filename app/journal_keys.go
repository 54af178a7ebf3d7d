package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/widgets"
)

// The journal's keys. Ctrl+N and Ctrl+F are main-menu shortcuts, which the
// window runs before handing a key to the focused widget, so they work from
// any field of any tab. Ctrl+S and Esc belong to the editor: Fyne hands them
// to the focused widget, so every widget the editor can focus is one of the
// small subtypes below, which hand those two keys to the editor and leave the
// rest to the widget. When nothing is focused, the canvas handlers in
// journal.go take them.

var (
	shortcutNew    = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutSearch = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutSave   = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
)

// editorKeys are what Ctrl+S and Esc do while a widget of the editor (or the
// search field) has the focus.
type editorKeys struct {
	save   func()
	escape func()
	// focused is told which widget took the focus, so a long form can
	// scroll it into view: Tab must never lead the cursor off screen.
	focused func(fyne.CanvasObject)
}

func (k *editorKeys) gained(o fyne.CanvasObject) {
	if k.focused != nil {
		k.focused(o)
	}
}

func (k *editorKeys) shortcut(s fyne.Shortcut) bool {
	if s.ShortcutName() == shortcutSave.ShortcutName() && k.save != nil {
		k.save()
		return true
	}
	return false
}

func (k *editorKeys) key(ev *fyne.KeyEvent) bool {
	if ev.Name == fyne.KeyEscape && k.escape != nil {
		k.escape()
		return true
	}
	return false
}

// keyEntry is a text field whose Ctrl+S and Esc go to the editor, and whose
// Tab moves on to the next field even when it takes several lines.
type keyEntry struct {
	widgets.TextArea
	keys *editorKeys
}

func newKeyEntry(keys *editorKeys, multiLine bool) *keyEntry {
	e := &keyEntry{keys: keys}
	e.MultiLine = multiLine
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
	}
	e.ExtendBaseWidget(e)
	return e
}

func (e *keyEntry) TypedShortcut(s fyne.Shortcut) {
	if !e.keys.shortcut(s) {
		e.TextArea.TypedShortcut(s)
	}
}

func (e *keyEntry) TypedKey(ev *fyne.KeyEvent) {
	if !e.keys.key(ev) {
		e.TextArea.TypedKey(ev)
	}
}

func (e *keyEntry) FocusGained() {
	e.Entry.FocusGained()
	e.keys.gained(e)
}

// AcceptsTab is false so that Tab leaves a long answer for the next
// question instead of typing a tab into it.
func (e *keyEntry) AcceptsTab() bool { return false }

// keyButton is a button that passes Esc (and, through the canvas, Ctrl+S)
// to the editor.
type keyButton struct {
	widget.Button
	keys *editorKeys
}

func newKeyButton(keys *editorKeys, label string, icon fyne.Resource, tapped func()) *keyButton {
	b := &keyButton{keys: keys}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

func (b *keyButton) FocusGained() {
	b.Button.FocusGained()
	b.keys.gained(b)
}

func (b *keyButton) TypedKey(ev *fyne.KeyEvent) {
	if !b.keys.key(ev) {
		b.Button.TypedKey(ev)
	}
}

// keyCheck is a check box that passes Esc to the editor.
type keyCheck struct {
	widget.Check
	keys *editorKeys
}

func newKeyCheck(keys *editorKeys, label string, changed func(bool)) *keyCheck {
	c := &keyCheck{keys: keys}
	c.Text, c.OnChanged = label, changed
	c.ExtendBaseWidget(c)
	return c
}

func (c *keyCheck) FocusGained() {
	c.Check.FocusGained()
	c.keys.gained(c)
}

func (c *keyCheck) TypedKey(ev *fyne.KeyEvent) {
	if !c.keys.key(ev) {
		c.Check.TypedKey(ev)
	}
}

// keyIntensity is the intensity scale, passing Esc to the editor.
type keyIntensity struct {
	widgets.Intensity
	keys *editorKeys
}

func newKeyIntensity(keys *editorKeys, changed func(int)) *keyIntensity {
	i := &keyIntensity{keys: keys}
	i.OnChanged = changed
	i.ExtendBaseWidget(i)
	return i
}

func (i *keyIntensity) FocusGained() {
	i.Intensity.FocusGained()
	i.keys.gained(i)
}

func (i *keyIntensity) TypedKey(ev *fyne.KeyEvent) {
	if !i.keys.key(ev) {
		i.Intensity.TypedKey(ev)
	}
}
