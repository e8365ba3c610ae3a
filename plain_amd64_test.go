//go:build amd64 && !purego

package newsdump

import (
	"math/rand"
	"testing"
)

// TestPlainSpanAssembly checks the assembly scan against the portable
// one: a result below len(s)-16 is the first byte that ends plain text, and
// no such byte comes before any result.
func TestPlainSpanAssembly(t *testing.T) {
	alphabet := []byte{0x00, '\n', '\r', 0x1f, ' ', ' ', '!', '6', 'a', 0x7e, 0x7f, 0x80, 0xc3, 0xe2, 0xff}
	rng := rand.New(rand.NewSource(4))
	for n := 0; n < 100000; n++ {
		s := make([]byte, rng.Intn(300))
		for i := range s {
			s[i] = byte(0x21 + rng.Intn(0x5e))
			switch rng.Intn(40) {
			case 0:
				s[i] = alphabet[rng.Intn(len(alphabet))]
			case 1, 2, 3, 4, 5:
				s[i] = ' '
			}
		}
		want := plainSpanGeneric(s, 0)
		if got := plainSpanSSE2(s); got < len(s)-16 && got != want || got > want {
			t.Fatalf("plainSpanSSE2(%q) = %d, the first byte that ends plain text is %d", s, got, want)
		}
		if got := plainSpan(s, 0); got != want {
			t.Fatalf("plainSpan(%q, 0) = %d, want %d", s, got, want)
		}
	}
}
