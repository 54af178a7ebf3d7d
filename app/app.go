// Package app is Both/And's window: the tabs, the pinned slip, dialogs and
// (with their issues) the tray and reminders. It reaches the journal only
// through data.Store's methods, and every result of background work comes
// back to the UI through ui.Background (app/ui/async.go).
package app

import (
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"

	"github.com/bothand/bothand/app/desktop"
	"github.com/bothand/bothand/app/instance"
	"github.com/bothand/bothand/app/logs"
	"github.com/bothand/bothand/app/look"
	"github.com/bothand/bothand/app/plan"
	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/assets"
	"github.com/bothand/bothand/assets/version"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/vault"
	"github.com/bothand/bothand/widgets"
)

// ID is the application ID: it names the preferences file and the desktop
// entry, and must match FyneApp.toml.
const ID = "app.bothand.BothAnd"

// Config is what main hands to the window.
type Config struct {
	DBPath       string
	CreateFolder bool // the default location: make its folder if missing
	// Minimized starts in the tray without showing the window (as at
	// login); without a tray the window shows anyway.
	Minimized bool
	// Tray is the connection to the tray process that started this
	// window (app/tray): the tray sends reminders and makes the daily
	// backup, and closing the window ends only the window. First is the
	// tray's first request: instance.Show or instance.QuickEntry.
	Tray  *instance.Conn
	First string
	// Claim makes this window the one Both/And on the journal when there
	// is no tray: it answers later starts. Closing the window quits.
	Claim *instance.Claim
}

// UI is the running window and what it shows.
type UI struct {
	*ui.Host

	strip   *widgets.SlipStrip
	look    *look.Appearance // light, dark or the system's, and the text size
	tabs    *container.AppTabs
	plan    *plan.Plan // the Tiers and Protocols tabs
	screens []ui.Screen

	// support says whether the desktop has a tray and notifications.
	support desktop.Support
	// tray is the connection to the tray process (nil without one);
	// trayReady says closing the window leaves Both/And in the tray.
	tray        *instance.Conn
	trayReady   bool
	trayActions map[string]func()
	// shown says the main window has been shown in this process; quitAll
	// that ending this process ends Both/And, the tray included (not so
	// when the window was closed to the tray or the tray asked).
	shown    bool
	quitAll  bool
	quick    *quickEntry // the quick-entry window, while open
	quitting bool
	// dbPath is the journal's path, and claim this window's hold on it
	// when it runs without a tray (instance.Claim).
	dbPath    string
	claim     *instance.Claim
	readToday bool
	prefsWin  fyne.Window
	// logDirPath is where this run logs (logs.Dir() when empty); crash is
	// the report of the last run's crash, said once the window is up.
	logDirPath string
	crash      string
	// notices are the background failures already shown, and where
	// (notices.go).
	notices   map[string]bool
	noticeBox *fyne.Container
	// notify shows a desktop notification; tests capture it instead.
	notify        func(title, body string)
	stopReminders func()
	// settle is how long after the journal opens the work that can wait
	// starts: reminders and the daily backup (a large journal's backup
	// reads all of it), so the first seconds belong to the window.
	settle   time.Duration
	transfer transferState // export, import and backups (transfer.go)

	// exitCode is what Run returns: 1 when the journal could not be opened.
	exitCode int
	// ownReminders: this process sends reminders and makes the daily
	// backup (no tray process does).
	ownReminders bool
	// lock is the unlock form and idle lock of an encrypted journal
	// (lock.go, idle.go).
	lock lockState
	// sync is the window's side of the sync (sync.go).
	sync syncRun
	// day is the date the screens show as today (day.go).
	day dayWatch
}

// Run opens the window and the journal and blocks until the app quits.
func Run(cfg Config) int {
	session, err := logs.Start(logs.Options{Level: logs.LevelFromEnv(os.Getenv("BOTHAND_LOG")), Also: os.Stderr})
	if err != nil {
		fmt.Fprintf(os.Stderr, "bothand: the log can't be written (%v); going on without it\n", err)
	}
	if session != nil {
		defer session.Close()
	}
	icon := fyne.NewStaticResource("icon.png", assets.Icon())
	// The same metadata `fyne package` would embed from FyneApp.toml, so a
	// plain `go build` behaves the same: in particular the fyneDo migration,
	// which tells Fyne every UI change from our goroutines goes through
	// fyne.Do (see app/ui/async.go).
	fyneapp.SetMetadata(fyne.AppMetadata{
		ID: ID, Name: "Both/And", Version: version.Version, Build: 1, Icon: icon, Release: true,
		Migrations: map[string]bool{"fyneDo": true},
	})
	// Fyne creates its cache folder without parents; on a fresh account
	// ~/.cache may not exist yet.
	if dir, err := os.UserCacheDir(); err == nil {
		_ = os.MkdirAll(dir, 0o700)
	}
	a := fyneapp.NewWithID(ID)
	a.SetIcon(icon)
	appearance := look.Load(a)
	late := appearance.Decide(a) // before any widget exists: no dark flash
	u := newUIWith(a, appearance)
	u.followTheme(late)
	u.settle = 3 * time.Second
	if session != nil {
		u.logDirPath, u.crash = session.Dir(), session.Crash
	}
	// A polite stop (session logout, kill) closes the journal cleanly; from
	// "starting" on, it is caught.
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGTERM, syscall.SIGINT)
	go func() {
		<-signals
		u.Deliver(u.quit)
	}()
	slog.Info("starting", "version", version.Version, "journal", cfg.DBPath)

	u.support = desktop.Probe()
	u.tray, u.trayReady, u.quitAll = cfg.Tray, cfg.Tray != nil, true
	u.dbPath, u.claim = cfg.DBPath, cfg.Claim
	u.support.Tray = u.trayReady
	u.ownReminders = cfg.Tray == nil
	switch {
	case cfg.Tray != nil && cfg.First == instance.QuickEntry:
		u.showQuickEntry()
	case cfg.Tray != nil && cfg.First != instance.Show:
		u.showWindow()
		u.request(cfg.First) // after the screens are built: a tray action
	default:
		u.showWindow()
	}
	u.listen(cfg)
	u.openStore(cfg)
	a.Run()
	u.End() // however the loop ended (its last window closed): nothing more is delivered
	logs.WriteHeapProfile()
	if u.stopReminders != nil {
		u.stopReminders()
	}
	if u.lock.idle.stop != nil {
		u.lock.idle.stop()
	}
	u.stopWatchingDay()
	u.forgetSyncKey()
	if u.Store != nil {
		closeWithin(u.Store, quitWait)
	}
	if u.tray != nil {
		if u.quitAll {
			_ = u.tray.Send(instance.Quit)
		}
		u.tray.Close()
	}
	if u.claim != nil {
		u.claim.Close()
	}
	return u.exitCode
}

