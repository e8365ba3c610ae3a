package newsdump

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsdump/newsdump/internal/page"
	"github.com/newsdump/newsdump/internal/pagemeta"
)

// The rules around internal/page's model: what the model finds in a
// page's lines is checked and completed here (a byline, date, menu or
// template line is never the headline; promos the model keeps are
// dropped; captions, bylines and dates are read with internal/pagemeta;
// a hard-wrapped body is joined), and turned into roles for Explain.

// pageResult is what the page rules made of a page's lines.
type pageResult struct {
	title       int    // the headline's line, or -1
	titleText   string // the headline's text
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
// internal/pagemeta. role and reason, at least as long as lines, are the
// caller's buffers for the role of each line and why (every element is
// written).
//
// hashes, if not nil, are the hashes of the lines' texts the extractor
// reads (see page.ExtractHashed).
func extractPage(lines []string, hashes []uint64, template []bool, role []Role, reason []string) pageResult {
	x := page.ExtractHashed(lines, hashes)
	picked := x.Title
	// A template line, a byline or date, or a menu is never the headline:
	// the nearest headline over the byline, or over the body, is.
	overBody := func() int {
		if len(x.Body) == 0 {
			return -1
		}
		return headlineAbove(lines, x.Body[0])
	}
	switch {
	case x.Title < 0:
	case template[x.Title]:
		x.Title = overBody()
	case isMetaLine(lines[x.Title]):
		x.Title = headlineAbove(lines, x.Title)
	case menuLike(strings.TrimSpace(lines[x.Title])):
		x.Title = overBody()
	}
	res := pageResult{
		title:  x.Title,
		role:   role[:len(lines)],
		reason: reason[:len(lines)],
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
	// The words as strings.Fields splits them, one at a time: the
	// line is asked about for every page, and is mostly no menu.
	words := 0
	for rest := line; ; {
		rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
		if rest == "" {
			break
		}
		w := rest
		if end := strings.IndexFunc(rest, unicode.IsSpace); end >= 0 {
			w, rest = rest[:end], rest[end:]
		} else {
			rest = ""
		}
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && !unicode.IsDigit(r) || page.IsStopword(strings.ToLower(w)) {
			return false
		}
		words++
	}
	return words >= minMenuWords
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
	var seen map[Caption]bool
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
			res.role[i], res.reason[i] = RoleCaption, "ends in a photo credit"
			caps = addCaption(caps, &seen, Caption{Text: text, Credit: credit}, res, i)
			continue
		}
		j := i + 1
		for j < len(lines) && strings.TrimSpace(lines[j]) == "" {
			j++
		}
		if j < len(lines) {
			if credit, ok := pagemeta.CreditLine(strings.TrimSpace(lines[j])); ok {
				res.role[i], res.reason[i] = RoleCaption, "followed by a photo credit"
				caps = addCaption(caps, &seen, Caption{Text: line, Credit: credit}, res, i)
				res.role[j], res.reason[j] = RoleCredit, "a photo credit"
				i = j
			}
		}
	}
	return caps
}

// addCaption appends c, the caption of line i, to caps unless the page
// printed it before (a gallery's caption shown twice): an article's
// repeats are dropped, and line i's reason says so.
func addCaption(caps []Caption, seen *map[Caption]bool, c Caption, res *pageResult, i int) []Caption {
	if *seen == nil {
		*seen = map[Caption]bool{}
	}
	if (*seen)[c] {
		res.reason[i] = "repeats a caption above"
		return caps
	}
	(*seen)[c] = true
	return append(caps, c)
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
	body, kept := make([]string, 0, len(x.Body)), make([]int, 0, len(x.Body))
	for _, i := range x.Body {
		line := strings.TrimSpace(lines[i])
		switch {
		case res.role[i] != RoleBody:
		case line == "*" || line == "+":
			// A list item with no text, which the converter printed for
			// an icon or an empty link: without its bullet, nothing is
			// left of it.
			res.role[i], res.reason[i] = RoleNavigation, "a list bullet with no text"
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
		if !drop[p] && p != "" {
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
	t := strings.Trim(line, " -–—")
	for _, label := range adLabels {
		if strings.EqualFold(t, label) {
			return true
		}
	}
	return false
}

// adLabels are the labels adLabel knows, lower-case.
var adLabels = []string{"advertisement", "advertisment", "ad", "ads", "sponsored", "sponsored content",
	"story continues below advertisement", "article continues below advertisement",
	"continue reading below", "scroll to continue with content", "advertisement - scroll to continue"}

// shouting reports whether a line is written in capitals, as tabloids
// print the links to other stories they set between paragraphs ("WATCH:
// THE MOMENT IT HIT"): three words or more, no lower-case letter, and no
// full stop at the end. Body text is never set that way.
func shouting(line string) bool {
	if strings.Count(line, " ") < 2 || endsSentence(line) && !strings.HasSuffix(line, "...") || strings.ContainsRune(line, '(') {
		return false // a sentence, or a dateline or credit with its agency in brackets
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
