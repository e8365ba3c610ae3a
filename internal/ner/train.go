package ner

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"

	"github.com/newsdump/newsdump/internal/ner/conll"
)

// GoldLabels projects gold spans onto d's tokens: the tokens inside a
// PER, ORG, LOC or other (OTH, MISC) span get B-/I- labels, all others O.
func GoldLabels(d *Doc, spans []conll.Span, labels []uint8) {
	for i := range labels {
		labels[i] = LO
	}
	for _, s := range spans {
		var b uint8
		switch s.Type {
		case "PER":
			b = LBPer
		case "ORG":
			b = LBOrg
		case "LOC":
			b = LBLoc
		case "OTH", "MISC":
			b = LBMisc
		default:
			continue
		}
		// The tokens inside the span: tokens are in order and apart, so
		// they are one range.
		lo, hi := spanTokens(d, s.Start, s.End)
		// GUM calls groups of people by nationality ("Americans",
		// "Muslims") persons; here they are other names (NORP).
		if b == LBPer && hi-lo == 1 && d.GazB[lo]&(GDemonym|GCountry) != 0 {
			b = LBMisc
		}
		// GUM puts titles inside person spans ("Professor X",
		// "Secretary of State X"); newsdump, like UNER, leaves them out,
		// with the portfolio after "of" or "for".
		if b == LBPer {
			skipped := false // a title is left out
			for lo+1 < hi {
				if d.GazB[lo]&GTitle != 0 {
					lo, skipped = lo+1, true
					continue
				}
				// "of State", "for Health" after a title, with a name left.
				if low := string(d.Low[d.LowOff[lo][0]:d.LowOff[lo][1]]); skipped && lo+2 < hi && (low == "of" || low == "for") {
					lo += 2
					continue
				}
				break
			}
		}
		for i := lo; i < hi; i++ {
			labels[i] = b + 1
		}
		if lo < hi {
			labels[lo] = b
		}
	}
}

// spanTokens returns the tokens [lo, hi) of d that lie inside bytes
// [start, end) of its text.
func spanTokens(d *Doc, start, end int) (lo, hi int) {
	for lo < len(d.Toks) && int(d.Toks[lo].Start) < start {
		lo++
	}
	hi = lo
	for hi < len(d.Toks) && int(d.Toks[hi].End) <= end {
		hi++
	}
	return lo, hi
}

type example struct {
	feats []uint32 // buckets of all tokens, back to back
	offs  []int32  // token i's buckets are feats[offs[i]:offs[i+1]]
	gold  []uint8
	// free marks the tokens whose labels the corpus does not give
	// (conll.Sentence.Unlabelled); nil when there are none.
	free []bool
}

// latentGold returns the labels the update takes as gold for an example
// with free tokens: the best path under the current weights (emission
// scores score, transitions tw) among those that keep the corpus's label
// on every other token. This is the latent-variable perceptron's way of
// learning from partly labelled sentences: the free tokens neither teach
// the labels they were wrongly given nor cost the sentence.
func latentGold(tw *[NLabels + 1][NLabels]float32, ex *example, score []float32, back, out []uint8) []uint8 {
	n := len(ex.gold)
	s := make([]float32, n*NLabels)
	copy(s, score[:n*NLabels])
	for i := range n {
		if ex.free[i] {
			continue
		}
		for l := range NLabels {
			if uint8(l) != ex.gold[i] {
				s[i*NLabels+l] = -1e30
			}
		}
	}
	out = append(out, make([]uint8, n)...)
	viterbi(tw, s, back, out, -1e30)
	return out
}

// TrainOptions are Train's settings.
type TrainOptions struct {
	Epochs int      // passes over the sentences in each run
	Seeds  []uint64 // one run per shuffling seed; the runs' weights are averaged
	// Margin makes each update cost-augmented: the decode the update
	// compares with gold adds Margin to the score of every label but the
	// gold one at each labelled token, so that a sentence the weights
	// read right but only just is still learnt from, until gold wins by
	// about Margin a token, where a plain perceptron stops at the first
	// weights that read it right, however thin their lead. Zero is the
	// plain perceptron, which the embedded model is: nertrain's doc has
	// what a margin did on the dev and test sets.
	Margin float32
}

// Train fits an averaged structured perceptron on the sentences for
// o.Epochs passes, once for each shuffling seed of o.Seeds, and keeps the
// mean of the runs' averaged weights, logging progress to log. One run's
// figures move by about a point with its seed (the order it sees the
// sentences in); the mean of several moves less, as bagging does, and
// costs only training time: the model is one table whatever the number
// of runs. The tokens of a sentence's Unlabelled spans are free: the
// update takes them as the model reads them (latentGold), and they get
// no margin.
func Train(sents []conll.Sentence, g *Gazetteer, o TrainOptions, log io.Writer) *Model {
	exs := examples(sents, g)
	size := NLabels << HashBits
	w := make([]float32, size)
	var tw [NLabels + 1][NLabels]float32
	for _, seed := range o.Seeds {
		rw, rtw := trainRun(exs, o.Epochs, o.Margin, seed, log)
		for i, v := range rw {
			w[i] += v / float32(len(o.Seeds))
		}
		for a := range tw {
			for b := range tw[a] {
				tw[a][b] += rtw[a][b] / float32(len(o.Seeds))
			}
		}
	}
	// Quantise to int16 on one scale for all weights.
	maxAbs := float32(0)
	for _, v := range w {
		if a := float32(math.Abs(float64(v))); a > maxAbs {
			maxAbs = a
		}
	}
	scale := float32(1)
	if maxAbs > 0 {
		scale = 32000 / maxAbs
	}
	q := make([]int16, size)
	for i, v := range w {
		q[i] = int16(math.Round(float64(v * scale)))
	}
	m := newModel(q, g)
	for a := range tw {
		for b := range tw[a] {
			m.Trans[a][b] = int32(math.Round(float64(tw[a][b] * scale)))
		}
	}
	fmt.Fprintf(log, "max |weight| %.3f, scale %.1f\n", maxAbs, scale)
	return m
}

