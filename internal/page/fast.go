package page

import (
	"math"
	"slices"
)

// The embedded model's fast path. Every feature is a template and a small
// value, so the weight it reads can be looked up in a dense table per
// template, built once from the hashed weight vectors: the same float32
// the hashed lookup reads, without the hash and from a few kilobytes of
// tables instead of three 32 KB vectors. The sums are taken in the same
// order as the generic path (baseFeatures, secondFeatures, titleFeatures
// and dot), so the scores are bit for bit the same; TestFastPath checks
// it. Only the embedded model, which callers cannot modify, takes this
// path: a Model built by Train or UnmarshalBinary is scored by hashing.

// pair holds one feature's weight in the first-pass model and in the
// second-pass model.
type pair [2]float32

// bulletCode numbers the bullets analyze recognises: none, '*', '+',
// '-', 'o'.
var bulletCode = func() (t [256]uint8) {
	t['*'], t['+'], t['-'], t['o'] = 1, 2, 3, 4
	return t
}()

var bulletByCode = [5]uint64{0, '*', '+', '-', 'o'}

// fastTabs are the per-template weight tables of one model.
type fastTabs struct {
	// Base features, for both body models.
	bias                  pair
	tok                   [12]pair
	stop                  [8]pair
	end                   [10]pair
	bullet                [5]pair
	indent                [6]pair
	cap                   [7]pair
	upper                 [4]pair
	digit                 [5]pair
	pipe                  [4]pair
	firstLower, copyright [2]pair
	relPos                [10]pair
	dup                   [4]pair
	tokEnd                [12][10]pair
	tokBullet             [12][5]pair
	tokCap                [12][7]pair
	bulletIndent          [5][6]pair
	prevBlank             [2][4]pair
	ctxTokEnd             [4][4][2]pair // by d = -2, -1, 1, 2
	ctxStop               [2][8]pair    // by d = -1, 1
	windowTok             [9][4]pair
	massBefore, massAfter [12]pair
	massTok               [12][12][4]pair
	relIndent             [3][5]pair
	preNoTitle            float32

	// Second-pass features, body model.
	noTitle        float32
	titleDist      [14]float32
	titleDistTok   [14][4]float32
	titleDistProse [14][2]float32
	titleIndent    [3][5]float32
	stackNext      [4][6]float32 // by d = -2, -1, 1, 2
	stackWindow    [6][4]float32
	stackMain      [10][2][4]float32
	stackSelf      [2][4]float32

	// Headline features.
	tBias                  float32
	tTok, tNextMass, tMass [12]float32
	tEndTok                [10][4]float32
	tCapTok                [7][4]float32
	tStop                  [8]float32
	tUpper, tDigit         [5]float32
	tPipe                  [4]float32
	tAffix                 [16]float32
	tAffixFirst            [16][4]float32
	tAffixTok              [16][4]float32
	tDateBy                [4]float32
	tOverlap               [5]float32
	tRank                  [16]float32
	tRankTok               [16][4]float32
	tLede                  [5]float32
	tLedeRank              [5][8]float32
	// The largest weights of tOverlap, of tLede and tLedeRank over the
	// buckets the words give (0-3 for tLede), and of tDateBy, for
	// titleScoreFast's bound.
	tOverlapMax, tLedeMax float32
	tLedeRankMax          [8]float32
	tDateByMax            float32
	tQuote                [2]float32
	tFirst                [4]float32
	tFirstLen             [4][6]float32
	tPrefixDup            [4]float32
	tNB                   [7]float32
	tPrevBullet           [3]float32
	tNextTok              [4]float32
	tRelIndent            [3]float32
	tBetween              [5]float32
	tBetweenMain          [5][16]float32
	tMain                 [16]float32
	tMainTok              [16][4]float32
	tMainSE               [16][2]float32
	tMainCap              [16][7]float32
	tMainStop             [16][8]float32
	tMainFirst            [16][4]float32
	tMainDup              [16][2]float32
	tFirstLowerT          [2]float32
}

var ctxD = [4]int{-2, -1, 1, 2}

