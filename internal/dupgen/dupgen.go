// Package dupgen generates news pages with known duplicate clusters, the
// ground truth for newsdump's deduplication tests and benchmarks.
//
// # The model
//
// Base stories are real English prose: the sample articles given in
// [Config.Samples], then stories assembled from [Config.Sentences] (the
// running text of the NER training corpora, see [LoadSentences]).
// Sentences are grouped, in corpus order and within one document, into
// paragraphs of at least 30 words; each story takes 3 to 6 consecutive
// paragraphs, and no sentence is used twice (the corpora repeat some, in
// e-mails quoting earlier ones), so different stories share no passage
// longer than a few words. When the paragraphs run out (beyond about 2,000
// stories), further stories are built from sentences drawn at random from
// the whole corpus with every other word replaced by a random corpus word,
// so that two such stories share few 3-word runs even when they draw the
// same sentence: text for scale benchmarks rather than for quality
// (Result.RecombinedStories says how many there are). A story's title is
// its first seven words in title case and its number ("…, Part 12"); half
// the stories have a photo caption.
//
// About half the stories ([Config.SingletonRate]) are published once. The
// rest have 2 to 30 copies in all, skewed to few: 2 + floor(28 u³) for u
// uniform in [0, 1), 9 on average. The first copy is the original, on the
// story's home site. Each further copy is:
//
//   - a re-crawl (25%): the same page again, differing only in its list
//     of other stories;
//   - a re-render (15%): the same site with curly and straight quotes
//     swapped, the body hard-wrapped if the site prints a paragraph per
//     line (or the reverse), and half the time a paragraph per sentence;
//   - a syndicated copy (60%) on another site: in that site's layout and
//     quote style, with its title re-cased (50%: capitals, sentence case
//     or title case), its own byline (50%) and date stamp (the same day or
//     the next), a dateline before the first paragraph (40%), 5-10% of
//     words edited (20%: replaced, deleted or inserted), the body
//     truncated to 50-90% of its words and ended with "Read the full
//     story at SITE." (15%), and the captions moved into the body (30% of
//     copies with captions: their text a paragraph after the first, with
//     no credit).
//
// # Pages
//
// Every article is printed as a web page, as an HTML-to-text converter
// prints one, in its site's layout: an optional <title> line ("TITLE -
// SITE"), an optional skip link, the site's banner, tagline, account links
// and menu (one line joined by " | " or " · ", a line per item, or
// inscriptis-like bullets "  * Home"; one or two rows; every eighth site
// prints only the banner and a one-line menu), an optional section
// kicker, the headline, a byline ("By NAME", "By NAME | SITE" or "NAME,
// SITE") and a date stamp in one of six formats, in the site's order, the
// photos (the caption and "Photo: X" or "Image credit: X" under it, or
// "TEXT (Photo: X)"; before the body or after its first paragraph), the
// body (a paragraph per line, with or without blank lines between, or
// hard-wrapped at 60-80 columns with blank lines between paragraphs; some
// sites put an "Advertisement" line after the second paragraph), an
// optional share line, a related-stories heading in the site's wording
// ("Related coverage", "Most read", …) and 3 to 5 titles of other stories,
// the footer links and a copyright line. Inscriptis-like sites indent
// nested blocks; html-text-like sites print flat lines and blank lines
// between blocks ([Result.Layouts] describes each site). A site's pages,
// in shuffled order, go into files of its own: a quarter of the files
// hold one page, the others 2 to 40 pages one after another, each opening
// with the site's same lines.
//
// [Article] is what newsdump.Parse must return for a page: the headline,
// the logical paragraphs (hard-wrapped lines joined with a space), the
// photo captions with their credit as Parse reads it (without its label),
// the byline's name and the date stamp's day (none for an "Updated:"
// stamp), and where the page is (File, Line).
//
// With [Config.LongBoilerplate], each site also prints boilerplate written
// as sentences in every body (a newsletter sign-up after the second
// paragraph, a credits and a standards line after the last), and stories
// are shorter: the case where a site's boilerplate, passing for prose,
// makes its unrelated stories look alike.
//
// Generation is deterministic: the same Config gives the same Result. A
// million articles with NoDump take about 40 seconds and 1.2 GB of heap
// (4.7 GB peak resident with the default GOGC).
package dupgen

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Caption is a photo caption, as in newsdump.Caption.
type Caption struct{ Text, Credit string }

