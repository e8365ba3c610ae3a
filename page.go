package newsdump

import (
	"bytes"
	"hash/maphash"
	"slices"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/newsdump/newsdump/internal/pagemeta"
)

// Page text is read in three steps: sniffLayout decides, from the start of
// an input, whether it is page text at all; the Reader cuts the input into
// pages where a site's opening lines recur (pageState); and pageArticle
// finds each page's article with the model of internal/page and the rules
// around it (page_rules.go).

// layoutSniffLen is how much of the start of an input sniffLayout reads:
// enough for the menus at the top of a page, and little enough to read
// before the first line.
const layoutSniffLen = 16 << 10

// sniffLayout decides the layout of an input from its first bytes. The
// samples' site layout shows itself at once (the "TT" widget, a caption
// printed twice). Page text shows itself by what a page has and a dump of
// bare articles (a title, then paragraphs) does not: mostly short,
// unpunctuated lines (menus, link lists, buttons), or the indentation a
// converter gives nested blocks, or a byline or date stamp on a line of
// its own. Anything else is read as a dump.
//
// Lines end with delim (a lone CR in old Mac files, else LF). Each line
// is looked at as clean calls it (the Reader's own cleaning, so
// that damaged white space or invisible characters decide nothing); the
// result need only be valid until the next call.
//
// sc holds its buffers, reused from one input to the next; they hold at
// most head's bytes.
func sniffLayout(head []byte, whole bool, delim byte, clean func([]byte) []byte, sc *sniffScratch) Layout {
	if i := bytes.LastIndexByte(head, delim); i >= 0 && !whole {
		head = head[:i] // the last line may be cut short
	}
	prev := sc.prev[:0]
	defer func() { sc.prev = prev }()
	lines, short, indented := 0, 0, 0
	// Only whether minPageLines distinct lines were seen matters, so
	// that many hashes are kept, and no more.
	var distinct [minPageLines]uint64
	nd := 0
	// Whether some line is a byline or a date matters only when the
	// short and indented lines alone do not make a page: most pages are
	// decided without asking. Until then the lines short enough to ask
	// about wait in meta, as cleaned (clean's result is not kept).
	meta := false
	pending, ends := sc.pending[:0], sc.ends[:0]
	defer func() { sc.pending, sc.ends = pending, ends }()
	isPage := func() bool {
		if nd < minPageLines {
			return false
		}
		if short*100 >= lines*minShortPercent || indented*100 >= lines*minIndentedPercent {
			return true
		}
		for k := 0; !meta && k < len(ends); k++ {
			from := 0
			if k > 0 {
				from = ends[k-1]
			}
			s := string(pending[from:ends[k]])
			_, isByline := pagemeta.Byline(s)
			_, _, isDate := pagemeta.Date(s)
			meta = isByline || isDate
		}
		pending, ends = pending[:0], ends[:0]
		return meta
	}
	for len(head) > 0 {
		var raw []byte
		raw, head, _ = bytes.Cut(head, []byte{delim})
		line := clean(raw)
		if len(line) == 0 {
			continue
		}
		if string(line) == "TT" || line[len(line)-1] == ')' && bytes.Equal(line, prev) {
			return LayoutDump
		}
		prev = append(prev[:0], line...)
		lines++
		if nd < len(distinct) {
			h := maphash.Bytes(sniffSeed, line)
			if !slices.Contains(distinct[:nd], h) {
				distinct[nd] = h
				nd++
			}
		}
		if shortLine(line) {
			short++
		}
		if bytes.HasPrefix(raw, []byte("  ")) || raw[0] == '\t' {
			indented++
		}
		if !meta && len(line) < maxMetaLine {
			pending = append(pending, line...)
			ends = append(ends, len(pending))
		}
		// The samples' header shows itself in its first lines: past
		// them, a clear page need not be read to the end.
		if lines >= minSniffLines && isPage() {
			return LayoutPage
		}
	}
	if isPage() {
		return LayoutPage
	}
	return LayoutDump
}

