package data

import (
	"path/filepath"

	"github.com/adrg/xdg"
)

// DefaultPath is where the journal lives unless --db or BOTHAND_DB says
// otherwise: the per-user data folder of the platform, via adrg/xdg
// ($XDG_DATA_HOME/bothand/journal.db, usually ~/.local/share/bothand on
// Linux; %LOCALAPPDATA%\bothand on Windows; ~/Library/Application
// Support/bothand on macOS). A journal is data, not configuration or cache,
// so Fyne's storage root (under the config folder) is not used for it.
func DefaultPath() string {
	return filepath.Join(xdg.DataHome, "bothand", "journal.db")
}

// KeysPath is where the keys file of the journal at path lives: beside it,
// named after it (journal.db.keys), so the two travel together.
func KeysPath(journal string) string { return journal + ".keys" }

// InboxDir is the folder beside the journal at path where entries written
// while it is locked wait, sealed, for the next unlock (journal.db.inbox).
func InboxDir(journal string) string { return journal + ".inbox" }
