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
	var err error
	if len(rest) == 1 {
		path = rest[0]
		err = s.BackupTo(context.Background(), path)
	} else {
		path, err = s.Backup(context.Background())
	}
	if err != nil {
		return c.fail(err)
	}
	fmt.Fprintln(c.Stdout, path)
	return ExitOK
}
