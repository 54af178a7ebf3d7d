package e2e

import (
	"fmt"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/bothand/bothand/data"
)

// TestDraftSurvivesAKill types into the real editor with real key presses,
// kills the app with SIGKILL mid-sentence, and then reads the journal: the
// draft holds, intact and in order, at least everything typed up to two
// seconds before the kill.
func TestDraftSurvivesAKill(t *testing.T) {
	d := startXvfb(t)
	db := filepath.Join(t.TempDir(), "journal.db")
	a := startApp(t, d, homeWithWelcomeDone(t), nil, "--db", db)
	win := d.waitWindow(t, "Both/And", 90*time.Second, a.exited)
	time.Sleep(1500 * time.Millisecond)
	d.run(t, "xdotool", "windowfocus", "--sync", win)
	d.run(t, "xdotool", "key", "ctrl+n")
	time.Sleep(500 * time.Millisecond)

	// Words go in one xdotool call each, so the time each one was fully
	// typed is known.
	type typed struct {
		text string
		at   time.Time
	}
	var (
		all   strings.Builder
		marks []typed
	)
	start := time.Now()
	for i := 0; time.Since(start) < 7*time.Second; i++ {
		word := fmt.Sprintf("w%d ", i)
		if _, err := d.run(t, "xdotool", "type", "--delay", "25", word); err != nil {
			t.Fatalf("xdotool type: %v", err)
		}
		all.WriteString(word)
		marks = append(marks, typed{all.String(), time.Now()})
	}
	a.signal(t, syscall.SIGKILL)
	killed := time.Now()
	<-a.exited

	mustHave := ""
	for _, m := range marks {
		if m.at.Before(killed.Add(-2 * time.Second)) {
			mustHave = m.text
		}
	}
	if mustHave == "" {
		t.Fatal("typing was too slow to test anything")
	}

	s, err := data.Open(db, data.Options{})
	if err != nil {
		t.Fatalf("the killed app's journal does not open: %v", err)
	}
	defer s.Close()
	drafts, err := s.Drafts()
	if err != nil || len(drafts) != 1 {
		t.Fatalf("drafts after the kill: %+v, %v\napp output:\n%s", drafts, err, a.output())
	}
	got := drafts[0].Trigger
	if !strings.HasPrefix(all.String(), got) {
		t.Fatalf("the draft is not what was typed:\n got %q\nwant a prefix of %q\n%s", got, all.String(), a.output())
	}
	if len(got) < len(mustHave) {
		t.Fatalf("the draft lost more than two seconds of typing:\n got %q\nwant at least %q", got, mustHave)
	}
	t.Logf("typed %d characters in %s; the draft kept %d, the last %d were lost",
		all.Len(), killed.Sub(start).Round(time.Millisecond), len(got), all.Len()-len(got))
}
