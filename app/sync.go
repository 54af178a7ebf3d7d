package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/syncer"
	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/keys"
	"github.com/bothand/bothand/data/replica"
)

// The window syncs an encrypted journal that was set up to sync on its
// own: when it is unlocked, a few seconds after a change settles, every
// few minutes, and when another computer's files arrive in the folder.
// Each round runs through background, one at a time (a request during a
// round makes one more after it), never while locked; its result is a
// quiet line at the foot of the window.

const (
	// syncTick is how often the window looks whether a change has settled
	// (the count of changes waiting to be sent stayed the same over a
	// tick) and refreshes "Synced 2 min ago".
	syncTick = 4 * time.Second
	// syncEvery is the round made when nothing else asked for one.
	syncEvery = 5 * time.Minute
	// syncQuiet is how long the folder must be still before a round.
	syncQuiet = 2 * time.Second
	// syncRetry: a folder that was not there when the journal opened
	// (a drive not yet connected) is looked for again this often.
	syncRetry = time.Minute
)

// syncRun is the window's side of the sync.
type syncRun struct {
	// key is the journal's data key while unlocked; wiped at the lock.
	key []byte
	rep *replica.Replica
	// store is the store rep was opened on; a round's result for another
	// (locked and unlocked since) is dropped.
	store   *data.Store
	ctx     context.Context
	cancel  context.CancelFunc
	running bool
	again   bool
	stop    func()
	watch   *syncer.Watcher
	// folderSeq counts the folder's changes, so only the last of a burst
	// starts a round.
	folderSeq int
	pending   int
	lastRound time.Time
	trouble   string
	conflicts int // the count the notice shows
	line      *widget.Label
	notice    *syncNotice
	// onRound is called after each round (tests wait on it).
	onRound func()
	// manual: no timer and no watch; tests start the rounds themselves.
	manual bool
}

// setSyncKey hands the window the journal's data key after an unlock (nil
// for a plain journal); the old one is wiped.
func (u *UI) setSyncKey(key []byte) {
	clear(u.sync.key)
	u.sync.key = key
}

// startSync opens the journal's sync, when it syncs, and starts the
// rounds.
func (u *UI) startSync() {
	u.stopSync()
	s, key := u.Store, u.sync.key
	if s == nil || key == nil || u.lock.locked {
		u.showSyncLine("")
		return
	}
	// started is the sync opened, or why it could not be and the folder it
	// was to use (read here, off the main goroutine, like the rest).
	type started struct {
		r      *replica.Replica
		folder string
		err    error
	}
	ui.Background(u.Host, func() (started, error) {
		on, err := replica.IsSetUp(context.Background(), s)
		if err == nil && !on {
			return started{}, nil
		}
		var r *replica.Replica
		if err == nil {
			r, err = replica.Open(s, key, replica.Options{})
		}
		if err != nil {
			st, _ := replica.StatusOf(context.Background(), s)
			return started{folder: st.Folder, err: err}, nil
		}
		return started{r: r}, nil
	}, func(st started) {
		if u.Store != s {
			return
		}
		if st.err != nil {
			u.syncCouldNotStart(s, st.folder, st.err)
			return
		}
		if st.r == nil || u.Closed {
			return
		}
		u.runSync(st.r)
	})
}

// syncCouldNotStart says why in the footer and, when it may pass (a
// folder on a drive not yet connected), tries again later.
func (u *UI) syncCouldNotStart(s *data.Store, folder string, err error) {
	slog.Warn("the sync could not start", "err", err)
	text, retry := syncer.Trouble(folder, err)
	u.sync.trouble = text
	u.showSyncLine(text)
	if retry && !u.sync.manual {
		after(u, syncRetry, func() {
			if u.Store == s && u.sync.rep == nil && !u.Closed {
				u.startSync()
			}
		})
	}
}

// runSync starts the rounds of r: one now, then by the timer and the
// folder's watch.
func (u *UI) runSync(r *replica.Replica) {
	u.sync.rep, u.sync.store = r, u.Store
	u.sync.ctx, u.sync.cancel = context.WithCancel(context.Background())
	if u.sync.manual {
		u.syncNow()
		return
	}
	u.sync.stop = u.Every(syncTick, u.syncTick)
	if w, err := syncer.Watch(r.WatchPaths(), func() { u.Deliver(u.folderChanged) }); err == nil {
		u.sync.watch = w
	} else {
		slog.Warn("the sync folder is not watched; the timer's rounds go on", "err", err)
	}
	u.syncNow()
}

// stopSync stops the rounds (at the lock, before a conversion, when the
// sync stops); a round under way is cancelled.
func (u *UI) stopSync() {
	if u.sync.cancel != nil {
		u.sync.cancel()
		u.sync.cancel = nil
	}
	if u.sync.stop != nil {
		u.sync.stop()
		u.sync.stop = nil
	}
	if u.sync.watch != nil {
		u.sync.watch.Close()
		u.sync.watch = nil
	}
	u.sync.rep, u.sync.store = nil, nil
	u.sync.running, u.sync.again = false, false
}

