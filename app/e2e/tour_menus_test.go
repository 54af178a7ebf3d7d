package e2e

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// barItems are the menu bar's items in order, per menu, as the log lists
// them when the window is built.
func (s *session) barItems() (menus []string, items map[string][]string) {
	items = map[string][]string{}
	for _, e := range s.log {
		if e.msg == "starting" {
			break
		}
		if e.msg != "menu item" {
			continue
		}
		menu, item, _ := strings.Cut(e.attr["item"], "/")
		if len(items[menu]) == 0 {
			menus = append(menus, menu)
		}
		items[menu] = append(items[menu], item)
	}
	return menus, items
}

// fromMenuBar runs an item of the menu bar by the keyboard: Alt opens it,
// Right goes to the menu, Down to the item, Return runs it.
func (s *session) fromMenuBar(path string) {
	s.t.Helper()
	menus, items := s.barItems()
	menu, item, _ := strings.Cut(path, "/")
	mi, ii := slices.Index(menus, menu), slices.Index(items[menu], item)
	if mi < 0 || ii < 0 {
		s.t.Fatalf("no menu item %s in %v", path, items)
	}
	keys := []string{"alt"}
	for range mi {
		keys = append(keys, "Right")
	}
	for range ii + 1 {
		keys = append(keys, "Down")
	}
	s.runs(path, append(keys, "Return")...)
}

// menuOpens runs a menu bar item and waits for the dialog of kind it opens:
// a key pressed before the dialog is up (a backup's progress still
// showing, on a busy machine) would go to whatever was there before.
func (s *session) menuOpens(path, kind string) {
	s.t.Helper()
	from := s.mark()
	s.fromMenuBar(path)
	s.waitFor(from, "the "+kind+" dialog", func(e event) bool {
		return e.msg == "dialog shown" && e.attr["kind"] == kind
	}, 30*time.Second)
}

// fromPopUp opens a pop-up menu with keys and runs its item label: the log
// lists the items as the menu shows, in order.
func (s *session) fromPopUp(menu, label string, keys ...string) {
	s.t.Helper()
	from := s.mark()
	s.key(keys...)
	var listed []string
	s.waitFor(from, "the "+menu+" menu", func(e event) bool {
		if e.msg == "menu item" && strings.HasPrefix(e.attr["item"], menu+"/") {
			listed = append(listed, strings.TrimPrefix(e.attr["item"], menu+"/"))
		}
		return slices.Contains(listed, label)
	}, 10*time.Second)
	time.Sleep(100 * time.Millisecond) // the rest of the list
	s.events()
	for _, e := range s.log[from:] {
		if e.msg == "menu item" && strings.HasPrefix(e.attr["item"], menu+"/") {
			if l := strings.TrimPrefix(e.attr["item"], menu+"/"); !slices.Contains(listed, l) {
				listed = append(listed, l)
			}
		}
	}
	downs := []string{}
	for range slices.Index(listed, label) + 1 {
		downs = append(downs, "Down")
	}
	s.runs(menu+"/"+label, append(downs, "Return")...)
}

// pick types a path into the open file picker and takes it with Enter.
func (s *session) pick(path string) {
	s.t.Helper()
	s.key("ctrl+a")
	s.typ(path)
}

func (s *session) helpAndMenus(home, opened, fakeOpen string) {
	s.t.Helper()
	// The Help menu by the mouse, and a dialog's button by the mouse.
	s.click(169, 14)
	s.opens("shortcuts", "Down", "Return")
	s.clickFor(s.tabTo("button", "Close", false), "the click on Close", func(e event) bool {
		return e.msg == "dialog closed" && e.attr["kind"] == "shortcuts"
	})

	s.opens("shortcuts", "F1")
	s.closes("shortcuts", "Escape")
	s.menuOpens("Help/Keyboard shortcuts", "shortcuts")
	s.closes("shortcuts", "Return")
	s.menuOpens("Help/About Both/And", "about")
	s.closes("about", "Return")

	s.fromMenuBar("Help/Open the log folder")
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(readIfThere(opened), filepath.Join(home, ".local", "state", "bothand")) && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if got := readIfThere(opened); !strings.Contains(got, "file://"+filepath.Join(home, ".local", "state", "bothand")) {
		s.t.Errorf("xdg-open was asked to open %q", got)
	}
	if logs, _ := filepath.Glob(filepath.Join(home, ".local", "state", "bothand", "bothand.log")); len(logs) != 1 {
		s.t.Error("no log file in the state folder")
	}
	// Without a program to open it, the window says where the folder is.
	os.Chmod(fakeOpen, 0o600)
	from := s.mark()
	s.fromMenuBar("Help/Open the log folder")
	s.waitFor(from, "the log folder's path", func(e event) bool { return e.msg == "dialog shown" && e.attr["kind"] == "log-folder" }, 5*time.Second)
	s.closes("log-folder", "Escape")

	// The tabs, by their shortcuts and from the View menu.
	for i, name := range []string{"Journal", "Tiers", "Protocols", "Compassion", "Insights"} {
		s.runs("View/"+name, "ctrl+"+strconv.Itoa(i+1))
	}
	s.runs("View/Next tab", "ctrl+Tab")
	s.runs("View/Previous tab", "ctrl+shift+Tab")
	s.runs("View/Journal", "ctrl+1")
	s.runs("Edit/Search the journal", "ctrl+f")
	s.runs("File/Save", "ctrl+s") // nothing to save: nothing happens
	s.fromMenuBar("View/Insights")
	s.fromMenuBar("View/Next tab")
	s.fromMenuBar("View/Previous tab")
	s.fromMenuBar("View/Journal")
}

func readIfThere(path string) string {
	b, _ := os.ReadFile(path)
	return string(b)
}
