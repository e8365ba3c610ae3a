package newsdump

import (
	"encoding/binary"
	"math/bits"
	"sync"
	"unicode/utf8"

	"github.com/newsdump/newsdump/internal/mojibake"
	"golang.org/x/text/unicode/norm"
)

// Constants of the eight-bytes-at-a-time tests: a byte of each in every
// byte of a word.
const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
	lows  = 0x7F7F7F7F7F7F7F7F
)

// plainStops tests the eight bytes of w (in little-endian order) for what
// ends plain text: a byte below 0x20 (a control character, the end of the
// line), 0x7F or above (DEL, or a byte of a UTF-8 sequence), or a space
// after a space. prevSpace is 0x80 when the byte before w is a space. It
// returns stops, with the high bit set in each byte that ends plain text,
// and spaces, with the high bit set in each space.
//
// Only the lowest byte flagged in stops is sure to be right: a borrow or
// carry out of a byte that ends plain text can flag the bytes above it,
// which the callers never look at.
func plainStops(w, prevSpace uint64) (stops, spaces uint64) {
	// w+1 reaches the high bit from 0x7F; w-0x20 borrows into it below
	// 0x20; w has it from 0x80.
	bad := (w | (w + ones) | (w - 0x20*ones)) & highs
	// A byte is a space when its bits other than 0x20 and 0x80 are clear;
	// the only other such byte, 0x80 (or 0xA0), is flagged as bad anyway.
	// The sum cannot carry out of a byte, so every space is flagged exactly.
	spaces = ^((w & 0x5F5F5F5F5F5F5F5F) + lows) & highs
	return bad | spaces&(spaces<<8|prevSpace), spaces
}

// leadingSpaces returns how many spaces p starts with. Page text is
// indented by dozens of them: they are counted eight at a time, and the
// count ends without a branch on each.
func leadingSpaces(p []byte) int {
	n := 0
	for n+8 <= len(p) {
		if x := binary.LittleEndian.Uint64(p[n:]) ^ ones*' '; x != 0 {
			return n + bits.TrailingZeros64(x)>>3
		}
		n += 8
	}
	for n < len(p) && p[n] == ' ' {
		n++
	}
	return n
}

// plainPrefix returns the length of the longest prefix of s that is
// printable ASCII (0x20 to 0x7E) with no two spaces in a row.
func plainPrefix(s []byte) int { return plainSpan(s, 0) }

// plainSpanGeneric returns the index of the first byte of s at or after i
// that ends plain ASCII text (see plainStops) starting at i, or len(s). It is plainSpan
// where there is no assembly version, and the reference for the assembly
// versions in tests.
//
// It looks at 32 bytes at a time with a test that is cheaper than
// plainStops and never misses what plainStops finds, but may raise a
// false alarm next to a byte that ends plain text; a window it flags is
// looked at again with plainStops, which says exactly where plain text
// ends. The cheap test finds two spaces in a row by the sum of each byte
// and the next: of two printable ASCII bytes, only two spaces add up to
// 0x40, and the sums of such bytes never carry.
func plainSpanGeneric(s []byte, i int) int {
	start := i
	for ; i+33 <= len(s); i += 32 {
		if j := firstWindowStop(s, i); j >= 0 {
			return j
		}
	}
	return exactStop(s, start, i, len(s))
}

// firstWindowStop returns the index of the first byte of the 32 from i on
// that ends plain text, as plainSpanGeneric finds it, or -1 when none
// does; s has at least 33 bytes from i.
func firstWindowStop(s []byte, i int) int {
	const (
		below20 = 0x2020202020202020
		below41 = 0x4141414141414141
	)
	p := (*[33]byte)(s[i:])
	w0 := binary.LittleEndian.Uint64(p[0:8])
	w1 := binary.LittleEndian.Uint64(p[8:16])
	w2 := binary.LittleEndian.Uint64(p[16:24])
	w3 := binary.LittleEndian.Uint64(p[24:32])
	s0 := w0 + binary.LittleEndian.Uint64(p[1:9])
	s1 := w1 + binary.LittleEndian.Uint64(p[9:17])
	s2 := w2 + binary.LittleEndian.Uint64(p[17:25])
	s3 := w3 + binary.LittleEndian.Uint64(p[25:33])
	bad := w0 | (w0 + ones) | (w0 - below20) | w1 | (w1 + ones) | (w1 - below20) |
		w2 | (w2 + ones) | (w2 - below20) | w3 | (w3 + ones) | (w3 - below20)
	pairs := (s0-below41)&^s0 | (s1-below41)&^s1 | (s2-below41)&^s2 | (s3-below41)&^s3
	if (bad|pairs)&highs != 0 {
		return i + windowStop(p)
	}
	return -1
}

