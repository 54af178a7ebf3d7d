package app

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/bothand/bothand/app/instance"
	"github.com/bothand/bothand/app/ui/uitest"
	"github.com/bothand/bothand/data"
)

// trayLink connects a test UI to a stand-in tray: a claim on a journal
// path in a private runtime folder. It returns what the window sends.
func trayLink(t *testing.T, u *UI) <-chan string {
	t.Helper()
	t.Setenv("XDG_RUNTIME_DIR", filepath.Join(t.TempDir(), "run"))
	journal := filepath.Join(t.TempDir(), "j.db")
	claim, err := instance.ClaimJournal(journal)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { claim.Close() })
	got := make(chan string, 10)
	go claim.Serve(func(c *instance.Conn) {
		for {
			do, err := c.Receive()
			if err != nil {
				return
			}
			got <- do
		}
	})
	conn, err := instance.Dial(journal)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	u.tray, u.trayReady = conn, true
	return got
}

func receive(t *testing.T, got <-chan string) string {
	t.Helper()
	select {
	case do := <-got:
		return do
	case <-time.After(5 * time.Second):
		t.Fatal("the window told the tray nothing")
		return ""
	}
}

func TestTrayRequestsOpenTheirPartOfTheWindow(t *testing.T) {
	u, _ := newTestUI(t)
	u.Win.Hide()
	u.request(instance.NewEntry)
	if !strings.Contains(uitest.VisibleText(u.Win.Content()), "What triggered") {
		t.Errorf("the editor is not open:\n%s", uitest.VisibleText(u.Win.Content()))
	}
	if !u.shown {
		t.Error("the window was not shown")
	}

	u.request(instance.WriteSlip)
	if u.Win.Canvas().Focused() != u.strip.Entry() {
		t.Error("the slip's field has not the focus")
	}
}

// TestSlipChangesReachTheTray: reading the slip in the window tells the
// tray, whose menu shows the same.
func TestSlipChangesReachTheTray(t *testing.T) {
	u, s := newTestUI(t)
	got := trayLink(t, u)
	if _, err := s.AddSlip("Good enough is good.", true); err != nil {
		t.Fatal(err)
	}
	u.loadStrip()
	if do := receive(t, got); do != instance.SlipChanged {
		t.Errorf("told the tray %q", do)
	}
	u.markSlipRead()
	if do := receive(t, got); do != instance.SlipChanged {
		t.Errorf("told the tray %q after reading", do)
	}
}

// TestCloseExplainsOnceThenEndsTheWindow: with a tray, closing the window
// says once that Both/And keeps running, then ends this process (the tray
// goes on), without asking the tray to quit.
func TestCloseExplainsOnceThenEndsTheWindow(t *testing.T) {
	u, _ := newTestUI(t)
	trayLink(t, u)
	u.Win.Show()
	u.shown = true
	u.closeWindow()
	if !strings.Contains(uitest.TopText(u.Host), "keeps Both/And in the system tray") {
		t.Fatalf("no explanation on first close: %q", uitest.TopText(u.Host))
	}
	if u.quitting {
		t.Error("the window ended before the note was read")
	}
	if !u.App.Preferences().Bool(prefTrayExplained) {
		t.Error("explanation not remembered")
	}
	u.TopDialog().PressDefault()
	if !u.quitting || u.quitAll {
		t.Errorf("after the note: quitting=%v quitAll=%v", u.quitting, u.quitAll)
	}
	u.quitting = false
	u.closeWindow() // second time: no dialog, straight on
	if strings.Contains(uitest.TopText(u.Host), "keeps Both/And") || !u.quitting {
		t.Error("explained twice, or did not end")
	}
}

// TestCloseWithoutTrayQuitsEverything: without a tray, or with the
// preference off, closing quits Both/And altogether.
func TestCloseWithoutTrayQuitsEverything(t *testing.T) {
	u, _ := newTestUI(t)
	u.closeWindow()
	if !u.quitting || !u.quitAll {
		t.Errorf("no tray: quitting=%v quitAll=%v", u.quitting, u.quitAll)
	}

	u2, _ := newTestUI(t)
	trayLink(t, u2)
	u2.App.Preferences().SetBool(prefCloseToTray, false)
	u2.closeWindow()
	if !u2.quitting || !u2.quitAll {
		t.Errorf("preference off: quitting=%v quitAll=%v", u2.quitting, u2.quitAll)
	}
}

