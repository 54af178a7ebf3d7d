//go:build windows

package tray

import (
	"os"
	"os/exec"
)

// replace starts prog and returns; the caller then exits, which is as
// near as Windows comes to exec. prog runs on after this process ends.
func replace(prog string, args, env []string) error {
	cmd := exec.Command(prog, args...)
	cmd.Env = env
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Start(); err != nil {
		return err
	}
	return cmd.Process.Release()
}
