package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/bothand/bothand/app/ui/uitest"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/prose"
	"github.com/bothand/bothand/data/transfer"
	"github.com/bothand/bothand/widgets"
)

func TestJournalStartsWithAnInvitationThatOpensTheEditor(t *testing.T) {
	u, _, j := newJournalUI(t)
	uitest.MustContain(t, uitest.ShownText(u.Host), "Your guilt journal")
	if j.split.Visible() {
		t.Error("the empty journal shows the list")
	}
	test.Tap(uitest.FindAction(t, u.Host, "Write your first entry"))
	if j.editor == nil || u.Win.Canvas().Focused() != j.editor.trigger {
		t.Fatalf("the first action did not open the editor with the cursor in the first question")
	}
	uitest.MustContain(t, uitest.ShownText(u.Host), questionTrigger)
}

func TestCreateAnEntryByKeyboardOnly(t *testing.T) {
	u, s, j := newJournalUI(t)
	// Ctrl+N works from anywhere, even from inside another text field.
	u.Win.Canvas().Focus(u.strip.Entry())
	uitest.Press(t, u.Host, shortcutNew)
	if j.editor == nil || u.Win.Canvas().Focused() != j.editor.trigger {
		t.Fatal("Ctrl+N did not put the cursor in the first question")
	}
	uitest.TypeText(u.Host, "Missed the school play for a client call")
	uitest.PressKey(u.Host, fyne.KeyTab)
	if u.Win.Canvas().Focused() != j.editor.story {
		t.Fatalf("Tab from the first question went to %T", u.Win.Canvas().Focused())
	}
	uitest.TypeText(u.Host, "I keep choosing work over them")
	// Tab past the three answers of the check and the commitment the entry
	// is about, to the friend question.
	for range 5 {
		uitest.PressKey(u.Host, fyne.KeyTab)
	}
	if u.Win.Canvas().Focused() != j.editor.friend {
		t.Fatalf("five Tabs from the story went to %T", u.Win.Canvas().Focused())
	}
	// The form scrolled so that the field with the cursor is in view.
	d := fyne.CurrentApp().Driver()
	view, field := d.AbsolutePositionForObject(j.editor.scroll), d.AbsolutePositionForObject(j.editor.friend)
	if field.Y < view.Y || field.Y+j.editor.friend.Size().Height > view.Y+j.editor.scroll.Size().Height {
		t.Errorf("the friend question (y %v to %v) is outside the view (y %v to %v)", field.Y,
			field.Y+j.editor.friend.Size().Height, view.Y, view.Y+j.editor.scroll.Size().Height)
	}
	uitest.TypeText(u.Host, "One play doesn't define you")
	uitest.PressKey(u.Host, fyne.KeyTab, true)
	uitest.PressKey(u.Host, fyne.KeyTab)
	if u.Win.Canvas().Focused() != j.editor.friend {
		t.Fatal("Shift+Tab then Tab did not come back to the friend question")
	}
	uitest.Press(t, u.Host, shortcutSave) // while the cursor is in the text field

	if j.editor != nil {
		t.Fatalf("the editor is still open:\n%s", uitest.ShownText(u.Host))
	}
	page, err := s.EntryPage(data.EntryFilter{}, nil, 10)
	if err != nil || len(page.Rows) != 1 {
		t.Fatalf("stored: %+v, %v", page, err)
	}
	e, _ := s.Entry(page.Rows[0].ID)
	if e.Trigger != "Missed the school play for a client call" || e.Story != "I keep choosing work over them" ||
		e.Friend != "One play doesn't define you" || e.Intensity != 5 || e.Kind != data.KindUnsure {
		t.Errorf("stored entry = %+v", e)
	}
	if drafts, _ := s.Drafts(); len(drafts) != 0 {
		t.Errorf("the draft outlived the save: %+v", drafts)
	}
	uitest.MustContain(t, uitest.ShownText(u.Host), "Saved.")
	if got := listedTriggers(j); len(got) != 1 || got[0] != e.Trigger {
		t.Errorf("list shows %q", got)
	}

	// And search finds it, by keyboard too.
	uitest.Press(t, u.Host, shortcutSearch)
	if u.Win.Canvas().Focused() != j.filters.search {
		t.Fatal("Ctrl+F did not focus search")
	}
	uitest.TypeText(u.Host, "PLAY")
	if got := listedTriggers(j); len(got) != 1 {
		t.Fatalf("search for play lists %q", got)
	}
	uitest.MustContain(t, uitest.ShownText(u.Host), "play")
	var matched []string
	for _, r := range j.list.rows[0].Snippet {
		if r.Match {
			matched = append(matched, r.Text)
		}
	}
	if strings.Join(matched, ",") != "play" {
		t.Errorf("highlighted %q", matched)
	}
	uitest.PressKey(u.Host, fyne.KeyEscape) // clears the search
	uitest.TypeText(u.Host, "nowhere")
	if got := listedTriggers(j); len(got) != 0 {
		t.Errorf("search for a missing word lists %q", got)
	}
	uitest.MustContain(t, uitest.ShownText(u.Host), "No entry holds all of these words")
}

