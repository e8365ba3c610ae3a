package page

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// BenchmarkAnalyze times the per-line byte scan alone on the dev pages.
func BenchmarkAnalyze(b *testing.B) {
	lines, size := devLines(b)
	b.SetBytes(size)
	var li lineInfo
	var sb scanBuf
	for i := 0; i < b.N; i++ {
		for _, l := range lines {
			analyze(l, &li, &sb)
		}
	}
}

// devLines returns the lines of the dev pages (both converters) and their
// size in bytes, newlines included; it skips b without ../shared.
func devLines(b *testing.B) ([]string, int64) {
	files, _ := filepath.Glob("../../../shared/extract/dev/*.inscriptis.txt")
	more, _ := filepath.Glob("../../../shared/extract/dev/*.html-text.txt")
	files = append(files, more...)
	if len(files) == 0 {
		b.Skip("no dev pages")
	}
	var lines []string
	var size int64
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for _, l := range strings.Split(string(t), "\n") {
			lines = append(lines, l)
			size += int64(len(l)) + 1
		}
	}
	return lines, size
}

// TestAnalyzeMatchesSlow checks the fast scan against the rune-by-rune
// one on generated lines: identical on ASCII, and on text with the
// commonest non-ASCII punctuation and accented letters.
func TestAnalyzeMatchesSlow(t *testing.T) {
	pieces := []string{"the", "The", "THE", "of", "a", "I", "NASA", "x2", "2019", "_", " ", " ", " ", "  ", ",", ".", "|", " / ", "(c)", "(C)", "-", "'", "\u2019", "\u201c", "\u201d", "\u2014", "\u2022", "\u00b7", "\u00a0", "©", "café", "été", "Über", "não", "É", "über", "naïve", "* ", "o ", "+ ", "\t", "ab_cd", "between", "Wednesday", "x"}
	rng := uint64(1)
	next := func(n int) int {
		rng ^= rng << 13
		rng ^= rng >> 7
		rng ^= rng << 17
		return int(rng % uint64(n))
	}
	var sb scanBuf
	for it := 0; it < 20000; it++ {
		var b strings.Builder
		for n := next(30); n > 0; n-- {
			b.WriteString(pieces[next(len(pieces))])
		}
		s := b.String()
		var fast, slow lineInfo
		analyze(s, &fast, &sb)
		analyzeSlow(s, &slow)
		if fast.runes == runesUncounted {
			// Counted when asked (pageCtx.runeCount).
			fast.runes = utf8.RuneCountInString(s[fast.start:fast.end])
		}
		fast.longTok, slow.longTok = 0, 0
		if !isASCII(s) {
			// Only ASCII letters count towards all-capital tokens.
			fast.upperTok, slow.upperTok = 0, 0
		}
		if fast != slow {
			t.Fatalf("%q:\nfast %+v\nslow %+v", s, fast, slow)
		}
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
