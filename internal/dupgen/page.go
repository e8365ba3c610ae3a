package dupgen

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// site is a news site: its name and the layout of its pages.
type site struct {
	name    string
	curly   bool
	layout  string // a short description, for reports
	title   int    // <title> line first: 0 none, 1 "TITLE - SITE", 2 "TITLE | SITE"
	skip    string // "Skip to main content" above the banner, or ""
	tagline string // under the banner, or ""
	search  string // "Search" after the menu, or ""
	utility string // "Subscribe | Sign in", or ""
	nav     [][]string
	// navStyle: 0 a row per line, items joined by " | "; 1 one item per
	// line; 2 bullets ("  * Home"); 3 items joined by " · "
	navStyle int
	indent   bool // inscriptis-like: nested blocks indented, lists bulleted
	blocks   bool // a blank line between the page's blocks (html-text)
	sections []string
	kicker   bool // a section kicker line above the headline
	byline   int  // 0 "By NAME", 1 "By NAME | SITE", 2 "NAME, SITE"
	date     int  // the date stamp's format, see dateLine
	dateOver bool // the date stamp above the byline
	wrap     int  // hard-wrap width of the body, or 0: a paragraph per line
	paraGap  bool // a blank line between one-line paragraphs
	credit   int  // 0 "Photo: X" line, 1 "Image credit: X" line, 2 "TEXT (Photo: X)"
	leadPic  bool // the photo between the date stamp and the body, else after the first paragraph
	ad       string
	share    string // a line after the body, or ""
	related  string
	links    []string // footer links
	linkRow  bool     // footer links on one line
	footer   []string
	// With Config.LongBoilerplate, the paragraphs the site adds to every
	// body (see withBoilerplate); otherwise empty.
	signup, credits, standards string
}

// pageSpec is what a page shows: the article, in the site's quote style,
// and the chrome that varies from page to page.
type pageSpec struct {
	title    string
	kicker   string
	author   string
	date     date
	captions []Caption // printed as photos
	body     []string  // logical paragraphs
	related  []string
	wrap     int
}

type date struct{ month, day, hour, minute int }

func (g *gen) makeSites() {
	rng := g.rng
	for i := range g.cfg.Sites {
		name := fmt.Sprintf("The %s %s", placeNames[i%len(placeNames)], paperNames[(i/len(placeNames)+i)%len(paperNames)])
		secs := rng.Perm(len(sections))[:4+rng.IntN(4)]
		s := site{
			name:     name,
			curly:    rng.IntN(2) == 0,
			title:    rng.IntN(4) % 3, // half the sites print no <title> line
			navStyle: i % 4,
			kicker:   rng.IntN(2) == 0,
			byline:   i % 3,
			date:     (i / 3) % len(dateFormats),
			dateOver: rng.IntN(3) == 0,
			credit:   rng.IntN(3),
			leadPic:  rng.IntN(2) == 0,
			related:  relatedHeads[rng.IntN(len(relatedHeads))],
		}
		s.indent = s.navStyle == 2 || s.navStyle == 1 && rng.IntN(2) == 0
		s.blocks = !s.indent || rng.IntN(2) == 0
		if i%3 == 1 {
			s.wrap = 60 + rng.IntN(21)
		}
		s.paraGap = s.wrap > 0 || rng.IntN(3) > 0
		for _, k := range secs {
			s.sections = append(s.sections, sections[k])
		}
		row := append([]string{"Home"}, s.sections...)
		s.nav = [][]string{row}
		if rng.IntN(3) == 0 { // a second row: sub-sections
			s.nav = append(s.nav, subSections[rng.IntN(len(subSections))])
		}
		// Most sites open with more than the banner and the menu; every
		// eighth prints only those two lines.
		if i%8 != 0 {
			if rng.IntN(3) > 0 {
				s.skip = []string{"Skip to main content", "Skip to content", "Jump to navigation"}[rng.IntN(3)]
			}
			if rng.IntN(2) == 0 {
				s.tagline = taglines[rng.IntN(len(taglines))]
			}
			if rng.IntN(2) == 0 {
				s.utility = []string{"Subscribe | Sign in", "Log in  Register", "Subscribe now", "Sign in / Sign up"}[rng.IntN(4)]
			}
			if rng.IntN(2) == 0 {
				s.search = []string{"Search", "Search this site", "Menu"}[rng.IntN(3)]
			}
		} else {
			s.navStyle, s.indent, s.blocks, s.nav = 0, false, true, s.nav[:1]
		}
		if rng.IntN(4) == 0 {
			s.ad = []string{"Advertisement", "ADVERTISEMENT"}[rng.IntN(2)]
		}
		if rng.IntN(2) == 0 {
			s.share = []string{"Share this article", "Share: Facebook | X | Email", "Topics: " + s.sections[0] + ", " + s.sections[1]}[rng.IntN(3)]
		}
		if strings.Contains(s.related, "%s") {
			s.related = fmt.Sprintf(s.related, name)
		}
		s.links = footerLinks[rng.IntN(len(footerLinks))]
		s.linkRow = rng.IntN(2) == 0
		s.footer = []string{fmt.Sprintf("© 2025 %s. All rights reserved.", name)}
		if rng.IntN(2) == 0 {
			s.footer = append(s.footer, fmt.Sprintf("Follow %s on social media and sign up for our newsletter to get the day's top stories every morning.", name))
		}
		if g.cfg.LongBoilerplate {
			g.boilerplate(&s)
		}
		s.layout = s.describe()
		g.sites = append(g.sites, s)
	}
}

