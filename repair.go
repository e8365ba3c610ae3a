package newsdump

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

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
