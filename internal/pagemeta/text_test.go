package pagemeta

import (
	"strings"
	"testing"
)

// skipSpace and trimSpace, which every parser calls, take shortcuts
// (printable ASCII, eight spaces at a time): they must return what their
// byte-by-byte copies in reference_test.go do, on every dev line and on
// generated runs of ASCII and Unicode spaces, at every index.
func TestSpaceMatchesReference(t *testing.T) {
	next := xorshift(5)
	pieces := []string{" ", "  ", "        ", "\t", "\r", "\n", "\v", "\f", "\u00a0", "\u2003", "\u200b", "\ufeff", "\u3000",
		"a", "Z", "é", "\u2014", "!", "~", "\x7f", "\x00", "\x1f", "\xff", "\xc2"}
	lines := make([]string, 0, 20000)
	for len(lines) < cap(lines) {
		var b strings.Builder
		for n := next(20); n > 0; n-- {
			b.WriteString(pieces[next(len(pieces))])
		}
		lines = append(lines, b.String())
	}
	if dev, _, err := readDevLines(); err == nil {
		lines = append(lines, dev...) // none when the dev pages are absent
	}
	for _, s := range lines {
		if got, want := trimSpace(s), trimSpaceRef(s); got != want {
			t.Fatalf("trimSpace(%q) = %q, want %q", s, got, want)
		}
		for i := 0; i <= len(s); i++ {
			if got, want := skipSpace(s, i), skipSpaceRef(s, i); got != want {
				t.Fatalf("skipSpace(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	}
}
