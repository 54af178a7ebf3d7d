// Command bothand-tray is Both/And in the system tray while its window is
// closed. bothand starts it in its own place where the desktop has a tray,
// and it starts bothand as the window when the person asks. It is a
// program of its own, not a mode of bothand, so that what stays in memory
// all day is the tray's code alone: inside the 50 MB window program the
// same tray kept 31–42 MB resident, on its own it keeps under 20 MB
// (docs/ARCHITECTURE.md).
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"

	"github.com/bothand/bothand/app/tray"
)

// appID names the app's icon for notifications; app.ID, which this
// program does not import (it would bring Fyne along).
const appID = "app.bothand.BothAnd"

func main() {
	fs := flag.NewFlagSet(tray.Program, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	db := fs.String("db", "", "the journal")
	create := fs.Bool("create-folder", false, "create the journal's folder if missing")
	minimized := fs.Bool("minimized", false, "do not open the window at start")
	if err := fs.Parse(os.Args[1:]); err != nil || *db == "" || fs.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "%s is started by bothand: use bothand [--db FILE] [--minimized]\n", tray.Program)
		os.Exit(2)
	}
	window := "bothand"
	if runtime.GOOS == "windows" {
		window += ".exe"
	}
	if exe, err := os.Executable(); err == nil {
		window = filepath.Join(filepath.Dir(exe), window)
	}
	os.Exit(tray.Serve(tray.Config{DBPath: *db, CreateFolder: *create, Minimized: *minimized, Icon: appID, Window: window}))
}
