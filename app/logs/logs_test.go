package logs

import (
	"fmt"
	"log"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// restoreDefault puts slog and log back as they were after a test.
func restoreDefault(t *testing.T) {
	old := slog.Default()
	t.Cleanup(func() { slog.SetDefault(old) })
}

func TestTheLogTakesSlogAndTheStandardLog(t *testing.T) {
	restoreDefault(t)
	dir := filepath.Join(t.TempDir(), "state", "bothand")
	var also strings.Builder
	s, err := Start(Options{Dir: dir, Level: slog.LevelInfo, Also: &also})
	if err != nil {
		t.Fatal(err)
	}
	slog.Info("starting", "version", "test")
	slog.Debug("not at info level")
	log.Println("Fyne error:  something") // how Fyne reports its errors
	s.Close()
	text := read(t, filepath.Join(dir, "bothand.log"))
	for _, want := range []string{"msg=starting", "Fyne error:  something"} {
		if !strings.Contains(text, want) || !strings.Contains(also.String(), want) {
			t.Errorf("%q missing from the log:\n%s\nor from stderr:\n%s", want, text, also.String())
		}
	}
	if strings.Contains(text, "not at info level") {
		t.Error("a debug line reached an info log")
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "running-*")); len(left) != 0 {
		t.Errorf("a clean end left %v", left)
	}
}

func TestTheLogIsCappedAndRotated(t *testing.T) {
	restoreDefault(t)
	dir := t.TempDir()
	s, err := Start(Options{Dir: dir, Level: slog.LevelInfo})
	if err != nil {
		t.Fatal(err)
	}
	line := strings.Repeat("x", 1000)
	for i := range 6000 { // about 6 MB
		slog.Info("filler", "n", i, "text", line)
	}
	s.Close()
	// lumberjack removes old files in the background, soon after.
	var files []string
	for deadline := time.Now().Add(3 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		files, _ = filepath.Glob(filepath.Join(dir, "bothand*.log"))
		if len(files) <= keptLogs+1 || time.Now().After(deadline) {
			break
		}
	}
	var total int64
	for _, f := range files {
		fi, _ := os.Stat(f)
		total += fi.Size()
		if fi.Size() > maxLogMB*1024*1024 {
			t.Errorf("%s holds %d bytes", f, fi.Size())
		}
	}
	if len(files) > keptLogs+1 || total > int64(keptLogs+1)*maxLogMB*1024*1024 {
		t.Errorf("%d log files, %d bytes in all", len(files), total)
	}
}

func TestACrashOfAnEarlierRunIsFoundOnce(t *testing.T) {
	restoreDefault(t)
	dir := t.TempDir()
	now := time.Now()
	crashed := filepath.Join(dir, "running-4242.crash")
	os.WriteFile(crashed, []byte("panic: runtime error: nil pointer dereference\n"), 0o600)
	killed := filepath.Join(dir, "running-17.crash") // a run killed two days ago
	os.WriteFile(killed, nil, 0o600)
	os.Chtimes(killed, now.Add(-48*time.Hour), now.Add(-48*time.Hour))
	running := filepath.Join(dir, "running-18.crash") // another window, running now
	os.WriteFile(running, nil, 0o600)
	for i := range 7 {
		old := filepath.Join(dir, fmt.Sprintf("crash-2020-01-0%d-000000.txt", i+1))
		os.WriteFile(old, []byte("old"), 0o600)
	}

	s, err := Start(Options{Dir: dir, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Crash == "" || !strings.HasPrefix(filepath.Base(s.Crash), "crash-") || !strings.Contains(read(t, s.Crash), "nil pointer") {
		t.Fatalf("crash report %q", s.Crash)
	}
	for path, want := range map[string]bool{crashed: false, killed: false, running: true} {
		if _, err := os.Stat(path); (err == nil) != want {
			t.Errorf("%s there: %v, want %v", filepath.Base(path), err == nil, want)
		}
	}
	if reports, _ := filepath.Glob(filepath.Join(dir, "crash-*.txt")); len(reports) != keptCrashes {
		t.Errorf("%d crash reports kept", len(reports))
	}

	again, err := Start(Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if again.Crash != "" {
		t.Errorf("a clean folder reports %q", again.Crash)
	}
}

// A real crash: a process that panics writes its report, and the next
// start finds it.
func TestAPanicLeavesAReportForTheNextStart(t *testing.T) {
	if dir := os.Getenv("BOTHAND_TEST_CRASH_DIR"); dir != "" {
		if _, err := Start(Options{Dir: dir}); err != nil {
			os.Exit(3)
		}
		done := make(chan struct{})
		go func() {
			panic("a deliberate crash, off the main goroutine")
		}()
		<-done
		return
	}
	restoreDefault(t)
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestAPanicLeavesAReportForTheNextStart$")
	cmd.Env = append(os.Environ(), "BOTHAND_TEST_CRASH_DIR="+dir)
	if out, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(out), "panic:") {
		t.Fatalf("the child did not crash: %v\n%s", err, out)
	}
	s, err := Start(Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Crash == "" || !strings.Contains(read(t, s.Crash), "a deliberate crash") {
		t.Fatalf("report %q", s.Crash)
	}
}

func TestLevelFromEnv(t *testing.T) {
	for v, want := range map[string]slog.Level{"debug": slog.LevelDebug, "DEBUG ": slog.LevelDebug, "warn": slog.LevelWarn, "": slog.LevelInfo, "loud": slog.LevelInfo} {
		if got := LevelFromEnv(v); got != want {
			t.Errorf("%q: %v", v, got)
		}
	}
}
