package newsdump

import (
	"bytes"
	"strings"
	"unicode/utf8"
	"unsafe"
)

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

// captionSetLinear is the most captions a linear search handles; the
// article builder uses it too, to tell when to dedupe captions by hash.
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
