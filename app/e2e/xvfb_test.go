package e2e

import (
	"bufio"
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// display is a private Xvfb server for one test.
type display struct {
	name string
	cmd  *exec.Cmd
}

// startXvfb starts Xvfb on a free display number (it picks one itself and
// reports it on a pipe) and stops it when the test ends.
func startXvfb(t *testing.T) *display {
	t.Helper()
	for _, tool := range []string{"Xvfb", "xdotool", "import"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is not installed: `make test` installs what the window tests need (see .ci/deps)", tool)
		}
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "1280x860x24", "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{w}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	line := make(chan string, 1)
	go func() {
		s, _ := bufio.NewReader(r).ReadString('\n')
		line <- strings.TrimSpace(s)
	}()
	var num string
	select {
	case num = <-line:
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatal("Xvfb did not start")
	}
	d := &display{name: ":" + num, cmd: cmd}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	return d
}

// run runs an X tool against the display.
func (d *display) run(t testing.TB, name string, args ...string) ([]byte, error) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+d.name)
	return cmd.Output()
}

// waitWindow waits for a visible window titled title and returns its id.
func (d *display) waitWindow(t *testing.T, title string, timeout time.Duration, exited <-chan struct{}) string {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		out, _ := d.run(t, "xdotool", "search", "--onlyvisible", "--name", "^"+title+"$")
		if id := strings.TrimSpace(string(out)); id != "" {
			return strings.Fields(id)[0]
		}
		select {
		case <-exited:
			if v, ok := started.Load(exited); ok {
				a := v.(*app)
				t.Fatalf("the app exited (%v) before its window appeared; its output:\n%s", a.cmd.ProcessState, tail(a.output(), 40))
			}
			t.Fatal("the app exited before its window appeared")
		case <-time.After(50 * time.Millisecond):
		}
	}
	t.Fatalf("no window %q after %v", title, timeout)
	return ""
}

// screenshot captures the whole screen.
func (d *display) screenshot(t *testing.T) image.Image {
	t.Helper()
	out, err := d.run(t, "import", "-window", "root", "png:-")
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// distinctColours counts the colours in r, up to limit.
func distinctColours(img image.Image, r image.Rectangle, limit int) int {
	seen := map[[3]uint32]bool{}
	for y := r.Min.Y; y < r.Max.Y; y += 2 {
		for x := r.Min.X; x < r.Max.X; x += 2 {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			seen[[3]uint32{cr >> 8, cg >> 8, cb >> 8}] = true
			if len(seen) >= limit {
				return len(seen)
			}
		}
	}
	return len(seen)
}

var binary string

// buildBinary builds bothand once per test run.
func buildBinary(t *testing.T) string {
	t.Helper()
	if binary != "" {
		return binary
	}
	// A binary built elsewhere (an older commit, for a before-and-after
	// table) can stand in for this tree's.
	if bin := os.Getenv("BOTHAND_E2E_BIN"); bin != "" {
		abs, err := filepath.Abs(bin)
		if err != nil {
			t.Fatal(err)
		}
		binary = abs
		return abs
	}
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		t.Fatal(err)
	}
	root := filepath.Dir(strings.TrimSpace(string(out)))
	// Both programs, side by side as they are installed: bothand finds
	// its tray program beside itself.
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("bothand-e2e-%d", os.Getpid()))
	bin := filepath.Join(dir, "bothand")
	for pkg, out := range map[string]string{".": bin, "./app/tray/bothand-tray": filepath.Join(dir, "bothand-tray")} {
		// The tags of the Makefile's build: what people run.
		build := exec.Command("go", "build", "-tags", "no_emoji", "-o", out, pkg)
		build.Dir = root
		if out, err := build.CombinedOutput(); err != nil {
			t.Fatalf("go build %s: %v\n%s", pkg, err, out)
		}
	}
	binary = bin
	return bin
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binary != "" && os.Getenv("BOTHAND_E2E_BIN") == "" {
		os.RemoveAll(filepath.Dir(binary))
	}
	os.Exit(code)
}

// app is the real binary running on a display, under a session bus of its
// own (see startAppWith).
// started finds an app by its exited channel, so a wait that sees it end
// can say what it printed.
var started sync.Map

