package page

import (
	"math"
	"strings"
	"unsafe"
)

// Extract finds the headline and body of a page with model m; see the
// package-level Extract.
func (m *Model) Extract(lines []string) Result { return m.ExtractHashed(lines, nil) }

// ExtractHashed is Extract for a caller that has hashed the lines
// already: hashes[i] is a hash of line i's text without the spaces and
// tabs around it (and a CR at its end), by one function for all the
// lines, so that equal texts have equal hashes and different ones, but
// for a chance of one in 2^64, different hashes (as hash/maphash's
// with one seed). The hash of a blank line is not read. A nil hashes is
// Extract.
func (m *Model) ExtractHashed(lines []string, hashes []uint64) Result {
	c := ctxPool.Get().(*pageCtx)
	defer ctxPool.Put(c)
	c.init(lines, hashes)
	// Class and Reason share one allocation (both are bytes); each is
	// capped so that an append to one cannot run into the other.
	nl := len(lines)
	cr := make([]Class, 2*nl)
	res := Result{Title: -1, Class: cr[:nl:nl], Reason: unsafe.Slice((*Reason)(unsafe.Pointer(unsafe.SliceData(cr[nl:]))), nl)}
	n := len(c.nb)
	if n == 0 {
		for i := range lines {
			res.Class[i], res.Reason[i] = Blank, ReasonBlank
		}
		c.release()
		return res
	}
	var buf [128]uint32
	c.score, c.in, c.bodyBase = grow(c.score, n), grow(c.in, n), grow(c.bodyBase, n)
	c.preScore, c.pass = grow(c.preScore, n), grow(c.pass, n)
	score, in, base := c.score, c.in, c.bodyBase
	tabs := m.tabs()
	if tabs != nil {
		scoreBaseFast(c, tabs, c.preScore, base)
	} else {
		scoreBase(c, m.Pre, m.Body, m.Bits, c.preScore, base, buf[:0])
	}
	m.firstPass(c, c.preScore, c.pass)
	c.title = m.pickTitle(c, buf[:0])
	if tabs != nil {
		scoreSecondFast(c, tabs, base, score)
	} else {
		for k := range c.nb {
			score[k] = base[k] + dot(m.Body, c.secondFeatures(k, m.Bits, buf[:0]))
		}
	}
	decode(c, score, m.Switch, m.Weight, in)
	c.trimRuns(in)
	c.fillGaps(in, score)
	c.extendTail(in, score)
	if !anyTrue(in) {
		// Paywalled and teaser pages print two or three paragraphs the
		// decoder may not think worth a switch: keep the likely prose.
		for k := range in {
			in[k] = c.prose[k] && score[k] > -0.5 && k != c.title
		}
	}
	c.finish(&res, in, score)
	c.release()
	return res
}

// release readies c for the pool: it drops the caller's text, and the
// line scan's scratch if one very long line grew it.
func (c *pageCtx) release() {
	c.lines = nil
	if cap(c.scan.bnd) > 1<<16 {
		c.scan.bnd = nil
	}
}

// scoreBase computes each line's base features once and scores them
// with both body models: pre gets the first-pass score (the base features
// plus the no-headline feature), base the second-pass model's sum over
// the base features alone, to which Extract adds the second pass's own
// features.
func scoreBase(c *pageCtx, wp, wb []float32, bits uint, pre, base []float32, buf []uint32) {
	noTitle := wp[feat(tTitleDist, 0, bits)]
	for k := range c.nb {
		fs := c.baseFeatures(k, bits, buf[:0])
		var sp, sb float32
		for _, f := range fs {
			sp += wp[f]
			sb += wb[f]
		}
		pre[k] = sp + noTitle
		base[k] = sb
	}
}

