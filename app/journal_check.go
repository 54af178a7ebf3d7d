package app

import (
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/assets"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/prose"
	"github.com/bothand/bothand/widgets"
)

// kindCheck is the shame-vs-guilt check that follows the story: three
// choices, then what each leads to. Guilt leads to a next-time protocol,
// offered under the friend question since its first step is drafted from
// that answer; shame leads to the reframes, shown right away so they can
// shape the kinder answer.
type kindCheck struct {
	e         *entryEditor
	kind      data.Kind
	reframeID *int64

	buttons  map[data.Kind]*widgets.Button
	note     *widget.Label
	reframes *fyne.Container
	pause    *fyne.Container // the way to the self-compassion break
	view     fyne.CanvasObject
	plan     *fyne.Container
}

var kindChoiceLabels = map[data.Kind]string{
	data.KindGuilt:  "Something I did: guilt",
	data.KindShame:  "Who I am: shame",
	data.KindUnsure: "Not sure yet",
}

func newKindCheck(e *entryEditor) *kindCheck {
	c := &kindCheck{e: e, kind: data.KindUnsure, buttons: map[data.Kind]*widgets.Button{}}
	var row []fyne.CanvasObject
	for _, k := range []data.Kind{data.KindGuilt, data.KindShame, data.KindUnsure} {
		b := widgets.NewButtonWithIcon(kindChoiceLabels[k], nil, func() { c.choose(k) })
		c.buttons[k] = b
		row = append(row, b)
	}
	c.note = widget.NewLabel("")
	c.note.Wrapping = fyne.TextWrapWord
	c.note.SizeName = theme.SizeNameCaptionText
	c.reframes = container.NewVBox()
	c.reframes.Hide()
	pause := widgets.NewButtonWithIcon("Take a self-compassion break", theme.AccountIcon(), e.startBreak)
	pause.Importance = widget.HighImportance
	c.pause = container.NewVBox(container.NewHBox(pause),
		ui.Caption("Saves this entry, then three short steps: notice the moment, remember you are not alone in it, be kind to yourself."))
	c.pause.Hide()
	c.view = container.NewVBox(
		ui.SectionTitle(questionCheck),
		container.New(ui.NewColumns(3), row...), // in a row, or one below another on a narrow window
		c.note, c.pause, c.reframes, e.message(data.FieldKind),
	)

	protocol := widgets.NewButtonWithIcon("What's my next-time protocol?", theme.ListIcon(), e.startProtocol)
	protocol.Importance = widget.HighImportance
	hint := widget.NewLabel("Saves this entry and drafts a plan for next time from the template that fits it best, what you would tell a friend as its first step. It opens on the Protocols tab for you to make your own.")
	hint.Wrapping = fyne.TextWrapWord
	hint.SizeName = theme.SizeNameCaptionText
	hint.Importance = widget.LowImportance
	c.plan = container.NewVBox(container.NewHBox(protocol), hint)
	c.plan.Hide()
	return c
}

// set shows a kind and reframe without counting as an edit.
func (c *kindCheck) set(k data.Kind, reframeID *int64) {
	if k == "" {
		k = data.KindUnsure
	}
	c.reframeID = reframeID
	c.show(k)
}

func (c *kindCheck) choose(k data.Kind) {
	c.show(k)
	c.e.changed()
}

func (c *kindCheck) show(k data.Kind) {
	c.kind = k
	for kind, b := range c.buttons {
		// The choice is marked by an icon and weight, not by colour alone.
		if kind == k {
			b.Importance = widget.HighImportance
			b.SetIcon(theme.ConfirmIcon())
		} else {
			b.Importance = widget.MediumImportance
			b.SetIcon(nil)
		}
		b.Refresh()
	}
	switch k {
	case data.KindGuilt:
		c.note.SetText("Guilt points at something you did and can do differently: turn it into a plan for next time.")
		c.reframes.Hide()
		c.pause.Hide()
		c.plan.Show()
	case data.KindShame:
		c.note.SetText("Shame talks about who you are, not what you did. One of these old stories may be the one speaking; its new story may help. Mark the one that does.")
		c.showReframes()
		c.reframes.Show()
		c.pause.Show()
		c.plan.Hide()
	default:
		c.note.SetText("Take your time. You can answer this later, when you read the entry again.")
		c.reframes.Hide()
		c.pause.Hide()
		c.plan.Hide()
	}
}