// Story is a base story.
type Story struct {
	Title      string
	Captions   []Caption
	Paragraphs []string
}

// Article is one generated article: what newsdump.Parse must return for
// its page, and where it came from.
type Article struct {
	Title      string
	Captions   []Caption // the photos of the page; a caption moved into the body is a paragraph
	Paragraphs []string  // the logical paragraphs, hard-wrapped lines joined with a space
	Authors    []string  // the byline's name, if the page has a byline
	Published  string    // the date stamp's day, as "2024-03-12"
	Story      int       // the cluster: articles with the same Story are copies
	Site       int       // the publishing site
	Kind       string    // "original", "recrawl", "rerender" or "syndicated"
	File       int       // the file that holds the page, an index into Result.Files
	Line       int       // the page's first line in that file, 1-based
}

// Config says what to generate.
type Config struct {
	N             int      // number of articles
	Seed          uint64   // same seed, same result
	Samples       []Story  // used first as base stories
	Sentences     []string // from LoadSentences: "" ends a document
	Sites         int      // number of sites; 0 means 24
	SingletonRate float64  // share of stories with one copy; 0 means 0.5
	// NoDump skips rendering the files' text (File.Data), for benchmarks
	// that need only the articles.
	NoDump bool
	// LongBoilerplate gives every site boilerplate written as sentences,
	// long relative to its stories, in every page's body: a newsletter
	// sign-up paragraph after the second paragraph, and a credits line
	// and a standards line after the last (20 to 50 words each, the same
	// on every page of the site, different from site to site); and it
	// makes stories short, 3 or 4 paragraphs (at 10,000 articles, 270
	// words a page on average, 100 of them the boilerplate's). Two
	// stories of one site then share about a fifth of their shingles:
	// what made Dedupe merge unrelated stories at a million articles
	// before it learnt which shingles are frequent. Sites are best many
	// (Sites: 40, as the measurement of that failure).
	LongBoilerplate bool
}

// File is one generated file: pages of one site, concatenated.
type File struct {
	Name  string // "site07/0003.txt"
	Site  int
	Data  []byte // the pages' text; nil with Config.NoDump
	Pages int    // how many pages (articles) it holds
}

// Result is a generated set of files and its ground truth.
type Result struct {
	Files []File
	// Articles are in file order: the pages of Files[0], then those of
	// Files[1], ...
	Articles          []Article
	Stories           int      // number of distinct stories
	RecombinedStories int      // stories built from random sentences
	Layouts           []string // a description of each site's layout
}

// copyOf is a generated page: its ground truth and what it prints.
type copyOf struct {
	a    Article
	spec pageSpec
}