func TestSearchFieldTakesAnyText(t *testing.T) {
	u, s, j := newJournalUI(t)
	s.SaveEntry(data.Entry{Trigger: "School run (again)", Story: "NEAR the gate, AND late"}, 0)
	j.Load()
	for _, q := range []string{`"school`, `school*`, `-school`, `(school`, `NEAR(the`, `AND`, `😀 school`, `"`} {
		j.filters.search.SetText(q)
		want := 1
		if q == `"` {
			want = 0
		}
		if got := listedTriggers(j); len(got) != want {
			t.Errorf("search %q lists %q", q, got)
		}
	}
	j.filters.search.SetText("😀")
	uitest.MustContain(t, uitest.ShownText(u.Host), "Search looks for words")
	if len(u.Win.Canvas().Overlays().List()) != 0 {
		t.Errorf("a dialog opened:\n%s", uitest.ShownText(u.Host))
	}
}

func TestGuiltRouteCreatesALinkedProtocol(t *testing.T) {
	u, s, j := newJournalUI(t)
	uitest.Press(t, u.Host, shortcutNew)
	ed := j.editor
	uitest.TypeText(u.Host, "Missed his sprint race for a client call")
	test.Type(ed.story, "I put money first")
	test.Tap(uitest.FindAction(t, u.Host, kindChoiceLabels[data.KindGuilt]))
	uitest.MustContain(t, uitest.ShownText(u.Host), "Guilt points at something you did")
	test.Type(ed.friend, "Put school events in the calendar the day they're announced")
	test.Tap(uitest.FindAction(t, u.Host, "What's my next-time protocol?"))

	page, _ := s.EntryPage(data.EntryFilter{}, nil, 10)
	if len(page.Rows) != 1 || page.Rows[0].Kind != data.KindGuilt {
		t.Fatalf("stored rows = %+v", page.Rows)
	}
	protocols, err := s.EntryProtocols(page.Rows[0].ID)
	if err != nil || len(protocols) != 1 {
		t.Fatalf("protocols = %+v, %v", protocols, err)
	}
	// A real draft: the template that fits (a client call over family
	// time), named after it, the friend answer as its first step.
	p := protocols[0]
	tpl, _ := data.ProtocolTemplateByKey("block-client-time")
	if p.TemplateKey != tpl.Key || p.Title != tpl.Title || len(p.Steps) != len(tpl.Steps)+1 ||
		p.Steps[0].Text != "Put school events in the calendar the day they're announced" {
		t.Errorf("protocol = %+v", p)
	}
	// It opens for editing on the Protocols tab, the cursor in its name.
	if title, ok := u.Win.Canvas().Focused().(*widgets.Entry); u.tabs.Selected().Text != "Protocols" || !ok || title.Text != p.Title {
		t.Fatal("the new protocol did not open for editing, the cursor in its name")
	}
	uitest.MustContain(t, uitest.VisibleText(u.plan.Protocols().View()), "0 of 5 steps done")

	// The entry shows it and leads there, and back.
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Open the journal entry it came from"))
	if u.tabs.Selected().Text != "Journal" {
		t.Fatal("the protocol's link did not lead back to the entry")
	}
	uitest.MustContain(t, uitest.ShownText(u.Host), tpl.Title, "1. Put school events in the calendar")
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Open in Protocols"))
	if u.tabs.Selected().Text != "Protocols" || !strings.Contains(uitest.VisibleText(u.plan.Protocols().View()), "0 of 5 steps done") {
		t.Error("the entry's link did not open the protocol")
	}
}

