package tray

import (
	"bytes"
	"encoding/binary"
	"image/png"
	"runtime"

	"github.com/bothand/bothand/assets"
)

// trayIcon is the tray icon in the form the platform's tray takes: the
// PNG itself on Linux and macOS, an ICO wrapping it on Windows.
func trayIcon() []byte {
	icon := assets.TrayIcon()
	if runtime.GOOS == "windows" {
		return icoFromPNG(icon)
	}
	return icon
}

// icoFromPNG wraps a PNG in an ICO file of one image (Windows reads PNG
// inside ICO since Vista).
func icoFromPNG(p []byte) []byte {
	cfg, err := png.DecodeConfig(bytes.NewReader(p))
	if err != nil {
		return p
	}
	side := func(n int) byte {
		if n >= 256 {
			return 0 // 0 means 256 or more
		}
		return byte(n)
	}
	var b bytes.Buffer
	le := binary.LittleEndian
	_ = binary.Write(&b, le, [3]uint16{0, 1, 1}) // reserved, type icon, one image
	b.Write([]byte{side(cfg.Width), side(cfg.Height), 0, 0})
	_ = binary.Write(&b, le, [2]uint16{1, 32})              // planes, bits per pixel
	_ = binary.Write(&b, le, [2]uint32{uint32(len(p)), 22}) // size, offset
	b.Write(p)
	return b.Bytes()
}