// sniffSeed seeds the hashes by which sniffLayout counts distinct lines.
var sniffSeed = maphash.MakeSeed()

// minSniffLines is how many lines sniffLayout reads at least before it
// decides: enough for the samples' header (title, captions twice, TT) to
// show.
const minSniffLines = 24

// maxMetaLine is the longest line sniffLayout asks whether it is a byline
// or a date stamp.
const maxMetaLine = 200

// A page's text opens with at least minPageLines distinct lines, and at
// least minShortPercent of them short (see shortLine) or
// minIndentedPercent indented; the samples' dumps and bare articles have
// one short line, the title, to several paragraphs, and no indentation.
const (
	minPageLines       = 12
	minShortPercent    = 25
	minIndentedPercent = 50
)

// shortLine reports whether line reads like a menu item, a button or a
// link rather than prose: four words or fewer, or a list item, and no
// sentence end.
func shortLine(line []byte) bool {
	if len(line) > 2 && (line[0] == '*' || line[0] == '+' || line[0] == '-') && line[1] == ' ' {
		return true
	}
	if r, _ := utf8.DecodeLastRune(line); r == '.' || r == '!' || r == '?' || r == '"' || r == '”' {
		return false
	}
	words := 0
	for i, c := range line {
		if c != ' ' && (i == 0 || line[i-1] == ' ') {
			if words++; words > 4 {
				return false
			}
		}
	}
	return true
}

// A site's pages open with the same banner and menu: a new page starts
// where pageRunLines of the current page's opening lines recur in a row,
// from its first or second line on (converters that print the page's
// <title> first open each page with a line of its own), and no page is
// shorter than minPageLines lines. The run tells a new page from a menu
// the page prints twice (for phones, and again for desktops), which
// repeats lines from further down the opening; pageHeadLines is how many
// opening lines are remembered.
const (
	pageHeadLines  = 8
	pageRunLines   = 4
	pageShiftLines = 1
)

// pageState follows the pages of one input. Its memory is bounded by the
// largest page: the opening lines of the current page, one entry for
// each of its lines, and the pairs of adjacent lines of the previous one,
// from which the site's template is known.
type pageState struct {
	seed  maphash.Seed
	head  [pageHeadLines]uint64 // hashes of the current page's first lines
	nhead int
	// run[j] is how many lines in a row, ending with the last one added,
	// equal head[j:].
	run [pageHeadLines]int
	// pairs holds a hash of each pair of adjacent lines of the previous
	// page: a line that has the same neighbour as there is template.
	pairs pairSet
	lines []pageLineInfo // the current page's lines, one per block line
	// flushPage's and startPage's buffers for the lines that open the
	// next page, reused from page to page.
	keep     []keptLine
	keepText []byte
	rest     []pageLineInfo
	prose    int // the index of the page's first line of prose, or -1
	// text returns the text of the current page's line i, for the tests
	// that only a candidate page start needs (see suffix, footerBefore).
	text func(i int) []byte
	// scratch is pageArticle's memory, reused from page to page.
	scratch pageScratch
}

// pageScratch holds the buffers pageArticle fills for each page: the
// page's text as the page rules read it, its lines, and what the rules
// make of each line. Nothing in them outlives the page: the article's
// text is copied out (cloneArticle) before the next page is read.
type pageScratch struct {
	sniff    sniffScratch
	idx      []int  // block line of each page line; -1: blank
	text     []byte // the page lines that are not views of the input (see pageArticle)
	lines    []string
	template []bool
	hashes   []uint64 // of each page line's text, for the extractor
	role     []Role
	reason   []string
}

// sniffScratch is sniffLayout's working memory.
type sniffScratch struct {
	prev, pending []byte
	ends          []int
}

// maxKeptPageLines is the most lines of a page whose buffers a Reader
// keeps for the next page; a huge page's are let go.
const maxKeptPageLines = 1 << 14

