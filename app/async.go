package app

import "fyne.io/fyne/v2"

// background runs work off the main goroutine and hands its result to
// apply, or its error to fail (the error dialog when fail is nil), on the
// main goroutine. It is the one place where the app calls fyne.Do: store
// calls that may take long never block the window, and no widget is touched
// from another goroutine.
func background[T any](u *UI, work func() (T, error), apply func(T), fail ...func(error)) {
	u.async(func() {
		v, err := work()
		fyne.Do(func() {
			if err != nil {
				if len(fail) > 0 && fail[0] != nil {
					fail[0](err)
				} else {
					u.showError(err)
				}
				return
			}
			apply(v)
		})
	})
}
