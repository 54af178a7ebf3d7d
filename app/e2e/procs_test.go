package e2e

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// programsOf is every program of Both/And's beside bin: bothand and its
// tray program.
func programsOf(bin string) []string {
	return []string{bin, filepath.Join(filepath.Dir(bin), "bothand-tray")}
}

// processesOf lists the running processes whose program is one of exes.
func processesOf(exes ...string) []int {
	entries, _ := os.ReadDir("/proc")
	var pids []int
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if link, err := os.Readlink(filepath.Join("/proc", e.Name(), "exe")); err == nil && slices.Contains(exes, link) {
			if state := procState(pid); state != "Z" && state != "" {
				pids = append(pids, pid)
			}
		}
	}
	return pids
}

// procState is the process's state letter (R, S, Z, …).
func procState(pid int) string {
	f := statFields(pid)
	if len(f) < 3 {
		return ""
	}
	return f[2]
}

// statFields splits /proc/PID/stat, keeping the program name (which may
// hold spaces) as one field.
func statFields(pid int) []string {
	b, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "stat"))
	if err != nil {
		return nil
	}
	s := string(b)
	open, close := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')')
	if open < 0 || close < open {
		return nil
	}
	return append([]string{strings.TrimSpace(s[:open]), s[open+1 : close]}, strings.Fields(s[close+1:])...)
}

// rssKB is the process's resident memory in kB (VmRSS).
func rssKB(pid int) int {
	b, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "status"))
	if err != nil {
		return 0
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			return kb
		}
	}
	return 0
}

// cpuTicks is the CPU time the process has used, user and system, in
// clock ticks (1/100 s on Linux).
func cpuTicks(pid int) int {
	f := statFields(pid)
	if len(f) < 15 {
		return 0
	}
	u, _ := strconv.Atoi(f[13])
	s, _ := strconv.Atoi(f[14])
	return u + s
}

// usage is what a set of processes cost over a stretch of idle time.
type usage struct {
	pids  []int
	each  map[string]int // resident kB by program name
	rssKB int            // summed over the processes, at the end
	ticks int            // CPU ticks used during the stretch
	over  time.Duration
}

func (u usage) rssMB() float64 { return float64(u.rssKB) / 1024 }

// cpuPercent is the share of one core used during the stretch.
func (u usage) cpuPercent() float64 {
	return float64(u.ticks) / 100 / u.over.Seconds() * 100
}

// measureIdle samples every process of exe for d and sums their memory and
// CPU. A process that starts or ends during the stretch fails the test: the
// figures would not be of one state.
func measureIdle(t testing.TB, exes []string, d time.Duration) usage {
	t.Helper()
	pids := processesOf(exes...)
	if len(pids) == 0 {
		t.Fatalf("no process of %s is running", exes)
	}
	before := map[int]int{}
	for _, p := range pids {
		before[p] = cpuTicks(p)
	}
	time.Sleep(d)
	u := usage{pids: pids, over: d, each: map[string]int{}}
	for _, p := range pids {
		u.ticks += cpuTicks(p) - before[p]
		kb := rssKB(p)
		u.rssKB += kb
		exe, _ := os.Readlink(filepath.Join("/proc", strconv.Itoa(p), "exe"))
		u.each[filepath.Base(exe)] += kb
	}
	if now := processesOf(exes...); len(now) != len(pids) {
		t.Fatalf("processes of %s changed while measuring: %v then %v", exes, pids, now)
	}
	return u
}