func TestShameRouteShowsTheReframesAndLinksTheOneThatHelps(t *testing.T) {
	u, s, j := newJournalUI(t)
	reframes, _ := s.Reframes()
	uitest.Press(t, u.Host, shortcutNew)
	uitest.TypeText(u.Host, "Forgot dress-up day")
	test.Type(j.editor.story, "I'm a terrible parent")
	if strings.Contains(uitest.ShownText(u.Host), reframes[0].NewStory) {
		t.Fatal("reframes shown before the check was answered")
	}
	test.Tap(uitest.FindAction(t, u.Host, kindChoiceLabels[data.KindShame]))
	text := uitest.ShownText(u.Host)
	for _, r := range reframes {
		uitest.MustContain(t, text, r.NewStory)
		uitest.MustContain(t, text, r.OldStory)
	}
	uitest.MustContain(t, text, "From either/or to both/and")
	if strings.Contains(text, "What's my next-time protocol?") {
		t.Error("the guilt route is offered for shame")
	}
	// Mark the third as the one that helps, and save.
	u.Win.Canvas().Focus(j.editor.friend)
	j.editor.check.showReframes()
	buttons := 0
	uitest.Walk(j.editor.check.reframes, func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widgets.Button); ok {
			if buttons == 2 {
				test.Tap(b)
			}
			buttons++
		}
		return true
	})
	if buttons != 4 {
		t.Fatalf("%d reframe buttons", buttons)
	}
	uitest.Press(t, u.Host, shortcutSave)
	page, _ := s.EntryPage(data.EntryFilter{}, nil, 10)
	e, _ := s.Entry(page.Rows[0].ID)
	if e.Kind != data.KindShame || e.ReframeID == nil || *e.ReframeID != reframes[2].ID {
		t.Fatalf("stored kind %q, reframe %v; want shame and %d", e.Kind, e.ReframeID, reframes[2].ID)
	}
	uitest.FindAction(t, u.Host, "This one helps me")
}

func TestEscClosesAndKeepsTheDraftForTheNextStart(t *testing.T) {
	u, s, j := newJournalUI(t)
	uitest.Press(t, u.Host, shortcutNew)
	uitest.TypeText(u.Host, "Half a thought about bedtime")
	test.Tap(uitest.FindAction(t, u.Host, kindChoiceLabels[data.KindShame]))
	uitest.PressKey(u.Host, fyne.KeyEscape) // focus is on the shame button now
	if j.editor != nil {
		t.Fatal("Esc did not close the editor")
	}
	drafts, _ := s.Drafts()
	if len(drafts) != 1 || drafts[0].Trigger != "Half a thought about bedtime" || drafts[0].Kind != "shame" {
		t.Fatalf("drafts = %+v", drafts)
	}
	uitest.MustContain(t, uitest.ShownText(u.Host), "Unsaved entry from")

	// The next start offers it back.
	u2 := newUI(test.NewTempApp(t))
	u2.Async = func(f func()) { f() }
	t.Cleanup(func() { stopTimers(u2) })
	u2.Win.Resize(fyne.NewSize(1000, 760))
	j2 := u2.screens[0].(*journalScreen)
	j2.searchDelay, j2.draftDelay = 0, 0
	u2.attach(s)
	uitest.MustContain(t, uitest.ShownText(u2.Host), "Half a thought about bedtime")
	test.Tap(uitest.FindAction(t, u2.Host, "Continue writing"))
	if j2.editor == nil || j2.editor.trigger.Text != "Half a thought about bedtime" || j2.editor.check.kind != data.KindShame {
		t.Fatalf("continued editor = %+v", j2.editor)
	}
	test.Type(j2.editor.friend, "Be gentle")
	uitest.Press(t, u2.Host, shortcutSave)
	if drafts, _ := s.Drafts(); len(drafts) != 0 {
		t.Errorf("drafts after saving = %+v", drafts)
	}
	if n, _ := s.CountEntries(data.EntryFilter{}); n != 1 {
		t.Errorf("%d entries", n)
	}
}