// suffix returns the hash of the site name that ends line i, if it is a
// <title> line (see siteSuffix), or 0.
func (p *pageState) suffix(i int) uint64 {
	text := p.text(i)
	if i > 0 && (p.lines[i].words < pageHeadlineWords || !hasTitleSeparator(text)) {
		return 0
	}
	return siteSuffix(p.seed, text)
}

// pageLineInfo is what pageState knows of a line.
type pageLineInfo struct {
	hash  uint64
	words uint8 // up to 255
}

// A page that prints its menu twice, the second time after a button
// ("Toggle navigation", "Menu"), is not two pages: a new page that opens
// with a line of its own before the recurring menu needs it to read like
// the <title> line some converters print first (pageHeadlineWords or
// more), and the page before it needs a line of prose (pageProseWords or
// more), its article, before the new page starts. When that line ends in
// the same site name as the current page's first line ("… | The Times"),
// as <title> lines do, pageSiteRunLines opening lines in a row are
// enough: sites with a banner and a one-line menu have no more; and so
// they are when the page's first lines recur right after a copyright
// line, which ends a page.
const (
	pageHeadlineWords = 4
	pageProseWords    = 15
	pageSiteRunLines  = 2
)

func wordCount(text []byte) uint8 { return uint8(min(bytes.Count(text, []byte{' '})+1, 255)) }

// titleSeparators separate a page's title from the site's name in a
// <title> line.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: "}

// copyrightLine reports whether text is the copyright line that ends a
// page's footer: short, with the sign or "All rights reserved", or
// opening with the word.
func copyrightLine(text []byte) bool {
	if len(text) > maxCopyrightLine {
		return false
	}
	return bytes.Contains(text, []byte("©")) || bytes.Contains(text, []byte("ights reserved")) ||
		bytes.HasPrefix(text, []byte("Copyright")) || bytes.HasPrefix(text, []byte("(c) ")) || bytes.HasPrefix(text, []byte("(C) "))
}

const maxCopyrightLine = 200

// hasTitleSeparator is siteSuffix's quick test: whether text has a
// character that starts one of titleSeparators after a space.
func hasTitleSeparator(text []byte) bool {
	for i := 1; i+1 < len(text); i++ {
		if text[i-1] == ' ' {
			switch text[i] {
			case '|', '-', ':', 0xE2: // 0xE2 starts "–" and "—"
				return true
			}
		}
	}
	return false
}

// siteSuffix returns the hash of the site name that ends a <title> line,
// or 0: the text after its last separator, one to six words.
func siteSuffix(seed maphash.Seed, text []byte) uint64 {
	cut := -1
	for _, sep := range titleSeparators {
		if i := bytes.LastIndex(text, []byte(sep)); i > cut {
			cut = i + len(sep)
		}
	}
	if cut < 0 || cut >= len(text) || bytes.Count(text[cut:], []byte{' '}) > 5 {
		return 0
	}
	return maphash.Bytes(seed, text[cut:]) | 1
}

// addLine records the line just added to the block and returns the block
// index where a new page starts with it, or -1.
func (p *pageState) addLine(l pageLineInfo) int {
	i := len(p.lines)
	p.lines = append(p.lines, l)
	if i == 0 {
		p.prose = -1
	}
	if p.prose < 0 && l.words >= pageProseWords {
		p.prose = i
	}
	if p.nhead < pageHeadLines {
		p.head[p.nhead] = l.hash
		p.nhead++
		return -1
	}
	for j := 0; j <= pageShiftLines; j++ {
		switch {
		case j+p.run[j] < p.nhead && p.head[j+p.run[j]] == l.hash:
			p.run[j]++
		case p.head[j] == l.hash:
			p.run[j] = 1
		default:
			p.run[j] = 0
		}
		start := i - p.run[j] + 1 - j
		if p.run[j] < pageSiteRunLines || start < minPageLines || p.prose < 0 || p.prose >= start {
			continue
		}
		first := p.lines[start]
		switch {
		case j == 1 && p.suffix(0) != 0 && p.suffix(start) == p.suffix(0):
			return start // the next <title> line of the same site
		case p.run[j] >= pageRunLines && (j == 0 || first.words >= pageHeadlineWords):
			return start
		case j == 0 && p.footerBefore(start):
			return start // the site's banner and menu again, after its footer
		}
	}
	return -1
}

