// Package pageeval scores what newsdump.Parse returns for the real article
// pages of ../shared/extract, the benchmark's way: the body by 4-token
// shingles (see internal/page's scorer), and beside it what a user sees
// first of a page's article: one article per page, its title, authors and
// date. It reads the pages from disk at run time and embeds nothing; the
// command parseeval prints its report and the root package's tests
// enforce floors on it.
package pageeval

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsdump/newsdump"
	"github.com/newsdump/newsdump/internal/page"
)

// Converters are the HTML-to-text converters whose output the data set
// holds, in the order reports print them.
var Converters = []string{"inscriptis", "html-text"}

// Page is one annotated page, as its files and dev_meta.json give it.
type Page struct {
	Name      string
	Title     string   // the headline, as one line of the inscriptis text
	Authors   []string // as the byline prints them; empty where none is a person
	Published string   // YYYY-MM-DD, with THH:MM where the page prints a time; "" if none
	Gold      string   // the body, paragraphs separated by blank lines
	Text      map[string][]byte
}

// Load reads the pages of dir, the directory with dev/ and dev_meta.json,
// sorted by name.
func Load(dir string) ([]Page, error) {
	data, err := os.ReadFile(filepath.Join(dir, "dev_meta.json"))
	if err != nil {
		return nil, err
	}
	var meta map[string]struct {
		Title     string   `json:"title"`
		Authors   []string `json:"authors"`
		Published *string  `json:"published"`
	}
	if err := json.Unmarshal(data, &meta); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(dir, "dev_meta.json"), err)
	}
	var pages []Page
	for name, m := range meta {
		p := Page{Name: name, Title: m.Title, Authors: m.Authors, Text: map[string][]byte{}}
		if m.Published != nil {
			p.Published = *m.Published
		}
		gold, err := os.ReadFile(filepath.Join(dir, "dev", name+".gold.txt"))
		if err != nil {
			return nil, err
		}
		p.Gold = string(gold)
		for _, c := range Converters {
			if p.Text[c], err = os.ReadFile(filepath.Join(dir, "dev", name+"."+c+".txt")); err != nil {
				return nil, err
			}
		}
		pages = append(pages, p)
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].Name < pages[j].Name })
	return pages, nil
}

// Result is what Parse made of one page's text.
type Result struct {
	Name      string
	Articles  int  // how many articles Parse returned
	TitleOK   bool // the first article's title is the headline
	Unrelated bool // the title shares no word with the headline (another story's, a promo, a menu item)
	Menu      bool // an unrelated title of three words or fewer, or a menu run together: a navigation line
	AuthorsOK bool // the authors are the byline's, as a set
	DateOK    bool // Published agrees with the annotation at its precision
	Score     page.PageScore
	Title     string
}

// Report is the score of one converter's text of every page.
type Report struct {
	Converter                 string
	Pages                     int
	Precision, Recall, F1     float64
	OneArticle                int // pages that gave exactly one article
	TitleOK, Unrelated, Menus int
	AuthorsOK, DatesOK        int
	WithAuthors, WithDates    int // pages whose annotation names authors, a date
	AuthorsFound, DatesFound  int // pages where Parse gave authors, a date
	AuthorsWrong, DatesWrong  int // given but not as annotated
	Results                   []Result
	ParseErrors               []error
}

// Evaluate parses each page's text of converter c with opts and scores it.
func Evaluate(pages []Page, c string, opts ...newsdump.ParseOption) *Report {
	rep := &Report{Converter: c, Pages: len(pages)}
	var scores []page.PageScore
	for _, p := range pages {
		arts, err := newsdump.Parse(bytes.NewReader(p.Text[c]), append(slices.Clip(opts), newsdump.WithFile(p.Name))...)
		if err != nil {
			rep.ParseErrors = append(rep.ParseErrors, err)
		}
		r := Result{Name: p.Name, Articles: len(arts)}
		var body []string
		for _, a := range arts {
			body = append(body, a.Paragraphs...)
		}
		r.Score = page.ScorePage(strings.Join(body, "\n"), p.Gold)
		scores = append(scores, r.Score)
		var first newsdump.Article
		if len(arts) > 0 {
			first = arts[0]
		}
		r.Title = first.Title
		r.TitleOK = norm(first.Title) == norm(p.Title)
		r.Unrelated = !shareWord(first.Title, p.Title)
		r.Menu = r.Unrelated && first.Title != "" && (len(strings.Fields(first.Title)) <= 3 || allCapitalised(first.Title))
		r.AuthorsOK = sameSet(first.Authors, p.Authors)
		r.DateOK = sameDate(first.Published, p.Published)
		if r.Articles == 1 {
			rep.OneArticle++
		}
		count(&rep.TitleOK, r.TitleOK)
		count(&rep.Unrelated, r.Unrelated)
		count(&rep.Menus, r.Menu)
		count(&rep.AuthorsOK, r.AuthorsOK)
		count(&rep.DatesOK, r.DateOK)
		count(&rep.WithAuthors, len(p.Authors) > 0)
		count(&rep.WithDates, p.Published != "")
		count(&rep.AuthorsFound, len(first.Authors) > 0)
		count(&rep.DatesFound, first.Published != "")
		count(&rep.AuthorsWrong, len(first.Authors) > 0 && !r.AuthorsOK)
		count(&rep.DatesWrong, first.Published != "" && !r.DateOK)
		rep.Results = append(rep.Results, r)
	}
	rep.Precision, rep.Recall, rep.F1 = page.Aggregate(scores)
	return rep
}

func count(n *int, ok bool) {
	if ok {
		*n++
	}
}

// Worst returns the n results of lowest body F1.
func (r *Report) Worst(n int) []Result {
	res := slices.Clone(r.Results)
	sort.SliceStable(res, func(i, j int) bool { return f1(res[i].Score) < f1(res[j].Score) })
	return res[:min(n, len(res))]
}

func f1(s page.PageScore) float64 {
	p, _ := s.Precision()
	r := s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func norm(s string) string { return strings.Join(strings.Fields(s), " ") }

// shareWord reports whether a and b have a word of three letters or more
// in common, ignoring case.
func shareWord(a, b string) bool {
	words := map[string]bool{}
	for _, w := range page.Tokens(nil, strings.ToLower(b)) {
		if len(w) >= 3 {
			words[w] = true
		}
	}
	for _, w := range page.Tokens(nil, strings.ToLower(a)) {
		if words[w] {
			return true
		}
	}
	return false
}

func sameSet(got, want []string) bool {
	if len(got) != len(want) {
		return false
	}
	g, w := slices.Clone(got), slices.Clone(want)
	for i := range g {
		g[i] = strings.ToLower(norm(g[i]))
	}
	for i := range w {
		w[i] = strings.ToLower(norm(w[i]))
	}
	slices.Sort(g)
	slices.Sort(w)
	return slices.Equal(g, w)
}

// sameDate reports whether an ISO 8601 stamp agrees with an annotation
// ("2019-11-19" or "2019-11-19T08:03") at the annotation's precision,
// in the page's local time as printed.
func sameDate(got, want string) bool {
	if want == "" {
		return got == ""
	}
	return len(got) >= len(want) && got[:len(want)] == want
}

// allCapitalised reports whether a title of eight words or more has every
// word capitalised or a number and none a function word: menu entries
// run together.
func allCapitalised(title string) bool {
	words := strings.Fields(title)
	if len(words) < 8 {
		return false
	}
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && !unicode.IsDigit(r) || page.IsStopword(strings.ToLower(w)) {
			return false
		}
	}
	return true
}
