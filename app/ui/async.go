package ui

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
)

// Background runs work off the main goroutine and hands its result to
// apply, or its error to fail (the error dialog when fail is nil), on the
// main goroutine. It is the one place where the app calls fyne.Do: store
// calls that may take long never block the window, and no widget is touched
// from another goroutine.
func Background[T any](h *Host, work func() (T, error), apply func(T), fail ...func(error)) {
	h.Async(func() {
		v, err := work()
		h.Deliver(func() {
			if err != nil {
				if len(fail) > 0 && fail[0] != nil {
					fail[0](err)
				} else {
					h.ShowError(err)
				}
				return
			}
			apply(v)
		})
	})
}

// BackgroundDo is background for work that has no result: then runs on
// the main goroutine once work has succeeded.
func BackgroundDo(h *Host, work func() error, then func(), fail ...func(error)) {
	Background(h, func() (struct{}, error) { return struct{}{}, work() }, func(struct{}) { then() }, fail...)
}

// Every calls f on the main goroutine each interval until stop is called.
// Tickers keep running across suspend, so the first tick after a wake
// catches up with whatever fell due while the computer slept.
func (h *Host) Every(interval time.Duration, f func()) (stop func()) {
	t := time.NewTicker(interval)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-t.C:
				h.Deliver(f)
			case <-done:
				t.Stop()
				return
			}
		}
	}()
	var once sync.Once
	return func() { once.Do(func() { close(done) }) }
}

// Deliver runs f on the main goroutine, unless the app is quitting. It is
// also for what arrives from outside the window (a request on the
// journal's socket from the tray or a later start, a signal, a change in
// the sync folder), which has no work of the window's own to wait for.
//
// Once Fyne's event loop has ended, fyne.Do no longer queues: it runs f
// at once on the calling goroutine. Work that finished just as the window
// closed would then build widgets on several goroutines together, and
// Fyne's text shaper (one for the whole app) crashes when two measure
// text at once. So nothing is delivered after End.
func (h *Host) Deliver(f func()) {
	fyne.Do(func() {
		if !h.ended.Load() {
			f()
		}
	})
}

// End says the app is quitting: from now on, nothing is delivered to the
// window. It is called on the main goroutine just before the app's event
// loop is asked to stop.
func (h *Host) End() { h.ended.Store(true) }

// Ended reports whether End was called.
func (h *Host) Ended() bool { return h.ended.Load() }