// examples turns the sentences into feature buckets and gold labels.
func examples(sents []conll.Sentence, g *Gazetteer) []example {
	var d Doc
	var fs []uint64
	exs := make([]example, 0, len(sents))
	for _, s := range sents {
		d.Reset(s.Text, g)
		if len(d.Toks) == 0 {
			continue
		}
		ex := example{gold: make([]uint8, len(d.Toks)), offs: make([]int32, 0, len(d.Toks)+1)}
		GoldLabels(&d, s.Spans, ex.gold)
		for _, u := range s.Unlabelled {
			lo, hi := spanTokens(&d, u.Start, u.End)
			if lo < hi && ex.free == nil {
				ex.free = make([]bool, len(d.Toks))
			}
			for i := lo; i < hi; i++ {
				ex.free[i] = true
			}
		}
		for i := range d.Toks {
			ex.offs = append(ex.offs, int32(len(ex.feats)))
			fs = d.Features(i, fs[:0])
			for _, f := range fs {
				ex.feats = append(ex.feats, Bucket(f))
			}
		}
		ex.offs = append(ex.offs, int32(len(ex.feats)))
		exs = append(exs, ex)
	}
	return exs
}

// addCost adds margin to the score of every label but gold's at each
// token the example labels (see TrainOptions.Margin).
func addCost(score []float32, gold []uint8, free []bool, margin float32) {
	for i, g := range gold {
		if free != nil && free[i] {
			continue
		}
		for l, row := 0, score[i*NLabels:][:NLabels]; l < NLabels; l++ {
			if uint8(l) != g {
				row[l] += margin
			}
		}
	}
}

// trainRun is one run of Train: the averaged emission and transition
// weights after epochs passes over exs in the orders seed draws.
func trainRun(exs []example, epochs int, margin float32, seed uint64, log io.Writer) ([]float32, [NLabels + 1][NLabels]float32) {
	size := NLabels << HashBits
	w := make([]float32, size)
	u := make([]float32, size) // sum of c*update, for averaging
	var tw, tu [NLabels + 1][NLabels]float32
	c := float32(1)
	rng := rand.New(rand.NewPCG(seed, seed^0x5eed))
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	var pred, gold []uint8
	var score []float32
	var back []uint8
	for ep := 0; ep < epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, toks := 0, 0
		for _, k := range order {
			ex := &exs[k]
			n := len(ex.gold)
			score = grow(score, n*NLabels)
			back = grow(back, n*NLabels)
			pred = grow(pred, n)
			for i := 0; i < n; i++ {
				var acc [NLabels]float32
				for _, b := range ex.feats[ex.offs[i]:ex.offs[i+1]] {
					row := w[int(b)*NLabels:][:NLabels]
					for l := range acc {
						acc[l] += row[l]
					}
				}
				copy(score[i*NLabels:], acc[:])
			}
			gold = ex.gold
			if ex.free != nil {
				gold = latentGold(&tw, ex, score, back, gold[:0:0])
			}
			if margin != 0 {
				addCost(score, gold, ex.free, margin)
			}
			viterbi(&tw, score, back, pred, -1e30)
			toks += n
			update := func(i int, l uint8, delta float32) {
				for _, b := range ex.feats[ex.offs[i]:ex.offs[i+1]] {
					w[int(b)*NLabels+int(l)] += delta
					u[int(b)*NLabels+int(l)] += c * delta
				}
			}
			for i := 0; i < n; i++ {
				pg, pp := NLabels, NLabels
				if i > 0 {
					pg, pp = int(gold[i-1]), int(pred[i-1])
				}
				if gold[i] != pred[i] {
					errs++
					update(i, gold[i], 1)
					update(i, pred[i], -1)
				}
				if gold[i] != pred[i] || pg != pp {
					tw[pg][gold[i]]++
					tu[pg][gold[i]] += c
					tw[pp][pred[i]]--
					tu[pp][pred[i]] -= c
				}
			}
			c++
		}
		fmt.Fprintf(log, "epoch %d: %d sentences, token error %.2f%%\n", ep+1, len(exs), 100*float64(errs)/float64(toks))
	}
	// Average.
	for i := range w {
		w[i] -= u[i] / c
	}
	for a := range tw {
		for b := range tw[a] {
			tw[a][b] -= tu[a][b] / c
		}
	}
	return w, tw
}
