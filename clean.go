package newsdump

import (
	"bytes"
	"encoding/binary"
	"fmt"
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

// plainPrefix returns the length of the longest prefix of s that is
// printable ASCII (0x20 to 0x7E) with no two spaces in a row, testing eight
// bytes at a time.
func plainPrefix(s []byte) int {
	const (
		ones   = 0x0101010101010101
		highs  = 0x8080808080808080
		lows   = 0x7F7F7F7F7F7F7F7F
		spaces = 0x2020202020202020
	)
	i := 0
	prevSpace := false
	// Sixteen bytes at a time first: the two words' tests are independent,
	// so the processor runs them side by side.
	for ; i+16 <= len(s); i += 16 {
		w0 := binary.LittleEndian.Uint64(s[i:])
		w1 := binary.LittleEndian.Uint64(s[i+8:])
		bad := (w0 | (w0 - ones*0x20) | ((w0&lows)+ones)&^w0) | (w1 | (w1 - ones*0x20) | ((w1&lows)+ones)&^w1)
		if bad&highs != 0 {
			break
		}
		x0, x1 := w0^spaces, w1^spaces
		sp0 := ^(((x0 & lows) + lows) | x0 | lows)
		sp1 := ^(((x1 & lows) + lows) | x1 | lows)
		if sp0&(sp0<<8)|sp1&(sp1<<8)|(sp0>>56)&sp1 != 0 || (prevSpace && sp0&0x80 != 0) {
			break
		}
		prevSpace = sp1>>63 != 0
	}
	for ; i+8 <= len(s); i += 8 {
		w := binary.LittleEndian.Uint64(s[i:])
		// Flags a byte at or above 0x80, below 0x20 (the classic "has a
		// byte less than n" test) or equal to 0x7F (0x7F+1 reaches the high
		// bit); a false alarm only sends the bytes to the loop below.
		if (w|(w-ones*0x20)|((w&lows)+ones)&^w)&highs != 0 {
			break
		}
		// The spaces, exactly: 0x80 in each byte of w that is 0x20.
		x := w ^ spaces
		sp := ^(((x & lows) + lows) | x | lows)
		if sp&(sp<<8) != 0 || (prevSpace && sp&0x80 != 0) {
			break
		}
		prevSpace = sp>>63 != 0
	}
	for ; i < len(s); i++ {
		b := s[i]
		if b < 0x20 || b >= 0x7f || (b == ' ' && i > 0 && s[i-1] == ' ') {
			break
		}
	}
	return i
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
		if b == 0xC3 { // may start a double-encoded sequence
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

// quickClean returns the text of s, a line without its terminator, when it
// is valid UTF-8 that needs only trimming, and how many bytes of s are in
// front of it; ok is false when s needs decoding or cleaning.
func quickClean(s []byte) (text []byte, lead int, ok bool) {
	trimmed := bytes.TrimLeftFunc(s, dropsAtEdge)
	text = bytes.TrimRight(trimmed, " ")
	return text, len(s) - len(trimmed), plainText(text)
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
func (c *lineCleaner) repairMojibake(s []byte) []byte {
	for pass := 0; pass < 3; pass++ {
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
			break
		}
	}
	return s
}

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