func TestARefusedSaveExplainsAndKeepsEverything(t *testing.T) {
	u, s, j := newJournalUI(t)
	uitest.Press(t, u.Host, shortcutNew)
	uitest.Press(t, u.Host, shortcutSave)
	uitest.MustContain(t, uitest.ShownText(u.Host), "Write at least one of the three answers")
	if j.editor == nil {
		t.Fatal("the editor closed on a refused save")
	}

	long := strings.Repeat("a", data.MaxFieldLen+1)
	j.editor.story.SetText(long)
	j.editor.trigger.SetText("too much")
	uitest.Press(t, u.Host, shortcutSave)
	uitest.MustContain(t, uitest.ShownText(u.Host), "100,001 characters")
	if j.editor.story.Text != long || u.Win.Canvas().Focused() != j.editor.story {
		t.Error("the long answer was changed or not focused")
	}
	// The draft keeps the over-long text whole meanwhile.
	drafts, _ := s.Drafts()
	if len(drafts) != 1 || drafts[0].Story != long {
		t.Errorf("draft keeps %d characters", len(drafts[0].Story))
	}
	j.editor.date.SetText("31/02/2026")
	uitest.Press(t, u.Host, shortcutSave)
	uitest.MustContain(t, uitest.ShownText(u.Host), "February 2026 has 28 days.")
	if n, _ := s.CountEntries(data.EntryFilter{}); n != 0 {
		t.Errorf("%d entries stored", n)
	}
}

func TestTrashUndoAndEmptyTrash(t *testing.T) {
	u, s, j := newJournalUI(t)
	e, _ := s.SaveEntry(data.Entry{Trigger: "Snapped at the kids", Kind: data.KindGuilt}, 0)
	j.Load()
	j.list.widget.Select(0)
	uitest.MustContain(t, uitest.ShownText(u.Host), "Snapped at the kids")
	test.Tap(uitest.FindAction(t, u.Host, "Move to trash"))
	if len(j.list.rows) != 0 {
		t.Fatal("the trashed entry is still listed")
	}
	uitest.MustContain(t, uitest.ShownText(u.Host), "Moved to the trash")
	test.Tap(uitest.FindAction(t, u.Host, "Undo  (Ctrl+Z)"))
	if len(j.list.rows) != 1 {
		t.Fatal("undo did not bring the entry back")
	}
	uitest.MustContain(t, uitest.ShownText(u.Host), "Back from the trash.")

	test.Tap(uitest.FindAction(t, u.Host, "Move to trash"))
	test.Tap(uitest.FindAction(t, u.Host, "Trash (1)"))
	uitest.MustContain(t, uitest.ShownText(u.Host), "Snapped at the kids")
	test.Tap(uitest.FindAction(t, u.Host, "Empty trash…"))
	test.Tap(uitest.FindAction(t, u.Host, "Empty the trash"))
	if _, err := s.Entry(e.ID); err == nil {
		t.Error("the entry survived emptying the trash")
	}
	// Nothing left anywhere: the journal invites a first entry again.
	uitest.MustContain(t, uitest.ShownText(u.Host), "Your guilt journal")
}

func TestListReadsMorePagesAsItScrolls(t *testing.T) {
	_, s, j := newJournalUI(t)
	var entries []data.Entry
	for i := range 180 {
		entries = append(entries, data.Entry{Trigger: "entry " + prose.Thousands(i)})
	}
	if err := transfer.ImportEntries(context.Background(), s, entries); err != nil {
		t.Fatal(err)
	}
	j.Load()
	if len(j.list.rows) != pageSize {
		t.Fatalf("first load holds %d rows", len(j.list.rows))
	}
	for range 10 {
		j.list.widget.ScrollToBottom()
	}
	if len(j.list.rows) != 180 {
		t.Fatalf("after scrolling, %d rows", len(j.list.rows))
	}
	seen := map[int64]bool{}
	for i, r := range j.list.rows {
		if seen[r.ID] || (i > 0 && r.ID > j.list.rows[i-1].ID) {
			t.Fatalf("row %d (%d) out of order or repeated", i, r.ID)
		}
		seen[r.ID] = true
	}
}

