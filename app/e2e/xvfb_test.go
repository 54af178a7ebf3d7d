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

// app is the real binary running on a display.
type app struct {
	cmd    *exec.Cmd
	out    *syncBuffer
	exited chan struct{}
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
// execs the app in place.
func startAppWith(t *testing.T, d *display, home string, extraEnv, prefix []string, args ...string) *app {
	t.Helper()
	return startProgram(t, d, home, extraEnv, append(append(append([]string{}, prefix...), buildBinary(t)), args...))
}

// startAppProgram starts another program (the bare Fyne window) the way
// startApp starts Both/And.
func startAppProgram(t *testing.T, prog string, d *display, home string, extraEnv []string, args ...string) *app {
	t.Helper()
	return startProgram(t, d, home, extraEnv, append([]string{prog}, args...))
}

func startProgram(t *testing.T, d *display, home string, extraEnv, argv []string) *app {
	t.Helper()
	cmd := exec.Command(argv[0], argv[1:]...)
	runtime := filepath.Join(home, "run")
	for _, dir := range []string{runtime, filepath.Join(home, ".cache")} {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	cmd.Env = []string{
		"PATH=" + os.Getenv("PATH"),
		"XDG_RUNTIME_DIR=" + runtime,
		"DISPLAY=" + d.name,
		"HOME=" + home,
		"XDG_CONFIG_HOME=" + filepath.Join(home, ".config"),
		"XDG_DATA_HOME=" + filepath.Join(home, ".local", "share"),
		"LANG=en_US.UTF-8",
	}
	cmd.Env = append(cmd.Env, extraEnv...)
	a := &app{cmd: cmd, out: &syncBuffer{}, exited: make(chan struct{})}
	cmd.Stdout, cmd.Stderr = a.out, a.out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		cmd.Wait()
		close(a.exited)
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-a.exited
	})
	return a
}

// stop sends SIGTERM and waits for a clean exit.
func (a *app) stop(t *testing.T) {
	t.Helper()
	a.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-a.exited:
	case <-time.After(15 * time.Second):
		t.Fatalf("still running 15 s after SIGTERM; output:\n%s", a.out)
	}
	if code := a.cmd.ProcessState.ExitCode(); code != 0 {
		t.Fatalf("exit code %d after SIGTERM; output:\n%s", code, a.out)
	}
}
