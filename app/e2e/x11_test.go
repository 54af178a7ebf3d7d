package e2e

import (
	xbin "encoding/binary"
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"
)

// closeWindow asks the window to close as a window manager's close button
// does: a WM_DELETE_WINDOW client message. Xvfb runs no window manager and
// xdotool can only destroy a window or kill its client, so the message is
// written here in the X protocol itself (a dozen bytes each way).
func (d *display) closeWindow(t testing.TB, window string) {
	t.Helper()
	if err := sendDeleteWindow(d.name, window); err != nil {
		t.Fatalf("closing window %s: %v", window, err)
	}
}

func sendDeleteWindow(displayName, window string) error {
	id, err := strconv.ParseUint(window, 10, 32)
	if err != nil {
		return err
	}
	num := strings.TrimPrefix(displayName, ":")
	num, _, _ = strings.Cut(num, ".")
	c, err := net.DialTimeout("unix", "/tmp/.X11-unix/X"+num, 5*time.Second)
	if err != nil {
		return err
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(10 * time.Second))
	le := xbin.LittleEndian

	// Connection setup: little-endian, protocol 11.0, no authorisation
	// (the tests' Xvfb is started without any).
	setup := make([]byte, 12)
	setup[0] = 'l'
	le.PutUint16(setup[2:], 11)
	if _, err := c.Write(setup); err != nil {
		return err
	}
	head := make([]byte, 8)
	if _, err := io.ReadFull(c, head); err != nil {
		return err
	}
	if _, err := io.CopyN(io.Discard, c, int64(le.Uint16(head[6:]))*4); err != nil {
		return err
	}
	if head[0] != 1 {
		return fmt.Errorf("the X server refused the connection (%d)", head[0])
	}

	reply := make([]byte, 32)
	intern := func(name string) (uint32, error) {
		pad := (4 - len(name)%4) % 4
		req := make([]byte, 8+len(name)+pad)
		req[0] = 16 // InternAtom
		le.PutUint16(req[2:], uint16(len(req)/4))
		le.PutUint16(req[4:], uint16(len(name)))
		copy(req[8:], name)
		if _, err := c.Write(req); err != nil {
			return 0, err
		}
		if _, err := io.ReadFull(c, reply); err != nil {
			return 0, err
		}
		if reply[0] != 1 {
			return 0, fmt.Errorf("InternAtom %s: X error %d", name, reply[1])
		}
		return le.Uint32(reply[8:]), nil
	}
	protocols, err := intern("WM_PROTOCOLS")
	if err != nil {
		return err
	}
	del, err := intern("WM_DELETE_WINDOW")
	if err != nil {
		return err
	}

	req := make([]byte, 44)
	req[0] = 25 // SendEvent, no propagation, empty mask: to the window's owner
	le.PutUint16(req[2:], 11)
	le.PutUint32(req[4:], uint32(id))
	ev := req[12:]
	ev[0] = 33 // ClientMessage
	ev[1] = 32 // format
	le.PutUint32(ev[4:], uint32(id))
	le.PutUint32(ev[8:], protocols)
	le.PutUint32(ev[12:], del)
	// GetInputFocus, a round trip: its reply means the event was sent.
	req = append(req, 43, 0, 1, 0)
	if _, err := c.Write(req); err != nil {
		return err
	}
	if _, err := io.ReadFull(c, reply); err != nil {
		return err
	}
	if reply[0] != 1 {
		return fmt.Errorf("SendEvent: X error %d", reply[1])
	}
	return nil
}