func newFastTabs(m *Model) *fastTabs {
	b := m.Bits
	t := new(fastTabs)
	p := func(tpl, v uint64) pair {
		f := feat(tpl, v, b)
		return pair{m.Pre[f], m.Body[f]}
	}
	w := func(tpl, v uint64) float32 { return m.Body[feat(tpl, v, b)] }
	h := func(tpl, v uint64) float32 { return m.Title[feat(tpl, v, b)] }
	t.bias = p(tBias, 0)
	for v := range t.tok {
		t.tok[v] = p(tTok, uint64(v))
	}
	for v := range t.stop {
		t.stop[v] = p(tStop, uint64(v))
	}
	for v := range t.end {
		t.end[v] = p(tEnd, uint64(v))
	}
	for v := range t.bullet {
		t.bullet[v] = p(tBullet, bulletByCode[v])
	}
	for v := range t.indent {
		t.indent[v] = p(tIndent, uint64(v))
	}
	for v := range t.cap {
		t.cap[v] = p(tCap, uint64(v))
	}
	for v := range t.upper {
		t.upper[v] = p(tUpper, uint64(v))
	}
	for v := range t.digit {
		t.digit[v] = p(tDigit, uint64(v))
	}
	for v := range t.pipe {
		t.pipe[v] = p(tPipe, uint64(v))
	}
	for v := range 2 {
		t.firstLower[v] = p(tFirstLower, uint64(v))
		t.copyright[v] = p(tCopyright, uint64(v))
	}
	for v := range t.relPos {
		t.relPos[v] = p(tRelPos, uint64(v))
	}
	for v := range t.dup {
		t.dup[v] = p(tDup, uint64(v))
	}
	for tb := range 12 {
		for ec := range 10 {
			t.tokEnd[tb][ec] = p(tTokEnd, uint64(tb)<<8|uint64(ec))
		}
		for bl := range 5 {
			t.tokBullet[tb][bl] = p(tTokBullet, uint64(tb)<<8|bulletByCode[bl])
		}
		for cb := range 7 {
			t.tokCap[tb][cb] = p(tTokCap, uint64(tb)<<8|uint64(cb))
		}
	}
	for bl := range 5 {
		for ib := range 6 {
			t.bulletIndent[bl][ib] = p(tBulletIndent, bulletByCode[bl]<<8|uint64(ib))
		}
		for r := range 3 {
			t.relIndent[r][bl] = p(tRelIndent, uint64(r)<<8|bulletByCode[bl])
		}
	}
	for pb := range 2 {
		for ct := range 4 {
			t.prevBlank[pb][ct] = p(tPrevBlank, uint64(pb)<<4|uint64(ct))
		}
	}
	for di, d := range ctxD {
		dd := uint64(d + 8)
		for ct := range 4 {
			for se := range 2 {
				t.ctxTokEnd[di][ct][se] = p(tCtxTokEnd, dd<<16|uint64(ct)<<8|uint64(se))
			}
		}
		if d == -1 || d == 1 {
			for sb := range 8 {
				t.ctxStop[(d+1)/2][sb] = p(tCtxStop, dd<<8|uint64(sb))
			}
		}
		for pb := range 6 {
			t.stackNext[di][pb] = w(tStackNext, dd<<8|uint64(pb))
		}
	}
	for x := range 9 {
		for ct := range 4 {
			t.windowTok[x][ct] = p(tWindowTok, uint64(x)<<8|uint64(ct))
		}
	}
	for mb := range 12 {
		t.massBefore[mb] = p(tMassBefore, uint64(mb))
		t.massAfter[mb] = p(tMassAfter, uint64(mb))
		for ma := range 12 {
			for ct := range 4 {
				t.massTok[mb][ma][ct] = p(tMassTok, uint64(mb)<<16|uint64(ma)<<8|uint64(ct))
			}
		}
	}
	t.preNoTitle = m.Pre[feat(tTitleDist, 0, b)]

	t.noTitle = w(tTitleDist, 0)
	for db := range 14 {
		t.titleDist[db] = w(tTitleDist, uint64(db))
		for ct := range 4 {
			t.titleDistTok[db][ct] = w(tTitleDistTok, uint64(db)<<8|uint64(ct))
		}
		for pr := range 2 {
			t.titleDistProse[db][pr] = w(tTitleDistProse, uint64(db)<<8|uint64(pr))
		}
	}
	for r := range 3 {
		for bl := range 5 {
			t.titleIndent[r][bl] = w(tTitleIndent, uint64(r)<<8|bulletByCode[bl])
		}
	}
	for wb := range 6 {
		for ct := range 4 {
			t.stackWindow[wb][ct] = w(tStackWindow, uint64(wb)<<8|uint64(ct))
		}
	}
	for rel := range 10 {
		for pr := range 2 {
			for ct := range 4 {
				t.stackMain[rel][pr][ct] = w(tStackMain, uint64(rel)<<8|uint64(pr)<<4|uint64(ct))
			}
		}
	}
	for ps := range 2 {
		for ct := range 4 {
			t.stackSelf[ps][ct] = w(tStackSelf, uint64(ps)<<8|uint64(ct))
		}
	}

	t.tBias = h(tBias, 0)
	for v := range 12 {
		t.tTok[v] = h(tTok, uint64(v))
		t.tNextMass[v] = h(tNextMass, uint64(v))
		t.tMass[v] = h(tTitleMass, uint64(v))
	}
	for ct := range 4 {
		for ec := range 10 {
			t.tEndTok[ec][ct] = h(tTitleEndTok, uint64(ec)<<8|uint64(ct))
		}
		for cb := range 7 {
			t.tCapTok[cb][ct] = h(tTitleCapTok, uint64(cb)<<8|uint64(ct))
		}
		t.tNextTok[ct] = h(tTitleNextTok, uint64(ct))
	}
	for v := range 8 {
		t.tStop[v] = h(tTitleStop, uint64(v))
	}
	for v := range 5 {
		t.tUpper[v] = h(tTitleUpper, uint64(v))
		t.tDigit[v] = h(tDigit, uint64(v))
		t.tOverlap[v] = h(tTitleOverlap, uint64(v))
		t.tBetween[v] = h(tTitleBetween, uint64(v))
		for tm := range 16 {
			t.tBetweenMain[v][tm] = h(tTitleBetween, 1<<20|uint64(v)<<8|uint64(tm))
		}
	}
	for v := range 4 {
		t.tPipe[v] = h(tPipe, uint64(v))
		t.tDateBy[v] = h(tTitleDateBy, uint64(v))
		t.tFirst[v] = h(tTitleFirst, uint64(v))
		t.tPrefixDup[v] = h(tTitlePrefixDup, uint64(v))
		for r := range 6 {
			t.tFirstLen[v][r] = h(tTitleFirst, 1<<20|uint64(v)<<8|uint64(r))
		}
	}
	for v := range 2 {
		t.tFirstLowerT[v] = h(tFirstLower, uint64(v))
		t.tQuote[v] = h(tTitleQuote, uint64(v))
	}
	for r := range 16 {
		t.tRank[r] = h(tTitleRank, uint64(r))
		for ct := range 4 {
			t.tRankTok[r][ct] = h(tTitleRank, 1<<20|uint64(r)<<8|uint64(ct))
		}
	}
	for lb := range 5 {
		t.tLede[lb] = h(tTitleLede, uint64(lb))
		for r := range 8 {
			t.tLedeRank[lb][r] = h(tTitleLede, 1<<20|uint64(lb)<<8|uint64(r))
		}
	}
	t.tOverlapMax = slices.Max(t.tOverlap[:])
	t.tDateByMax = slices.Max(t.tDateBy[:])
	t.tLedeMax = slices.Max(t.tLede[:4])
	for r := range 8 {
		t.tLedeRankMax[r] = max(t.tLedeRank[0][r], t.tLedeRank[1][r], t.tLedeRank[2][r], t.tLedeRank[3][r])
	}
	for af := range 16 {
		t.tAffix[af] = h(tTitleAffix, uint64(af))
		for x := range 4 {
			t.tAffixFirst[af][x] = h(tTitleAffix, 1<<20|uint64(af)<<8|uint64(x))
			t.tAffixTok[af][x] = h(tTitleAffix, 2<<20|uint64(af)<<8|uint64(x))
		}
	}
	for v := range 7 {
		t.tNB[v] = h(tTitleNB, uint64(v))
	}
	for v := range 3 {
		t.tPrevBullet[v] = h(tTitlePrevBullet, uint64(v))
		t.tRelIndent[v] = h(tTitleRelIndent, uint64(v))
	}
	for tm := range 16 {
		u := uint64(tm)
		t.tMain[tm] = h(tTitleToMain, u)
		for x := range 4 {
			t.tMainTok[tm][x] = h(tTitleToMain, 1<<20|u<<8|uint64(x))
			t.tMainFirst[tm][x] = h(tTitleToMain, 5<<20|u<<8|uint64(x))
		}
		for x := range 2 {
			t.tMainSE[tm][x] = h(tTitleToMain, 2<<20|u<<8|uint64(x))
			t.tMainDup[tm][x] = h(tTitleToMain, 6<<20|u<<8|uint64(x))
		}
		for x := range 7 {
			t.tMainCap[tm][x] = h(tTitleToMain, 3<<20|u<<8|uint64(x))
		}
		for x := range 8 {
			t.tMainStop[tm][x] = h(tTitleToMain, 4<<20|u<<8|uint64(x))
		}
	}
	return t
}

