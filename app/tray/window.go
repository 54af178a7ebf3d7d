package tray

import (
	"log/slog"
	"os"
	"os/exec"
	"sync"
	"time"

	"github.com/bothand/bothand/app/instance"
)

// WindowEnv, in a process's environment, says that the tray started it as
// the journal's window, and with which first request (instance.Show or
// instance.QuickEntry); the window connects back and says hello.
const WindowEnv = "BOTHAND_WINDOW"

// quitWait is how long Quit waits for the window to keep unsaved work and
// end before the tray ends anyway.
const quitWait = 15 * time.Second

// window is the tray's side of the window process: starting it, its
// connection, and the requests waiting for it to connect.
type window struct {
	exe, db string
	tray    *Tray
	// start starts the window process with its first request (tests
	// replace it); nil means exec exe.
	start func(first string) (*exec.Cmd, error)

	mu      sync.Mutex
	running bool
	conn    *instance.Conn
	pending []string
	exited  chan struct{} // closed when the running process ends
	// closing: the window said it is ending. What is asked meanwhile
	// waits, and a new window is started for it once this one has gone.
	closing bool
	// quitting: Both/And is ending; nothing is started any more.
	quitting bool
}

// ask hands a request to the window, starting it if it isn't running.
func (w *window) ask(do string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.quitting {
		return
	}
	if w.conn != nil && !w.closing {
		if err := w.conn.Send(do); err == nil {
			return
		}
		w.conn = nil // gone; a new one is started once it has ended
		w.closing = true
	}
	w.pending = append(w.pending, do)
	if !w.running {
		w.launch(do)
	}
}

// tell passes news to the window if it is open; nothing otherwise.
func (w *window) tell(do string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.conn != nil && !w.closing {
		_ = w.conn.Send(do)
	}
}

// launch starts the window process; w.mu is held.
func (w *window) launch(first string) {
	start := w.start
	if start == nil {
		start = w.exec
	}
	cmd, err := start(first)
	if err != nil {
		slog.Error("the window could not be started", "err", err)
		w.pending = nil
		return
	}
	w.running, w.closing = true, false
	exited := make(chan struct{})
	w.exited = exited
	go func() {
		err := cmd.Wait()
		if err != nil {
			slog.Warn("the window ended with an error", "err", err)
		}
		w.mu.Lock()
		again := w.closing && len(w.pending) > 0 && !w.quitting
		w.running, w.conn = false, nil
		if again {
			// Asked for while it was ending: a new window answers.
			w.launch(w.pending[0])
		} else {
			w.pending = nil
		}
		w.mu.Unlock()
		close(exited)
	}()
}

func (w *window) exec(first string) (*exec.Cmd, error) {
	cmd := exec.Command(w.exe, "--db", w.db)
	cmd.Env = append(os.Environ(), WindowEnv+"="+first)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	return cmd, cmd.Start()
}

// attach takes the window's connection once it says hello, hands it what
// waited, and reads what it tells the tray until it goes.
func (w *window) attach(c *instance.Conn) {
	w.mu.Lock()
	if w.conn != nil {
		w.mu.Unlock()
		c.Close() // one window per journal
		return
	}
	w.conn = c
	pending := w.pending
	w.pending = nil
	for _, do := range pending[min(1, len(pending)):] {
		_ = c.Send(do) // the first was its start request
	}
	if w.quitting {
		// Quit came while the window was starting, before it could be
		// told: tell it now, or it would outlive the tray.
		_ = c.Send(instance.Quit)
	}
	w.mu.Unlock()
	for {
		do, err := c.Receive()
		if err != nil {
			break
		}
		if do == instance.Closing {
			w.mu.Lock()
			w.closing = true
			w.mu.Unlock()
			continue
		}
		w.tray.request(do)
	}
	w.mu.Lock()
	if w.conn == c {
		w.conn = nil
	}
	w.mu.Unlock()
	c.Close()
}

// quit asks the window to end and waits until it has.
func (w *window) quit() {
	w.mu.Lock()
	w.quitting = true
	conn, exited := w.conn, w.exited
	running := w.running
	w.mu.Unlock()
	if !running {
		return
	}
	if conn != nil {
		_ = conn.Send(instance.Quit)
	}
	select {
	case <-exited:
	case <-time.After(quitWait):
		slog.Warn("the window did not end in time; the tray ends anyway")
	}
}

// isOpen says whether a window process runs.
func (w *window) isOpen() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.running
}
