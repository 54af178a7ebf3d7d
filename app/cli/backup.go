package cli

import (
	"context"
	"fmt"
)

func init() {
	verbs["backup"] = verb{
		summary: "write a consistent copy of the journal (default: into its backups folder)",
		args:    "[FILE]",
		run:     runBackup,
	}
}

func runBackup(c *command, args []string) int {
	rest, code := c.parse(c.flags("backup"), args, 1)
	if code != proceed {
		return code
	}
	s, ok := c.open()
	if !ok {
		return ExitError
	}
	defer s.Close()
	var path string
	err := c.interruptible(func(ctx context.Context) (err error) {
		if len(rest) == 1 {
			path = rest[0]
			return s.BackupTo(ctx, path)
		}
		path, err = s.Backup(ctx)
		return err
	})
	if err != nil {
		return c.failOrStop(err, "no backup was written")
	}
	fmt.Fprintln(c.Stdout, path)
	return ExitOK
}
