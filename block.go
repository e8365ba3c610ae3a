package newsdump

import (
	"bytes"
	"slices"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// A block is a run of lines between two separators (two or more blank
// lines). It normally holds one article; it can hold none (chrome alone),
// several (articles glued together by a single blank line) or the rest of
// the previous article's body.
//
// Only the non-blank lines are kept, trimmed: inside a block, blank lines
// carry no meaning, because every non-blank body line is a paragraph
// whether paragraphs are split by blank lines or by single newlines.
//
// A plain line (see plainLine) is not copied: the block refers to it where
// it is in the Reader's input buffer, which keeps the block's input until
// the block is done (see Reader.fill). Cleaned lines, and lines moved out
// of the input buffer to make room, are kept in side. Each article's text
// is copied once, when the article is built: into a string of its own, or
// for Parse into a buffer that many articles share (see share).
type block struct {
	in   []byte // the Reader's input buffer
	side []byte
	// share means articles may share memory (see Parse): their text is
	// copied into arena, a buffer of arenaSize bytes or more that many
	// articles fill one after another, instead of one string each.
	share   bool
	arena   strings.Builder
	strSlab []string  // with share, the Paragraphs of many articles
	capSlab []Caption // with share, the Captions of many articles
	lines   []blockLine
	n       int // bytes of text in lines
	// Every line before lines[firstIn] is in side, so the work of keeping
	// track of the input buffer never looks at a line twice.
	firstIn int

	// Scratch space reused from block to block by split and article: the
	// line indices of every article's paragraphs, the articles, and the
	// caption lines.
	idx     []int
	capIdx  []int
	parts   []articleParts
	capEnds []int
}

type blockLine struct {
	start, end int      // the line's text is in[start:end], or side[start:end]
	side       bool     // the text is in side
	kind       lineKind // what the header rules need to know of the text
	num        int      // 1-based line number in the input
	off        int      // byte offset of the text's first byte in the input
}

// lineKind classifies a line once, when it is added, for the header rules
// of split, which ask each question of a line several times.
type lineKind uint8

const (
	lineTT      lineKind = 1 << iota // the font-size widget, "TT"
	lineNumber                       // one to three digits: the font size the widget prints
	lineCaption                      // ends in a credit (see cutCredit)
)

func kindOf(t []byte) lineKind {
	switch {
	case len(t) == 2 && t[0] == 'T' && t[1] == 'T':
		return lineTT
	case len(t) <= 3 && isDigits(t):
		return lineNumber
	case t[len(t)-1] == ')':
		// A view of the line, not a copy: cutCredit keeps nothing.
		if _, _, ok := cutCredit(unsafe.String(&t[0], len(t))); ok {
			return lineCaption
		}
	}
	return 0
}

func isDigits(t []byte) bool {
	for _, c := range t {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// addInput adds the line whose text is in[start:end].
func (b *block) addInput(start, end, num, off int) {
	l := b.newLine()
	l.start, l.end, l.num, l.off = start, end, num, off
	l.side, l.kind = false, kindOf(b.in[start:end])
	b.n += end - start
}

// addCopy adds a line whose text is in memory the block does not own.
func (b *block) addCopy(text []byte, num, off int) {
	l := b.newLine()
	l.start = len(b.side)
	b.side = append(b.side, text...)
	l.end, l.num, l.off = len(b.side), num, off
	l.side, l.kind = true, kindOf(text)
	b.n += len(text)
}

// newLine appends a line for the caller to fill in. Filling in the fields
// one by one, rather than appending a struct value, spares the processor a
// copy through the stack that it cannot forward from stores to loads.
func (b *block) newLine() *blockLine {
	n := len(b.lines)
	if n == cap(b.lines) {
		b.lines = slices.Grow(b.lines, 1)
	}
	b.lines = b.lines[:n+1]
	return &b.lines[n]
}

func (b *block) size() int { return b.n }

// inputFrom returns where in the input buffer the block's first line there
// starts: the input before it is no longer needed. ok is false when no
// line of the block is in the input buffer.
func (b *block) inputFrom() (from int, ok bool) {
	for ; b.firstIn < len(b.lines); b.firstIn++ {
		if l := b.lines[b.firstIn]; !l.side {
			return l.start, true
		}
	}
	return 0, false
}

// shift records that the input buffer's bytes moved k places to the front.
func (b *block) shift(k int) {
	for i := b.firstIn; i < len(b.lines); i++ {
		if l := &b.lines[i]; !l.side {
			l.start -= k
			l.end -= k
		}
	}
}

// spill copies the text of the lines still in the input buffer to side, so
// that the input buffer can be reused: a block whose input (trailing
// white space, blank lines) is much longer than its text then takes no
// more memory than its text.
func (b *block) spill() {
	for i := b.firstIn; i < len(b.lines); i++ {
		if l := &b.lines[i]; !l.side {
			start := len(b.side)
			b.side = append(b.side, b.in[l.start:l.end]...)
			l.start, l.end, l.side = start, len(b.side), true
		}
	}
	b.firstIn = len(b.lines)
}

// reset empties the block for reuse, dropping the buffers one huge article
// grew, so that a Reader's memory returns to its usual size.
func (b *block) reset() {
	b.lines, b.idx, b.capIdx, b.side, b.n, b.firstIn = b.lines[:0], b.idx[:0], b.capIdx[:0], b.side[:0], 0, 0
	if cap(b.lines) > 1<<16 {
		b.lines, b.idx, b.capIdx = nil, nil, nil
	}
	if cap(b.side) > maxKeptBuffer {
		b.side = nil
	}
}

// maxKeptBuffer is the largest buffer a Reader keeps for reuse between
// articles: after an exceptional article, buffers start small again.
const maxKeptBuffer = 4 << 20

func (b *block) text(i int) []byte {
	l := &b.lines[i]
	if l.side {
		return b.side[l.start:l.end]
	}
	return b.in[l.start:l.end]
}

func (b *block) eq(i, j int) bool {
	li, lj := &b.lines[i], &b.lines[j]
	return li.end-li.start == lj.end-lj.start && bytes.Equal(b.text(i), b.text(j))
}

// hasChrome reports whether the block has a "TT" line: a header, which
// only an article's start has.
func (b *block) hasChrome() bool {
	for i := range b.lines {
		if b.isTT(i) {
			return true
		}
	}
	return false
}

// isTT reports whether line i is the font-size widget ("TT").
func (b *block) isTT(i int) bool { return b.lines[i].kind == lineTT }

// isNumber reports whether line i is a bare number of one to three digits:
// the font size the widget prints after "TT" on some pages.
func (b *block) isNumber(i int) bool { return b.lines[i].kind == lineNumber }

// skipChrome returns the index after the chrome that starts at line i: the
// "TT" line and, if the next line is a bare number, that number.
func (b *block) skipChrome(i int) int {
	i++
	if i < len(b.lines) && b.isNumber(i) {
		i++
	}
	return i
}

// captionLike reports whether line i ends in a parenthesised credit.
func (b *block) captionLike(i int) bool { return b.lines[i].kind == lineCaption }

// doubled reports whether line i is printed again on the next line, the
// way the site prints every caption.
func (b *block) doubled(i int) bool { return i+1 < len(b.lines) && b.eq(i, i+1) }

// titleAfter reports whether the first line after the chrome at line t
// (and any chrome right after it) repeats line title: the header repeat
// that follows the widget on every page of the site.
func (b *block) titleAfter(t, title int) bool {
	k := t
	for k < len(b.lines) && b.isTT(k) {
		k = b.skipChrome(k)
	}
	return k < len(b.lines) && b.eq(k, title)
}

// startsLikeArticle reports whether a block without a header still starts
// a new article rather than continuing the previous one's body: it has a
// line after its first, and its first line reads like a headline, short and
// not ending like a sentence. Body paragraphs end in sentence punctuation;
// headlines do not, except for a question or an exclamation.
func (b *block) startsLikeArticle() bool {
	if len(b.lines) < 2 {
		return false
	}
	t := b.text(0)
	if len(t) > maxHeadlineBytes {
		return false
	}
	t = bytes.TrimRight(t, "\"')]’”»")
	r, _ := utf8.DecodeLastRune(t)
	return !strings.ContainsRune(".,;:…", r)
}

// maxHeadlineBytes is longer than any headline seen in news, and shorter
// than most paragraphs.
const maxHeadlineBytes = 250

// articleParts holds one article as line indices into its block.
type articleParts struct {
	title    int
	captions []int
	paras    []int
}

// split divides the block into articles. header reports whether the block
// shows any sign of an article header (the chrome line, a repeated title,
// doubled captions); a block without one is body text.
//
// The page layout is: title; captions, each printed twice; the "TT" widget,
// perhaps followed by a number; the title and captions again; the body.
// Any part may be missing. The rules, in order:
//
//  1. Chrome before the title is dropped.
//  2. The first line is the title.
//  3. If the first chrome line follows the title with only caption lines
//     (lines ending in a parenthesised credit) in between, or if the title
//     is repeated right after it, every line in between is a caption.
//     Otherwise, if the caption lines right after the title include a
//     doubled line or a repeat of the title, they are captions (a header
//     whose chrome is missing). Otherwise there is no header: the body
//     starts after the title.
//  4. After a header comes the header printed again: repeats of the title,
//     repeats of its captions and further chrome are skipped; caption lines
//     not seen before that are doubled or follow a repeated title are added
//     to the captions.
//  5. Every other line is a paragraph, except chrome, which is dropped.
//  6. Chrome inside the body that is followed by a repeat of the line
//     before its captions starts a new article at that line: two articles
//     glued together by a single blank line.
//
// Each line is looked at a bounded number of times, so splitting is linear
// in the block's size whatever the input.
func (b *block) split() (parts []articleParts, header bool) {
	n := len(b.lines)
	parts = b.parts[:0]
	b.idx = b.idx[:0]
	i := 0
	for i < n {
		for i < n && b.isTT(i) {
			header = true
			i = b.skipChrome(i)
		}
		if i == n {
			break
		}
		p := articleParts{title: i}
		caps := captionSet{b: b, start: len(b.capIdx)}
		i++

		// j ends the run of caption lines (and title repeats) after the
		// title; t is the first chrome line.
		j := i
		for j < n && !b.isTT(j) && (b.captionLike(j) || b.eq(j, p.title)) {
			j++
		}
		t := j
		for t < n && !b.isTT(t) {
			t++
		}
		switch {
		case t < n && (t == j || b.titleAfter(t, p.title)):
			header = true
			caps.addRange(i, t, p.title)
			i = b.skipRepeat(t, p.title, &caps)
		case b.chromelessHeader(i, j, p.title):
			header = true
			caps.addRange(i, j, p.title)
			i = b.skipRepeat(j, p.title, &caps)
		}

		bodyStart, first := i, len(b.idx)
		for i < n {
			if !b.isTT(i) {
				b.idx = append(b.idx, i)
				i++
				continue
			}
			header = true
			if c := b.gluedTitle(bodyStart, i); c >= 0 {
				for len(b.idx) > first && b.idx[len(b.idx)-1] >= c {
					b.idx = b.idx[:len(b.idx)-1]
				}
				i = c
				break
			}
			i = b.skipChrome(i)
		}
		// Later appends to b.idx never touch this article's range, so the
		// subslice stays valid even if b.idx moves.
		p.paras = b.idx[first:len(b.idx):len(b.idx)]
		p.captions = caps.lines()
		parts = append(parts, p)
	}
	b.parts = parts
	return parts, header
}

// chromelessHeader reports whether the caption lines [i, j) after a title
// form a header although no chrome line follows them: one of them is
// doubled or repeats the title. A single caption-like line alone is not
// enough: a first paragraph may end in "(AFP)".
func (b *block) chromelessHeader(i, j, title int) bool {
	for k := i; k < j; k++ {
		if b.eq(k, title) || (k+1 < j && b.eq(k, k+1)) {
			return true
		}
	}
	return false
}

// skipRepeat skips the header printed again from line i on (rule 4 of
// split) and returns the index of the first body line.
func (b *block) skipRepeat(i, title int, caps *captionSet) int {
	repeated := false
	for i < len(b.lines) {
		switch {
		case b.isTT(i):
			i = b.skipChrome(i)
		case b.eq(i, title):
			repeated = true
			i++
		case caps.has(i):
			i++
		case b.captionLike(i) && (repeated || b.doubled(i)):
			caps.add(i)
			i++
		default:
			return i
		}
	}
	return i
}

// gluedTitle looks at the chrome line t inside a body that starts at line
// bodyStart. If the line before the caption lines that precede t is
// repeated right after t, that line is the title of a new article and its
// index is returned; otherwise -1.
func (b *block) gluedTitle(bodyStart, t int) int {
	k := t - 1
	for k >= bodyStart && b.captionLike(k) {
		k--
	}
	if k < bodyStart || !b.titleAfter(t, k) {
		return -1
	}
	return k
}

// captionSet holds a header's distinct caption lines in order of first
// appearance. Lookups are linear while the set is small (the usual one or
// two photos) and hashed beyond, so that an article with a huge number of
// captions is still parsed in linear time.
type captionSet struct {
	b     *block
	start int // the set's lines are b.capIdx[start:]
	index map[string]struct{}
}

const captionSetLinear = 8

// lines returns the set's lines. Later appends to b.capIdx, for the next
// article of the block, never touch them.
func (s *captionSet) lines() []int {
	n := len(s.b.capIdx)
	return s.b.capIdx[s.start:n:n]
}

func (s *captionSet) has(i int) bool {
	if s.index != nil {
		_, ok := s.index[string(s.b.text(i))]
		return ok
	}
	for _, k := range s.b.capIdx[s.start:] {
		if s.b.eq(i, k) {
			return true
		}
	}
	return false
}

func (s *captionSet) add(i int) {
	if s.has(i) {
		return
	}
	s.b.capIdx = append(s.b.capIdx, i)
	lines := s.b.capIdx[s.start:]
	if s.index == nil && len(lines) > captionSetLinear {
		s.index = make(map[string]struct{}, 2*len(lines))
		for _, k := range lines {
			s.index[string(s.b.text(k))] = struct{}{}
		}
		return
	}
	if s.index != nil {
		s.index[string(s.b.text(i))] = struct{}{}
	}
}

// addRange adds the lines [i, j) other than repeats of the title.
func (s *captionSet) addRange(i, j, title int) {
	for k := i; k < j; k++ {
		if !s.b.eq(k, title) {
			s.add(k)
		}
	}
}

// article builds the Article for p. Its text (title, caption lines and
// paragraphs) is copied into one string of its own, of which every field
// is a substring: an article costs a handful of allocations however many
// paragraphs it has, and keeps no memory but its own text.
func (b *block) article(p articleParts, file string) Article {
	size := len(b.text(p.title))
	for _, i := range p.captions {
		size += len(b.text(i))
	}
	body, span := b.bodySpan(p.paras)
	size += span
	sb, base := b.textBuffer(size)
	at := func(i int) int { sb.Write(b.text(i)); return sb.Len() - base }
	titleEnd := at(p.title)
	capEnds := b.capEnds[:0]
	for _, i := range p.captions {
		capEnds = append(capEnds, at(i))
	}
	b.capEnds = capEnds
	bodyStart := sb.Len() - base
	if body != nil {
		sb.Write(body)
	} else {
		for _, i := range p.paras {
			sb.Write(b.text(i))
		}
	}
	text := sb.String()[base:]

	title := b.lines[p.title]
	a := Article{
		Title:      text[:titleEnd],
		Captions:   carve(&b.capSlab, len(p.captions), b.share)[:0],
		Paragraphs: carve(&b.strSlab, len(p.paras), b.share),
		Source:     Source{File: file, Line: title.num, Offset: title.off},
	}
	// Two caption lines that differ only in the space before the credit
	// are the same caption.
	var seen map[Caption]bool
	if len(p.captions) > 8 {
		seen = make(map[Caption]bool, len(p.captions))
	}
	start := titleEnd
	for _, end := range capEnds {
		c := splitCaption(text[start:end])
		start = end
		if seen != nil {
			if seen[c] {
				continue
			}
			seen[c] = true
		} else if slices.Contains(a.Captions, c) {
			continue
		}
		a.Captions = append(a.Captions, c)
	}
	start = bodyStart
	for k, i := range p.paras {
		l := &b.lines[i]
		if body != nil {
			start = bodyStart + l.start - b.lines[p.paras[0]].start
		}
		end := start + l.end - l.start
		a.Paragraphs[k] = text[start:end]
		start = end
	}
	return a
}

// bodySpan returns, when the lines paras are in the input buffer one after
// another with little else between them (their line ends, a blank line),
// the input from the first to the end of the last: copied as one piece,
// separators and all, rather than line by line. Otherwise body is nil.
// span is the size of the text to copy either way.
func (b *block) bodySpan(paras []int) (body []byte, span int) {
	in := true
	for _, i := range paras {
		l := &b.lines[i]
		span += l.end - l.start
		in = in && !l.side
	}
	if !in || len(paras) == 0 {
		return nil, span
	}
	from, to := b.lines[paras[0]].start, b.lines[paras[len(paras)-1]].end
	if to-from > span+span/16+4*len(paras) {
		return nil, span // chrome, long runs of blank lines or white space
	}
	return b.in[from:to], to - from
}

// arenaSize is the size of the buffers that the articles Parse returns
// share: large enough that allocating them costs little per article,
// small enough that an article kept alone keeps little else alive.
const arenaSize = 64 << 10

// carve returns a slice of n elements. Without share, that is a slice of
// its own; with share, it is cut from *slab, one allocation for the slices
// of many articles (its capacity is n, so that appending to it never
// writes into the next article's).
func carve[T any](slab *[]T, n int, share bool) []T {
	if !share {
		return make([]T, n)
	}
	if *slab == nil || cap(*slab)-len(*slab) < n {
		*slab = make([]T, 0, max(n, slabSize))
	}
	k := len(*slab)
	*slab = (*slab)[:k+n]
	return (*slab)[k : k+n : k+n]
}

// slabSize is how many elements a slab of carve holds.
const slabSize = 1024

// textBuffer returns the builder to write size bytes of an article's text
// into, and how much it held before. Without share, that is a builder of
// its own, of exactly that size. With share, it is the arena, started
// anew when the text does not fit in what is left of it: a builder never
// changes what it has written, so the strings of earlier articles stay
// valid.
func (b *block) textBuffer(size int) (sb *strings.Builder, base int) {
	if !b.share {
		sb = new(strings.Builder)
		sb.Grow(size)
		return sb, 0
	}
	if b.arena.Cap()-b.arena.Len() < size {
		b.arena = strings.Builder{}
		b.arena.Grow(max(size, arenaSize))
	}
	return &b.arena, b.arena.Len()
}

// allLines returns every line of the block as a paragraph: the block
// continues the previous article's body.
func (b *block) allLines() []string {
	sb, base := b.textBuffer(b.n)
	for i := range b.lines {
		sb.Write(b.text(i))
	}
	text := sb.String()[base:]
	out := carve(&b.strSlab, len(b.lines), b.share)
	start := 0
	for k := range b.lines {
		end := start + len(b.text(k))
		out[k] = text[start:end]
		start = end
	}
	return out
}

// splitCaption splits a caption line into its text and its credit.
func splitCaption(line string) Caption {
	text, credit, ok := cutCredit(line)
	if !ok {
		return Caption{Text: line}
	}
	return Caption{Text: text, Credit: credit}
}

// cutCredit splits s before the balanced parenthesised group that ends it:
// "Raisi (R) and al-Sudani meet. (Photo by X / AFP)" gives "Raisi (R) and
// al-Sudani meet." and "Photo by X / AFP". ok is false when s does not end
// in such a group, or the group is empty ("()" credits no one, and the
// caption keeps it as text).
func cutCredit(s string) (text, credit string, ok bool) {
	k := creditOpen(s)
	if k < 0 {
		return s, "", false
	}
	credit = strings.TrimSpace(s[k+1 : len(s)-1])
	if credit == "" {
		return s, "", false
	}
	return strings.TrimSpace(s[:k]), credit, true
}

// creditOpen returns the index of the "(" that matches the ")" ending s,
// or -1 if s does not end in a balanced parenthesised group.
func creditOpen(s string) int {
	if len(s) == 0 || s[len(s)-1] != ')' {
		return -1
	}
	depth := 0
	for k := len(s) - 1; k >= 0; k-- {
		switch s[k] {
		case ')':
			depth++
		case '(':
			depth--
			if depth == 0 {
				return k
			}
		}
	}
	return -1
}