// firstPass decodes the first-pass scores and records in c where the main
// run of body text starts and ends, for the headline finder.
func (m *Model) firstPass(c *pageCtx, score []float32, in []bool) {
	c.title = -1
	decode(c, score, m.Switch, m.Weight, in)
	n := len(in)
	if cap(c.passBefore) < 2*n {
		c.passBefore = make([]int32, 2*n)
	}
	c.passBefore, c.passNext = c.passBefore[:n], c.passBefore[n:2*n]
	var tot int32
	next := int32(-1)
	for k := n - 1; k >= 0; k-- {
		c.passNext[k] = next
		if in[k] {
			next = int32(k)
		}
	}
	for k := range in {
		c.passBefore[k] = tot
		if in[k] {
			tot += int32(c.li[c.nb[k]].toks)
		}
	}
	c.passTotal = tot
	c.cumTok, c.cumKept = grow(c.cumTok, n+1), grow(c.cumKept, n+1)
	var ct, ck int32
	for k := range in {
		c.cumTok[k], c.cumKept[k] = ct, ck
		t := int32(min(c.li[c.nb[k]].toks, 40))
		ct += t
		if in[k] {
			ck += t
		}
	}
	c.cumTok[n], c.cumKept[n] = ct, ck
	c.mainStart, c.mainEnd = -1, -1
	best := 0
	for k := 0; k < len(in); {
		if !in[k] {
			k++
			continue
		}
		j, mass := k, 0
		for j < len(in) && in[j] {
			mass += c.li[c.nb[j]].toks
			j++
		}
		if mass > best {
			best, c.mainStart, c.mainEnd = mass, k, j-1
		}
		k = j
	}
}

// pickTitle returns the non-blank index of the best headline candidate:
// the first of those with the highest score.
func (m *Model) pickTitle(c *pageCtx, buf []uint32) int {
	first := c.text(c.nb[0])
	c.prepTitle(first)
	best, bestS := -1, float32(math.Inf(-1))
	if tabs := m.tabs(); tabs != nil {
		// Most candidates lose, whatever their words and the rest that
		// costs most to find say: bound every candidate's score without
		// them (see titleScoreFast), score the one with the highest
		// bound, and then only those whose bound reaches the best score.
		cands := c.titleBounds[:0]
		top := -1
		for k := range c.nb {
			if c.cand[k] {
				b := c.titleScoreFast(tabs, k, first, true)
				if top < 0 || b > cands[top].bound {
					top = len(cands)
				}
				cands = append(cands, titleBound{b, int32(k)})
			}
		}
		if top >= 0 {
			best = int(cands[top].k)
			bestS = c.titleScoreFast(tabs, best, first, false)
		}
		for x, cd := range cands {
			if x == top || cd.bound < bestS {
				continue
			}
			k := int(cd.k)
			if s := c.titleScoreFast(tabs, k, first, false); s > bestS || s == bestS && k < best {
				best, bestS = k, s
			}
		}
		c.titleBounds = cands
	} else {
		for k := range c.nb {
			if !c.cand[k] {
				continue
			}
			if s := dot(m.Title, c.titleFeatures(k, first, m.Bits, buf[:0])); s > bestS {
				best, bestS = k, s
			}
		}
	}
	if best >= 0 {
		best = c.trimAffix(best)
	}
	return best
}

// titleBound is a headline candidate's bound on its score.
type titleBound struct {
	bound float32
	k     int32
}

// siteSeparator reports whether s starts with the separator sites put
// between the headline and their name in a <title>: " | ", " - ", " – ",
// " — ", " · ", " :: ", " : ".
func siteSeparator(s string) bool {
	if len(s) < 3 || s[0] != ' ' {
		return false
	}
	for _, sep := range [...]string{"| ", "- ", "\u2013 ", "\u2014 ", "\u00b7 ", ":: ", ": ", "\u00bb ", "\u2022 "} {
		if len(s) > len(sep) && s[1:1+len(sep)] == sep {
			return true
		}
	}
	return false
}

// trimAffix returns, for headline candidate k, a nearby shorter candidate
// that k's text ends or starts with, if there is one: the line picked
// is then a breadcrumb trail run into the headline ("Home News
// Headline") or the headline with the site's name ("Headline | Site"),
// and the shorter line is the headline itself.
func (c *pageCtx) trimAffix(k int) int {
	if c.affix[k]&(affixPrefix|affixSuffix) == 0 || c.affix[k]&(affixPrefixShort|affixSuffixShort) == affixPrefixShort|affixSuffixShort {
		return k
	}
	t := c.text(c.nb[k])
	best := k
	for j := max(0, k-12); j < min(len(c.nb), k+13); j++ {
		u := c.text(c.nb[j])
		if j == k || len(u) >= len(t) || len(u)*3 < len(t) || !c.titleCandidate(j) {
			continue
		}
		if (t[len(t)-len(u):] == u || (t[:len(u)] == u && siteSeparator(t[len(u):]))) && (best == k || len(u) > len(c.text(c.nb[best]))) {
			best = j
		}
	}
	return best
}

