package app

import (
	"image/png"
	"os"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/demo"
)

func snap(t *testing.T, u *UI, name string) {
	img := u.win.Canvas().Capture()
	f, _ := os.Create("/tmp/journal/p-" + name + ".png")
	png.Encode(f, img)
	f.Close()
}

func TestZZPreview(t *testing.T) {
	if os.Getenv("PREVIEW") == "" {
		t.Skip()
	}
	u, s, j := newJournalUI(t)
	u.win.Resize(fyne.NewSize(1240, 900))
	snap(t, u, "empty")
	demo.Fill(s, demo.Options{Entries: 300, Seed: 2, Now: time.Now()})
	e, _ := s.SaveEntry(data.Entry{Trigger: "Missed his sprint race for a client's urgent fix.\nHe looked for me in the crowd.", Story: "I'm a terrible father who puts money first.", Friend: "You made the best call you could with what you knew. One race doesn't define you. Be at the next one.", Intensity: 8, Kind: data.KindGuilt, Tags: []data.Tag{{Name: "Visibility trap"}}}, 0)
	s.StartProtocol(e.ID)
	u.attach(s)
	j.showEntry(e.ID, "Saved.")
	snap(t, u, "detail")
	j.filters.search.SetText("school client")
	snap(t, u, "search")
	j.filters.search.SetText("")
	j.showTrash()
	snap(t, u, "trash")
	press(t, u, shortcutNew)
	typeText(u, "Worked through bedtime again")
	snap(t, u, "editor")
}
