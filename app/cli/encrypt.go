package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/keys"
	"github.com/bothand/bothand/data/vault"
)

func init() {
	verbs["encrypt"] = verb{
		summary: "protect the journal with a passphrase (prints a recovery code once)",
		args:    "[--new-passphrase-file F] [--delete-plain-backups]",
		run:     runEncrypt,
	}
	verbs["decrypt"] = verb{
		summary: "turn the journal's encryption off (its backups too)",
		run:     runDecrypt,
	}
	verbs["passphrase"] = verb{
		summary: "change the journal's passphrase",
		args:    "[--new-passphrase-file F]",
		run:     runPassphrase,
	}
	verbs["recover"] = verb{
		summary: "set a new passphrase with the recovery code",
		args:    "[--code-file F] [--new-passphrase-file F]",
		run:     runRecover,
	}
}

// The advice given after the errors of unlocking, in the command line's
// words.
var unlockAdvice = map[error]string{
	keys.ErrWrongPassphrase: "Nothing was changed. Forgot it? bothand recover sets a new one with the recovery code",
	keys.ErrWrongCode:       "Nothing was changed. Check the code as it was printed when encryption was turned on",
	keys.ErrNoKeysFile:      "Put the keys file back beside the journal (or restore it from where you copy the journal to)",
	keys.ErrBadKeysFile:     "Nothing was changed. Restore the keys file from where you copy the journal to",
}

func runEncrypt(c *command, args []string) int {
	fs := c.flags("encrypt")
	newFile := fs.String("new-passphrase-file", "", "read the new passphrase from the first line of FILE instead of the terminal")
	deletePlain := fs.Bool("delete-plain-backups", false, "delete the backups made before, which are not encrypted")
	if _, code := c.parse(fs, args, 0); code != proceed {
		return code
	}
	path, createFolder := c.dbPath()
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if state, err := vault.StateOf(path); err != nil || state == vault.Encrypted {
		if err == nil {
			err = vault.ErrAlreadyEncrypted
		}
		return c.fail(err)
	}
	if createFolder {
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return c.fail(err)
		}
	}
	pass, err := c.newPassphrase(*newFile, "--new-passphrase-file")
	if err != nil {
		return c.fail(err)
	}
	defer clear(pass)
	var recovery string
	progress := newProgressLine(c)
	opts := c.vaultOptions(optsFor(c))
	opts.Data.Progress = func(done, total int64) { progress.show("Encrypting", done, total) }
	err = c.interruptible(func(ctx context.Context) (err error) {
		recovery, err = vault.Encrypt(ctx, path, pass, opts)
		return err
	})
	progress.done()
	if err != nil {
		return c.failOrStop(err, "the journal is unchanged")
	}
	fmt.Fprintf(c.Stdout, `The journal is encrypted: %s
It opens with your passphrase, or with this recovery code if you forget it:

    %s

Write the code down or print it, and keep it apart from this computer. It is
shown only this once. Without the passphrase or the code, nobody can read the
journal, and neither can you.

The old, unencrypted file was replaced, but a copy of its bytes may remain on
the disk (SSDs move data rather than overwrite it), and in any copies made
before.
`, path, recovery)
	return c.offerToDeletePlainBackups(path, *deletePlain)
}

// offerToDeletePlainBackups lists the backups made before encryption, which
// are plain, and deletes them when asked to (by the flag, or yes on the
// terminal).
func (c *command) offerToDeletePlainBackups(path string, yes bool) int {
	plain, err := vault.PlainBackups(path)
	if err != nil || len(plain) == 0 {
		return ExitOK
	}
	fmt.Fprintf(c.Stdout, "\n%d %s in %s %s not encrypted.\n", len(plain), plural(len(plain), "backup", "backups"),
		filepath.Dir(plain[0].Path), plural(len(plain), "is", "are"))
	if !yes && c.Terminal != nil {
		answer, err := c.Terminal.Line("Delete them now? [y/N] ")
		yes = err == nil && strings.EqualFold(strings.TrimSpace(answer), "y")
	}
	if !yes {
		fmt.Fprintln(c.Stdout, "They were kept. To delete them later: bothand backups --delete-plain")
		return ExitOK
	}
	n, err := vault.DeletePlainBackups(path)
	if err != nil {
		return c.fail(err)
	}
	fmt.Fprintf(c.Stdout, "Deleted %d unencrypted %s.\n", n, plural(n, "backup", "backups"))
	return ExitOK
}