// newUI builds the window around an app (the real one or a test app).
func newUI(a fyne.App) *UI { return newUIWith(a, look.Load(a)) }

func newUIWith(a fyne.App, appearance *look.Appearance) *UI {
	u := &UI{Host: ui.NewHost(a, a.NewWindow("Both/And")), look: appearance, ownReminders: true, quitAll: true}
	u.day.today = ui.Midnight(time.Now()) // the day the screens are built on
	u.notify = u.sendNotification
	widgets.SetWindowKeys(u.Win, windowKeys(u.typedKey))
	u.buildShell()
	return u
}

// openStore opens the journal off the main goroutine: a locked file can make
// SQLite wait for seconds, and the window should be up meanwhile.
func (u *UI) openStore(cfg Config) {
	// An encrypted journal waits behind the unlock form. (StateOf reads
	// the file's first bytes only.) One whose keys file is missing goes
	// on to data.Open, whose error says what is wrong and what to do.
	if state, err := vault.StateOf(cfg.DBPath); state == vault.Encrypted && err == nil {
		u.openLocked(cfg.DBPath)
		return
	}
	ui.Background(u.Host, func() (*data.Store, error) {
		return data.Open(cfg.DBPath, data.Options{CreateFolder: cfg.CreateFolder})
	}, u.attach, u.showOpenError)
}

// attach shows the journal's contents once it is open, then starts what
// runs beside the window: reminders and, on a new journal, the welcome.
func (u *UI) attach(s *data.Store) {
	u.Store = s
	u.Closed = false
	if u.lock.encrypted {
		u.watchIdle()
	}
	u.loadStrip()
	u.watchDay()
	for i, sc := range u.screens {
		// A tab that refreshes whenever it is brought forward waits until
		// it is: a big journal's charts needn't be drawn behind the window.
		if _, lazy := sc.(ui.ShownScreen); lazy && u.tabs != nil && i != u.tabs.SelectedIndex() {
			continue
		}
		sc.Load()
	}
	if u.crash != "" {
		u.showCrashed(u.crash)
		u.crash = ""
	} else {
		u.maybeWelcome()
	}
	u.startSync()
	if !u.ownReminders {
		return // the tray sends them and makes the backup
	}
	later := func() {
		if u.Store != s || u.Closed {
			return // locked or closed meanwhile: the next attach starts them
		}
		u.startReminders()
		u.scheduleDailyBackup()
	}
	if u.settle > 0 {
		after(u, u.settle, later)
	} else {
		later()
	}
}

func (u *UI) quit() {
	if u.tray != nil && !u.quitting {
		// Whatever the tray is asked from now on, a new window answers.
		_ = u.tray.Send(instance.Closing)
	}
	u.quitting = true
	if u.shown {
		u.saveWindowState()
	}
	// Unsaved work is kept first (drafts are kept every 2 s anyway); if
	// that has not finished after quitWait, the window ends regardless
	// rather than hang on the way out.
	quit := func() {
		if !u.Ended() { // once, by whichever comes first
			u.End()
			u.App.Quit()
		}
	}
	watchdog := time.AfterFunc(quitWait, func() {
		u.Deliver(func() { // not delivered once the window has ended
			slog.Warn("keeping unsaved work took too long; the window ends anyway", "after", quitWait)
			quit()
		})
	})
	u.keepUnsaved(func() {
		watchdog.Stop()
		quit()
	})
}

// quitWait is how long quitting waits for unsaved work to be kept, and
// for the journal to close.
const quitWait = 10 * time.Second

// closeWithin closes the journal, or gives up waiting after d: what was
// saved is already on disk (every commit is synced), and SQLite finishes
// its log at the next open.
func closeWithin(s *data.Store, d time.Duration) {
	closed := make(chan struct{})
	go func() {
		s.Close()
		close(closed)
	}()
	select {
	case <-closed:
	case <-time.After(d):
		slog.Warn("the journal did not close in time; the window ends anyway", "after", d)
	}
}