func TestQuickEntrySavesAnEntryAndEndsAWindowlessProcess(t *testing.T) {
	u, s := newTestUI(t)
	u.request(instance.QuickEntry)
	if u.quick == nil {
		t.Fatal("no quick-entry window")
	}
	test.Type(u.quick.text, "Snapped at Mia during a client call")
	u.quick.text.OnSubmitted(u.quick.text.Text)
	page, err := s.EntryPage(data.EntryFilter{}, nil, 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Rows) != 1 || page.Rows[0].Trigger != "Snapped at Mia during a client call" {
		t.Fatalf("entries after a quick entry: %+v", page.Rows)
	}
	if u.quick != nil || !u.quitting || u.quitAll {
		t.Errorf("after saving: window open=%v quitting=%v quitAll=%v", u.quick != nil, u.quitting, u.quitAll)
	}
}

func TestQuickEntryAsksBeforeDroppingText(t *testing.T) {
	u, s := newTestUI(t)
	u.showWindow()
	u.showQuickEntry()
	q := u.quick
	test.Type(q.text, "Forgot the permission form")
	q.cancel()
	if u.quick == nil || !q.msg.Visible() || !strings.Contains(q.msg.Text, "Cancel again lets it go") {
		t.Fatalf("closed with text in it, or without saying so: open=%v %q", u.quick != nil, q.msg.Text)
	}
	// Typing again takes the question back; Save keeps the line.
	test.Type(q.text, ", again")
	if q.msg.Visible() || q.leaving {
		t.Error("the question stays after typing")
	}
	q.save()
	page, _ := s.EntryPage(data.EntryFilter{}, nil, 5)
	if len(page.Rows) != 1 || page.Rows[0].Trigger != "Forgot the permission form, again" {
		t.Errorf("entries after Save: %+v", page.Rows)
	}
	if u.quick != nil || u.quitting {
		t.Errorf("the quick window should close and the main window stay: open=%v quitting=%v", u.quick != nil, u.quitting)
	}

	// Esc twice lets a line go, and nothing is stored.
	u.showQuickEntry()
	q = u.quick
	test.Type(q.text, "Not worth keeping")
	esc := &fyne.KeyEvent{Name: fyne.KeyEscape}
	quickKeys{q}.TypedKey(esc, nil)
	quickKeys{q}.TypedKey(esc, nil)
	if u.quick != nil {
		t.Error("two Esc did not close the quick entry")
	}
	if page, _ := s.EntryPage(data.EntryFilter{}, nil, 5); len(page.Rows) != 1 {
		t.Errorf("%d entries after letting one go", len(page.Rows))
	}
}

func TestQuickEntryRefusesEmptyText(t *testing.T) {
	u, _ := newTestUI(t)
	u.showWindow()
	u.showQuickEntry()
	u.quick.save()
	if u.quick == nil || !u.quick.msg.Visible() || !strings.Contains(u.quick.msg.Text, "Write at least") {
		t.Errorf("empty quick entry: %+v", u.quick)
	}
}

// TestAnEndingWindowSendsRequestsBack: once the window is ending it says
// so, and what the tray still asks goes back for a new window to answer.
func TestAnEndingWindowSendsRequestsBack(t *testing.T) {
	u, _ := newTestUI(t)
	got := trayLink(t, u)
	u.shown = true
	u.quit()
	if do := receive(t, got); do != instance.Closing {
		t.Fatalf("told the tray %q on quitting", do)
	}
	u.request(instance.NewEntry)
	if do := receive(t, got); do != instance.NewEntry {
		t.Errorf("sent back %q", do)
	}
}

// TestQuickEntrySavesOnceWhenEnterIsPressedTwice: Enter pressed again
// while the save is under way stores nothing more.
func TestQuickEntrySavesOnceWhenEnterIsPressedTwice(t *testing.T) {
	u, s := newTestUI(t)
	u.request(instance.QuickEntry)
	var held []func()
	u.Async = func(f func()) { held = append(held, f) }
	test.Type(u.quick.text, "Missed the first half of the match")
	u.quick.text.OnSubmitted(u.quick.text.Text)
	u.quick.text.OnSubmitted(u.quick.text.Text)
	u.Async = func(f func()) { f() }
	for _, f := range held {
		f()
	}
	page, err := s.EntryPage(data.EntryFilter{}, nil, 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Rows) != 1 {
		t.Fatalf("Enter twice stored %d entries", len(page.Rows))
	}
}