// showReframes lists the reframes, each with a way to mark it as the one
// that helps with this entry.
func (c *kindCheck) showReframes() {
	c.reframes.Objects = nil
	for _, r := range c.e.j.reframes {
		id := r.ID
		chosen := c.reframeID != nil && *c.reframeID == id
		label, icon := "This one helps", theme.RadioButtonIcon()
		if chosen {
			label, icon = "This one helps me", theme.RadioButtonCheckedIcon()
		}
		b := widgets.NewButtonWithIcon(label, icon, func() {
			if c.reframeID != nil && *c.reframeID == id {
				c.reframeID = nil
			} else {
				c.reframeID = &id
			}
			c.showReframes()
			c.e.changed()
		})
		if chosen {
			b.Importance = widget.HighImportance
		} else {
			b.Importance = widget.LowImportance
		}
		c.reframes.Add(reframeCard(r, container.NewHBox(b)))
	}
	c.reframes.Refresh()
}

// reframeCard shows an old story and its new story.
func reframeCard(r data.Reframe, action fyne.CanvasObject) fyne.CanvasObject {
	title := reframeTitle(r)
	old := widget.NewLabel("Old story: " + r.OldStory)
	old.Wrapping = fyne.TextWrapWord
	old.TextStyle = fyne.TextStyle{Italic: true}
	story := widget.NewLabel("New story: " + r.NewStory)
	story.Wrapping = fyne.TextWrapWord
	items := []fyne.CanvasObject{}
	if title != "" {
		t := widget.NewLabel(title)
		t.TextStyle = fyne.TextStyle{Bold: true}
		t.Wrapping = fyne.TextWrapWord
		items = append(items, t)
	}
	items = append(items, old, story)
	if action != nil {
		items = append(items, action)
	}
	return widget.NewCard("", "", container.New(ui.CompactVBox(), items...))
}

// reframeTitle names a built-in reframe ("From either/or to both/and").
// The built-in titles are written "old → new"; the arrow is spelt out
// because the bundled font draws it poorly.
func reframeTitle(r data.Reframe) string {
	if r.BuiltinKey == nil {
		return ""
	}
	for _, b := range assets.Reframes() {
		if b.Key != *r.BuiltinKey {
			continue
		}
		if from, to, ok := strings.Cut(b.Title, " → "); ok {
			return "From " + lowerFirst(from) + " to " + lowerFirst(to)
		}
		return b.Title
	}
	return ""
}

func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) > 0 {
		r[0] = unicode.ToLower(r[0])
	}
	return string(r)
}

// tagPicker offers the tags as check boxes, and a field to add one's own.
type tagPicker struct {
	e      *entryEditor
	checks []*widgets.Check
	grid   *fyne.Container
	add    *widgets.Entry
	view   fyne.CanvasObject
}

func newTagPicker(e *entryEditor) *tagPicker {
	p := &tagPicker{e: e}
	p.grid = container.NewGridWithColumns(2)
	p.add = widgets.NewEntry()
	p.add.SetPlaceHolder("Add your own tag, then Enter")
	p.add.OnSubmitted = func(name string) { p.addTag(name) }
	p.view = container.NewVBox(p.grid, p.add)
	return p
}

// set shows every tag of the journal plus any chosen one not yet stored,
// with the chosen ones ticked.
func (p *tagPicker) set(tags []data.Tag, chosen []string) {
	ticked := map[string]bool{}
	for _, n := range chosen {
		ticked[normalTag(n)] = true
	}
	names := []string{}
	seen := map[string]bool{}
	for _, t := range tags {
		names = append(names, t.Name)
		seen[normalTag(t.Name)] = true
	}
	for _, n := range chosen {
		if !seen[normalTag(n)] {
			names = append(names, n)
			seen[normalTag(n)] = true
		}
	}
	p.checks = nil
	p.grid.Objects = nil
	for _, name := range names {
		c := widgets.NewCheck(name, func(bool) { p.e.changed() })
		c.Checked = ticked[normalTag(name)]
		p.checks = append(p.checks, c)
		p.grid.Add(c)
	}
	p.grid.Refresh()
}

func (p *tagPicker) chosen() []string {
	names := []string{}
	for _, c := range p.checks {
		if c.Checked {
			names = append(names, c.Text)
		}
	}
	return names
}

// addTag ticks the tag typed, adding it when it is new.
func (p *tagPicker) addTag(name string) {
	key := normalTag(name)
	if key == "" {
		return
	}
	if n := len([]rune(key)); n > data.MaxTagLen {
		p.e.showMessage(data.FieldTags, "A tag holds up to 60 characters; this one has "+prose.Thousands(n)+".")
		return
	}
	p.e.msgs[data.FieldTags].Hide()
	for _, c := range p.checks {
		if normalTag(c.Text) == key {
			c.SetChecked(true)
			p.add.SetText("")
			return
		}
	}
	c := widgets.NewCheck(trimmed(name), func(bool) { p.e.changed() })
	c.Checked = true
	p.checks = append(p.checks, c)
	p.grid.Add(c)
	p.add.SetText("")
	p.e.changed()
}
