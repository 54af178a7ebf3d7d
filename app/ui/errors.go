package ui

import (
	"errors"
	"log/slog"

	"fyne.io/fyne/v2/container"

	"github.com/bothand/bothand/data"
)

// ShowError tells the person what went wrong and what to do, in a dialog.
// Validation problems usually show beside the field instead; this is for
// everything else.
func (h *Host) ShowError(err error) {
	if h.Closed {
		// Work started before the lock ends on a closed journal; the
		// window shows the unlock form alone.
		slog.Info("after the lock", "err", err)
		return
	}
	var ve *data.ValidationError
	if errors.As(err, &ve) {
		h.Inform(DlgCheck, "Please check", ve.Message)
		return
	}
	body := WrapLabel(err.Error())
	content := container.NewVBox(body)
	if advice := data.Advice(err); advice != "" {
		content.Add(WrapLabel(advice))
	}
	slog.Error("shown to the person", "err", err)
	h.InformWith(DlgError, "That didn't work", content)
}