// trimRuns drops from the end of each run of body lines the short lines
// that end no sentence ("Advertisement", "Share this:"): the decode keeps
// them because a switch costs the same one line later.
func (c *pageCtx) trimRuns(in []bool) {
	for k := len(in) - 1; k >= 0; k-- {
		if !in[k] || (k+1 < len(in) && in[k+1]) {
			continue
		}
		for j := k; j >= 0 && in[j]; j-- {
			l := &c.li[c.nb[j]]
			if l.toks > 3 || l.se || j == 0 || !in[j-1] {
				break
			}
			in[j] = false
		}
	}
}

// fillGaps keeps the short gaps between two body runs that the decode
// dropped: subheadings, quotes and short paragraphs with body on both
// sides, when none of them is a list item, a copyright line or a repeat,
// and the model did not score any of them as clear boilerplate.
// Gaps fillGaps may fill: at most gapMax lines, none scored below gapMin
// (chosen by cross-validation).
const (
	gapMax = 8
	gapMin = -6
)

func (c *pageCtx) fillGaps(in []bool, score []float32) {
	last := -1
	for k := range in {
		if !in[k] {
			continue
		}
		if last >= 0 && k-last-1 > 0 && k-last-1 <= gapMax {
			ok := true
			for j := last + 1; j < k; j++ {
				l := &c.li[c.nb[j]]
				if l.bullet != 0 || l.copyright || c.dupEarlier[j] || score[j] < gapMin || j == c.title {
					ok = false
					break
				}
			}
			if ok {
				for j := last + 1; j < k; j++ {
					in[j] = true
				}
			}
		}
		last = k
	}
}

// tailMin is the lowest line score extendTail takes into the tail.
const tailMin = -1.5

// extendTail keeps the paragraphs of prose that follow the body's last
// run directly: the decode may switch out of the body a paragraph or two
// early when the last paragraphs are dense with names and capitals, as
// lists of related headlines are, and a switch costs the same there as
// one paragraph later. The tail is prose lines, and the lines that carry
// on a sentence one of them left open (a hard-wrapped paragraph), up to
// the last that ends a sentence; a line scored below tailMin, a list
// item, a copyright line or a repeat ends it ("Reporting by …; Editing
// by …", which ends no sentence, is not taken).
func (c *pageCtx) extendTail(in []bool, score []float32) {
	last := -1
	for k := len(in) - 1; k >= 0; k-- {
		if in[k] {
			last = k
			break
		}
	}
	if last < 0 {
		return
	}
	end, open := last, false
	for j := last + 1; j < len(in); j++ {
		l := &c.li[c.nb[j]]
		if score[j] < tailMin || l.bullet != 0 || l.copyright || c.dupEarlier[j] || j == c.title {
			break
		}
		if !c.prose[j] && !(open && l.toks >= 3) {
			break
		}
		open = !l.se
		if l.se {
			end = j
		}
	}
	for j := last + 1; j <= end; j++ {
		in[j] = true
	}
}

func anyTrue(b []bool) bool {
	for _, v := range b {
		if v {
			return true
		}
	}
	return false
}

// lineWeight is how much a line's evidence counts in the decode: a long
// paragraph should not be dropped to save one switch, a one-word line
// should not force one.
func lineWeight(l *lineInfo, w float32) float32 {
	return 1 + w*float32(min(l.toks, 60))/10
}

// decode runs a two-state (boilerplate, body) Viterbi over the non-blank
// lines: emissions are the model's log-probabilities weighted by line
// length, and every switch between states costs sw. It returns, per
// non-blank line, whether it is in the body state, in in.
func decode(c *pageCtx, score []float32, sw, w float32, in []bool) {
	n := len(score)
	c.back = grow(c.back, n)
	back := c.back              // bit s: best predecessor of state s was 1
	var v0, v1 float32 = 0, -sw // start outside the body
	for k, s := range score {
		lw := lineWeight(&c.li[c.nb[k]], w)
		sp := softplus(s)
		e0 := -lw * sp       // log (1-sigmoid(s))
		e1 := -lw * (sp - s) // log sigmoid(s) = -softplus(-s)
		var b uint8
		n0, n1 := v0, v1-sw
		if n1 > n0 {
			n0 = n1
			b |= 1
		}
		m0, m1 := v0-sw, v1
		if m1 >= m0 {
			m0 = m1
			b |= 2
		}
		v0, v1 = n0+e0, m0+e1
		back[k] = b
	}
	st := uint8(0)
	if v1-sw > v0 {
		st = 1
	}
	for k := n - 1; k >= 0; k-- {
		in[k] = st == 1
		st = (back[k] >> st) & 1
	}
}