// forgetSyncKey stops the sync and wipes the key: the journal is locked
// or closed.
func (u *UI) forgetSyncKey() {
	u.stopSync()
	u.setSyncKey(nil)
}

// folderChanged is the folder's watch: a round once it has been still for
// a moment.
func (u *UI) folderChanged() {
	u.sync.folderSeq++
	seq := u.sync.folderSeq
	after(u, syncQuiet, func() {
		if seq == u.sync.folderSeq {
			u.syncNow()
		}
	})
}

// syncTick refreshes the footer, makes the round that is due, and one
// once a change has settled.
func (u *UI) syncTick() {
	if u.sync.rep == nil {
		return
	}
	u.showSyncLine(u.syncText())
	if time.Since(u.sync.lastRound) >= syncEvery {
		u.syncNow()
		return
	}
	s := u.sync.store
	ui.Background(u.Host, func() (int, error) {
		st, err := replica.StatusOf(context.Background(), s)
		return st.Pending, err
	}, func(n int) {
		settled := n > 0 && n == u.sync.pending
		u.sync.pending = n
		if settled {
			u.syncNow()
		}
	}, func(err error) { slog.Debug("the sync's outbox could not be counted", "err", err) })
}

// roundDone is what a round hands back to the window.
type roundDone struct {
	res       replica.Result
	err       error
	conflicts int
}

// syncNow makes a round now, or just after the one under way.
func (u *UI) syncNow() {
	r, s := u.sync.rep, u.sync.store
	if r == nil || u.lock.locked || u.Closed || u.Store != s {
		return
	}
	if u.sync.running {
		u.sync.again = true
		return
	}
	u.sync.running = true
	ctx := u.sync.ctx
	path := s.Path()
	ui.Background(u.Host, func() (roundDone, error) {
		res, err := r.Round(ctx)
		d := roundDone{res: res, err: err}
		if err == nil {
			if _, merr := keys.Mirror(data.KeysPath(path), replica.KeysPath(r.Folder())); merr != nil {
				slog.Warn("the sync folder's copy of the keys was not brought up to date", "err", merr)
			}
		}
		if st, serr := replica.StatusOf(ctx, s); serr == nil {
			d.conflicts = st.Conflicts
		}
		return d, nil
	}, func(d roundDone) { u.roundDone(r, d) })
}

// roundDone shows what a round did and starts the next one asked for.
func (u *UI) roundDone(r *replica.Replica, d roundDone) {
	if u.sync.rep != r {
		return // stopped, locked or set up anew meanwhile
	}
	u.sync.running = false
	u.sync.lastRound = time.Now()
	u.sync.pending = 0
	switch {
	case errors.Is(d.err, context.Canceled):
	case d.err != nil:
		text, retry := syncer.Trouble(r.Folder(), d.err)
		slog.Warn("sync round failed", "err", d.err)
		u.sync.trouble = text
		if !retry {
			u.stopSync()
		}
	default:
		slog.Info("sync round", "result", d.res.String(), "took", d.res.Took.Round(time.Millisecond))
		u.sync.trouble = ""
		if d.res.Received > 0 {
			u.reloadScreens()
		}
		if u.sync.watch != nil {
			u.sync.watch.Add(r.WatchPaths())
		}
	}
	u.showConflictNotice(d.conflicts)
	u.showSyncLine(u.syncText())
	if u.sync.onRound != nil {
		u.sync.onRound()
	}
	if u.sync.again && u.sync.rep == r {
		u.sync.again = false
		u.syncNow()
	}
}

// syncText is the footer's line.
func (u *UI) syncText() string {
	switch {
	case u.sync.trouble != "":
		return u.sync.trouble
	case u.sync.lastRound.IsZero():
		return "Syncing…"
	}
	return "Synced " + syncer.Ago(u.sync.lastRound, time.Now())
}

// showSyncLine shows text at the foot of the window; empty hides it.
func (u *UI) showSyncLine(text string) {
	if u.sync.line == nil {
		return
	}
	if text != u.sync.line.Text {
		slog.Debug("sync line", "text", text)
	}
	u.sync.line.SetText(text)
	if text == "" {
		u.sync.line.Hide()
	} else {
		u.sync.line.Show()
	}
}

// reloadScreens reads again what the open screens show, after a round
// brought changes. The editor keeps what is being typed: load leaves it.
func (u *UI) reloadScreens() {
	if u.Store == nil {
		return
	}
	u.loadStrip()
	for i, sc := range u.screens {
		if _, lazy := sc.(ui.ShownScreen); lazy && u.tabs != nil && i != u.tabs.SelectedIndex() {
			continue
		}
		sc.Load()
	}
	if j := u.journal(); j != nil {
		j.refreshShown()
	}
}

func plainCount(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
