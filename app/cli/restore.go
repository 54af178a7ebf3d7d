package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"text/tabwriter"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/keys"
	"github.com/bothand/bothand/data/prose"
	"github.com/bothand/bothand/data/vault"
)

func init() {
	verbs["backups"] = verb{
		summary: "list the journal's backups, newest first (--delete-plain: delete those not encrypted)",
		args:    "[--delete-plain]",
		run:     runBackups,
	}
	verbs["restore"] = verb{
		summary: "replace the journal with a backup (the journal as it was is kept in the backups folder)",
		args:    "BACKUP",
		run:     runRestore,
	}
}

func runBackups(c *command, args []string) int {
	fs := c.flags("backups")
	deletePlain := fs.Bool("delete-plain", false, "delete the backups that are not encrypted (made before encryption was turned on)")
	if _, code := c.parse(fs, args, 0); code != proceed {
		return code
	}
	path, _ := c.dbPath()
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if *deletePlain {
		if err := c.requireEncrypted(path); err != nil {
			return c.fail(err)
		}
		n, err := vault.DeletePlainBackups(path)
		if err != nil {
			return c.fail(err)
		}
		fmt.Fprintf(c.Stdout, "Deleted %d unencrypted %s.\n", n, plural(n, "backup", "backups"))
		return ExitOK
	}
	// Listing does not open the journal, which may be the damaged one.
	list, err := data.ListBackups(path)
	if err != nil {
		return c.fail(err)
	}
	if len(list) == 0 {
		fmt.Fprintf(c.Stdout, "No backups yet in %s\n", filepath.Join(filepath.Dir(path), "backups"))
		return ExitOK
	}
	tw := tabwriter.NewWriter(c.Stdout, 0, 0, 2, ' ', 0)
	for _, b := range list {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", b.Time.Format("2006-01-02 15:04"), backupKindLabel(b.Kind), prose.Size(b.Size), b.Path)
	}
	tw.Flush()
	return ExitOK
}

func runRestore(c *command, args []string) int {
	rest, code := c.parse(c.flags("restore"), args, 1)
	if code != proceed {
		return code
	}
	if len(rest) != 1 {
		return c.usageError(errors.New("restore needs the backup to restore (see: bothand backups)"))
	}
	path, createFolder := c.dbPath()
	if createFolder {
		_ = os.MkdirAll(filepath.Dir(path), 0o700)
	}
	opts := data.Options{Now: c.Now}
	if state, err := vault.StateOf(path); err != nil {
		return c.fail(err)
	} else if state == vault.Encrypted {
		// The backup is restored with the journal's key: it must be one
		// of its own, or a plain one (encrypted on the way).
		var sec *keys.Secrets
		err := c.withPassphrase(path, "Passphrase for "+path+": ", func(p []byte) (err error) {
			sec, err = vault.Unlock(path, vault.Passphrase(p), c.vaultOptions(opts))
			return err
		})
		if err != nil {
			return c.fail(err)
		}
		defer sec.Wipe()
		opts.Key = sec.DataKey
	}
	var saved string
	err := c.interruptible(func(ctx context.Context) (err error) {
		saved, err = data.RestoreBackup(ctx, path, rest[0], opts)
		return err
	})
	if err != nil {
		return c.failOrStop(err, "the journal is unchanged")
	}
	if saved != "" {
		fmt.Fprintf(c.Stdout, "Restored %s. The journal as it was is kept in %s\n", rest[0], saved)
	} else {
		fmt.Fprintf(c.Stdout, "Restored %s into %s\n", rest[0], path)
	}
	return ExitOK
}

func backupKindLabel(k data.BackupKind) string {
	switch k {
	case data.BackupDaily:
		return "daily"
	case data.BackupBeforeRestore:
		return "before a restore"
	}
	return "on request"
}
