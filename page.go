package newsdump

import (
	"bytes"
	"hash/maphash"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsdump/newsdump/internal/page"
	"github.com/newsdump/newsdump/internal/pagemeta"
)

// Page text is read in three steps: sniffLayout decides, from the start of
// an input, whether it is page text at all; the Reader cuts the input into
// pages where a site's opening lines recur (pageState); and pageArticle
// finds each page's article with the rules and model of internal/page and
// the metadata readers of internal/pagemeta.

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
func sniffLayout(head []byte, whole bool, delim byte, clean func([]byte) []byte) Layout {
	if i := bytes.LastIndexByte(head, delim); i >= 0 && !whole {
		head = head[:i] // the last line may be cut short
	}
	var prev []byte
	lines, short, indented := 0, 0, 0
	meta := false
	seed := maphash.MakeSeed()
	distinct := make(map[uint64]struct{})
	isPage := func() bool {
		return len(distinct) >= minPageLines &&
			(short*100 >= lines*minShortPercent || indented*100 >= lines*minIndentedPercent || meta)
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
		distinct[maphash.Bytes(seed, line)] = struct{}{}
		if shortLine(line) {
			short++
		}
		if bytes.HasPrefix(raw, []byte("  ")) || raw[0] == '\t' {
			indented++
		}
		if !meta && len(line) < maxMetaLine {
			s := string(line)
			_, isByline := pagemeta.Byline(s)
			_, _, isDate := pagemeta.Date(s)
			meta = isByline || isDate
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
	pairs map[uint64]struct{}
	lines []pageLineInfo // the current page's lines, one per block line
	prose int            // the index of the page's first line of prose, or -1
	// text returns the text of the current page's line i, for the tests
	// that only a candidate page start needs (see suffix, footerBefore).
	text func(i int) []byte
}

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
// page's footer: short, with the sign or the word.
func copyrightLine(text []byte) bool {
	if len(text) > maxCopyrightLine {
		return false
	}
	return bytes.Contains(text, []byte("©")) || bytes.Contains(text, []byte("opyright")) ||
		bytes.Contains(text, []byte("ights reserved")) || bytes.Contains(text, []byte("(c) "))
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
	if p.pairs == nil {
		p.pairs = make(map[uint64]struct{})
	}
	clear(p.pairs)
	for i := 1; i < from; i++ {
		p.pairs[pairHash(p.lines[i-1].hash, p.lines[i].hash)] = struct{}{}
	}
	// The rest is the few lines that showed the new page: now the
	// block's first lines, which addLine may look at again.
	rest := slices.Clone(p.lines[from:])
	p.lines = p.lines[:0]
	p.nhead, p.run = 0, [pageHeadLines]int{}
	for _, l := range rest {
		p.addLine(l)
	}
}

// template reports whether line i of the current page is template: it
// stands next to the same line as on the previous page.
func (p *pageState) template(i int) bool {
	if len(p.pairs) == 0 {
		return false
	}
	if i > 0 {
		if _, ok := p.pairs[pairHash(p.lines[i-1].hash, p.lines[i].hash)]; ok {
			return true
		}
	}
	if i+1 < len(p.lines) {
		if _, ok := p.pairs[pairHash(p.lines[i].hash, p.lines[i+1].hash)]; ok {
			return true
		}
	}
	return false
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
	h := maphash.Bytes(r.pg.seed, text) ^ uint64(r.blk.lines[i].lead)*0x9e3779b97f4a7c15
	if start := r.pg.addLine(pageLineInfo{hash: h, words: wordCount(text)}); start >= 0 {
		r.flushPage(start, false)
	}
}

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
	type kept struct{ start, num, off, lead int }
	var buf []byte
	keep := make([]kept, 0, rest)
	for i := n; i < len(r.blk.lines); i++ {
		l := r.blk.lines[i]
		keep = append(keep, kept{len(buf), l.num, l.off, int(l.lead)})
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
	r.pg.startPage(n)
}

// maxBlankRun is the most blank lines in a row that a page's lines keep:
// more say nothing more to the extractor.
const maxBlankRun = 4

// pageArticle builds the article of the page held in the block's first n
// lines. It reports false for a page in which no article was found.
func (r *Reader) pageArticle(n int) (Article, bool) {
	b := &r.blk
	// The page's lines as the extractor reads them: with their
	// indentation, blank lines where the input had them, and the site's
	// template left out. They are views of one string, which lives only
	// until the article's text is copied out.
	var sb strings.Builder
	size := 0
	idx := make([]int, 0, n+n/2) // block line of each page line; -1: blank
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
	sb.Grow(size)
	var starts []int
	for _, i := range idx {
		starts = append(starts, sb.Len())
		if i >= 0 {
			for k := int32(0); k < b.lines[i].lead; k++ {
				sb.WriteByte(' ')
			}
			sb.Write(b.text(i))
		}
	}
	text := sb.String()
	lines := make([]string, len(idx))
	for k := range idx {
		end := len(text)
		if k+1 < len(idx) {
			end = starts[k+1]
		}
		lines[k] = text[starts[k]:end]
	}
	// The template stays in the lines the page rules read, as a page has
	// it (they were made for whole pages), and is dropped from what they
	// find.
	template := make([]bool, len(idx))
	for k, i := range idx {
		template[k] = i >= 0 && r.pg.template(i)
	}
	res := extractPage(lines, template)
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

// pageResult is what the page rules made of a page's lines.
type pageResult struct {
	title       int    // the headline's line, or -1
	titleText   string // the headline, with the lines it was wrapped onto
	role        []Role
	reason      []string
	description string
	authors     []string
	published   string
	captions    []Caption
	paragraphs  []string
}

// pageRoles maps the extractor's classes to the roles Explain reports.
var pageRoles = [...]Role{
	page.Other:       RoleOther,
	page.Blank:       RoleOther,
	page.Body:        RoleBody,
	page.Title:       RoleTitle,
	page.Description: RoleDescription,
	page.Byline:      RoleByline,
	page.Date:        RoleDate,
	page.Caption:     RoleCaption,
	page.Navigation:  RoleNavigation,
	page.Promo:       RolePromo,
	page.Footer:      RoleFooter,
}

// extractPage finds the article in a page's lines: the headline and body
// from internal/page, the byline, date and photo credits from
// internal/pagemeta.
func extractPage(lines []string, template []bool) pageResult {
	x := page.Extract(lines)
	picked := x.Title
	if x.Title >= 0 && template[x.Title] {
		x.Title = -1
		if len(x.Body) > 0 {
			x.Title = headlineAbove(lines, x.Body[0])
		}
	}
	if x.Title >= 0 && isMetaLine(lines[x.Title]) {
		x.Title = headlineAbove(lines, x.Title)
	}
	if x.Title >= 0 && menuLike(strings.TrimSpace(lines[x.Title])) {
		x.Title = -1
		if len(x.Body) > 0 {
			x.Title = headlineAbove(lines, x.Body[0])
		}
	}
	res := pageResult{
		title:  x.Title,
		role:   make([]Role, len(lines)),
		reason: make([]string, len(lines)),
	}
	for i, c := range x.Class {
		res.role[i] = RoleOther
		if int(c) < len(pageRoles) {
			res.role[i] = pageRoles[c]
		}
		res.reason[i] = x.Reason[i].String()
		if template[i] {
			res.role[i], res.reason[i] = RoleTemplate, "repeats the previous page's template"
		}
	}
	if x.Title >= 0 {
		res.titleText = strings.TrimSpace(lines[x.Title])
	}
	// The extractor classes a line it takes for the hard-wrapped rest of
	// the headline's with the headline; joined, such lines were more often
	// not the headline's than they were, so they are dropped, with a role.
	for i, r := range res.role {
		if r == RoleTitle && i != x.Title {
			if x.Title != picked {
				res.role[i], res.reason[i] = RoleOther, "a byline, date, menu or template line, not the headline"
			} else {
				res.role[i], res.reason[i] = RoleOther, "wrapped on from the headline's line"
			}
		}
	}
	if x.Title >= 0 && x.Title != picked {
		// The rules above overruled the model's headline.
		res.role[x.Title], res.reason[x.Title] = RoleTitle, "the headline over the byline or the body"
	}
	meta := pagemeta.Find(lines, x.Title)
	res.authors = meta.Authors
	if meta.AuthorsLine >= 0 {
		res.role[meta.AuthorsLine], res.reason[meta.AuthorsLine] = RoleByline, "a byline near the headline"
	}
	if meta.Published != "" && meta.PublishedKind != pagemeta.KindUpdated {
		res.published = meta.Published
	}
	if meta.PublishedLine >= 0 {
		res.role[meta.PublishedLine], res.reason[meta.PublishedLine] = RoleDate, "a date stamp near the headline"
	}
	// A first paragraph that opens with a dateline ("LAGOS (AFP) — ")
	// is the body's, not a standfirst.
	for i, c := range x.Class {
		if c == page.Description && len(x.Body) > 0 && i < x.Body[0] && datelineAt(strings.TrimSpace(lines[i]), 0) > 0 {
			x.Class[i] = page.Body
			x.Body = append([]int{i}, x.Body...)
			x.Paragraphs = append([]string{strings.TrimSpace(lines[i])}, x.Paragraphs...)
			res.role[i], res.reason[i] = RoleBody, "opens with a dateline"
			break
		}
	}
	res.captions = pageCaptions(lines, x, &res)
	x = teaser(lines, x, &res)
	x = bodyAfterCaption(lines, x, &res)
	res.paragraphs = pageParagraphs(lines, x, &res)
	for i, c := range x.Class {
		if c == page.Description && i > x.Title && res.role[i] == RoleDescription {
			res.description = strings.TrimSpace(lines[i])
			break
		}
	}
	return res
}

// isMetaLine reports whether a line is a byline or a date stamp, which
// is never a headline.
func isMetaLine(line string) bool {
	line = strings.TrimSpace(line)
	if _, ok := pagemeta.Byline(line); ok {
		return true
	}
	_, _, ok := pagemeta.Date(line)
	return ok
}

// headlineAbove returns the headline of a page whose byline or date the
// extractor took for it: the nearest line above that reads like a
// headline (three words or more, at most maxHeadlineBytes, no full stop
// at the end, not a list item, not a byline or date itself), as pages
// print the headline over its byline; or -1.
func headlineAbove(lines []string, meta int) int {
	for i, seen := meta-1, 0; i >= 0 && seen < maxHeadlineSearch; i-- {
		line := strings.TrimSpace(lines[i])
		if line == "" {
			continue
		}
		seen++
		if len(line) > maxHeadlineBytes || endsSentence(line) || strings.Count(line, " ") < 2 ||
			line[0] == '*' || line[0] == '+' || line[0] == '-' || isMetaLine(line) || menuLike(line) || bareName(line) {
			continue
		}
		return i
	}
	return -1
}

// bareName reports whether a line is only a person's name, as a photo
// credit or an author's box prints it.
func bareName(line string) bool {
	_, ok := pagemeta.Name(line)
	return ok
}

// menuLike reports whether a line is a menu run together, as some
// converters print a navigation bar ("News Sport Weather Markets Video
// Podcasts Live Search"): eight words or more, each capitalised or a
// number, and not one of the short words every sentence and headline of
// the languages we see has.
func menuLike(line string) bool {
	words := strings.Fields(line)
	if len(words) < minMenuWords {
		return false
	}
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && !unicode.IsDigit(r) || page.IsStopword(strings.ToLower(w)) {
			return false
		}
	}
	return true
}

const minMenuWords = 8

// maxHeadlineSearch is how many lines above a byline headlineAbove looks
// at: the headline, a standfirst, a kicker or a date between them.
const maxHeadlineSearch = 4

// pageCaptions returns the photo captions of a page: the lines the
// extractor left out of the body, or printed inline in it, that end in a
// credit ("(Photo by X / AFP)", "(Getty Images)") or are followed by a
// credit line of their own ("Image Credit: X", "Photo: X").
func pageCaptions(lines []string, x page.Result, res *pageResult) []Caption {
	var caps []Caption
	first, last := len(lines), -1
	if len(x.Body) > 0 {
		first, last = x.Body[0], x.Body[len(x.Body)-1]
	}
	for i := max(x.Title, 0); i < len(lines) && i <= last+1; i++ {
		if i < first-maxCaptionLead || i == x.Title || res.role[i] == RoleByline || res.role[i] == RoleDate {
			continue
		}
		line := strings.TrimSpace(lines[i])
		if line == "" {
			continue
		}
		if text, credit, ok := pagemeta.Credit(line); ok && text != "" {
			caps = append(caps, Caption{Text: text, Credit: credit})
			res.role[i], res.reason[i] = RoleCaption, "ends in a photo credit"
			continue
		}
		j := i + 1
		for j < len(lines) && strings.TrimSpace(lines[j]) == "" {
			j++
		}
		if j < len(lines) {
			if credit, ok := pagemeta.CreditLine(strings.TrimSpace(lines[j])); ok {
				caps = append(caps, Caption{Text: line, Credit: credit})
				res.role[i], res.reason[i] = RoleCaption, "followed by a photo credit"
				res.role[j], res.reason[j] = RoleCredit, "a photo credit"
				i = j
			}
		}
	}
	return caps
}

// teaser gives a page whose body the extractor found empty the
// paragraphs of prose right under its headline, byline and date: the
// teaser a paywall leaves ("Subscribe to read the full article" ends it).
func teaser(lines []string, x page.Result, res *pageResult) page.Result {
	if len(x.Body) > 0 || x.Title < 0 {
		return x
	}
	skip := func(i int) bool {
		r := res.role[i]
		return r == RoleByline || r == RoleDate || r == RoleCaption || r == RoleCredit
	}
	return proseAfter(lines, x, res, x.Title+1, skip, "a paragraph under the headline of a page with no body found")
}

// bodyAfterCaption extends a body that the extractor ended at a photo:
// the paragraphs right after a caption and its credit that follow the
// body's last line are the body's too.
func bodyAfterCaption(lines []string, x page.Result, res *pageResult) page.Result {
	if len(x.Body) == 0 {
		return x
	}
	from := x.Body[len(x.Body)-1] + 1
	photo := false
	for i := from; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) == "" {
			continue
		}
		if res.role[i] != RoleCaption && res.role[i] != RoleCredit {
			break
		}
		photo = true
	}
	if !photo {
		return x
	}
	skip := func(i int) bool { return res.role[i] == RoleCaption || res.role[i] == RoleCredit }
	return proseAfter(lines, x, res, from, skip, "a paragraph after a photo in the body")
}

