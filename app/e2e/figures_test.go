package e2e

import (
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestFigures prints the always-on figures of issue 20 beside their goals:
// Both/And with its window open, in the tray with the window closed, and a
// bare Fyne window built here from a temp folder, all on this machine in
// one run, with a StatusNotifier host on a private session bus and a
// 500-entry demo journal. `make bench-tray` runs it; it is skipped in
// `make test` (it idles for minutes). BOTHAND_FIGURES_IDLE sets the idle
// stretch (default 30s); BOTHAND_E2E_BIN measures another build.
func TestFigures(t *testing.T) {
	if os.Getenv("BOTHAND_FIGURES") == "" {
		t.Skip("the figures take minutes: make bench-tray (or BOTHAND_FIGURES=1)")
	}
	idle := 30 * time.Second
	if v := os.Getenv("BOTHAND_FIGURES_IDLE"); v != "" {
		var err error
		if idle, err = time.ParseDuration(v); err != nil {
			t.Fatal(err)
		}
	}
	bin := buildBinary(t)
	bare := buildBareFyne(t)
	db := demoJournal(t, bin, 500)

	addr := startSessionBus(t)
	host := startTrayHost(t, addr)
	d := startXvfb(t)
	env := []string{"DBUS_SESSION_BUS_ADDRESS=" + addr}
	home := t.TempDir()

	// The bare window first, alone on the display.
	b := startAppProgram(t, bare, d, t.TempDir(), env)
	d.waitWindow(t, "Bare Fyne", 90*time.Second, b.exited)
	time.Sleep(5 * time.Second)
	bareUse := measureIdle(t, []string{bare}, idle)
	b.stop(t)

	a := startApp(t, d, home, env, "--db", db)
	win := d.waitWindow(t, "Both/And", 90*time.Second, a.exited)
	time.Sleep(5 * time.Second) // reminders, the daily backup and the charts settle
	openUse := measureIdle(t, programsOf(bin), idle)

	d.closeWindow(t, win)
	answerKeepsRunning(t, d)
	waitNoWindow(t, d, "Both/And", 15*time.Second)
	time.Sleep(5 * time.Second)
	trayUse := measureIdle(t, programsOf(bin), idle)

	item := host.waitItems(t, 1, 10*time.Second)[0]
	menu, err := host.menu(item)
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Now()
	if err := host.click(item, entryID(t, menu, "Show Both/And")); err != nil {
		t.Fatal(err)
	}
	d.waitWindow(t, "Both/And", 30*time.Second, a.exited)
	shown := time.Since(t0)

	mb := func(u usage) string { return fmt.Sprintf("%.1f MB", u.rssMB()) }
	cpu := func(u usage) string { return fmt.Sprintf("%.2f%% (%d ticks)", u.cpuPercent(), u.ticks) }
	each := func(u usage) string {
		var parts []string
		for _, name := range slices.Sorted(maps.Keys(u.each)) {
			parts = append(parts, fmt.Sprintf("%s %.1f MB", name, float64(u.each[name])/1024))
		}
		return strings.Join(parts, " + ")
	}
	met := func(ok bool) string {
		if ok {
			return "met"
		}
		return "NOT met"
	}
	// The window process: everything but the tray program.
	window := openUse.rssMB() - float64(openUse.each["bothand-tray"])/1024
	var out strings.Builder
	fmt.Fprintf(&out, "\nBoth/And always-on figures, %s idle each, 500-entry demo journal, tray host present\n", idle)
	fmt.Fprintf(&out, "%-24s %-10s %-20s %s\n", "", "resident", "CPU (idle stretch)", "processes")
	fmt.Fprintf(&out, "%-24s %-10s %-20s %s\n", "bare Fyne window", mb(bareUse), cpu(bareUse), each(bareUse))
	fmt.Fprintf(&out, "%-24s %-10s %-20s %s\n", "Both/And, window open", mb(openUse), cpu(openUse), each(openUse))
	fmt.Fprintf(&out, "%-24s %-10s %-20s %s\n", "Both/And, tray only", mb(trayUse), cpu(trayUse), each(trayUse))
	fmt.Fprintf(&out, "window shown from the tray in %d ms\n\n", shown.Milliseconds())
	fmt.Fprintf(&out, "goal: tray only <= 40 MB                    %7.1f MB       %s\n", trayUse.rssMB(), met(trayUse.rssMB() <= 40))
	fmt.Fprintf(&out, "goal: tray only <= 0.2%% of a core           %7.2f%%        %s\n", trayUse.cpuPercent(), met(trayUse.cpuPercent() <= 0.2))
	fmt.Fprintf(&out, "goal: window open <= bare + 40 MB, window   %+7.1f MB       %s\n", window-bareUse.rssMB(), met(window-bareUse.rssMB() <= 40))
	fmt.Fprintf(&out, "                   ... all Both/And         %+7.1f MB       %s\n", openUse.rssMB()-bareUse.rssMB(), met(openUse.rssMB()-bareUse.rssMB() <= 40))
	fmt.Fprintf(&out, "goal: window idle CPU <= bare's             %3d vs %d ticks  %s\n", openUse.ticks, bareUse.ticks, met(openUse.ticks <= bareUse.ticks))
	fmt.Fprintf(&out, "goal: window from the tray <= 1 s           %7d ms       %s\n", shown.Milliseconds(), met(shown <= time.Second))
	fmt.Print(out.String())
	a.stop(t)
}

// demoJournal writes a demo journal of n entries with the binary.
func demoJournal(t *testing.T, bin string, n int) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "demo.db")
	out, err := exec.Command(bin, "demo", "--db", db, "--entries", fmt.Sprint(n)).CombinedOutput()
	if err != nil {
		t.Fatalf("demo: %v\n%s", err, out)
	}
	return db
}

