package page

import (
	"slices"
	"sync"
)

// pageCtx is one page under analysis: per-line facts plus the page-level
// ones features need (the indentation of the prose, where the mass of the
// text lies, which lines repeat).
type pageCtx struct {
	lines []string
	li    []lineInfo
	nb    []int // indices of the non-blank lines

	proseIndent int     // the indentation most prose tokens are printed at
	massBefore  []int32 // per non-blank line: prose tokens on earlier lines
	totalMass   int32
	dupEarlier  []bool // per non-blank line: same text printed earlier
	prefixDup   []bool // per non-blank line: another line starts with the same 24 bytes
	prose       []bool // per non-blank line: looks like a sentence of running text
	title       int    // non-blank index of the headline, -1 if none
	// The first pass's main run of body lines (non-blank indices), -1 if
	// it found none.
	mainStart, mainEnd int
	// Per non-blank line: first-pass body tokens before it, and the next
	// first-pass body line after it (-1 if none).
	passBefore []int32
	passNext   []int32
	passTotal  int32

	// Scratch reused across pages.
	flags []bool
	pairs []hk
	score []float32
	in    []bool
	back  []uint8
}

type hk struct {
	h uint64
	k int32
}

// grow returns s resliced to n elements, reallocated if too small. The
// contents are stale: callers overwrite every element.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, n+n/4)
	}
	return s[:n]
}

// ctxPool recycles the per-page scratch so that Extract allocates only
// its Result.
var ctxPool = sync.Pool{New: func() any { return new(pageCtx) }}

// isProse is the cheap "this is running text" test used for page-level
// context: enough words, and enough of them function words.
func isProse(l *lineInfo) bool {
	return l.toks >= 10 && l.stop*5 >= l.toks && l.bullet == 0
}

func (c *pageCtx) init(lines []string) {
	c.lines = lines
	c.li = grow(c.li, len(lines))
	n := 0
	prevBlank := true
	for i, s := range lines {
		l := &c.li[i]
		analyze(s, l)
		if l.start == l.end {
			prevBlank = true
			continue
		}
		l.prevBlank = prevBlank
		prevBlank = false
		n++
	}
	// Hard-wrapped text (a fixed width of 55-85 columns, cut
	// mid-sentence) is one logical line per paragraph: fold the
	// continuation lines' counts into the first line of the run, and let
	// only that one be scored.
	head := -1
	for i := 0; i+1 < len(c.li); i++ {
		l, nx := &c.li[i], &c.li[i+1]
		if nx.start == nx.end || nx.bullet != 0 || !c.wrapsAt(i) {
			head = -1
			continue
		}
		t := lines[i+1][nx.start:nx.end]
		if !(nx.firstLower || (t[0] >= '0' && t[0] <= '9') || l.lastStop || l.last == ',') {
			head = -1
			continue
		}
		if head < 0 {
			head = i
		}
		h := &c.li[head]
		nx.cont = true
		n--
		h.runes += nx.runes
		h.toks += nx.toks
		h.stop += nx.stop
		h.capTok += nx.capTok
		h.upperTok += nx.upperTok
		h.digitTok += nx.digitTok
		h.longTok += nx.longTok
		h.pipes += nx.pipes
		h.copyright = h.copyright || nx.copyright
		h.last = nx.last
		h.lastStop = nx.lastStop
	}
	c.nb = grow(c.nb, n)[:0]
	for i := range c.li {
		if c.li[i].start != c.li[i].end && !c.li[i].cont {
			c.li[i].nb = len(c.nb)
			c.nb = append(c.nb, i)
		}
	}
	// One backing array for the per-non-blank slices.
	c.massBefore = grow(c.massBefore, n)
	c.flags = grow(c.flags, 3*n)
	flags := c.flags
	clear(flags)
	c.dupEarlier, c.prefixDup, c.prose = flags[:n:n], flags[n:2*n:2*n], flags[2*n:]

	var indentMass [33]int32
	var mass int32
	for k, i := range c.nb {
		l := &c.li[i]
		c.massBefore[k] = mass
		if isProse(l) {
			c.prose[k] = true
			mass += int32(l.toks)
			indentMass[min(l.indent, 32)] += int32(l.toks)
		}
	}
	c.totalMass = mass
	best := 0
	for i, m := range indentMass {
		if m > indentMass[best] {
			best = i
		}
	}
	c.proseIndent = best

	// Repeats: sort (hash, index) pairs; prefix repeats likewise on the
	// hash of the first 24 bytes, which catches "Headline - Site".
	c.pairs = grow(c.pairs, 2*n)
	pairs := c.pairs
	for k, i := range c.nb {
		l := &c.li[i]
		pairs[k] = hk{l.hash, int32(k)}
		t := lines[i][l.start:l.end]
		if len(t) > 24 {
			t = t[:24]
		}
		var h uint64 = 14695981039346656037
		for x := 0; x < len(t); x++ {
			h = (h ^ uint64(t[x])) * 1099511628211
		}
		pairs[n+k] = hk{h, int32(k)}
	}
	cmp := func(a, b hk) int {
		if a.h != b.h {
			if a.h < b.h {
				return -1
			}
			return 1
		}
		return int(a.k - b.k)
	}
	full, pre := pairs[:n], pairs[n:]
	slices.SortFunc(full, cmp)
	slices.SortFunc(pre, cmp)
	for x := 1; x < n; x++ {
		if full[x].h == full[x-1].h {
			c.dupEarlier[full[x].k] = true
		}
	}
	for x := 0; x < n; x++ {
		if (x > 0 && pre[x].h == pre[x-1].h) || (x+1 < n && pre[x].h == pre[x+1].h) {
			c.prefixDup[pre[x].k] = true
		}
	}
	c.title = -1
	c.mainStart, c.mainEnd = -1, -1
}