// proseAfter adds to the body the lines of prose from line from on
// (minPageProseWords words or more, ending a sentence), passing over
// blank lines and those skip names, up to the first other line.
func proseAfter(lines []string, x page.Result, res *pageResult, from int, skip func(int) bool, reason string) page.Result {
	for i := from; i < len(lines); i++ {
		line := strings.TrimSpace(lines[i])
		switch {
		case line == "" || skip(i):
			continue
		case prose(line):
			x.Body = append(x.Body, i)
			x.Paragraphs = append(x.Paragraphs, line)
			x.Class[i] = page.Body
			res.role[i], res.reason[i] = RoleBody, reason
			continue
		}
		break
	}
	return x
}

// minPageProseWords is how many words a line of prose has at least.
const minPageProseWords = 8

func prose(line string) bool {
	return strings.Count(line, " ")+1 >= minPageProseWords && endsSentence(line)
}

// maxCaptionLead is how many lines before the body a caption may stand:
// the lead photo sits between the headline and the first paragraph.
const maxCaptionLead = 12

// pageParagraphs returns the body's paragraphs without the lines that
// became the byline, the date or a caption, or are promos the extractor
// kept (capitals between paragraphs, advertisement labels). A body
// hard-wrapped at a fixed width is joined back as a dump's is (see
// unwrap), paragraphs closed by blank lines or short lines.
func pageParagraphs(lines []string, x page.Result, res *pageResult) []string {
	drop := map[string]bool{}
	var body []string
	var kept []int
	for _, i := range x.Body {
		line := strings.TrimSpace(lines[i])
		switch {
		case res.role[i] != RoleBody:
		case adLabel(line):
			res.role[i], res.reason[i] = RolePromo, "an advertisement's label"
		case shouting(line):
			res.role[i], res.reason[i] = RolePromo, "a headline in capitals inside the body"
		}
		if res.role[i] != RoleBody {
			drop[line] = true
			continue
		}
		body, kept = append(body, line), append(kept, i)
	}
	if joined := unwrap(body, blankBetween(lines, kept)); len(joined) < len(body) {
		// Hard-wrapped: a paragraph is a block of lines, and a line the
		// extractor left out of a block it kept (a short last line, the
		// first line under the headline) is the paragraph's too.
		kept = wrappedBlocks(lines, kept, res)
		body = body[:0]
		for _, i := range kept {
			body = append(body, strings.TrimSpace(lines[i]))
		}
		return unwrap(body, blankBetween(lines, kept))
	}
	if len(drop) == 0 {
		return x.Paragraphs
	}
	paras := make([]string, 0, len(x.Paragraphs))
	for _, p := range x.Paragraphs {
		if !drop[p] {
			paras = append(paras, p)
		}
	}
	return paras
}

