package entity

import (
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/newsdump/newsdump/internal/ner"
)

// taggedRun runs the name rules on text as if the tagger had read the
// words from the sixth on as one name of label b (a B label) running
// over the words of list, whatever the tagger would read.
func taggedRun(text, list string, b uint8) []Entity {
	x := taggedExtractor(text, list, b)
	x.names()
	return x.ents
}

// taggedExtractor is the Extractor taggedRun runs the name rules with.
func taggedExtractor(text, list string, b uint8) *Extractor {
	x := new(Extractor)
	x.doc.Reset(text, ner.DefaultGazetteer())
	n := len(x.doc.Toks)
	x.inEntity = make([]bool, n)
	x.labels = make([]uint8, n)
	m := len(strings.Fields(list))
	for k := 5; k < 5+m; k++ {
		x.labels[k] = b + 1
	}
	x.labels[5] = b
	return x
}

// taggedListText puts list in a sentence of five words before it and
// enough words in lower case after it that the sentence is no headline
// in Title Case.
func taggedListText(list string) string {
	return "the deal was made by " + list + " on the day" + strings.Repeat(" with many more words", len(list)/5) + "."
}

// TestTaggedListLinear checks the rules for a tagged name that is a list
// of names ("Airbus and Boeing", "UK Minister Keir Starmer") on lists that
// the tagger takes for one name: each name of the list comes out alone,
// and a list eight times as long takes about eight times as long (the
// ratio of two times measured in one run, which is no speed; the bound is
// three times what a linear cost gives, and both lists are longer than the
// processor's caches hold, so that the ratio is not theirs). Before tagged
// split such lists in a loop, and orgByHead read its "of" heads from a
// table, each name cost a scan of the rest of the list: the ratios were 48
// to 97.
func TestTaggedListLinear(t *testing.T) {
	const n = 2000
	list := strings.Repeat("Grand Union Bank and ", n) + "Royal Bank"
	var got []string
	for _, e := range taggedRun(taggedListText(list), list, ner.LBOrg) {
		got = append(got, string(e.Type)+" "+e.Text)
	}
	var want []string
	for k := 0; k < n; k++ {
		want = append(want, "ORG Grand Union Bank")
	}
	want = append(want, "ORG Royal Bank")
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("a list of %d banks (-want +got):\n%s", n+1, diff)
	}

	for _, tt := range []struct {
		unit, last string
		label      uint8
	}{
		{"Royal Bank & ", "Royal Bank", ner.LBOrg},
		{"Grand Union Bank and ", "Royal Bank", ner.LBOrg},
		{"Royal Bank and ", "Royal Spain", ner.LBOrg},         // no split: one scan
		{"Royal Bank and ", "Royal Bank of Spain", ner.LBOrg}, // a head before "of"
		{"UK Minister ", "Minister Keir", ner.LBPer},          // a place before each title
	} {
		// The name rules alone are timed, the shortest of five runs of
		// each length, taken in turn after a collection, so that other
		// work on the machine and the collector move both alike.
		extractor := func(n int) func() *Extractor {
			list := strings.Repeat(tt.unit, n) + tt.last
			text := taggedListText(list)
			return func() *Extractor { return taggedExtractor(text, list, tt.label) }
		}
		newShort, newLong := extractor(4000), extractor(32000)
		timed := func(x *Extractor) time.Duration {
			runtime.GC()
			start := time.Now()
			x.names()
			return time.Since(start)
		}
		short, long := time.Duration(1<<63-1), time.Duration(1<<63-1)
		for range 5 {
			short = min(short, timed(newShort()))
			long = min(long, timed(newLong()))
		}
		ratio := float64(long) / float64(short)
		t.Logf("%q × 32,000 + %q: %v, %.0f times %v for 4,000", tt.unit, tt.last, long, ratio, short)
		if ratio > 24 {
			t.Errorf("%q × 32,000 + %q takes %v, %.0f times %v for 4,000: the cost grows faster than the list", tt.unit, tt.last, long, ratio, short)
		}
	}
}
