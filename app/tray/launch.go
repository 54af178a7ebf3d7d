package tray

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"

	"github.com/bothand/bothand/app/desktop"
	"github.com/bothand/bothand/app/instance"
)

// Window is how the window process is to run.
type Window struct {
	// Tray is the connection to the tray that started this window: the
	// tray does reminders and backups, and closing the window ends only
	// the window. Nil when the window runs on its own.
	Tray *instance.Conn
	// First is the tray's first request (instance.Show or QuickEntry).
	First string
	// Claim is the journal's claim when the window runs on its own (no
	// tray on this desktop): it answers later starts, and closing the
	// window quits. Nil when the claim could not be made.
	Claim *instance.Claim
}

// Program is the tray's own program's name, beside bothand: a program of
// its own so that what stays in memory all day is the tray's code alone
// (docs/ARCHITECTURE.md has the figures).
const Program = "bothand-tray"

// alone, as WindowEnv's value, starts the window on its own: the tray
// could not open the journal, and the window explains why.
const alone = "alone"

// Main is what `bothand` without a verb does. A process the tray started
// is the window. Otherwise it claims the journal: when another process
// has it, the request ("show the window") goes there and this one exits 0;
// without a tray on the desktop this process is the window, holding the
// claim, and closing it quits, as before; with a tray, the tray program
// takes this process's place (and starts the window unless minimized).
// runWindow runs the Fyne window and returns its exit code.
func Main(cfg Config, runWindow func(Window) int) int {
	if first := os.Getenv(WindowEnv); first != "" {
		// Not for the window's own children (a browser opened from Help).
		os.Unsetenv(WindowEnv)
		if first == alone {
			return runAlone(cfg, runWindow)
		}
		conn, err := instance.Dial(cfg.DBPath)
		if err == nil {
			err = conn.Send(instance.Hello)
		}
		if err != nil {
			slog.Warn("the tray that started this window does not answer; running on its own", "err", err)
			return runAlone(cfg, runWindow)
		}
		return runWindow(Window{Tray: conn, First: first})
	}
	claim, err := instance.ClaimJournal(cfg.DBPath)
	if errors.Is(err, instance.ErrRunning) {
		return handOver(cfg)
	}
	if err != nil {
		slog.Warn("Both/And can't make sure it runs only once on this journal", "err", err)
		return runWindow(Window{})
	}
	if !desktop.Probe().Tray {
		return runWindow(Window{Claim: claim})
	}
	if prog := program(Program); prog != "" {
		// The tray program claims the journal itself: let it go first.
		claim.Close()
		err := replace(prog, trayArgs(cfg), os.Environ())
		if err == nil {
			return 0
		}
		slog.Warn("the tray program could not be started; the tray runs in this process", "program", prog, "err", err)
		if claim, err = instance.ClaimJournal(cfg.DBPath); err != nil {
			return handOver(cfg)
		}
	}
	// No tray program beside this one (a plain `go build`): the tray runs
	// here, in the larger window program.
	journal, err := openShortly(cfg)
	if err != nil {
		return runWindow(Window{Claim: claim})
	}
	return Run(cfg, claim, journal)
}

// Serve is the tray program: it claims the journal (or hands its request
// to the process that has it) and runs the tray. A journal it can't open
// goes to the window alone, which explains and offers the backups.
func Serve(cfg Config) int {
	claim, err := instance.ClaimJournal(cfg.DBPath)
	if errors.Is(err, instance.ErrRunning) {
		return handOver(cfg)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "bothand: %v\n", err)
		return 1
	}
	journal, err := openShortly(cfg)
	if err != nil {
		claim.Close()
		env := append(os.Environ(), WindowEnv+"="+alone)
		if err := replace(windowProgram(cfg), []string{"--db", cfg.DBPath}, env); err != nil {
			fmt.Fprintf(os.Stderr, "bothand: %v\n", err)
			return 1
		}
		return 0
	}
	return Run(cfg, claim, journal)
}

// handOver gives a later start's request to the process that holds the
// journal: "show the window", or with --minimized (a second login start)
// only a check that it runs.
func handOver(cfg Config) int {
	do := instance.Show
	if cfg.Minimized {
		do = instance.Ping
	}
	if err := instance.Ask(cfg.DBPath, do); err != nil {
		fmt.Fprintf(os.Stderr, "bothand: Both/And is already running on %s but did not answer: %v\n", cfg.DBPath, err)
		return 1
	}
	return 0
}

// trayArgs is the tray program's command line for cfg.
func trayArgs(cfg Config) []string {
	args := []string{"--db", cfg.DBPath}
	if cfg.CreateFolder {
		args = append(args, "--create-folder")
	}
	if cfg.Minimized {
		args = append(args, "--minimized")
	}
	return args
}

// program is the named program beside this one, or "" when there is none.
func program(name string) string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	path := filepath.Join(filepath.Dir(exe), name)
	if fi, err := os.Stat(path); err != nil || !fi.Mode().IsRegular() {
		return ""
	}
	return path
}

// windowProgram is the program the tray starts as the window: bothand
// beside the tray program, or this program when the tray runs inside it.
func windowProgram(cfg Config) string {
	if cfg.Window != "" {
		return cfg.Window
	}
	exe, err := os.Executable()
	if err != nil {
		return os.Args[0]
	}
	return exe
}

// runAlone runs the window holding the journal's claim itself, if it can.
func runAlone(cfg Config, runWindow func(Window) int) int {
	claim, err := instance.ClaimJournal(cfg.DBPath)
	if err != nil {
		return runWindow(Window{})
	}
	return runWindow(Window{Claim: claim})
}
