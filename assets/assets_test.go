package assets

import (
	"bytes"
	"image/png"
	"testing"
)

func TestIconsDecode(t *testing.T) {
	for name, b := range map[string][]byte{"icon": Icon(), "tray": TrayIcon()} {
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if img.Bounds().Dx() != img.Bounds().Dy() {
			t.Errorf("%s is not square: %v", name, img.Bounds())
		}
	}
	for name, b := range map[string][]byte{"icon.svg": IconSVG(), "insights.svg": InsightsIcon()} {
		if !bytes.Contains(b, []byte("<svg")) {
			t.Errorf("%s is not an SVG", name)
		}
	}
}

func TestContentIsComplete(t *testing.T) {
	if n := len(Tags()); n != 6 {
		t.Errorf("want the 3 triggers and 3 misalignments, got %d tags", n)
	}
	if n := len(Reframes()); n != 4 {
		t.Errorf("want the four reframes, got %d", n)
	}
	steps := CompassionSteps()
	if len(steps) != 3 || steps[0].Key != "acknowledge" || steps[1].Key != "normalise" || steps[2].Key != "kindness" {
		t.Errorf("compassion steps out of order: %+v", steps)
	}
	for _, tpl := range ProtocolTemplates() {
		if tpl.Title == "" || len(tpl.Steps) == 0 {
			t.Errorf("template %q has no title or steps", tpl.Key)
		}
	}
	for _, r := range Reframes() {
		if r.Old == "" || r.New == "" || r.Key == "" {
			t.Errorf("reframe incomplete: %+v", r)
		}
	}
	if len(SlipSuggestions()) == 0 || len(UrgencyQuestions()) == 0 {
		t.Error("starter slips or urgency questions missing")
	}
	for _, s := range SlipSuggestions() {
		if n := len([]rune(s)); n > 280 {
			t.Errorf("slip suggestion over 280 characters: %q", s)
		}
	}
}