// footerBefore reports whether one of the few lines before line i is a
// copyright line: the end of a page's footer.
func (p *pageState) footerBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-maxFooterTail; k-- {
		if copyrightLine(p.text(k)) {
			return true
		}
	}
	return false
}

// maxFooterTail is how many lines may follow a page's copyright line (a
// newsletter or social media line, a back-to-top link).
const maxFooterTail = 3

// startPage makes the lines of lines[from:] the opening lines of a new
// page, after the page before them was read; the caller has moved the
// block's lines to match.
func (p *pageState) startPage(from int) {
	p.pairs.reset(from)
	for i := 1; i < from; i++ {
		p.pairs.add(pairHash(p.lines[i-1].hash, p.lines[i].hash))
	}
	// The rest is the few lines that showed the new page: now the
	// block's first lines, which addLine may look at again.
	rest := append(p.rest[:0], p.lines[from:]...)
	p.lines = p.lines[:0]
	p.nhead, p.run = 0, [pageHeadLines]int{}
	for _, l := range rest {
		p.addLine(l)
	}
	p.rest = rest
}

// template reports whether line i of the current page is template: it
// stands next to the same line as on the previous page.
func (p *pageState) template(i int) bool {
	if p.pairs.n == 0 {
		return false
	}
	if i > 0 && p.pairs.has(pairHash(p.lines[i-1].hash, p.lines[i].hash)) {
		return true
	}
	return i+1 < len(p.lines) && p.pairs.has(pairHash(p.lines[i].hash, p.lines[i+1].hash))
}

// pairSet is a set of pair hashes: an open-addressing table of a power
// of two slots, at most half of them full, in which 0 marks a free slot
// (a hash of 0 is kept aside). The pairs of every line of a page are put
// in it and looked up, and a Go map's hashing and buckets cost a page
// of short lines more than the rest of its template test.
type pairSet struct {
	slots []uint64
	n     int // hashes in the set
	zero  bool
}

// reset empties s for up to n hashes.
func (s *pairSet) reset(n int) {
	size := 16
	for size < 2*n {
		size <<= 1
	}
	if cap(s.slots) >= size {
		s.slots = s.slots[:size]
		clear(s.slots)
	} else {
		s.slots = make([]uint64, size)
	}
	s.n, s.zero = 0, false
}

// forget empties s without clearing its slots, which reset clears
// before the next add (has reads no slot of an empty set).
func (s *pairSet) forget() { s.n, s.zero = 0, false }

// add puts h in s, which reset made room for.
func (s *pairSet) add(h uint64) {
	if h == 0 {
		if !s.zero {
			s.zero = true
			s.n++
		}
		return
	}
	mask := uint64(len(s.slots) - 1)
	for x := h & mask; ; x = (x + 1) & mask {
		switch s.slots[x] {
		case 0:
			s.slots[x] = h
			s.n++
			return
		case h:
			return
		}
	}
}

// has reports whether h is in s.
func (s *pairSet) has(h uint64) bool {
	if h == 0 {
		return s.zero
	}
	if s.n == 0 || len(s.slots) == 0 {
		return false
	}
	mask := uint64(len(s.slots) - 1)
	for x := h & mask; ; x = (x + 1) & mask {
		switch s.slots[x] {
		case 0:
			return false
		case h:
			return true
		}
	}
}

func pairHash(a, b uint64) uint64 {
	h := a*0x9e3779b97f4a7c15 ^ b
	return h ^ h>>29
}

