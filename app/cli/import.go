package cli

import (
	"context"
	"errors"
	"fmt"

	"github.com/bothand/bothand/data/transfer"
)

func init() {
	verbs["import"] = verb{
		summary: "merge a JSON export into the journal (- reads standard input)",
		args:    "FILE.json",
		run:     runImport,
	}
}

func runImport(c *command, args []string) int {
	rest, code := c.parse(c.flags("import"), args, 1)
	if code != proceed {
		return code
	}
	if len(rest) != 1 {
		return c.usageError(errors.New("import needs the JSON file to import"))
	}
	s, ok := c.open()
	if !ok {
		return ExitError
	}
	defer s.Close()
	var summary transfer.ImportSummary
	err := c.interruptible(func(ctx context.Context) (err error) {
		if rest[0] == "-" {
			summary, err = transfer.Import(ctx, s, c.Stdin, transfer.ImportOptions{})
		} else {
			summary, err = transfer.ImportFile(ctx, s, rest[0], nil)
		}
		return err
	})
	if err != nil {
		if rest[0] != "-" {
			err = fmt.Errorf("%s: %w", rest[0], err)
		}
		return c.failOrStop(err, "nothing was imported and the journal is unchanged")
	}
	fmt.Fprintln(c.Stdout, summary)
	return ExitOK
}
