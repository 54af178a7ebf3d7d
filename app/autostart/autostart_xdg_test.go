//go:build linux || freebsd || openbsd || netbsd || dragonfly

package autostart

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEnableWritesADesktopEntryAndDisableRemovesIt(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	e := Entry{ID: "app.bothand.BothAnd", Name: "Both/And", Exec: "/opt/Both And/bothand", Args: []string{"--minimized"}}
	if e.Enabled() {
		t.Fatal("enabled before Enable")
	}
	if err := e.Enable(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "autostart", "app.bothand.BothAnd.desktop")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"[Desktop Entry]\n", "Type=Application\n", "Name=Both/And\n",
		`Exec="/opt/Both And/bothand" --minimized` + "\n",
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("entry lacks %q:\n%s", want, b)
		}
	}
	if !e.Enabled() {
		t.Error("not enabled after Enable")
	}
	if err := e.Disable(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) || e.Enabled() {
		t.Errorf("still there after Disable: %v", err)
	}
	if err := e.Disable(); err != nil {
		t.Errorf("disabling twice: %v", err)
	}
}

func TestQuoteExec(t *testing.T) {
	for in, want := range map[string]string{
		"/usr/bin/bothand":  "/usr/bin/bothand",
		"/home/a b/bothand": `"/home/a b/bothand"`,
		`/x/$HOME`:          `"/x/\\$HOME"`,
	} {
		if got := quoteExec(in); got != want {
			t.Errorf("quoteExec(%q) = %q, want %q", in, got, want)
		}
	}
}
