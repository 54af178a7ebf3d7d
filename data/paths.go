package data

import (
	"os"
	"runtime"
	"strings"
)

// DefaultPath is where the journal lives unless --db or BOTHAND_DB says
// otherwise: the per-user data folder of the platform.
//
//	Linux, BSD  $XDG_DATA_HOME/bothand/journal.db (~/.local/share/bothand)
//	Windows     %LOCALAPPDATA%\bothand\journal.db
//	macOS       ~/Library/Application Support/bothand/journal.db
//
// A journal is data, not configuration or cache, so Fyne's storage root
// (under the config folder) is not used for it. On Windows it is the local,
// not the roaming, AppData: roaming profiles copy their folder at every
// sign-out, and a SQLite journal with its write-ahead log and two weeks of
// daily backups is the kind of data Windows keeps local.
func DefaultPath() string {
	home, _ := os.UserHomeDir()
	return defaultPath(runtime.GOOS, os.Getenv, home)
}

// defaultPath is DefaultPath for the system goos, its environment and the
// person's home folder: written without path/filepath so each platform's
// answer is tested on every platform.
func defaultPath(goos string, getenv func(string) string, home string) string {
	switch goos {
	case "windows":
		// XDG_DATA_HOME is ignored here even when set (some Unix tool kits
		// set it on Windows): the journal belongs where Windows backs up
		// and clears the person's app data.
		dir := getenv("LOCALAPPDATA")
		if _, err := windowsURIPath(dir); dir == "" || err != nil {
			dir = strings.TrimRight(home, `\/`) + `\AppData\Local`
		}
		return strings.TrimRight(dir, `\/`) + `\bothand\journal.db`
	case "darwin", "ios":
		return strings.TrimRight(home, "/") + "/Library/Application Support/bothand/journal.db"
	default:
		// The XDG spec: a relative $XDG_DATA_HOME is invalid and ignored.
		dir := getenv("XDG_DATA_HOME")
		if !strings.HasPrefix(dir, "/") {
			dir = strings.TrimRight(home, "/") + "/.local/share"
		}
		return strings.TrimRight(dir, "/") + "/bothand/journal.db"
	}
}

// KeysPath is where the keys file of the journal at path lives: beside it,
// named after it (journal.db.keys), so the two travel together.
func KeysPath(journal string) string { return journal + ".keys" }

// InboxDir is the folder beside the journal at path where entries written
// while it is locked wait, sealed, for the next unlock (journal.db.inbox).
func InboxDir(journal string) string { return journal + ".inbox" }
