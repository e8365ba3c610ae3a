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
// Only the non-blank lines are kept, trimmed, one after another in buf:
// inside a block, blank lines carry no meaning, because every non-blank
// body line is a paragraph whether paragraphs are split by blank lines or
// by single newlines.
type block struct {
	// sb holds the kept lines one after another. A strings.Builder, because
	// its memory is not zeroed when it is allocated (every byte is written
	// once anyway) and its String is the text without a copy.
	sb    strings.Builder
	hint  int // capacity to give the next builder: about the last block's size
	lines []blockLine

	// Scratch space reused from block to block by split: the line indices
	// of every article's paragraphs, and the articles.
	idx   []int
	parts []articleParts
}

type blockLine struct {
	start, end int // the line's text is buf[start:end]
	num        int // 1-based line number in the input
	off        int // byte offset of the text's first byte in the input
}

func (b *block) add(text []byte, num, off int) {
	if b.sb.Cap() == 0 && b.hint > 0 {
		b.sb.Grow(b.hint)
	}
	start := b.sb.Len()
	b.sb.Write(text)
	b.lines = append(b.lines, blockLine{start: start, end: b.sb.Len(), num: num, off: off})
}

func (b *block) size() int { return b.sb.Len() }

// buf returns the block's text so far, read-only: it is the builder's own
// memory, which nothing but the builder may write.
func (b *block) buf() []byte {
	s := b.sb.String()
	return unsafe.Slice(unsafe.StringData(s), len(s))
}

// reset empties the block for reuse, dropping the line index if one huge
// article grew it, so that a Reader's memory returns to its usual size.
func (b *block) reset() {
	b.sb.Reset()
	b.lines, b.idx = b.lines[:0], b.idx[:0]
	if cap(b.lines) > 1<<16 {
		b.lines, b.idx = nil, nil
	}
}

// takeText returns the block's text as a string and gives up the memory
// behind it, which the string now owns: every field of the block's
// articles is a substring of it, at the cost of no copy. The next builder
// is given about this block's size, so that a run of similar articles fills
// each buffer without growing it; after a huge block it starts small.
func (b *block) takeText() string {
	text := b.sb.String()
	b.sb = strings.Builder{}
	b.hint = 0
	if n := len(text); n <= maxKeptBuffer {
		b.hint = n + n/4
	}
	return text
}

// maxKeptBuffer is the largest buffer a Reader sets aside in advance or
// keeps for reuse between articles: after an exceptional article, buffers
// start small again.
const maxKeptBuffer = 4 << 20

func (b *block) text(i int) []byte {
	l := b.lines[i]
	return b.buf()[l.start:l.end]
}

func (b *block) eq(i, j int) bool { return bytes.Equal(b.text(i), b.text(j)) }

// isTT reports whether line i is the font-size widget ("TT").
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

func (b *block) isTT(i int) bool { return string(b.text(i)) == "TT" }

// isNumber reports whether line i is a bare number of one to three digits:
// the font size the widget prints after "TT" on some pages.
func (b *block) isNumber(i int) bool {
	t := b.text(i)
	if len(t) == 0 || len(t) > 3 {
		return false
	}
	for _, c := range t {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

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
func (b *block) captionLike(i int) bool {
	t := b.text(i)
	k := creditOpen(t)
	return k >= 0 && len(bytes.TrimSpace(t[k+1:len(t)-1])) > 0
}

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
		caps := captionSet{b: b}
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
		p.captions = caps.lines
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
	lines []int
	index map[string]struct{}
}

const captionSetLinear = 8

func (s *captionSet) has(i int) bool {
	if s.index != nil {
		_, ok := s.index[string(s.b.text(i))]
		return ok
	}
	for _, k := range s.lines {
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
	s.lines = append(s.lines, i)
	if s.index == nil && len(s.lines) > captionSetLinear {
		s.index = make(map[string]struct{}, 2*len(s.lines))
		for _, k := range s.lines {
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

// article builds the Article for p. text is the block's buffer as one
// string: every field is a substring of it, so an article costs a handful
// of allocations however many paragraphs it has.
func (b *block) article(p articleParts, text, file string) Article {
	str := func(i int) string { l := b.lines[i]; return text[l.start:l.end] }
	title := b.lines[p.title]
	a := Article{
		Title:      str(p.title),
		Captions:   make([]Caption, len(p.captions)),
		Paragraphs: make([]string, len(p.paras)),
		Source:     Source{File: file, Line: title.num, Offset: title.off},
	}
	// Two caption lines that differ only in the space before the credit
	// are the same caption.
	caps := a.Captions[:0]
	var seen map[Caption]bool
	if len(p.captions) > 8 {
		seen = make(map[Caption]bool, len(p.captions))
	}
	for _, i := range p.captions {
		c := splitCaption(str(i))
		if seen != nil {
			if seen[c] {
				continue
			}
			seen[c] = true
		} else if slices.Contains(caps, c) {
			continue
		}
		caps = append(caps, c)
	}
	a.Captions = caps
	for k, i := range p.paras {
		a.Paragraphs[k] = str(i)
	}
	return a
}

// allLines returns every line of the block as a paragraph: the block
// continues the previous article's body.
func (b *block) allLines() []string {
	text := b.takeText()
	out := make([]string, len(b.lines))
	for k, l := range b.lines {
		out[k] = text[l.start:l.end]
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
// in such a group.
func cutCredit(s string) (text, credit string, ok bool) {
	k := creditOpen(s)
	if k < 0 {
		return s, "", false
	}
	return strings.TrimSpace(s[:k]), strings.TrimSpace(s[k+1 : len(s)-1]), true
}

// creditOpen returns the index of the "(" that matches the ")" ending s,
// or -1 if s does not end in a balanced parenthesised group.
func creditOpen[T string | []byte](s T) int {
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
