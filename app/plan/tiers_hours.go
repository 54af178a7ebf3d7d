package plan

import (
	"time"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/widgets"
)

// editWorkHours sets the hours in which free slots are suggested.
func (t *tiersScreen) editWorkHours() {
	ui.Background(t.plan.Host, func() (data.WorkHours, error) {
		return t.plan.Store.WorkHours()
	}, t.showWorkHours)
}

func (t *tiersScreen) showWorkHours(h data.WorkHours) {
	days := widgets.NewCheckGroup(ui.WeekdayChoices(), nil)
	days.Horizontal = true
	var on []string
	for wd := time.Sunday; wd <= time.Saturday; wd++ {
		if h.Days[wd] {
			on = append(on, ui.ShortDay(wd))
		}
	}
	days.SetSelected(on)
	from := ui.NewClockField(int(h.Start/time.Hour), int(h.Start%time.Hour/time.Minute))
	to := ui.NewClockField(int(h.End/time.Hour), int(h.End%time.Hour/time.Minute))
	msg := ui.NewFieldMessage()
	content := container.NewVBox(
		ui.WrapLabel("When a work block is refused, the next free slot is looked for within these hours."),
		days,
		container.NewGridWithColumns(2,
			container.NewBorder(nil, nil, widget.NewLabel("From"), nil, from),
			container.NewBorder(nil, nil, widget.NewLabel("to"), nil, to)),
		msg)
	d := t.plan.NewDialog(ui.DlgWorkingHours, "Working hours", content)
	d.Form = true
	d.CancelButton("Cancel", nil)
	d.DefaultButton("Save", nil, func() {
		var wh data.WorkHours
		for _, name := range days.Selected {
			if wd, ok := ui.WeekdayNamed(name); ok {
				wh.Days[wd] = true
			}
		}
		h1, m1, err := ui.ParseClock(from.Text)
		if err != nil {
			msg.Say("Start: " + err.Error())
			return
		}
		h2, m2, err := ui.ParseClock(to.Text)
		if err != nil {
			msg.Say("End: " + err.Error())
			return
		}
		wh.Start = time.Duration(h1)*time.Hour + time.Duration(m1)*time.Minute
		wh.End = time.Duration(h2)*time.Hour + time.Duration(m2)*time.Minute
		ui.BackgroundDo(t.plan.Host, func() error {
			return t.plan.Store.SetWorkHours(wh)
		}, func() { d.Hide() }, func(err error) { msg.Say(err.Error()) })
	})
	d.Show(460, 0, nil)
}