// windowStop returns the index in p of the first byte that ends plain
// ASCII text, given that plainSpanGeneric's test flagged the window. Below the
// first byte that ends plain text the test raises no flag. Its lowest flag
// is either on that byte, or on the byte before it for a pair: two spaces
// (the second ends plain text), or a printable byte and a byte that ends
// plain text whose sum is 0x40 too ("6" and LF).
func windowStop(p *[33]byte) int {
	for k := 0; k < 32; k += 8 {
		w := binary.LittleEndian.Uint64(p[k:])
		sum := w + binary.LittleEndian.Uint64(p[k+1:])
		flags := (w | (w + ones) | (w - 0x2020202020202020) | (sum-0x4141414141414141)&^sum) & highs
		if flags == 0 {
			continue
		}
		j := k + bits.TrailingZeros64(flags)>>3
		if b := p[j]; 0x20 <= b && b < 0x7f {
			j++ // a pair: two spaces, or the early flag of a byte that ends plain text
		}
		return j
	}
	return 32 // not reached: the flag was in one of the four words
}

// exactStop returns the index of the first byte of s[i:end] that ends
// plain ASCII text, or end, testing eight bytes at a time with plainStops.
// The text starts at from: a space at i follows a space only if i > from.
func exactStop(s []byte, from, i, end int) int {
	var prev uint64 // 0x80 when the byte before i is a space
	if i > from && s[i-1] == ' ' {
		prev = 0x80
	}
	for ; i+8 <= end; i += 8 {
		stop, sp := plainStops(binary.LittleEndian.Uint64(s[i:]), prev)
		if stop != 0 {
			return i + bits.TrailingZeros64(stop)>>3
		}
		prev = sp >> 56
	}
	for ; i < end; i++ {
		b := s[i]
		if b < 0x20 || b >= 0x7f || b == ' ' && prev != 0 {
			return i
		}
		prev = 0
		if b == ' ' {
			prev = 0x80
		}
	}
	return end
}

// plainLine finds the end of the line that starts data while testing that
// the line is plain in the sense of plainText: printable ASCII with single
// spaces, and the non-ASCII characters news text is full of and plainText
// accepts (see plainRune). It returns the length of the line without its
// terminator (LF or CRLF) and with it; ok is false when the line is not
// plain or data holds no line end, and then the line is for the full path.
//
// This is the Reader's fast path: one pass finds the line and proves it
// needs no cleaning, instead of a search for the newline followed by a
// scan of the line.
func plainLine(data []byte) (n, size int, ok bool) {
	for i := 0; ; {
		i = plainSpan(data, i)
		if i == len(data) {
			return 0, 0, false // no line end in data
		}
		switch b := data[i]; {
		case b == '\n':
			return i, i + 1, true
		case b == '\r' && i+1 < len(data) && data[i+1] == '\n':
			return i, i + 2, true
		case b >= utf8.RuneSelf:
			if k := plainRune(data[i:]); k > 0 {
				i += k
				continue
			}
		}
		return 0, 0, false
	}
}

// plainRune returns the length of the UTF-8 character that starts p when
// it is one that plain text may hold (see plainText), else 0: the dashes,
// quotes, bullets and ellipsis of U+2010 to U+2027, the signs of U+00A1 to
// U+00BF other than the soft hyphen, and the letters of U+00C0 to U+02FF.
// Each is printable, not white space, unchanged by NFC and never composed
// with the character before it (see nfcInert). A character that may start
// mojibake with what follows it ("Ã" before "©", "Ă" before "©", "’"
// before "é" in MacRoman) is not plain (see mojibake.Starts): most are
// followed by ASCII, which settles it at once.
func plainRune(p []byte) int {
	var n int
	switch {
	case len(p) >= 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2]-0x90 < 0x18:
		// These start mojibake only in MacRoman, and only before more
		// characters that are not ASCII.
		if len(p) == 3 || p[3] < utf8.RuneSelf {
			return 3
		}
		n = 3
	case len(p) >= 2 && p[1]&0xC0 == 0x80 && (p[0] == 0xC2 && p[1] >= 0xA1 && p[1] != 0xAD || 0xC3 <= p[0] && p[0] <= 0xCB):
		if len(p) == 2 || p[2] < utf8.RuneSelf && p[2] != ' ' {
			return 2 // ASCII after it, but a space (which may stand for 0xA0): no mojibake
		}
		n = 2
	default:
		return 0
	}
	r, _ := utf8.DecodeRune(p)
	if mojibake.Starts(r, p[n:]) {
		return 0
	}
	return n
}

