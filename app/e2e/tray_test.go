package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bothand/bothand/data"
)

// visibleWindows lists the visible windows titled title.
func (d *display) visibleWindows(t *testing.T, title string) []string {
	t.Helper()
	out, _ := d.run(t, "xdotool", "search", "--onlyvisible", "--name", "^"+title+"$")
	return strings.Fields(string(out))
}

// runAgain runs the binary once more, as a second start from the desktop
// menu, and returns its exit code and output.
func runAgain(t *testing.T, d *display, home string, env []string, args ...string) (int, string) {
	t.Helper()
	cmd := exec.Command(buildBinary(t), args...)
	cmd.Env = append([]string{
		"PATH=" + os.Getenv("PATH"), "XDG_RUNTIME_DIR=" + filepath.Join(home, "run"), "DISPLAY=" + d.name,
		"HOME=" + home, "XDG_CONFIG_HOME=" + filepath.Join(home, ".config"), "LANG=en_US.UTF-8",
	}, env...)
	done := make(chan struct{})
	var out []byte
	var err error
	go func() {
		out, err = cmd.CombinedOutput()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatal("the second start did not end within 30 s")
	}
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode(), string(out)
		}
		t.Fatal(err)
	}
	return 0, string(out)
}

// TestTrayAloneIsLightAndOneInstance is the always-on life of Both/And
// under a desktop with a tray (a StatusNotifier host on a private bus):
// the window opens, closing it says once that Both/And keeps running and
// leaves only the small tray process, whose memory and CPU are measured;
// the tray menu starts with the pinned slip; a second start brings one
// window back with the size and tab it had and exits 0; command-line
// verbs and a second journal run beside it; Quit ends everything.
func TestTrayAloneIsLightAndOneInstance(t *testing.T) {
	bin := buildBinary(t)
	db := demoJournal(t, bin, 500)
	s, err := data.Open(db, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	slip, _, err := s.PinnedSlip()
	s.Close()
	if err != nil || slip.Text == "" {
		t.Fatalf("the demo journal has no pinned slip: %v", err)
	}

	addr := startSessionBus(t)
	host := startTrayHost(t, addr)
	d := startXvfb(t)
	env := []string{"DBUS_SESSION_BUS_ADDRESS=" + addr}
	home := t.TempDir()
	a := startApp(t, d, home, env, "--db", db)
	win := d.waitWindow(t, "Both/And", 90*time.Second, a.exited)
	time.Sleep(2 * time.Second)

	// A size and a tab to come back to: the window is made larger and the
	// Tiers tab chosen (by its shortcut: where the tab bar sits depends on
	// whether today's slip is read).
	d.run(t, "xdotool", "windowsize", "--sync", win, "1100", "780")
	time.Sleep(500 * time.Millisecond)
	d.run(t, "xdotool", "windowfocus", "--sync", win)
	d.run(t, "xdotool", "key", "ctrl+2")
	time.Sleep(500 * time.Millisecond)

	d.closeWindow(t, win)
	answerKeepsRunning(t, d)
	waitNoWindow(t, d, "Both/And", 15*time.Second)
	if !strings.Contains(a.output(), "kind=tray-explained") {
		t.Errorf("closing the window did not say that Both/And keeps running; output:\n%s", a.output())
	}
	deadline := time.Now().Add(15 * time.Second)
	for len(processesOf(programsOf(bin)...)) != 1 {
		if time.Now().After(deadline) {
			t.Fatalf("processes after closing the window: %v; output:\n%s", processesOf(programsOf(bin)...), a.output())
		}
		time.Sleep(100 * time.Millisecond)
	}
	prefs := readFile(t, filepath.Join(home, ".config", "fyne", "app.bothand.BothAnd", "preferences.json"))
	var saved map[string]any
	if err := json.Unmarshal([]byte(prefs), &saved); err != nil {
		t.Fatal(err)
	}
	if saved["window.tab"] != float64(1) || !strings.HasPrefix(fmt.Sprint(saved["window.size"]), "1100x") {
		t.Errorf("the window's tab and size were not kept: %s", prefs)
	}

	time.Sleep(3 * time.Second)
	use := measureIdle(t, programsOf(bin), 10*time.Second)
	t.Logf("tray only: %.1f MB resident, %d CPU ticks in %v (%.2f%% of a core)", use.rssMB(), use.ticks, use.over, use.cpuPercent())
	if use.rssMB() > 40 {
		t.Errorf("the tray alone holds %.1f MB; the goal is 40 MB", use.rssMB())
	}
	if use.cpuPercent() > 0.5 {
		t.Errorf("the tray alone used %.2f%% of a core while idle; the goal is 0.2%%", use.cpuPercent())
	}
	if exe, _ := os.Readlink(filepath.Join("/proc", strconv.Itoa(use.pids[0]), "exe")); filepath.Base(exe) != "bothand-tray" {
		t.Errorf("the process left is %s, not the tray program", exe)
	}

	item := host.waitItems(t, 1, 10*time.Second)[0]
	menu, err := host.menu(item)
	if err != nil {
		t.Fatal(err)
	}
	labels := make([]string, len(menu))
	for i, e := range menu {
		labels[i] = e.String()
	}
	want := []string{"I read it today", "—", "New journal entry", "Quick entry…", "Self-compassion break", "Urgent client request…", "—", "Show Both/And", "Quit"}
	if len(labels) != len(want)+1 || !strings.HasPrefix(labels[0], "“"+slip.Text[:min(20, len(slip.Text))]) ||
		strings.Join(labels[1:], "|") != strings.Join(want, "|") {
		t.Errorf("tray menu %q, want the slip %q first, then %q", labels, slip.Text, want)
	}

	// A second start: one window comes back, and the second process exits 0.
	t0 := time.Now()
	if code, out := runAgain(t, d, home, env, "--db", db); code != 0 {
		t.Fatalf("second start exited %d: %s", code, out)
	}
	win = d.waitWindow(t, "Both/And", 30*time.Second, a.exited)
	shown := time.Since(t0)
	t.Logf("the window came back %v after the second start", shown)
	if shown > 3*time.Second {
		t.Errorf("the window took %v to come back", shown)
	}
	if code, out := runAgain(t, d, home, env, "--db", db); code != 0 {
		t.Fatalf("third start exited %d: %s", code, out)
	}
	time.Sleep(time.Second)
	if wins := d.visibleWindows(t, "Both/And"); len(wins) != 1 {
		t.Errorf("%d windows after starting three times", len(wins))
	}
	geom, _ := d.run(t, "xdotool", "getwindowgeometry", win)
	if size := fmt.Sprint(saved["window.size"]); !strings.Contains(string(geom), size) {
		t.Errorf("the window came back at another size than %s: %s", size, geom)
	}

	// The command line shares the journal while the app runs, and a second
	// journal runs beside it.
	if code, out := runAgain(t, d, home, env, "--db", db, "agenda"); code != 0 {
		t.Errorf("agenda while running: exit %d: %s", code, out)
	}
	other := startApp(t, d, home, env, "--db", filepath.Join(t.TempDir(), "other.db"), "--minimized")
	host.waitItems(t, 2, 30*time.Second)
	other.stop(t)

	// Closed again (no note the second time), a click on the icon itself
	// brings the window back.
	d.closeWindow(t, win)
	waitNoWindow(t, d, "Both/And", 15*time.Second)
	if err := host.activate(item); err != nil {
		t.Fatal(err)
	}
	d.waitWindow(t, "Both/And", 30*time.Second, a.exited)

	// Quit in the tray menu ends the window and the tray.
	if err := host.click(item, entryID(t, menu, "Quit")); err != nil {
		t.Fatal(err)
	}
	select {
	case <-a.exited:
	case <-time.After(20 * time.Second):
		t.Fatalf("still running 20 s after Quit; output:\n%s", a.output())
	}
	if code := a.cmd.ProcessState.ExitCode(); code != 0 {
		t.Errorf("exit code %d after Quit; output:\n%s", code, a.output())
	}
	time.Sleep(500 * time.Millisecond)
	if left := processesOf(programsOf(bin)...); len(left) != 0 {
		t.Errorf("processes left after Quit: %v", left)
	}
}

// TestWithoutTrayHostClosingQuits: with a session bus but no tray host the
// window is the whole app: a second start brings it forward and exits 0,
// and closing it quits.
func TestWithoutTrayHostClosingQuits(t *testing.T) {
	addr := startSessionBus(t)
	d := startXvfb(t)
	env := []string{"DBUS_SESSION_BUS_ADDRESS=" + addr}
	home := t.TempDir()
	db := filepath.Join(t.TempDir(), "journal.db")
	a := startApp(t, d, home, env, "--db", db)
	win := d.waitWindow(t, "Both/And", 90*time.Second, a.exited)
	time.Sleep(time.Second)
	if code, out := runAgain(t, d, home, env, "--db", db); code != 0 {
		t.Fatalf("second start exited %d: %s", code, out)
	}
	if wins := d.visibleWindows(t, "Both/And"); len(wins) != 1 {
		t.Errorf("%d windows after a second start", len(wins))
	}
	d.closeWindow(t, win)
	select {
	case <-a.exited:
	case <-time.After(20 * time.Second):
		t.Fatalf("closing the window did not quit; output:\n%s", a.output())
	}
	if code := a.cmd.ProcessState.ExitCode(); code != 0 {
		t.Errorf("exit code %d; output:\n%s", code, a.output())
	}
}

// TestQuickEntryFromTheTray: "Quick entry…" in the tray menu opens the
// small quick-entry window alone; typing a line and pressing Enter saves it
// as an entry, and the window process ends, leaving the tray.
func TestQuickEntryFromTheTray(t *testing.T) {
	addr := startSessionBus(t)
	host := startTrayHost(t, addr)
	d := startXvfb(t)
	home := t.TempDir()
	db := filepath.Join(t.TempDir(), "journal.db")
	a := startApp(t, d, home, []string{"DBUS_SESSION_BUS_ADDRESS=" + addr}, "--db", db, "--minimized")
	item := host.waitItems(t, 1, 60*time.Second)[0]
	menu, err := host.menu(item)
	if err != nil {
		t.Fatal(err)
	}
	if err := host.click(item, entryID(t, menu, "Quick entry…")); err != nil {
		t.Fatal(err)
	}
	win := d.waitWindow(t, "Quick entry", 60*time.Second, a.exited)
	if wins := d.visibleWindows(t, "Both/And"); len(wins) != 0 {
		t.Errorf("the main window opened too: %v", wins)
	}
	time.Sleep(time.Second)
	if p := os.Getenv("BOTHAND_E2E_SHOT"); p != "" {
		shot, _ := d.run(t, "import", "-window", "root", "png:-")
		os.WriteFile(p, shot, 0o644)
	}
	d.run(t, "xdotool", "windowfocus", "--sync", win)
	d.run(t, "xdotool", "type", "--delay", "15", "Forgot the costume for the play")
	time.Sleep(200 * time.Millisecond)
	d.run(t, "xdotool", "key", "Return")
	waitNoWindow(t, d, "Quick entry", 15*time.Second)
	deadline := time.Now().Add(15 * time.Second)
	for len(processesOf(programsOf(buildBinary(t))...)) != 1 {
		if time.Now().After(deadline) {
			t.Fatalf("the window process did not end; output:\n%s", a.output())
		}
		time.Sleep(100 * time.Millisecond)
	}
	s, err := data.Open(db, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	page, err := s.EntryPage(data.EntryFilter{}, nil, 5)
	if err != nil || len(page.Rows) != 1 || page.Rows[0].Trigger != "Forgot the costume for the play" {
		t.Errorf("entries after a quick entry: %+v %v", page.Rows, err)
	}
	a.stop(t)
}
