package ner

import (
	"unicode"
	"unicode/utf8"
)

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// appendLower appends the lower-case form of s to dst.
func appendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == '’' {
			r = '\''
		}
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += n
	}
	return dst
}

// hashBytes is FNV-1a over b.
func hashBytes(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// mix combines two hashes (a template and a value, or a sequence so far
// and its next token) into one well-spread hash.
func mix(a, b uint64) uint64 {
	h := a*0x9E3779B97F4A7C15 ^ b
	h ^= h >> 31
	h *= 0xBF58476D1CE4E5B9
	h ^= h >> 29
	h *= 0x94D049BB133111EB
	h ^= h >> 32
	return h
}

// shapeHash hashes the short shape of s: upper letters become X, lower x,
// digits d, other characters stay, and runs of one class collapse
// ("Blinken" → Xx, "U.S." → X.X., "1,200" → d,d).
func shapeHash(s string) (h uint64, cls uint8) {
	h = fnvOffset
	var last byte
	var n int
	for _, r := range s {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = 'o'
		}
		if c == last {
			continue
		}
		if n == 0 {
			cls = c
		}
		last = c
		n++
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h, cls
}
