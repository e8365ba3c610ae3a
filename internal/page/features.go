package page

import (
	"hash/maphash"
	"math"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
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
	dupEarlier  []bool  // per non-blank line: same text printed earlier
	prefixDup   []bool  // per non-blank line: another line starts with the same 24 bytes
	affix       []uint8 // per non-blank line: affix* bits
	// The word hashes of the first line, for the headline's features.
	firstWords [firstBits / 64]uint64
	// The word hashes of the first lines of the first pass's main run.
	ledeWords [firstBits / 64]uint64
	// Per non-blank line: whether it is a headline candidate, and its
	// rank bucket among the candidates above the main run (see prepTitle).
	cand []bool
	// wordHits' cache: the candidate and its counts.
	hitK int
	// pickTitle's scratch: the candidates' bounds.
	titleBounds []titleBound
	hits        [3]int
	candRank    []uint8
	// Per non-blank line: tokens (at most 40 a line) on earlier lines, in
	// all and in lines the first pass kept.
	cumTok, cumKept []int32
	prose           []bool // per non-blank line: looks like a sentence of running text
	title           int    // non-blank index of the headline, -1 if none
	// The first pass's main run of body lines (non-blank indices), -1 if
	// it found none.
	mainStart, mainEnd int
	// Per non-blank line: first-pass body tokens before it, and the next
	// first-pass body line after it (-1 if none).
	passBefore []int32
	passNext   []int32
	passTotal  int32

	// Scratch reused across pages.
	flags    []bool
	scan     scanBuf
	slots    []hslot
	slots2   []uint32 // per non-blank line: its prefix and suffix slots
	score    []float32
	bodyBase []float32
	// The first pass: per non-blank line, its score and whether the
	// decode kept it.
	preScore []float32
	pass     []bool
	in       []bool
	back     []uint8
	probB    []uint8 // per non-blank line: probBucket of its first-pass score
}

