package vault

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// The tray shows the pinned slip in its menu, and it never holds the key.
// When the person allows it (Preferences ▸ Privacy, on unless turned off),
// the window keeps a copy of the pinned slip, that one sentence and
// nothing else, in a small plain file beside the encrypted journal, and
// the tray reads it while the journal is locked. Turned off, the file is
// removed; turning encryption off removes it too.

// slipPath is the copy's file for the journal at path.
func slipPath(path string) string { return path + ".slip" }

// ShowSlipWhileLocked keeps text as the slip the tray may show while the
// journal at path is locked; an empty text removes the copy.
func ShowSlipWhileLocked(path, text string) error {
	text = strings.TrimSpace(text)
	if text == "" {
		return HideSlipWhileLocked(path)
	}
	if old, err := SlipWhileLocked(path); err == nil && old == text {
		return nil
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(slipPath(path))+"-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after the rename, nothing is left to remove
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.WriteString(text + "\n"); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), slipPath(path))
}

// HideSlipWhileLocked removes the copy of the slip.
func HideSlipWhileLocked(path string) error {
	err := os.Remove(slipPath(path))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// SlipWhileLocked is the slip the tray may show while the journal is
// locked: "" when there is none or the person did not allow it.
func SlipWhileLocked(path string) (string, error) {
	b, err := os.ReadFile(slipPath(path))
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	return strings.TrimSpace(string(b)), err
}
