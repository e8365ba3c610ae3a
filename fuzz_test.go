package newsdump

import (
	"bytes"
	"errors"
	"fmt"
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
		if err != nil && !errors.Is(err, ErrBinary) {
			t.Fatalf("Parse: %v", err)
		}
		bytewise, err2 := Parse(iotest.OneByteReader(bytes.NewReader(input)))
		if fmt.Sprint(err) != fmt.Sprint(err2) {
			t.Fatalf("Parse, one byte at a time: error %v, want %v", err2, err)
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
		if err != nil {
			return // a binary line: the articles before it are checked above
		}
		for i, s := range inputLines(t, input) {
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

// inputLines returns the lines of input as the parser sees them: decoded,
// split and cleaned, but not yet segmented into articles.
func inputLines(t *testing.T, input []byte) []string {
	t.Helper()
	r := NewReader(bytes.NewReader(input))
	if r.Encoding() == "" {
		t.Fatalf("no encoding for input the parser accepted")
	}
	input = input[r.dec.bom:]
	if r.dec.stream != nil {
		var err error
		if input, err = r.dec.stream.NewDecoder().Bytes(input); err != nil {
			t.Fatal(err)
		}
	}
	var lines []string
	for len(input) > 0 {
		n := lineEnd(input)
		text, _, err := r.lineText(input[:n])
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, string(text))
		input = input[n:]
	}
	return lines
}
