package newsdump

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/bits"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// lineCleaner turns one decoded line into clean text: valid UTF-8, NFC,
// double-encoded UTF-8 repaired, white space collapsed to single spaces and
// trimmed, invisible characters and control characters removed. It keeps
// its scratch buffers from line to line, so that cleaning allocates nothing
// once they have grown.
//
// A line of printable ASCII with single spaces, the common case, is
// returned as it is, without a copy.
type lineCleaner struct {
	fix, fix2, out, nfc []byte
	run                 []byte // the run being repaired, as Windows-1252 bytes
	again               []byte // a copy of the text being cleaned once more
}

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
	const (
		below20 = 0x2020202020202020
		below41 = 0x4141414141414141
	)
	for i+33 <= len(s) {
		p := (*[33]byte)(s[i:])
		w0 := binary.LittleEndian.Uint64(p[0:8])
		w1 := binary.LittleEndian.Uint64(p[8:16])
		w2 := binary.LittleEndian.Uint64(p[16:24])
		w3 := binary.LittleEndian.Uint64(p[24:32])
		// The same bytes one further on: each byte's right-hand neighbour.
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
		i += 32
	}
	return exactStop(s, start, i, len(s))
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
// U+00BF other than the soft hyphen, the letters of U+0100 to U+02FF, and
// the Latin-1 letters of U+00C0 to U+00FF unless what follows may stand
// for a continuation byte (see standsForContinuation). Each is printable,
// not white space, unchanged by NFC and never composed with the character
// before it (see nfcInert). None is a sign of double encoding: that always
// starts with a C3 byte, a Latin-1 letter standing for the first byte of a
// UTF-8 sequence, followed by a character standing for the next byte.
func plainRune(p []byte) int {
	if len(p) >= 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2]-0x90 < 0x18 {
		return 3
	}
	if len(p) >= 2 && p[1]&0xC0 == 0x80 {
		switch {
		case p[0] == 0xC2 && p[1] >= 0xA1 && p[1] != 0xAD:
			return 2
		case 0xC4 <= p[0] && p[0] <= 0xCB:
			return 2
		case p[0] == 0xC3 && len(p) >= 3 && !standsForContinuation(p[2]):
			return 2
		}
	}
	return 0
}

// standsForContinuation reports whether b may start the UTF-8 of a
// Windows-1252 character that stands for a UTF-8 continuation byte (0x80
// to 0xBF): the signs of U+00A0 to U+00BF and the C1 controls the
// undefined bytes become (C2), Š, Œ, Ž, š, œ, ž, Ÿ (C5), ƒ (C6), ˆ and ˜
// (CB), and the punctuation, € and ™ (E2). After an accented letter
// ("Núñez", "São"), anything else means the letter is not double encoding.
func standsForContinuation(b byte) bool {
	switch b {
	case 0xC2, 0xC5, 0xC6, 0xCB, 0xE2:
		return true
	}
	return false
}

