package newsdump

import (
	"bytes"
	"os"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// FuzzParse checks the parser's invariants on arbitrary input: it never
// fails on in-memory input within the size limit; it gives the same
// articles fed one byte at a time; every Source points at its title; no
// chrome line reaches a field; and no text is lost: every non-blank input
// line other than chrome is a title, a caption or a paragraph of some
// article.
func FuzzParse(f *testing.F) {
	for _, d := range dumpFiles(f) {
		data, err := os.ReadFile(d)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("TT\n20\n\n\n\nTT"))
	f.Add([]byte("A\nB (x)\nB (x)\nTT\nA\nC\nD (y)\nTT\nC\nE"))
	f.Fuzz(func(t *testing.T, input []byte) {
		arts, err := Parse(bytes.NewReader(input))
		if err != nil {
			t.Fatalf("Parse: %v", err)
		}
		bytewise, err := Parse(iotest.OneByteReader(bytes.NewReader(input)))
		if err != nil {
			t.Fatalf("Parse, one byte at a time: %v", err)
		}
		if diff := cmp.Diff(arts, bytewise, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("one byte at a time differs (-whole +bytewise):\n%s", diff)
		}
		checkSources(t, input, arts)

		kept := map[string]bool{}
		for _, a := range arts {
			if a.Title == "" || a.Title == "TT" {
				t.Fatalf("bad title %q", a.Title)
			}
			kept[a.Title] = true
			for _, p := range a.Paragraphs {
				if p == "" || p == "TT" {
					t.Fatalf("bad paragraph %q", p)
				}
				kept[p] = true
			}
			for _, c := range a.Captions {
				kept["caption:"+c.Text+"\x00"+c.Credit] = true
			}
		}
		for i, raw := range bytes.Split(input, []byte("\n")) {
			line, _ := cleanLine(raw)
			s := string(line)
			if chromeOrBlank(s) {
				continue
			}
			c := splitCaption(s)
			if !kept[s] && !kept["caption:"+c.Text+"\x00"+c.Credit] {
				t.Fatalf("line %d %q is in no article", i+1, s)
			}
		}
	})
}
