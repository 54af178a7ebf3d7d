package app

import (
	"log/slog"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/dates"
	"github.com/bothand/bothand/widgets"
)

// entryDetail is an entry as read again: its answers, and what the check
// led to.
type entryDetail struct {
	entry     data.Entry
	protocols []data.Protocol
	breaks    []data.CompassionSession
	// about is the commitment the entry concerns, with its kept record.
	about    *data.Commitment
	kept, of int
}

// showEntry reads an entry and shows it on the right, with note (like
// "Saved.") at the top when given.
func (j *journalScreen) showEntry(id int64, note ...string) {
	if j.editor != nil {
		j.editor.closeKeepingDraft()
	}
	j.detailID = id
	ui.Background(j.u.Host, func() (entryDetail, error) {
		var d entryDetail
		var err error
		if d.entry, err = j.u.Store.Entry(id); err != nil {
			return d, err
		}
		if d.protocols, err = j.u.Store.EntryProtocols(id); err != nil {
			return d, err
		}
		if d.breaks, err = j.u.Store.EntryBreaks(id); err != nil {
			return d, err
		}
		if cid := d.entry.CommitmentID; cid != nil {
			if c, err := j.u.Store.Commitment(*cid); err == nil {
				d.about = &c
				d.kept, d.of, err = j.u.Store.KeptRecord(c.ID, 10)
				return d, err
			}
		}
		return d, nil
	}, func(d entryDetail) {
		if j.detailID != id || j.editor != nil {
			return // another entry or the editor was opened meanwhile
		}
		j.detailAt = d.entry.UpdatedAt
		j.setRight(j.detailView(d, strings.Join(note, "")), "detail")
		j.list.selectShown()
		slog.Debug("entry shown", "id", id)
	})
}

// refreshShown reads the entry on the right again when something else
// changed it (a sync round, a choice between two versions), or closes it
// when it went to the trash or is gone. An entry that did not change is
// left as it is, scrolled where it was; the editor is left alone.
func (j *journalScreen) refreshShown() {
	id, at := j.detailID, j.detailAt
	shown := func() bool { return j.detailID == id && j.showing == "detail" && j.editor == nil }
	if id == 0 || !shown() {
		return
	}
	ui.Background(j.u.Host, func() (data.Entry, error) {
		return j.u.Store.Entry(id)
	}, func(e data.Entry) {
		switch {
		case !shown():
		case e.DeletedAt != nil:
			j.showPlaceholder()
		case !e.UpdatedAt.Equal(at):
			j.showEntry(id)
		}
	}, func(error) {
		if shown() {
			j.showPlaceholder()
		}
	})
}

func (j *journalScreen) detailView(d entryDetail, note string) fyne.CanvasObject {
	e := d.entry
	when := widget.NewLabel(formatWhen(e.HappenedAt))
	when.SizeName = theme.SizeNameSubHeadingText
	when.TextStyle = fyne.TextStyle{Bold: true}
	meta := kindLabel(e.Kind) + " · intensity " + strconv.Itoa(e.Intensity) + " of 10, " + widgets.IntensityWord(e.Intensity)
	var tagNames []string
	for _, t := range e.Tags {
		tagNames = append(tagNames, t.Name)
	}
	if len(tagNames) > 0 {
		meta += " · " + strings.Join(tagNames, ", ")
	}
	metaL := widget.NewLabel(meta)
	metaL.Wrapping = fyne.TextWrapWord

	edit := widgets.NewButtonWithIcon("Edit", theme.DocumentCreateIcon(), func() { j.editEntry(e.ID) })
	trash := widgets.NewButtonWithIcon("Move to trash", theme.DeleteIcon(), func() { j.trashEntry(e) })
	trash.Importance = widget.LowImportance
	header := container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(edit, trash), when), metaL)
	if d.about != nil {
		about := ui.WrapLabel(keptSentence(d.about.Title, d.kept, d.of))
		about.Importance = widget.HighImportance
		header.Add(about)
	}
	if e.ConflictAt != nil {
		other := ui.WrapLabel("This is the other version of an entry changed on two computers at once. Both are kept until you choose.")
		other.Importance = widget.WarningImportance
		choose := widgets.NewButtonWithIcon("Choose between versions…", theme.WarningIcon(), j.u.showConflicts)
		header.Add(container.NewBorder(nil, nil, nil, choose, other))
	}
	if note != "" {
		n := widget.NewLabelWithStyle(note, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		n.Importance = widget.SuccessImportance
		header.Add(n)
	}

	body := container.NewVBox(
		answerBlock(questionTrigger, e.Trigger),
		answerBlock(questionStory, e.Story),
		answerBlock(questionFriend, e.Friend),
		widget.NewSeparator(),
		j.checkBlock(d),
	)
	return container.NewBorder(container.NewVBox(header, widget.NewSeparator()), nil, nil, nil,
		container.NewVScroll(container.NewPadded(body)))
}

// answerBlock shows a question and its answer, selectable for copying.
func answerBlock(question, answer string) fyne.CanvasObject {
	a := widget.NewLabel(answer)
	a.Wrapping = fyne.TextWrapWord
	a.Selectable = true
	if strings.TrimSpace(answer) == "" {
		a.SetText("(left blank)")
		a.Importance = widget.LowImportance
		a.Selectable = false
	}
	return container.New(ui.CompactVBox(), ui.SectionTitle(question), a)
}