// scoreBaseFast is scoreBase with the tables of t.
//
// The per-line divisions (the relative position k*10/n and the deciles of
// the prose mass before and after a line) and the count of prose lines
// around each are kept as running values instead: the numerators only
// grow (or, after, shrink) from line to line. TestFastPath checks the
// scores against the generic path's, which divides.
func scoreBaseFast(c *pageCtx, t *fastTabs, pre, base []float32) {
	n := len(c.nb)
	pre, base = pre[:n], base[:n]
	rp, rpNext := 0, n // k*10/n, and the k*10 from which it is rp+1
	// The deciles of the mass before (mb: floor(10*before/total)) and
	// after (10 - ceil(10*upTo/total), upTo the mass before the next
	// line) each line, where decile computes them without overflow.
	total := int64(c.totalMass)
	running := total > 0 && total <= math.MaxInt32/10
	mbq, mbNext, upToC := int64(0), total, int64(0)
	win := 0 // prose lines from k-4 to k+4
	for d := 0; d <= 4 && d < n; d++ {
		win += int(b2u(c.prose[d]))
	}
	for k, i := range c.nb {
		l := &c.li[i]
		for k*10 >= rpNext {
			rp++
			rpNext += n
		}
		if k > 0 {
			if k+4 < n {
				win += int(b2u(c.prose[k+4]))
			}
			if k >= 5 {
				win -= int(b2u(c.prose[k-5]))
			}
		}
		tb, ct, sb, ec, cb := l.tb, l.ct&3, l.sb&7, l.ec, l.cb
		bl := bulletCode[l.bullet]
		ib := indentBucket(l.indent)
		var sp, sq float32
		add := func(q *pair) {
			sp += q[0]
			sq += q[1]
		}
		add(&t.bias)
		add(&t.tok[tb])
		add(&t.stop[sb])
		add(&t.end[ec])
		add(&t.bullet[bl])
		add(&t.indent[ib])
		add(&t.cap[cb])
		add(&t.upper[min(l.upperTok, 3)])
		add(&t.digit[digitBucket(l)])
		add(&t.pipe[min(l.pipes, 3)])
		add(&t.firstLower[b2u(l.firstLower)])
		add(&t.copyright[b2u(l.copyright)])
		add(&t.relPos[rp])
		add(&t.dup[b2u(c.dupEarlier[k])<<1|b2u(c.prefixDup[k])])
		add(&t.tokEnd[tb][ec])
		add(&t.tokBullet[tb][bl])
		add(&t.tokCap[tb][cb])
		add(&t.bulletIndent[bl][ib])
		add(&t.prevBlank[b2u(l.prevBlank)][ct])
		if k >= 2 {
			m := &c.li[c.nb[k-2]]
			add(&t.ctxTokEnd[0][m.ct&3][b2u(m.se)])
		}
		if k >= 1 {
			m := &c.li[c.nb[k-1]]
			add(&t.ctxTokEnd[1][m.ct&3][b2u(m.se)])
			add(&t.ctxStop[0][m.sb&7])
		}
		if k+1 < n {
			m := &c.li[c.nb[k+1]]
			add(&t.ctxTokEnd[2][m.ct&3][b2u(m.se)])
			add(&t.ctxStop[1][m.sb&7])
		}
		if k+2 < n {
			m := &c.li[c.nb[k+2]]
			add(&t.ctxTokEnd[3][m.ct&3][b2u(m.se)])
		}
		w := win - int(b2u(c.prose[k]))
		var mb, ma uint64
		if running {
			before := 10 * int64(c.massBefore[k])
			for before >= mbNext {
				mbq++
				mbNext += total
			}
			upTo := 10 * int64(c.massBefore[k]+int32(l.toks)*int32(b2u(c.prose[k])))
			for upToC*total < upTo {
				upToC++
			}
			mb, ma = uint64(mbq), uint64(10-upToC)
		} else {
			mb, ma = decile(c.massBefore[k], c.totalMass), decile(c.totalMass-c.massBefore[k]-int32(l.toks)*int32(b2u(c.prose[k])), c.totalMass)
		}
		add(&t.windowTok[w][ct])
		add(&t.massBefore[mb])
		add(&t.massAfter[ma])
		add(&t.massTok[mb][ma][ct])
		add(&t.relIndent[relIndent(l.indent, c.proseIndent)][bl])
		pre[k] = sp + t.preNoTitle
		base[k] = sq
	}
}

