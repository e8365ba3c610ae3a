//go:build amd64 && !purego

package page

import (
	"math/rand"
	"slices"
	"testing"
)

// TestScanBytesAssembly checks the SSE2 byte scan against the byte loop
// on random lines: every byte value, runs of continuation bytes of any
// length (valid UTF-8 or not), and every length around the sixteen-byte
// steps. The boundaries, the flags and the last byte's class must agree.
func TestScanBytesAssembly(t *testing.T) {
	common := []byte("aZ0_ |/(.,-'\"\t")
	rng := rand.New(rand.NewSource(7))
	for it := 0; it < 200000; it++ {
		s := make([]byte, rng.Intn(80))
		for i := range s {
			switch rng.Intn(4) {
			case 0:
				s[i] = byte(rng.Intn(256))
			case 1:
				s[i] = byte(0x80 + rng.Intn(0x40)) // a continuation byte
			default:
				s[i] = common[rng.Intn(len(common))]
			}
		}
		checkScanBytes(t, string(s))
	}
	for _, s := range []string{
		"0123456789abcdef",
		"0123456789abcdef0",
		"The café’s “menu” — naïve über · © 2024 | News / World (c) 東京 \uf8ff end",
		"\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80",
		"a\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80 b",
		"               é\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80",
	} {
		checkScanBytes(t, s)
	}
}

func checkScanBytes(t *testing.T, s string) {
	t.Helper()
	b1, b2 := make([]int32, len(s)+2), make([]int32, len(s)+2)
	n1, seen1, pw1 := scanBytesGeneric(s, b1)
	n2, seen2, pw2 := scanBytes(s, b2)
	if n1 != n2 || seen1 != seen2 || pw1 != pw2 || !slices.Equal(b1[:n1], b2[:n2]) {
		t.Fatalf("%q:\nbyte loop %d %08b %d %v\nassembly  %d %08b %d %v", s, n1, seen1, pw1, b1[:n1], n2, seen2, pw2, b2[:n2])
	}
}

// FuzzScanBytes is TestScanBytesAssembly's check on the fuzzer's lines.
func FuzzScanBytes(f *testing.F) {
	f.Add("The café’s “menu” — naïve über · © 2024 | News / World (c) 東京")
	f.Fuzz(func(t *testing.T, s string) { checkScanBytes(t, s) })
}

// BenchmarkScanBytes times the byte scan alone on the dev pages' lines,
// the byte loop against the assembly.
func BenchmarkScanBytes(b *testing.B) {
	lines, size := devLines(b)
	var bnd []int32
	for _, v := range []struct {
		name string
		scan func(string, []int32) (int, uint8, uint32)
	}{{"loop", scanBytesGeneric}, {"SSE2", scanBytes}} {
		b.Run(v.name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for range b.N {
				for _, l := range lines {
					if cap(bnd) < len(l)+2 {
						bnd = make([]int32, len(l)+2)
					}
					v.scan(l, bnd[:len(l)+2])
				}
			}
		})
	}
}
