//go:build unix

package tray

import "syscall"

// replace runs prog in this process's place (exec): the process keeps its
// id and parent, and the memory of the program it was is gone. It returns
// only when prog could not be started.
func replace(prog string, args, env []string) error {
	return syscall.Exec(prog, append([]string{prog}, args...), env)
}