// softplus is log(1+e^x), from a table: max(x,0) + log1p(e^-|x|), the
// second term interpolated linearly between knots 1/64 apart (error
// under 1e-5, which the decode cannot tell from exact).
func softplus(x float32) float32 {
	y := x
	if y < 0 {
		y = -y
	}
	base := max(x, 0)
	if y >= softplusMax {
		return base
	}
	t := y * softplusStep
	i := int(t)
	f := t - float32(i)
	return base + softplusTab[i] + f*(softplusTab[i+1]-softplusTab[i])
}

const (
	softplusMax  = 16
	softplusStep = 64
)

var softplusTab = func() (t [softplusMax*softplusStep + 2]float32) {
	for i := range t {
		t[i] = float32(math.Log1p(math.Exp(-float64(i) / softplusStep)))
	}
	return t
}()

// finish turns the decode into classes, body indices and paragraphs.
func (c *pageCtx) finish(res *Result, in []bool, score []float32) {
	lines := c.lines
	for i := range lines {
		if c.li[i].nb < 0 && !c.li[i].cont {
			res.Class[i], res.Reason[i] = Blank, ReasonBlank
		}
	}
	if c.title >= 0 {
		ti := c.nb[c.title]
		res.Title = ti
		res.Class[ti], res.Reason[ti] = Title, ReasonHeadline
		in[c.title] = false
	}
	// Body lines, without repeats of earlier body lines.
	nBody := 0
	for k := range in {
		if in[k] {
			nBody++
		}
	}
	res.Body = make([]int, 0, nBody)
	for k, ok := range in {
		if !ok {
			continue
		}
		i := c.nb[k]
		if c.dupEarlier[k] && c.repeatsBody(res.Body, i) {
			in[k] = false
			res.Class[i], res.Reason[i] = Other, ReasonDuplicate
			continue
		}
		res.Body = append(res.Body, i)
		res.Class[i], res.Reason[i] = Body, ReasonContentRun
		for j := i + 1; j < len(lines) && c.li[j].cont; j++ {
			res.Body = append(res.Body, j)
			res.Class[j], res.Reason[j] = Body, ReasonContentRun
		}
	}
	firstBody, lastBody := res.Title+1, res.Title
	if len(res.Body) > 0 {
		firstBody, lastBody = res.Body[0], res.Body[len(res.Body)-1]
	}
	titleLine := res.Title
	if titleLine < 0 {
		titleLine = firstBody
	}
	for k, i := range c.nb {
		if in[k] || i == res.Title || res.Class[i] != Other || res.Reason[i] != ReasonNone {
			continue
		}
		l := &c.li[i]
		t := c.text(i)
		cl, r := Other, ReasonLowScore
		switch {
		case l.copyright:
			cl, r = Footer, ReasonCopyright
		case i < titleLine && l.bullet != 0:
			cl, r = Navigation, ReasonListItem
		case i < titleLine && l.toks <= 4:
			cl, r = Navigation, ReasonShortLink
		case i < titleLine:
			cl, r = Other, ReasonBeforeTitle
		case i < firstBody && bylineLike(t, l):
			cl, r = Byline, ReasonBylineLike
		case i < lastBody+3 && dateLike(t, l):
			cl, r = Date, ReasonDateLike
		case i < firstBody && c.prose[k]:
			cl, r = Description, ReasonUnderHeadline
		case i > lastBody && k >= len(c.nb)*9/10:
			cl, r = Footer, ReasonAfterBody
		case i > lastBody:
			cl, r = Promo, ReasonAfterBody
		case i > firstBody && i < lastBody && l.bullet == 0 && l.toks >= 5 && !l.firstLower:
			cl, r = Caption, ReasonInsideBody
		case i > firstBody && i < lastBody:
			cl, r = Promo, ReasonInsideBody
		case l.bullet != 0:
			cl, r = Navigation, ReasonListItem
		case l.toks <= 4:
			cl, r = Navigation, ReasonShortLink
		}
		res.Class[i], res.Reason[i] = cl, r
		for j := i + 1; j < len(lines) && c.li[j].cont; j++ {
			res.Class[j], res.Reason[j] = cl, r
		}
	}
	if res.Title >= 0 {
		for j := res.Title + 1; j < len(lines) && c.li[j].cont; j++ {
			res.Class[j], res.Reason[j] = Title, ReasonHeadline
		}
	}
	res.Paragraphs = c.paragraphs(res.Body)
}

