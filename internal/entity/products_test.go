package entity

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A one-word name before a product noun is no person, and an oil
// benchmark's name is no name at all in a text that names a benchmark as
// the crude (dropProducts). The cases whose premise is a reading of the
// tagger are in TestNameRulesGivenReading.
func TestProducts(t *testing.T) {
	per := func(s string) span { return span{Person, s} }
	org := func(s string) span { return span{Org, s} }
	loc := func(s string) span { return span{Location, s} }
	for _, tt := range []struct {
		text  string
		want  []span
		crude bool // NamesCrude
		why   string
	}{
		{"Brent crude rose 2% on Monday.", nil, true, "a product noun after the benchmark"},
		{"Brent futures fell, and Brent settled at $80.", nil, true, "every mention once one says so"},
		{"Oil prices rose, with benchmark Brent up 1%.", nil, true, "'benchmark' before it"},
		{"WTI crude fell 1%.", nil, true, "WTI as Brent"},
		{"BRENT CRUDE ROSE 2%.", nil, true, "a name in capitals and its noun in capitals (before: an ORG)"},
		{"Brent rose to $80 a barrel.", nil, true, "a price per barrel in its sentence (before: a PERSON)"},
		{"WTI crude fell 1% while Brent rose.", nil, true, "one benchmark named as the crude makes the others crude (before: Brent a PERSON)"},
		{"WTI fell 1%.", []span{org("WTI")}, false, "negative: nothing says it is the crude, so the tagger's ORG stays, as before"},
		{"Brent Spiner played Data.", []span{per("Brent Spiner")}, false, "negative: a person of two words"},
		{"Brent said the crude was cheap.", []span{per("Brent")}, false, "negative: no product noun right after, no price per barrel"},
		{"Brent said so. Oil cost $80 a barrel.", []span{per("Brent")}, false, "negative: the price per barrel is in another sentence"},
		{"Kent crude is no benchmark.", []span{loc("Kent")}, false, "negative: no benchmark's name and no person, so the tagger's place stays"},
		{"Dow futures fell.", nil, false, "the same: a market"},
		{"DOW FUTURES FELL.", nil, false, "the same in capitals"},
		{"The riders of the Tour de France reached the Alps on Sunday.", []span{loc("Alps")}, false,
			"a race named after a country is no organisation, nor is the country inside it"},
		{"Fans travelled to France for the final.", []span{loc("France")}, false, "negative: France alone is the country"},
		{"NASA delayed its Artemis mission again.", []span{org("NASA")}, false, "a mission's name is no person"},
	} {
		var x Extractor
		var got []span
		for _, e := range x.Extract(tt.text, nil) {
			if e.Type == Person || e.Type == Org || e.Type == Location {
				got = append(got, span{e.Type, e.Text})
			}
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: %q (-want +got):\n%s", tt.why, tt.text, diff)
		}
		if x.NamesCrude() != tt.crude {
			t.Errorf("%s: %q: NamesCrude() = %v, want %v", tt.why, tt.text, x.NamesCrude(), tt.crude)
		}
	}
	if !IsBenchmarkName("Brent") || IsBenchmarkName("Kent") {
		t.Error("IsBenchmarkName: Brent is a benchmark's name, Kent is not")
	}
}
