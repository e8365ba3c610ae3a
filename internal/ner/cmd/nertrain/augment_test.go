package main

import (
	"slices"
	"testing"

	"github.com/newsdump/newsdump/internal/ner/conll"
)

// Replaced names keep their types, their spans point at them in the new
// text, the other spans move with the text around them, and the same seed
// draws the same sentences.
func TestAugment(t *testing.T) {
	text := "Shares of Acme Corp rose in Paris, Jane Doe said."
	sents := []conll.Sentence{
		{Text: text, Spans: []conll.Span{{Start: 10, End: 19, Type: "ORG"}, {Start: 28, End: 33, Type: "LOC"}, {Start: 35, End: 43, Type: "PER"}}},
		{Text: "No names here."},
	}
	n := names{"ORG": {"Allis-Chalmers", "Bank of Tokyo"}, "FIRST": {"Ann"}, "LAST": {"Lee"}, "LOC": {"Lima"}}
	for _, tc := range []struct {
		types map[string]bool
		want  []string
	}{
		{map[string]bool{"ORG": true}, []string{"ORG", "LOC Paris", "PER Jane Doe"}},
		{map[string]bool{"ORG": true, "PER": true, "LOC": true}, []string{"ORG", "LOC Lima", "PER Ann Lee"}},
	} {
		got := augment(sents, n, tc.types, 2, 1)
		if len(got) != 2 {
			t.Fatalf("%d sentences, want 2 (two copies of the one sentence with a name)", len(got))
		}
		for _, s := range got {
			if len(s.Spans) != 3 {
				t.Fatalf("%q: %d spans", s.Text, len(s.Spans))
			}
			org := s.Text[s.Spans[0].Start:s.Spans[0].End]
			if s.Spans[0].Type != "ORG" || !slices.Contains(n["ORG"], org) {
				t.Errorf("%q: organisation %q", s.Text, org)
			}
			for k, w := range tc.want[1:] {
				sp := s.Spans[k+1]
				if g := sp.Type + " " + s.Text[sp.Start:sp.End]; g != w {
					t.Errorf("%q: span %q, want %q", s.Text, g, w)
				}
			}
		}
		if again := augment(sents, n, tc.types, 2, 1); !slices.EqualFunc(got, again, func(a, b conll.Sentence) bool {
			return a.Text == b.Text && slices.Equal(a.Spans, b.Spans)
		}) {
			t.Error("the same seed drew other sentences")
		}
	}
	if got := augment(sents, n, map[string]bool{"ORG": true}, 0, 1); len(got) != 0 {
		t.Errorf("-augment 0 added %d sentences", len(got))
	}
}

func TestCapitalise(t *testing.T) {
	for in, want := range map[string]string{
		"al jazeera": "Al Jazeera", "bbc": "BBC", "ymca": "YMCA", "at&t": "AT&T",
		"ashland oil": "Ashland Oil", "bank of america": "Bank of America", "boston red sox": "Boston Red Sox",
	} {
		if got := capitalise(in); got != want {
			t.Errorf("capitalise(%q) = %q, want %q", in, got, want)
		}
	}
}
