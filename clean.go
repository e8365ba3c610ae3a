package newsdump

import (
	"bytes"
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/newsdump/newsdump/internal/mojibake"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// lineCleaner turns one decoded line into clean text: valid UTF-8, NFC,
// mojibake repaired, white space collapsed to single spaces and trimmed,
// invisible characters and control characters removed. It keeps
// its scratch buffers from line to line, so that cleaning allocates nothing
// once they have grown.
//
// A line of printable ASCII with single spaces, the common case, is
// returned as it is, without a copy.
type lineCleaner struct {
	out, nfc []byte
	again    []byte // a copy of the text being cleaned once more
	repair   mojibake.Fixer
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
	// Control bytes dropped at the start count too: a line of nothing
	// else is binary data, not a blank line.
	if lead > minControls {
		if n := controlBytes(s[:lead]); tooManyControls(n, len(s)) {
			return nil, lead, fmt.Errorf("%w: %d control bytes in one line", ErrBinary, n)
		}
	}
	s = bytes.TrimRight(trimmed, " ")
	if plainText(s) {
		return s, lead, nil
	}
	out, err := c.cleanOnce(s)
	// Removing characters, or composing them, can bring the pieces of
	// mojibake together: clean again until nothing changes, so that
	// cleaning clean text never changes it.
	for k := 0; k < 3 && err == nil && mojibake.Suspect(out); k++ {
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
	s = c.repairMojibake(s)
	s, controls := c.collapse(s)
	if tooManyControls(controls, len(s)+controls) {
		return nil, fmt.Errorf("%w: %d control bytes in one line", ErrBinary, controls)
	}
	if !isASCII(s) && norm.NFC.QuickSpan(s) != len(s) {
		c.nfc = norm.NFC.Append(c.nfc[:0], s...)
		s = c.nfc
	}
	return s, nil
}

// dropsAtEdge reports whether r, at the start or end of a line, is not
// text: white space, an invisible character or a control character. A C1
// control that stands for a Windows-1252 character is text (U+0093 is
// "“", see repairMojibake).
func dropsAtEdge(r rune) bool {
	if 0x80 <= r && r < 0xA0 && charmap.Windows1252.DecodeByte(byte(r)) != utf8.RuneError {
		return false
	}
	return notText(r)
}

// notText reports whether r is white space, a control, an invisible
// character or a zero-width joiner: what a line drops at its edges, and
// what plain text holds none of but the space (see plainRuneOK).
func notText(r rune) bool {
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