// pageLine is called for each line added to the block in page layout: it
// ends the page before a recurrence of the site's opening lines.
func (r *Reader) pageLine() {
	i := len(r.blk.lines) - 1
	text := r.blk.text(i)
	// A line's indentation is part of it here: a converter indents a
	// page's opening menu the same on every page, and a copy of the menu
	// further down the page (in the footer, say) deeper.
	h := maphash.Bytes(r.pg.seed, text) ^ uint64(r.blk.lines[i].lead)*leadMix
	if start := r.pg.addLine(pageLineInfo{hash: h, words: wordCount(text)}); start >= 0 {
		r.flushPage(start, false)
	}
}

// leadMix mixes a line's indentation into the hash of its text in
// pageLine.
const leadMix = 0x9e3779b97f4a7c15

// trimmable reports whether the extractor trims c off the ends of a
// line's text (as white space around it).
func trimmable(c byte) bool { return c == ' ' || c == '\t' }

// flushPage turns the block's first n lines into the article of one page,
// and keeps the rest as the start of the next page; last says the input
// ends there.
func (r *Reader) flushPage(n int, last bool) {
	if n > 0 {
		if a, ok := r.pageArticle(n); ok {
			r.queue = append(r.queue, a)
		}
	}
	if last {
		r.blk.reset()
		return
	}
	rest := len(r.blk.lines) - n
	if rest == 0 {
		r.blk.reset()
		r.pg.startPage(n)
		return
	}
	// The few lines that showed the next page move to the front of the
	// block, through buffers kept from page to page.
	buf, keep := r.pg.keepText[:0], slices.Grow(r.pg.keep[:0], rest)
	for i := n; i < len(r.blk.lines); i++ {
		l := r.blk.lines[i]
		keep = append(keep, keptLine{len(buf), l.num, l.off, int(l.lead)})
		buf = append(buf, r.blk.text(i)...)
	}
	r.blk.reset()
	for k, l := range keep {
		end := len(buf)
		if k+1 < len(keep) {
			end = keep[k+1].start
		}
		r.blk.addCopy(buf[l.start:end], l.num, l.off, l.lead)
	}
	r.pg.keepText, r.pg.keep = buf, keep
	if cap(buf) > inputSize {
		r.pg.keepText = nil // after a page whose opening lines were huge
	}
	r.pg.startPage(n)
}

// keptLine is a line flushPage moves to the next page: where its text
// is in pageState.keepText, and its place in the input.
type keptLine struct{ start, num, off, lead int }

// spaces is a run of spaces to copy a line's indentation from.
const spaces = "                                                                "

// maxBlankRun is the most blank lines in a row that a page's lines keep:
// more say nothing more to the extractor.
const maxBlankRun = 4