// hslot is a slot of the repeat-finding hash table.
type hslot struct {
	h   uint64
	n   int32 // lines with this hash; 0 for an empty slot
	min int32 // the shortest of them, in bytes
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

// init analyzes the page's lines; hashes, if not nil, are the hashes of
// their texts (see ExtractHashed).
func (c *pageCtx) init(lines []string, hashes []uint64) {
	c.lines = lines
	c.li = grow(c.li, len(lines))
	n := 0
	prevBlank := true
	for i, s := range lines {
		l := &c.li[i]
		analyze(s, l, &c.scan)
		if l.start == l.end {
			prevBlank = true
			continue
		}
		if hashes != nil {
			l.hash = hashes[i]
		} else {
			l.hash = maphash.String(hashSeed, s[l.start:l.end])
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
		// Most lines are short or end a block; the tests that say so
		// take one branch (wrapsAt would say the same of a short line).
		if b2u(nx.start == nx.end)|b2u(nx.bullet != 0)|b2u(l.end < 55) != 0 || !c.wrapsAt(i) {
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
		h.runes = c.runeCount(head) + c.runeCount(i+1)
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
		l := &c.li[i]
		if l.start != l.end && !l.cont {
			l.nb = len(c.nb)
			c.nb = append(c.nb, i)
			l.tb, l.ct, l.sb, l.cb = uint8(tokBucket(l.toks)), uint8(coarseTok(l.toks)), uint8(stopBucket(l)), uint8(capBucket(l))
			ec := endClass(l.last)
			l.ec, l.se = uint8(ec), endsSentence(ec)
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

	// Repeats, found with an open-addressing table of line hashes; prefix
	// repeats likewise on the hash of the first 24 bytes, which catches
	// "Headline - Site".
	size := 16
	for size < 2*n {
		size <<= 1
	}
	// One pass over the lines probes three tables: whole lines, first
	// 24 bytes, last 24 bytes.
	c.slots = grow(c.slots, 3*size)
	c.slots2 = grow(c.slots2, 2*n)
	slots := c.slots
	clear(slots)
	whole, pre, suf := slots[:size:size], slots[size:2*size:2*size], slots[2*size:]
	mask := uint64(size - 1)
	at := c.slots2
	for k, i := range c.nb {
		l := &c.li[i]
		h := l.hash
		for x := h & mask; ; x = (x + 1) & mask {
			if whole[x].n == 0 {
				whole[x] = hslot{h: h, n: 1}
				break
			}
			if whole[x].h == h {
				c.dupEarlier[k] = true
				break
			}
		}
		t := lines[i][l.start:l.end]
		ln := int32(len(t))
		var hp, hs uint64
		if len(t) > 24 {
			hp, hs = affixHash(t[:24]), affixHash(t[len(t)-24:])
		} else {
			hp = affixHash(t)
			hs = hp
		}
		at[2*k] = probeAffix(pre, mask, hp, ln)
		at[2*k+1] = probeAffix(suf, mask, hs, ln)
	}
	c.affix = grow(c.affix, n)
	for k, i := range c.nb {
		ln := int32(c.li[i].end - c.li[i].start)
		var a uint8
		if sl := &pre[at[2*k]]; sl.n > 1 {
			a |= affixPrefix
			if ln == sl.min {
				a |= affixPrefixShort
			}
		}
		if sl := &suf[at[2*k+1]]; sl.n > 1 {
			a |= affixSuffix
			if ln == sl.min {
				a |= affixSuffixShort
			}
		}
		c.affix[k] = a
		c.prefixDup[k] = a&affixPrefix != 0
	}
	c.title = -1
	c.mainStart, c.mainEnd = -1, -1
}

// Bits of pageCtx.affix.
const (
	affixPrefix      = 1 << iota // another line starts with the same 24 bytes
	affixPrefixShort             // ... and none of them is shorter
	affixSuffix                  // another line ends with the same 24 bytes
	affixSuffixShort             // ... and none of them is shorter
)

// probeAffix finds or adds hash h in the open-addressing table slots,
// counting the lines (of length ln) that share it and the shortest of
// them, and returns the slot. Lines grouped by the hash of their first
// (or last) 24 bytes give the affix bits: "Headline | Site" and
// "Headline" share a prefix, "Home News Headline" and "Headline" a
// suffix, and in both the headline is the shortest.
func probeAffix(slots []hslot, mask, h uint64, ln int32) uint32 {
	for x := h & mask; ; x = (x + 1) & mask {
		if slots[x].n == 0 {
			slots[x] = hslot{h: h, n: 1, min: ln}
			return uint32(x)
		}
		if slots[x].h == h {
			slots[x].n++
			slots[x].min = min(slots[x].min, ln)
			return uint32(x)
		}
	}
}

// affixHash hashes t, at most 24 bytes, from three overlapping 8-byte
// loads that together cover it.
func affixHash(t string) uint64 {
	var a, b, d uint64
	n := len(t)
	switch {
	case n >= 16:
		a, b, d = load8(t, 0), load8(t, 8), load8(t, n-8)
	case n >= 8:
		a, b = load8(t, 0), load8(t, n-8)
	default:
		for i := 0; i < n; i++ {
			a |= uint64(t[i]) << (8 * i)
		}
	}
	h := a*0x9E3779B97F4A7C15 ^ (b^0x632BE59BD9B4E019)*0xC2B2AE3D27D4EB4F ^ (d^uint64(n))*0x165667B19E3779F9
	h ^= h >> 31
	return h * 0x94D049BB133111EB
}

func load8(t string, i int) uint64 {
	u := t[i : i+8]
	return uint64(u[0]) | uint64(u[1])<<8 | uint64(u[2])<<16 | uint64(u[3])<<24 |
		uint64(u[4])<<32 | uint64(u[5])<<40 | uint64(u[6])<<48 | uint64(u[7])<<56
}

// wrapsAt reports whether line i looks cut at a fixed width: 55 to 85
// columns and not ending a sentence.
func (c *pageCtx) wrapsAt(i int) bool {
	l := &c.li[i]
	if l.end < 55 {
		return false // no more columns than bytes
	}
	w := l.end // columns, counting indentation, for ASCII text
	if r := c.runeCount(i); r > 0 {
		w = l.indent + r
	}
	return w >= 55 && w <= 85 && l.bullet == 0 && !sentenceEnd(l.last) && endClass(l.last) != 3
}

// runesUncounted is lineInfo.runes for a line whose runes analyze left
// to count: text that is not all ASCII, whose count is wanted only for
// the few lines that may be hard-wrapped or a long headline.
const runesUncounted = -1

// runeCount returns line i's runes (for a hard-wrapped run's first line,
// the run's), counting them if analyze did not.
func (c *pageCtx) runeCount(i int) int {
	l := &c.li[i]
	if l.runes == runesUncounted {
		l.runes = utf8.RuneCountInString(c.text(i))
	}
	return l.runes
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
	tFirstWord // unused: a hashed first word lets the model memorise sites
	tRelPos
	tDup
	tTokStop // unused: no better than tTok and tStop apart
	tTokEnd
	tTokBullet
	tTokCap
	tBulletIndent
	tCtxTokEnd
	tCtxBullet // unused
	tCtxStop
	tWindow // unused: tWindowTok carries it
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
	tTitleFirstWord // unused, as tFirstWord
	tTitleUpper
	tTitleBetween
	tTitleToMain
	tTitleURL
	tStackNext
	tTitleAffix
	tTitleDateBy
	tTitleOverlap
	tStackWindow
	tStackMain
	tStackSelf
	tTitleLede
	tTitleRank
	tTitleQuote
)

func feat(t, v uint64, bits uint) uint32 {
	return uint32(((t << 40) ^ v) * 0x9E3779B97F4A7C15 >> (64 - bits))
}

// The buckets of the features are switches on ranges; the values a page
// gives them come from a few ranges in no order (a menu's lines, then a
// paragraph), and a chain of branches mispredicts. So the common values
// are read from tables made from the switches.
var (
	tokBucketTab    = bucketTable(81, tokBucketSwitch, 0)
	coarseTokTab    = bucketTable(26, coarseTokSwitch, 0)
	indentBucketTab = bucketTable(13, indentBucketSwitch, 0)
	distBucketTab   = bucketTable(152, distBucketSwitch, -51)
)

// bucketTable returns bucket(from), bucket(from+1), ..., n values.
func bucketTable(n int, bucket func(int) uint64, from int) []uint8 {
	t := make([]uint8, n)
	for i := range t {
		t[i] = uint8(bucket(from + i))
	}
	return t
}

func tokBucket(n int) uint64 {
	if uint(n) < uint(len(tokBucketTab)) {
		return uint64(tokBucketTab[n])
	}
	return tokBucketSwitch(n)
}

func coarseTok(n int) uint64 {
	if uint(n) < uint(len(coarseTokTab)) {
		return uint64(coarseTokTab[n])
	}
	return coarseTokSwitch(n)
}

func indentBucket(n int) uint64 {
	if uint(n) < uint(len(indentBucketTab)) {
		return uint64(indentBucketTab[n])
	}
	return indentBucketSwitch(n)
}

func distBucket(d int) uint64 {
	if x := uint(d + 51); x < uint(len(distBucketTab)) {
		return uint64(distBucketTab[x])
	}
	return distBucketSwitch(d)
}

func tokBucketSwitch(n int) uint64 {
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

func coarseTokSwitch(n int) uint64 {
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

// stopBucket, capBucket and digitBucket bucket a share of a line's
// tokens; for lines of fewer than ratioToks tokens they read tables made
// from the divisions (stopBucketDiv ...), one division a line fewer.
func stopBucket(l *lineInfo) uint64 {
	if uint(l.toks) < ratioToks && uint(l.stop) < ratioToks {
		return uint64(ratioTabs[l.toks][l.stop].stop)
	}
	return stopBucketDiv(l.toks, l.stop)
}

func capBucket(l *lineInfo) uint64 {
	if uint(l.toks) < ratioToks && uint(l.capTok) < ratioToks {
		return uint64(ratioTabs[l.toks][l.capTok].cap)
	}
	return capBucketDiv(l.toks, l.capTok)
}

func digitBucket(l *lineInfo) uint64 {
	if uint(l.toks) < ratioToks && uint(l.digitTok) < ratioToks {
		return uint64(ratioTabs[l.toks][l.digitTok].digit)
	}
	return digitBucketDiv(l.toks, l.digitTok)
}

func stopBucketDiv(toks, stop int) uint64 {
	if toks < 3 {
		return 7
	}
	return uint64(min(6, stop*10/toks))
}

func capBucketDiv(toks, capTok int) uint64 {
	if toks == 0 {
		return 6
	}
	if capTok == toks {
		return 5
	}
	return uint64(capTok * 4 / toks)
}

func digitBucketDiv(toks, digitTok int) uint64 {
	if toks == 0 {
		return 0
	}
	return uint64(1 + digitTok*3/toks)
}

// ratioToks bounds the token counts the ratio tables hold.
const ratioToks = 32

// ratioTabs[toks][n] holds the three buckets for n of toks tokens.
var ratioTabs = func() (t [ratioToks][ratioToks]struct{ stop, cap, digit uint8 }) {
	for toks := range ratioToks {
		for n := range ratioToks {
			t[toks][n].stop = uint8(stopBucketDiv(toks, n))
			t[toks][n].cap = uint8(capBucketDiv(toks, n))
			t[toks][n].digit = uint8(digitBucketDiv(toks, n))
		}
	}
	return t
}()

func indentBucketSwitch(n int) uint64 {
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
	return b2u(a < b) | b2u(a > b)<<1
}

func decile(a, b int32) uint64 {
	if b <= 0 {
		return 11
	}
	return uint64(a * 10 / b)
}

func distBucketSwitch(d int) uint64 {
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

// baseFeatures appends the hashed features of non-blank line k that do
// not depend on the headline: they are computed once per line and shared
// by both body passes.
func (c *pageCtx) baseFeatures(k int, bits uint, dst []uint32) []uint32 {
	i := c.nb[k]
	l := &c.li[i]
	n := len(c.nb)
	tb := uint64(l.tb)
	ct := uint64(l.ct)
	sb := uint64(l.sb)
	ec := uint64(l.ec)
	bl := uint64(l.bullet)
	cb := uint64(l.cb)
	ib := indentBucket(l.indent)
	dst = append(dst,
		feat(tBias, 0, bits),
		feat(tTok, tb, bits),
		feat(tStop, sb, bits),
		feat(tEnd, ec, bits),
		feat(tBullet, bl, bits),
		feat(tIndent, ib, bits),
		feat(tCap, cb, bits),
		feat(tUpper, uint64(min(l.upperTok, 3)), bits),
		feat(tDigit, digitBucket(l), bits),
		feat(tPipe, uint64(min(l.pipes, 3)), bits),
		feat(tFirstLower, b2u(l.firstLower), bits),
		feat(tCopyright, b2u(l.copyright), bits),
		feat(tRelPos, uint64(k*10/n), bits),
		feat(tDup, b2u(c.dupEarlier[k])<<1|b2u(c.prefixDup[k]), bits),
		feat(tTokEnd, tb<<8|ec, bits),
		feat(tTokBullet, tb<<8|bl, bits),
		feat(tTokCap, tb<<8|cb, bits),
		feat(tBulletIndent, bl<<8|ib, bits),
		feat(tPrevBlank, b2u(l.prevBlank)<<4|ct, bits),
	)
	for d := -2; d <= 2; d++ {
		if d == 0 || k+d < 0 || k+d >= n {
			continue
		}
		m := &c.li[c.nb[k+d]]
		dd := uint64(d + 8)
		dst = append(dst, feat(tCtxTokEnd, dd<<16|uint64(m.ct)<<8|b2u(m.se), bits))
		if d == -1 || d == 1 {
			dst = append(dst, feat(tCtxStop, dd<<8|uint64(m.sb), bits))
		}
	}
	w := 0
	for d := -4; d <= 4; d++ {
		if d != 0 && k+d >= 0 && k+d < n && c.prose[k+d] {
			w++
		}
	}
	mb, ma := decile(c.massBefore[k], c.totalMass), decile(c.totalMass-c.massBefore[k]-int32(l.toks)*int32(b2u(c.prose[k])), c.totalMass)
	dst = append(dst,
		feat(tWindowTok, uint64(w)<<8|ct, bits),
		feat(tMassBefore, mb, bits),
		feat(tMassAfter, ma, bits),
		feat(tMassTok, mb<<16|ma<<8|ct, bits),
		feat(tRelIndent, relIndent(l.indent, c.proseIndent)<<8|bl, bits))
	return dst
}

// secondFeatures appends the second pass's features beyond the base
// ones: the relation to the headline, and the first pass's verdict on
// the line's neighbourhood (stacking: a prose line after a subheading,
// between stretches the first pass kept, is body though its own score is
// lukewarm).
func (c *pageCtx) secondFeatures(k int, bits uint, dst []uint32) []uint32 {
	return c.stackFeatures(k, bits, c.titleRelFeatures(k, bits, dst))
}

// probBucket buckets a first-pass score (a logit), without a branch.
func probBucket(s float32) uint64 {
	return b2u(s >= -4) + b2u(s >= -1.5) + b2u(s >= 0) + b2u(s >= 1.5) + b2u(s >= 4)
}

// stackFeatures appends the features of line k drawn from the first
// pass's scores and decode.
func (c *pageCtx) stackFeatures(k int, bits uint, dst []uint32) []uint32 {
	n := len(c.nb)
	l := &c.li[c.nb[k]]
	ct := uint64(l.ct)
	for d := -2; d <= 2; d++ {
		if d == 0 || k+d < 0 || k+d >= n {
			continue
		}
		dst = append(dst, feat(tStackNext, uint64(d+8)<<8|probBucket(c.preScore[k+d]), bits))
	}
	// Share of the nearby text the first pass kept.
	lo, hi := max(k-6, 0), min(k+7, n)
	own := int32(min(l.toks, 40))
	tot := int(c.cumTok[hi] - c.cumTok[lo] - own)
	kept := int(c.cumKept[hi] - c.cumKept[lo] - own*int32(b2u(c.pass[k])))
	wb := uint64(5)
	if tot > 0 {
		wb = uint64(kept * 4 / tot)
	}
	dst = append(dst, feat(tStackWindow, wb<<8|ct, bits))
	// Where the line lies relative to the first pass's main run.
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
	dst = append(dst,
		feat(tStackMain, rel<<8|b2u(c.prose[k])<<4|ct, bits),
		feat(tStackSelf, b2u(c.pass[k])<<8|ct, bits))
	return dst
}

// titleRelFeatures appends the features relating non-blank line k to the
// headline c.title (one constant feature when there is none).
func (c *pageCtx) titleRelFeatures(k int, bits uint, dst []uint32) []uint32 {
	if c.title < 0 {
		return append(dst, feat(tTitleDist, 0, bits))
	}
	l := &c.li[c.nb[k]]
	ct := uint64(l.ct)
	db := distBucket(k - c.title)
	return append(dst,
		feat(tTitleDist, db, bits),
		feat(tTitleDistTok, db<<8|ct, bits),
		feat(tTitleDistProse, db<<8|b2u(c.prose[k]), bits),
		feat(tTitleIndent, relIndent(l.indent, c.li[c.nb[c.title]].indent)<<8|uint64(l.bullet), bits))
}

// titleMaxBefore bounds, in twentieths of the first pass's body tokens,
// how much body text may come before a headline candidate.
const titleMaxBefore = 2

// titleCandidate reports whether non-blank line k may be the headline:
// a few words, not a list item, not a copyright line.
func (c *pageCtx) titleCandidate(k int) bool {
	l := &c.li[c.nb[k]]
	// One branch, not five: which lines fail is in no order.
	if b2u(l.toks < 2)|b2u(l.toks > 40)|b2u(l.bullet != 0)|b2u(l.copyright)|b2u(l.runes > 300) != 0 {
		return false
	}
	if l.runes == runesUncounted && l.end-l.start > 300 && c.runeCount(c.nb[k]) > 300 {
		return false // no more runes than bytes: only a long line is counted
	}
	// The headline comes before most of the first pass's body text.
	if c.passTotal > 0 && c.passBefore[k]*20/c.passTotal >= titleMaxBefore {
		return false
	}
	// A URL is never the headline.
	return !strings.Contains(c.text(c.nb[k]), "://")
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
	} else if k > 0 && first == t {
		inFirst = 3
	}
	af := uint64(c.affix[k])
	f(tTitleAffix, af)
	f(tTitleAffix, 1<<20|af<<8|inFirst)
	f(tTitleAffix, 2<<20|af<<8|coarseTok(l.toks))
	f(tTitleDateBy, b2u(dateLike(t, l))<<1|b2u(bylineLike(t, l)))
	if inFirst == 0 && k > 0 {
		f(tTitleOverlap, c.overlapBucket(k))
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
	return c.titleExtra(k, bits, dst)
}

// prepTitle computes the page-level facts the headline features need:
// the words of the first line and of the main run's first lines, which
// lines are candidates and how near each is to the main run, counted in
// candidates.
func (c *pageCtx) prepTitle(first string) {
	c.setFirstWords(first)
	c.hitK = -1
	clear(c.ledeWords[:])
	n := len(c.nb)
	if c.mainStart >= 0 {
		for k := c.mainStart; k <= c.mainEnd && k < c.mainStart+3; k++ {
			t := c.text(c.nb[k])
			for x := 0; x < len(t); {
				h, next, ok := nextWord(t, x)
				if !ok {
					break
				}
				c.ledeWords[h>>6&(firstBits/64-1)] |= 1 << (h & 63)
				x = next
			}
		}
	}
	c.cand = grow(c.cand, n)
	c.candRank = grow(c.candRank, n)
	cnt := 0
	longest := 0
	// No line from the first with titleMaxBefore or more of the first
	// pass's body before it on is a candidate (titleCandidate): the body
	// before a line only grows down the page.
	below := n
	if c.passTotal > 0 && c.passTotal <= math.MaxInt32/20 { // the products do not overflow
		below = sort.Search(n, func(k int) bool { return c.passBefore[k]*20/c.passTotal >= titleMaxBefore })
	}
	for k := n - 1; k >= 0; k-- {
		ok := k < below && c.titleCandidate(k)
		c.cand[k] = ok
		r := uint8(7)
		switch {
		case c.mainStart < 0:
		case k >= c.mainStart:
			r = 6
		case !ok:
		default:
			switch {
			case cnt < 3:
				r = uint8(cnt)
			case cnt < 5:
				r = 3
			case cnt < 10:
				r = 4
			default:
				r = 5
			}
			// Among the four nearest, the one with the most tokens.
			if cnt < 4 {
				toks := c.li[c.nb[k]].toks
				if toks > longest {
					longest = toks
					r |= 8
				}
			}
			cnt++
		}
		c.candRank[k] = r
	}
	// Bit 8 marks a running maximum from below; keep it only on the
	// true longest among the nearest four.
	for k := range c.candRank {
		if r := c.candRank[k]; r&8 != 0 && c.li[c.nb[k]].toks != longest {
			c.candRank[k] = r &^ 8
		}
	}
}

// wordHits counts the words of candidate k's text, and how many of them
// occur in the first line and in the main run's first lines (up to the
// bitmaps' rare false hits), in one walk cached for the last k asked.
func (c *pageCtx) wordHits(k int) (tot, first, lede int) {
	if c.hitK == k {
		return c.hits[0], c.hits[1], c.hits[2]
	}
	t := c.text(c.nb[k])
	for x := 0; x < len(t); {
		h, next, ok := nextWord(t, x)
		if !ok {
			break
		}
		tot++
		b, bit := h>>6&(firstBits/64-1), h&63
		first += int(c.firstWords[b] >> bit & 1)
		lede += int(c.ledeWords[b] >> bit & 1)
		x = next
	}
	c.hitK, c.hits = k, [3]int{tot, first, lede}
	return tot, first, lede
}

// ledeBucket buckets the share of candidate k's words that occur in the
// first lines of the main run.
func (c *pageCtx) ledeBucket(k int) uint64 {
	tot, _, hit := c.wordHits(k)
	switch {
	case tot == 0 || hit == 0:
		return 0
	case hit*4 < tot:
		return 1
	case hit*2 < tot:
		return 2
	}
	return 3
}

// titleExtraVals returns the values of candidate k's extra headline
// features: its rank among the candidates above the main run (candRank),
// its token count's coarse bucket, its word overlap with the main run's
// first lines (4 if not above the main run), and whether it opens with a
// quotation mark (a pull quote). With noWords, lb is ledeUnknown where
// it would need the words.
func (c *pageCtx) titleExtraVals(k int, noWords bool) (r, ct, lb, q uint64) {
	l := &c.li[c.nb[k]]
	t := c.text(c.nb[k])
	r = uint64(c.candRank[k])
	lb = 4
	if c.mainStart >= 0 && k < c.mainStart {
		lb = ledeUnknown
		if !noWords {
			lb = c.ledeBucket(k)
		}
	}
	if t[0] == '"' || strings.HasPrefix(t, "\u201c") || strings.HasPrefix(t, "\u00ab") {
		q = 1
	}
	return r, uint64(l.ct), lb, q
}

// ledeUnknown is titleExtraVals's lb when it was not to walk the words.
const ledeUnknown = 5

// titleExtra appends the headline features of candidate k drawn from
// titleExtraVals.
func (c *pageCtx) titleExtra(k int, bits uint, dst []uint32) []uint32 {
	r, ct, lb, q := c.titleExtraVals(k, false)
	return append(dst,
		feat(tTitleRank, r, bits),
		feat(tTitleRank, 1<<20|r<<8|ct, bits),
		feat(tTitleLede, lb, bits),
		feat(tTitleLede, 1<<20|lb<<8|(r&7), bits),
		feat(tTitleQuote, q, bits))
}

// setFirstWords records the words of the page's first line (html-text
// prints the <title> there) in a bitmap, for overlapBucket.
func (c *pageCtx) setFirstWords(first string) {
	clear(c.firstWords[:])
	for x := 0; x < len(first); {
		h, next, ok := nextWord(first, x)
		if !ok {
			break
		}
		c.firstWords[h>>6&(firstBits/64-1)] |= 1 << (h & 63)
		x = next
	}
}

const firstBits = 4096

// overlapBucket buckets the share of candidate k's words that occur in
// the first line.
func (c *pageCtx) overlapBucket(k int) uint64 {
	tot, hit, _ := c.wordHits(k)
	switch {
	case tot == 0 || hit == 0:
		return 0
	case hit*2 < tot:
		return 1
	case hit*5 < tot*4:
		return 2
	case hit < tot:
		return 3
	}
	return 4
}

// nextWord finds the first word of s at or after x (a run of ASCII
// letters, digits and underscores and non-ASCII bytes) and returns a hash
// of it, ASCII lower-cased, and the offset after it.
func nextWord(s string, x int) (h uint64, next int, ok bool) {
	for x < len(s) && s[x] < 0x80 && asciiClass[s[x]] < aLower {
		x++
	}
	if x == len(s) {
		return 0, x, false
	}
	h = 14695981039346656037
	for ; x < len(s); x++ {
		b := s[x]
		if b < 0x80 {
			if asciiClass[b] < aLower {
				break
			}
			b = lowerASCII[b]
		}
		h = (h ^ uint64(b)) * 1099511628211
	}
	return h ^ h>>32, x, true
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
