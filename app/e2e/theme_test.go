package e2e

import (
	"bytes"
	"image"
	"image/png"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
)

// fakePortal answers the desktop portal's settings, as GNOME's and KDE's
// do: whether the person prefers light or dark.
type fakePortal struct{ scheme uint32 } // 1 dark, 2 light

func (p *fakePortal) answer(namespace, key string) (dbus.Variant, *dbus.Error) {
	if namespace == "org.freedesktop.appearance" && key == "color-scheme" {
		return dbus.MakeVariant(p.scheme), nil
	}
	return dbus.Variant{}, dbus.NewError("org.freedesktop.portal.Error.NotFound", []any{"no such setting"})
}

// ReadOne implements org.freedesktop.portal.Settings.ReadOne.
func (p *fakePortal) ReadOne(namespace, key string) (dbus.Variant, *dbus.Error) {
	return p.answer(namespace, key)
}

// Read implements the older org.freedesktop.portal.Settings.Read, whose
// answer is wrapped twice.
func (p *fakePortal) Read(namespace, key string) (dbus.Variant, *dbus.Error) {
	v, err := p.answer(namespace, key)
	return dbus.MakeVariant(v), err
}

// startPortal runs a fake desktop portal on a private session bus and
// returns the bus's address.
func startPortal(t *testing.T, scheme uint32) string {
	t.Helper()
	addr := startSessionBus(t)
	conn, err := dbus.Connect(addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	if err := conn.Export(&fakePortal{scheme: scheme}, "/org/freedesktop/portal/desktop", "org.freedesktop.portal.Settings"); err != nil {
		t.Fatal(err)
	}
	if reply, err := conn.RequestName("org.freedesktop.portal.Desktop", dbus.NameFlagDoNotQueue); err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("could not own the portal's name: %v %v", reply, err)
	}
	return addr
}

// luma is the mean brightness of img (0 black, 1 white) and how many
// colours it holds, sampled every few pixels.
func luma(img image.Image) (mean float64, colours int) {
	b := img.Bounds()
	seen := map[[3]uint32]bool{}
	var sum float64
	n := 0
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			r, g, bl, _ := img.At(x, y).RGBA()
			sum += (0.2126*float64(r) + 0.7152*float64(g) + 0.0722*float64(bl)) / 0xffff
			n++
			if len(seen) < 64 {
				seen[[3]uint32{r >> 8, g >> 8, bl >> 8}] = true
			}
		}
	}
	return sum / float64(n), len(seen)
}

// TestTheFirstFrameIsInTheRightColours starts the real window and takes
// screenshots of it about every 100 ms from the moment it is mapped: every
// frame it has painted must already be in the colours it settles in. The
// window used to paint dark for half a second to a second, then turn light.
func TestTheFirstFrameIsInTheRightColours(t *testing.T) {
	db := demoJournalOf(t, 60)
	for _, c := range []struct {
		name   string
		prefs  string
		portal uint32 // 0: no portal on the bus
		dark   bool
	}{
		{"no portal: light", "", 0, false},
		{"a light desktop", "", 2, false},
		{"a dark desktop", "", 1, true},
		{"light chosen in Preferences on a dark desktop", `,"appearance.theme":"light"`, 1, false},
		{"dark chosen in Preferences on a light desktop", `,"appearance.theme":"dark"`, 2, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			var env []string
			if c.portal != 0 {
				env = append(env, "DBUS_SESSION_BUS_ADDRESS="+startPortal(t, c.portal))
			}
			d, a, win := startWindow(t, homeWithPrefs(t, `,"window.width":800,"window.height":600`+c.prefs), env, "--db", db)
			// Screenshots take a while on a busy machine: what matters is
			// that the first frames painted are already right, and that a
			// few later ones agree.
			painted := 0
			start := time.Now()
			for time.Since(start) < 4*time.Second && painted < 6 {
				out, err := d.run(t, "import", "-window", win, "png:-")
				if err != nil {
					continue // not viewable for a moment
				}
				img, err := png.Decode(bytes.NewReader(out))
				if err != nil {
					continue
				}
				mean, colours := luma(img)
				if colours < 4 {
					continue // nothing drawn yet: the window is still one colour
				}
				if painted == 0 {
					t.Logf("first painted frame %v after the window appeared", time.Since(start).Round(10*time.Millisecond))
				}
				painted++
				if dark := mean < 0.5; dark != c.dark {
					t.Fatalf("%v after the window appeared the window is %s (mean brightness %.2f), want %s",
						time.Since(start).Round(10*time.Millisecond), shade(dark), mean, shade(c.dark))
				}
				time.Sleep(80 * time.Millisecond)
			}
			if painted < 3 {
				t.Fatalf("only %d painted frames in 4 s", painted)
			}
			a.stop(t)
		})
	}
}

func shade(dark bool) string {
	if dark {
		return "dark"
	}
	return "light"
}
