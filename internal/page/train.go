package page

import (
	"errors"
	"math"
	"math/rand"
	"strconv"
	"strings"
)

// Example is one annotated page for Train.
type Example struct {
	Lines []string // the page's lines, as Extract takes them
	Gold  string   // the article body, paragraphs separated by blank lines
	Title string   // the headline as one of the lines prints it ("" if unknown)
	// Group names the site (or any unit) the page belongs to: Train
	// keeps the pages of a group together when it cross-fits. Pages
	// without one are grouped in consecutive pairs.
	Group string
}

// TrainOptions tune Train; zero fields take the defaults.
type TrainOptions struct {
	Bits   uint    // log2 of the weight vectors (default 13)
	Epochs int     // SGD passes (default 20)
	Rate   float64 // learning rate (default 0.02)
	L2     float64 // weight decay per update (default 1e-6)
	Switch float32 // decoder switching penalty (default 5)
	Weight float32 // decoder length weighting (default 1)
	// Bags is the number of models, each fitted to a bootstrap sample
	// of the pages, whose weights are averaged (default 1: one model on
	// all pages).
	Bags int
	Seed int64
}

func (o *TrainOptions) defaults() {
	if o.Bits == 0 {
		o.Bits = 13
	}
	if o.Epochs == 0 {
		o.Epochs = 20
	}
	if o.Rate == 0 {
		o.Rate = 0.02
	}
	if o.L2 == 0 {
		o.L2 = 1e-6
	}
	if o.Switch == 0 {
		o.Switch = 5
	}
	if o.Weight == 0 {
		o.Weight = 1
	}
	if o.Bags == 0 {
		o.Bags = 1
	}
}

// Train fits a model to annotated pages. Body labels come from the gold
// text: a line is body when most of its 4-token shingles are gold
// shingles not yet claimed by an earlier line (so a repeated copy of a
// paragraph is not body), or, for lines under four tokens, when its
// tokens occur in the gold and a neighbouring long line is body.
func Train(examples []Example, opts TrainOptions) (*Model, error) {
	opts.defaults()
	if len(examples) == 0 {
		return nil, errors.New("page: no examples")
	}
	m := &Model{Bits: opts.Bits, Switch: opts.Switch, Weight: opts.Weight}
	n := 1 << opts.Bits
	m.Pre = make([]float32, n)
	m.Body = make([]float32, n)
	m.Title = make([]float32, n)
	rng := rand.New(rand.NewSource(opts.Seed))

	ctxs := make([]*pageCtx, len(examples))
	labels := make([][]bool, len(examples))
	for e, ex := range examples {
		c := new(pageCtx)
		c.init(ex.Lines, nil)
		ctxs[e] = c
		labels[e] = labelLines(c, ex.Gold)
	}

	// First pass: body without headline features. The second pass and
	// the headline model learn from the first pass's scores, which must
	// look as they will on unseen pages: each page's first-pass scores
	// come from a model fitted without its group (cross-fitting).
	trainBody(m, m.Pre, ctxs, labels, opts, rng, preFeatures)
	cross := crossFolds(examples, crossFits)
	for f := 0; f < crossFits; f++ {
		w := m.Pre
		if cross != nil {
			var sub []*pageCtx
			var subLab [][]bool
			for e := range ctxs {
				if cross[e] != f {
					sub = append(sub, ctxs[e])
					subLab = append(subLab, labels[e])
				}
			}
			w = make([]float32, n)
			trainBody(m, w, sub, subLab, opts, rng, preFeatures)
		}
		for e, c := range ctxs {
			if cross != nil && cross[e] != f {
				continue
			}
			c.preScore, c.bodyBase, c.pass = grow(c.preScore, len(c.nb)), grow(c.bodyBase, len(c.nb)), grow(c.pass, len(c.nb))
			scoreBase(c, w, m.Body, opts.Bits, c.preScore, c.bodyBase, nil)
			m.firstPass(c, c.preScore, c.pass)
		}
		if cross == nil {
			break
		}
	}

	// Headline: softmax over each page's candidates.
	type titlePage struct {
		feats [][]uint32
		gold  int // index into feats
		ex    int // index into examples
	}
	var tps []titlePage
	for e, c := range ctxs {
		if len(c.nb) == 0 {
			continue
		}
		gk := findTitle(c, examples[e].Title)
		if gk < 0 || !c.titleCandidate(gk) {
			continue
		}
		first := c.text(c.nb[0])
		c.prepTitle(first)
		tp := titlePage{gold: -1, ex: e}
		for k := range c.nb {
			if !c.cand[k] {
				continue
			}
			if k == gk {
				tp.gold = len(tp.feats)
			}
			tp.feats = append(tp.feats, c.titleFeatures(k, first, opts.Bits, nil))
		}
		tps = append(tps, tp)
	}
	bagged(m.Title, len(tps), opts, rng, func(w []float32, mul []float32) {
		trainSoftmax(w, len(tps), func(p int) ([][]uint32, int, float64) {
			if mul != nil {
				return tps[p].feats, tps[p].gold, float64(mul[p])
			}
			return tps[p].feats, tps[p].gold, 1
		}, opts, rng)
	})

	// Second pass: body with the annotated headline where the page has
	// one, else the one the trained title model picks (as at extraction
	// time). Fitting to the true headline measured better on held-out
	// sites than fitting to the in-sample pick.
	for e, c := range ctxs {
		if len(c.nb) > 0 {
			c.title = m.pickTitle(c, nil)
			if gk := findTitle(c, examples[e].Title); gk >= 0 {
				c.title = gk
			}
		}
	}
	trainBody(m, m.Body, ctxs, labels, opts, rng, func(c *pageCtx, k int, bits uint, dst []uint32) []uint32 {
		return c.secondFeatures(k, bits, c.baseFeatures(k, bits, dst))
	})
	return m, nil
}

