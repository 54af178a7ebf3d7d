package synthetic

import (
	"context"
	"os"
	"testing"

	"github.com/bothand/bothand/data"
)

// Modes are the two kinds of journal every budget is measured on, in the
// order benchmarks report them.
var Modes = []string{"plain", "encrypted"}

// Key is the data key of the journals Encrypt makes: benchmarks and tests
// only, never a real journal's.
func Key() []byte {
	k := make([]byte, data.KeySize)
	for i := range k {
		k[i] = byte(i*7 + 1)
	}
	return k
}

// Prepare returns the journal at plain as mode asks: itself, or (for
// "encrypted") an encrypted copy beside it, with the key to open it (nil
// for plain). The plain file is removed once copied.
func Prepare(tb testing.TB, plain, mode string) (string, []byte) {
	tb.Helper()
	if mode == "plain" {
		return plain, nil
	}
	s, err := data.Open(plain, data.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	enc := plain + ".encrypted.db"
	key := Key()
	if err := s.CopyTo(context.Background(), enc, key); err != nil {
		tb.Fatal(err)
	}
	s.Close()
	os.Remove(plain)
	return enc, key
}
