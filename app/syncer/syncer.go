// Package syncer holds the window's sync helpers that need no window: the
// watch on the sync folder that starts a round when another computer's
// files arrive, and the plain words the window says about a round.
package syncer

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/bothand/bothand/data/replica"
)

// Watcher tells when files change in the sync folder's folders.
type Watcher struct {
	w    *fsnotify.Watcher
	done chan struct{}
}

// Watch calls changed (from its own goroutine) whenever a file appears,
// changes or goes in one of paths. Paths that can't be watched are left
// out: the timer's rounds still find what arrives there.
func Watch(paths []string, changed func()) (*Watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &Watcher{w: fw, done: make(chan struct{})}
	w.Add(paths)
	go func() {
		defer close(w.done)
		for {
			select {
			case ev, ok := <-fw.Events:
				if !ok {
					return
				}
				if ev.Op != fsnotify.Chmod {
					changed()
				}
			case _, ok := <-fw.Errors:
				if !ok {
					return
				}
			}
		}
	}()
	return w, nil
}

// Add watches paths too (a computer that joined since has a folder of its
// own); those watched already are left as they are.
func (w *Watcher) Add(paths []string) {
	have := map[string]bool{}
	for _, p := range w.w.WatchList() {
		have[p] = true
	}
	for _, p := range paths {
		if !have[p] {
			_ = w.w.Add(p)
		}
	}
}

// Close stops watching; changed is not called after it returns.
func (w *Watcher) Close() {
	_ = w.w.Close()
	<-w.done
}

// Ago says when a round was, as the footer shows it.
func Ago(t, now time.Time) string {
	d := now.Sub(t)
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return fmt.Sprintf("%d min ago", int(d/time.Minute))
	case d < 24*time.Hour && t.YearDay() == now.YearDay():
		return "at " + t.Local().Format("15:04")
	default:
		return "on " + t.Local().Format("2 January, 15:04")
	}
}

// Trouble is what a round that failed means for the person, in a line,
// and whether trying again later may help.
func Trouble(folder string, err error) (text string, retry bool) {
	switch {
	case errors.Is(err, replica.ErrRemoved):
		return "Another computer removed this one from the sync. Set it up again in Preferences to sync here again.", false
	case errors.Is(err, replica.ErrWrongKey):
		return "The sync folder was sealed with another journal's key, so it can't be read here.", false
	case errors.Is(err, replica.ErrOtherJournal):
		return "The sync folder now holds another journal's files.", false
	case errors.Is(err, replica.ErrNewerFolder), errors.Is(err, replica.ErrNewerSegment):
		return "A newer version of Both/And wrote to the sync folder: update Both/And on this computer to sync again.", true
	case errors.Is(err, replica.ErrNotSyncFolder):
		return "The sync folder no longer holds this journal's files.", true
	}
	if _, serr := os.Stat(folder); serr != nil {
		return "Couldn't reach the sync folder — will try again.", true
	}
	if errors.Is(err, fs.ErrPermission) {
		return "The sync folder can't be read or written (its permissions) — will try again.", true
	}
	return "Couldn't sync just now — will try again.", true
}

// SetupTrouble says why a folder can't be chosen for the sync, in plain
// words; empty when err is nil.
func SetupTrouble(folder string, err error) string {
	switch {
	case err == nil:
		return ""
	case errors.Is(err, replica.ErrFolderInUse):
		return "That folder already holds other files, or another journal's sync. Choose an empty folder that your sync tool keeps in step; to add this computer to a journal that syncs there, join it from a new journal (bothand sync join)."
	case errors.Is(err, replica.ErrWrongKey), errors.Is(err, replica.ErrOtherJournal):
		return "That folder is the sync folder of another journal, not of this one."
	case errors.Is(err, fs.ErrPermission):
		return "Both/And may not write in that folder. Choose one of your own."
	}
	if fi, serr := os.Stat(folder); serr != nil || !fi.IsDir() {
		return "That folder is not there any more (is its drive connected?)."
	}
	return "That folder can't be used for the sync: " + err.Error() + "."
}
