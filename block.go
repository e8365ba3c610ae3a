package newsdump

import (
	"bytes"
	"slices"
	"strings"
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
	lead       int32    // the indentation before the text, in characters (see indentOf)
	num        int      // 1-based line number in the input
	off        int      // byte offset of the text's first byte in the input
}

// addInput adds the line whose text is in[start:end].
func (b *block) addInput(start, end, num, off, lead int) {
	l := b.newLine()
	l.start, l.end, l.num, l.off = start, end, num, off
	l.side, l.kind, l.lead = false, kindOf(b.in[start:end]), int32(min(lead, maxLead))
	b.n += end - start
}

// addCopy adds a line whose text is in memory the block does not own.
func (b *block) addCopy(text []byte, num, off, lead int) {
	l := b.newLine()
	l.start = len(b.side)
	b.side = append(b.side, text...)
	l.end, l.num, l.off = len(b.side), num, off
	l.side, l.kind, l.lead = true, kindOf(text), int32(min(lead, maxLead))
	b.n += len(text)
}

// maxLead is the most indentation a line keeps: page text is indented by
// a few spaces a level, and more says nothing more.
const maxLead = 64

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
	if cap(b.lines) > maxKeptLines {
		b.lines, b.idx, b.capIdx = nil, nil, nil
	}
	if cap(b.side) > maxKeptBuffer {
		b.side = nil
	}
}

// maxKeptBuffer is the largest buffer a Reader keeps for reuse between
// articles, and maxKeptLines the most lines whose slices it keeps: after
// an exceptional article, buffers start small again.
const (
	maxKeptBuffer = 4 << 20
	maxKeptLines  = 1 << 16
)

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
	if len(p.captions) > captionSetLinear {
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
	a.Paragraphs = unwrap(a.Paragraphs, func(k int) bool {
		return k > 0 && b.lines[p.paras[k]].num > b.lines[p.paras[k-1]].num+1
	})
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

// arenaSize is the largest size of the buffers that the articles Parse
// returns share: large enough that allocating them costs little per
// article, small enough that an article kept alone keeps little else
// alive. The first buffer of a parse is minArenaSize bytes and each next
// one twice the last, up to arenaSize, so that a small dump costs buffers
// the size of its text, not 64 KiB.
const (
	arenaSize    = 64 << 10
	minArenaSize = 2 << 10
)

// carve returns a slice of n elements. Without share, that is a slice of
// its own; with share, it is cut from *slab, one allocation for the slices
// of many articles (its capacity is n, so that appending to it never
// writes into the next article's).
func carve[T any](slab *[]T, n int, share bool) []T {
	if !share {
		return make([]T, n)
	}
	if *slab == nil || cap(*slab)-len(*slab) < n {
		next := min(max(2*cap(*slab), minSlabSize), slabSize)
		*slab = make([]T, 0, max(n, next))
	}
	k := len(*slab)
	*slab = (*slab)[:k+n]
	return (*slab)[k : k+n : k+n]
}

// slabSize is how many elements a slab of carve holds at most; like the
// text buffers, slabs start small (minSlabSize) and double.
const (
	slabSize    = 1024
	minSlabSize = 32
)

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
		next := min(max(2*b.arena.Cap(), minArenaSize), arenaSize)
		b.arena = strings.Builder{}
		b.arena.Grow(max(size, next))
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
	return unwrap(out, func(k int) bool { return k > 0 && b.lines[k].num > b.lines[k-1].num+1 })
}
