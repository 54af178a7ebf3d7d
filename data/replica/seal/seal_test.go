package seal

import (
	"bytes"
	"crypto/rand"
	"errors"
	"io"
	"testing"
)

func testKey(t testing.TB, journal string) *Key {
	t.Helper()
	k, err := NewKey(bytes.Repeat([]byte{7}, KeySize), journal)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// Every size around the chunk boundaries comes back whole, and the sealed
// bytes hold nothing of the plaintext.
func TestSealOpenRoundTrip(t *testing.T) {
	k := testKey(t, "journal-a")
	for _, n := range []int{0, 1, 100, chunkSize - 1, chunkSize, chunkSize + 1, 3 * chunkSize, 3*chunkSize + 17} {
		plain := make([]byte, n)
		rand.Read(plain)
		copy(plain, "a private sentence")
		sealed, err := k.Seal(plain, []byte("dev/7"))
		if err != nil {
			t.Fatal(err)
		}
		if n > 20 && bytes.Contains(sealed, []byte("a private sentence")) {
			t.Fatalf("%d bytes: the plaintext shows in the sealed file", n)
		}
		got, err := k.Open(sealed, []byte("dev/7"))
		if err != nil || !bytes.Equal(got, plain) {
			t.Fatalf("%d bytes: got %d bytes, %v", n, len(got), err)
		}
	}
}

// A file under another name, with another key or journal, cut short at any
// point, with a byte changed, or with chunks swapped is refused.
func TestSealRefusesWhatIsNotAsWritten(t *testing.T) {
	k := testKey(t, "journal-a")
	plain := make([]byte, 2*chunkSize+500)
	rand.Read(plain)
	sealed, err := k.Seal(plain, []byte("dev/7"))
	if err != nil {
		t.Fatal(err)
	}
	refused := func(what string, b []byte, key *Key, ad string) {
		t.Helper()
		if _, err := key.Open(b, []byte(ad)); !errors.Is(err, ErrRefused) {
			t.Errorf("%s: want ErrRefused, got %v", what, err)
		}
	}
	refused("another name", sealed, k, "dev/8")
	refused("another journal", sealed, testKey(t, "journal-b"), "dev/7")
	other, _ := NewKey(bytes.Repeat([]byte{8}, KeySize), "journal-a")
	refused("another key", sealed, other, "dev/7")
	for _, cut := range []int{
		0, 5, len(magic) + prefixSize, len(magic) + prefixSize + 10, len(magic) + prefixSize + chunkSize + overhead,
		len(magic) + prefixSize + 2*(chunkSize+overhead), len(sealed) - 1,
	} {
		refused("cut short", sealed[:cut], k, "dev/7")
	}
	for _, at := range []int{0, len(magic) + 3, len(magic) + prefixSize + 5, len(sealed) - 3} {
		b := bytes.Clone(sealed)
		b[at] ^= 1
		refused("a changed byte", b, k, "dev/7")
	}
	head := len(magic) + prefixSize
	c := chunkSize + overhead
	swapped := append(append(append(bytes.Clone(sealed[:head]), sealed[head+c:head+2*c]...), sealed[head:head+c]...), sealed[head+2*c:]...)
	refused("chunks swapped", swapped, k, "dev/7")
	// The first chunk alone, ending where a full chunk ends, is not a last chunk.
	refused("only the first chunk", sealed[:head+c], k, "dev/7")
}

// Reading a stream stops at the first bad chunk, having returned only
// what was authenticated.
func TestReaderReturnsNothingUnauthenticated(t *testing.T) {
	k := testKey(t, "j")
	plain := bytes.Repeat([]byte("x"), 3*chunkSize)
	sealed, _ := k.Seal(plain, nil)
	sealed[len(magic)+prefixSize+2*(chunkSize+overhead)+4] ^= 1
	r, err := k.NewReader(bytes.NewReader(sealed), nil)
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(r)
	if !errors.Is(err, ErrRefused) || len(got) != 2*chunkSize {
		t.Fatalf("read %d bytes, %v; want the two good chunks, then ErrRefused", len(got), err)
	}
}

func TestNewKeyWantsThirtyTwoBytes(t *testing.T) {
	if _, err := NewKey(make([]byte, 16), "j"); err == nil {
		t.Error("a 16-byte data key was taken")
	}
}
