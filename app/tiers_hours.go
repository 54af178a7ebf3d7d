package app

import (
	"time"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/data"

	"github.com/bothand/bothand/widgets"
)

// editWorkHours sets the hours in which free slots are suggested.
func (t *tiersScreen) editWorkHours() {
	background(t.u, func() (data.WorkHours, error) {
		return t.u.store.WorkHours()
	}, t.showWorkHours)
}

func (t *tiersScreen) showWorkHours(h data.WorkHours) {
	days := widgets.NewCheckGroup(weekdayChoices(), nil)
	days.Horizontal = true
	var on []string
	for wd := time.Sunday; wd <= time.Saturday; wd++ {
		if h.Days[wd] {
			on = append(on, shortDay(wd))
		}
	}
	days.SetSelected(on)
	from := newClockField(int(h.Start/time.Hour), int(h.Start%time.Hour/time.Minute))
	to := newClockField(int(h.End/time.Hour), int(h.End%time.Hour/time.Minute))
	msg := newFieldMessage()
	content := container.NewVBox(
		wrapLabel("When a work block is refused, the next free slot is looked for within these hours."),
		days,
		container.NewGridWithColumns(2,
			container.NewBorder(nil, nil, widget.NewLabel("From"), nil, from),
			container.NewBorder(nil, nil, widget.NewLabel("to"), nil, to)),
		msg)
	d := t.u.newDialog(dlgWorkingHours, "Working hours", content)
	d.form = true
	d.cancelButton("Cancel", nil)
	d.defaultButton("Save", nil, func() {
		var wh data.WorkHours
		for _, name := range days.Selected {
			if wd, ok := weekdayNamed(name); ok {
				wh.Days[wd] = true
			}
		}
		h1, m1, err := parseClock(from.Text)
		if err != nil {
			msg.show("Start: " + err.Error())
			return
		}
		h2, m2, err := parseClock(to.Text)
		if err != nil {
			msg.show("End: " + err.Error())
			return
		}
		wh.Start = time.Duration(h1)*time.Hour + time.Duration(m1)*time.Minute
		wh.End = time.Duration(h2)*time.Hour + time.Duration(m2)*time.Minute
		backgroundDo(t.u, func() error {
			return t.u.store.SetWorkHours(wh)
		}, func() { d.hide() }, func(err error) { msg.show(err.Error()) })
	})
	d.show(460, 0, nil)
}
