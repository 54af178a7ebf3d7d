// Package logs keeps the window's log and crash reports in the user's
// state folder ($XDG_STATE_HOME/bothand, or the platform's equivalent),
// where a person who started Both/And from the desktop, with no terminal to
// read, can find them. The log is size-capped and rotated; a fatal crash
// goes to a report of its own, which the next start finds and mentions.
// On request it also writes the heap as the window quits, for measuring
// its memory.
package logs

import (
	"cmp"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/adrg/xdg"
	"gopkg.in/natefinch/lumberjack.v2"
)

// Log file limits: a few megabytes in all, however long the app runs.
const (
	logName      = "bothand.log"
	maxLogMB     = 1
	keptLogs     = 3
	keptCrashes  = 5
	runningGlob  = "running-*.crash"
	crashPrefix  = "crash-"
	staleRunning = 24 * time.Hour
)

// Dir is the folder of the log and the crash reports.
func Dir() string { return filepath.Join(xdg.StateHome, "bothand") }

// Options say where and how much to log.
type Options struct {
	Dir   string     // default Dir()
	Level slog.Level // what reaches the file
	// Also receives the same records (standard error, for whoever
	// started the app from a terminal); nil for none.
	Also io.Writer
	Now  func() time.Time
}

// Session is the logging of one run of the window.
type Session struct {
	dir     string
	log     *lumberjack.Logger
	running *os.File
	// Crash is the report of a crash found from an earlier run, "" when
	// the last run ended well.
	Crash string
}

// Start opens the log, makes it slog's default (and so the standard log's,
// where Fyne writes its errors), and sends this run's fatal crash output to
// a file of its own. A crash report left by an earlier run is kept under a
// dated name and returned in Session.Crash.
func Start(opts Options) (*Session, error) {
	if opts.Dir == "" {
		opts.Dir = Dir()
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if err := os.MkdirAll(opts.Dir, 0o700); err != nil {
		return nil, err
	}
	s := &Session{dir: opts.Dir}
	s.log = &lumberjack.Logger{
		Filename: filepath.Join(opts.Dir, logName), MaxSize: maxLogMB, MaxBackups: keptLogs,
	}
	handlers := []slog.Handler{slog.NewTextHandler(s.log, &slog.HandlerOptions{Level: opts.Level})}
	if opts.Also != nil {
		handlers = append(handlers, slog.NewTextHandler(opts.Also, &slog.HandlerOptions{Level: opts.Level}))
	}
	slog.SetDefault(slog.New(slog.NewMultiHandler(handlers...)))

	s.Crash = collectCrashes(opts.Dir, opts.Now())
	running, err := os.OpenFile(filepath.Join(opts.Dir, fmt.Sprintf("running-%d.crash", os.Getpid())),
		os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return s, err
	}
	if err := debug.SetCrashOutput(running, debug.CrashOptions{}); err != nil {
		running.Close()
		return s, err
	}
	s.running = running
	if s.Crash != "" {
		slog.Warn("the last run ended in a crash", "report", s.Crash)
	}
	return s, nil
}

// collectCrashes renames the crash output of earlier runs that crashed to
// dated reports, forgets those of runs that ended without one (killed, or
// older than a day), keeps the newest few reports and returns the newest
// new one.
func collectCrashes(dir string, now time.Time) string {
	found, _ := filepath.Glob(filepath.Join(dir, runningGlob))
	newest, newestTime := "", time.Time{}
	for _, f := range found {
		fi, err := os.Stat(f)
		if err != nil {
			continue
		}
		if fi.Size() == 0 {
			// Another window may be running; its file is empty. One a
			// day old belonged to a run that was killed.
			if now.Sub(fi.ModTime()) > staleRunning {
				os.Remove(f)
			}
			continue
		}
		report := filepath.Join(dir, crashPrefix+fi.ModTime().Format("2006-01-02-150405")+".txt")
		if err := os.Rename(f, report); err != nil {
			continue
		}
		if newest == "" || fi.ModTime().After(newestTime) {
			newest, newestTime = report, fi.ModTime()
		}
	}
	reports, _ := filepath.Glob(filepath.Join(dir, crashPrefix+"*.txt"))
	slices.SortFunc(reports, func(a, b string) int { return cmp.Compare(b, a) }) // newest first
	for _, old := range reports[min(len(reports), keptCrashes):] {
		os.Remove(old)
	}
	return newest
}

// Close ends a run that did not crash: its empty crash file goes.
func (s *Session) Close() {
	if s.running != nil {
		_ = debug.SetCrashOutput(nil, debug.CrashOptions{})
		name := s.running.Name()
		s.running.Close()
		if fi, err := os.Stat(name); err == nil && fi.Size() == 0 {
			os.Remove(name)
		}
	}
	if s.log != nil {
		s.log.Close()
	}
}

// Dir is the session's folder.
func (s *Session) Dir() string { return s.dir }

// LevelFromEnv reads BOTHAND_LOG ("debug", "info", "warn", "error");
// anything else is info.
func LevelFromEnv(v string) slog.Level {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "debug":
		return slog.LevelDebug
	case "warn", "warning":
		return slog.LevelWarn
	case "error":
		return slog.LevelError
	}
	return slog.LevelInfo
}