// pageArticle builds the article of the page held in the block's first n
// lines. It reports false for a page in which no article was found.
func (r *Reader) pageArticle(n int) (Article, bool) {
	b := &r.blk
	// The page's lines as the extractor reads them: with their
	// indentation, blank lines where the input had them, and the site's
	// template left out. They are views of the input buffer and of one
	// buffer of copies, which live until the article's text is copied
	// out.
	sc := &r.pg.scratch
	idx := slices.Grow(sc.idx[:0], n+n/2)
	size := 0
	for i := 0; i < n; i++ {
		l := &b.lines[i]
		if i > 0 {
			for k := min(l.num-b.lines[i-1].num-1, maxBlankRun); k > 0; k-- {
				idx = append(idx, -1)
			}
		}
		idx = append(idx, i)
		size += int(l.lead) + len(b.text(i))
	}
	// One pass makes each page line, says whether it is template and
	// passes its hash:
	//
	// A plain line is read where it is in the input buffer, whose bytes
	// before its text are its indentation (addBuffered's spaces) unless a
	// refill dropped them; the other lines are copied into text, spaces
	// and all. text is grown once, so that no append moves it.
	//
	// The template stays in the lines the page rules read, as a page has
	// it (they were made for whole pages), and is dropped from what they
	// find.
	//
	// The extractor hashes each line's text to find repeats; pageLine
	// hashed them already (with the indentation mixed in, which is
	// taken out again), so a text with no white space around it, as
	// cleaning leaves nearly all of them, is not hashed twice.
	text := slices.Grow(sc.text[:0], size)
	lines := slices.Grow(sc.lines[:0], len(idx))[:len(idx)]
	template := slices.Grow(sc.template[:0], len(idx))[:len(idx)]
	hashes := slices.Grow(sc.hashes[:0], len(idx))[:len(idx)]
	for k, i := range idx {
		if i < 0 {
			lines[k], template[k], hashes[k] = "", false, 0
			continue
		}
		template[k] = r.pg.template(i)
		l := &b.lines[i]
		t := b.text(i)
		if i < len(r.pg.lines) && len(t) > 0 && !trimmable(t[0]) && !trimmable(t[len(t)-1]) && t[len(t)-1] != '\r' {
			hashes[k] = r.pg.lines[i].hash ^ uint64(l.lead)*leadMix
		} else {
			hashes[k] = maphash.Bytes(r.pg.seed, bytes.TrimRight(bytes.TrimLeft(t, " \t"), " \t\r"))
		}
		lead := int(l.lead)
		if !l.side && l.start >= lead && leadingSpaces(b.in[l.start-lead:l.start]) == lead {
			lines[k] = unsafe.String(&b.in[l.start-lead], lead+len(t))
			continue
		}
		from := len(text)
		for k := lead; k > 0; k -= len(spaces) {
			text = append(text, spaces[:min(k, len(spaces))]...)
		}
		text = append(text, t...)
		lines[k] = unsafe.String(unsafe.SliceData(text[from:]), len(text)-from)
	}
	sc.role = slices.Grow(sc.role[:0], len(idx))[:len(idx)]
	sc.reason = slices.Grow(sc.reason[:0], len(idx))[:len(idx)]
	defer func() {
		if len(idx) > maxKeptPageLines {
			*sc = pageScratch{}
			return
		}
		clear(lines)
		clear(sc.reason)
		sc.text, sc.idx, sc.lines, sc.template, sc.hashes = text, idx, lines, template, hashes
	}()
	res := extractPage(lines, hashes, template, sc.role, sc.reason)
	if r.cfg.explain != nil {
		for k, i := range idx {
			if i >= 0 {
				r.explainLine(i, res.role[k], res.reason[k])
			}
		}
	}
	if res.title < 0 && len(res.paragraphs) == 0 {
		return Article{}, false
	}
	first := &b.lines[0]
	a := Article{
		Description: res.description,
		Authors:     res.authors,
		Published:   res.published,
		Captions:    res.captions,
		Paragraphs:  res.paragraphs,
		Source:      Source{File: r.cfg.file, Line: first.num, Offset: first.off},
	}
	a.Title = res.titleText
	return cloneArticle(a), true
}

// cloneArticle copies the article's text into one string of its own, so
// that it keeps none of the page's other text alive.
func cloneArticle(a Article) Article {
	n := len(a.Title) + len(a.Description) + len(a.Published)
	for _, s := range a.Authors {
		n += len(s)
	}
	for _, c := range a.Captions {
		n += len(c.Text) + len(c.Credit)
	}
	for _, p := range a.Paragraphs {
		n += len(p)
	}
	var sb strings.Builder
	sb.Grow(n)
	cp := func(s string) string {
		start := sb.Len()
		sb.WriteString(s)
		return sb.String()[start:]
	}
	a.Title, a.Description, a.Published = cp(a.Title), cp(a.Description), cp(a.Published)
	for i, s := range a.Authors {
		a.Authors[i] = cp(s)
	}
	for i, c := range a.Captions {
		a.Captions[i] = Caption{Text: cp(c.Text), Credit: cp(c.Credit)}
	}
	for i, p := range a.Paragraphs {
		a.Paragraphs[i] = cp(p)
	}
	if a.Captions == nil {
		a.Captions = []Caption{}
	}
	if a.Paragraphs == nil {
		a.Paragraphs = []string{}
	}
	return a
}