// plainText reports whether s needs no cleaning: no control character, no
// white space other than single spaces, no invisible character, no sign of
// mojibake (see mojibake.Starts) and nothing out of NFC. Most lines of real dumps are
// plain, and then no byte of them is copied.
func plainText(s []byte) bool {
	// first is where the character before the first one that may not
	// be NFC starts: all that can combine with what follows. lastStart
	// and lastEnd bound the last non-ASCII character seen.
	first, lastStart, lastEnd := -1, 0, -1
	for i := plainPrefix(s); i < len(s); i += plainPrefix(s[i:]) {
		b := s[i]
		if b < utf8.RuneSelf {
			return false // a control character or a second space
		}
		r, size := utf8.DecodeRune(s[i:])
		if mojibake.Starts(r, s[i+size:]) {
			return false
		}
		if first < 0 && !nfcInert(r) {
			switch {
			case i == lastEnd:
				first = lastStart
			case i > 0:
				first = i - 1 // ASCII is NFC
			default:
				first = 0
			}
		}
		lastStart, lastEnd = i, i+size
		if r == utf8.RuneError && size == 1 {
			return false // not UTF-8
		}
		if !plainRuneOK(r) {
			return false
		}
		i += size
		if i < len(s) && s[i] == ' ' && s[i-1] == ' ' {
			return false
		}
	}
	if first < 0 {
		return true
	}
	return norm.NFC.QuickSpan(s[first:]) == len(s)-first
}

// nfcInert reports that r is unchanged by NFC and never composes with the
// character before it (its NFC quick check is Yes and its combining class
// 0): a text of such characters is NFC. The characters news text is full
// of, Latin-1 and Latin Extended letters and signs below U+0300 (the
// combining marks) and the quotes, dashes, bullets and ellipsis of U+2010
// to U+2027, are answered at once; the rest of the Basic Multilingual
// Plane (Cyrillic, Greek, Arabic, CJK ...) from a table made from x/text's
// normalization properties the first time one is asked about, since its
// quick check reads a trie for every character. TestNFCInert checks both
// against x/text.
func nfcInert(r rune) bool {
	if r < 0x300 || 0x2010 <= r && r <= 0x2027 {
		return true
	}
	if r >= 0x10000 {
		return false
	}
	nfcInertOnce.Do(makeNFCInert)
	return nfcInertBits[r>>6]>>(r&63)&1 != 0
}

// plainRuneOK reports that plain text may hold r: it is no white space
// other than a space, no control and no invisible or zero-width joining
// character (all of which cleaning changes).
func plainRuneOK(r rune) bool {
	if r >= 0x10000 {
		return !notText(r)
	}
	nfcInertOnce.Do(makeNFCInert)
	return plainRuneBits[r>>6]>>(r&63)&1 != 0
}

// The tables of nfcInert and plainRuneOK for the Basic Multilingual
// Plane, a bit for each character.
var (
	nfcInertOnce  sync.Once
	nfcInertBits  [0x10000 / 64]uint64
	plainRuneBits [0x10000 / 64]uint64
)

func makeNFCInert() {
	var b [utf8.UTFMax]byte
	for r := rune(0); r < 0x10000; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := b[:utf8.EncodeRune(b[:], r)]
		if norm.NFC.IsNormal(s) && norm.NFC.Properties(s).BoundaryBefore() {
			nfcInertBits[r>>6] |= 1 << (r & 63)
		}
		if !notText(r) {
			plainRuneBits[r>>6] |= 1 << (r & 63)
		}
	}
}
