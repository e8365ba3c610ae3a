package newsdump

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// mojibakePages are the code pages the corpus test reads UTF-8 in, the
// classic mix-ups of real crawls.
var mojibakePages = []struct {
	name string
	cm   *charmap.Charmap
}{
	{"Windows-1252", charmap.Windows1252},
	{"Windows-1251", charmap.Windows1251},
	{"MacRoman", charmap.Macintosh},
	{"ISO-8859-2", charmap.ISO8859_2},
}

// garble returns the mojibake of s in code page cm: its UTF-8 bytes read
// one by one as that code page's characters. A byte the code page leaves
// undefined becomes the character of the same value, a C1 control for
// 0x80 to 0x9F, as browsers read Windows-1252 (and the Reader reads a
// line that is not UTF-8): so no byte is lost and the mojibake can come
// back exactly. x/text leaves all of 0x80 to 0x9F undefined in ISO-8859-2,
// which gives them to the C1 controls; a decoder that made them U+FFFD
// instead would lose them, and only the lossy repair would be possible.
func garble(s string, cm *charmap.Charmap) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < utf8.RuneSelf {
			b.WriteByte(c)
			continue
		}
		r := cm.DecodeByte(c)
		if r == utf8.RuneError {
			r = rune(c)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// cleanInput returns line as the clean text it stands for, its white
// space collapsed and NFC, or "" when it holds what cleaning removes
// anyway (controls, invisible characters).
func cleanInput(line string) string {
	s := norm.NFC.String(strings.Join(strings.Fields(line), " "))
	if strings.ContainsFunc(s, func(r rune) bool {
		return unicode.IsControl(r) || invisible(r) || r == '\u200c' || r == '\u200d' || r == utf8.RuneError
	}) {
		return ""
	}
	return s
}

// realTexts returns the lines of real text the corpus test runs on, by
// source: the NER training corpora's sentences (skipped without
// ../shared), the dumps in testdata (the two sample dumps among them) and
// the text of the real pages of ../shared/extract/dev.
func realTexts(t *testing.T, source string) []string {
	var texts []string
	add := func(line string) {
		if s := cleanInput(line); s != "" {
			texts = append(texts, s)
		}
	}
	switch source {
	case "corpora":
		for _, s := range sharedSentences(t) {
			add(s)
		}
	case "testdata":
		for _, f := range dumpFiles(t) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(string(data), "\n") {
				add(line)
			}
		}
	case "pages":
		files, _ := filepath.Glob(filepath.Join("..", "shared", "extract", "dev", "*.txt"))
		if len(files) == 0 {
			t.Skip("no ../shared/extract/dev beside the repository (it comes with the project's CI data)")
		}
		for _, f := range files {
			fh, err := os.Open(f)
			if err != nil {
				t.Fatal(err)
			}
			sc := bufio.NewScanner(fh)
			sc.Buffer(nil, 1<<20)
			for sc.Scan() {
				add(sc.Text())
			}
			fh.Close()
		}
	}
	return texts
}

// unrepairable says why the mojibake of s may not come back exactly, or
// returns "": s is real text that repair finds as implausible as its
// mojibake, so that taking it back would risk taking real text for
// mojibake elsewhere. Two kinds are in the corpora: a word that mixes
// scripts (a Cyrillic "С" in "Сomment", a Greek "Υ" in "Υes", put there
// to fool filters), and transcriptions dense with IPA letters
// ("[bɛʁˈnʊli]"), which repair counts as rare.
func unrepairable(s string) string {
	ipa := 0
	for _, r := range s {
		if 0x0250 <= r && r <= 0x02FF || 0x1D00 <= r && r <= 0x1DBF {
			ipa++
		}
	}
	if ipa >= 2 {
		return "IPA"
	}
	var prev rune
	for _, r := range s {
		if a, b := letterScript(prev), letterScript(r); a != "" && b != "" && a != b {
			return "a word of two scripts"
		}
		prev = r
	}
	return ""
}

// letterScript names the script of r when it is a letter of one of those
// the corpora mix into words, or returns "".
func letterScript(r rune) string {
	for _, name := range []string{"Latin", "Greek", "Cyrillic"} {
		if unicode.IsLetter(r) && unicode.Is(unicode.Scripts[name], r) {
			return name
		}
	}
	return ""
}

// TestRepairRealText checks repair on real text: every clean line passes
// through cleaning unchanged, and its mojibake in each of mojibakePages
// comes back exactly, but for the lines unrepairable tells, which are
// counted.
func TestRepairRealText(t *testing.T) {
	for _, source := range []string{"corpora", "testdata", "pages"} {
		t.Run(source, func(t *testing.T) {
			texts := realTexts(t, source)
			var c lineCleaner
			changed, nonASCII := 0, 0
			missed := make([]int, len(mojibakePages))
			known := map[string]int{} // misses unrepairable tells, by why
			for _, s := range texts {
				got, _, err := c.clean([]byte(s))
				if err != nil || string(got) != s {
					changed++
					t.Errorf("clean(%q) = %q, %v; want it unchanged", s, got, err)
					continue
				}
				if isASCII([]byte(s)) {
					continue // its mojibake is itself
				}
				nonASCII++
				for k, p := range mojibakePages {
					m := garble(s, p.cm)
					got, _, err := c.clean([]byte(m))
					if err != nil || string(got) != s {
						missed[k]++
						if why := unrepairable(s); why != "" {
							known[p.name+", "+why]++
							continue
						}
						t.Errorf("%s mojibake %q: clean = %q, %v; want %q", p.name, m, got, err, s)
					}
				}
			}
			t.Logf("%d lines, %d with characters other than ASCII, %d changed by cleaning", len(texts), nonASCII, changed)
			for k, p := range mojibakePages {
				t.Logf("%s: %d of %d repaired exactly", p.name, nonASCII-missed[k], nonASCII)
			}
			for why, n := range known {
				t.Logf("not repaired, as expected (%s): %d", why, n)
			}
		})
	}
}
