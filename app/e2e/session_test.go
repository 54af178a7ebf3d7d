package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// session drives one running app by keys and mouse, and follows what it
// does in its debug log (its output): the dialogs it shows and closes, the
// menu items run, the widget that has the focus and where it is.
type session struct {
	t    *testing.T
	d    *display
	a    *app
	win  string
	read int // how much of the output has been looked at
	// origin is the window's top-left corner on the screen.
	x, y int
	// seen counts what the log said, over the session: dialogs shown by
	// kind, menu items offered and run.
	shown, closed map[string]int
	offered, ran  map[string]bool
	panicked      bool
	// log is every event read so far; a step notes len(log) before its
	// keys and looks for what they caused from there.
	log []event
	// focusDelay is how long the focus news of a key usually takes.
	focusDelay time.Duration
}

// event is one line of the log: its message and its key=value pairs.
type event struct {
	msg  string
	attr map[string]string
}

func (e event) int(k string) int { n, _ := strconv.Atoi(e.attr[k]); return n }

// parseEvent reads a line of slog's text format.
func parseEvent(line string) (event, bool) {
	e := event{attr: map[string]string{}}
	for line != "" {
		line = strings.TrimLeft(line, " ")
		k, rest, ok := strings.Cut(line, "=")
		if !ok {
			break
		}
		var v string
		if strings.HasPrefix(rest, `"`) {
			u, err := strconv.QuotedPrefix(rest)
			if err != nil {
				return e, false
			}
			v, _ = strconv.Unquote(u)
			rest = rest[len(u):]
		} else {
			v, rest, _ = strings.Cut(rest, " ")
		}
		if k == "msg" {
			e.msg = v
		} else {
			e.attr[k] = v
		}
		line = rest
	}
	return e, e.msg != ""
}

// newSession waits for the app's window and takes the keyboard to it.
func newSession(t *testing.T, d *display, a *app) *session {
	t.Helper()
	s := &session{
		t: t, d: d, a: a, shown: map[string]int{}, closed: map[string]int{},
		offered: map[string]bool{}, ran: map[string]bool{},
	}
	s.win = d.waitWindow(t, "Both/And", 90*time.Second, a.exited)
	geom, err := d.run(t, "xdotool", "getwindowgeometry", "--shell", s.win)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(geom), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			switch k {
			case "X":
				s.x, _ = strconv.Atoi(v)
			case "Y":
				s.y, _ = strconv.Atoi(v)
			}
		}
	}
	d.run(t, "xdotool", "windowfocus", "--sync", s.win)
	s.waitFor(0, "the journal to open", func(e event) bool { return e.msg == "starting" }, 30*time.Second)
	return s
}

// mark is where the log stands: what comes after is new.
func (s *session) mark() int {
	s.events()
	return len(s.log)
}

// events reads the log lines written since the last call into s.log,
// noting what they say about dialogs and menus.
func (s *session) events() {
	out := s.a.output()
	if len(out) < s.read {
		return
	}
	fresh := out[s.read:]
	end := strings.LastIndexByte(fresh, '\n')
	if end < 0 {
		return
	}
	s.read += end + 1
	for _, line := range strings.Split(fresh[:end], "\n") {
		if strings.HasPrefix(line, "panic:") || strings.Contains(line, "fatal error:") {
			s.panicked = true
		}
		e, ok := parseEvent(line)
		if !ok {
			continue
		}
		switch e.msg {
		case "dialog shown":
			s.shown[e.attr["kind"]]++
		case "dialog closed":
			s.closed[e.attr["kind"]]++
		case "menu item":
			s.offered[e.attr["item"]] = true
		case "menu":
			s.ran[e.attr["item"]] = true
		case "date picker shown":
			s.shown[datePicker]++
		case "date picker closed":
			s.closed[datePicker]++
		}
		s.log = append(s.log, e)
	}
}

