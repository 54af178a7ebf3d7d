//go:build linux || freebsd || openbsd || netbsd || dragonfly

package autostart

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/adrg/xdg"
)

// path is where the entry lives: $XDG_CONFIG_HOME/autostart/ID.desktop.
func (e Entry) path() string {
	return filepath.Join(configHome(), "autostart", e.ID+".desktop")
}

func configHome() string {
	if dir := os.Getenv("XDG_CONFIG_HOME"); filepath.IsAbs(dir) {
		return dir // read each time: tests and sessions may change it after start
	}
	return xdg.ConfigHome
}

// Enable writes the .desktop file (Desktop Entry Specification 1.5).
func (e Entry) Enable() error {
	if err := os.MkdirAll(filepath.Dir(e.path()), 0o700); err != nil {
		return fmt.Errorf("autostart: %w", err)
	}
	exec := quoteExec(e.Exec)
	for _, a := range e.Args {
		exec += " " + quoteExec(a)
	}
	content := strings.Join([]string{
		"[Desktop Entry]",
		"Type=Application",
		"Name=" + e.Name,
		"Exec=" + exec,
		"Icon=" + e.ID,
		"Terminal=false",
		"X-GNOME-Autostart-enabled=true",
		"",
	}, "\n")
	tmp := e.path() + ".tmp"
	if err := os.WriteFile(tmp, []byte(content), 0o600); err != nil {
		return fmt.Errorf("autostart: %w", err)
	}
	return os.Rename(tmp, e.path())
}

// Disable removes the file; removing an absent entry is not an error.
func (e Entry) Disable() error {
	if err := os.Remove(e.path()); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("autostart: %w", err)
	}
	return nil
}

// Enabled reports whether the entry is installed.
func (e Entry) Enabled() bool {
	_, err := os.Stat(e.path())
	return err == nil
}

// quoteExec quotes an argument for the Exec key when it needs it.
func quoteExec(s string) string {
	if !strings.ContainsAny(s, " \t\n\"'\\><~|&;$*?#()`") {
		return s
	}
	r := strings.NewReplacer(`\`, `\\\\`, `"`, `\\"`, "`", "\\\\`", `$`, `\\$`)
	return `"` + r.Replace(s) + `"`
}