type app struct {
	cmd    *exec.Cmd
	out    *syncBuffer
	exited chan struct{}
	home   string
	pid    int    // the app's own process, once known
	prog   string // the program started (bothand, or the bare Fyne window)
}

// syncBuffer collects the app's output while the test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func (a *app) output() string { return a.out.String() }

// startApp starts the binary on d with a private home; extraEnv adds
// variables such as a session bus address.
func startApp(t *testing.T, d *display, home string, extraEnv []string, args ...string) *app {
	t.Helper()
	return startAppWith(t, d, home, extraEnv, nil, args...)
}

// startAppWith is startApp with a command prefix (such as unshare) that
// execs what follows in place.
//
// Unless extraEnv names a bus, the app runs under dbus-run-session: a
// session bus of its own, ended with it. Without one, D-Bus would
// auto-launch a bus that outlives the test, and on a desktop with
// xdg-desktop-portal that bus starts the document portal, which mounts a
// folder in the test's runtime directory that its cleanup can't remove.
// The app logs at the debug level to its output, which the tests read to
// follow the dialogs, the menus and the focus.
func startAppWith(t *testing.T, d *display, home string, extraEnv, prefix []string, args ...string) *app {
	t.Helper()
	return startProgram(t, d, home, extraEnv, prefix, buildBinary(t), args...)
}

// startAppProgram starts another program (the bare Fyne window) the way
// startApp starts Both/And.
func startAppProgram(t *testing.T, prog string, d *display, home string, extraEnv []string, args ...string) *app {
	t.Helper()
	return startProgram(t, d, home, extraEnv, nil, prog, args...)
}

func startProgram(t *testing.T, d *display, home string, extraEnv, prefix []string, prog string, args ...string) *app {
	t.Helper()
	argv := append([]string{}, prefix...)
	ownBus := true
	for _, e := range extraEnv {
		if strings.HasPrefix(e, "DBUS_SESSION_BUS_ADDRESS=") {
			ownBus = false
		}
	}
	if ownBus {
		if _, err := exec.LookPath("dbus-run-session"); err != nil {
			t.Fatal("dbus-run-session is not installed: `make test` installs it (package dbus, see .ci/deps)")
		}
		argv = append(argv, "dbus-run-session", "--")
	}
	argv = append(append(argv, prog), args...)
	cmd := exec.Command(argv[0], argv[1:]...)
	runtime := filepath.Join(home, "run")
	for _, dir := range []string{runtime, filepath.Join(home, ".cache"), filepath.Join(home, "bin")} {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	cmd.Env = []string{
		// Programs the app starts (xdg-open) are looked for in home/bin
		// first, where a test can put its own.
		"PATH=" + filepath.Join(home, "bin") + string(os.PathListSeparator) + os.Getenv("PATH"),
		"XDG_RUNTIME_DIR=" + runtime,
		"DISPLAY=" + d.name,
		"HOME=" + home,
		"XDG_CONFIG_HOME=" + filepath.Join(home, ".config"),
		"XDG_DATA_HOME=" + filepath.Join(home, ".local", "share"),
		"XDG_STATE_HOME=" + filepath.Join(home, ".local", "state"),
		"XDG_CACHE_HOME=" + filepath.Join(home, ".cache"),
		"LANG=en_US.UTF-8",
		"BOTHAND_LOG=debug",
		"FYNE_SCALE=1",
		// A crash shows every goroutine, not only the one that panicked:
		// the other side of a race is on another goroutine.
		"GOTRACEBACK=all",
	}
	// The test's time zone, so that "today" is the same day for both.
	for _, k := range []string{"TZ", "ZONEINFO"} {
		if v, ok := os.LookupEnv(k); ok {
			cmd.Env = append(cmd.Env, k+"="+v)
		}
	}
	cmd.Env = append(cmd.Env, extraEnv...)
	// Its own process group, so that nothing it starts outlives the test.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	a := &app{cmd: cmd, out: &syncBuffer{}, exited: make(chan struct{}), home: home, prog: prog}
	// Keyed as waitWindow holds it (a receive-only channel), or Load misses it.
	started.Store((<-chan struct{})(a.exited), a)
	cmd.Stdout, cmd.Stderr = a.out, a.out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		cmd.Wait()
		close(a.exited)
	}()
	t.Cleanup(func() { a.end(t, runtime) })
	return a
}

