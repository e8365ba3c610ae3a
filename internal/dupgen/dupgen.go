// Package dupgen generates news dumps with known duplicate clusters, the
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
//   - a re-crawl (25%): the same page again, differing only in the
//     font-size chrome number;
//   - a re-render (15%): the same site with curly and straight quotes
//     swapped, paragraphs re-wrapped into one line per sentence, and
//     newline versus blank-line paragraph breaks swapped;
//   - a syndicated copy (60%) on another site: in that site's style and
//     chrome, with its title re-cased (50%: capitals, sentence case or
//     title case), a byline (50%), a dateline before the first paragraph
//     (40%), 5-10% of words edited (20%: replaced, deleted or inserted), the
//     body truncated to 50-90% of its words and ended with "Read the full
//     story at SITE." (15%), and the captions moved into the body (30% of
//     copies with captions).
//
// Every site has its own chrome, printed around every article it
// publishes: a navigation line, a "Related coverage" heading (in the
// site's wording) followed by 3 to 5 titles of other, random stories, and
// a one- or two-line footer. Sites also differ in quote style, paragraph
// breaks and the chrome number. The articles of all stories are shuffled
// into one dump.
//
// Generation is deterministic: the same Config gives the same Result.
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

// Article is one generated article: what newsdump.Parse must return for it,
// and where it came from.
type Article struct {
	Title      string
	Captions   []Caption
	Paragraphs []string
	Story      int    // the cluster: articles with the same Story are copies
	Site       int    // the publishing site
	Kind       string // "original", "recrawl", "rerender" or "syndicated"
}

// Config says what to generate.
type Config struct {
	N             int      // number of articles
	Seed          uint64   // same seed, same result
	Samples       []Story  // used first as base stories
	Sentences     []string // from LoadSentences: "" ends a document
	Sites         int      // number of sites; 0 means 24
	SingletonRate float64  // share of stories with one copy; 0 means 0.5
	// NoDump skips rendering Result.Dump, for benchmarks that need only
	// the articles.
	NoDump bool
}

// Result is a generated dump and its ground truth.
type Result struct {
	Dump              []byte    // the articles in dump format, in order
	Articles          []Article // in dump order
	Stories           int       // number of distinct stories
	RecombinedStories int       // stories built from random sentences
}

type site struct {
	name     string
	nav      string
	related  string
	footer   []string
	curly    bool
	blank    bool   // paragraphs separated by blank lines
	chrome   string // the number after TT, or ""
	byline   int    // style
	dateline int
}

// Generate builds a dump of cfg.N articles.
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

	type rendered struct {
		a      Article
		chrome string
	}
	var all []rendered
	for si, st := range stories {
		home := rng.IntN(len(g.sites))
		var firstOriginal Article
		for c := range sizes[si] {
			var a Article
			chrome := g.sites[home].chrome
			switch kind := g.kind(c); kind {
			case "original", "recrawl":
				if c == 0 {
					firstOriginal = g.render(st, si, home, g.sites[home].curly, g.sites[home].blank, false)
				}
				a = firstOriginal
				a.Kind = kind
				if kind == "recrawl" {
					chrome = []string{"", "18", "20", "22", "24"}[rng.IntN(5)]
				}
			case "rerender":
				a = g.render(st, si, home, !g.sites[home].curly, !g.sites[home].blank, true)
				a.Kind = kind
			default:
				s := home
				if len(g.sites) > 1 {
					for s == home {
						s = rng.IntN(len(g.sites))
					}
				}
				chrome = g.sites[s].chrome
				a = g.syndicate(st, si, home, s)
			}
			all = append(all, rendered{a, chrome})
		}
	}
	rng.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	res.Articles = make([]Article, len(all))
	var b strings.Builder
	for i, r := range all {
		res.Articles[i] = r.a
		if !cfg.NoDump {
			if i > 0 {
				b.WriteString("\n\n\n")
			}
			writeArticle(&b, &r.a, r.chrome, g.sites[r.a.Site].blank)
		}
	}
	if !cfg.NoDump {
		res.Dump = []byte(b.String())
	}
	return res
}