// wrapsAt reports whether line i looks cut at a fixed width: 55 to 85
// columns and not ending a sentence.
func (c *pageCtx) wrapsAt(i int) bool {
	l := &c.li[i]
	w := l.end // columns, counting indentation, for ASCII text
	if l.runes > 0 {
		w = l.indent + l.runes
	}
	return w >= 55 && w <= 85 && l.bullet == 0 && !sentenceEnd(l.last) && endClass(l.last) != 3
}

func (c *pageCtx) text(i int) string {
	return c.lines[i][c.li[i].start:c.li[i].end]
}

// Feature templates. Each feature is a template and a small value hashed
// together into the model's weight vector.
const (
	tBias uint64 = iota + 1
	tTok
	tStop
	tEnd
	tBullet
	tIndent
	tCap
	tUpper
	tDigit
	tPipe
	tFirstLower
	tCopyright
	tFirstWord
	tRelPos
	tDup
	tTokStop
	tTokEnd
	tTokBullet
	tTokCap
	tBulletIndent
	tCtxTokEnd
	tCtxBullet
	tCtxStop
	tWindow
	tWindowTok
	tMassBefore
	tMassAfter
	tMassTok
	tRelIndent
	tTitleDist
	tTitleDistTok
	tTitleDistProse
	tTitleIndent
	tPrevBlank
	tTitleMass
	tNextMass
	tTitleFirst
	tTitlePrefixDup
	tTitleNB
	tTitlePrevBullet
	tTitleNextTok
	tTitleEndTok
	tTitleCapTok
	tTitleStop
	tTitleRelIndent
	tTitleFirstWord
	tTitleUpper
	tTitleBetween
	tTitleToMain
	tTitleURL
)

func feat(t, v uint64, bits uint) uint32 {
	return uint32(((t << 40) ^ v) * 0x9E3779B97F4A7C15 >> (64 - bits))
}

func tokBucket(n int) uint64 {
	switch {
	case n <= 3:
		return uint64(n)
	case n <= 5:
		return 4
	case n <= 8:
		return 5
	case n <= 12:
		return 6
	case n <= 20:
		return 7
	case n <= 30:
		return 8
	case n <= 50:
		return 9
	case n <= 80:
		return 10
	}
	return 11
}

func coarseTok(n int) uint64 {
	switch {
	case n <= 3:
		return 0
	case n <= 9:
		return 1
	case n <= 25:
		return 2
	}
	return 3
}

func stopBucket(l *lineInfo) uint64 {
	if l.toks < 3 {
		return 7
	}
	return uint64(min(6, l.stop*10/l.toks))
}

func capBucket(l *lineInfo) uint64 {
	if l.toks == 0 {
		return 6
	}
	if l.capTok == l.toks {
		return 5
	}
	return uint64(l.capTok * 4 / l.toks)
}

