package newsdump

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestWhiteSpace(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"a\u00a0b\u202fc\td   e", "a b c d e"},
		{"\u200b\ufeff a \u00a0", "a"},
		{"in\u200bter\u00adna\u2060tion\u200dal", "international"},
		{"con\x01tr\x7fol\u0085s", "control…s"}, // U+0085 is the ellipsis of Windows-1252 read as Latin-1
		{"ZWNJ in می\u200cخواهم stays", "ZWNJ in می\u200cخواهم stays"},
		{"emoji 👨\u200d👩\u200d👧 stay joined", "emoji 👨\u200d👩\u200d👧 stay joined"},
		{"Cafe\u0301 and A\u030angstro\u0308m", "Café and Ångström"},
	} {
		var c lineCleaner
		got, _, err := c.clean([]byte(tc.in))
		if err != nil || string(got) != tc.want {
			t.Errorf("clean(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

// TestCleanProperties checks what clean promises on random lines: valid,
// NFC, single-spaced, trimmed text, unchanged by a second cleaning, and the
// quick path agreeing with the full one.
func TestCleanProperties(t *testing.T) {
	pieces := []string{"a", "B", " ", "  ", "\t", "\u00a0", "\u200b", "\u200d", "\u00ad", "\x01", "\x7f",
		"é", "e\u0301", "’", "â€™", "Ã", "©", "\xc3", "\xff", "محمد", "😀", "\u0085", ".", "\u202f"}
	rng := rand.New(rand.NewSource(2))
	var c lineCleaner
	for n := 0; n < 50000; n++ {
		var b strings.Builder
		for k := rng.Intn(12); k > 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		in := []byte(b.String())
		if !utf8.Valid(in) {
			in = decodeWindows1252(nil, in)
		}
		got, _, err := c.clean(in)
		if err != nil {
			continue // too many controls: a binary line
		}
		s := string(got)
		if !utf8.ValidString(s) || !norm.NFC.IsNormalString(s) || strings.Contains(s, "  ") || strings.TrimSpace(s) != s {
			t.Fatalf("clean(%q) = %q: not valid, NFC, single-spaced, trimmed text", in, s)
		}
		var c2 lineCleaner
		again, _, _ := c2.clean([]byte(s))
		if string(again) != s {
			t.Fatalf("clean(%q) = %q, but cleaning that again gives %q", in, s, again)
		}
		if q, _, ok := quickClean(in); ok && string(q) != s {
			t.Fatalf("quickClean(%q) = %q, clean gives %q", in, q, s)
		}
	}
}

// FuzzClean checks clean on any line: valid, NFC, single-spaced, trimmed
// text out, unchanged when cleaned again, and the quick path agreeing with
// the full one. Lines that are not UTF-8 are read as Windows-1252 first, as
// the Reader reads them.
func FuzzClean(f *testing.F) {
	for _, s := range []string{"cafÃ©", "SOCIÉTÉ®", "jusqu'Ã nos", "РґРѕСЂРѕРіРµ", "caf√©", "â€œhiâ€\uFFFD", "x\u0085",
		"Ã\u0083Â©", "├┤a┼┐a", "Ð ÑƒÑÑÐºÐ¸Ð¹", "a  b\tc", "e\u0301", "\xff\xfe"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		if !utf8.Valid(in) {
			in = decodeWindows1252(nil, in)
		}
		var c lineCleaner
		got, _, err := c.clean(in)
		if err != nil {
			return // a binary line
		}
		s := string(got)
		if !utf8.ValidString(s) || !norm.NFC.IsNormalString(s) || strings.Contains(s, "  ") || strings.TrimSpace(s) != s {
			t.Fatalf("clean(%q) = %q: not valid, NFC, single-spaced, trimmed text", in, s)
		}
		var c2 lineCleaner
		if again, _, _ := c2.clean([]byte(s)); string(again) != s {
			t.Fatalf("clean(%q) = %q, but cleaning that again gives %q", in, s, again)
		}
		if q, _, ok := quickClean(in); ok && string(q) != s {
			t.Fatalf("quickClean(%q) = %q, clean gives %q", in, q, s)
		}
	})
}
