//go:build darwin

package desktop

import (
	"fmt"
	"os/exec"
	"strconv"
	"strings"
)

// Probe: macOS always has a menu bar and Notification Center.
func Probe() Support { return Support{Tray: true, Notifications: true} }

// Notify shows a notification through AppleScript, which needs no cgo and
// no entitlement for a program outside an app bundle.
func Notify(title, body, _ string) error {
	script := fmt.Sprintf("display notification %s with title %s", strconv.Quote(body), strconv.Quote(title))
	if out, err := exec.Command("osascript", "-e", script).CombinedOutput(); err != nil {
		return fmt.Errorf("the notification could not be shown: %v: %s", err, strings.TrimSpace(string(out)))
	}
	return nil
}
