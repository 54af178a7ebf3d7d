package app

import (
	"errors"

	"github.com/bothand/bothand/data"
)

// loadStrip shows the pinned slip, or the invitation to write one.
func (u *UI) loadStrip() {
	type pinned struct {
		slip data.Slip
		ok   bool
	}
	background(u, func() (pinned, error) {
		slip, ok, err := u.store.PinnedSlip()
		return pinned{slip, ok}, err
	}, func(p pinned) {
		if p.ok {
			u.strip.SetSlip(p.slip.Text)
		} else {
			u.strip.SetSlip("")
		}
	})
}

// writeFirstSlip stores the sentence typed into the empty strip and pins it.
// A refusal shows under the field and the sentence stays there.
func (u *UI) writeFirstSlip(text string) {
	if u.store == nil {
		u.strip.ShowError("Your journal is still opening. Try again in a moment.")
		return
	}
	background(u, func() (data.Slip, error) {
		return u.store.AddSlip(text, true)
	}, func(s data.Slip) {
		u.strip.SetSlip(s.Text)
	}, func(err error) {
		var ve *data.ValidationError
		if errors.As(err, &ve) {
			u.strip.ShowError(ve.Message)
			return
		}
		msg := "Couldn't save the slip: " + err.Error()
		if advice := data.Advice(err); advice != "" {
			msg += " " + advice
		}
		u.strip.ShowError(msg)
	})
}