// repeatsBody reports whether line i has the same text as a line already
// in body.
func (c *pageCtx) repeatsBody(body []int, i int) bool {
	h := c.li[i].hash
	t := c.text(i)
	for _, j := range body {
		if c.li[j].hash == h && c.text(j) == t {
			return true
		}
	}
	return false
}

// bylineLike: "By Jane Doe", "Por ...", or a short line of capitalised
// words with an "and" or a comma (several authors).
func bylineLike(t string, l *lineInfo) bool {
	if l.toks == 0 || l.toks > 12 {
		return false
	}
	if len(t) > 3 && (strings.EqualFold(t[:3], "by ") || strings.EqualFold(t[:3], "por")) {
		return true
	}
	return l.toks <= 4 && l.capTok == l.toks && l.digitTok == 0
}

var monthPrefixes = [...]string{"jan", "feb", "fev", "mar", "apr", "abr", "avr", "may", "mai", "jun", "jui", "jul", "aug", "ago", "aoû", "sep", "set", "oct", "out", "okt", "nov", "dec", "dez", "dic", "déc"}

// monthKeys are the ASCII month prefixes packed as three lower-case bytes.
var monthKeys = func() (ks [len(monthPrefixes)]uint32) {
	for i, m := range monthPrefixes {
		if len(m) == 3 {
			ks[i] = uint32(m[0]) | uint32(m[1])<<8 | uint32(m[2])<<16
		}
	}
	return ks
}()

// dateLike: a short line with a number and a month name, or a numeric
// date (19/11/2019, 2019-11-19).
func dateLike(t string, l *lineInfo) bool {
	if l.digitTok == 0 || l.toks > 12 {
		return false
	}
	for k := 0; k+3 <= len(t); k++ {
		if t[k] == '/' || (t[k] == '-' && k > 0 && t[k-1] >= '0' && t[k-1] <= '9') {
			return true
		}
		if (k > 0 && isLetterByte(t[k-1])) || !isLetterByte(t[k]) {
			continue
		}
		if t[k+1] < 0x80 && t[k+2] < 0x80 {
			key := uint32(lowerByte(t[k])) | uint32(lowerByte(t[k+1]))<<8 | uint32(lowerByte(t[k+2]))<<16
			for _, m := range monthKeys {
				if m == key {
					return true
				}
			}
			continue
		}
		for _, m := range monthPrefixes {
			if len(m) > 3 && len(t)-k >= len(m) && strings.EqualFold(t[k:k+len(m)], m) {
				return true
			}
		}
	}
	return false
}

func lowerByte(b byte) byte {
	if b < 0x80 {
		return lowerASCII[b]
	}
	return b
}

func isLetterByte(b byte) bool { return ('a' <= b && b <= 'z') || ('A' <= b && b <= 'Z') || b >= 0x80 }

// paragraphs returns the body text: one paragraph per line, except that
// consecutive lines hard-wrapped at a fixed width are joined.
func (c *pageCtx) paragraphs(body []int) []string {
	out := make([]string, 0, len(body))
	for x := 0; x < len(body); {
		i := body[x]
		y := x + 1
		for y < len(body) && body[y] == body[y-1]+1 && c.li[body[y]].cont {
			y++
		}
		if y == x+1 {
			out = append(out, c.bodyText(i))
			x = y
			continue
		}
		var sb strings.Builder
		for z := x; z < y; z++ {
			if z > x {
				sb.WriteByte(' ')
			}
			sb.WriteString(c.bodyText(body[z]))
		}
		out = append(out, sb.String())
		x = y
	}
	return out
}

// bodyText is a body line's text, trimmed, without a list bullet.
func (c *pageCtx) bodyText(i int) string {
	return c.lines[i][c.li[i].bodyStart:c.li[i].end]
}