func runDecrypt(c *command, args []string) int {
	if _, code := c.parse(c.flags("decrypt"), args, 0); code != proceed {
		return code
	}
	path, _ := c.dbPath()
	var rep vault.DecryptReport
	err := c.withPassphrase(path, "Passphrase for "+path+": ", func(p []byte) error {
		progress := newProgressLine(c)
		defer progress.done()
		opts := c.vaultOptions(optsFor(c))
		opts.Data.Progress = func(done, total int64) { progress.show("Decrypting", done, total) }
		return c.interruptible(func(ctx context.Context) (err error) {
			rep, err = vault.Decrypt(ctx, path, vault.Passphrase(p), opts)
			return err
		})
	})
	if err != nil {
		return c.failOrStop(err, "the journal is unchanged and still encrypted")
	}
	fmt.Fprintf(c.Stdout, "The journal is no longer encrypted: %s\n", path)
	if rep.Merged > 0 {
		fmt.Fprintf(c.Stdout, "%d %s written while it was locked %s added first.\n", rep.Merged, plural(rep.Merged, "entry", "entries"), plural(rep.Merged, "was", "were"))
	}
	if rep.BackupsDecrypted > 0 {
		fmt.Fprintf(c.Stdout, "%d encrypted %s decrypted too.\n", rep.BackupsDecrypted, plural(rep.BackupsDecrypted, "backup was", "backups were"))
	}
	if len(rep.BackupsLeft) > 0 {
		fmt.Fprintf(c.Stdout, "%d %s encrypted under an earlier passphrase and can no longer be opened: %s\n",
			len(rep.BackupsLeft), plural(len(rep.BackupsLeft), "backup was", "backups were"), strings.Join(rep.BackupsLeft, ", "))
	}
	c.stopSyncingDecrypted(path)
	return ExitOK
}

func runPassphrase(c *command, args []string) int {
	fs := c.flags("passphrase")
	newFile := fs.String("new-passphrase-file", "", "read the new passphrase from the first line of FILE instead of the terminal")
	if _, code := c.parse(fs, args, 0); code != proceed {
		return code
	}
	path, _ := c.dbPath()
	if err := c.requireEncrypted(path); err != nil {
		return c.fail(err)
	}
	// The current passphrase is checked before the new one is asked for.
	var sec []byte
	err := c.withPassphrase(path, "Current passphrase: ", func(p []byte) error {
		s, err := vault.Unlock(path, vault.Passphrase(p), c.vaultOptions(optsFor(c)))
		if err == nil {
			s.Wipe()
			sec = append([]byte(nil), p...)
		}
		return err
	})
	if err != nil {
		return c.fail(err)
	}
	defer clear(sec)
	pass, err := c.newPassphrase(*newFile, "--new-passphrase-file")
	if err != nil {
		return c.fail(err)
	}
	defer clear(pass)
	if err := vault.ChangePassphrase(path, vault.Passphrase(sec), pass, c.vaultOptions(optsFor(c))); err != nil {
		return c.fail(err)
	}
	fmt.Fprintln(c.Stdout, "The passphrase is changed. The recovery code still works.")
	return ExitOK
}

func runRecover(c *command, args []string) int {
	fs := c.flags("recover")
	codeFile := fs.String("code-file", "", "read the recovery code from the first line of FILE instead of the terminal")
	newFile := fs.String("new-passphrase-file", "", "read the new passphrase from the first line of FILE instead of the terminal")
	if _, code := c.parse(fs, args, 0); code != proceed {
		return code
	}
	path, _ := c.dbPath()
	if err := c.requireEncrypted(path); err != nil {
		return c.fail(err)
	}
	var recovery string
	switch {
	case *codeFile != "":
		b, err := firstLine(*codeFile, "--code-file")
		if err != nil {
			return c.fail(err)
		}
		recovery = string(b)
	case c.Terminal != nil:
		line, err := c.Terminal.Line("Recovery code: ")
		if err != nil {
			return c.fail(err)
		}
		recovery = line
	default:
		return c.fail(errors.New("run this on a terminal to type the recovery code, or give it with --code-file FILE (its first line)"))
	}
	sec, err := vault.Unlock(path, vault.RecoveryCode(recovery), c.vaultOptions(optsFor(c)))
	if err != nil {
		return c.fail(err)
	}
	sec.Wipe()
	pass, err := c.newPassphrase(*newFile, "--new-passphrase-file")
	if err != nil {
		return c.fail(err)
	}
	defer clear(pass)
	if err := vault.ChangePassphrase(path, vault.RecoveryCode(recovery), pass, c.vaultOptions(optsFor(c))); err != nil {
		return c.fail(err)
	}
	fmt.Fprintln(c.Stdout, "The new passphrase is set. The recovery code still works: keep it safe.")
	return ExitOK
}

// optsFor is the store's options for a command.
func optsFor(c *command) data.Options { return data.Options{Now: c.Now} }

func (c *command) requireEncrypted(path string) error {
	state, err := vault.StateOf(path)
	if err != nil {
		return err
	}
	if state != vault.Encrypted {
		return fmt.Errorf("%w: %s (bothand encrypt turns it on)", vault.ErrNotEncrypted, path)
	}
	return nil
}
