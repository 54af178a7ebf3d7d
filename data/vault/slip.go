package vault

import (
	"errors"
	"io/fs"
	"os"
	"strings"

	"github.com/bothand/bothand/data/internal/atomicfile"
)

// The tray shows the pinned slip in its menu, and it never holds the key.
// When the person allows it (Preferences ▸ Privacy, on unless turned off),
// the window keeps a copy of the pinned slip, that one sentence and
// nothing else, in a small plain file beside the encrypted journal, and
// the tray reads it while the journal is locked, for its menu and the
// morning notification (morning.go). Turned off, the file is removed;
// turning encryption off removes it too.

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
	return atomicfile.WriteBytes(slipPath(path), 0o600, []byte(text+"\n"))
}

// HideSlipWhileLocked removes the copy of the slip.
func HideSlipWhileLocked(path string) error { return removeIfThere(slipPath(path)) }

// removeIfThere removes the file at path; one already gone is no error.
func removeIfThere(path string) error {
	err := os.Remove(path)
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
