package insights

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/bothand/bothand/app/look"
	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/app/ui/uitest"
	"github.com/bothand/bothand/data"
)

// harness is the Insights tab alone in a window on Fyne's test driver, in
// Both/And's theme, around a fresh journal, with background work run
// inline so tests are deterministic.
type harness struct {
	h      *ui.Host
	store  *data.Store
	screen *Screen
	wrote  int // times "Write an entry" asked for a new entry
}

func newHarness(t *testing.T) *harness {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(look.New().Theme())
	s, err := data.Open(filepath.Join(t.TempDir(), "journal.db"), data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	x := &harness{h: ui.NewHost(a, a.NewWindow("Insights")), store: s}
	x.h.Async = func(f func()) { f() }
	x.h.Store = s
	x.screen = New(x.h, func() { x.wrote++ })
	x.h.Win.SetContent(x.screen.View())
	x.h.Win.Resize(fyne.NewSize(1000, 760))
	return x
}

// text is the text of every visible label in the window.
func (x *harness) text() string { return uitest.ShownText(x.h) }
