// Package seal encrypts and authenticates the files of a sync folder with
// a key derived from the journal's data key. A file is bound to the name
// it was written under (associated data the caller gives, such as the
// device and sequence number), so a file renamed, copied over another, cut
// short, reordered or changed in any byte is refused rather than read.
//
// The format is a small STREAM construction (Hoang, Reyhanitabar, Rogaway
// and Vizár, "Online authenticated-encryption and its nonce-reuse
// misuse-resistance"), as age uses, over XChaCha20-Poly1305:
//
//	magic (8 bytes) | nonce prefix (16 bytes) | chunk | chunk | … | last chunk
//
// Each chunk is 64 KiB of plaintext (the last one shorter, possibly empty)
// sealed with the nonce prefix followed by the chunk's number (8 bytes, big
// endian), and with the file's associated data followed by one byte that
// says whether it is the last chunk. Files of any size are read and written
// as streams, in constant memory.
package seal

import (
	"bufio"
	"bytes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"golang.org/x/crypto/chacha20poly1305"
)

// KeySize is the size of the journal's data key the sync key comes from.
const KeySize = 32

const (
	magic      = "BASYNC\x00\x01"
	prefixSize = 16
	chunkSize  = 64 << 10
	overhead   = chacha20poly1305.Overhead
)

// ErrRefused is the answer for a file that is not what it claims to be:
// sealed with another key, written under another name, cut short or
// changed. Sync tools leave half-copied files behind, so a caller usually
// tries again later before telling anyone.
var ErrRefused = errors.New("the file is not sealed with this journal's key, or was renamed, cut short or changed")

// Key seals and opens the files of one journal's sync folder.
type Key struct {
	aead cipher.AEAD
}

// NewKey derives the sync key from the journal's data key (KeySize bytes)
// and the sync's journal id with HKDF-SHA256, so the folder's files never
// share a key with the journal's own pages.
func NewKey(dataKey []byte, journalID string) (*Key, error) {
	if len(dataKey) != KeySize {
		return nil, fmt.Errorf("seal: the data key must be %d bytes, not %d", KeySize, len(dataKey))
	}
	k, err := hkdf.Key(sha256.New, dataKey, []byte(journalID), "bothand sync v1", chacha20poly1305.KeySize)
	if err != nil {
		return nil, err
	}
	defer clear(k)
	aead, err := chacha20poly1305.NewX(k)
	if err != nil {
		return nil, err
	}
	return &Key{aead: aead}, nil
}

func nonce(prefix []byte, n uint64) []byte {
	b := make([]byte, chacha20poly1305.NonceSizeX)
	copy(b, prefix)
	binary.BigEndian.PutUint64(b[prefixSize:], n)
	return b
}

func chunkAD(ad []byte, last bool) []byte {
	b := append(append([]byte(nil), ad...), 0)
	if last {
		b[len(b)-1] = 1
	}
	return b
}

// writer seals what is written to it, one chunk at a time.
type writer struct {
	key    *Key
	w      io.Writer
	ad     []byte
	prefix []byte
	n      uint64
	buf    []byte
	err    error
	closed bool
}

// NewWriter returns a writer that seals everything written to it into w,
// bound to ad. Close writes the last chunk; a file without it is refused.
func (k *Key) NewWriter(w io.Writer, ad []byte) (io.WriteCloser, error) {
	prefix := make([]byte, prefixSize)
	if _, err := rand.Read(prefix); err != nil {
		return nil, err
	}
	if _, err := io.WriteString(w, magic); err != nil {
		return nil, err
	}
	if _, err := w.Write(prefix); err != nil {
		return nil, err
	}
	return &writer{key: k, w: w, ad: append([]byte(nil), ad...), prefix: prefix, buf: make([]byte, 0, chunkSize)}, nil
}

func (sw *writer) Write(p []byte) (int, error) {
	if sw.err != nil {
		return 0, sw.err
	}
	if sw.closed {
		return 0, errors.New("seal: write after close")
	}
	written := 0
	for len(p) > 0 {
		if len(sw.buf) == chunkSize {
			// Only now is it known that this chunk is not the last.
			if err := sw.flush(false); err != nil {
				return written, err
			}
		}
		n := copy(sw.buf[len(sw.buf):chunkSize], p)
		sw.buf = sw.buf[:len(sw.buf)+n]
		p = p[n:]
		written += n
	}
	return written, nil
}

func (sw *writer) flush(last bool) error {
	out := sw.key.aead.Seal(nil, nonce(sw.prefix, sw.n), sw.buf, chunkAD(sw.ad, last))
	sw.n++
	sw.buf = sw.buf[:0]
	if _, err := sw.w.Write(out); err != nil {
		sw.err = err
		return err
	}
	return nil
}

func (sw *writer) Close() error {
	if sw.err != nil || sw.closed {
		return sw.err
	}
	sw.closed = true
	return sw.flush(true)
}

// reader opens a sealed stream chunk by chunk.
type reader struct {
	key    *Key
	r      *bufio.Reader
	ad     []byte
	prefix []byte
	n      uint64
	plain  []byte
	in     []byte
	done   bool
	err    error
}

// NewReader returns a reader of the plaintext sealed in r under ad. Any
// chunk that does not open, and a stream that ends before its last chunk,
// give ErrRefused; nothing unauthenticated is ever returned.
func (k *Key) NewReader(r io.Reader, ad []byte) (io.Reader, error) {
	br := bufio.NewReaderSize(r, chunkSize+overhead+1)
	head := make([]byte, len(magic)+prefixSize)
	if _, err := io.ReadFull(br, head); err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, ErrRefused
		}
		return nil, err
	}
	if string(head[:len(magic)]) != magic {
		return nil, ErrRefused
	}
	return &reader{key: k, r: br, ad: append([]byte(nil), ad...), prefix: head[len(magic):], in: make([]byte, chunkSize+overhead)}, nil
}

func (sr *reader) Read(p []byte) (int, error) {
	for len(sr.plain) == 0 {
		if sr.err != nil {
			return 0, sr.err
		}
		if sr.done {
			return 0, io.EOF
		}
		sr.err = sr.next()
	}
	n := copy(p, sr.plain)
	sr.plain = sr.plain[n:]
	return n, nil
}

// next opens the next chunk. A full-sized chunk is the last one only when
// nothing follows it.
func (sr *reader) next() error {
	n, err := io.ReadFull(sr.r, sr.in)
	switch {
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		err = nil
	case err != nil:
		return err
	}
	last := n < len(sr.in)
	if !last {
		if _, perr := sr.r.Peek(1); errors.Is(perr, io.EOF) {
			last = true
		} else if perr != nil {
			return perr
		}
	}
	if n < overhead {
		return ErrRefused
	}
	plain, oerr := sr.key.aead.Open(sr.in[:0], nonce(sr.prefix, sr.n), sr.in[:n], chunkAD(sr.ad, last))
	if oerr != nil {
		return ErrRefused
	}
	sr.n++
	sr.plain = plain
	sr.done = last
	return err
}

// Seal seals a small message whole.
func (k *Key) Seal(plain, ad []byte) ([]byte, error) {
	var out bytes.Buffer
	w, err := k.NewWriter(&out, ad)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(plain); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// Open opens a message sealed whole, or refuses it with ErrRefused.
func (k *Key) Open(sealed, ad []byte) ([]byte, error) {
	r, err := k.NewReader(bytes.NewReader(sealed), ad)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}
