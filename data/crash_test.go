package data

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The crash tests run the store in child processes (this test binary, run
// again in a child mode) and kill them without warning. A child prints
// "ack ID DIGEST" only after SaveEntry has returned, i.e. after the commit
// was synced; everything acknowledged must survive.
const (
	crashChildDB   = "BOTHAND_CRASH_CHILD_DB"
	crashChildName = "BOTHAND_CRASH_CHILD_NAME"
	// crashChildKey, when set, is the hex data key of an encrypted journal.
	crashChildKey = "BOTHAND_CRASH_CHILD_KEY"
	// longEnv runs the long variants (README: make test-long).
	longEnv = "BOTHAND_LONG_TESTS"
)

// crashKey is the data key of the encrypted journals of the crash tests.
var crashKey = bytes.Repeat([]byte{0x5a}, KeySize)

// crashModes are the journals the crash tests run on: name and key.
var crashModes = []struct {
	name string
	key  []byte
}{{"plain", nil}, {"encrypted", crashKey}}

func init() {
	if db := os.Getenv(crashChildDB); db != "" {
		os.Exit(runCrashChild(db, os.Getenv(crashChildName)))
	}
}

// crashEntry is the n-th entry a child writes: varied lengths, Unicode and
// tags, so damage anywhere in a row would show in its digest.
func crashEntry(name string, n int) Entry {
	body := strings.Repeat(fmt.Sprintf("%s·%d café 🙂 ", name, n), 1+n%37)
	return Entry{
		HappenedAt: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(n) * time.Minute),
		Trigger:    "trigger " + body,
		Story:      "story " + strings.Repeat("long ", n%500) + body,
		Friend:     "friend " + body,
		Intensity:  n % 11,
		Kind:       []Kind{KindGuilt, KindShame, KindUnsure}[n%3],
		Tags:       []Tag{{Name: "crash-" + name}, {Name: fmt.Sprintf("t%d", n%5)}},
	}
}

func digest(e Entry) string {
	h := sha256.New()
	fmt.Fprintf(h, "%d|%s|%s|%s|%d|%s|", e.HappenedAt.UnixMilli(), e.Trigger, e.Story, e.Friend, e.Intensity, e.Kind)
	var names []string
	for _, t := range e.Tags {
		names = append(names, strings.ToLower(t.Name))
	}
	sort.Strings(names)
	fmt.Fprint(h, strings.Join(names, ","))
	return hex.EncodeToString(h.Sum(nil))[:16]
}

func runCrashChild(path, name string) int {
	var key []byte
	if k := os.Getenv(crashChildKey); k != "" {
		key, _ = hex.DecodeString(k)
	}
	s, err := Open(path, Options{BusyTimeout: 10 * time.Second, Key: key})
	if err != nil {
		fmt.Println("error open:", err)
		return 1
	}
	out := bufio.NewWriter(os.Stdout)
	fmt.Fprintln(out, "open")
	out.Flush()
	start, _ := strconv.Atoi(os.Getenv("BOTHAND_CRASH_START"))
	limit, _ := strconv.Atoi(os.Getenv("BOTHAND_CRASH_LIMIT"))
	for n := start; limit == 0 || n < start+limit; n++ {
		e, err := s.SaveEntry(crashEntry(name, n), 0)
		if err != nil {
			fmt.Fprintln(out, "error save:", err)
			out.Flush()
			return 1
		}
		fmt.Fprintf(out, "ack %d %s\n", e.ID, digest(e))
		out.Flush()
	}
	s.Close()
	fmt.Fprintln(out, "done")
	out.Flush()
	return 0
}

// child is a running writer.
type child struct {
	cmd    *exec.Cmd
	acks   chan [2]string
	errs   chan string
	ended  chan struct{}
	opened chan struct{} // closed once the child has the journal open
}

func startChild(t *testing.T, db string, key []byte, name string, start, limit int) *child {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run", "^$")
	cmd.Env = append(os.Environ(), crashChildDB+"="+db, crashChildName+"="+name, crashChildKey+"="+hex.EncodeToString(key),
		"BOTHAND_CRASH_START="+strconv.Itoa(start), "BOTHAND_CRASH_LIMIT="+strconv.Itoa(limit))
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := &child{cmd: cmd, acks: make(chan [2]string, 1<<16), errs: make(chan string, 16), ended: make(chan struct{}), opened: make(chan struct{})}
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			f := strings.Fields(sc.Text())
			switch {
			case len(f) == 1 && f[0] == "open":
				close(c.opened)
			case len(f) == 3 && f[0] == "ack":
				c.acks <- [2]string{f[1], f[2]}
			case len(f) > 0 && f[0] == "error":
				c.errs <- sc.Text()
			}
		}
		cmd.Wait()
		close(c.acks)
		close(c.ended)
	}()
	return c
}

