package newsdump

import (
	"bytes"
	"math/rand"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/newsdump/newsdump/internal/mojibake"
	"golang.org/x/text/unicode/norm"
)

// TestPlainPrefix checks the scans for plain text (the assembly version
// where there is one, and the portable one) against the plain definition
// on random strings of the bytes at their edges.
func TestPlainPrefix(t *testing.T) {
	alphabet := []byte{0x00, 0x1f, 0x20, 0x20, 0x21, 'a', 0x7e, 0x7f, 0x80, 0xc3, 0xff}
	want := func(s []byte) int {
		for i, b := range s {
			if b < 0x20 || b >= 0x7f || (b == ' ' && i > 0 && s[i-1] == ' ') {
				return i
			}
		}
		return len(s)
	}
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 200000; n++ {
		s := make([]byte, rng.Intn(200))
		for i := range s {
			// Mostly plain bytes, so that long plain prefixes occur.
			if rng.Intn(12) == 0 {
				s[i] = alphabet[rng.Intn(len(alphabet))]
			} else {
				s[i] = byte(0x21 + rng.Intn(0x5e))
				if rng.Intn(6) == 0 {
					s[i] = ' '
				}
			}
		}
		w := want(s)
		if got := plainPrefix(s); got != w {
			t.Fatalf("plainPrefix(%q) = %d, want %d", s, got, w)
		}
		if got := plainSpanGeneric(s, 0); got != w {
			t.Fatalf("plainSpanGeneric(%q, 0) = %d, want %d", s, got, w)
		}
		// From a point inside s: the text starts there.
		if i := rng.Intn(len(s) + 1); i <= w {
			wi := i + want(s[i:])
			if got, gen := plainSpan(s, i), plainSpanGeneric(s, i); got != wi || gen != wi {
				t.Fatalf("plainSpan(%q, %d) = %d, plainSpanGeneric %d, want %d", s, i, got, gen, wi)
			}
		}
	}
}

// quickClean is the fast path as plainText defines it, the reference for
// plainLine: it returns the text of s, a line without its terminator, when it
// is valid UTF-8 that needs only trimming, and how many bytes of s are in
// front of it; ok is false when s needs decoding or cleaning.
func quickClean(s []byte) (text []byte, lead int, ok bool) {
	trimmed := bytes.TrimLeftFunc(s, dropsAtEdge)
	text = bytes.TrimRight(trimmed, " ")
	return text, len(s) - len(trimmed), plainText(text)
}

// TestPlainLine checks the Reader's fast path against the full one on
// random lines: a line plainLine accepts ends where the first LF says, and
// quickClean gives it the text the fast path uses (the line less one space
// at either edge); a line of plain pieces alone is always accepted.
func TestPlainLine(t *testing.T) {
	plain := []string{"a", "Zb", " ", "’", "–", "“", "…", "©", "ł", "ʼ", "0123456789", "fifteen letters", "é ", "Ü.", "ñé "}
	other := []string{"  ", "\t", "\r", "\x00", "\x7f", "\u00a0", "\u00ad", "\u200b", "é", "Ã©", "e\u0301", "محمد", "\u2028", "\xc2", "\xe2\x80", "\xff"}
	rng := rand.New(rand.NewSource(3))
	for n := 0; n < 200000; n++ {
		var b strings.Builder
		onlyPlain := true
		for k := rng.Intn(40); k > 0; k-- {
			if rng.Intn(10) == 0 {
				b.WriteString(other[rng.Intn(len(other))])
				onlyPlain = false
			} else {
				b.WriteString(plain[rng.Intn(len(plain))])
			}
		}
		line := strings.TrimRight(b.String(), "\r") // a CR before the LF would make it CRLF
		// Plain pieces side by side may look like mojibake ("…©" is the
		// MacRoman of "ɩ"), which cleaning looks at.
		onlyPlain = onlyPlain && !strings.Contains(line, "  ") && !mojibake.Suspect([]byte(line))
		for _, end := range []string{"\n", "\r\n", "", "\r"} {
			data := []byte(line + end + "next line\n")
			if end == "" {
				data = []byte(line)
			}
			n, size, ok := plainLine(data)
			if !ok {
				if onlyPlain && (end == "\n" || end == "\r\n") {
					t.Fatalf("plainLine(%q) refused a line of plain pieces", data)
				}
				continue
			}
			if lf := bytes.IndexByte(data, '\n'); size != lf+1 || n != len(line) {
				t.Fatalf("plainLine(%q) = %d, %d; want %d, %d", data, n, size, len(line), lf+1)
			}
			text, lead, qok := quickClean(data[:n])
			want := strings.TrimSuffix(strings.TrimPrefix(line, " "), " ")
			if !qok || string(text) != want || lead != len(line)-len(strings.TrimPrefix(line, " ")) {
				t.Fatalf("plainLine accepts %q, but quickClean gives %q, %d, %v", line, text, lead, qok)
			}
		}
	}
}