func TestEditAnEntryKeepsWhatTheEditorDoesNotShow(t *testing.T) {
	u, s, j := newJournalUI(t)
	reframes, _ := s.Reframes()
	e, _ := s.SaveEntry(data.Entry{
		Trigger: "Late pickup", Story: "Bad parent", Kind: data.KindShame,
		ReframeID: &reframes[0].ID, Intensity: 8, Tags: []data.Tag{{Name: "Comparison spiral"}, {Name: "school run"}},
	}, 0)
	j.Load()
	j.list.widget.Select(0)
	test.Tap(uitest.FindAction(t, u.Host, "Edit"))
	ed := j.editor
	if ed == nil || ed.trigger.Text != "Late pickup" || ed.intensity.Value != 8 || ed.check.kind != data.KindShame {
		t.Fatalf("editor did not open on the entry")
	}
	if got := strings.Join(ed.tags.chosen(), ","); got != "Comparison spiral,school run" {
		t.Errorf("ticked tags = %q", got)
	}
	ed.story.SetText("A tired parent, not a bad one")
	ed.intensity.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	uitest.Press(t, u.Host, shortcutSave)
	back, _ := s.Entry(e.ID)
	if back.Story != "A tired parent, not a bad one" || back.Intensity != 7 || back.ReframeID == nil ||
		*back.ReframeID != reframes[0].ID || len(back.Tags) != 2 || back.UUID != e.UUID {
		t.Errorf("after the edit: %+v", back)
	}
	if n, _ := s.CountEntries(data.EntryFilter{}); n != 1 {
		t.Errorf("the edit made %d entries", n)
	}
}

func TestFiltersNarrowTheList(t *testing.T) {
	u, s, j := newJournalUI(t)
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 20, 0, 0, 0, time.Local) }
	transfer.ImportEntries(context.Background(), s, []data.Entry{
		{HappenedAt: day(2024, 5, 1), Trigger: "old guilt", Kind: data.KindGuilt, Tags: []data.Tag{{Name: "Myth of balance"}}},
		{HappenedAt: day(2025, 2, 10), Trigger: "shame in winter", Kind: data.KindShame},
		{HappenedAt: day(2025, 2, 11), Trigger: "guilt in winter", Kind: data.KindGuilt, Tags: []data.Tag{{Name: "Myth of balance"}}},
	})
	j.Load()
	if got := listedTriggers(j); len(got) != 3 {
		t.Fatalf("unfiltered list = %q", got)
	}
	j.filters.kind.SetSelected("Shame")
	if got := listedTriggers(j); strings.Join(got, ",") != "shame in winter" {
		t.Errorf("shame only = %q", got)
	}
	uitest.MustContain(t, uitest.ShownText(u.Host), "1 entry")
	j.filters.kind.SetSelected("All kinds")
	j.filters.tag.SetSelected("Myth of balance")
	if got := listedTriggers(j); strings.Join(got, ",") != "guilt in winter,old guilt" {
		t.Errorf("tagged = %q", got)
	}
	uitest.MustContain(t, uitest.ShownText(u.Host), "2 entries match the filters")
	j.filters.tag.SetSelected(allTags)
	j.filters.dates.SetSelected("Choose dates…")
	j.filters.from.SetText("2025-02-11")
	j.filters.to.SetText("2025-02-11")
	if got := listedTriggers(j); strings.Join(got, ",") != "guilt in winter" {
		t.Errorf("one day = %q", got)
	}
	j.filters.to.SetText("11/02/2025")
	if got := listedTriggers(j); strings.Join(got, ",") != "guilt in winter" {
		t.Errorf("the day as the locale writes it = %q", got)
	}
	j.filters.from.SetText("Tue 11 Feb 2025")
	if got := listedTriggers(j); strings.Join(got, ",") != "guilt in winter" {
		t.Errorf("the day as the app shows it = %q", got)
	}
	j.filters.to.SetText("31/02/2025")
	uitest.MustContain(t, uitest.ShownText(u.Host), "February 2025 has 28 days.")
	if got := listedTriggers(j); len(got) != 1 {
		t.Errorf("with an unreadable end date, the start still applies: %q", got)
	}
	j.filters.dates.SetSelected("Any time")
	if got := listedTriggers(j); len(got) != 3 {
		t.Errorf("after clearing = %q", got)
	}
}
