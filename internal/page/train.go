package page

import (
	"errors"
	"math"
	"math/rand"
	"strings"
)

// Example is one annotated page for Train.
type Example struct {
	Lines []string // the page's lines, as Extract takes them
	Gold  string   // the article body, paragraphs separated by blank lines
	Title string   // the headline as one of the lines prints it ("" if unknown)
}

// TrainOptions tune Train; zero fields take the defaults.
type TrainOptions struct {
	Bits   uint    // log2 of the weight vectors (default 14)
	Epochs int     // SGD passes (default 12)
	Rate   float64 // learning rate (default 0.05)
	L2     float64 // weight decay per update (default 1e-6)
	Switch float32 // decoder switching penalty (default 3)
	Weight float32 // decoder length weighting (default 1)
	Seed   int64
}

func (o *TrainOptions) defaults() {
	if o.Bits == 0 {
		o.Bits = 14
	}
	if o.Epochs == 0 {
		o.Epochs = 12
	}
	if o.Rate == 0 {
		o.Rate = 0.05
	}
	if o.L2 == 0 {
		o.L2 = 1e-6
	}
	if o.Switch == 0 {
		o.Switch = 3
	}
	if o.Weight == 0 {
		o.Weight = 1
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
		c.init(ex.Lines)
		ctxs[e] = c
		labels[e] = labelLines(c, ex.Gold)
	}

	// First pass: body without headline features.
	trainBody(m, m.Pre, ctxs, labels, opts, rng)
	for _, c := range ctxs {
		score := make([]float32, len(c.nb))
		m.firstPass(c, score, make([]bool, len(c.nb)), nil)
	}

	// Headline: softmax over each page's candidates.
	type titlePage struct {
		feats [][]uint32
		gold  int // index into feats
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
		tp := titlePage{gold: -1}
		for k := range c.nb {
			if !c.titleCandidate(k) {
				continue
			}
			if k == gk {
				tp.gold = len(tp.feats)
			}
			tp.feats = append(tp.feats, c.titleFeatures(k, first, opts.Bits, nil))
		}
		tps = append(tps, tp)
	}
	trainSoftmax(m.Title, len(tps), func(p int) ([][]uint32, int) { return tps[p].feats, tps[p].gold }, opts, rng)

	// Second pass: body with the headline the trained title model picks
	// (as at extraction time).
	for _, c := range ctxs {
		if len(c.nb) > 0 {
			c.title = m.pickTitle(c, nil)
		}
	}
	trainBody(m, m.Body, ctxs, labels, opts, rng)
	return m, nil
}

// trainBody fits w, a body-line logistic regression, on the pages'
// non-blank lines with their current headline.
func trainBody(m *Model, w []float32, ctxs []*pageCtx, labels [][]bool, opts TrainOptions, rng *rand.Rand) {
	var xs [][]uint32
	var ys []bool
	var ws []float32
	for e, c := range ctxs {
		var tot float32
		start := len(ws)
		for k := range c.nb {
			xs = append(xs, c.bodyFeatures(k, opts.Bits, nil))
			ys = append(ys, labels[e][k])
			lw := lineWeight(&c.li[c.nb[k]], m.Weight)
			ws = append(ws, lw)
			tot += lw
		}
		// Each page weighs the same in total, as in the score.
		for x := start; x < len(ws); x++ {
			ws[x] *= 200 / tot
		}
	}
	trainLogistic(w, xs, ys, ws, opts, rng)
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

func trainSoftmax(w []float32, n int, page func(int) ([][]uint32, int), o TrainOptions, rng *rand.Rand) {
	avg := make([]float64, len(w))
	order := rng.Perm(n)
	var ps []float64
	for ep := 0; ep < o.Epochs; ep++ {
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		rate := o.Rate * titleRateMul / (1 + float64(ep)*0.5)
		for _, p := range order {
			fs, gold := page(p)
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
				g *= rate
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
