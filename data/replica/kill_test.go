package replica

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/transfer"
)

// The kill tests run a computer's work in a child process (this test
// binary again, told what to do by its environment) and end it with
// SIGKILL at random moments: while it writes a segment, commits a round,
// applies other computers' changes, writes a snapshot or deletes old
// segments. What it said was saved must arrive everywhere, once.

func TestMain(m *testing.M) {
	if mode := os.Getenv("BOTHAND_REPLICA_CHILD"); mode != "" {
		os.Exit(runChild(mode))
	}
	os.Exit(m.Run())
}

// runChild is the child's work: "write" saves entries and runs a round
// every few, printing "ack <story>" for each save returned; "apply" runs
// rounds until nothing is left to apply, then prints "done".
func runChild(mode string) int {
	fail := func(err error) int {
		fmt.Fprintln(os.Stderr, "child:", err)
		return 1
	}
	s, err := data.Open(os.Getenv("BOTHAND_REPLICA_DB"), data.Options{Key: testKey})
	if err != nil {
		return fail(err)
	}
	opts := testOpts(os.Getenv("BOTHAND_REPLICA_HOST"))
	opts.SnapshotChanges = 12
	r, err := Open(s, testKey, opts)
	if err != nil {
		return fail(err)
	}
	out := bufio.NewWriter(os.Stdout)
	fmt.Fprintln(out, "ready")
	out.Flush()
	switch mode {
	case "write":
		prefix := os.Getenv("BOTHAND_REPLICA_PREFIX")
		for i := 0; ; i++ {
			story := fmt.Sprintf("%s-%d", prefix, i)
			if _, err := s.SaveEntry(data.Entry{Story: story, Intensity: i % 11, Tags: []data.Tag{{Name: "school"}}}, 0); err != nil {
				return fail(err)
			}
			fmt.Fprintln(out, "ack", story)
			out.Flush()
			if i%3 == 2 {
				if _, err := r.Round(ctx); err != nil {
					return fail(err)
				}
			}
		}
	case "apply":
		for {
			res, err := r.Round(ctx)
			if err != nil {
				return fail(err)
			}
			if res.Received == 0 {
				fmt.Fprintln(out, "done")
				out.Flush()
				return 0
			}
		}
	}
	return fail(fmt.Errorf("unknown mode %q", mode))
}

// child runs the test binary as a child computer on d's journal, kills it
// after a random moment (or lets it finish), and returns its lines.
func child(t *testing.T, rng *rand.Rand, d *computer, mode, prefix string, kill bool) []string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run", "^$")
	cmd.Env = append(os.Environ(), "BOTHAND_REPLICA_CHILD="+mode, "BOTHAND_REPLICA_DB="+d.store.Path(),
		"BOTHAND_REPLICA_HOST="+d.name, "BOTHAND_REPLICA_PREFIX="+prefix)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	var got []string
	// The clock starts once the child has opened the journal: under the
	// race detector that alone takes longer than the kills' window.
	var deadline <-chan time.Time
	wait := time.Duration(30+rng.IntN(300)) * time.Millisecond
	if !kill {
		wait = 5 * time.Minute
	}
	for {
		select {
		case l, ok := <-lines:
			if !ok {
				if err := cmd.Wait(); err != nil && !kill {
					t.Fatalf("child: %v: %s", err, stderr.String())
				}
				return got
			}
			if l == "ready" {
				deadline = time.After(wait)
				continue
			}
			got = append(got, l)
		case <-deadline:
			cmd.Process.Kill()
			for l := range lines {
				got = append(got, l)
			}
			cmd.Wait()
			if strings.Contains(stderr.String(), "child:") {
				t.Fatalf("the child failed before it was killed: %s", stderr.String())
			}
			return got
		}
	}
}

func kills() int {
	if longTests {
		return 40
	}
	return 10
}

// A computer killed again and again while it saves and runs rounds (so in
// the middle of writing segments, of committing what it wrote, of writing
// snapshots and deleting old segments) loses nothing it said was saved:
// every acknowledged entry reaches the other computer, and a third that
// joins afterwards, once.
func TestKilledWhileWritingAndCompacting(t *testing.T) {
	t.Parallel()
	a, b, tool := pair(t)
	settleAll(t, tool, a, b)
	a.store.Close()
	rng := rand.New(rand.NewPCG(5, 6))
	var acked []string
	for i := range kills() {
		for _, l := range child(t, rng, a, "write", fmt.Sprint("run", i), true) {
			if story, ok := strings.CutPrefix(l, "ack "); ok {
				acked = append(acked, story)
			}
		}
		if i%3 == 0 {
			tool.pass()
			b.round(t)
		}
	}
	if len(acked) < kills() {
		t.Fatalf("the child acknowledged only %d saves", len(acked))
	}
	a.reopen(t)
	c := newDevice(t, "third")
	tool.folders = append(tool.folders, &toolFolder{root: c.folder, index: map[string][32]byte{}})
	settleAll(t, tool, a, b)
	c.join(t)
	settleAll(t, tool, a, b, c)
	sameJournals(t, a, b, c)
	for _, d := range []*computer{b, c} {
		stories := entryTexts(t, d.store)
		if dup := duplicates(stories); len(dup) > 0 {
			t.Errorf("%s holds entries twice: %q", d.name, dup[:min(5, len(dup))])
		}
		for _, s := range acked {
			if _, found := slices.BinarySearch(stories, s); !found {
				t.Errorf("%s lacks %q, which was acknowledged", d.name, s)
			}
		}
	}
	temps, _ := filepath.Glob(filepath.Join(a.folder, devicesDir, "*", ".tmp-*"))
	t.Logf("%d saves acknowledged over %d kills; %d temporary files left by kills", len(acked), kills(), len(temps))
}

// A computer killed again and again while it applies a long backlog of
// another's changes ends with that computer's journal, every change
// applied once.
func TestKilledWhileApplying(t *testing.T) {
	t.Parallel()
	a, b, tool := pair(t)
	for i := range 400 {
		a.save(t, data.Entry{Story: fmt.Sprint("backlog ", i), Intensity: i % 11, Tags: []data.Tag{{Name: fmt.Sprint("tag", i%7)}}})
		if i%50 == 49 {
			a.round(t)
		}
	}
	if err := transfer.ImportEntries(ctx, a.store, benchEntries(800, 400)); err != nil {
		t.Fatal(err)
	}
	a.round(t)
	tool.settle()
	b.store.Close()
	rng := rand.New(rand.NewPCG(7, 8))
	done, killed := false, 0
	for ; killed < kills() && !done; killed++ {
		lines := child(t, rng, b, "apply", "", true)
		done = slices.Contains(lines, "done")
	}
	if !done {
		child(t, rng, b, "apply", "", false)
	}
	t.Logf("the backlog was applied across %d runs of the child", killed+1)
	b.reopen(t)
	st, err := StatusOf(ctx, b.store)
	if err != nil || st.Pending != 0 || st.Waiting != 0 {
		t.Fatalf("after the kills: %+v %v (nothing applied here may echo back, nothing wait)", st, err)
	}
	sameJournals(t, a, b)
	if dup := duplicates(entryTexts(t, b.store)); len(dup) > 0 {
		t.Errorf("entries twice: %q", dup)
	}
}

func duplicates(sorted []string) []string {
	var out []string
	for i := 1; i < len(sorted); i++ {
		if sorted[i] == sorted[i-1] {
			out = append(out, sorted[i])
		}
	}
	return out
}