// Generate builds cfg.N articles, printed as the pages of sites.
func Generate(cfg Config) Result {
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x6475706765))
	if cfg.Sites <= 0 {
		cfg.Sites = 24
	}
	if cfg.SingletonRate <= 0 {
		cfg.SingletonRate = 0.5
	}
	g := &gen{rng: rng, cfg: cfg}
	g.paragraphs, g.sentences = paragraphs(cfg.Sentences)
	g.sentenceWords = make([][]string, len(g.sentences))
	for i, s := range g.sentences {
		g.sentenceWords[i] = strings.Fields(s)
	}
	g.makeSites()

	var res Result
	var stories []Story
	var sizes []int
	total := 0
	for total < cfg.N {
		st, recombined := g.nextStory(len(stories))
		if recombined {
			res.RecombinedStories++
		}
		size := 1
		if rng.Float64() >= cfg.SingletonRate {
			u := rng.Float64()
			size = 2 + int(28*u*u*u)
		}
		size = min(size, cfg.N-total)
		stories = append(stories, st)
		sizes = append(sizes, size)
		total += size
	}
	res.Stories = len(stories)
	titles := make([]string, len(stories))
	for i, s := range stories {
		titles[i] = s.Title
	}
	g.titles = titles

	var all []copyOf
	for si, st := range stories {
		home := rng.IntN(len(g.sites))
		when := date{month: 1 + rng.IntN(12), day: 1 + rng.IntN(28), hour: rng.IntN(24), minute: rng.IntN(60)}
		author := ""
		if rng.IntN(5) > 0 {
			author = firstNames[rng.IntN(len(firstNames))] + " " + lastNames[rng.IntN(len(lastNames))]
		}
		var original copyOf
		for c := range sizes[si] {
			var cp copyOf
			switch kind := g.kind(c); kind {
			case "original", "recrawl":
				if c == 0 {
					original = g.render(st, si, home, when, author, false)
				}
				cp = original
				cp.a.Kind = kind
				if kind == "recrawl" {
					// The same page again: only the list of other stories
					// differs.
					cp.spec.related = g.related(si)
				}
			case "rerender":
				cp = g.render(st, si, home, when, author, true)
				cp.a.Kind = kind
			default:
				s := home
				if len(g.sites) > 1 {
					for s == home {
						s = rng.IntN(len(g.sites))
					}
				}
				cp = g.syndicate(st, si, home, s, when)
			}
			all = append(all, cp)
		}
	}
	rng.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	for _, s := range g.sites {
		res.Layouts = append(res.Layouts, s.layout)
	}

	// Each site's pages, in shuffled order, go into files of one page
	// (a quarter of the files) or of 2 to 40 pages.
	bySite := make([][]int, len(g.sites))
	for i, c := range all {
		bySite[c.a.Site] = append(bySite[c.a.Site], i)
	}
	res.Articles = make([]Article, 0, len(all))
	for s, pages := range bySite {
		for k := 0; len(pages) > 0; k++ {
			n := 1
			if rng.IntN(4) > 0 {
				n = 2 + rng.IntN(39)
			}
			n = min(n, len(pages))
			f := File{Name: fmt.Sprintf("site%02d/%04d.txt", s, k), Site: s, Pages: n}
			var b strings.Builder
			w := pageWriter{b: &b, s: &g.sites[s]}
			if cfg.NoDump {
				w.b = discard{} // the pages are written only to count their lines
			}
			for _, i := range pages[:n] {
				a := all[i].a
				a.File, a.Line = len(res.Files), w.lines+1
				res.Articles = append(res.Articles, a)
				w.writePage(&all[i].spec)
			}
			if !cfg.NoDump {
				f.Data = []byte(b.String())
			}
			res.Files = append(res.Files, f)
			pages = pages[n:]
		}
	}
	return res
}

type gen struct {
	rng        *rand.Rand
	cfg        Config
	paragraphs []string
	sentences  []string
	// sentenceWords are the words of each of sentences, split once
	sentenceWords [][]string
	nextPara      int
	sites         []site
	titles        []string
}

// kind chooses what copy number c of a story is.
func (g *gen) kind(c int) string {
	if c == 0 {
		return "original"
	}
	switch u := g.rng.Float64(); {
	case u < 0.25:
		return "recrawl"
	case u < 0.40:
		return "rerender"
	default:
		return "syndicated"
	}
}

// paragraphs groups the corpus sentences into paragraphs of at least 30
// words within one document, each sentence used once (the corpora repeat
// some, such as e-mails quoting earlier ones). It also returns the
// sentences of 6 words or more, for recombined stories.
func paragraphs(sents []string) (paras, long []string) {
	seen := make(map[string]bool)
	var cur []string
	words := 0
	flush := func() {
		if words >= 30 {
			paras = append(paras, strings.Join(cur, " "))
		}
		cur, words = cur[:0], 0
	}
	for _, s := range sents {
		if s == docEnd {
			flush()
			continue
		}
		n := len(strings.Fields(s))
		if n < 4 || !utf8.ValidString(s) || strings.ContainsAny(s, "\n\r") || seen[s] {
			continue
		}
		seen[s] = true // the corpora repeat text (quoted e-mails): use it once
		if n >= 6 {
			long = append(long, s)
		}
		cur = append(cur, s)
		words += n
		if words >= 30 {
			flush()
		}
	}
	flush()
	return paras, long
}

