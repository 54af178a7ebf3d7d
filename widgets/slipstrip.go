// Package widgets holds Both/And's reusable Fyne widgets. They take values
// and callbacks and never touch the store, so they test without a journal.
package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// SlipStrip is the pinned permission slip shown across the top of the
// window. With no slip it invites the person to write one; with one it shows
// the sentence in large type, a quiet "I read it" and a way to the next slip.
type SlipStrip struct {
	widget.BaseWidget

	// OnWrite is called with the sentence typed into the empty strip. The
	// text stays in the field until SetSlip shows it as pinned, so a failed
	// save loses nothing.
	OnWrite func(text string)
	// OnRead records that the slip was read this morning.
	OnRead func()
	// OnNext pins the next slip.
	OnNext func()
	// OnManage opens the list of slips to add, edit, reorder or pin.
	OnManage func()

	text    string
	record  string
	read    bool
	canNext bool

	background   *canvas.Rectangle
	caption      *widget.Label
	slip         *widget.Label
	recordLine   *widget.Label
	readButton   *Button
	nextButton   *Button
	manageButton *Button
	entry        *Entry
	pinButton    *Button
	errorLine    *widget.Label
	shown        *fyne.Container
	empty        *fyne.Container
}

// NewSlipStrip returns an empty strip, inviting a first slip.
func NewSlipStrip() *SlipStrip {
	s := &SlipStrip{}
	s.ExtendBaseWidget(s)

	s.background = canvas.NewRectangle(color.Transparent)
	s.background.CornerRadius = theme.Padding() * 2
	s.caption = widget.NewLabel("Permission slip")
	s.caption.SizeName = theme.SizeNameCaptionText
	s.caption.Importance = widget.HighImportance
	s.slip = widget.NewLabel("")
	s.slip.SizeName = theme.SizeNameSubHeadingText
	s.slip.Wrapping = fyne.TextWrapWord
	s.slip.TextStyle = fyne.TextStyle{Bold: true}
	// The record keeps the label's usual colour: a low-importance label is
	// drawn in the disabled colour, too faint to read on the strip.
	s.recordLine = widget.NewLabel("")
	s.recordLine.SizeName = theme.SizeNameCaptionText
	s.readButton = NewButtonWithIcon("I read it", theme.ConfirmIcon(), func() {
		if s.OnRead != nil {
			s.OnRead()
		}
	})
	s.readButton.Importance = widget.LowImportance
	s.nextButton = NewButtonWithIcon("Next slip", theme.NavigateNextIcon(), func() {
		if s.OnNext != nil {
			s.OnNext()
		}
	})
	s.nextButton.Importance = widget.LowImportance
	s.manageButton = NewButtonWithIcon("All slips", theme.ListIcon(), func() {
		if s.OnManage != nil {
			s.OnManage()
		}
	})
	s.manageButton.Importance = widget.LowImportance

	s.entry = NewEntry()
	s.entry.SetPlaceHolder("Write one sentence you need to hear")
	s.entry.OnSubmitted = func(string) { s.submit() }
	s.pinButton = NewButtonWithIcon("Pin it", theme.ContentAddIcon(), s.submit)
	s.pinButton.Importance = widget.HighImportance
	s.errorLine = widget.NewLabel("")
	s.errorLine.Importance = widget.DangerImportance
	s.errorLine.Wrapping = fyne.TextWrapWord
	s.errorLine.Hide()

	invite := widget.NewLabel("Your permission slip: one sentence you need to hear, kept in view every day.")
	invite.Wrapping = fyne.TextWrapWord
	invite.SizeName = theme.SizeNameCaptionText
	s.empty = container.NewVBox(invite,
		container.NewBorder(nil, nil, nil, s.pinButton, s.entry),
		s.errorLine)
	footer := container.NewHBox(s.recordLine, layout.NewSpacer(), s.readButton, s.nextButton, s.manageButton)
	s.shown = container.NewBorder(s.caption, footer, nil, nil, s.slip)
	s.refreshState()
	return s
}

// SetSlip shows text as the pinned slip, or the invitation when text is "".
func (s *SlipStrip) SetSlip(text string) {
	if text != "" && text != s.text {
		s.entry.SetText("")
		s.errorLine.Hide()
	}
	s.text = text
	s.refreshState()
}

// Text is the slip shown, "" when none.
func (s *SlipStrip) Text() string { return s.text }

// SetRecord shows how often the slip was read, kindly ("Read on 4 of the
// last 7 mornings"), and whether today's reading is already recorded.
func (s *SlipStrip) SetRecord(record string, readToday bool) {
	s.record, s.read = record, readToday
	s.refreshState()
}

// SetCanCycle shows the "Next slip" action when there is more than one slip.
func (s *SlipStrip) SetCanCycle(can bool) {
	s.canNext = can
	s.refreshState()
}

// ShowError shows msg under the field of the empty strip; the typed text stays.
func (s *SlipStrip) ShowError(msg string) {
	s.errorLine.SetText(msg)
	s.errorLine.Show()
}

// Entry is the field of the empty strip, for focusing it from the window.
func (s *SlipStrip) Entry() *Entry { return s.entry }

func (s *SlipStrip) submit() {
	if s.OnWrite != nil {
		s.OnWrite(s.entry.Text)
	}
}

func (s *SlipStrip) refreshState() {
	s.slip.SetText(s.text)
	s.recordLine.SetText(s.record)
	if s.record == "" {
		s.recordLine.Hide()
	} else {
		s.recordLine.Show()
	}
	if s.read {
		s.readButton.SetText("Read today")
		s.readButton.Disable()
	} else {
		s.readButton.SetText("I read it")
		s.readButton.Enable()
	}
	if s.OnRead == nil {
		s.readButton.Hide()
	} else {
		s.readButton.Show()
	}
	if s.canNext && s.OnNext != nil {
		s.nextButton.Show()
	} else {
		s.nextButton.Hide()
	}
	if s.OnManage != nil {
		s.manageButton.Show()
	} else {
		s.manageButton.Hide()
	}
	if s.text == "" {
		s.shown.Hide()
		s.empty.Show()
	} else {
		s.empty.Hide()
		s.shown.Show()
	}
	s.Refresh()
}

// CreateRenderer draws the strip on a softly tinted, rounded card.
func (s *SlipStrip) CreateRenderer() fyne.WidgetRenderer {
	content := container.New(layout.NewCustomPaddedLayout(0, 0, theme.Padding(), theme.Padding()),
		container.NewStack(s.shown, s.empty))
	return &slipStripRenderer{strip: s, objects: []fyne.CanvasObject{s.background, content}, content: content}
}

type slipStripRenderer struct {
	strip   *SlipStrip
	objects []fyne.CanvasObject
	content *fyne.Container
}

func (r *slipStripRenderer) Layout(size fyne.Size) {
	r.strip.background.Resize(size)
	r.content.Resize(size)
}

func (r *slipStripRenderer) MinSize() fyne.Size { return r.content.MinSize() }

func (r *slipStripRenderer) Refresh() {
	r.strip.background.FillColor = tint(theme.Color(theme.ColorNamePrimary), 0x22)
	r.strip.background.CornerRadius = theme.Padding() * 2
	r.strip.background.Refresh()
	r.content.Refresh()
}

func (r *slipStripRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *slipStripRenderer) Destroy() {}

// tint returns c with the given alpha, for soft card backgrounds that work on
// light and dark themes alike.
func tint(c color.Color, alpha uint8) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: alpha}
}
