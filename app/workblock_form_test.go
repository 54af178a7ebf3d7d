package app

import (
	"strings"
	"testing"
	"time"

	"github.com/bothand/bothand/app/ui"

	"fyne.io/fyne/v2/test"

	"github.com/bothand/bothand/data"
)

func TestWorkBlockFormShowsThePlannedFinish(t *testing.T) {
	u, _ := newTestUI(t)
	day := weekdayAfter(1)
	f := u.plan.showWorkBlockForm(data.WorkBlock{StartsAt: ui.At(day, 9, 0), EndsAt: ui.At(day, 11, 0)}, nil)
	if f.planned.Visible() || f.deadlineRow.Visible() {
		t.Error("deadline parts shown without a deadline")
	}
	f.hasDeadline.SetChecked(true)
	f.deadlineDate.SetDate(&day)
	setText(f.deadlineTime, "17:00")
	f.buffer.SetSelected("2 h")
	if !f.planned.Visible() || !strings.Contains(f.planned.Text, "at 15:00") || !strings.Contains(f.planned.Text, "minus 2 h") {
		t.Errorf("planned finish %q", f.planned.Text)
	}
	f.hasDeadline.SetChecked(false)
	f.buffer.SetSelected("30 min")
	mustContain(t, f.planned.Text, "30 min after the work is kept free")
}

func TestWorkBlockFormRefusalsStayBesideTheFields(t *testing.T) {
	u, s := newTestUI(t)
	day := weekdayAfter(1)
	var saved []data.WorkBlock
	f := u.plan.showWorkBlockForm(data.WorkBlock{StartsAt: ui.At(day, 9, 0), EndsAt: ui.At(day, 11, 0)},
		func(wb data.WorkBlock, _ data.Conflicts) { saved = append(saved, wb) })
	test.Tap(f.saveButton)
	mustContain(t, f.msgs[data.FieldTitle].Text, "Give the work a title")
	test.Type(f.title, "Invoices")
	setText(f.to, "09:00")
	setText(f.from, "09:00")
	test.Tap(f.saveButton)
	mustContain(t, f.msgs[data.FieldEndsAt].Text, "needs some length")
	setText(f.to, "10:30")
	f.hasDeadline.SetChecked(true)
	f.deadlineDate.SetDate(&day)
	setText(f.deadlineTime, "11:00")
	f.buffer.SetSelected("1 h")
	test.Tap(f.saveButton)
	mustContain(t, f.msgs[data.FieldEndsAt].Text, "after its planned finish")
	if blocks, _ := s.WorkBlocks(day, day.AddDate(0, 0, 1)); len(blocks) != 0 || len(saved) != 0 {
		t.Fatalf("stored %+v", blocks)
	}
	setText(f.to, "10:00")
	test.Tap(f.saveButton)
	if len(saved) != 1 || saved[0].BufferMinutes != 60 || saved[0].DeadlineAt == nil || !saved[0].DeadlineAt.Equal(ui.At(day, 11, 0)) {
		t.Errorf("saved %+v", saved)
	}
}

func TestMoveAWorkBlock(t *testing.T) {
	_, s, ts := openTiers(t)
	day := weekdayAfter(1)
	wb, _, err := s.SaveWorkBlock(data.WorkBlock{Client: "Acme", Title: "Call", StartsAt: ui.At(day, 9, 0), EndsAt: ui.At(day, 10, 0)}, "")
	if err != nil {
		t.Fatal(err)
	}
	ts.jump(day)
	mustContain(t, visibleText(ts.agenda), "Acme · Call", "09:00–10:00")
	menuItem(t, ts.workMenu(wb), "Move or change…").Action()
	setText(ts.workForm.from, "14:00")
	setText(ts.workForm.to, "15:00")
	test.Tap(ts.workForm.saveButton)
	back, _ := s.WorkBlock(wb.ID)
	if !back.StartsAt.Equal(ui.At(day, 14, 0)) || back.UUID != wb.UUID {
		t.Errorf("moved to %v", back.StartsAt)
	}
	mustContain(t, visibleText(ts.agenda), "14:00–15:00")
	if d := time.Until(back.StartsAt); d < 0 {
		t.Error("moved into the past")
	}
}