// nextStory returns story number i: a sample, then corpus paragraphs, then
// recombined sentences.
func (g *gen) nextStory(i int) (Story, bool) {
	if i < len(g.cfg.Samples) {
		return g.cfg.Samples[i], false
	}
	n := 3 + g.rng.IntN(4)
	if g.cfg.LongBoilerplate {
		n = 3 + g.rng.IntN(2)
	}
	var ps []string
	recombined := false
	if g.nextPara+n <= len(g.paragraphs) {
		ps = g.paragraphs[g.nextPara : g.nextPara+n]
		g.nextPara += n
	} else if len(g.sentences) > 0 {
		recombined = true
		for range n {
			k := 2 + g.rng.IntN(3)
			var p []string
			for range k {
				// Every other word replaced by a random corpus word, so that
				// stories drawing the same sentence share few 3-word runs.
				ws := append([]string(nil), g.sentenceWords[g.rng.IntN(len(g.sentences))]...)
				for j := range ws {
					if g.rng.IntN(2) == 0 {
						o := g.sentenceWords[g.rng.IntN(len(g.sentences))]
						ws[j] = strings.Trim(o[g.rng.IntN(len(o))], `.,;:!?"`)
					}
				}
				p = append(p, strings.Join(ws, " "))
			}
			ps = append(ps, strings.Join(p, " "))
		}
	} else {
		ps = []string{fmt.Sprintf("Story number %d has no corpus text to tell.", i)}
	}
	st := Story{Title: titleOf(ps[0], i), Paragraphs: ps}
	if g.rng.IntN(2) == 0 {
		st.Captions = []Caption{{
			Text:   fmt.Sprintf("A scene from the events described in %q, %s %d, 2024.", strings.ToLower(st.Title), months[g.rng.IntN(12)], 1+g.rng.IntN(28)),
			Credit: fmt.Sprintf("Photo by %s %s / %s", firstNames[g.rng.IntN(len(firstNames))], lastNames[g.rng.IntN(len(lastNames))], agencies[g.rng.IntN(len(agencies))]),
		}}
	}
	return st, recombined
}

// titleOf makes a headline of the first words of a paragraph, with the
// story number so that titles are distinct.
func titleOf(p string, i int) string {
	ws := strings.Fields(p)
	ws = ws[:min(len(ws), 7)]
	for j, w := range ws {
		ws[j] = strings.Trim(w, `.,;:!?"'()[]`)
		r, n := utf8.DecodeRuneInString(ws[j])
		if n > 0 {
			ws[j] = string(unicode.ToUpper(r)) + ws[j][n:]
		}
	}
	t := strings.Join(strings.Fields(strings.Join(ws, " ")), " ")
	return fmt.Sprintf("%s, Part %d", t, i+1)
}

