package app

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/dates"
	"github.com/bothand/bothand/widgets"
)

// entryEditor writes a new entry or edits one: the three questions in the
// technique's order with the shame-vs-guilt check after the story, then how
// strong it was, tags and when. What is typed is kept as a draft while the
// person writes (journal_drafts.go); saving and closing are in
// journal_editor_actions.go, the check in journal_check.go.
type entryEditor struct {
	j *journalScreen
	// base is the entry being edited (ID 0 for a new one). Fields the editor
	// does not show, like the commitment it concerns, travel through it.
	base    data.Entry
	keeper  *draftKeeper
	saving  bool
	loading bool // fields are being filled in, not typed
	// thenBreak opens a self-compassion break for the entry once it is saved.
	thenBreak bool

	heading   *widget.Label
	date      *widgets.DateEntry
	clock     *widgets.Entry
	trigger   *widgets.Entry
	story     *widgets.Entry
	friend    *widgets.Entry
	check     *kindCheck
	intensity *widgets.Intensity
	tags      *tagPicker
	about     *commitmentLink
	scroll    *container.Scroll
	form      *fyne.Container
	msgs      map[data.Field]*widget.Label
	status    *widget.Label
	view      fyne.CanvasObject
}

// openEditor shows the editor for base, filled from draft when one is
// being continued, with the cursor in the first question.
func (j *journalScreen) openEditor(base data.Entry, draft *data.Draft) {
	e := &entryEditor{j: j, base: base, msgs: map[data.Field]*widget.Label{}}
	e.keeper = newDraftKeeper(j, e.draft)
	e.build()
	e.fill(base, draft)
	e.about.load()
	j.editor = e
	j.empty.Hide()
	j.split.Show()
	j.setRight(e.view, "editor")
	j.list.widget.UnselectAll()
	// Focus once the key press that opened the editor is over: a button
	// pressed with Space would otherwise type that space into the answer.
	after(j.u, 0, func() {
		if j.editor == e {
			e.focusFirst()
		}
	})
}

