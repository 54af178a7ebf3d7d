package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoLocaleErrorOnStart runs the binary under the language settings of
// minimal systems and containers: nothing about the locale on stderr, from
// the commands or the window.
func TestNoLocaleErrorOnStart(t *testing.T) {
	bin := buildBinary(t)
	for _, env := range [][]string{
		{"LANG=C"},
		{"LANG=C.UTF-8"},
		{"LC_ALL=C.UTF-8"},
		{"LANG=en_GB.UTF-8"},
		{"LANG=en_GB@euro"},
		{"LANG=fr_FR.UTF-8", "LC_MESSAGES=C.utf8"},
		{},
	} {
		for _, args := range [][]string{{"help"}, {"version"}, {"agenda", "--db", filepath.Join(t.TempDir(), "j.db")}} {
			cmd := exec.Command(bin, args...)
			cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir()}, env...)
			var stderr strings.Builder
			cmd.Stderr = &stderr
			if err := cmd.Run(); err != nil {
				t.Errorf("%v %v: %v\n%s", env, args, err, stderr.String())
			}
			if strings.Contains(stderr.String(), "locale") || strings.Contains(stderr.String(), "Fyne error") {
				t.Errorf("%v %v printed:\n%s", env, args, stderr.String())
			}
		}
	}
	// The window too: its log and stderr say nothing of the locale.
	d := startXvfb(t)
	a := startApp(t, d, homeWithWelcomeDone(t), []string{"LANG=C.UTF-8"}, "--db", filepath.Join(t.TempDir(), "journal.db"))
	newSession(t, d, a)
	a.stop(t)
	if strings.Contains(a.output(), "locale") {
		t.Errorf("the window printed:\n%s", a.output())
	}
}
