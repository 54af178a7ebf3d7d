package app

import (
	"fmt"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/dates"
	"github.com/bothand/bothand/widgets"
)

const noCommitment = "Not about a commitment"

// commitmentLink lets an entry name the commitment on the Tiers it is about,
// and shows that commitment's kept record beside the friend question, so
// the kind answer can rest on evidence rather than on the harshest story.
type commitmentLink struct {
	e      *entryEditor
	sel    *widgets.Select
	record *widget.Label
	ids    map[string]int64
}

func newCommitmentLink(e *entryEditor) *commitmentLink {
	c := &commitmentLink{e: e, ids: map[string]int64{}}
	c.sel = widgets.NewSelect([]string{noCommitment}, nil)
	c.sel.SetSelected(noCommitment)
	c.record = widget.NewLabel("")
	c.record.Wrapping = fyne.TextWrapWord
	c.record.Importance = widget.HighImportance
	c.record.Hide()
	return c
}

// load fills the choices: the commitments still happening, plus the one the
// entry already names even if it is over.
func (c *commitmentLink) load() {
	store := c.e.j.u.Store
	current := c.e.base.CommitmentID
	ui.Background(c.e.j.u.Host, func() ([]data.Commitment, error) {
		list, err := store.CurrentCommitments()
		if err != nil || current == nil {
			return list, err
		}
		for _, cm := range list {
			if cm.ID == *current {
				return list, nil
			}
		}
		if cm, err := store.Commitment(*current); err == nil {
			list = append(list, cm)
		}
		return list, nil
	}, c.show)
}

func (c *commitmentLink) show(list []data.Commitment) {
	sort.SliceStable(list, func(i, j int) bool {
		if list[i].Tier != list[j].Tier {
			return list[i].Tier < list[j].Tier
		}
		return list[i].Title < list[j].Title
	})
	options := []string{noCommitment}
	c.ids = map[string]int64{}
	selected := noCommitment
	for _, cm := range list {
		label := fmt.Sprintf("%s · tier %d", cm.Title, cm.Tier)
		if _, dup := c.ids[label]; dup {
			label += " (" + dates.WithYear(cm.StartsAt.Local()) + ")"
		}
		c.ids[label] = cm.ID
		options = append(options, label)
		if c.e.base.CommitmentID != nil && *c.e.base.CommitmentID == cm.ID {
			selected = label
		}
	}
	c.sel.OnChanged = nil
	c.sel.SetOptions(options)
	c.sel.SetSelected(selected)
	c.sel.OnChanged = c.changed
	c.showRecord()
}

func (c *commitmentLink) changed(label string) {
	if id, ok := c.ids[label]; ok {
		c.e.base.CommitmentID = &id
	} else {
		c.e.base.CommitmentID = nil
	}
	c.e.changed()
	c.showRecord()
}

// showRecord reads the kept record of the chosen commitment.
func (c *commitmentLink) showRecord() {
	id := c.e.base.CommitmentID
	if id == nil {
		c.record.Hide()
		return
	}
	store, title := c.e.j.u.Store, c.sel.Selected
	ui.Background(c.e.j.u.Host, func() (string, error) {
		cm, err := store.Commitment(*id)
		if err != nil {
			return "", err
		}
		kept, of, err := store.KeptRecord(*id, 10)
		return keptSentence(cm.Title, kept, of), err
	}, func(text string) {
		if c.sel.Selected != title {
			return // changed again meanwhile
		}
		c.record.SetText(text)
		c.record.Show()
	})
}

// keptSentence states the record plainly: evidence, not a verdict.
func keptSentence(title string, kept, of int) string {
	switch {
	case of == 0:
		return fmt.Sprintf("The facts: no occurrence of “%s” is marked kept or missed yet.", title)
	case of == 1 && kept == 1:
		return fmt.Sprintf("The facts: you kept the one marked occurrence of “%s”.", title)
	default:
		return fmt.Sprintf("The facts: you kept “%s” %d of the last %d times.", title, kept, of)
	}
}
