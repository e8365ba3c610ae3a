package newsdump

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// variant is a copy of a that differs only in what the comparison text
// folds away: the title's ASCII letters in capitals, curly double quotes
// made straight, single spaces doubled, and each paragraph re-wrapped
// before its first word that starts with a lower-case ASCII letter and
// follows a letter.
func variant(a Article) Article {
	fold := func(s string) string {
		s = strings.NewReplacer("“", `"`, "”", `"`).Replace(s)
		return strings.ReplaceAll(s, " ", "  ")
	}
	upper := strings.Map(func(r rune) rune {
		if 'a' <= r && r <= 'z' {
			return r - 'a' + 'A'
		}
		return r
	}, a.Title)
	v := Article{Title: fold(upper), Source: Source{File: "variant", Line: a.Source.Line}}
	for _, p := range a.Paragraphs {
		p = fold(p)
		cut := -1
		for i := 1; i+2 < len(p); i++ {
			if p[i] == ' ' && p[i+1] == ' ' && 'a' <= p[i+2] && p[i+2] <= 'z' && unicode.IsLetter(rune(p[i-1])) {
				cut = i
				break
			}
		}
		if cut > 0 {
			v.Paragraphs = append(v.Paragraphs, p[:cut], p[cut+2:])
		} else {
			v.Paragraphs = append(v.Paragraphs, p)
		}
	}
	return v
}

// FuzzDedupe checks deduplication's invariants on the articles of any
// dump: every article is kept or listed as a duplicate exactly once; the
// result is the same on a second run and unchanged by a second
// deduplication; similarities are symmetric and between 0 and 1; and a
// copy that differs only in case, quote style, spacing and line wrapping
// is an exact duplicate.
func FuzzDedupe(f *testing.F) {
	for _, d := range dumpFiles(f) {
		data, err := os.ReadFile(d)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("Ünïcode “Quotes” — and…\n\nTT\n\nÜnïcode “Quotes” — and…\n\nCafe\u0301 \u00a0 ß İ ı \xff\n"))
	f.Fuzz(func(t *testing.T, input []byte) {
		arts, _ := Parse(bytes.NewReader(input), WithFile("in"))
		if len(arts) > 64 {
			arts = arts[:64]
		}
		kept := Dedupe(arts)
		if err := accounted(arts, kept); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(kept, Dedupe(arts)); diff != "" {
			t.Fatalf("second run differs:\n%s", diff)
		}
		if diff := cmp.Diff(kept, Dedupe(kept)); diff != "" {
			t.Fatalf("deduplicating again changed the result:\n%s", diff)
		}
		st := getTextState()
		defer putTextState(st)
		for _, a := range arts {
			for _, line := range append([]string{a.Title}, a.Paragraphs...) {
				if fast, ok := appendFoldedASCII(nil, line); ok {
					if slow := slowFold(st, line); string(fast) != string(slow) {
						t.Fatalf("fast and full folding differ on %q: %q, %q", line, fast, slow)
					}
				}
			}
		}
		for i, a := range arts {
			sa := Signature(a)
			if i > 0 {
				sb := Signature(arts[i-1])
				s1, s2 := sa.Similarity(sb), sb.Similarity(sa)
				if s1 != s2 || s1 < 0 || s1 > 1 {
					t.Fatalf("similarities %v and %v", s1, s2)
				}
			}
			v := variant(a)
			got := Dedupe([]Article{a, v}, WithExactOnly())
			if len(got) != 1 {
				t.Fatalf("a variant is not an exact duplicate:\n%q %q\n%q %q", a.Title, a.Paragraphs, v.Title, v.Paragraphs)
			}
			if sv := Signature(v); sv != sa {
				t.Fatalf("a variant has another signature")
			}
		}
	})
}

// slowFold is the full path of textState.addLine: NFC, case folding,
// punctuation folding.
func slowFold(st *textState, s string) []byte {
	st.nfc = norm.NFC.AppendString(st.nfc[:0], s)
	folded, _, err := transform.Append(st.caser, make([]byte, 0, len(st.nfc)+foldSlack), st.nfc)
	if err != nil {
		folded = st.nfc
	}
	return appendFoldedPunct(nil, folded)
}