// plainText reports whether s needs no cleaning: no control character, no
// white space other than single spaces, no invisible character, no sign of
// double encoding and nothing out of NFC. Most lines of real dumps are
// plain, and then no byte of them is copied.
func plainText(s []byte) bool {
	first := -1 // the first non-ASCII byte
	for i := plainPrefix(s); i < len(s); i += plainPrefix(s[i:]) {
		b := s[i]
		if b < utf8.RuneSelf {
			return false // a control character or a second space
		}
		if b == 0xC3 && i+2 < len(s) && standsForContinuation(s[i+2]) {
			// May start a double-encoded sequence (see plainRune).
			return false
		}
		r, size := utf8.DecodeRune(s[i:])
		if first < 0 && !nfcInert(r) {
			first = i
		}
		if r == utf8.RuneError && size == 1 {
			return false // not UTF-8
		}
		if unicode.IsSpace(r) || unicode.IsControl(r) || invisible(r) || r == '\u200C' || r == '\u200D' {
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
	// ASCII is NFC, and the one character before the first character that
	// may not be is all that can combine with what follows.
	if first > 0 {
		first--
	}
	return norm.NFC.QuickSpan(s[first:]) == len(s)-first
}

// nfcInert reports, for the characters news text is full of, that r is
// unchanged by NFC and never composes with the character before it: Latin-1
// and Latin Extended letters and signs below U+0300 (the combining marks),
// and the quotes, dashes, bullets and ellipsis of U+2010 to U+2027.
// TestNFCInert checks this against the Unicode tables of x/text.
func nfcInert(r rune) bool {
	return r < 0x300 || 0x2010 <= r && r <= 0x2027
}

// clean returns the clean text of s, a valid UTF-8 line without its
// terminator, and how many bytes of s are in front of it. The result may
// alias s or the cleaner's buffers; it is valid until the next call. A line
// that is mostly control bytes is an error wrapping [ErrBinary].
func (c *lineCleaner) clean(s []byte) (text []byte, lead int, err error) {
	// The leading characters a line can drop are counted on the line as it
	// came, so that the caller can compute where its text starts.
	trimmed := bytes.TrimLeftFunc(s, dropsAtEdge)
	lead = len(s) - len(trimmed)
	s = bytes.TrimRight(trimmed, " ")
	if plainText(s) {
		return s, lead, nil
	}
	out, err := c.cleanOnce(s)
	// Removing characters, or composing them, can bring the pieces of a
	// double-encoded sequence together: clean again until nothing changes,
	// so that cleaning clean text never changes it.
	for k := 0; k < 3 && err == nil && bytes.IndexByte(out, 0xC3) >= 0; k++ {
		c.again = append(c.again[:0], out...)
		if out, err = c.cleanOnce(c.again); bytes.Equal(out, c.again) {
			break
		}
	}
	return out, lead, err
}

// cleanOnce applies each step of cleaning once. The result is in one of
// the cleaner's buffers other than c.again.
func (c *lineCleaner) cleanOnce(s []byte) ([]byte, error) {
	if bytes.IndexByte(s, 0xC3) >= 0 {
		s = c.repairMojibake(s)
	}
	s, controls := c.collapse(s)
	if controls > 8 && controls*10 > len(s)+controls {
		return nil, fmt.Errorf("%w: %d control bytes in one line", ErrBinary, controls)
	}
	if !isASCII(s) && norm.NFC.QuickSpan(s) != len(s) {
		c.nfc = norm.NFC.Append(c.nfc[:0], s...)
		s = c.nfc
	}
	return s, nil
}

// dropsAtEdge reports whether r, at the start or end of a line, is not
// text: white space, an invisible character or a control character.
func dropsAtEdge(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsControl(r) || invisible(r) || r == '\u200C' || r == '\u200D'
}

// invisible reports whether r is an invisible character that is removed
// wherever it stands: soft hyphen, zero-width space, word joiner,
// byte-order mark (zero-width no-break space), Mongolian vowel separator.
func invisible(r rune) bool {
	switch r {
	case '\u00AD', '\u200B', '\u2060', '\uFEFF', '\u180E':
		return true
	}
	return false
}

func isASCII(s []byte) bool {
	for _, b := range s {
		if b >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// collapse removes control and invisible characters from s, turns every
// run of white space into one space and trims it. Zero-width joiners and
// non-joiners are removed between Latin letters and digits and at the edges
// of words, where they carry no meaning, and kept elsewhere: they shape
// Persian and Indic words and join emoji sequences. It also returns how many control characters it
// removed.
func (c *lineCleaner) collapse(s []byte) ([]byte, int) {
	out := c.out[:0]
	controls := 0
	space := false // a space is due before the next kept character
	prevLatin := false
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(s[i:])
		}
		i += size
		switch {
		case unicode.IsSpace(r):
			space = len(out) > 0
			prevLatin = false
			continue
		case unicode.IsControl(r):
			controls++
			continue
		case invisible(r):
			continue
		case r == '\u200C' || r == '\u200D':
			// A joiner at a word's edge joins nothing.
			next := nextKept(s[i:])
			if len(out) == 0 || space || next < 0 || unicode.IsSpace(next) || prevLatin && latinAlnum(next) {
				continue
			}
		}
		if space {
			out = append(out, ' ')
			space = false
		}
		out = append(out, s[i-size:i]...)
		if !unicode.Is(unicode.Mn, r) { // "e" and "e\u0301" are alike
			prevLatin = latinAlnum(r)
		}
	}
	c.out = out
	return out, controls
}

// nextKept returns the first character of s that is not a control,
// invisible character or joiner, or -1 if there is none: what a joiner
// would join with.
func nextKept(s []byte) rune {
	for len(s) > 0 {
		r, size := utf8.DecodeRune(s)
		if unicode.IsSpace(r) || !unicode.IsControl(r) && !invisible(r) && r != '\u200C' && r != '\u200D' {
			return r
		}
		s = s[size:]
	}
	return -1
}

func latinAlnum(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.Is(unicode.Latin, r)
}

// repairMojibake undoes double encoding: UTF-8 text that was once read as
// Windows-1252 and written out again as UTF-8, so that "’" (E2 80 99)
// became "â€™". Such text shows as runs of characters that Windows-1252
// can encode and whose Windows-1252 bytes are valid multi-byte UTF-8; each
// such sequence in a run is replaced by the character it encodes. The
// repair is applied again while it still finds something, for text
// encoded three times over.
//
// Legitimate accented text is left alone because its bytes almost never
// form UTF-8: "Zürich" is 5A FC 72 69 63 68, and FC starts no UTF-8
// sequence; Arabic, Greek or Cyrillic text is not Windows-1252 at all.
// The one real ambiguity is an accented letter followed by punctuation
// ("É”" is C9 94, the UTF-8 of "ɔ"; "è…”" is the UTF-8 of "腔"): such a
// sequence is repaired only when its run holds another sequence too, as a
// double-encoded word does (see ambiguous).
//
// Repair that has not come to an end after maxRepairPasses passes is not
// applied at all: the line stays as it came. Real text is not encoded that
// often (eight times over would make it hundreds of times its size); what
// needs more passes is a chain such as "Ãƒƒƒ…", which each pass shortens by
// one character. Repaired part way, the line would change again when
// cleaned again, and clean text must not change.
func (c *lineCleaner) repairMojibake(s []byte) []byte {
	orig := s
	for pass := 0; pass < maxRepairPasses; pass++ {
		dst := c.fix[:0]
		if pass%2 == 1 {
			dst = c.fix2[:0]
		}
		out, changed := c.repairOnce(dst, s)
		if pass%2 == 1 {
			c.fix2 = out
		} else {
			c.fix = out
		}
		if !changed {
			return s
		}
		s = out
		if bytes.IndexByte(s, 0xC3) < 0 {
			return s // nothing left: double encoding starts with a C3 byte
		}
	}
	return orig
}

// maxRepairPasses bounds repairMojibake (see there).
const maxRepairPasses = 8

// repairOnce appends s to dst with one pass of mojibake repair.
func (c *lineCleaner) repairOnce(dst, s []byte) ([]byte, bool) {
	changed := false
	runStart := -1 // start in s of the current run of Windows-1252 characters
	c.run = c.run[:0]
	flush := func(end int) {
		if runStart < 0 {
			return
		}
		var ch bool
		dst, ch = repairRun(dst, c.run, s[runStart:end])
		changed = changed || ch
		runStart = -1
		c.run = c.run[:0]
	}
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			flush(i)
			dst = append(dst, s[i])
			i++
			continue
		}
		r, size := utf8.DecodeRune(s[i:])
		b, ok := encodeWindows1252(r)
		if !ok {
			flush(i)
			dst = append(dst, s[i:i+size]...)
		} else {
			if runStart < 0 {
				runStart = i
			}
			c.run = append(c.run, b)
		}
		i += size
	}
	flush(len(s))
	return dst, changed
}

