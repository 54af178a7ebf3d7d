package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/bothand/bothand/app/ui/uitest"
)

func TestWriteTheFirstSlipThroughTheEmptyStrip(t *testing.T) {
	u, s := newTestUI(t)
	root := u.Win.Content()
	if !strings.Contains(uitest.VisibleText(root), "one sentence you need to hear") {
		t.Fatalf("empty strip does not invite a slip:\n%s", uitest.VisibleText(root))
	}

	test.Type(u.strip.Entry(), "I can love my work and my kids.")
	test.Tap(uitest.FindButton(t, root, "Pin it"))

	slip, ok, err := s.PinnedSlip()
	if err != nil || !ok || slip.Text != "I can love my work and my kids." {
		t.Fatalf("stored pinned slip = %+v, %v, %v", slip, ok, err)
	}
	if got := u.strip.Text(); got != slip.Text {
		t.Errorf("strip shows %q", got)
	}
	if !strings.Contains(uitest.VisibleText(root), "I can love my work and my kids.") {
		t.Errorf("slip not visible:\n%s", uitest.VisibleText(root))
	}
	if strings.Contains(uitest.VisibleText(root), "one sentence you need to hear") {
		t.Error("the invitation is still shown")
	}
}

func TestARefusedSlipKeepsWhatWasTyped(t *testing.T) {
	u, s := newTestUI(t)
	long := strings.Repeat("I am allowed to rest. ", 14) // 308 characters
	test.Type(u.strip.Entry(), long)
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Pin it"))

	if _, ok, _ := s.PinnedSlip(); ok {
		t.Fatal("an over-long slip was stored")
	}
	if u.strip.Entry().Text != long {
		t.Error("the typed text was lost")
	}
	if !strings.Contains(uitest.VisibleText(u.Win.Content()), "up to 280 characters") {
		t.Errorf("no message about the length:\n%s", uitest.VisibleText(u.Win.Content()))
	}
}

func TestSlipShownAtStartWhenOneIsPinned(t *testing.T) {
	u, s := newTestUI(t)
	if _, err := s.AddSlip("Good enough is good.", true); err != nil {
		t.Fatal(err)
	}
	u.attach(s)
	if u.strip.Text() != "Good enough is good." {
		t.Errorf("strip shows %q", u.strip.Text())
	}
}
