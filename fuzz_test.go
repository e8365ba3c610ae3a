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

// FuzzExtractEntities checks ExtractEntities on arbitrary text: no panic;
// every entity's Text is exactly text[Start:End], non-empty and valid
// offsets; entities are in order and do not overlap; types are known.
func FuzzExtractEntities(f *testing.F) {
	for _, d := range dumpFiles(f) {
		data, err := os.ReadFile(d)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	f.Add("US Secretary of State Antony Blinken’s visit on Oct. 7, 2023, cost $1.8 billion.")
	f.Add("Brig. Gen. al- U.S. 2023-11- 15-month - at least $ 1,2,3 Friday, April")
	known := map[EntityType]bool{PERSON: true, ORG: true, LOCATION: true, NORP: true, DATE: true, NUMBER: true, MONEY: true, PERCENT: true}
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, e := range ExtractEntities(text) {
			if e.Start < prev || e.End <= e.Start || e.End > len(text) {
				t.Fatalf("bad span [%d,%d) after %d in %d bytes: %+v", e.Start, e.End, prev, len(text), e)
			}
			if text[e.Start:e.End] != e.Text {
				t.Fatalf("Text %q is not text[%d:%d] = %q", e.Text, e.Start, e.End, text[e.Start:e.End])
			}
			if !known[e.Type] {
				t.Fatalf("unknown type %q", e.Type)
			}
			prev = e.End
		}
	})
}
