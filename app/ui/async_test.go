package ui

import (
	"errors"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// Once the app is quitting, work that finishes late is not delivered: after
// Fyne's loop has ended, fyne.Do would run it on the worker's goroutine,
// beside others (the crash in Fyne's text shaper this guards against).
func TestNothingIsDeliveredOnceTheAppEnds(t *testing.T) {
	a := test.NewTempApp(t)
	h := NewHost(a, a.NewWindow("Both/And"))
	h.Async = func(f func()) { f() }

	var got []string
	h.Deliver(func() { got = append(got, "delivered") })
	Background(h, func() (string, error) { return "applied", nil }, func(s string) { got = append(got, s) })
	BackgroundDo(h, func() error { return errors.New("no") }, func() {}, func(error) { got = append(got, "failed") })
	if len(got) != 3 {
		t.Fatalf("before the end: %v", got)
	}

	ticks := make(chan struct{}, 10)
	stop := h.Every(5*time.Millisecond, func() { ticks <- struct{}{} })
	defer stop()
	select {
	case <-ticks:
	case <-time.After(5 * time.Second):
		t.Fatal("the ticker never ticked")
	}

	h.End()
	got = nil
	h.Deliver(func() { got = append(got, "delivered") })
	Background(h, func() (string, error) { return "applied", nil }, func(s string) { got = append(got, s) })
	BackgroundDo(h, func() error { return errors.New("no") }, func() {}, func(error) { got = append(got, "failed") })
	if len(got) != 0 {
		t.Errorf("after the end: %v", got)
	}
	for len(ticks) > 0 {
		<-ticks
	}
	time.Sleep(50 * time.Millisecond)
	if n := len(ticks); n > 1 { // one tick may have been on its way
		t.Errorf("%d ticks delivered after the end", n)
	}
}
