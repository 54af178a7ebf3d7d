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
// Once today's reading is recorded it folds to one line, the slip still in
// view and its actions a click away, and gives the window back its height;
// it unfolds on request.
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
	// unfolded keeps the whole strip shown after today's reading, as
	// asked; folding it again clears it.
	unfolded bool

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
	foldButton   *Button
	shown        *fyne.Container
	empty        *fyne.Container

	// The folded strip: one line.
	lineCaption  *widget.Label
	line         *widget.Label
	lineNext     *Button
	lineManage   *Button
	unfoldButton *Button
	folded       *fyne.Container
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
	s.foldButton = NewIconButton("Fold the slip to one line", theme.MenuDropUpIcon(), func() { s.setUnfolded(false) })
	s.foldButton.Importance = widget.LowImportance
	// The caption shares the line of the record and the actions, so the
	// open strip is two lines: the slip, and what can be done with it.
	footer := container.NewHBox(s.caption, s.recordLine, layout.NewSpacer(), s.readButton, s.nextButton, s.manageButton, s.foldButton)
	s.shown = container.NewBorder(nil, footer, nil, nil, s.slip)

	s.lineCaption = widget.NewLabel("Permission slip")
	s.lineCaption.SizeName = theme.SizeNameCaptionText
	s.lineCaption.Importance = widget.HighImportance
	s.line = widget.NewLabel("")
	s.line.TextStyle = fyne.TextStyle{Bold: true}
	s.line.Truncation = fyne.TextTruncateEllipsis
	s.lineNext = NewIconButton("Next slip", theme.NavigateNextIcon(), s.nextButton.OnTapped)
	s.lineNext.Importance = widget.LowImportance
	s.lineManage = NewIconButton("All slips", theme.ListIcon(), s.manageButton.OnTapped)
	s.lineManage.Importance = widget.LowImportance
	s.unfoldButton = NewIconButton("Show the whole slip", theme.MenuDropDownIcon(), func() { s.setUnfolded(true) })
	s.unfoldButton.Importance = widget.LowImportance
	s.folded = container.NewBorder(nil, nil, container.NewCenter(s.lineCaption),
		container.NewHBox(s.lineNext, s.lineManage, s.unfoldButton), s.line)
	s.refreshState()
	return s
}

// Folded says whether the strip shows one line.
func (s *SlipStrip) Folded() bool { return s.folded.Visible() }

func (s *SlipStrip) setUnfolded(on bool) {
	s.unfolded = on
	s.refreshState()
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
	s.line.SetText(s.text)
	s.lineNext.Hidden = s.nextButton.Hidden
	s.lineManage.Hidden = s.manageButton.Hidden
	s.foldButton.Hidden = !s.read
	fold := s.text != "" && s.read && !s.unfolded
	switch {
	case s.text == "":
		s.shown.Hide()
		s.folded.Hide()
		s.empty.Show()
	case fold:
		s.shown.Hide()
		s.empty.Hide()
		s.folded.Show()
	default:
		s.empty.Hide()
		s.folded.Hide()
		s.shown.Show()
	}
	s.Refresh()
}

// CreateRenderer draws the strip on a softly tinted, rounded card.
func (s *SlipStrip) CreateRenderer() fyne.WidgetRenderer {
	content := container.New(layout.NewCustomPaddedLayout(0, 0, theme.Padding(), theme.Padding()),
		container.NewStack(s.shown, s.empty, s.folded))
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
	r.strip.background.FillColor = tint(theme.Color(theme.ColorNamePrimary), SlipTint)
	r.strip.background.CornerRadius = theme.Padding() * 2
	r.strip.background.Refresh()
	r.content.Refresh()
}

func (r *slipStripRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *slipStripRenderer) Destroy() {}

// SlipTint is the opacity of the primary colour the strip's card is
// tinted with; the app's theme checks its text stays readable on it.
const SlipTint = 0x22

// tint returns c with the given alpha, for soft card backgrounds that work on
// light and dark themes alike.
func tint(c color.Color, alpha uint8) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: alpha}
}
