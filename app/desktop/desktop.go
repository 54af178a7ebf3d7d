// Package desktop is what the desktop session offers Both/And beside its
// window, without Fyne: whether there is a system tray to live in and a
// service that shows notifications, and sending a notification. The tray
// process uses it (it has no Fyne app), and so does the window for its
// probe. Neither service is guaranteed (a bare X server has neither) and
// Both/And works fully without them.
package desktop

// Support says what the session offers.
type Support struct {
	Tray          bool
	Notifications bool
}

// AppName is how notifications name their sender.
const AppName = "Both/And"