func digitBucket(l *lineInfo) uint64 {
	if l.toks == 0 {
		return 0
	}
	return uint64(1 + l.digitTok*3/l.toks)
}

func indentBucket(n int) uint64 {
	switch {
	case n == 0:
		return 0
	case n <= 2:
		return 1
	case n <= 4:
		return 2
	case n <= 8:
		return 3
	case n <= 12:
		return 4
	}
	return 5
}

func relIndent(a, b int) uint64 {
	switch {
	case a == b:
		return 0
	case a < b:
		return 1
	}
	return 2
}

func decile(a, b int32) uint64 {
	if b <= 0 {
		return 11
	}
	return uint64(a * 10 / b)
}

func distBucket(d int) uint64 {
	switch {
	case d < -50:
		return 1
	case d < -10:
		return 2
	case d < -3:
		return 3
	case d < 0:
		return 4
	case d <= 3:
		return uint64(5 + d)
	case d <= 6:
		return 9
	case d <= 15:
		return 10
	case d <= 40:
		return 11
	case d <= 100:
		return 12
	}
	return 13
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// bodyFeatures appends the hashed features of non-blank line k.
func (c *pageCtx) bodyFeatures(k int, bits uint, dst []uint32) []uint32 {
	i := c.nb[k]
	l := &c.li[i]
	n := len(c.nb)
	tb := tokBucket(l.toks)
	ct := coarseTok(l.toks)
	sb := stopBucket(l)
	ec := uint64(endClass(l.last))
	bl := uint64(l.bullet)
	cb := capBucket(l)
	f := func(t, v uint64) { dst = append(dst, feat(t, v, bits)) }
	f(tBias, 0)
	f(tTok, tb)
	f(tStop, sb)
	f(tEnd, ec)
	f(tBullet, bl)
	f(tIndent, indentBucket(l.indent))
	f(tCap, cb)
	f(tUpper, uint64(min(l.upperTok, 3)))
	f(tDigit, digitBucket(l))
	f(tPipe, uint64(min(l.pipes, 3)))
	f(tFirstLower, b2u(l.firstLower))
	f(tCopyright, b2u(l.copyright))
	if l.toks <= 4 {
		f(tFirstWord, l.firstKey)
	}
	f(tRelPos, uint64(k*10/n))
	f(tDup, b2u(c.dupEarlier[k])<<1|b2u(c.prefixDup[k]))
	f(tTokStop, tb<<8|sb)
	f(tTokEnd, tb<<8|ec)
	f(tTokBullet, tb<<8|bl)
	f(tTokCap, tb<<8|cb)
	f(tBulletIndent, bl<<8|indentBucket(l.indent))
	f(tPrevBlank, b2u(l.prevBlank)<<4|ct)
	for d := -3; d <= 3; d++ {
		if d == 0 || k+d < 0 || k+d >= n {
			continue
		}
		m := &c.li[c.nb[k+d]]
		dd := uint64(d + 8)
		f(tCtxTokEnd, dd<<16|coarseTok(m.toks)<<8|b2u(sentenceEnd(m.last)))
		f(tCtxBullet, dd<<8|uint64(m.bullet))
		if d == -1 || d == 1 {
			f(tCtxStop, dd<<8|stopBucket(m))
		}
	}
	w := 0
	for d := -4; d <= 4; d++ {
		if d != 0 && k+d >= 0 && k+d < n && c.prose[k+d] {
			w++
		}
	}
	f(tWindow, uint64(w))
	f(tWindowTok, uint64(w)<<8|ct)
	mb, ma := decile(c.massBefore[k], c.totalMass), decile(c.totalMass-c.massBefore[k]-int32(l.toks)*int32(b2u(c.prose[k])), c.totalMass)
	f(tMassBefore, mb)
	f(tMassAfter, ma)
	f(tMassTok, mb<<16|ma<<8|ct)
	f(tRelIndent, relIndent(l.indent, c.proseIndent)<<8|bl)
	// Relation to the headline.
	if c.title < 0 {
		f(tTitleDist, 0)
	} else {
		db := distBucket(k - c.title)
		f(tTitleDist, db)
		f(tTitleDistTok, db<<8|ct)
		f(tTitleDistProse, db<<8|b2u(c.prose[k]))
		f(tTitleIndent, relIndent(l.indent, c.li[c.nb[c.title]].indent)<<8|bl)
	}
	return dst
}

// titleCandidate reports whether non-blank line k may be the headline:
// a few words, not a list item, not a copyright line.
func (c *pageCtx) titleCandidate(k int) bool {
	l := &c.li[c.nb[k]]
	if l.toks < 2 || l.toks > 40 || l.bullet != 0 || l.copyright || l.runes > 300 {
		return false
	}
	// A URL is never the headline.
	t := c.text(c.nb[k])
	for x := 0; x+3 <= len(t); x++ {
		if t[x] == ':' && t[x+1] == '/' && t[x+2] == '/' {
			return false
		}
	}
	return true
}

// titleFeatures appends the hashed features of headline candidate k.
func (c *pageCtx) titleFeatures(k int, first string, bits uint, dst []uint32) []uint32 {
	i := c.nb[k]
	l := &c.li[i]
	n := len(c.nb)
	f := func(t, v uint64) { dst = append(dst, feat(t, v, bits)) }
	tb := tokBucket(l.toks)
	f(tBias, 0)
	f(tTok, tb)
	f(tTitleEndTok, uint64(endClass(l.last))<<8|coarseTok(l.toks))
	f(tTitleCapTok, capBucket(l)<<8|coarseTok(l.toks))
	f(tTitleStop, stopBucket(l))
	f(tTitleUpper, uint64(min(l.upperTok*4/max(l.toks, 1), 4)))
	f(tPipe, uint64(min(l.pipes, 3)))
	f(tDigit, digitBucket(l))
	f(tFirstLower, b2u(l.firstLower))
	t := c.text(i)
	inFirst := uint64(0)
	if k > 0 && len(first) > len(t) {
		if first[:len(t)] == t {
			inFirst = 2
		} else if contains(first, t) {
			inFirst = 1
		}
	}
	f(tTitleFirst, inFirst)
	if inFirst > 0 {
		// The <title> is "Headline - Site": the longer the candidate, the
		// more of it the headline is.
		f(tTitleFirst, 1<<20|inFirst<<8|uint64(len(t)*5/len(first)))
	}
	f(tTitlePrefixDup, b2u(c.prefixDup[k])<<1|b2u(c.dupEarlier[k]))
	nbb := uint64(0)
	switch {
	case k < 3:
		nbb = uint64(k)
	case k < 10:
		nbb = 3
	case k < 30:
		nbb = 4
	case k < 100:
		nbb = 5
	default:
		nbb = 6
	}
	f(tTitleNB, nbb)
	prevBul := uint64(2)
	if k > 0 {
		prevBul = b2u(c.li[c.nb[k-1]].bullet != 0)
	}
	f(tTitlePrevBullet, prevBul)
	if k+1 < n {
		f(tTitleNextTok, coarseTok(c.li[c.nb[k+1]].toks))
	}
	var next int
	for d := 1; d <= 8 && k+d < n; d++ {
		if c.prose[k+d] {
			next += c.li[c.nb[k+d]].toks
		}
	}
	f(tNextMass, tokBucket(next/4))
	f(tTitleMass, decile(c.massBefore[k], c.totalMass))
	f(tTitleRelIndent, relIndent(l.indent, c.proseIndent))
	if l.toks <= 6 {
		f(tTitleFirstWord, l.firstKey)
	}
	// Where the first pass found the body: a headline sits just above
	// it, with little body text before it.
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
	f(tTitleBetween, bb)
	f(tTitleBetween, 1<<20|bb<<8|tm)
	se := b2u(sentenceEnd(l.last))
	f(tTitleToMain, tm)
	f(tTitleToMain, 1<<20|tm<<8|coarseTok(l.toks))
	f(tTitleToMain, 2<<20|tm<<8|se)
	f(tTitleToMain, 3<<20|tm<<8|capBucket(l))
	f(tTitleToMain, 4<<20|tm<<8|stopBucket(l))
	f(tTitleToMain, 5<<20|tm<<8|inFirst)
	f(tTitleToMain, 6<<20|tm<<8|b2u(c.prefixDup[k]))
	return dst
}

// contains is strings.Contains without the import cost in hot loops.
func contains(s, sub string) bool {
	if len(sub) == 0 {
		return true
	}
	c0 := sub[0]
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i] == c0 && s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}
