package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/demo"
)

// demoJournalOf writes a demo journal of n entries ending now, in this
// process (no binary needed).
func demoJournalOf(t *testing.T, n int) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "journal.db")
	s, err := data.Open(db, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := demo.Fill(s, demo.Options{Entries: n, Seed: 3, Now: time.Now()}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	return db
}

// homeWithPrefs returns a fresh home whose Fyne preferences hold prefs (a
// JSON object's fields), the welcome already seen.
func homeWithPrefs(t *testing.T, prefs string) string {
	t.Helper()
	home := t.TempDir()
	dir := filepath.Join(home, ".config", "fyne", "app.bothand.BothAnd")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "preferences.json"), `{"welcome.done":true`+prefs+`}`)
	return home
}

// startWindow starts the app on a display of its own and waits for its
// window. On a busy machine GLFW now and then finds no display to open
// (PlatformUnavailable) though Xvfb said it was ready; that start is
// tried once more on a new display, and said in the test's log.
func startWindow(t *testing.T, home string, env []string, args ...string) (*display, *app, string) {
	t.Helper()
	for attempt := 1; ; attempt++ {
		d := startXvfb(t)
		a := startApp(t, d, home, env, args...)
		for deadline := time.Now().Add(90 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			out, _ := d.run(t, "xdotool", "search", "--onlyvisible", "--name", "^Both/And$")
			if f := strings.Fields(string(out)); len(f) > 0 {
				return d, a, f[0]
			}
			select {
			case <-a.exited:
				if attempt == 1 && strings.Contains(a.output(), "failed to initialise GLFW") {
					t.Logf("GLFW could not open display %s; starting again on another", d.name)
					deadline = time.Time{}
					continue
				}
				t.Fatalf("the app exited before its window appeared; output:\n%s", a.output())
			default:
			}
		}
		if attempt > 1 {
			t.Fatal("no window after 90 s")
		}
	}
}

var minHint = regexp.MustCompile(`minimum size: (\d+) by (\d+)`)

// minSize reads the smallest size the window allows, as it tells the
// window manager (WM_NORMAL_HINTS), in pixels.
func (s *session) minSize() (w, h int) {
	s.t.Helper()
	if _, err := exec.LookPath("xprop"); err != nil {
		s.t.Fatal("xprop is not installed: `make test` installs it (package x11-utils, see .ci/deps)")
	}
	out, err := s.d.run(s.t, "xprop", "-id", s.win, "WM_NORMAL_HINTS")
	m := minHint.FindStringSubmatch(string(out))
	if err != nil || m == nil {
		s.t.Fatalf("no minimum size in the window's hints (%v):\n%s", err, out)
	}
	w, _ = strconv.Atoi(m[1])
	h, _ = strconv.Atoi(m[2])
	return w, h
}

// size is the window's size now, in pixels.
func (s *session) size() (w, h int) {
	s.t.Helper()
	out, err := s.d.run(s.t, "xdotool", "getwindowgeometry", "--shell", s.win)
	if err != nil {
		s.t.Fatal(err)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			switch k {
			case "WIDTH":
				w, _ = strconv.Atoi(v)
			case "HEIGHT":
				h, _ = strconv.Atoi(v)
			}
		}
	}
	return w, h
}

// TestTheWindowFitsSmallScreensAndNeverGrows starts the real window on a
// demo journal at 100% and at 125% text (FYNE_SCALE), goes through every
// tab and the states that add to them (the editor with each answer of the
// check, a protocol open, a break), and reads the window's smallest size
// after each: at most 800×600 at 100%, and at most 1366×720 at 125% (a
// 1366×768 laptop's screen less its panel). At 100% the window stays at
// the 800×600 it started at: it never grows by itself.
func TestTheWindowFitsSmallScreensAndNeverGrows(t *testing.T) {
	db := demoJournalOf(t, 300)
	for _, c := range []struct {
		scale      string
		start      string // the window's size in Fyne's units
		maxW, maxH int    // pixels
	}{
		{"1", `,"window.width":800,"window.height":600`, 800, 600},
		{"1.25", `,"window.width":1092,"window.height":576`, 1366, 720},
	} {
		t.Run("scale "+c.scale, func(t *testing.T) {
			d, a, _ := startWindow(t, homeWithPrefs(t, c.start), []string{"FYNE_SCALE=" + c.scale}, "--db", db)
			s := newSession(t, d, a)
			s.settle()
			startW, startH := s.size()
			var worst [2]int
			check := func(state string) {
				t.Helper()
				s.settle()
				time.Sleep(300 * time.Millisecond) // Fyne sets the hints after a layout
				w, h := s.minSize()
				worst = [2]int{max(worst[0], w), max(worst[1], h)}
				if w > c.maxW || h > c.maxH {
					t.Errorf("%s: the smallest window is %d×%d, more than %d×%d", state, w, h, c.maxW, c.maxH)
				}
				if nowW, nowH := s.size(); c.scale == "1" && (nowW != startW || nowH != startH) {
					t.Errorf("%s: the window grew by itself from %d×%d to %d×%d", state, startW, startH, nowW, nowH)
				}
			}
			check("at start")
			for i, tab := range []string{"Journal", "Tiers", "Protocols", "Compassion", "Insights"} {
				s.key(fmt.Sprintf("ctrl+%d", i+1))
				check("the " + tab + " tab")
			}
			s.key("ctrl+1", "ctrl+n")
			check("the journal editor")
			s.press("Something I did: guilt")
			check("the editor, guilt chosen")
			s.press("Who I am: shame")
			check("the editor, shame chosen")
			s.key("Escape")
			s.key("ctrl+3")
			s.settle()
			s.press("Open School dates go in first")
			check("a protocol open")
			s.key("ctrl+4")
			s.settle()
			s.press("Take a self-compassion break")
			check("a self-compassion break")
			t.Logf("FYNE_SCALE=%s: the smallest window, over every state, is %d×%d (the window is %d×%d)", c.scale, worst[0], worst[1], startW, startH)
			a.stop(t)
		})
	}
}