// crossFits is the number of folds the first pass is cross-fitted on.
const crossFits = 4

// crossFolds assigns examples to k folds by Group (examples without one
// are grouped in consecutive pairs, the two converters of a page), or
// returns nil if there are too few groups to fold.
func crossFolds(examples []Example, k int) []int {
	ids := map[string]int{}
	group := make([]int, len(examples))
	for e, ex := range examples {
		key := ex.Group
		if key == "" {
			key = "\x00" + strconv.Itoa(e/2)
		}
		id, ok := ids[key]
		if !ok {
			id = len(ids)
			ids[key] = id
		}
		group[e] = id
	}
	if k < 2 || len(ids) < 2*k {
		return nil
	}
	// Deal groups out in a fixed pseudo-random order.
	perm := rand.New(rand.NewSource(int64(len(ids)))).Perm(len(ids))
	for e := range group {
		group[e] = perm[group[e]] % k
	}
	return group
}

// preFeatures are the first pass's features: the base ones and the
// no-headline constant.
func preFeatures(c *pageCtx, k int, bits uint, dst []uint32) []uint32 {
	return append(c.baseFeatures(k, bits, dst), feat(tTitleDist, 0, bits))
}

// trainBody fits w, a body-line logistic regression, on the pages'
// non-blank lines with their current headline.
func trainBody(m *Model, w []float32, ctxs []*pageCtx, labels [][]bool, opts TrainOptions, rng *rand.Rand, feats func(c *pageCtx, k int, bits uint, dst []uint32) []uint32) {
	var xs [][]uint32
	var ys []bool
	var ws []float32
	var pg []int32
	for e, c := range ctxs {
		var tot float32
		start := len(ws)
		for k := range c.nb {
			xs = append(xs, feats(c, k, opts.Bits, nil))
			ys = append(ys, labels[e][k])
			lw := lineWeight(&c.li[c.nb[k]], m.Weight)
			ws = append(ws, lw)
			pg = append(pg, int32(e))
			tot += lw
		}
		// Each page weighs the same in total, as in the score.
		for x := start; x < len(ws); x++ {
			ws[x] *= 200 / tot
		}
	}
	bagged(w, len(ctxs), opts, rng, func(w []float32, mul []float32) {
		bw := ws
		if mul != nil {
			bw = make([]float32, len(ws))
			for x := range ws {
				bw[x] = ws[x] * mul[pg[x]]
			}
		}
		trainLogistic(w, xs, ys, bw, opts, rng)
	})
}

// bagged fits w with fit, once on all pages or, for opts.Bags > 1, once
// per bootstrap sample of the pages (mul holds each page's multiplicity
// in the sample), and averages the fits.
func bagged(w []float32, pages int, opts TrainOptions, rng *rand.Rand, fit func(w []float32, mul []float32)) {
	if opts.Bags <= 1 {
		fit(w, nil)
		return
	}
	sum := make([]float64, len(w))
	tmp := make([]float32, len(w))
	mul := make([]float32, pages)
	for b := 0; b < opts.Bags; b++ {
		clear(mul)
		for p := 0; p < pages; p++ {
			mul[rng.Intn(pages)]++
		}
		clear(tmp)
		fit(tmp, mul)
		for i, v := range tmp {
			sum[i] += float64(v)
		}
	}
	for i := range w {
		w[i] = float32(sum[i] / float64(opts.Bags))
	}
}

