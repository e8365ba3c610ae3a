package pagemeta

import (
	"strings"
	"testing"
)

// The eight-bytes-at-a-time masks must mark exactly the bytes their
// byte-by-byte definitions do, whatever the other bytes: every byte value
// is tried at every position, among random neighbours.
func TestMasks(t *testing.T) {
	next := xorshift(3)
	tests := []struct {
		name string
		mask func(uint64) uint64
		is   func(byte) bool
	}{
		{"digits8", digits8, isDigit},
		{"below8(x, 11) of x^'0'", func(x uint64) uint64 { return below8(x^'0'*ones, 11) }, func(c byte) bool { return '0' <= c && c <= ':' }},
		{"below8(x, 1)", func(x uint64) uint64 { return below8(x, 1) }, func(c byte) bool { return c == 0 }},
		{"below8(x, 128)", func(x uint64) uint64 { return below8(x, 128) }, func(c byte) bool { return c < 128 }},
		{"equal8(x, ',')", func(x uint64) uint64 { return equal8(x, ',') }, func(c byte) bool { return c == ',' }},
		{"equal8(x, 'y')", func(x uint64) uint64 { return equal8(x, 'y') }, func(c byte) bool { return c == 'y' }},
	}
	for _, tc := range tests {
		for pos := 0; pos < 8; pos++ {
			for c := 0; c < 256; c++ {
				for k := 0; k < 4; k++ {
					var b [8]byte
					for i := range b {
						b[i] = byte(next(256))
					}
					b[pos] = byte(c)
					x := load64(string(b[:]), 0)
					var want uint64
					for i := range b {
						if tc.is(b[i]) {
							want |= 0x80 << (8 * i)
						}
					}
					if got := tc.mask(x); got != want {
						t.Fatalf("%s(%q) = %#x, want %#x", tc.name, b[:], got, want)
					}
				}
			}
		}
	}
}

// hasYearSimple is hasYear byte by byte, as it was first written.
func hasYearSimple(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			run = 0
			continue
		}
		run++
		if run == 4 || run == 2 && i >= 2 && s[i-2] == '/' {
			return true
		}
	}
	return false
}

func TestHasYear(t *testing.T) {
	next := xorshift(4)
	pieces := []string{"1", "12", "123", "1234", "/", "/1", "/12", " ", "a", "é", "-", ".", "\t", "x1y", "2019"}
	for k := 0; k < 100000; k++ {
		var b strings.Builder
		for n := next(12); n > 0; n-- {
			b.WriteString(pieces[next(len(pieces))])
		}
		s := b.String()
		for i := 0; i <= len(s); i++ {
			if got, want := hasYear(s[i:]), hasYearSimple(s[i:]); got != want {
				t.Fatalf("hasYear(%q) = %v, want %v", s[i:], got, want)
			}
		}
	}
}

// The prefilters are built from the tables, or rely on a fact of them
// that a change to a table could break: these fail when it does.
func TestPrefilterTables(t *testing.T) {
	for w := range byWords {
		if len(w) == 2 && w != "by" {
			t.Errorf("isByWord tests for \"by\" only, but byWords has %q", w)
		}
		if len(w) > maxByWord {
			t.Errorf("byWords %q is longer than maxByWord %d", w, maxByWord)
		}
	}
	for w, k := range kindWords {
		if k == KindPublished && !(publishedWords.in(w) && publishedWords.in(asciiUpper(w)) && publishedWords.in("x "+w+" 2019")) {
			t.Errorf("publishedWords does not find %q", w)
		}
	}
	keys := []string{}
	for w := range wordFlags {
		keys = append(keys, w)
	}
	for w := range months {
		keys = append(keys, w)
	}
	for w := range zones {
		keys = append(keys, w)
	}
	for w := range kindWords {
		keys = append(keys, w)
	}
	for _, w := range keys {
		if w == "" {
			t.Errorf("empty word in a table")
			continue
		}
		if len(w) > maxKey {
			continue
		}
		if !mayBeWord(w) || !mayBeWord(asciiUpper(w[:1])+w[1:]) || !mayBeWord(asciiUpper(w)) {
			t.Errorf("wordBloom misses %q", w)
		}
	}
}

func asciiUpper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}

// TestCreditTables checks what the label and agency buckets of credit.go
// rely on.
func TestCreditTables(t *testing.T) {
	for _, l := range creditLabels {
		if lowerLetter(l, 0) != l[0] {
			t.Errorf("label %q does not start with an ASCII lower-case letter", l)
		}
		if l[len(l)-1] == ':' && lowerLetter(l, len(l)-2) != l[len(l)-2] {
			t.Errorf("label %q has no ASCII lower-case letter before its colon", l)
		}
	}
	for _, a := range creditAgencies {
		if lowerLetter(a, 0) != a[0] {
			t.Errorf("agency %q does not start with an ASCII lower-case letter", a)
		}
	}
}

func TestHasColonOrSlash(t *testing.T) {
	next := xorshift(6)
	pieces := []string{"a", "bc", "def ", ":", "/", "é", "        ", "x:y", "12"}
	for k := 0; k < 20000; k++ {
		var b strings.Builder
		for n := next(30); n > 0; n-- {
			b.WriteString(pieces[next(len(pieces))])
		}
		s := b.String()
		for i := 0; i <= len(s); i++ {
			want := strings.IndexByte(s[i:], ':') >= 0 || strings.IndexByte(s[i:], '/') >= 0
			if got := hasColonOrSlash(s[i:]); got != want {
				t.Fatalf("hasColonOrSlash(%q) = %v", s[i:], got)
			}
		}
	}
}
