package app

// desktopSupport is what the desktop session offers: a system tray to live
// in and a service that shows notifications. Neither is guaranteed (a bare
// X server has neither) and the app works fully without them.
type desktopSupport struct {
	Tray          bool
	Notifications bool
}
