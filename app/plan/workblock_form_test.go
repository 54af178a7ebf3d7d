package plan

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/app/ui/uitest"
	"github.com/bothand/bothand/data"
)

func TestWorkBlockFormShowsThePlannedFinish(t *testing.T) {
	u, _ := newTestUI(t)
	day := uitest.WeekdayAfter(1)
	f := u.plan.showWorkBlockForm(data.WorkBlock{StartsAt: ui.At(day, 9, 0), EndsAt: ui.At(day, 11, 0)}, nil)
	if f.planned.Visible() || f.deadlineRow.Visible() {
		t.Error("deadline parts shown without a deadline")
	}
	f.hasDeadline.SetChecked(true)
	f.deadlineDate.SetDate(&day)
	uitest.SetText(f.deadlineTime, "17:00")
	f.buffer.SetSelected("2 h")
	if !f.planned.Visible() || !strings.Contains(f.planned.Text, "at 15:00") || !strings.Contains(f.planned.Text, "minus 2 h") {
		t.Errorf("planned finish %q", f.planned.Text)
	}
	f.hasDeadline.SetChecked(false)
	f.buffer.SetSelected("30 min")
	uitest.MustContain(t, f.planned.Text, "30 min after the work is kept free")
}

func TestWorkBlockFormRefusalsStayBesideTheFields(t *testing.T) {
	u, s := newTestUI(t)
	day := uitest.WeekdayAfter(1)
	var saved []data.WorkBlock
	f := u.plan.showWorkBlockForm(data.WorkBlock{StartsAt: ui.At(day, 9, 0), EndsAt: ui.At(day, 11, 0)},
		func(wb data.WorkBlock, _ data.Conflicts) { saved = append(saved, wb) })
	test.Tap(f.saveButton)
	uitest.MustContain(t, f.msgs[data.FieldTitle].Text, "Give the work a title")
	test.Type(f.title, "Invoices")
	uitest.SetText(f.to, "09:00")
	uitest.SetText(f.from, "09:00")
	test.Tap(f.saveButton)
	uitest.MustContain(t, f.msgs[data.FieldEndsAt].Text, "needs some length")
	uitest.SetText(f.to, "10:30")
	f.hasDeadline.SetChecked(true)
	f.deadlineDate.SetDate(&day)
	uitest.SetText(f.deadlineTime, "11:00")
	f.buffer.SetSelected("1 h")
	test.Tap(f.saveButton)
	uitest.MustContain(t, f.msgs[data.FieldEndsAt].Text, "after its planned finish")
	if blocks, _ := s.WorkBlocks(day, day.AddDate(0, 0, 1)); len(blocks) != 0 || len(saved) != 0 {
		t.Fatalf("stored %+v", blocks)
	}
	uitest.SetText(f.to, "10:00")
	test.Tap(f.saveButton)
	if len(saved) != 1 || saved[0].BufferMinutes != 60 || saved[0].DeadlineAt == nil || !saved[0].DeadlineAt.Equal(ui.At(day, 11, 0)) {
		t.Errorf("saved %+v", saved)
	}
}

func TestMoveAWorkBlock(t *testing.T) {
	_, s, ts := openTiers(t)
	day := uitest.WeekdayAfter(1)
	wb, _, err := s.SaveWorkBlock(data.WorkBlock{Client: "Acme", Title: "Call", StartsAt: ui.At(day, 9, 0), EndsAt: ui.At(day, 10, 0)}, "")
	if err != nil {
		t.Fatal(err)
	}
	ts.jump(day)
	uitest.MustContain(t, uitest.VisibleText(ts.agenda), "Acme · Call", "09:00–10:00")
	uitest.MenuItem(t, ts.workMenu(wb), "Move or change…").Action()
	uitest.SetText(ts.workForm.from, "14:00")
	uitest.SetText(ts.workForm.to, "15:00")
	test.Tap(ts.workForm.saveButton)
	back, _ := s.WorkBlock(wb.ID)
	if !back.StartsAt.Equal(ui.At(day, 14, 0)) || back.UUID != wb.UUID {
		t.Errorf("moved to %v", back.StartsAt)
	}
	uitest.MustContain(t, uitest.VisibleText(ts.agenda), "14:00–15:00")
	if d := time.Until(back.StartsAt); d < 0 {
		t.Error("moved into the past")
	}
}
