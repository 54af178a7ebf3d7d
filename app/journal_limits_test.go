package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/bothand/bothand/app/ui/uitest"
	"github.com/bothand/bothand/data"
)

// TestATenMegabytePasteIsRefusedWithAMessage pastes ten megabytes into an
// answer: it is refused at once with a message under the field, what was
// typed stays, and a paste that fits still works and is saved.
func TestATenMegabytePasteIsRefusedWithAMessage(t *testing.T) {
	u, s, j := newJournalUI(t)
	uitest.Press(t, u.Host, shortcutNew)
	uitest.TypeText(u.Host, "Late pickup again. ")
	clip := fyne.CurrentApp().Clipboard()

	clip.SetContent(strings.Repeat("0123456789", 1<<20))
	start := time.Now()
	uitest.Press(t, u.Host, &fyne.ShortcutPaste{Clipboard: clip})
	if took := time.Since(start); took > time.Second {
		t.Errorf("refusing the paste took %v", took)
	}
	if got := j.editor.trigger.Text; got != "Late pickup again. " {
		t.Fatalf("after the refused paste the answer is %d characters", len(got))
	}
	if !strings.Contains(uitest.VisibleText(u.Win.Content()), "That paste is 10,485,760 characters long and this field holds up to 100,000") {
		t.Error("no message about the refused paste")
	}

	clip.SetContent("The teacher was kind about it.")
	uitest.Press(t, u.Host, &fyne.ShortcutPaste{Clipboard: clip})
	uitest.Press(t, u.Host, shortcutSave)
	page, err := s.EntryPage(data.EntryFilter{}, nil, 5)
	if err != nil || len(page.Rows) != 1 {
		t.Fatalf("entries after saving: %+v, %v", page.Rows, err)
	}
	e, _ := s.Entry(page.Rows[0].ID)
	if e.Trigger != "Late pickup again. The teacher was kind about it." {
		t.Errorf("stored %q", e.Trigger)
	}
}

func TestAHugePasteIntoSearchIsRefused(t *testing.T) {
	u, _, j := newJournalUI(t)
	// The search shows once there is something to search.
	uitest.Press(t, u.Host, shortcutNew)
	uitest.TypeText(u.Host, "Snapped at bedtime")
	uitest.Press(t, u.Host, shortcutSave)
	u.Win.Canvas().Focus(j.filters.search)
	clip := fyne.CurrentApp().Clipboard()
	clip.SetContent(strings.Repeat("word ", 1<<20))
	uitest.Press(t, u.Host, &fyne.ShortcutPaste{Clipboard: clip})
	if j.filters.search.Text != "" {
		t.Errorf("the search field took %d characters", len(j.filters.search.Text))
	}
	if !strings.Contains(uitest.VisibleText(u.Win.Content()), "this field holds up to 1,000") {
		t.Error("no message about the refused paste")
	}
}
