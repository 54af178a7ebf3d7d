//go:build darwin

package autostart

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

func (e Entry) path() string {
	home, _ := os.UserHomeDir()
	return filepath.Join(home, "Library", "LaunchAgents", e.ID+".plist")
}

// Enable writes a LaunchAgent that runs the program at login.
func (e Entry) Enable() error {
	var args strings.Builder
	for _, a := range append([]string{e.Exec}, e.Args...) {
		args.WriteString("\t\t<string>")
		xml.EscapeText(&args, []byte(a))
		args.WriteString("</string>\n")
	}
	plist := `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<key>Label</key>
	<string>` + e.ID + `</string>
	<key>ProgramArguments</key>
	<array>
` + args.String() + `	</array>
	<key>RunAtLoad</key>
	<true/>
</dict>
</plist>
`
	if err := os.MkdirAll(filepath.Dir(e.path()), 0o700); err != nil {
		return fmt.Errorf("autostart: %w", err)
	}
	return os.WriteFile(e.path(), []byte(plist), 0o600)
}

// Disable removes the LaunchAgent.
func (e Entry) Disable() error {
	if err := os.Remove(e.path()); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("autostart: %w", err)
	}
	return nil
}

// Enabled reports whether the LaunchAgent is installed.
func (e Entry) Enabled() bool {
	_, err := os.Stat(e.path())
	return err == nil
}
