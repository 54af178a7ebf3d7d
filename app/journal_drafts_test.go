package app

import (
	"testing"

	"github.com/bothand/bothand/app/ui/uitest"
	"github.com/bothand/bothand/data"
)

// queue holds background work until the test lets it run, so a draft save
// can still be under way when the person saves the entry.
type queue struct{ jobs []func() }

func (q *queue) run() {
	for len(q.jobs) > 0 {
		job := q.jobs[0]
		q.jobs = q.jobs[1:]
		job()
	}
}

func TestSaveWaitsForTheDraftUnderWayAndLeavesNoDraft(t *testing.T) {
	u, s, j := newJournalUI(t)
	uitest.Press(t, u.Host, shortcutNew)
	q := &queue{}
	u.Async = func(f func()) { q.jobs = append(q.jobs, f) }

	uitest.TypeText(u.Host, "Quick")
	// The wait before the draft save, then the save itself, are queued.
	q.jobs[0]() // the wait ends: the draft save starts and is under way
	q.jobs = q.jobs[1:]
	if !j.editor.keeper.inFlight {
		t.Fatal("no draft save under way")
	}
	uitest.TypeText(u.Host, " save")
	uitest.Press(t, u.Host, shortcutSave) // must wait for the draft save
	q.run()

	if j.editor != nil {
		t.Fatalf("editor still open:\n%s", uitest.ShownText(u.Host))
	}
	page, _ := s.EntryPage(data.EntryFilter{}, nil, 5)
	if len(page.Rows) != 1 || page.Rows[0].Trigger != "Quick save" {
		t.Fatalf("stored %+v", page.Rows)
	}
	if drafts, _ := s.Drafts(); len(drafts) != 0 {
		t.Errorf("a draft outlived the save: %+v", drafts)
	}
}

func TestEmptiedNewEntryLeavesNoDraft(t *testing.T) {
	u, s, j := newJournalUI(t)
	uitest.Press(t, u.Host, shortcutNew)
	uitest.TypeText(u.Host, "x")
	if drafts, _ := s.Drafts(); len(drafts) != 1 {
		t.Fatalf("drafts while typing = %d", len(drafts))
	}
	j.editor.trigger.SetText("")
	if drafts, _ := s.Drafts(); len(drafts) != 0 {
		t.Errorf("an emptied entry keeps a draft: %+v", drafts)
	}
	uitest.Press(t, u.Host, shortcutNew) // nothing written: the same editor, no draft
	if j.editor == nil {
		t.Fatal("no editor")
	}
	if drafts, _ := s.Drafts(); len(drafts) != 0 {
		t.Errorf("drafts = %+v", drafts)
	}
}

func TestQuitKeepsTheLastWordsTyped(t *testing.T) {
	u, s, _ := newJournalUI(t)
	uitest.Press(t, u.Host, shortcutNew)
	q := &queue{}
	u.Async = func(f func()) { q.jobs = append(q.jobs, f) }
	uitest.TypeText(u.Host, "typed just before closing")
	q.jobs = nil // the draft's wait never ends: the window closes first
	u.quit()
	q.run()
	drafts, _ := s.Drafts()
	if len(drafts) != 1 || drafts[0].Trigger != "typed just before closing" {
		t.Fatalf("drafts after quitting = %+v", drafts)
	}
}