// scoreSecondFast adds to base the second pass's features of every line,
// into score, as Extract's generic loop does.
func scoreSecondFast(c *pageCtx, t *fastTabs, base, score []float32) {
	n := len(c.nb)
	base, score = base[:n], score[:n]
	var tIndent int
	if c.title >= 0 {
		tIndent = c.li[c.nb[c.title]].indent
	}
	// Each line's first-pass score bucket, read by the lines around it.
	c.probB = grow(c.probB, n)
	pb := c.probB
	for k, s := range c.preScore[:n] {
		pb[k] = uint8(probBucket(s))
	}
	for k, i := range c.nb {
		l := &c.li[i]
		ct := l.ct & 3
		bl := bulletCode[l.bullet]
		pr := b2u(c.prose[k])
		var s float32
		if c.title < 0 {
			s += t.noTitle
		} else {
			db := distBucket(k - c.title)
			s += t.titleDist[db]
			s += t.titleDistTok[db][ct]
			s += t.titleDistProse[db][pr]
			s += t.titleIndent[relIndent(l.indent, tIndent)][bl]
		}
		if k >= 2 {
			s += t.stackNext[0][pb[k-2]]
		}
		if k >= 1 {
			s += t.stackNext[1][pb[k-1]]
		}
		if k+1 < n {
			s += t.stackNext[2][pb[k+1]]
		}
		if k+2 < n {
			s += t.stackNext[3][pb[k+2]]
		}
		lo, hi := max(k-6, 0), min(k+7, n)
		own := int32(min(l.toks, 40))
		tot := int(c.cumTok[hi] - c.cumTok[lo] - own)
		kept := int(c.cumKept[hi] - c.cumKept[lo] - own*int32(b2u(c.pass[k])))
		wb := 5
		if tot > 0 {
			wb = kept * 4 / tot
		}
		s += t.stackWindow[wb][ct]
		rel := uint64(0)
		if c.mainStart >= 0 {
			switch {
			case k < c.mainStart:
				rel = 1 + min(uint64(c.mainStart-k-1)/3, 3)
			case k <= c.mainEnd:
				rel = 5
			default:
				rel = 6 + min(uint64(k-c.mainEnd-1)/3, 3)
			}
		}
		s += t.stackMain[rel][pr][ct]
		s += t.stackSelf[b2u(c.pass[k])][ct]
		score[k] = base[k] + s
	}
}

