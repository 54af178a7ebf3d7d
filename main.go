// Command bothand is Both/And: tools for parents who work from home and
// carry parent guilt. With no command it opens the window (and, where the
// desktop has a system tray, the small tray process that outlives it); see
// `bothand help` for the command-line verbs.
package main

import (
	"os"

	"github.com/bothand/bothand/app"
	"github.com/bothand/bothand/app/cli"
	"github.com/bothand/bothand/app/tray"
	// First of all: a language setting Fyne can't read becomes one it can.
	_ "github.com/bothand/bothand/app/langenv"
	_ "github.com/bothand/bothand/assets/winres" // bothand.exe's icon and version details
)

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.OSEnv(), func(w cli.Window) int {
		cfg := tray.Config{DBPath: w.DBPath, CreateFolder: w.CreateFolder, Minimized: w.Minimized, Icon: app.ID}
		return tray.Main(cfg, func(m tray.Window) int {
			return app.Run(app.Config{
				DBPath: w.DBPath, CreateFolder: w.CreateFolder, Minimized: w.Minimized,
				Tray: m.Tray, First: m.First, Claim: m.Claim,
			})
		})
	}))
}