// findTitle returns the non-blank index of the line equal to title after
// trimming and collapsing spaces, -1 if none.
func findTitle(c *pageCtx, title string) int {
	want := strings.Join(strings.Fields(title), " ")
	if want == "" {
		return -1
	}
	// Prefer a match after the first line: html-text prints the <title>
	// first, and it equals the headline on some sites.
	found := -1
	for k, i := range c.nb {
		if strings.Join(strings.Fields(c.text(i)), " ") == want {
			if k > 0 {
				return k
			}
			found = k
		}
	}
	return found
}

// labelLines returns, per non-blank line, whether it is body text.
func labelLines(c *pageCtx, gold string) []bool {
	gt := Tokens(nil, gold)
	sh := make(map[string]int)
	grams := make(map[string]bool)
	for x := range gt {
		if x+4 <= len(gt) {
			sh[join(gt[x:x+4])]++
		}
		for l := 1; l <= 3 && x+l <= len(gt); l++ {
			grams[join(gt[x:x+l])] = true
		}
	}
	lab := make([]bool, len(c.nb))
	short := make([]bool, len(c.nb))
	var toks []string
	for k, i := range c.nb {
		toks = Tokens(toks[:0], c.text(i))
		for j := i + 1; j < len(c.li) && c.li[j].cont; j++ {
			toks = Tokens(toks, c.text(j))
		}
		if len(toks) < 4 {
			short[k] = len(toks) > 0 && grams[join(toks)]
			continue
		}
		var hit, tot int
		for x := 0; x+4 <= len(toks); x++ {
			tot++
			if sh[join(toks[x:x+4])] > 0 {
				hit++
			}
		}
		if hit*2 >= tot {
			lab[k] = true
			for x := 0; x+4 <= len(toks); x++ {
				if s := join(toks[x : x+4]); sh[s] > 0 {
					sh[s]--
				}
			}
		}
	}
	for k := range c.nb {
		if short[k] && ((k > 0 && lab[k-1]) || (k+1 < len(lab) && lab[k+1])) {
			lab[k] = true
		}
	}
	return lab
}

func trainLogistic(w []float32, xs [][]uint32, ys []bool, ws []float32, o TrainOptions, rng *rand.Rand) {
	avg := make([]float64, len(w))
	order := rng.Perm(len(xs))
	for ep := 0; ep < o.Epochs; ep++ {
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		rate := float32(o.Rate / (1 + float64(ep)*0.5))
		decay := float32(1 - o.L2)
		for _, x := range order {
			p := sigmoid(dot(w, xs[x]))
			y := float32(0)
			if ys[x] {
				y = 1
			}
			g := rate * ws[x] * (y - p)
			for _, f := range xs[x] {
				w[f] = w[f]*decay + g
			}
		}
		if ep >= o.Epochs/2 {
			for i, v := range w {
				avg[i] += float64(v)
			}
		}
	}
	k := float64(o.Epochs - o.Epochs/2)
	for i := range w {
		w[i] = float32(avg[i] / k)
	}
}

func trainSoftmax(w []float32, n int, page func(int) ([][]uint32, int, float64), o TrainOptions, rng *rand.Rand) {
	avg := make([]float64, len(w))
	order := rng.Perm(n)
	var ps []float64
	for ep := 0; ep < o.Epochs; ep++ {
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		rate := o.Rate * titleRateMul / (1 + float64(ep)*0.5)
		for _, p := range order {
			fs, gold, pw := page(p)
			if pw == 0 {
				continue
			}
			ps = ps[:0]
			mx := math.Inf(-1)
			for _, f := range fs {
				s := float64(dot(w, f))
				ps = append(ps, s)
				mx = math.Max(mx, s)
			}
			var z float64
			for j := range ps {
				ps[j] = math.Exp(ps[j] - mx)
				z += ps[j]
			}
			for j, f := range fs {
				g := -ps[j] / z
				if j == gold {
					g += 1
				}
				g *= rate * pw
				if math.Abs(g) < 1e-7 {
					continue
				}
				for _, x := range f {
					w[x] += float32(g)
				}
			}
		}
		if ep >= o.Epochs/2 {
			for i, v := range w {
				avg[i] += float64(v)
			}
		}
	}
	k := float64(o.Epochs - o.Epochs/2)
	for i := range w {
		w[i] = float32(avg[i] / k)
	}
}

// titleRateMul scales the learning rate for the headline softmax, which
// sees one update per page rather than one per line.
const titleRateMul = 4
