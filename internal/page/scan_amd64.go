//go:build amd64 && !purego

package page

// scanBytes is analyze's first pass over t (see scanBytesGeneric, whose
// results it gives exactly): on amd64, sixteen bytes a step in SSE2, part
// of every amd64 processor. The bytes are classed into bit masks, a bit a
// byte; a UTF-8 continuation byte takes the class of the byte before it
// by an addition that carries along each run of them; the boundaries are
// where the mask of word bytes changes, read off it a set bit at a time.
// The loop costs a few instructions per sixteen bytes and per token,
// where the byte loop costs a dozen per byte. Lines under sixteen bytes,
// which cannot be read sixteen bytes at a time, take the byte loop.
// Build with the purego tag for the portable version.
func scanBytes(t string, bnd []int32) (nb int, seen uint8, pw uint32) {
	if len(t) < 16 {
		return scanBytesGeneric(t, bnd)
	}
	_ = bnd[len(t)] // the assembly writes at most len(t) boundaries
	nb, acc, accHigh, wl := scanBytesSSE2(t, bnd)
	// acc holds the word, punctuation and continuation masks ORed over
	// the line in its bits 0-15, 16-31 and 32-47, and the masks of 0xE2
	// in bits 48-63; accHigh those of 0xC2 and of the CJK lead bytes in
	// bits 0-15 and 16-31.
	if acc&0xFFFF != 0 {
		seen |= fWord
	}
	if acc>>16&0xFFFF != 0 {
		seen |= fPunct
	}
	if acc>>32&0xFFFF != 0 {
		seen |= fCont
	}
	if acc>>48 != 0 {
		seen |= fSym
	}
	if accHigh&0xFFFF != 0 {
		seen |= fLatin1
	}
	if accHigh>>16 != 0 {
		seen |= fSlow
	}
	return nb, seen, uint32(wl)
}

// scanBytesSSE2 is scanBytes for a t of sixteen bytes or more: it returns
// the boundaries written to bnd, the class masks ORed over t (see
// scanBytes) and whether t's last byte is a word byte.
//
//go:noescape
func scanBytesSSE2(t string, bnd []int32) (nb int, acc, accHigh, wl uint64)
