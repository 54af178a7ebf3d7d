// Package tray is Both/And while its window is closed: a small process
// with the icon and menu in the system tray (fyne.io/systray on its own:
// no Fyne app, no GL context), the morning notification and reminders,
// the daily backup, and the window, started as a process of its own when
// the person asks for it and ended when they close it. It holds the
// journal's instance claim, so a second start hands its request here.
//
// It imports no Fyne UI package (a layering test checks it): what it costs
// while the window is closed is what this package and the journal cost.
package tray

import (
	"log/slog"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"fyne.io/systray"

	"github.com/bothand/bothand/app/desktop"
	"github.com/bothand/bothand/app/instance"
	"github.com/bothand/bothand/app/logs"
	"github.com/bothand/bothand/data"
)

// Config is how the tray was started.
type Config struct {
	DBPath       string
	CreateFolder bool
	// Minimized starts in the tray alone, as at login; otherwise the
	// window is started at once.
	Minimized bool
	// Icon names the app's icon for notifications (the app ID).
	Icon string
	// Window is the program the tray starts as the window (empty: this
	// program).
	Window string
}

// Journal is what the tray reads and writes. *data.Store is one; a locked
// journal (encryption, issue 17) can be another that answers from what
// the person allowed to show while locked, without the journal's key.
type Journal interface {
	PinnedSlip() (data.Slip, bool, error)
	Readings(days int) (data.ReadingRecord, error)
	MarkSlipRead() error
	ClaimDueReminders() ([]data.Reminder, error)
	DailyBackup() (string, error)
	Close() error
}

// How often the tray looks for due reminders and a due daily backup, and
// how long after start the backup waits (a large journal's backup reads
// all of it; the window starting beside it comes first).
const (
	reminderEvery = 30 * time.Second
	backupEvery   = time.Hour
	backupSettle  = 3 * time.Second
)

// Tray is the running tray process.
type Tray struct {
	cfg     Config
	claim   *instance.Claim
	journal Journal
	// notify shows a desktop notification (desktop.Notify; tests record).
	notify func(title, body string) error
	// menu is the tray's menu; nil until systray is ready, and in tests
	// that run without one.
	menu   *menu
	window *window

	mu       sync.Mutex
	state    slipState
	failed   map[string]bool // background work whose failure is logged already
	stop     chan struct{}
	stopOnce sync.Once
}

// slipState is what the menu shows of the pinned slip.
type slipState struct {
	text      string
	readToday bool
	locked    bool // an encrypted journal: the reading is the window's
}

func newTray(cfg Config, claim *instance.Claim, j Journal, w *window) *Tray {
	t := &Tray{cfg: cfg, claim: claim, journal: j, window: w, failed: map[string]bool{}, stop: make(chan struct{})}
	t.notify = func(title, body string) error { return desktop.Notify(title, body, cfg.Icon) }
	w.tray = t
	return t
}

// Run is the tray process: it blocks until Quit and returns the exit code.
// The claim is released when it returns.
func Run(cfg Config, claim *instance.Claim, j Journal) int {
	// The tray logs where the window does (app/logs): the state folder,
	// where a crash report is found and mentioned by the next window.
	session, err := logs.Start(logs.Options{Level: logs.LevelFromEnv(os.Getenv("BOTHAND_LOG")), Also: os.Stderr})
	if err != nil {
		slog.Warn("the log can't be written; going on without it", "err", err)
	}
	if session != nil {
		defer session.Close()
	}
	t := newTray(cfg, claim, j, &window{exe: windowProgram(cfg), db: cfg.DBPath})
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGTERM, syscall.SIGINT)
	go func() {
		<-signals
		t.quit()
	}()
	systray.Run(t.ready, t.exit)
	return 0
}

// ready runs once systray has its icon on the bus: the menu, then what
// runs beside it.
func (t *Tray) ready() {
	systray.SetIcon(trayIcon())
	systray.SetTitle(desktop.AppName)
	systray.SetTooltip(desktop.AppName)
	systray.SetOnTapped(func() { t.window.ask(instance.Show) })
	t.menu = newMenu(t)
	t.start()
	if !t.cfg.Minimized {
		t.window.ask(instance.Show)
	}
}