// encodeWindows1252 returns the Windows-1252 byte of r, counting the C1
// controls as the five bytes the code page leaves undefined (see
// decodeWindows1252).
func encodeWindows1252(r rune) (byte, bool) {
	if r >= 0x80 && r < 0xA0 {
		if b, ok := charmap.Windows1252.EncodeRune(r); ok {
			return b, true
		}
		return byte(r), true
	}
	return charmap.Windows1252.EncodeRune(r)
}

// repairRun appends a run of non-ASCII Windows-1252 characters to dst,
// given both as their Windows-1252 bytes (b, one byte a character) and as
// they stand in the text (orig, UTF-8), replacing the sequences of b that
// are UTF-8 by what they encode.
func repairRun(dst, b, orig []byte) ([]byte, bool) {
	if len(b) < 2 {
		return append(dst, orig...), false
	}
	seqs := 0
	for i := 0; i < len(b); {
		if n := utf8Seq(b[i:]); n > 0 {
			seqs++
			i += n
		} else {
			i++
		}
	}
	if seqs == 0 {
		return append(dst, orig...), false
	}
	changed := false
	o := 0 // position in orig of the character b[i] stands for
	for i := 0; i < len(b); {
		n := utf8Seq(b[i:])
		if n > 0 && (seqs > 1 || !ambiguous(b[i:i+n])) {
			dst = append(dst, b[i:i+n]...)
			changed = true
			for k := 0; k < n; k++ {
				_, size := utf8.DecodeRune(orig[o:])
				o += size
			}
			i += n
			continue
		}
		_, size := utf8.DecodeRune(orig[o:])
		dst = append(dst, orig[o:o+size]...)
		o += size
		i++
	}
	return dst, changed
}

// utf8Seq returns the length of the multi-byte UTF-8 sequence p starts
// with, or 0 when it starts with none. A sequence may encode a C1 control:
// text encoded three times over has them in its middle layer (the "”" of
// "â€\u009d"), and a C1 left at the end is removed with the others.
func utf8Seq(p []byte) int {
	if p[0] < 0xC2 {
		return 0
	}
	r, n := utf8.DecodeRune(p)
	if r == utf8.RuneError || n < 2 {
		return 0
	}
	return n
}

// ambiguous reports whether the UTF-8 sequence seq, found in a run of
// Windows-1252 characters, may as well be legitimate text: an accented
// letter followed by punctuation ("É”", "è…”" in "Così…”"). It is when every
// character after the first is punctuation that often follows a word, unless
// the first is Â, Ã or â, which begin the double encodings of Latin-1 and of
// punctuation, or starts a four-byte sequence (emoji).
func ambiguous(seq []byte) bool {
	switch lead := seq[0]; {
	case lead == 0xC2, lead == 0xC3, lead == 0xE2, lead >= 0xF0:
		return false
	}
	if len(seq) == 2 {
		return commonPunct(seq[1])
	}
	// Two characters after a letter: only quotes, ellipses and dashes come
	// in pairs like that ("…”", "’”"); "»", "°" or a no-break space do not.
	for _, b := range seq[1:] {
		switch b {
		case 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97:
		default:
			return false
		}
	}
	return true
}

// commonPunct reports whether b is the Windows-1252 byte of punctuation
// that often follows a word: ellipsis, curly quotes, dashes, no-break
// space, guillemets, degree sign, euro sign.
func commonPunct(b byte) bool {
	switch b {
	case 0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0xA0, 0xAB, 0xB0, 0xBB:
		return true
	}
	return false
}
