package keys

import (
	"crypto/rand"
	"fmt"

	"golang.org/x/crypto/argon2"
)

// Argon2 is the cost of deriving a sealing key from a passphrase or a
// recovery code with Argon2id, recorded in each slot with its salt so a
// file made under any cost still opens.
type Argon2 struct {
	Name      string `json:"name"` // "argon2id"
	Salt      []byte `json:"salt"` // 16 random bytes, new for every slot
	Time      uint32 `json:"time"`
	MemoryKiB uint32 `json:"memory_kib"`
	Threads   uint8  `json:"threads"`
}

// Cost is the Argon2id cost of new slots: 64 MiB, three passes, four
// lanes (the second recommended option of RFC 9106), about 0.2–0.5 s on
// the development machine's two cores. Tests lower it to run quickly; the
// app never changes it.
var Cost = Argon2{Name: "argon2id", Time: 3, MemoryKiB: 64 * 1024, Threads: 4}

// Limits on what a file may ask for, so a damaged or hostile keys file
// can't make the app allocate gigabytes or spin for minutes.
const (
	maxMemoryKiB = 1 << 20 // 1 GiB
	maxTime      = 16
)

func newKDF() (*Argon2, error) {
	k := Cost
	k.Name = "argon2id"
	k.Salt = make([]byte, 16)
	if _, err := rand.Read(k.Salt); err != nil {
		return nil, err
	}
	return &k, nil
}

// derive turns secret into a 32-byte sealing key.
func (k *Argon2) derive(secret []byte) ([]byte, error) {
	if k == nil || k.Name != "argon2id" || len(k.Salt) < 8 ||
		k.Time < 1 || k.Time > maxTime || k.MemoryKiB < 8 || k.MemoryKiB > maxMemoryKiB || k.Threads < 1 {
		return nil, fmt.Errorf("%w: unusable key derivation settings", ErrBadKeysFile)
	}
	return argon2.IDKey(secret, k.Salt, k.Time, k.MemoryKiB, k.Threads, 32), nil
}
