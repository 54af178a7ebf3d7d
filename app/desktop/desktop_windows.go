//go:build windows

package desktop

import (
	"fmt"
	"os/exec"
	"strings"
	"syscall"
)

// Probe: Windows always has a notification area and toasts.
func Probe() Support { return Support{Tray: true, Notifications: true} }

// Notify shows a toast through PowerShell's access to the Windows Runtime,
// as Fyne does: no cgo, and nothing to install.
func Notify(title, body, _ string) error {
	script := fmt.Sprintf(`[Windows.UI.Notifications.ToastNotificationManager, Windows.UI.Notifications, ContentType = WindowsRuntime] > $null
$t = [Windows.UI.Notifications.ToastNotificationManager]::GetTemplateContent([Windows.UI.Notifications.ToastTemplateType]::ToastText02)
$x = $t.GetElementsByTagName("text")
$x.Item(0).AppendChild($t.CreateTextNode(%s)) > $null
$x.Item(1).AppendChild($t.CreateTextNode(%s)) > $null
[Windows.UI.Notifications.ToastNotificationManager]::CreateToastNotifier(%s).Show([Windows.UI.Notifications.ToastNotification]::new($t))`,
		psQuote(title), psQuote(body), psQuote(AppName))
	cmd := exec.Command("powershell.exe", "-NoProfile", "-NonInteractive", "-Command", script)
	cmd.SysProcAttr = &syscall.SysProcAttr{HideWindow: true}
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("the notification could not be shown: %v: %s", err, strings.TrimSpace(string(out)))
	}
	return nil
}

// psQuote is s as a single-quoted PowerShell string.
func psQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
