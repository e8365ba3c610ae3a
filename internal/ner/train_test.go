package ner

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/newsdump/newsdump/internal/ner/conll"
)

// GoldLabels leaves the titles at the start of a gold person span out,
// with the portfolio after "of" ("Secretary of State"), as UNER and
// newsdump do; a name with "of" inside it keeps it.
func TestGoldLabelsTitles(t *testing.T) {
	g := NewGazetteer("")
	for _, tt := range []struct {
		text, span string
		want       []uint8
	}{
		{"US Secretary of State Antony Blinken spoke", "Secretary of State Antony Blinken", []uint8{LO, LO, LO, LO, LBPer, LIPer, LO}},
		{"Professor Ada Lovelace spoke", "Professor Ada Lovelace", []uint8{LO, LBPer, LIPer, LO}},
		{"Prime Minister Keir Starmer spoke", "Prime Minister Keir Starmer", []uint8{LO, LO, LBPer, LIPer, LO}},
		{"Catherine of Aragon spoke", "Catherine of Aragon", []uint8{LBPer, LIPer, LIPer, LO}},
		{"the President spoke", "President", []uint8{LO, LBPer, LO}}, // a title alone stays
	} {
		var d Doc
		d.Reset(tt.text, g)
		st := strings.Index(tt.text, tt.span)
		labels := make([]uint8, len(d.Toks))
		GoldLabels(&d, []conll.Span{{Start: st, End: st + len(tt.span), Type: "PER"}}, labels)
		if diff := cmp.Diff(tt.want, labels); diff != "" {
			t.Errorf("%q, span %q (-want +got):\n%s", tt.text, tt.span, diff)
		}
	}
}
