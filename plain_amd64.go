//go:build amd64 && !purego

package newsdump

// plainSpan returns the index of the first byte of s at or after i that
// ends plain ASCII text (see plainStops) starting at i, or len(s).
//
// On amd64 the bulk of the scan is AVX2, thirty-two bytes per step, where
// the processor has it, else SSE2 (part of every amd64 processor), sixteen
// bytes per step; the last bytes of s are left to exactStop. Build with
// the purego tag for the portable version.
func plainSpan(s []byte, i int) int {
	start := i
	// Most lines of page text are shorter than a window: one step of the
	// portable scan finds their end without the cost of entering the
	// assembly, which pays from the second window on.
	if i+33 <= len(s) {
		if j := firstWindowStop(s, i); j >= 0 {
			return j
		}
		i += 32
	}
	k := i
	if useAVX2 {
		k += plainSpanAVX2(s[k:])
		if k < len(s)-32 || k > i && k < len(s) && s[k] == ' ' && s[k-1] == ' ' {
			// A stop the assembly found, exactly; a second space is one
			// that the SSE2 scan, which starts at k, would not see.
			return k
		}
	}
	k += plainSpanSSE2(s[k:])
	if k < len(s)-16 {
		return k // a stop the assembly found, exactly
	}
	return exactStop(s, start, k, len(s))
}

// plainSpanSSE2 returns the index of the first byte of s that ends plain
// ASCII text, or an index at which fewer than 17 bytes of s are left,
// whichever comes first: a result below len(s)-16 is the first.
//
//go:noescape
func plainSpanSSE2(s []byte) int

// plainSpanAVX2 is plainSpanSSE2 with AVX2, for processors that have it:
// the same result, except that it leaves the last 32 bytes, not 16.
//
//go:noescape
func plainSpanAVX2(s []byte) int

// useAVX2 reports whether the processor and the operating system support
// AVX2.
var useAVX2 = hasAVX2()

func hasAVX2() bool