// boilerplate writes site s's sentence-like paragraphs (Config.LongBoilerplate)
// from templates filled with its name, a section and phrases drawn for
// it: every page of the site repeats them, and two sites rarely share
// more than a few of their 3-word runs.
func (g *gen) boilerplate(s *site) {
	rng := g.rng
	pick := func(xs []string) string { return xs[rng.IntN(len(xs))] }
	slug := strings.ToLower(strings.ReplaceAll(strings.TrimPrefix(s.name, "The "), " ", ""))
	s.signup = fmt.Sprintf("Sign up for %s %s, a free newsletter with %s, delivered to your inbox %s. You can unsubscribe at any time, and we will never share your email address with anyone.",
		s.name, pick(newsletters), pick(newsletterContents), pick(newsletterTimes))
	s.credits = fmt.Sprintf("Reporting by the %s newsroom in %s, with additional reporting by our correspondents and %s. Editing by the %s desk. Our journalists %s.",
		strings.TrimPrefix(s.name, "The "), pick(cities), pick(wireCredits), s.sections[rng.IntN(len(s.sections))], pick(journalistPledges))
	s.standards = fmt.Sprintf("%s is committed to %s journalism. If you believe this article contains an error, please contact our %s at corrections@%s.example and we will %s.",
		s.name, pick(standardsAdjectives), pick(standardsEditors), slug, pick(correctionPromises))
}

// withBoilerplate returns body with the site's sentence-like boilerplate
// (Config.LongBoilerplate): the sign-up paragraph after the second
// paragraph (or the last, in a shorter body), the credits and standards
// lines after the last.
func (s *site) withBoilerplate(body []string) []string {
	if s.signup == "" {
		return body
	}
	k := min(2, len(body))
	out := make([]string, 0, len(body)+3)
	out = append(out, body[:k]...)
	out = append(out, s.signup)
	out = append(out, body[k:]...)
	return append(out, s.credits, s.standards)
}

