package e2e

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// unshareNet is the command prefix that runs a program with no network at
// all: a fresh network namespace holding only a down loopback. Root can do
// it directly; others through a user namespace.
func unshareNet(t *testing.T) []string {
	t.Helper()
	if _, err := exec.LookPath("unshare"); err != nil {
		t.Fatal("unshare (util-linux) is not installed")
	}
	for _, prefix := range [][]string{{"unshare", "-n"}, {"unshare", "-rn"}} {
		if exec.Command(prefix[0], append(prefix[1:], "true")...).Run() == nil {
			return prefix
		}
	}
	t.Fatal("this machine cannot create a network namespace (unshare -n / -rn both failed)")
	return nil
}

// TestCommandsWorkWithNoNetwork runs the command-line verbs in a network
// namespace with nothing in it: none may need or wait for the network.
func TestCommandsWorkWithNoNetwork(t *testing.T) {
	prefix := unshareNet(t)
	bin := buildBinary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "journal.db")
	for _, args := range [][]string{
		{"version"},
		{"demo", "--db", db, "--entries", "200"},
		{"backup", "--db", db, filepath.Join(dir, "copy.db")},
	} {
		cmd := exec.Command(prefix[0], append(append(prefix[1:], bin), args...)...)
		cmd.Env = append(os.Environ(), "HOME="+dir, "LANG=en_US.UTF-8")
		start := time.Now()
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Errorf("%v without a network: %v\n%s", args, err, out)
		}
		if d := time.Since(start); d > 60*time.Second {
			t.Errorf("%v took %v: something waited on the network", args, d)
		}
	}
}

// TestWindowWithNoNetworkOpensNoListeningSocket starts the real app in an
// empty network namespace (X reaches it through the display's socket file)
// and checks that it shows its window and listens on nothing but its
// instance socket, a file only the person's own programs can reach.
func TestWindowWithNoNetworkOpensNoListeningSocket(t *testing.T) {
	prefix := unshareNet(t)
	d := startXvfb(t)
	db := filepath.Join(t.TempDir(), "journal.db")
	a := startAppWith(t, d, t.TempDir(), nil, prefix, "--db", db)
	d.waitWindow(t, "Both/And", 90*time.Second, a.exited)
	time.Sleep(2 * time.Second) // past start-up: journal open, reminders running

	pid := a.appPID()
	if pid == 0 {
		t.Fatalf("no app process; output:\n%s", a.output())
	}
	if listening := listeningSockets(t, pid); len(listening) > 0 {
		t.Errorf("the app listens on: %v", listening)
	}
	a.stop(t)
}

// listeningSockets lists the sockets of pid that accept connections: TCP in
// LISTEN state, bound UDP, and Unix sockets flagged as accepting.
func listeningSockets(t *testing.T, pid int) []string {
	t.Helper()
	proc := filepath.Join("/proc", strconv.Itoa(pid))
	fds, err := os.ReadDir(filepath.Join(proc, "fd"))
	if err != nil {
		t.Fatal(err)
	}
	inodes := map[string]bool{}
	for _, fd := range fds {
		target, err := os.Readlink(filepath.Join(proc, "fd", fd.Name()))
		if err == nil && strings.HasPrefix(target, "socket:[") {
			inodes[strings.TrimSuffix(strings.TrimPrefix(target, "socket:["), "]")] = true
		}
	}
	var found []string
	scan := func(table string, listening func(fields []string) bool, inodeField int) {
		f, err := os.Open(filepath.Join(proc, "net", table))
		if err != nil {
			return // protocol not compiled in
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Scan() // header
		for sc.Scan() {
			fields := strings.Fields(sc.Text())
			if len(fields) > inodeField && inodes[fields[inodeField]] && listening(fields) {
				found = append(found, table+": "+sc.Text())
			}
		}
	}
	tcpListen := func(f []string) bool { return f[3] == "0A" }
	udpBound := func(f []string) bool { return true }
	scan("tcp", tcpListen, 9)
	scan("tcp6", tcpListen, 9)
	scan("udp", udpBound, 9)
	scan("udp6", udpBound, 9)
	// /proc/net/unix: Num RefCount Protocol Flags Type St Inode Path;
	// Flags 00010000 is __SO_ACCEPTCON, a listening socket. The one allowed
	// is the journal's instance socket (app/instance), a file in the
	// person's private runtime folder that later starts of Both/And talk to.
	scan("unix", func(f []string) bool {
		instance := len(f) > 7 && strings.Contains(f[7], "/run/bothand/") && strings.HasSuffix(f[7], ".sock")
		return f[3] == "00010000" && !instance
	}, 6)
	return found
}