// waitFor reads the log until an event from since on matches.
func (s *session) waitFor(since int, what string, match func(event) bool, timeout time.Duration) event {
	s.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		s.events()
		for _, e := range s.log[since:] {
			if match(e) {
				return e
			}
		}
		s.alive()
		if time.Now().After(deadline) {
			if dir := os.Getenv("BOTHAND_E2E_SHOTS"); dir != "" {
				s.d.run(s.t, "import", "-window", "root", filepath.Join(dir, s.t.Name()+".png"))
			}
			s.t.Fatalf("waited %v for %s; the log ends:\n%s", timeout, what, tail(s.a.output(), 30))
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// alive fails the test when the app has died or panicked.
func (s *session) alive() {
	s.t.Helper()
	select {
	case <-s.a.exited:
		s.t.Fatalf("the app is gone (exit %d); the log ends:\n%s", s.a.cmd.ProcessState.ExitCode(), tail(s.a.output(), 40))
	default:
	}
	if s.panicked {
		s.t.Fatalf("the app panicked:\n%s", tail(s.a.output(), 60))
	}
}

func tail(text string, lines int) string {
	all := strings.Split(strings.TrimRight(text, "\n"), "\n")
	return strings.Join(all[max(0, len(all)-lines):], "\n")
}

// key presses keys, one after the other, as xdotool names them.
func (s *session) key(keys ...string) {
	s.t.Helper()
	for _, k := range keys {
		if _, err := s.d.run(s.t, "xdotool", "key", k); err != nil {
			s.t.Fatalf("xdotool key %s: %v", k, err)
		}
		time.Sleep(40 * time.Millisecond)
	}
	s.events() // the app may end on a key (Ctrl+Q): waitFor checks it lives
}

// typ types text.
func (s *session) typ(text string) {
	s.t.Helper()
	s.d.run(s.t, "xdotool", "type", "--delay", "12", text)
	time.Sleep(60 * time.Millisecond)
	s.alive()
}

// opens presses keys and waits for the dialog of kind to show.
func (s *session) opens(kind string, keys ...string) {
	s.t.Helper()
	from := s.mark()
	s.key(keys...)
	s.waitFor(from, "the "+kind+" dialog", func(e event) bool {
		return e.msg == "dialog shown" && e.attr["kind"] == kind
	}, 10*time.Second)
}

// closes presses keys and waits for the dialog of kind to close. It waits
// first for the dialog to be open: one that comes after work off the main
// goroutine (a backup, the working hours read) would otherwise get no key,
// or the key would press what opened it.
func (s *session) closes(kind string, keys ...string) {
	s.t.Helper()
	for deadline := time.Now().Add(10 * time.Second); s.shown[kind] <= s.closed[kind] && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		s.events()
	}
	from := s.mark()
	s.key(keys...)
	s.waitFor(from, "the "+kind+" dialog to close", func(e event) bool {
		return e.msg == "dialog closed" && e.attr["kind"] == kind
	}, 10*time.Second)
}

// ran presses keys and waits for the menu item path to run.
func (s *session) runs(path string, keys ...string) {
	s.t.Helper()
	from := s.mark()
	s.key(keys...)
	s.waitFor(from, "the menu item "+path, func(e event) bool { return e.msg == "menu" && e.attr["item"] == path }, 10*time.Second)
}

// focusAfter presses keys and waits for a widget to take the focus.
func (s *session) focusAfter(keys ...string) event {
	s.t.Helper()
	from := s.mark()
	s.key(keys...)
	return s.waitFor(from, "the focus to move", func(e event) bool { return e.msg == "focus" }, 10*time.Second)
}

// tabTo presses Tab (or Shift+Tab) until the focus is on the widget of
// kind ("button", "entry", "check", …) labelled label, and returns where it
// is.
func (s *session) tabTo(kind, label string, back bool) event {
	s.t.Helper()
	key, other := "Tab", "shift+Tab"
	if back {
		key, other = other, key
	}
	is := func(e event) bool { return e.attr["widget"] == kind && e.attr["label"] == label }
	var trail []string
	for i := range 160 {
		focus := s.tab(key)
		switch {
		case len(focus) == 0:
			// A widget that doesn't say it took the focus (a selectable
			// label, a day of a calendar).
			trail = append(trail, "?")
			if i == 5 && !slices.ContainsFunc(trail, func(t string) bool { return t != "?" }) {
				// Not one Tab heard: the keyboard may be with another X
				// window (seen once in CI under load). The failure, if it
				// stays deaf, prints what the app was doing.
				s.t.Logf("no focus moved after %d Tabs: giving the window the keyboard again", i+1)
				s.d.run(s.t, "xdotool", "windowfocus", "--sync", s.win)
			}
			continue
		case is(focus[len(focus)-1]):
			return s.placed(focus[len(focus)-1], key, other, is)
		case slices.ContainsFunc(focus, is):
			// Late news of an earlier Tab: the target was passed; one
			// step back.
			if back := s.tab(other); len(back) > 0 && is(back[len(back)-1]) {
				return back[len(back)-1]
			}
		}
		last := focus[len(focus)-1]
		trail = append(trail, last.attr["widget"]+" "+strconv.Quote(last.attr["label"]))
	}
	s.t.Fatalf("Tab never reached the %s %q; it went through:\n%s\nthe log ends:\n%s", kind, label, strings.Join(trail[:min(len(trail), 20)], "\n"), tail(s.a.output(), 60))
	return event{}
}

// placed is the focus event e again once its widget has been drawn. A
// widget that takes the focus before the first frame that shows it (a row
// that came from work off the main goroutine, under load) is logged at
// 0,0, where a click would miss it: the focus goes away and back until it
// is logged where it is.
func (s *session) placed(e event, key, other string, is func(event) bool) event {
	s.t.Helper()
	for try := 0; try < 5 && e.int("x") == 0 && e.int("y") == 0; try++ {
		s.settle()
		s.tab(other)
		if again := s.tab(key); len(again) > 0 && is(again[len(again)-1]) {
			e = again[len(again)-1]
		}
	}
	return e
}

// tab presses key and returns the focus events it brought, waiting a
// little for the first.
func (s *session) tab(key string) []event {
	s.t.Helper()
	from := s.mark()
	start := time.Now()
	s.d.run(s.t, "xdotool", "key", key)
	// A widget that doesn't log its focus costs a wait: a few times the
	// usual delay, which follows the machine's load.
	if s.focusDelay == 0 {
		s.focusDelay = 50 * time.Millisecond
	}
	wait := min(max(5*s.focusDelay, 100*time.Millisecond), 500*time.Millisecond)
	var focus []event
	for deadline := start.Add(wait); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		s.events()
		focus = focus[:0]
		for _, e := range s.log[from:] {
			if e.msg == "focus" {
				focus = append(focus, e)
			}
		}
		if len(focus) > 0 {
			s.focusDelay = (3*s.focusDelay + time.Since(start)) / 4
			time.Sleep(15 * time.Millisecond) // and what came with it
			s.events()
			focus = focus[:0]
			for _, e := range s.log[from:] {
				if e.msg == "focus" {
					focus = append(focus, e)
				}
			}
			break
		}
	}
	s.alive()
	return focus
}

