package vault

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gofrs/flock"
)

func TestMorningWhileLocked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.db")
	if m, ok, err := MorningWhileLocked(path); ok || err != nil || m != (Morning{}) {
		t.Fatalf("no copy yet: %+v, %v, %v", m, ok, err)
	}
	want := Morning{On: true, Minutes: 7*60 + 30, Days: [7]bool{false, true, true, true, true, true, false}}
	if err := ShowMorningWhileLocked(path, want); err != nil {
		t.Fatal(err)
	}
	if m, ok, err := MorningWhileLocked(path); !ok || err != nil || m != want {
		t.Errorf("kept %+v, %v, %v; want %+v", m, ok, err, want)
	}
	info, err := os.Stat(path + ".morning")
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("the copy: %v, %v", info, err)
	}
	b, _ := os.ReadFile(path + ".morning")
	if string(b) != `{"on":true,"minutes":450,"days":[false,true,true,true,true,true,false]}`+"\n" {
		t.Errorf("the copy holds more than the morning: %s", b)
	}
	if err := ShowMorningWhileLocked(path, Morning{Minutes: 24 * 60}); err == nil {
		t.Error("a time past midnight was kept")
	}
	if m, _, _ := MorningWhileLocked(path); m != want {
		t.Errorf("a refused time replaced the copy: %+v", m)
	}

	os.WriteFile(path+".morning", []byte("{half"), 0o600)
	if _, ok, err := MorningWhileLocked(path); ok || err == nil {
		t.Errorf("a damaged copy: %v, %v", ok, err)
	}
	if err := HideMorningWhileLocked(path); err != nil {
		t.Fatal(err)
	}
	if err := HideMorningWhileLocked(path); err != nil {
		t.Errorf("hiding twice: %v", err)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "*")); len(left) != 0 {
		t.Errorf("files left: %v", left)
	}
}

// TestClaimMorningOncePerDay: a day is claimed once, whoever asks and
// however often; the next day is claimed again.
func TestClaimMorningOncePerDay(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.db")
	if day, err := MorningSent(path); day != "" || err != nil {
		t.Fatalf("nothing sent yet: %q, %v", day, err)
	}
	if ok, err := ClaimMorning(path, "2026-12-06"); !ok || err != nil {
		t.Fatalf("the first claim: %v, %v", ok, err)
	}
	if ok, err := ClaimMorning(path, "2026-12-06"); ok || err != nil {
		t.Errorf("the same day again: %v, %v", ok, err)
	}
	if day, _ := MorningSent(path); day != "2026-12-06" {
		t.Errorf("last sent %q", day)
	}
	if ok, _ := ClaimMorning(path, "2026-12-07"); !ok {
		t.Error("the next day was not claimed")
	}

	// Two processes at the same tick (the tray and the window): one claim.
	var wg sync.WaitGroup
	var won atomic.Int32
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if ok, err := ClaimMorning(path, "2026-12-08"); err != nil {
				t.Error(err)
			} else if ok {
				won.Add(1)
			}
		}()
	}
	wg.Wait()
	if won.Load() != 1 {
		t.Errorf("%d claims of one day", won.Load())
	}
	if tmp, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".tmp-*")); len(tmp) != 0 {
		t.Errorf("temp files left: %v", tmp)
	}
}

// TestDecryptForgetsTheMorning: turning encryption off removes the tray's
// copies, the morning's with the slip's.
func TestDecryptForgetsTheMorning(t *testing.T) {
	t.Parallel()
	opts := testOpts()
	path, _ := encrypted(t, "pw", opts)
	if err := ShowSlipWhileLocked(path, "I can rest too."); err != nil {
		t.Fatal(err)
	}
	if err := ShowMorningWhileLocked(path, Morning{On: true, Minutes: 480}); err != nil {
		t.Fatal(err)
	}
	if _, err := ClaimMorning(path, "2026-12-06"); err != nil {
		t.Fatal(err)
	}
	if _, err := Decrypt(context.Background(), path, Passphrase([]byte("pw")), opts); err != nil {
		t.Fatal(err)
	}
	left, _ := filepath.Glob(path + ".*")
	if len(left) != 0 {
		t.Errorf("after Decrypt: %v", left)
	}
}

// Turning encryption off while the tray claims the morning waits for the
// claim, rather than pulling its lock file away under it.
func TestForgettingTheMorningWaitsForAClaimUnderWay(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.db")
	if _, err := ClaimMorning(path, "2026-12-07"); err != nil {
		t.Fatal(err)
	}
	held := flock.New(morningLockPath(path))
	if err := held.Lock(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		forgetMorning(path)
		close(done)
	}()
	select {
	case <-done:
		t.Fatal("the morning's files went while a claim held the lock")
	case <-time.After(200 * time.Millisecond):
	}
	if day, _ := MorningSent(path); day != "2026-12-07" {
		t.Errorf("the claim's record is gone while it held the lock: %q", day)
	}
	held.Close()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("forgetting the morning never finished")
	}
	for _, p := range []string{morningSentPath(path), morningLockPath(path)} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s is still there", p)
		}
	}
}