// checkBlock shows where the shame-vs-guilt check led: the protocol for
// guilt, the reframes for shame, and the question itself while undecided.
func (j *journalScreen) checkBlock(d entryDetail) fyne.CanvasObject {
	e := d.entry
	box := container.NewVBox()
	switch e.Kind {
	case data.KindGuilt:
		box.Add(ui.SectionTitle("Next-time protocol"))
		for _, p := range d.protocols {
			box.Add(protocolCard(p))
			id := p.ID
			open := widgets.NewButtonWithIcon("Open in Protocols", theme.ListIcon(), func() { j.u.plan.RevealProtocol(id) })
			open.Importance = widget.LowImportance
			box.Add(container.NewHBox(open))
		}
		if len(d.protocols) == 0 {
			b := widgets.NewButtonWithIcon("What's my next-time protocol?", theme.ListIcon(), func() { j.startProtocol(e.ID) })
			b.Importance = widget.HighImportance
			box.Add(ui.WrapLabel("Guilt points at something you can do differently. Turn it into a plan, drafted from the template that fits this entry best, with what you would tell a friend as its first step."))
			box.Add(container.NewHBox(b))
		}
	case data.KindShame:
		pause := widgets.NewButtonWithIcon("Take a self-compassion break", theme.AccountIcon(), func() {
			if c := j.u.compassion(); c != nil {
				c.startBreak(&e.ID, entryAbout(e))
			}
		})
		pause.Importance = widget.HighImportance
		box.Add(container.NewHBox(pause))
		for _, b := range d.breaks {
			line := "Break taken " + dates.At(b.StartedAt.Local())
			if b.FinishedAt == nil {
				line += " (left half-way)"
			}
			if k := firstLine(b.Kindness); k != "" {
				line += ": “" + ui.MenuText(k) + "”"
			}
			box.Add(ui.Caption(line))
		}
		box.Add(ui.SectionTitle("Reframes"))
		box.Add(ui.WrapLabel("Shame talks about who you are. Mark the new story that helps with this one."))
		for _, r := range j.reframes {
			id := r.ID
			linked := e.ReframeID != nil && *e.ReframeID == id
			var action fyne.CanvasObject
			if linked {
				un := widgets.NewButtonWithIcon("This one helps me", theme.RadioButtonCheckedIcon(), func() { j.linkReframe(e.ID, nil) })
				un.Importance = widget.HighImportance
				action = container.NewHBox(un)
			} else {
				b := widgets.NewButtonWithIcon("This one helps", theme.RadioButtonIcon(), func() { j.linkReframe(e.ID, &id) })
				b.Importance = widget.LowImportance
				action = container.NewHBox(b)
			}
			box.Add(reframeCard(r, action))
		}
	default:
		box.Add(ui.SectionTitle(questionCheck))
		guilt := widgets.NewButton(kindChoiceLabels[data.KindGuilt], func() { j.setKind(e, data.KindGuilt) })
		shame := widgets.NewButton(kindChoiceLabels[data.KindShame], func() { j.setKind(e, data.KindShame) })
		box.Add(container.NewGridWithColumns(2, guilt, shame))
	}
	return box
}

// protocolCard shows a protocol and its steps in order.
func protocolCard(p data.Protocol) fyne.CanvasObject {
	steps := container.NewVBox()
	for i, s := range p.Steps {
		mark := strconv.Itoa(i+1) + ". "
		if s.DoneAt != nil {
			mark = "✓ " + mark
		}
		steps.Add(ui.WrapLabel(mark + s.Text))
	}
	if len(p.Steps) == 0 {
		steps.Add(ui.WrapLabel("No steps yet."))
	}
	title := widget.NewLabel(p.Title)
	title.TextStyle = fyne.TextStyle{Bold: true}
	title.Wrapping = fyne.TextWrapWord
	status := "Active"
	if p.Status == data.ProtocolDone {
		status = "In place"
	}
	sub := widget.NewLabel(status)
	sub.SizeName = theme.SizeNameCaptionText
	sub.Importance = widget.LowImportance
	return widget.NewCard("", "", container.NewVBox(title, sub, steps))
}

func (j *journalScreen) editEntry(id int64) {
	ui.Background(j.u.Host, func() (data.Entry, error) {
		return j.u.Store.Entry(id)
	}, func(e data.Entry) {
		// An unsaved edit of this entry is picked up where it was left.
		for _, d := range j.drafts {
			if d.EntryID != nil && *d.EntryID == id {
				j.openEditor(e, &d)
				j.showBanners()
				return
			}
		}
		j.openEditor(e, nil)
	})
}

func (j *journalScreen) startProtocol(id int64) {
	ui.Background(j.u.Host, func() (data.Protocol, error) {
		return j.u.Store.StartProtocol(id)
	}, func(p data.Protocol) {
		j.showEntry(id, "A next-time protocol now starts from this entry.")
		j.u.plan.EditProtocol(p.ID) // the draft, open to be made one's own
	})
}

func (j *journalScreen) linkReframe(entryID int64, reframeID *int64) {
	ui.BackgroundDo(j.u.Host, func() error {
		return j.u.Store.LinkReframe(entryID, reframeID)
	}, func() { j.showEntry(entryID) })
}

// setKind answers the check for an entry saved as not sure yet.
func (j *journalScreen) setKind(e data.Entry, k data.Kind) {
	e.Kind = k
	ui.Background(j.u.Host, func() (data.Entry, error) {
		return j.u.Store.SaveEntry(e, 0)
	}, func(saved data.Entry) {
		j.showEntry(saved.ID)
		j.list.reload(j.filters.current())
	})
}
