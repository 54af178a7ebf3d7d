package app

import (
	"errors"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
)

// wireStrip connects the pinned-slip strip to the journal.
func (u *UI) wireStrip() {
	u.strip.OnWrite = u.writeFirstSlip
	u.strip.OnRead = u.markSlipRead
	u.strip.OnNext = u.nextSlip
	u.strip.OnManage = u.showSlips
}

// slipState is what the strip and the tray show.
type slipState struct {
	pinned  data.Slip
	ok      bool
	count   int
	reading data.ReadingRecord
}

// loadStrip shows the pinned slip (or the invitation), the kind reading
// record, and refreshes the tray menu to match.
func (u *UI) loadStrip() {
	store := u.Store
	ui.Background(u.Host, func() (slipState, error) {
		var st slipState
		var err error
		if st.pinned, st.ok, err = store.PinnedSlip(); err != nil {
			return st, err
		}
		list, err := store.Slips()
		if err != nil {
			return st, err
		}
		st.count = len(list)
		st.reading, err = store.Readings(7)
		return st, err
	}, func(st slipState) {
		if st.ok {
			u.strip.SetSlip(st.pinned.Text)
		} else {
			u.strip.SetSlip("")
		}
		u.readToday = st.reading.ReadToday
		u.strip.SetCanCycle(st.count > 1)
		u.strip.SetRecord(st.reading.String(), st.reading.ReadToday)
		u.slipForTray(st.pinned.Text) // and tells the tray
	})
}

// writeFirstSlip stores the sentence typed into the empty strip and pins it.
// A refusal shows under the field and the sentence stays there.
func (u *UI) writeFirstSlip(text string) {
	if u.Store == nil {
		u.strip.ShowError("Your journal is still opening. Try again in a moment.")
		return
	}
	store := u.Store
	ui.Background(u.Host, func() (data.Slip, error) {
		return store.AddSlip(text, true)
	}, func(data.Slip) {
		u.loadStrip()
	}, func(err error) {
		u.strip.ShowError(slipErrorMessage(err))
	})
}

func (u *UI) markSlipRead() {
	store := u.Store
	ui.BackgroundDo(u.Host, func() error {
		return store.MarkSlipRead()
	}, func() { u.loadStrip() })
}

func (u *UI) nextSlip() {
	store := u.Store
	ui.Background(u.Host, func() (bool, error) {
		_, ok, err := store.PinNext()
		return ok, err
	}, func(bool) { u.loadStrip() })
}

// slipErrorMessage turns a refusal into a sentence for beside the field.
func slipErrorMessage(err error) string {
	var ve *data.ValidationError
	if errors.As(err, &ve) {
		return ve.Message
	}
	msg := "Couldn't save the slip: " + err.Error()
	if advice := data.Advice(err); advice != "" {
		msg += " " + advice
	}
	return msg
}