// titleScoreFast is dot(m.Title, c.titleFeatures(k, first, ...)) with the
// tables of t. With bound, it leaves out what costs most to find: the
// candidate's words (overlapBucket, ledeBucket), whether it reads like a
// date or a byline, and whether the first line holds it further in than
// at its start; each feature drawn from them adds the largest weight it
// could have instead (and no less than zero where the feature may be
// absent). Rounding is monotonic, so a sum taken in the same order with
// no term smaller is no smaller: the bound is never below the score, and
// a candidate whose bound is below the best score cannot be picked.
func (c *pageCtx) titleScoreFast(t *fastTabs, k int, first string, bound bool) float32 {
	i := c.nb[k]
	l := &c.li[i]
	n := len(c.nb)
	ct := l.ct & 3
	var s float32
	s += t.tBias
	s += t.tTok[l.tb]
	s += t.tEndTok[l.ec][ct]
	cb := l.cb
	s += t.tCapTok[cb][ct]
	sb := l.sb & 7
	s += t.tStop[sb]
	s += t.tUpper[min(l.upperTok*4/max(l.toks, 1), 4)]
	s += t.tPipe[min(l.pipes, 3)]
	s += t.tDigit[digitBucket(l)]
	s += t.tFirstLowerT[b2u(l.firstLower)]
	tx := c.text(i)
	inFirst := 0
	inside := false // with bound: inFirst is 1 or 0, not known which
	if k > 0 && len(first) > len(tx) {
		if first[:len(tx)] == tx {
			inFirst = 2
		} else if bound {
			inside = true
		} else if contains(first, tx) {
			inFirst = 1
		}
	} else if k > 0 && first == tx {
		inFirst = 3
	}
	af := c.affix[k] & 15
	s += t.tAffix[af]
	if inside {
		s += max(t.tAffixFirst[af][0], t.tAffixFirst[af][1])
	} else {
		s += t.tAffixFirst[af][inFirst]
	}
	s += t.tAffixTok[af][ct]
	if bound {
		s += t.tDateByMax
	} else {
		s += t.tDateBy[b2u(dateLike(tx, l))<<1|b2u(bylineLike(tx, l))]
	}
	switch {
	case inside:
		s += max(t.tOverlapMax, 0)
	case inFirst == 0 && k > 0:
		if bound {
			s += t.tOverlapMax
		} else {
			s += t.tOverlap[c.overlapBucket(k)]
		}
	}
	if inside {
		s += max(t.tFirst[0], t.tFirst[1])
		s += max(t.tFirstLen[1][len(tx)*5/len(first)], 0)
	} else {
		s += t.tFirst[inFirst]
		if inFirst > 0 {
			s += t.tFirstLen[inFirst][len(tx)*5/len(first)]
		}
	}
	pd := b2u(c.prefixDup[k])
	s += t.tPrefixDup[pd<<1|b2u(c.dupEarlier[k])]
	nbb := 0
	switch {
	case k < 3:
		nbb = k
	case k < 10:
		nbb = 3
	case k < 30:
		nbb = 4
	case k < 100:
		nbb = 5
	default:
		nbb = 6
	}
	s += t.tNB[nbb]
	prevBul := uint64(2)
	if k > 0 {
		prevBul = b2u(c.li[c.nb[k-1]].bullet != 0)
	}
	s += t.tPrevBullet[prevBul]
	if k+1 < n {
		s += t.tNextTok[c.li[c.nb[k+1]].ct&3]
	}
	var next int
	for d := 1; d <= 8 && k+d < n; d++ {
		if c.prose[k+d] {
			next += c.li[c.nb[k+d]].toks
		}
	}
	s += t.tNextMass[tokBucket(next/4)]
	s += t.tMass[decile(c.massBefore[k], c.totalMass)]
	s += t.tRelIndent[relIndent(l.indent, c.proseIndent)]
	tm := uint64(0)
	bb := uint64(0)
	if c.passTotal > 0 {
		if nx := c.passNext[k]; nx < 0 {
			tm = 1
		} else {
			tm = 2 + distBucket(int(nx)-k)
		}
		switch fb := c.passBefore[k] * 20 / c.passTotal; {
		case fb == 0:
			bb = 1
		case fb < 2:
			bb = 2
		case fb < 6:
			bb = 3
		default:
			bb = 4
		}
	}
	s += t.tBetween[bb]
	s += t.tBetweenMain[bb][tm]
	s += t.tMain[tm]
	s += t.tMainTok[tm][ct]
	s += t.tMainSE[tm][b2u(l.se)]
	s += t.tMainCap[tm][cb]
	s += t.tMainStop[tm][sb]
	if inside {
		s += max(t.tMainFirst[tm][0], t.tMainFirst[tm][1])
	} else {
		s += t.tMainFirst[tm][inFirst]
	}
	s += t.tMainDup[tm][pd]
	r, ct2, lb, q := c.titleExtraVals(k, bound)
	s += t.tRank[r]
	s += t.tRankTok[r][ct2]
	if lb == ledeUnknown {
		s += t.tLedeMax
		s += t.tLedeRankMax[r&7]
	} else {
		s += t.tLede[lb]
		s += t.tLedeRank[lb][r&7]
	}
	s += t.tQuote[q]
	return s
}
