package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestACrashIsSaidAtTheNextStart ends the real app as a fatal crash does
// (SIGABRT: the Go runtime prints its report and exits), then starts it
// again: the window says Both/And closed unexpectedly, that nothing saved
// was lost, and where the report is, which holds the crash.
func TestACrashIsSaidAtTheNextStart(t *testing.T) {
	d := startXvfb(t)
	home := homeWithWelcomeDone(t)
	db := filepath.Join(t.TempDir(), "journal.db")
	a := startApp(t, d, home, nil, "--db", db)
	newSession(t, d, a)
	a.signal(t, syscall.SIGABRT)
	if code := a.wait(t, 15*time.Second); code == 0 {
		t.Fatalf("the crashed app exited with 0; output:\n%s", tail(a.output(), 20))
	}

	again := startApp(t, d, home, nil, "--db", db)
	s := newSession(t, d, again)
	s.waitFor(0, "the crash notice", func(e event) bool { return e.msg == "dialog shown" && e.attr["kind"] == "crashed" }, 30*time.Second)
	warn := s.waitFor(0, "the crash in the log", func(e event) bool { return e.msg == "the last run ended in a crash" }, 5*time.Second)
	report := warn.attr["report"]
	if filepath.Dir(report) != filepath.Join(home, ".local", "state", "bothand") {
		t.Errorf("the report is in %s, not the state folder", report)
	}
	if b, err := os.ReadFile(report); err != nil || !strings.Contains(string(b), "SIGABRT") {
		t.Errorf("the report %s: %v\n%s", report, err, b)
	}
	s.closes("crashed", "Escape")
	again.stop(t)
	if left, _ := filepath.Glob(filepath.Join(home, ".local", "state", "bothand", "running-*")); len(left) != 0 {
		t.Errorf("a clean end left %v", left)
	}
}
