package pagemeta

import (
	"math/bits"
	"sort"
	"strings"
)

// The prefilters of this file let a line skip a parser that could not
// accept it. Each is a necessary condition of its parser's acceptance,
// derived from the parser's code, never a heuristic: a prefilter that
// rejected a line the parser accepts would change a result. The comment
// of each says why it is necessary. equivalence_test.go compares every
// entry point with its copy from before the prefilters
// (reference_test.go) on the dev pages and on generated lines and pages;
// prefilter_test.go checks the masks byte by byte and the facts of the
// tables the prefilters rely on.

// hasYear reports whether s holds four ASCII digits in a row or a slash
// and two digits: every date parseDateAt reads has its year so, four
// digits (ISO, CJK, numeric, month or day first; more when the converter
// glued the hour on) or two after the second slash of "11/19/19". Most
// lines of a page have neither, so this is the cheap first test of a date
// (a stricter one than any two digits, which page numbers, prices and
// scores have too).
func hasYear(s string) bool {
	for i := 0; i < len(s); {
		d := nextDigit(s, i)
		if d < 0 {
			return false
		}
		e := digitsEnd(s, d)
		if e-d >= 4 || e-d >= 2 && d > 0 && s[d-1] == '/' {
			return true
		}
		i = e
	}
	return false
}

// nextDigit returns the index of the first ASCII digit at or after i, or
// -1. It tests eight bytes at a time, since most text has few digits.
func nextDigit(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		if m := digits8(load64(s, i)); m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	if i >= len(s) {
		return -1
	}
	if len(s) >= 8 {
		// The last eight bytes, less those before i, which were read.
		j := len(s) - 8
		if m := digits8(load64(s, j)) &^ (1<<(8*(i-j)) - 1); m != 0 {
			return j + bits.TrailingZeros64(m)/8
		}
		return -1
	}
	for ; i < len(s); i++ {
		if isDigit(s[i]) {
			return i
		}
	}
	return -1
}

// Masks of the eight bytes of a word: the top bit of each byte that
// passes the test is set, and no other bit. Every byte is tested on its
// own (no carry or borrow crosses a byte), so a mask is exact.
const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
	lows  = 0x7f7f7f7f7f7f7f7f
)

// below8 marks the bytes of x below n (n <= 128): adding 128-n to the low
// seven bits of a byte sets its top bit exactly when they are n or more,
// and a byte with its own top bit set is 128 or more.
func below8(x uint64, n byte) uint64 {
	return ^((x&lows + (0x80-uint64(n))*ones) | x) & highs
}

// equal8 marks the bytes of x equal to c.
func equal8(x uint64, c byte) uint64 { return below8(x^uint64(c)*ones, 1) }

// digits8 marks the ASCII digits of x: XOR with '0' takes them, and only
// them, to 0-9.
func digits8(x uint64) uint64 { return below8(x^'0'*ones, 10) }

// hasColonOrSlash reports whether t holds a ':' or a '/', Credit's first
// test. Most texts are short and are read eight bytes at a time; on
// longer ones IndexByte, which reads 32, pays for its start.
func hasColonOrSlash(t string) bool {
	if len(t) >= 48 {
		return strings.IndexByte(t, ':') >= 0 || strings.IndexByte(t, '/') >= 0
	}
	if len(t) < 8 {
		for i := 0; i < len(t); i++ {
			if t[i] == ':' || t[i] == '/' {
				return true
			}
		}
		return false
	}
	for i := 0; ; i += 8 {
		if i+8 > len(t) {
			i = len(t) - 8 // the last eight, in part again
		}
		if x := load64(t, i); equal8(x, ':')|equal8(x, '/') != 0 {
			return true
		}
		if i+8 == len(t) {
			return false
		}
	}
}

// unmarkedMayEnd reports whether a line that parseByline found no marker
// ("By", "Authors:") and no leading date on may still be a byline: one
// that starts with the names, which must then be followed by a handle or
// an e-mail address (an "@"), a date (which has a year, see hasYear), a
// separator and a date, or a comma and an outlet phrase. An outlet phrase
// starts with a capitalised word (see outletPhrase), so a comma followed
// by a lower-case letter does not count. Most lines that reach the parser
// are sentences and titles that have none of these, and this rejects them
// before the names are read.
func unmarkedMayEnd(s string) bool {
	// One pass that stops only at digits, "@" and commas, which are rare
	// in the text of a line.
	for i := 0; i < len(s); i++ {
		switch tailMark[s[i]] {
		case 0:
			continue
		case '0':
			if yearAt(s, i) {
				return true
			}
		case '@':
			return true
		case ',':
			// Calling outletPhrase here would reject more lines, but
			// costs more than the parser it saves.
			if r := skipSpace(s, i+1); r < len(s) && !('a' <= s[r] && s[r] <= 'z') {
				return true
			}
		}
	}
	return false
}

// tailMark marks the bytes unmarkedMayEnd stops at: '0' for the digits,
// '@' and ',' for themselves.
var tailMark = func() (t [256]byte) {
	for c := '0'; c <= '9'; c++ {
		t[c] = '0'
	}
	t['@'], t[','] = '@', ','
	return t
}()

// yearAt reports whether the digit s[i] starts four digits in a row or
// follows a slash and starts two: hasYear at one place.
func yearAt(s string, i int) bool {
	return i+3 < len(s) && isDigit(s[i+1]) && isDigit(s[i+2]) && isDigit(s[i+3]) ||
		i > 0 && s[i-1] == '/' && i+1 < len(s) && isDigit(s[i+1])
}

// wordStarts holds ASCII lower-case words by their first letter, for a
// one-pass test of whether a text holds one of them.
type wordStarts [26][]string

func newWordStarts(words []string) *wordStarts {
	var t wordStarts
	sort.Strings(words)
	for _, w := range words {
		k := w[0] - 'a'
		t[k] = append(t[k], w)
	}
	return &t
}

// in reports whether s holds one of the words, ignoring ASCII case in s,
// anywhere (not only as a whole word).
func (t *wordStarts) in(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		if c < 'a' || c > 'z' {
			continue
		}
		for _, w := range t[c-'a'] {
			if hasPrefixFold(s[i:], w) {
				return true
			}
		}
	}
	return false
}

// publishedWords are the words of kindWords that mark a stamp published.
// A date line is KindPublished only when kindBefore met one of them, as a
// word of the line once its ASCII letters are lower-cased, so a line
// without one of them as a substring, ignoring ASCII case, is not.
var publishedWords = func() *wordStarts {
	var words []string
	for w, k := range kindWords {
		if k == KindPublished {
			words = append(words, w)
		}
	}
	return newWordStarts(words)
}()
