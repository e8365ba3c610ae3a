package pagemeta

import (
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// maxKey bounds the words looked up in the tables below; longer words are
// in none of them, and the bound keeps the lower-casing buffer on the
// stack.
const maxKey = 24

// lowerKey lower-cases the ASCII letters of w into buf and returns the
// result as a string that the compiler does not copy when it is only used
// as a map key (m[string(b)] does not allocate). ok is false when w is too
// long to be in any table.
func lowerKey(buf *[maxKey]byte, w string) ([]byte, bool) {
	if len(w) > maxKey {
		return nil, false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(w)], true
}

// isSpaceAt returns the width of the space character at s[i], or 0.
// Converters print U+00A0 and other Unicode spaces in bylines and stamps.
func isSpaceAt(s string, i int) int {
	c := s[i]
	if c < utf8.RuneSelf {
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' {
			return 1
		}
		return 0
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
		return n
	}
	return 0
}

// skipSpace returns the first index at or after i that is not a space.
func skipSpace(s string, i int) int {
	if i < len(s) && s[i]-0x21 < 0x7f-0x20 { // printable ASCII: no space
		return i
	}
	// Converters indent with runs of spaces; skip them eight at a time,
	// to the first byte of the eight that is not one.
	for i+8 <= len(s) {
		if x := load64(s, i) ^ 0x2020202020202020; x != 0 {
			i += bits.TrailingZeros64(x) / 8
			break
		}
		i += 8
	}
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	if i >= len(s) || s[i] < utf8.RuneSelf && s[i] > ' ' {
		return i
	}
	for i < len(s) {
		n := isSpaceAt(s, i)
		if n == 0 {
			break
		}
		i += n
	}
	return i
}

// load64 returns the eight bytes of s at i, the first in the low byte.
// The compiler merges the loads into one.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// trimSpace trims Unicode spaces from both ends without allocating.
func trimSpace(s string) string {
	// Most lines start and end with a printable ASCII byte, which no
	// space is: they are returned after two tests.
	if len(s) > 0 && s[0]-0x21 < 0x7f-0x20 && s[len(s)-1]-0x21 < 0x7f-0x20 {
		return s
	}
	i := skipSpace(s, 0)
	j := len(s)
	for j > i && (s[j-1] == ' ' || s[j-1] == '\t' || s[j-1] == '\r') {
		j--
	}
	for j > i {
		c := s[j-1]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' {
				j--
				continue
			}
			break
		}
		r, n := utf8.DecodeLastRuneInString(s[i:j])
		if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
			j -= n
			continue
		}
		break
	}
	return s[i:j]
}

// isLetterAt returns the width of the letter at s[i], or 0.
func isLetterAt(s string, i int) int {
	c := s[i]
	if c < utf8.RuneSelf {
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
			return 1
		}
		return 0
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
		return n
	}
	return 0
}

// wordEnd returns the end of the run of letters starting at i (i itself
// when s[i] is not a letter).
func wordEnd(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			return i
		}
		n := isLetterAt(s, i)
		if n == 0 {
			break
		}
		i += n
	}
	return i
}

// digitsEnd returns the end of the run of ASCII digits starting at i.
func digitsEnd(s string, i int) int {
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	return i
}

// atoi parses a short run of ASCII digits (the caller checked them).
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// isDigit reports whether c is an ASCII digit.
func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// upperAt reports whether the rune at s[i] is an upper-case letter.
func upperAt(s string, i int) bool {
	c := s[i]
	if c < utf8.RuneSelf {
		return 'A' <= c && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

// lowerAt reports whether the rune at s[i] is a lower-case letter.
func lowerAt(s string, i int) bool {
	c := s[i]
	if c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z'
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLower(r)
}

// hasLower reports whether w holds a lower-case letter.
func hasLower(w string) bool {
	for i := 0; i < len(w); {
		if lowerAt(w, i) {
			return true
		}
		_, n := utf8.DecodeRuneInString(w[i:])
		i += n
	}
	return false
}

// hasPrefixFold reports whether s starts with the ASCII lower-case prefix p,
// ignoring ASCII case in s.
func hasPrefixFold(s, p string) bool {
	if len(s) < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != p[i] {
			return false
		}
	}
	return true
}

// indexFold returns the first index of the ASCII lower-case word p in s,
// ignoring ASCII case in s, or -1.
func indexFold(s, p string) int {
	if len(p) == 0 {
		return 0
	}
	first := p[0]
	upper := first - ('a' - 'A')
	for i := 0; i+len(p) <= len(s); i++ {
		c := s[i]
		if (c == first || c == upper) && hasPrefixFold(s[i:], p) {
			return i
		}
	}
	return -1
}