type gen struct {
	rng        *rand.Rand
	cfg        Config
	paragraphs []string
	sentences  []string
	nextPara   int
	sites      []site
	titles     []string
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
				ws := strings.Fields(g.sentences[g.rng.IntN(len(g.sentences))])
				for j := range ws {
					if g.rng.IntN(2) == 0 {
						o := strings.Fields(g.sentences[g.rng.IntN(len(g.sentences))])
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

func (g *gen) makeSites() {
	for i := range g.cfg.Sites {
		name := fmt.Sprintf("The %s %s", placeNames[i%len(placeNames)], paperNames[(i/len(placeNames)+i)%len(paperNames)])
		secs := g.rng.Perm(len(sections))[:4+g.rng.IntN(4)]
		nav := []string{"Home"}
		for _, s := range secs {
			nav = append(nav, sections[s])
		}
		s := site{
			name:     name,
			nav:      strings.Join(nav, " | "),
			related:  relatedHeads[g.rng.IntN(len(relatedHeads))],
			curly:    g.rng.IntN(2) == 0,
			blank:    g.rng.IntN(2) == 0,
			chrome:   []string{"", "20", "20", "18"}[g.rng.IntN(4)],
			byline:   g.rng.IntN(3),
			dateline: g.rng.IntN(2),
		}
		if strings.Contains(s.related, "%s") {
			s.related = fmt.Sprintf(s.related, name)
		}
		s.footer = []string{fmt.Sprintf("© 2025 %s. All rights reserved.", name)}
		if g.rng.IntN(2) == 0 {
			s.footer = append(s.footer, fmt.Sprintf("Follow %s on social media and sign up for our newsletter to get the day's top stories every morning.", name))
		}
		g.sites = append(g.sites, s)
	}
}

// render prints a story on a site: its chrome around the body, its quote
// style; rewrap puts each sentence on a line of its own.
func (g *gen) render(st Story, story, s int, curly, blank, rewrap bool) Article {
	si := &g.sites[s]
	a := Article{Title: quotes(st.Title, curly), Story: story, Site: s}
	for _, c := range st.Captions {
		a.Captions = append(a.Captions, Caption{quotes(c.Text, curly), c.Credit})
	}
	a.Paragraphs = append(a.Paragraphs, si.nav)
	for _, p := range st.Paragraphs {
		p = quotes(p, curly)
		if rewrap {
			a.Paragraphs = append(a.Paragraphs, sentences(p)...)
		} else {
			a.Paragraphs = append(a.Paragraphs, p)
		}
	}
	g.chromeEnd(&a, si, story)
	return a
}

func (g *gen) chromeEnd(a *Article, si *site, story int) {
	a.Paragraphs = append(a.Paragraphs, si.related)
	for range 3 + g.rng.IntN(3) {
		o := g.rng.IntN(len(g.titles))
		if o == story {
			o = (o + 1) % len(g.titles)
		}
		a.Paragraphs = append(a.Paragraphs, g.titles[o])
	}
	a.Paragraphs = append(a.Paragraphs, si.footer...)
}

// syndicate prints a story from site home on site s with the perturbations
// of a syndicated copy.
func (g *gen) syndicate(st Story, story, home, s int) Article {
	si := &g.sites[s]
	rng := g.rng
	a := Article{Story: story, Site: s, Kind: "syndicated"}
	a.Title = quotes(st.Title, si.curly)
	if rng.IntN(2) == 0 {
		switch rng.IntN(3) {
		case 0:
			a.Title = strings.ToUpper(a.Title)
		case 1:
			a.Title = sentenceCase(a.Title)
		default:
			a.Title = titleCase(a.Title)
		}
	}
	body := make([]string, len(st.Paragraphs))
	for i, p := range st.Paragraphs {
		body[i] = quotes(p, si.curly)
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
		if si.dateline == 0 {
			body[0] = fmt.Sprintf("%s (%s) — %s", strings.ToUpper(city), agency, body[0])
		} else {
			body[0] = fmt.Sprintf("%s, %s %d — %s", city, months[rng.IntN(12)], 1+rng.IntN(28), body[0])
		}
	}
	a.Paragraphs = append(a.Paragraphs, si.nav)
	if rng.IntN(2) == 0 {
		name := firstNames[rng.IntN(len(firstNames))] + " " + lastNames[rng.IntN(len(lastNames))]
		a.Paragraphs = append(a.Paragraphs, []string{"By " + name, name + ", " + agencies[rng.IntN(len(agencies))], "By " + strings.ToUpper(name)}[si.byline])
	}
	moved := len(st.Captions) > 0 && rng.Float64() < 0.3
	for i, p := range body {
		a.Paragraphs = append(a.Paragraphs, p)
		if moved && i == 0 {
			for _, c := range st.Captions {
				a.Paragraphs = append(a.Paragraphs, quotes(c.Text, si.curly)+" ("+c.Credit+")")
			}
		}
	}
	if !moved {
		for _, c := range st.Captions {
			a.Captions = append(a.Captions, Caption{quotes(c.Text, si.curly), c.Credit})
		}
	}
	g.chromeEnd(&a, si, story)
	return a
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

// quotes gives s the curly or the straight quote style.
func quotes(s string, curly bool) string {
	if !curly {
		return strings.NewReplacer("“", `"`, "”", `"`, "‘", "'", "’", "'").Replace(s)
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

// writeArticle prints a in dump format: title, captions twice, TT and the
// chrome number, the header again, the body.
func writeArticle(b *strings.Builder, a *Article, chrome string, blank bool) {
	header := func() {
		b.WriteString(a.Title)
		b.WriteString("\n\n")
		for _, c := range a.Captions {
			line := c.Text + " (" + c.Credit + ")"
			b.WriteString(" " + line + "\n" + line + "\n")
		}
	}
	header()
	b.WriteString("TT\n")
	if chrome != "" {
		b.WriteString(chrome + "\n")
	}
	b.WriteString("\n")
	header()
	if len(a.Captions) > 0 {
		b.WriteString("\n")
	}
	sep := "\n"
	if blank {
		sep = "\n\n"
	}
	for i, p := range a.Paragraphs {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(p)
	}
	b.WriteString("\n")
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