// end stops what is left of the app and its bus, and unmounts what a
// document portal may have mounted in the runtime folder.
func (a *app) end(t *testing.T, runtime string) {
	select {
	case <-a.exited:
	default:
		if pid := a.appPID(); pid > 0 && t.Failed() {
			// What the app was doing when the test gave up on it (waiting
			// for a key it never got, or stuck): every goroutine's stack.
			before := len(a.output())
			syscall.Kill(pid, syscall.SIGQUIT)
			select {
			case <-a.exited:
			case <-time.After(5 * time.Second):
			}
			lines := strings.Split(a.output()[before:], "\n")
			t.Logf("the app's goroutines when the test failed (SIGQUIT):\n%s", strings.Join(lines[:min(len(lines), 400)], "\n"))
		} else if pid > 0 {
			syscall.Kill(pid, syscall.SIGTERM)
		}
		select {
		case <-a.exited:
		case <-time.After(10 * time.Second):
		}
	}
	syscall.Kill(-a.cmd.Process.Pid, syscall.SIGKILL) // the group: a bus, a portal
	<-a.exited
	doc := filepath.Join(runtime, "doc")
	for _, tool := range [][]string{{"fusermount3", "-u", doc}, {"fusermount", "-u", doc}, {"umount", "-l", doc}} {
		if mounted(doc) {
			exec.Command(tool[0], tool[1:]...).Run()
		}
	}
	if mounted(doc) {
		t.Errorf("%s is still mounted after the app ended", doc)
	}
}

// mounted reports whether path is a mount point.
func mounted(path string) bool {
	b, err := os.ReadFile("/proc/self/mountinfo")
	if err != nil {
		return false
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) > 4 && f[4] == path {
			return true
		}
	}
	return false
}

// appPID finds the app's own process below the started one (unshare and
// dbus-run-session are in between), 0 while it is not there.
func (a *app) appPID() int {
	if a.pid > 0 {
		return a.pid
	}
	var find func(pid int) int
	find = func(pid int) int {
		if exe, err := os.Readlink(fmt.Sprintf("/proc/%d/exe", pid)); err == nil && slices.Contains(programsOf(a.prog), exe) {
			return pid
		}
		kids, _ := os.ReadFile(fmt.Sprintf("/proc/%d/task/%d/children", pid, pid))
		for _, k := range strings.Fields(string(kids)) {
			var child int
			fmt.Sscan(k, &child)
			if found := find(child); found > 0 {
				return found
			}
		}
		return 0
	}
	a.pid = find(a.cmd.Process.Pid)
	return a.pid
}

// signal sends sig to the app itself.
func (a *app) signal(t *testing.T, sig syscall.Signal) {
	t.Helper()
	pid := a.appPID()
	if pid == 0 {
		t.Fatalf("the app's process is not there; output:\n%s", a.output())
	}
	if err := syscall.Kill(pid, sig); err != nil {
		t.Fatal(err)
	}
}

// wait waits for the app to end and returns its exit code.
func (a *app) wait(t *testing.T, timeout time.Duration) int {
	t.Helper()
	select {
	case <-a.exited:
	case <-time.After(timeout):
		// SIGQUIT makes a Go program print every goroutine's stack and
		// exit: what it was stuck on, for a hang seen once under load.
		if pid := a.appPID(); pid > 0 {
			_ = syscall.Kill(pid, syscall.SIGQUIT)
			select {
			case <-a.exited:
			case <-time.After(5 * time.Second):
			}
		}
		t.Fatalf("still running after %v; output, with its goroutines' stacks after SIGQUIT:\n%s", timeout, a.output())
	}
	return a.cmd.ProcessState.ExitCode()
}

// stop sends SIGTERM and waits for a clean exit.
func (a *app) stop(t *testing.T) {
	t.Helper()
	a.signal(t, syscall.SIGTERM)
	if code := a.wait(t, 15*time.Second); code != 0 {
		t.Fatalf("exit code %d after SIGTERM; output:\n%s", code, a.out)
	}
}