func (s *site) describe() string {
	var d []string
	d = append(d, []string{"flat", "inscriptis-indented"}[b2i(s.indent)])
	d = append(d, []string{"nav-pipes", "nav-lines", "nav-bullets", "nav-dots"}[s.navStyle])
	if len(s.nav) > 1 {
		d = append(d, "nav-2-rows")
	}
	if s.title > 0 {
		d = append(d, "title-line")
	}
	opening := 1 + len(s.nav)
	if s.navStyle == 1 || s.navStyle == 2 {
		opening = 1
		for _, r := range s.nav {
			opening += len(r)
		}
	}
	for _, x := range []string{s.skip, s.tagline, s.utility, s.search} {
		if x != "" {
			opening++
		}
	}
	d = append(d, fmt.Sprintf("opening-%d", opening))
	if s.wrap > 0 {
		d = append(d, fmt.Sprintf("wrap-%d", s.wrap))
	} else if s.paraGap {
		d = append(d, "para-per-line")
	} else {
		d = append(d, "para-per-line-no-gap")
	}
	if !s.blocks {
		d = append(d, "no-block-gaps")
	}
	if s.kicker {
		d = append(d, "kicker")
	}
	d = append(d, fmt.Sprintf("byline-%d", s.byline), fmt.Sprintf("date-%d", s.date))
	if s.dateOver {
		d = append(d, "date-over-byline")
	}
	d = append(d, fmt.Sprintf("credit-%d", s.credit))
	if s.ad != "" {
		d = append(d, "ad")
	}
	if s.signup != "" {
		d = append(d, "long-boilerplate")
	}
	return strings.Join(d, " ")
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// dateFormats print a date stamp; %[1]s is the month's name, %[2]d the
// day, %[3]d the hour, %[4]d the minute, %[5]s the month's abbreviation.
var dateFormats = []string{
	"Published %[2]d %[1]s 2024",
	"%[1]s %[2]d, 2024 %[6]d:%02[4]d %[7]s ET",
	"Updated: %[2]d %[1]s 2024, %02[3]d:%02[4]d",
	"%[5]s %[2]d, 2024",
	"Published on %[1]s %[2]d, 2024",
	"%[2]d %[5]s 2024 %02[3]d.%02[4]d GMT",
}

func dateLine(format int, d date) string {
	h12, ampm := d.hour%12, "AM"
	if h12 == 0 {
		h12 = 12
	}
	if d.hour >= 12 {
		ampm = "PM"
	}
	m := months[d.month-1]
	abbr := m[:3]
	if len(m) > 4 {
		abbr += "."
	}
	return fmt.Sprintf(dateFormats[format], m, d.day, d.hour, d.minute, abbr, h12, ampm)
}

// bylineLine prints the byline in the site's style.
func (s *site) bylineLine(author string) string {
	switch s.byline {
	case 1:
		return "By " + author + " | " + s.name
	case 2:
		return author + ", " + s.name
	}
	return "By " + author
}

// creditBody is a credit without its label, as newsdump reads it.
func creditBody(credit string) string {
	for _, l := range []string{"Photo by ", "Photo: ", "Photograph: "} {
		if strings.HasPrefix(credit, l) {
			return credit[len(l):]
		}
	}
	return credit
}

// pageWriter prints the lines of pages.
type pageWriter struct {
	b     textWriter
	s     *site
	lines int // lines written
}

// textWriter is what a pageWriter prints to: a strings.Builder, or
// discard when only the lines are counted (Config.NoDump).
type textWriter interface {
	WriteString(string) (int, error)
	WriteByte(byte) error
}

type discard struct{}

func (discard) WriteString(s string) (int, error) { return len(s), nil }
func (discard) WriteByte(byte) error              { return nil }

func (w *pageWriter) line(depth int, text string) {
	if w.s.indent {
		w.b.WriteString(strings.Repeat("  ", depth))
	}
	w.b.WriteString(text)
	w.b.WriteByte('\n')
	w.lines++
}

func (w *pageWriter) blank() {
	w.b.WriteByte('\n')
	w.lines++
}

// gap ends a block of the page: a blank line on sites that print them.
func (w *pageWriter) gap() {
	if w.s.blocks {
		w.blank()
	}
}

// list prints a list of links at depth.
func (w *pageWriter) list(depth int, items []string) {
	for _, it := range items {
		if w.s.indent {
			w.line(depth, "* "+it)
		} else {
			w.line(depth, it)
		}
	}
}

// writePage prints one page of site s.
func (w *pageWriter) writePage(p *pageSpec) {
	s := w.s
	switch s.title {
	case 1:
		w.line(0, p.title+" - "+s.name)
	case 2:
		w.line(0, p.title+" | "+s.name)
	}
	if s.skip != "" {
		w.line(0, s.skip)
	}
	w.line(1, s.name)
	if s.tagline != "" {
		w.line(1, s.tagline)
	}
	if s.utility != "" {
		w.line(2, s.utility)
	}
	w.gap()
	for _, row := range s.nav {
		switch s.navStyle {
		case 0:
			w.line(2, strings.Join(row, " | "))
		case 3:
			w.line(2, strings.Join(row, " · "))
		default:
			w.list(2, row)
		}
	}
	if s.search != "" {
		w.line(2, s.search)
	}
	w.gap()
	if p.kicker != "" {
		w.line(2, p.kicker)
	}
	w.line(2, p.title)
	meta := []string{dateLine(s.date, p.date)}
	if p.author != "" {
		meta = append(meta, s.bylineLine(p.author))
		if !s.dateOver {
			meta[0], meta[1] = meta[1], meta[0]
		}
	}
	for _, m := range meta {
		w.line(3, m)
	}
	w.gap()
	if s.leadPic {
		w.photos(p.captions)
	}
	for i, para := range p.body {
		if i > 0 && (p.wrap > 0 || s.paraGap) {
			w.blank()
		}
		w.paragraph(para, p.wrap)
		if i == 0 && !s.leadPic && len(p.captions) > 0 {
			w.blank()
			w.photos(p.captions)
		}
		if i == 1 && s.ad != "" && len(p.body) > 2 {
			w.blank()
			w.line(3, s.ad)
		}
	}
	w.gap()
	if s.share != "" {
		w.line(3, s.share)
		w.gap()
	}
	w.line(2, s.related)
	w.list(3, p.related)
	w.gap()
	if s.linkRow {
		w.line(1, strings.Join(s.links, " | "))
	} else {
		w.list(1, s.links)
	}
	for _, f := range s.footer {
		w.line(1, f)
	}
}

// photos prints the page's photos: each caption and its credit.
func (w *pageWriter) photos(caps []Caption) {
	for _, c := range caps {
		cr := creditBody(c.Credit)
		switch w.s.credit {
		case 0:
			w.line(3, c.Text)
			w.line(3, "Photo: "+cr)
		case 1:
			w.line(3, c.Text)
			w.line(3, "Image credit: "+cr)
		default:
			w.line(3, c.Text+" (Photo: "+cr+")")
		}
		w.blank()
	}
}

// paragraph prints a paragraph on one line, or hard-wrapped at width.
func (w *pageWriter) paragraph(p string, width int) {
	if width <= 0 {
		w.line(3, p)
		return
	}
	for _, l := range wrapWords(p, width) {
		w.line(3, l)
	}
}

// wrapWords breaks p into lines of at most width characters, at spaces.
func wrapWords(p string, width int) []string {
	var out []string
	var cur strings.Builder
	n := 0
	for _, word := range strings.Fields(p) {
		wl := utf8.RuneCountInString(word)
		if n > 0 && n+1+wl > width {
			out = append(out, cur.String())
			cur.Reset()
			n = 0
		}
		if n > 0 {
			cur.WriteByte(' ')
			n++
		}
		cur.WriteString(word)
		n += wl
	}
	if n > 0 {
		out = append(out, cur.String())
	}
	return out
}

// The phrases of the sites' sentence-like boilerplate (Config.LongBoilerplate).
var (
	newsletters         = []string{"Morning Briefing", "Evening Edition", "Daily Digest", "Weekend Reader", "First Edition", "Newsroom Notes"}
	newsletterContents  = []string{"the day's most important stories, analysis and opinion", "the news that matters to you and the stories behind it", "our reporters' best work and the headlines you need to know", "local news, weather, traffic and events in your area", "a selection of our best journalism chosen by our editors"}
	newsletterTimes     = []string{"every weekday morning", "each evening at six", "every day before breakfast", "once a week on Sundays", "twice a week"}
	wireCredits         = []string{"wire services", "partner newsrooms", "news agencies around the world", "freelance contributors"}
	journalistPledges   = []string{"verify every fact before publication", "follow the code of conduct published on our website", "are independent of our advertisers and sponsors", "never accept payment or gifts from the people they write about"}
	standardsAdjectives = []string{"accurate, fair and independent", "honest and transparent", "trustworthy, balanced", "careful, independent and accountable"}
	standardsEditors    = []string{"readers' editor", "standards editor", "corrections desk", "public editor"}
	correctionPromises  = []string{"review it promptly and publish a correction where one is needed", "respond within two working days", "correct it as quickly as we can and say so at the end of the article", "look into it and reply to every message we receive"}
)

var (
	subSections = [][]string{
		{"Latest", "Most popular", "Newsletters", "Podcasts"},
		{"Local", "National", "Elections", "Weather"},
		{"Markets", "Companies", "Personal finance", "Property"},
	}
	taglines    = []string{"Independent journalism since 1887", "News you can trust", "Your city, your news", "Award-winning news and analysis"}
	footerLinks = [][]string{
		{"About us", "Contact", "Privacy policy", "Terms of use"},
		{"Advertise", "Careers", "Help", "Cookie settings"},
		{"Contact us", "Corrections", "Archive", "RSS"},
	}
)