// TestNFCInert checks the shortcut of plainText against x/text: every
// character nfcInert names is its own NFC and a boundary before itself.
func TestNFCInert(t *testing.T) {
	n := 0
	for r := rune(0x80); r < 0x10000; r++ {
		if !nfcInert(r) || unicode.IsSpace(r) || unicode.IsControl(r) {
			continue
		}
		n++
		s := string(r)
		p := norm.NFC.PropertiesString(s)
		if !norm.NFC.IsNormalString(s) || p.CCC() != 0 || !p.BoundaryBefore() {
			t.Errorf("%U %q: NFC may change it or compose it with the character before", r, s)
		}
	}
	// Cyrillic, Greek, Arabic, Devanagari, CJK and Hangul letters are
	// among them; combining marks are not.
	for _, r := range "дΩبकあ中한" {
		if !nfcInert(r) {
			t.Errorf("%U %q: not inert", r, r)
		}
	}
	for _, r := range "\u0301\u0304\u0654\u093c\u3099" {
		if nfcInert(r) {
			t.Errorf("%U: a combining mark called inert", r)
		}
	}
	if n < 40000 {
		t.Fatalf("checked %d characters only", n)
	}
}

// TestPlainTextNFC checks that plainText never calls a text plain that
// NFC would change, on texts of letters of many scripts, ASCII and
// combining marks mixed at random: a mark after a non-ASCII letter may
// compose with it (Ä and a macron are Ǟ), so plainText must look at the
// whole letter before the mark, not its last byte.
func TestPlainTextNFC(t *testing.T) {
	parts := []string{"a", "e", " ", "Ä", "é", "д", "и", "Ω", "α", "ب", "ا", "क", "あ", "か", "中", "한", "ᄀ", "ᅡ",
		"\u0301", "\u0304", "\u0308", "\u0306", "\u0654", "\u093c", "\u3099", "\u11a8", "\u0323", "\u212b", "\uf900", "\u0958"}
	rng := rand.New(rand.NewSource(1))
	for range 200000 {
		var b []byte
		for k := 1 + rng.Intn(5); k > 0; k-- {
			b = append(b, parts[rng.Intn(len(parts))]...)
		}
		if plainText(b) && !norm.NFC.IsNormal(b) {
			t.Fatalf("plainText(%q) = true, but NFC makes it %q", b, norm.NFC.String(string(b)))
		}
	}
}

// TestPlainRuneOK checks plainRuneOK's table against the rule it stands
// for, for every character.
func TestPlainRuneOK(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := !unicode.IsSpace(r) && !unicode.IsControl(r) && !invisible(r) && r != '\u200C' && r != '\u200D'
		if utf8.ValidRune(r) && plainRuneOK(r) != want {
			t.Errorf("plainRuneOK(%U) = %v, want %v", r, !want, want)
		}
	}
}

// TestLeadingSpaces checks leadingSpaces against a count byte by byte,
// for every run length up to 40 before every kind of next byte.
func TestLeadingSpaces(t *testing.T) {
	for n := 0; n <= 40; n++ {
		for _, next := range []string{"", "a", "\t", "\n", "\x00", "\xa0", "  x"} {
			p := []byte(strings.Repeat(" ", n) + next)
			want := 0
			for want < len(p) && p[want] == ' ' {
				want++
			}
			if got := leadingSpaces(p); got != want {
				t.Fatalf("leadingSpaces(%q) = %d, want %d", p, got, want)
			}
		}
	}
}