// start runs the claim's server, reminders and the daily backup.
func (t *Tray) start() {
	t.refreshSlip()
	go t.claim.Serve(t.serve)
	go t.every(reminderEvery, 0, t.tick)
	go t.every(backupEvery, backupSettle, t.backup)
}

// exit runs as systray stops: let the journal go.
func (t *Tray) exit() {
	t.halt()
	_ = t.claim.Close()
	if err := t.journal.Close(); err != nil {
		slog.Warn("closing the journal", "err", err)
	}
}

func (t *Tray) halt() { t.stopOnce.Do(func() { close(t.stop) }) }

// every calls f after first, then each interval, until the tray stops.
func (t *Tray) every(interval, first time.Duration, f func()) {
	timer := time.NewTimer(first)
	defer timer.Stop()
	for {
		select {
		case <-t.stop:
			return
		case <-timer.C:
			f()
			timer.Reset(interval)
		}
	}
}

// quit ends Both/And on this journal: the window first (it keeps unsaved
// work), then the tray.
func (t *Tray) quit() {
	t.window.quit()
	t.halt()
	systray.Quit()
}

// tick sends the reminders that are due and catches what changed in the
// journal meanwhile (a slip pinned from the command line, a new morning).
func (t *Tray) tick() {
	t.refreshSlip()
	send, err := t.journal.ClaimDueReminders()
	t.logFailure("reminders", err)
	refresh := false
	for _, r := range send {
		if err := t.notify(r.Title, r.Body); err != nil {
			// Without a notification service the reminder is only logged;
			// the window shows the slip when opened.
			slog.Warn("a reminder could not be shown as a notification", "reminder", r.Title, "err", err)
		}
		if r.Kind == data.ReminderLookBack {
			refresh = true
		}
	}
	if refresh {
		t.window.tell(instance.Refresh) // the question shows on the Protocols tab too
	}
}

func (t *Tray) backup() {
	_, err := t.journal.DailyBackup()
	t.logFailure("daily backup", err)
}

// logFailure logs background work's failure once until it works again:
// every half minute would bury the log.
func (t *Tray) logFailure(work string, err error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if err == nil {
		delete(t.failed, work)
		return
	}
	if !t.failed[work] {
		t.failed[work] = true
		slog.Error("background work failed", "work", work, "err", err)
	}
}

// refreshSlip reads the pinned slip and today's reading and shows them.
func (t *Tray) refreshSlip() {
	st := slipState{locked: locked(t.journal)}
	slip, ok, err := t.journal.PinnedSlip()
	if err == nil && ok {
		st.text = slip.Text
	}
	if err == nil {
		var rec data.ReadingRecord
		rec, err = t.journal.Readings(1)
		st.readToday = rec.ReadToday
	}
	t.logFailure("reading the pinned slip", err)
	if err != nil {
		return
	}
	t.mu.Lock()
	t.state = st
	t.mu.Unlock()
	if t.menu != nil {
		t.menu.show(st)
	}
}

// markRead records this morning's reading, from the menu.
func (t *Tray) markRead() {
	if err := t.journal.MarkSlipRead(); err != nil {
		slog.Error("recording the slip's reading", "err", err)
	}
	t.refreshSlip()
	t.window.tell(instance.Refresh)
}

// serve answers one connection on the journal's socket: the window's
// (which says hello first and stays) or a later start's one request.
func (t *Tray) serve(c *instance.Conn) {
	do, err := c.Receive()
	if err != nil {
		c.Close()
		return
	}
	if do == instance.Hello {
		t.window.attach(c)
		return
	}
	defer c.Close()
	t.request(do)
	_ = c.Send(instance.OK)
}

// request carries out a request from a later start or the window.
func (t *Tray) request(do string) {
	switch do {
	case instance.Ping:
	case instance.Quit:
		go t.quit()
	case instance.SlipChanged:
		t.refreshSlip()
	case instance.Show, instance.NewEntry, instance.QuickEntry, instance.Compassion, instance.Triage, instance.WriteSlip:
		t.window.ask(do)
	default:
		slog.Warn("an unknown request on the journal's socket", "request", do)
	}
}
