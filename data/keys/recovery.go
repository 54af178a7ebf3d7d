package keys

import (
	"crypto/rand"
	"strings"
)

// A recovery code is 24 characters of Crockford's base32 (digits and
// capitals without I, L, O and U, so nothing reads as something else),
// 120 random bits, shown in six groups of four: 7K2Q-M9XD-…. Typing it
// back, case, spaces and dashes don't matter, and O, I and L read as 0, 1
// and 1.
const (
	codeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
	codeLength   = 24
	codeGroup    = 4
)

// newRecoveryCode returns a fresh code in its grouped form.
func newRecoveryCode() (string, error) {
	raw := make([]byte, codeLength)
	if _, err := rand.Read(raw); err != nil {
		return "", err
	}
	var b strings.Builder
	for i, r := range raw {
		if i > 0 && i%codeGroup == 0 {
			b.WriteByte('-')
		}
		b.WriteByte(codeAlphabet[r&31]) // 256 is a multiple of 32: no bias
	}
	clear(raw)
	return b.String(), nil
}

// normalizeCode turns a code as typed into the bytes the key is derived
// from: its 24 characters, upper case, without separators. ok is false
// when it can't be a code at all.
func normalizeCode(typed string) (code []byte, ok bool) {
	code = make([]byte, 0, codeLength)
	for _, r := range strings.ToUpper(typed) {
		switch {
		case r == '-' || r == ' ' || r == '\t':
			continue
		case r == 'O':
			r = '0'
		case r == 'I' || r == 'L':
			r = '1'
		}
		if r > 127 || strings.IndexByte(codeAlphabet, byte(r)) < 0 {
			return nil, false
		}
		code = append(code, byte(r))
	}
	return code, len(code) == codeLength
}

// IsRecoveryCode reports whether typed has the shape of a recovery code
// (whether it is the right one is for unlocking to say), so that one
// prompt can take either the passphrase or the code.
func IsRecoveryCode(typed string) bool {
	code, ok := normalizeCode(typed)
	clear(code)
	return ok
}
