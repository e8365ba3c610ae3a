package page

import (
	"math"
	"strings"
)

// Extract finds the headline and body of a page with model m; see the
// package-level Extract.
func (m *Model) Extract(lines []string) Result {
	c := ctxPool.Get().(*pageCtx)
	defer ctxPool.Put(c)
	c.init(lines)
	res := Result{Title: -1, Class: make([]Class, len(lines)), Reason: make([]Reason, len(lines))}
	n := len(c.nb)
	if n == 0 {
		for i := range lines {
			res.Class[i], res.Reason[i] = Blank, ReasonBlank
		}
		return res
	}
	var buf [128]uint32
	c.score, c.in = grow(c.score, n), grow(c.in, n)
	score, in := c.score, c.in
	m.firstPass(c, score, in, buf[:0])
	c.title = m.pickTitle(c, buf[:0])
	for k := range c.nb {
		score[k] = dot(m.Body, c.bodyFeatures(k, m.Bits, buf[:0]))
	}
	decode(c, score, m.Switch, m.Weight, in)
	if !anyTrue(in) {
		// Paywalled and teaser pages print two or three paragraphs the
		// decoder may not think worth a switch: keep the likely prose.
		for k := range in {
			in[k] = c.prose[k] && score[k] > -0.5 && k != c.title
		}
	}
	c.finish(&res, in, score)
	c.lines = nil // do not keep the caller's text alive in the pool
	return res
}

// firstPass scores and decodes the lines without headline features and
// records in c where the main run of body text starts and ends, for the
// headline finder.
func (m *Model) firstPass(c *pageCtx, score []float32, in []bool, buf []uint32) {
	c.title = -1
	for k := range c.nb {
		score[k] = dot(m.Pre, c.bodyFeatures(k, m.Bits, buf[:0]))
	}
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

// pickTitle returns the non-blank index of the best headline candidate.
func (m *Model) pickTitle(c *pageCtx, buf []uint32) int {
	first := c.text(c.nb[0])
	best, bestS := -1, float32(math.Inf(-1))
	for k := range c.nb {
		if !c.titleCandidate(k) {
			continue
		}
		s := dot(m.Title, c.titleFeatures(k, first, m.Bits, buf[:0]))
		if s > bestS {
			best, bestS = k, s
		}
	}
	return best
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
	back := make([]uint8, n)    // bit s: best predecessor of state s was 1
	var v0, v1 float32 = 0, -sw // start outside the body
	for k, s := range score {
		lw := lineWeight(&c.li[c.nb[k]], w)
		e1 := -lw * softplus(-s) // log sigmoid(s)
		e0 := -lw * softplus(s)  // log (1-sigmoid(s))
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

func softplus(x float32) float32 {
	if x > 20 {
		return x
	}
	return float32(math.Log1p(math.Exp(float64(x))))
}

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
		if k > 0 && isLetterByte(t[k-1]) {
			continue
		}
		for _, m := range monthPrefixes {
			if len(t)-k >= len(m) && strings.EqualFold(t[k:k+len(m)], m) {
				return true
			}
		}
	}
	return false
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
