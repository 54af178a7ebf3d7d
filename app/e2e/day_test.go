package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/bothand/bothand/data"
)

// TestTheWindowTurnsToTheNewDay runs the app in a time zone where local
// midnight is under a minute away: the slip read in the evening can be
// read again once the window has noticed the new day, without a restart.
func TestTheWindowTurnsToTheNewDay(t *testing.T) {
	zoneinfo := zoneWithMidnightIn(t, 45*time.Second)
	db := filepath.Join(t.TempDir(), "journal.db")
	s, err := data.Open(db, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddSlip("Rest is part of the work.", true); err != nil {
		t.Fatal(err)
	}
	s.Close()

	d := startXvfb(t)
	env := []string{"ZONEINFO=" + zoneinfo, "TZ=" + filepath.Join(zoneinfo, "Test", "Late")}
	a := startApp(t, d, homeWithWelcomeDone(t), env, "--db", db)
	ses := newSession(t, d, a)
	ses.press("I read it") // in the evening, before midnight
	from := ses.mark()
	ses.waitFor(from, "the window's new day", func(e event) bool { return e.msg == "new day" }, 2*time.Minute)
	ses.key("Escape")
	ses.tabTo("button", "I read it", false) // the new morning's slip is unread
	a.stop(t)
}

// zoneWithMidnightIn writes a time zone (Test/Late, in a zoneinfo folder
// of the test's own, with zic) in which local midnight is in d, and
// returns the folder: the app runs in it with TZ and ZONEINFO.
func zoneWithMidnightIn(t *testing.T, d time.Duration) string {
	t.Helper()
	zic, err := exec.LookPath("zic")
	if err != nil {
		t.Skip("zic (Debian's libc-bin) is not here to make a time zone")
	}
	now := time.Now().UTC()
	sinceMidnight := now.Sub(now.Truncate(24 * time.Hour))
	// local = UTC + offset; want local = 24h - d.
	offset := (24*time.Hour - d - sinceMidnight) % (24 * time.Hour)
	if offset > 12*time.Hour {
		offset -= 24 * time.Hour
	}
	sign := ""
	if offset < 0 {
		sign, offset = "-", -offset
	}
	secs := int(offset.Round(time.Second) / time.Second)
	dir := t.TempDir()
	rule := filepath.Join(dir, "late.zic")
	line := fmt.Sprintf("Zone Test/Late %s%d:%02d:%02d - LATE\n", sign, secs/3600, secs/60%60, secs%60)
	if err := os.WriteFile(rule, []byte(line), 0o600); err != nil {
		t.Fatal(err)
	}
	zoneinfo := filepath.Join(dir, "zoneinfo")
	if out, err := exec.Command(zic, "-d", zoneinfo, rule).CombinedOutput(); err != nil {
		t.Fatalf("zic: %v\n%s", err, out)
	}
	return zoneinfo
}
