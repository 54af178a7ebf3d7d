package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestTheWindowSizeIsOneValue: the size is stored as one preference, so
// it can't reach the file half; sizes stored apart by earlier versions
// are still read.
func TestTheWindowSizeIsOneValue(t *testing.T) {
	prefs := test.NewTempApp(t).Preferences()
	if got := savedSize(prefs); got != fyne.NewSize(980, 720) {
		t.Errorf("nothing stored: %v", got)
	}
	prefs.SetFloat(prefWidth, 1000)
	prefs.SetFloat(prefHeight, 700)
	if got := savedSize(prefs); got != fyne.NewSize(1000, 700) {
		t.Errorf("stored apart: %v", got)
	}
	prefs.SetString(prefSize, "1100x780")
	if got := savedSize(prefs); got != fyne.NewSize(1100, 780) {
		t.Errorf("stored as one: %v", got)
	}
}