func (e *entryEditor) build() {
	e.heading = widget.NewLabelWithStyle("New entry", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.heading.SizeName = theme.SizeNameSubHeadingText
	e.date = ui.NewDateField(time.Time{})
	e.date.SetPlaceHolder("Date, like " + dates.Example(time.Now()))
	e.clock = widgets.NewEntry()
	e.clock.SetPlaceHolder("21:40")
	e.trigger = e.answer(4)
	e.story = e.answer(5)
	e.friend = e.answer(4)
	e.check = newKindCheck(e)
	e.intensity = widgets.NewIntensity(5, func(int) { e.changed() })
	e.tags = newTagPicker(e)
	e.about = newCommitmentLink(e)

	when := container.NewBorder(nil, nil, widget.NewLabel("When"), nil,
		container.NewGridWithColumns(2, e.date, e.clock))
	e.form = container.NewVBox(
		e.question(questionTrigger, hintTrigger, e.trigger, data.FieldTrigger),
		e.question(questionStory, hintStory, e.story, data.FieldStory),
		e.check.view,
		// Which commitment it is about, and that commitment's record, sit
		// just before the friend question: the kind answer can rest on them.
		container.NewBorder(nil, nil, widget.NewLabel("About"), nil, e.about.sel),
		e.about.record,
		e.question(questionFriend, hintFriend, e.friend, data.FieldFriend),
		e.check.plan,
		ui.SectionTitle("How strong is it?"),
		e.intensity, e.message(data.FieldIntensity),
		ui.SectionTitle("Tags"),
		e.tags.view, e.message(data.FieldTags),
		when, e.message(data.FieldHappenedAt),
	)
	e.status = widget.NewLabel("")
	e.status.SizeName = theme.SizeNameCaptionText
	e.status.Importance = widget.LowImportance
	saveB := widgets.NewButtonWithIcon("Save  (Ctrl+S)", theme.DocumentSaveIcon(), e.save)
	saveB.Importance = widget.HighImportance
	closeB := widgets.NewButtonWithIcon("Close  (Esc)", theme.CancelIcon(), e.escape)
	footer := container.NewVBox(
		widget.NewSeparator(),
		e.message(data.FieldEntry),
		container.NewBorder(nil, nil, nil, container.NewHBox(closeB, saveB), e.status),
	)
	e.scroll = container.NewVScroll(container.NewPadded(e.form))
	e.view = container.NewBorder(container.NewVBox(e.heading, widget.NewSeparator()), footer, nil, nil, e.scroll)
}

// answer is a field for one of the three questions: it wraps and scrolls,
// and shows about rows lines before scrolling.
func (e *entryEditor) answer(rows int) *widgets.Entry {
	a := widgets.NewTextArea()
	a.SetMinRowsVisible(rows)
	a.OnChanged = func(string) { e.changed() }
	return a
}

func (e *entryEditor) question(q, hint string, field *widgets.Entry, name data.Field) fyne.CanvasObject {
	ui.LimitPastes(field, data.MaxFieldLen, func(msg string) { e.showMessage(name, msg) })
	h := widget.NewLabel(hint)
	h.Wrapping = fyne.TextWrapWord
	h.SizeName = theme.SizeNameCaptionText
	return container.New(ui.CompactVBox(), ui.SectionTitle(q), h, field, e.message(name))
}

// message is the line under a field where a refusal is explained.
func (e *entryEditor) message(field data.Field) *widget.Label {
	m := widget.NewLabel("")
	m.Wrapping = fyne.TextWrapWord
	m.Importance = widget.DangerImportance
	m.Hide()
	e.msgs[field] = m
	return m
}

// fill shows base, or the draft over it.
func (e *entryEditor) fill(base data.Entry, d *data.Draft) {
	e.loading = true
	defer func() { e.loading = false }()
	at := base.HappenedAt
	if base.ID == 0 {
		at = time.Now()
	} else {
		e.heading.SetText("Edit entry")
	}
	trigger, story, friend := base.Trigger, base.Story, base.Friend
	intensity, kind := base.Intensity, base.Kind
	var tags []string
	for _, t := range base.Tags {
		tags = append(tags, t.Name)
	}
	if d != nil {
		e.keeper.id = d.ID
		trigger, story, friend = d.Trigger, d.Story, d.Friend
		if d.HappenedAt != nil {
			at = *d.HappenedAt
		}
		if d.Intensity != nil {
			intensity = *d.Intensity
		}
		kind, tags = data.Kind(d.Kind), d.Tags
		e.base.CommitmentID = d.CommitmentID
		e.status.SetText("Continuing what you wrote " + formatWhen(d.UpdatedAt) + ".")
	}
	local := at.In(time.Local)
	e.date.SetDate(&local)
	e.clock.SetText(local.Format(timeLayout))
	for _, f := range []struct {
		field *widgets.Entry
		text  string
	}{{e.trigger, trigger}, {e.story, story}, {e.friend, friend}} {
		f.field.SetText(f.text)
		// Carry on writing where the text ends.
		lines := strings.Split(f.text, "\n")
		f.field.CursorRow = len(lines) - 1
		f.field.CursorColumn = len([]rune(lines[len(lines)-1]))
	}
	e.intensity.SetValue(intensity)
	e.check.set(kind, base.ReframeID)
	e.tags.set(e.j.tags, tags)
	e.date.OnChanged = func(*time.Time) { e.changed() }
	e.clock.OnChanged = func(string) { e.changed() }
}

func (e *entryEditor) focusFirst() {
	e.j.u.Win.Canvas().Focus(e.trigger)
}

// changed is called on every edit: it keeps the draft and clears the
// refusal under the field once the person has acted on it.
func (e *entryEditor) changed() {
	if e.loading {
		return
	}
	e.keeper.changed()
}

func (e *entryEditor) dirty() bool { return e.keeper.dirty || e.keeper.id != 0 }

// setTags offers the journal's tags again after they were re-read.
func (e *entryEditor) setTags(tags []data.Tag) {
	e.tags.set(tags, e.tags.chosen())
}

// when reads the date and time fields, explaining under them what it could
// not read.
func (e *entryEditor) when() (time.Time, bool) {
	day, dayErr := ui.DateOfField(e.date)
	at, okClock := atClock(day, e.clock.Text)
	switch {
	case dayErr != nil:
		e.showMessage(data.FieldHappenedAt, dayErr.Error())
	case !okClock:
		e.showMessage(data.FieldHappenedAt, "Write the time as hours and minutes, like 21:40.")
	default:
		return at, true
	}
	return time.Time{}, false
}

// entry is what the fields hold, as an entry to save.
func (e *entryEditor) entry(at time.Time) data.Entry {
	en := e.base
	en.HappenedAt = at
	en.Trigger, en.Story, en.Friend = e.trigger.Text, e.story.Text, e.friend.Text
	en.Intensity = e.intensity.Value
	en.Kind = e.check.kind
	en.ReframeID = e.check.reframeID
	en.Tags = nil
	for _, name := range e.tags.chosen() {
		en.Tags = append(en.Tags, data.Tag{Name: name})
	}
	return en
}

// draft is what the fields hold, as a draft: everything, as typed.
func (e *entryEditor) draft() data.Draft {
	d := data.Draft{
		Trigger: e.trigger.Text, Story: e.story.Text, Friend: e.friend.Text,
		Kind: string(e.check.kind), Tags: e.tags.chosen(),
	}
	d.ID = e.keeper.id
	if e.base.ID != 0 {
		id := e.base.ID
		d.EntryID = &id
	}
	if e.date.Date != nil {
		if at, ok := atClock(*e.date.Date, e.clock.Text); ok {
			d.HappenedAt = &at
		}
	}
	v := e.intensity.Value
	d.Intensity = &v
	d.CommitmentID = e.base.CommitmentID
	return d
}

func (e *entryEditor) showMessage(field data.Field, msg string) {
	m, ok := e.msgs[field]
	if !ok {
		m = e.msgs[data.FieldEntry]
	}
	m.SetText(msg)
	m.Show()
}

func (e *entryEditor) clearMessages() {
	for _, m := range e.msgs {
		m.Hide()
	}
}

// fieldWidget is where the cursor goes to fix a refused field.
func (e *entryEditor) fieldWidget(field data.Field) fyne.Focusable {
	switch field {
	case data.FieldTrigger:
		return e.trigger
	case data.FieldStory:
		return e.story
	case data.FieldFriend:
		return e.friend
	case data.FieldHappenedAt:
		return e.date
	case data.FieldIntensity:
		return e.intensity
	}
	return nil
}