// blankBetween returns, for lines[kept[k]], whether a blank line stands
// between it and the kept line before it.
func blankBetween(lines []string, kept []int) func(k int) bool {
	return func(k int) bool {
		if k == 0 {
			return false
		}
		for j := kept[k-1] + 1; j < kept[k]; j++ {
			if strings.TrimSpace(lines[j]) == "" {
				return true
			}
		}
		return false
	}
}

// wrappedBlocks returns the lines of a hard-wrapped body: the body lines,
// and the lines that share a block (a run of lines without a blank one)
// with one, up to a line that is something else (a title, byline, date,
// caption, credit or promo line), a list item, or wider than any body
// line, which no wrapped line is. The lines it adds become body lines.
func wrappedBlocks(lines []string, kept []int, res *pageResult) []int {
	margin := 0
	for _, i := range kept {
		margin = max(margin, utf8.RuneCountInString(strings.TrimSpace(lines[i])))
	}
	in := make(map[int]bool, len(kept))
	for _, i := range kept {
		in[i] = true
	}
	joins := func(j int) bool {
		line := strings.TrimSpace(lines[j])
		if line == "" || in[j] || utf8.RuneCountInString(line) > margin || line[0] == '*' || line[0] == '+' || adLabel(line) {
			return false
		}
		switch res.role[j] {
		case RoleTitle, RoleByline, RoleDate, RoleCaption, RoleCredit, RoleTemplate:
			return false
		}
		return true
	}
	out := make([]int, 0, len(kept))
	for _, i := range kept {
		var before []int
		for j := i - 1; j >= 0 && joins(j); j-- {
			before = append(before, j)
			in[j] = true
		}
		for k := len(before) - 1; k >= 0; k-- {
			out = append(out, before[k])
		}
		out = append(out, i)
		for j := i + 1; j < len(lines) && joins(j); j++ {
			out = append(out, j)
			in[j] = true
		}
	}
	slices.Sort(out)
	out = slices.Compact(out)
	for _, i := range out {
		if res.role[i] != RoleBody {
			res.role[i], res.reason[i] = RoleBody, "a line of a hard-wrapped paragraph"
		}
	}
	return out
}

// maxAdLabel is the length of the longest label adLabel knows.
const maxAdLabel = 40

// adLabel reports whether a line is the label a page prints over an
// advertisement slot, which converters leave between paragraphs.
func adLabel(line string) bool {
	if len(line) > maxAdLabel {
		return false
	}
	switch strings.ToLower(strings.Trim(line, " -–—")) {
	case "advertisement", "advertisment", "ad", "ads", "sponsored", "sponsored content",
		"story continues below advertisement", "article continues below advertisement",
		"continue reading below", "scroll to continue with content", "advertisement - scroll to continue":
		return true
	}
	return false
}

// shouting reports whether a line is written in capitals, as tabloids
// print the links to other stories they set between paragraphs ("WATCH:
// THE MOMENT IT HIT"): three words or more, no lower-case letter, and no
// full stop at the end. Body text is never set that way.
func shouting(line string) bool {
	if strings.Count(line, " ") < 2 || endsSentence(line) && !strings.HasSuffix(line, "...") {
		return false
	}
	upper := 0
	for _, r := range line {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsUpper(r):
			upper++
		}
	}
	return upper >= 8
}
