package ner

import (
	"io"
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

// latentGold keeps the corpus's labels where it gives them and takes the
// best path the scores allow on the free tokens, within BIO.
func TestLatentGold(t *testing.T) {
	var tw [NLabels + 1][NLabels]float32
	// "the United States spoke": the scores prefer a place on the two
	// free tokens, and a person on "the", whose gold O holds.
	gold := []uint8{LO, LO, LO, LO}
	score := make([]float32, 4*NLabels)
	score[0*NLabels+LBPer] = 5
	score[1*NLabels+LBLoc] = 3
	score[2*NLabels+LILoc] = 3
	score[3*NLabels+LBOrg] = 1
	ex := &example{gold: gold, free: []bool{false, true, true, false}}
	got := latentGold(&tw, ex, score, make([]uint8, 4*NLabels), nil)
	if diff := cmp.Diff([]uint8{LO, LBLoc, LILoc, LO}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// An I- label cannot open a free run after a gold O, however it scores.
	score = make([]float32, 2*NLabels)
	score[1*NLabels+LIOrg] = 9
	score[1*NLabels+LBOrg] = 1
	ex = &example{gold: []uint8{LO, LO}, free: []bool{false, true}}
	tw[LO][LIOrg] = -1e30 // as training learns it
	got = latentGold(&tw, ex, score, make([]uint8, 2*NLabels), nil)
	if diff := cmp.Diff([]uint8{LO, LBOrg}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// Training on sentences that leave a name unlabelled learns it from the
// sentences that label it, where learning the unlabelled ones as O would
// teach O.
func TestTrainUnlabelled(t *testing.T) {
	g := NewGazetteer("")
	var sents []conll.Sentence
	for i := range 30 {
		text := "They flew to the Zembla Isles today"
		sp := conll.Span{Start: strings.Index(text, "Zembla"), End: strings.Index(text, " today"), Type: "LOC"}
		s := conll.Sentence{Text: text, Spans: []conll.Span{sp}}
		if i%3 != 0 { // two in three leave it out
			s = conll.Sentence{Text: text, Unlabelled: []conll.Span{{Start: sp.Start, End: sp.End}}}
		}
		sents = append(sents, s)
	}
	m := Train(sents, g, TrainOptions{Epochs: 4, Seeds: []uint64{1, 2}}, io.Discard)
	var d Doc
	d.Reset("They flew to the Zembla Isles today", g)
	labels := make([]uint8, len(d.Toks))
	m.Tag(&d, labels, &Scratch{})
	if diff := cmp.Diff([]uint8{LO, LO, LO, LO, LBLoc, LILoc, LO}, labels); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// The cost-augmented decode adds the margin to every label but gold's,
// and to no label of a free token.
func TestAddCost(t *testing.T) {
	score := make([]float32, 3*NLabels)
	addCost(score, []uint8{LO, LBPer, LIPer}, []bool{false, false, true}, 2)
	want := make([]float32, 3*NLabels)
	for i, g := range []uint8{LO, LBPer} {
		for l := range NLabels {
			if uint8(l) != g {
				want[i*NLabels+l] = 2
			}
		}
	}
	if diff := cmp.Diff(want, score); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