// settle waits for what a step started in the background (a list read
// again and drawn anew) to be on screen before the next step looks for
// its widgets.
func (s *session) settle() {
	time.Sleep(300 * time.Millisecond)
	s.events()
	s.alive()
}

// press tabs to a button and presses it with Space.
func (s *session) press(label string) {
	s.t.Helper()
	s.tabTo("button", label, false)
	s.key("space")
}

// pressOpens presses a button and waits for the dialog of kind it opens.
func (s *session) pressOpens(label, kind string) {
	s.t.Helper()
	s.tabTo("button", label, false)
	s.opens(kind, "space")
}

// click clicks at (x, y) in the window's units (the tests run at scale 1).
func (s *session) click(x, y int) {
	s.t.Helper()
	s.d.run(s.t, "xdotool", "mousemove", "--sync", strconv.Itoa(s.x+x), strconv.Itoa(s.y+y))
	// The window must see the pointer arrive, and the press last, for
	// Fyne to take it as a tap.
	time.Sleep(100 * time.Millisecond)
	s.d.run(s.t, "xdotool", "mousedown", "1")
	time.Sleep(60 * time.Millisecond)
	s.d.run(s.t, "xdotool", "mouseup", "1")
	time.Sleep(80 * time.Millisecond)
	s.events()
	s.alive()
}

// clickOn clicks the middle of the button a focus event was about, once
// the window has taken in that the pointer is over it (it reads moves of
// the pointer between frames, and a click before that lands where the
// pointer was).
func (s *session) clickOn(e event) {
	s.t.Helper()
	x, y := s.x+e.int("x")+e.int("w")/2, s.y+e.int("y")+e.int("h")/2
	// From elsewhere, so that arriving over the button is news.
	s.d.run(s.t, "xdotool", "mousemove", "--sync", strconv.Itoa(s.x+2), strconv.Itoa(s.y+2))
	time.Sleep(50 * time.Millisecond)
	from := s.mark()
	s.d.run(s.t, "xdotool", "mousemove", "--sync", strconv.Itoa(x), strconv.Itoa(y))
	s.waitFor(from, "the pointer over "+e.attr["label"], func(ev event) bool {
		return ev.msg == "pointer" && ev.attr["label"] == e.attr["label"]
	}, 5*time.Second)
	s.d.run(s.t, "xdotool", "mousedown", "1")
	time.Sleep(60 * time.Millisecond)
	s.d.run(s.t, "xdotool", "mouseup", "1")
	time.Sleep(80 * time.Millisecond)
	s.events()
	s.alive()
}

// clickFor clicks the widget a focus event was about and waits for what
// the click should cause. Under a loaded machine an X click now and then
// reaches the window before it has taken in the pointer's move; a click
// that changed nothing is given once more.
func (s *session) clickFor(e event, what string, match func(event) bool) event {
	s.t.Helper()
	from := s.mark()
	s.clickOn(e)
	for deadline := time.Now().Add(1500 * time.Millisecond); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		s.events()
		for _, ev := range s.log[from:] {
			if match(ev) {
				return ev
			}
		}
	}
	if len(s.log) == from { // nothing at all happened: click again
		s.t.Logf("clicked %s %q again", e.attr["widget"], e.attr["label"])
		s.clickOn(e)
	}
	return s.waitFor(from, what, match, 5*time.Second)
}

// wheel turns the mouse wheel n notches down (or up) at (x, y).
func (s *session) wheel(x, y int, down bool, n int) {
	s.t.Helper()
	button := "4"
	if down {
		button = "5"
	}
	s.d.run(s.t, "xdotool", "mousemove", "--sync", strconv.Itoa(s.x+x), strconv.Itoa(s.y+y))
	time.Sleep(100 * time.Millisecond)
	for range n {
		s.d.run(s.t, "xdotool", "click", button)
	}
	time.Sleep(150 * time.Millisecond)
	s.alive()
}

func (s *session) String() string { return fmt.Sprintf("session on %s", s.win) }
