// Package eval loads the annotated article pages of the shared extraction
// benchmark (../shared/extract: page text from two HTML-to-text
// converters plus a hand-annotated body and headline) and scores an
// extractor on them, the benchmark's way. It is a development tool: the
// page text is read from disk at run time and never embedded.
package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/newsdump/newsdump/internal/page"
)

// Converters are the HTML-to-text converters whose output the data set
// holds, in the order reports print them.
var Converters = []string{"inscriptis", "html-text"}

// Page is one annotated page.
type Page struct {
	Name  string
	URL   string
	Site  string              // host of URL: pages of one site share a fold
	Title string              // gold headline, one line of the inscriptis text
	Gold  string              // gold body, paragraphs separated by blank lines
	Lines map[string][]string // converter -> page lines
}

// Load reads every page of dir (the directory holding README.md, dev/,
// dev_meta.json and dev_pages.json), sorted by name.
func Load(dir string) ([]*Page, error) {
	var meta map[string]struct {
		Title string `json:"title"`
	}
	var list []struct {
		Name string `json:"name"`
		URL  string `json:"url"`
	}
	if err := readJSON(filepath.Join(dir, "dev_meta.json"), &meta); err != nil {
		return nil, err
	}
	if err := readJSON(filepath.Join(dir, "dev_pages.json"), &list); err != nil {
		return nil, err
	}
	var pages []*Page
	for _, e := range list {
		p := &Page{Name: e.Name, URL: e.URL, Title: meta[e.Name].Title, Lines: map[string][]string{}}
		if u, err := url.Parse(e.URL); err == nil {
			p.Site = u.Host
		}
		gold, err := os.ReadFile(filepath.Join(dir, "dev", e.Name+".gold.txt"))
		if err != nil {
			return nil, err
		}
		p.Gold = string(gold)
		for _, c := range Converters {
			b, err := os.ReadFile(filepath.Join(dir, "dev", e.Name+"."+c+".txt"))
			if err != nil {
				return nil, err
			}
			p.Lines[c] = SplitLines(b)
		}
		pages = append(pages, p)
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].Name < pages[j].Name })
	return pages, nil
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// SplitLines splits text into lines without their terminators (\n or
// \r\n), keeping indentation, as Extract expects them.
func SplitLines(b []byte) []string {
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		out = append(out, strings.TrimRight(sc.Text(), "\r"))
	}
	return out
}

// Folds assigns each page to one of k folds so that the pages of a site
// (and both converters of a page) are always held out together: sites are
// ordered by a hash of their name and dealt out in turn, largest first,
// which balances the folds without depending on the page order.
func Folds(pages []*Page, k int) map[*Page]int {
	count := map[string]int{}
	for _, p := range pages {
		count[p.Site]++
	}
	sites := make([]string, 0, len(count))
	for s := range count {
		sites = append(sites, s)
	}
	hash := func(s string) uint32 {
		h := fnv.New32a()
		h.Write([]byte(s))
		return h.Sum32()
	}
	sort.Slice(sites, func(i, j int) bool {
		if count[sites[i]] != count[sites[j]] {
			return count[sites[i]] > count[sites[j]]
		}
		return hash(sites[i]) < hash(sites[j])
	})
	fold := map[string]int{}
	for i, s := range sites {
		fold[s] = i % k
	}
	out := make(map[*Page]int, len(pages))
	for _, p := range pages {
		out[p] = fold[p.Site]
	}
	return out
}

// Examples turns pages into training examples for page.Train, both
// converters of each.
func Examples(pages []*Page) []page.Example {
	var ex []page.Example
	for _, p := range pages {
		for _, c := range Converters {
			ex = append(ex, page.Example{Lines: p.Lines[c], Gold: p.Gold, Title: p.Title, Group: p.Site})
		}
	}
	return ex
}

// PageResult is the score of one page under one converter.
type PageResult struct {
	Page      *Page
	Converter string
	Score     page.PageScore
	F1        float64 // this page's own F1, to rank the worst pages
	Title     string  // predicted headline, "" if none
	TitleOK   bool
}

// Report is a converter's aggregate score.
type Report struct {
	Converter      string
	P, R, F1       float64
	TitleOK, Pages int
	NavTitles      int // predicted headlines that are list items or other navigation
	PerPage        []PageResult
}

// Extractor is what Run scores.
type Extractor func(lines []string) page.Result

// Run scores extract on pages for one converter.
func Run(pages []*Page, converter string, extract Extractor) Report {
	rep := Report{Converter: converter, Pages: len(pages)}
	var scores []page.PageScore
	for _, p := range pages {
		lines := p.Lines[converter]
		res := extract(lines)
		s := page.ScorePage(strings.Join(res.Paragraphs, "\n"), p.Gold)
		scores = append(scores, s)
		pr := PageResult{Page: p, Converter: converter, Score: s}
		pp, _ := s.Precision()
		if rr := s.Recall(); pp+rr > 0 {
			pr.F1 = 2 * pp * rr / (pp + rr)
		}
		if res.Title >= 0 && res.Title < len(lines) {
			pr.Title = strings.TrimSpace(lines[res.Title])
			pr.TitleOK = pr.Title == strings.TrimSpace(p.Title)
			if res.Class[res.Title] != page.Title || isListItem(lines[res.Title]) {
				rep.NavTitles++
			}
		}
		if pr.TitleOK {
			rep.TitleOK++
		}
		rep.PerPage = append(rep.PerPage, pr)
	}
	rep.P, rep.R, rep.F1 = page.Aggregate(scores)
	return rep
}

func isListItem(s string) bool {
	t := strings.TrimLeft(s, " \t")
	return strings.HasPrefix(t, "* ") || strings.HasPrefix(t, "+ ") || t == "*" || t == "+"
}

// Worst returns the n pages of rep with the lowest F1.
func (rep Report) Worst(n int) []PageResult {
	w := append([]PageResult(nil), rep.PerPage...)
	sort.SliceStable(w, func(i, j int) bool { return w[i].F1 < w[j].F1 })
	if len(w) > n {
		w = w[:n]
	}
	return w
}

// CrossValidate trains a model on k-1 folds and scores the held-out fold,
// for each fold, and returns one report per converter over all pages, each
// page scored by the model that never saw its site.
func CrossValidate(pages []*Page, k int, opts page.TrainOptions) ([]Report, error) {
	extractors := make(map[*Page]Extractor)
	folds := Folds(pages, k)
	for f := 0; f < k; f++ {
		var train, test []*Page
		for _, p := range pages {
			if folds[p] == f {
				test = append(test, p)
			} else {
				train = append(train, p)
			}
		}
		if len(test) == 0 {
			continue
		}
		m, err := page.Train(Examples(train), opts)
		if err != nil {
			return nil, err
		}
		for _, p := range test {
			extractors[p] = m.Extract
		}
	}
	var reps []Report
	for _, c := range Converters {
		// Run per page so each uses its fold's model.
		rep := Report{Converter: c, Pages: len(pages)}
		var all []PageResult
		var scores []page.PageScore
		for _, p := range pages {
			r := Run([]*Page{p}, c, extractors[p])
			all = append(all, r.PerPage...)
			scores = append(scores, r.PerPage[0].Score)
			rep.TitleOK += r.TitleOK
			rep.NavTitles += r.NavTitles
		}
		rep.PerPage = all
		rep.P, rep.R, rep.F1 = page.Aggregate(scores)
		reps = append(reps, rep)
	}
	return reps, nil
}
