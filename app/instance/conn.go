package instance

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"sync"
	"time"

	"github.com/gofrs/flock"
)

// What travels on the socket: one Message a line, as JSON.
const (
	// Requests to the process that holds the journal (the tray, or the
	// window when the desktop has no tray), and from the tray on to its
	// window.
	Show       = "show"        // bring the window forward, starting it if need be
	NewEntry   = "new-entry"   // the window, on a new journal entry
	QuickEntry = "quick-entry" // the small quick-entry window
	Compassion = "compassion"  // the window, on the self-compassion break
	Triage     = "triage"      // the window, on the urgent-request triage
	WriteSlip  = "write-slip"  // the window, in the pinned slip's field
	Quit       = "quit"        // end Both/And on this journal (the window keeps unsaved work first)
	Ping       = "ping"        // only: is it running? (a second start with --minimized)

	// From the window to the tray.
	Hello       = "window"       // this connection is the journal's window
	SlipChanged = "slip-changed" // read the pinned slip and its reading again
	Closing     = "closing"      // the window is ending: start a new one for what comes next

	// From the tray to its window.
	Refresh = "refresh" // something the tray did changed what the window shows
	Lock    = "lock"    // lock the encrypted journal now (the tray's Lock now)

	// The answer to a request.
	OK = "ok"
)

// Message is one line on the socket.
type Message struct {
	Do string `json:"do"`
}

// Conn is one connection on a journal's socket, either end.
type Conn struct {
	c  net.Conn
	in *bufio.Scanner
	mu sync.Mutex // one writer at a time
}

func newConn(c net.Conn) *Conn {
	return &Conn{c: c, in: bufio.NewScanner(c)}
}

// Send writes one message.
func (c *Conn) Send(do string) error {
	b, err := json.Marshal(Message{Do: do})
	if err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	_, err = c.c.Write(append(b, '\n'))
	return err
}

// Receive reads the next message; io.EOF (or another error) when the other
// end has gone.
func (c *Conn) Receive() (string, error) {
	if !c.in.Scan() {
		if err := c.in.Err(); err != nil {
			return "", err
		}
		return "", net.ErrClosed
	}
	var m Message
	if err := json.Unmarshal(c.in.Bytes(), &m); err != nil {
		return "", fmt.Errorf("instance: unreadable message: %w", err)
	}
	return m.Do, nil
}

// Close ends the connection.
func (c *Conn) Close() error { return c.c.Close() }

// Claim is a process's hold on a journal: its lock and its socket.
type Claim struct {
	lock   *flock.Flock
	ln     net.Listener
	socket string
	once   sync.Once
}

// ClaimJournal makes this process the one Both/And on journal, or returns
// ErrRunning when another process already is.
func ClaimJournal(journal string) (*Claim, error) {
	socket := Socket(journal)
	l, ok, err := lockFile(socket)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, ErrRunning
	}
	// The lock is ours, so a socket file left here is a crashed claim's.
	_ = os.Remove(socket)
	ln, err := net.Listen("unix", socket)
	if err != nil {
		_ = l.Unlock()
		return nil, fmt.Errorf("instance: %w", err)
	}
	return &Claim{lock: l, ln: ln, socket: socket}, nil
}

// Socket is the claim's socket path.
func (c *Claim) Socket() string { return c.socket }

// Serve hands each connection to handle, each on its own goroutine, until
// the claim is closed.
func (c *Claim) Serve(handle func(*Conn)) {
	for {
		nc, err := c.ln.Accept()
		if err != nil {
			return
		}
		go handle(newConn(nc))
	}
}

// Close stops listening, removes the socket and lets the journal go.
func (c *Claim) Close() error {
	var err error
	c.once.Do(func() {
		err = c.ln.Close()
		_ = os.Remove(c.socket)
		if uerr := c.lock.Unlock(); err == nil {
			err = uerr
		}
	})
	return err
}

// startWait is how long a later start waits for the claimant to listen:
// it may have the lock and still be opening its socket.
var startWait = 5 * time.Second

// Dial connects to the process that holds journal.
func Dial(journal string) (*Conn, error) {
	socket := Socket(journal)
	deadline := time.Now().Add(startWait)
	for {
		c, err := net.DialTimeout("unix", socket, time.Second)
		if err == nil {
			return newConn(c), nil
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("instance: Both/And holds this journal but does not answer: %w", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// ErrNoAnswer means the running instance took the request but said nothing.
var ErrNoAnswer = errors.New("instance: no answer from the running Both/And")

// Ask hands one request to the process that holds journal and waits for
// its answer.
func Ask(journal, do string) error {
	c, err := Dial(journal)
	if err != nil {
		return err
	}
	defer c.Close()
	_ = c.c.SetDeadline(time.Now().Add(10 * time.Second))
	if err := c.Send(do); err != nil {
		return err
	}
	answer, err := c.Receive()
	if err != nil {
		return fmt.Errorf("%w: %v", ErrNoAnswer, err)
	}
	if answer != OK {
		return fmt.Errorf("instance: the running Both/And answered %q", answer)
	}
	return nil
}