// buildBareFyne builds the smallest Fyne program with a window, from a temp
// module that requires the same Fyne as Both/And: the yardstick for what
// any Fyne window costs on this machine.
func buildBareFyne(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		t.Fatal(err)
	}
	root := filepath.Dir(strings.TrimSpace(string(out)))
	dir := t.TempDir()
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "go.sum"), string(sum))
	writeFile(t, filepath.Join(dir, "go.mod"), "module barefyne\n\ngo 1.26\n\nrequire fyne.io/fyne/v2 v2.8.0\n")
	writeFile(t, filepath.Join(dir, "main.go"), `package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("test.bare.fyne")
	w := a.NewWindow("Bare Fyne")
	w.SetContent(widget.NewLabel("A bare Fyne window"))
	w.Resize(fyne.NewSize(980, 720))
	w.ShowAndRun()
}
`)
	bin := filepath.Join(dir, "barefyne")
	build := exec.Command("go", "build", "-mod=mod", "-o", bin, ".")
	build.Dir = dir
	build.Env = append(os.Environ(), "GOWORK=off")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the bare Fyne window: %v\n%s", err, out)
	}
	return bin
}

// answerKeepsRunning presses Enter on the one-time "Both/And keeps
// running" note, if it shows. (Builds before the dialogs took Enter need
// Tab and Space: the fallback lets the figures compare with them.)
func answerKeepsRunning(t *testing.T, d *display) {
	t.Helper()
	time.Sleep(time.Second)
	visible := func() string {
		out, _ := d.run(t, "xdotool", "search", "--onlyvisible", "--name", "^Both/And$")
		return strings.TrimSpace(string(out))
	}
	if win := visible(); win != "" {
		d.run(t, "xdotool", "windowfocus", "--sync", strings.Fields(win)[0])
		d.run(t, "xdotool", "key", "Return")
		time.Sleep(1500 * time.Millisecond)
		if visible() != "" {
			d.run(t, "xdotool", "key", "Tab", "space")
		}
	}
}

// waitNoWindow waits until no visible window is titled title.
func waitNoWindow(t *testing.T, d *display, title string, timeout time.Duration) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		out, _ := d.run(t, "xdotool", "search", "--onlyvisible", "--name", "^"+title+"$")
		if strings.TrimSpace(string(out)) == "" {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("window %q still shows after %v", title, timeout)
}

// entryID finds a menu entry by its label.
func entryID(t *testing.T, menu []menuEntry, label string) int32 {
	t.Helper()
	for _, e := range menu {
		if e.label == label {
			return e.id
		}
	}
	t.Fatalf("no %q in the tray menu %v", label, menu)
	return 0
}
