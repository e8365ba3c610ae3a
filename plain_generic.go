//go:build !amd64 || purego

package newsdump

// plainSpan returns the index of the first byte of s at or after i that
// ends plain ASCII text (see plainStops) starting at i, or len(s).
func plainSpan(s []byte, i int) int { return plainSpanGeneric(s, i) }
