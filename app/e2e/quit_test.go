package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestQuittingAsTheJournalOpensIsClean ends the app (as a logout does) at
// moments while its journal opens and its tabs fill: it must end cleanly
// every time. Work that finished after Fyne's loop had stopped used to run
// on its own goroutine, beside others, and crashed Fyne's text shaper;
// with a race-built binary (make test-window-race) any such overlap also
// fails here, as exit code 66.
func TestQuittingAsTheJournalOpensIsClean(t *testing.T) {
	d := startXvfb(t)
	home := homeWithWelcomeDone(t)
	demo := demoJournalOf(t, 2000)
	orig, err := os.ReadFile(demo)
	if err != nil {
		t.Fatal(err)
	}
	for _, after := range []time.Duration{300 * time.Millisecond, 700 * time.Millisecond, 1200 * time.Millisecond, 2 * time.Second, 3500 * time.Millisecond} {
		db := filepath.Join(t.TempDir(), "journal.db")
		if err := os.WriteFile(db, orig, 0o600); err != nil {
			t.Fatal(err)
		}
		a := startApp(t, d, home, nil, "--db", db)
		for deadline := time.Now().Add(30 * time.Second); !strings.Contains(a.output(), "msg=starting"); time.Sleep(10 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("the app did not start within 30 s:\n%s", a.output())
			}
		}
		time.Sleep(after)
		a.stop(t) // exit code 0 within 15 s, or the test fails with the output
		if out := a.output(); strings.Contains(out, "panic:") || strings.Contains(out, "DATA RACE") {
			t.Errorf("ended %v after start:\n%s", after, out)
		}
	}
}