// verify opens the journal and checks that it is sound and holds every
// acknowledged entry exactly as written.
func verify(t *testing.T, db string, key []byte, acked map[int64]string) {
	t.Helper()
	s, err := Open(db, Options{Key: key})
	if err != nil {
		t.Fatalf("the journal does not open after a kill: %v", err)
	}
	defer s.Close()
	var check string
	if err := s.db.Raw("PRAGMA integrity_check").Scan(&check).Error; err != nil || check != "ok" {
		t.Fatalf("integrity_check: %q %v", check, err)
	}
	for id, want := range acked {
		e, err := s.Entry(id)
		if err != nil {
			t.Fatalf("acknowledged entry %d is gone: %v", id, err)
		}
		if got := digest(e); got != want {
			t.Fatalf("acknowledged entry %d changed: digest %s, want %s", id, got, want)
		}
	}
}

func TestKilledWriterLosesNothingAcknowledged(t *testing.T) {
	t.Parallel()
	for _, mode := range crashModes {
		t.Run(mode.name, func(t *testing.T) {
			t.Parallel()
			killWriter(t, mode.key)
		})
	}
}

func killWriter(t *testing.T, key []byte) {
	kills := 25
	if os.Getenv(longEnv) != "" {
		kills = 250
	}
	seed := uint64(time.Now().UnixNano())
	t.Logf("%d kills, seed %d", kills, seed)
	r := rand.New(rand.NewPCG(seed, 1))
	db := filepath.Join(t.TempDir(), "journal.db")
	acked := map[int64]string{}
	next := 0
	for round := range kills {
		c := startChild(t, db, key, "k", next, 0)
		// Kill at a random moment: one round in four counted from the
		// start, perhaps before the journal is even open; the others from
		// the moment it is, usually in the middle of a stream of writes,
		// however slowly a loaded machine starts the child.
		if r.IntN(4) > 0 {
			select {
			case <-c.opened:
			case <-c.ended:
			case <-time.After(30 * time.Second):
			}
		}
		time.Sleep(time.Duration(r.IntN(60_000)) * time.Microsecond)
		c.cmd.Process.Signal(syscall.SIGKILL)
		<-c.ended
		for a := range c.acks {
			id, _ := strconv.ParseInt(a[0], 10, 64)
			acked[id] = a[1]
			next++
		}
		select {
		case e := <-c.errs:
			t.Fatalf("round %d: the writer failed: %s", round, e)
		default:
		}
		verify(t, db, key, acked)
	}
	if len(acked) == 0 {
		t.Fatal("no write was ever acknowledged: the kills came too early to test anything")
	}
	t.Logf("%d acknowledged entries survived %d kills", len(acked), kills)
}

// TestTwoProcessesWriteTheSameJournal is the two-instance case: both copies
// of the app write at once and everything both acknowledged is there.
func TestTwoProcessesWriteTheSameJournal(t *testing.T) {
	t.Parallel()
	for _, mode := range crashModes {
		t.Run(mode.name, func(t *testing.T) {
			t.Parallel()
			twoWriters(t, mode.key)
		})
	}
}

func twoWriters(t *testing.T, key []byte) {
	db := filepath.Join(t.TempDir(), "journal.db")
	s, err := Open(db, Options{Key: key}) // created once, so the two start on an existing journal
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	per := 150
	a := startChild(t, db, key, "a", 0, per)
	b := startChild(t, db, key, "b", 0, per)
	acked := map[int64]string{}
	for _, c := range []*child{a, b} {
		for ack := range c.acks {
			id, _ := strconv.ParseInt(ack[0], 10, 64)
			if _, dup := acked[id]; dup {
				t.Fatalf("two writers were given the same id %d", id)
			}
			acked[id] = ack[1]
		}
		select {
		case e := <-c.errs:
			t.Fatalf("a writer failed: %s", e)
		default:
		}
	}
	if len(acked) != 2*per {
		t.Fatalf("%d entries acknowledged, want %d", len(acked), 2*per)
	}
	verify(t, db, key, acked)
}
