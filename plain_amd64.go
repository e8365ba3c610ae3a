//go:build amd64 && !purego

package newsdump

// plainSpan returns the index of the first byte of s at or after i that
// ends plain ASCII text (see plainStops) starting at i, or len(s).
//
// On amd64 the bulk of the scan is SSE2 (part of every amd64 processor),
// sixteen bytes per step; the last bytes of s are left to exactStop. Build
// with the purego tag for the portable version.
//
// There is no AVX2 version, although it would take thirty-two bytes per
// step: a line is short (most are under 200 bytes), and on some
// processors the first 256-bit instruction after scalar code pays a
// transition of the vector unit on every call. Measured on this project's
// Intel Xeon machine: an AVX2 scan cost about 100 ns per call whatever
// the length, against 2 ns for SSE2, which made Parse half as fast as
// the portable scan; the SSE2 scan is faster than the portable one at
// every length (12 ns against 13 ns for a 60-byte line, 61 ns against
// 126 ns for 1,000 bytes).
func plainSpan(s []byte, i int) int {
	k := i + plainSpanSSE2(s[i:])
	if k < len(s)-16 {
		return k // a stop the assembly found, exactly
	}
	return exactStop(s, i, k, len(s))
}

// plainSpanSSE2 returns the index of the first byte of s that ends plain
// ASCII text, or an index at which fewer than 17 bytes of s are left,
// whichever comes first: a result below len(s)-16 is the first.
//
//go:noescape
func plainSpanSSE2(s []byte) int