// norm joins a text's words with single spaces, as newsdump returns them.
// A text already so (the sites' boilerplate, most paragraphs) is returned
// as it is, so that a million articles share its bytes.
func norm(s string) string {
	if isNorm(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// isNorm reports whether s is its words joined with single spaces.
func isNorm(s string) bool {
	space := true // at the start, a space would be leading
	for _, r := range s {
		if unicode.IsSpace(r) {
			if space || r != ' ' {
				return false
			}
			space = true
			continue
		}
		space = false
	}
	return !space || s == ""
}

// truth fills in what Parse must return for a page.
func truth(a *Article, p *pageSpec, s *site) {
	a.Title = norm(p.title)
	a.Captions = nil
	for _, c := range p.captions {
		a.Captions = append(a.Captions, Caption{norm(c.Text), norm(creditBody(c.Credit))})
	}
	a.Paragraphs = nil
	for _, b := range p.body {
		a.Paragraphs = append(a.Paragraphs, norm(b))
	}
	a.Authors = nil
	if p.author != "" {
		a.Authors = []string{p.author}
	}
	a.Published = ""
	if !strings.HasPrefix(dateFormats[s.date], "Updated") { // newsdump reports only a publication date
		a.Published = fmt.Sprintf("2024-%02d-%02d", p.date.month, p.date.day)
	}
}

// related draws the titles of 3 to 5 other stories.
func (g *gen) related(story int) []string {
	var out []string
	for range 3 + g.rng.IntN(3) {
		o := g.rng.IntN(len(g.titles))
		if o == story {
			o = (o + 1) % len(g.titles)
		}
		out = append(out, g.titles[o])
	}
	return out
}

// kicker draws a section of site s for a page's kicker line, or "".
func (g *gen) kicker(s *site) string {
	if !s.kicker {
		return ""
	}
	return s.sections[g.rng.IntN(len(s.sections))]
}

// render prints a story on its home site. A re-render swaps the quote
// style, hard-wraps a body the site prints a paragraph per line (or the
// reverse), and splits half the bodies into a paragraph per sentence.
func (g *gen) render(st Story, story, s int, when date, author string, rerender bool) copyOf {
	si := &g.sites[s]
	curly, wrap := si.curly, si.wrap
	split := false
	if rerender {
		curly = !curly
		if wrap > 0 {
			wrap = 0
		} else {
			wrap = 64 + g.rng.IntN(12)
		}
		split = g.rng.IntN(2) == 0
	}
	p := pageSpec{title: quotes(st.Title, curly), kicker: g.kicker(si), author: author, date: when, wrap: wrap}
	for _, c := range st.Captions {
		p.captions = append(p.captions, Caption{quotes(c.Text, curly), c.Credit})
	}
	for _, para := range st.Paragraphs {
		para = quotes(para, curly)
		if split {
			p.body = append(p.body, sentences(para)...)
		} else {
			p.body = append(p.body, para)
		}
	}
	p.body = si.withBoilerplate(p.body)
	p.related = g.related(story)
	cp := copyOf{a: Article{Story: story, Site: s}, spec: p}
	truth(&cp.a, &cp.spec, si)
	return cp
}

// syndicate prints a story from site home on site s with the perturbations
// of a syndicated copy.
func (g *gen) syndicate(st Story, story, home, s int, when date) copyOf {
	si := &g.sites[s]
	rng := g.rng
	p := pageSpec{kicker: g.kicker(si), wrap: si.wrap}
	p.title = quotes(st.Title, si.curly)
	if rng.IntN(2) == 0 {
		switch rng.IntN(3) {
		case 0:
			p.title = strings.ToUpper(p.title)
		case 1:
			p.title = sentenceCase(p.title)
		default:
			p.title = titleCase(p.title)
		}
	}
	body := make([]string, len(st.Paragraphs))
	for i, para := range st.Paragraphs {
		body[i] = quotes(para, si.curly)
	}
	if rng.Float64() < 0.2 {
		body = g.edit(body, 0.05+0.05*rng.Float64())
	}
	if rng.Float64() < 0.15 {
		body = truncate(body, 0.5+0.4*rng.Float64())
		body = append(body, fmt.Sprintf("Read the full story at %s.", g.sites[home].name))
	}
	if rng.Float64() < 0.4 {
		city := cities[rng.IntN(len(cities))]
		agency := agencies[rng.IntN(len(agencies))]
		if rng.IntN(2) == 0 {
			body[0] = fmt.Sprintf("%s (%s) — %s", strings.ToUpper(city), agency, body[0])
		} else {
			body[0] = fmt.Sprintf("%s, %s %d — %s", city, months[rng.IntN(12)], 1+rng.IntN(28), body[0])
		}
	}
	if rng.IntN(2) == 0 {
		p.author = firstNames[rng.IntN(len(firstNames))] + " " + lastNames[rng.IntN(len(lastNames))]
	}
	// Published the same day or the next.
	p.date = when
	if rng.IntN(2) == 0 {
		p.date.day++
	}
	p.date.hour, p.date.minute = rng.IntN(24), rng.IntN(60)
	if len(st.Captions) > 0 && rng.Float64() < 0.3 {
		// The captions moved into the body: their text a paragraph after
		// the first, without the credit.
		var moved []string
		for _, c := range st.Captions {
			moved = append(moved, quotes(c.Text, si.curly))
		}
		body = append(body[:1], append(moved, body[1:]...)...)
	} else {
		for _, c := range st.Captions {
			p.captions = append(p.captions, Caption{quotes(c.Text, si.curly), c.Credit})
		}
	}
	p.body = si.withBoilerplate(body)
	p.related = g.related(story)
	cp := copyOf{a: Article{Story: story, Site: s, Kind: "syndicated"}, spec: p}
	truth(&cp.a, &cp.spec, si)
	return cp
}

// edit changes about rate of the words: 60% replaced by a common word, 20%
// deleted, 20% followed by an inserted word.
func (g *gen) edit(body []string, rate float64) []string {
	out := make([]string, len(body))
	for i, p := range body {
		ws := strings.Fields(p)
		var o []string
		for j, w := range ws {
			if j == 0 || g.rng.Float64() >= rate {
				o = append(o, w)
				continue
			}
			switch u := g.rng.Float64(); {
			case u < 0.6:
				o = append(o, editWords[g.rng.IntN(len(editWords))])
			case u < 0.8:
			default:
				o = append(o, w, editWords[g.rng.IntN(len(editWords))])
			}
		}
		out[i] = strings.Join(o, " ")
	}
	return out
}

// truncate keeps the first share of the body's words, cutting the last
// paragraph kept at a word boundary.
func truncate(body []string, share float64) []string {
	total := 0
	for _, p := range body {
		total += len(strings.Fields(p))
	}
	keep := max(1, int(float64(total)*share))
	var out []string
	for _, p := range body {
		ws := strings.Fields(p)
		if len(ws) >= keep {
			out = append(out, strings.Join(ws[:keep], " "))
			break
		}
		out = append(out, p)
		keep -= len(ws)
	}
	return out
}

// sentences splits a paragraph after each ". ", "? " or "! ".
func sentences(p string) []string {
	var out []string
	start := 0
	for i := 0; i+1 < len(p); i++ {
		if (p[i] == '.' || p[i] == '?' || p[i] == '!') && p[i+1] == ' ' && i+1-start > 20 {
			out = append(out, p[start:i+1])
			start = i + 2
		}
	}
	if rest := strings.TrimSpace(p[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

// straightQuotes replaces curly quotes by straight ones; made once, as a
// Replacer builds its tables.
var straightQuotes = strings.NewReplacer("“", `"`, "”", `"`, "‘", "'", "’", "'")

// quotes gives s the curly or the straight quote style.
func quotes(s string, curly bool) string {
	if !curly {
		return straightQuotes.Replace(s)
	}
	if !strings.ContainsAny(s, `"'`) {
		return s
	}
	var b strings.Builder
	open := true
	for i, r := range s {
		switch r {
		case '"':
			if open {
				b.WriteString("“")
			} else {
				b.WriteString("”")
			}
			open = !open
		case '\'':
			if i == 0 || s[i-1] == ' ' {
				b.WriteString("‘")
			} else {
				b.WriteString("’")
			}
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func sentenceCase(s string) string {
	l := strings.ToLower(s)
	r, n := utf8.DecodeRuneInString(l)
	return string(unicode.ToUpper(r)) + l[n:]
}

func titleCase(s string) string {
	ws := strings.Fields(strings.ToLower(s))
	for i, w := range ws {
		r, n := utf8.DecodeRuneInString(w)
		ws[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(ws, " ")
}

var (
	months       = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	firstNames   = []string{"Amina", "Ben", "Carla", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemi", "Luis", "Maya", "Nadia", "Omar", "Priya"}
	lastNames    = []string{"Abbas", "Brennan", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ivanova", "Jensen", "Kim", "Lopez", "Mensah", "Novak", "Okafor", "Park"}
	agencies     = []string{"AFP", "AP", "Reuters", "EPA", "Getty Images", "Staff"}
	cities       = []string{"Washington", "London", "Paris", "Beirut", "Nairobi", "Lagos", "Delhi", "Tokyo", "Berlin", "Cairo", "Madrid", "Ottawa"}
	placeNames   = []string{"Harbor", "Valley", "Capital", "Northern", "Coastal", "Metro", "River", "Summit"}
	paperNames   = []string{"Times", "Herald", "Ledger", "Post", "Tribune", "Courier", "Gazette", "Observer", "Chronicle"}
	sections     = []string{"World", "Politics", "Business", "Tech", "Science", "Health", "Sport", "Culture", "Opinion", "Travel", "Climate", "Video"}
	relatedHeads = []string{"Related coverage", "Related", "Read more", "More from %s", "You may also like", "Most read"}
	editWords    = []string{"the", "a", "new", "also", "said", "very", "local", "officials", "recently", "major", "several", "reportedly", "however", "early", "last", "further"}
)
