package cli

import (
	"fmt"

	"github.com/bothand/bothand/assets/version"
)

func init() {
	verbs["version"] = verb{summary: "print the version", run: runVersion}
}

func runVersion(c *command, args []string) int {
	if _, code := c.parse(c.flags("version"), args, 0); code != proceed {
		return code
	}
	fmt.Fprintf(c.Stdout, "bothand %s\n", version.Version)
	return ExitOK
}
