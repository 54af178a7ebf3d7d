package e2e

import (
	"bufio"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/zone"
)

// fakeNotifications stands in for the desktop's notification service on a
// private session bus and records what the app asks it to show.
type fakeNotifications struct {
	mu    sync.Mutex
	calls []string
	got   chan struct{}
}

// Notify implements org.freedesktop.Notifications.Notify.
func (f *fakeNotifications) Notify(app string, replaces uint32, icon, summary, body string,
	actions []string, hints map[string]dbus.Variant, timeout int32,
) (uint32, *dbus.Error) {
	f.mu.Lock()
	f.calls = append(f.calls, summary+"\n"+body)
	f.mu.Unlock()
	select {
	case f.got <- struct{}{}:
	default:
	}
	return 1, nil
}

// startSessionBus runs a private dbus-daemon for one test.
func startSessionBus(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("dbus-daemon"); err != nil {
		t.Fatal("dbus-daemon is not installed: `make test` installs it (see .ci/deps)")
	}
	cmd := exec.Command("dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	addr, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("dbus-daemon gave no address: %v", err)
	}
	return strings.TrimSpace(addr)
}

// serveNotifications owns the notification service's name on the bus at
// addr for the test, and records what is shown.
func serveNotifications(t *testing.T, addr string) *fakeNotifications {
	t.Helper()
	conn, err := dbus.Connect(addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	fake := &fakeNotifications{got: make(chan struct{}, 4)}
	if err := conn.Export(fake, "/org/freedesktop/Notifications", "org.freedesktop.Notifications"); err != nil {
		t.Fatal(err)
	}
	if reply, err := conn.RequestName("org.freedesktop.Notifications", dbus.NameFlagDoNotQueue); err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("could not own the notification name: %v %v", reply, err)
	}
	return fake
}

// TestMorningNotificationCarriesThePinnedSlip starts the app on a journal
// whose morning time has passed and checks, on a private session bus, that
// the notification it sends carries the pinned slip — once.
func TestMorningNotificationCarriesThePinnedSlip(t *testing.T) {
	addr := startSessionBus(t)
	conn, err := dbus.Connect(addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fake := &fakeNotifications{got: make(chan struct{}, 1)}
	if err := conn.Export(fake, "/org/freedesktop/Notifications", "org.freedesktop.Notifications"); err != nil {
		t.Fatal(err)
	}
	if reply, err := conn.RequestName("org.freedesktop.Notifications", dbus.NameFlagDoNotQueue); err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("could not own the notification name: %v %v", reply, err)
	}

	const slip = "I'm allowed to enjoy my work."
	db := filepath.Join(t.TempDir(), "journal.db")
	s, err := data.Open(db, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddSlip(slip, true); err != nil {
		t.Fatal(err)
	}
	rs := data.DefaultReminderSettings()
	rs.Morning = 0 // 00:00: whatever time the test runs, this morning's slip is due
	if err := s.SaveReminderSettings(rs); err != nil {
		t.Fatal(err)
	}
	s.Close()

	d := startXvfb(t)
	a := startApp(t, d, t.TempDir(), []string{"DBUS_SESSION_BUS_ADDRESS=" + addr}, "--db", db)
	select {
	case <-fake.got:
	case <-time.After(60 * time.Second):
		t.Fatalf("no notification within 60 s; output:\n%s", a.output())
	}
	time.Sleep(time.Second) // room for a duplicate to show up, if there were one
	a.stop(t)

	fake.mu.Lock()
	defer fake.mu.Unlock()
	if len(fake.calls) != 1 {
		t.Fatalf("%d notifications: %q", len(fake.calls), fake.calls)
	}
	if !strings.Contains(fake.calls[0], slip) {
		t.Errorf("notification %q lacks the slip", fake.calls[0])
	}
}

// TestTrayNotifiesWithTheWindowClosed starts Both/And minimized, as at
// login, under a tray host: with no window open, the tray program sends
// the morning slip and a non-negotiable commitment's reminder, once each.
func TestTrayNotifiesWithTheWindowClosed(t *testing.T) {
	addr := startSessionBus(t)
	host := startTrayHost(t, addr)
	fake := serveNotifications(t, addr)

	const slip = "A good enough parent is a good parent."
	db := filepath.Join(t.TempDir(), "journal.db")
	s, err := data.Open(db, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddSlip(slip, true); err != nil {
		t.Fatal(err)
	}
	rs := data.DefaultReminderSettings()
	rs.Morning = 0
	if err := s.SaveReminderSettings(rs); err != nil {
		t.Fatal(err)
	}
	start := time.Now().Add(20 * time.Minute).Truncate(time.Minute)
	if _, err := s.SaveCommitment(data.Commitment{
		Title: "Parents' evening", Tier: data.TierNonNegotiable,
		StartsAt: start, EndsAt: start.Add(time.Hour), TimeZone: zone.Local(),
	}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	d := startXvfb(t)
	a := startApp(t, d, t.TempDir(), []string{"DBUS_SESSION_BUS_ADDRESS=" + addr}, "--db", db, "--minimized")
	host.waitItems(t, 1, 60*time.Second)
	deadline := time.After(60 * time.Second)
	for n := 0; n < 2; n++ {
		select {
		case <-fake.got:
		case <-deadline:
			t.Fatalf("not both notifications within 60 s: %q; output:\n%s", fake.calls, a.output())
		}
	}
	time.Sleep(time.Second) // room for a duplicate to show up, if there were one
	if wins := d.visibleWindows(t, "Both/And"); len(wins) != 0 {
		t.Errorf("a window opened: %v", wins)
	}
	if pids := processesOf(programsOf(buildBinary(t))...); len(pids) != 1 {
		t.Errorf("processes %v, want the tray alone", pids)
	}
	a.stop(t)

	fake.mu.Lock()
	defer fake.mu.Unlock()
	joined := strings.Join(fake.calls, "\n---\n")
	if len(fake.calls) != 2 || !strings.Contains(joined, slip) || !strings.Contains(joined, "Parents' evening") {
		t.Errorf("notifications %q, want the slip and the commitment once each", fake.calls)
	}
}
