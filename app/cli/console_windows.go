package cli

import (
	"os"

	"golang.org/x/sys/windows"
)

// The Windows build is a GUI-subsystem program (-H=windowsgui), so that
// starting Both/And from the Start menu opens no console window beside it.
// Such a program starts without standard output: `bothand version` typed in
// cmd or PowerShell would print nothing. So at start-up, where output is not
// already redirected to a file or pipe, Both/And attaches to the console of
// the program that started it, if there is one, and writes there.
//
// Windows does not wait for a GUI program, so cmd may show its prompt
// before the output; piping (`bothand agenda | more`) makes it wait. The
// README says so.
func init() { attachParentConsole() }

// attachParentProcess is ATTACH_PARENT_PROCESS, (DWORD)-1.
const attachParentProcess = ^uint32(0)

var procAttachConsole = windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")

func attachParentConsole() {
	stdout, stderr := usable(windows.STD_OUTPUT_HANDLE), usable(windows.STD_ERROR_HANDLE)
	if stdout && stderr {
		return // both redirected (bothand agenda > agenda.txt 2>&1)
	}
	// ERROR_ACCESS_DENIED means this process has a console already (Wine
	// gives its GUI programs their parent's); any other failure, that there
	// is none to attach to: started from Explorer or the Start menu.
	if r, _, err := procAttachConsole.Call(uintptr(attachParentProcess)); r == 0 && err != windows.ERROR_ACCESS_DENIED {
		return
	}
	if !stdout {
		reopen(&os.Stdout, "CONOUT$", os.O_WRONLY, windows.STD_OUTPUT_HANDLE)
	}
	if !stderr {
		reopen(&os.Stderr, "CONOUT$", os.O_WRONLY, windows.STD_ERROR_HANDLE)
	}
	if !usable(windows.STD_INPUT_HANDLE) {
		reopen(&os.Stdin, "CONIN$", os.O_RDONLY, windows.STD_INPUT_HANDLE)
	}
}

// usable reports whether a standard handle leads somewhere (a console, a
// file or a pipe).
func usable(std uint32) bool {
	h, err := windows.GetStdHandle(std)
	if err != nil || h == 0 || h == windows.InvalidHandle {
		return false
	}
	t, err := windows.GetFileType(h)
	return err == nil && t != windows.FILE_TYPE_UNKNOWN
}

func reopen(f **os.File, name string, flag int, std uint32) {
	c, err := os.OpenFile(name, flag, 0)
	if err != nil {
		return
	}
	*f = c
	_ = windows.SetStdHandle(std, windows.Handle(c.Fd()))
}
