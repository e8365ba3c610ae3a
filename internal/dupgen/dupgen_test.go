package dupgen_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/newsdump/newsdump/internal/dupgen"
)

func loadSentences(t testing.TB) []string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "ner", "train")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared corpora not found at %s (they come with the project's CI data): %v", dir, err)
	}
	s, err := dupgen.LoadSentences(dir)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestDetokenize(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`He said , " It 's fine . "`, `He said, "It's fine."`},
		{`Bailey - Ross ( UK ) paid $ 5 .`, `Bailey-Ross (UK) paid $5.`},
		{"`` Yes '' , she did n't say", `"Yes", she didn't say`},
	} {
		if got := dupgen.Detokenize(strings.Fields(tc.in)); got != tc.want {
			t.Errorf("Detokenize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// The generated files hold the pages of one site each, in the order of
// Result.Articles, and the same seed gives the same files. (How well
// newsdump.Parse reads them back is TestPageDupgen, at the repository's
// root.)
func TestGenerate(t *testing.T) {
	sents := loadSentences(t)
	cfg := dupgen.Config{N: 3000, Seed: 7, Sentences: sents,
		Samples: []dupgen.Story{{Title: "A sample “story”", Captions: []dupgen.Caption{{"Crowds gather.", "AP"}}, Paragraphs: []string{"It began on Monday.", "It ended on Friday."}}}}
	res := dupgen.Generate(cfg)
	if len(res.Articles) != cfg.N {
		t.Fatalf("%d articles, want %d", len(res.Articles), cfg.N)
	}
	pages, single := 0, 0
	for fi, f := range res.Files {
		if f.Pages == 1 {
			single++
		}
		lines := strings.Split(string(f.Data), "\n")
		for k, a := range res.Articles[pages : pages+f.Pages] {
			if a.File != fi || a.Site != f.Site {
				t.Fatalf("%s: page %d is article of file %d, site %d", f.Name, k, a.File, a.Site)
			}
			if a.Line < 1 || a.Line > len(lines) || k == 0 && a.Line != 1 {
				t.Fatalf("%s: page %d starts on line %d", f.Name, k, a.Line)
			}
			if !strings.Contains(lines[a.Line-1]+lines[a.Line], "The ") { // a <title> line or the banner
				t.Errorf("%s: page %d opens with %q", f.Name, k, lines[a.Line-1])
			}
			if strings.Contains(string(f.Data), "\nTT\n") {
				t.Errorf("%s: a TT line", f.Name)
			}
		}
		pages += f.Pages
	}
	if pages != cfg.N || single == 0 || single == len(res.Files) {
		t.Errorf("%d pages in %d files, %d of one page", pages, len(res.Files), single)
	}
	again := dupgen.Generate(cfg)
	if !cmp.Equal(res, again) {
		t.Error("the same config gave a different result")
	}
	noText := cfg
	noText.NoDump = true
	if bare := dupgen.Generate(noText); !cmp.Equal(res.Articles, bare.Articles) {
		t.Error("NoDump changes the articles")
	}
	// The model's shape: every kind of copy occurs, singletons are about half the stories.
	kinds := map[string]int{}
	size := map[int]int{}
	for _, a := range res.Articles {
		kinds[a.Kind]++
		size[a.Story]++
	}
	for _, k := range []string{"original", "recrawl", "rerender", "syndicated"} {
		if kinds[k] == 0 {
			t.Errorf("no %s copies: %v", k, kinds)
		}
	}
	singles := 0
	for _, n := range size {
		if n == 1 {
			singles++
		}
		if n > 30 {
			t.Errorf("a story with %d copies", n)
		}
	}
	if r := float64(singles) / float64(len(size)); r < 0.4 || r > 0.6 {
		t.Errorf("%.2f of stories are singletons, want about half", r)
	}
	t.Logf("%d stories (%d recombined) in %d files, kinds %v", res.Stories, res.RecombinedStories, len(res.Files), kinds)
}

// With LongBoilerplate every page of a site carries the same three
// sentence-like paragraphs in its body, each of tens of words, and two
// sites' boilerplate differs; the same config gives the same articles.
func TestGenerateLongBoilerplate(t *testing.T) {
	sents := loadSentences(t)
	cfg := dupgen.Config{N: 2000, Seed: 3, Sentences: sents, Sites: 40, LongBoilerplate: true, NoDump: true}
	res := dupgen.Generate(cfg)
	if len(res.Layouts) != 40 || !strings.Contains(res.Layouts[0], "long-boilerplate") {
		t.Fatalf("%d sites, the first %q", len(res.Layouts), res.Layouts[0])
	}
	bySite := map[int]map[string]int{} // site -> boilerplate paragraph -> pages
	pages := map[int]int{}
	for _, a := range res.Articles {
		pages[a.Site]++
		for _, p := range a.Paragraphs {
			if strings.HasPrefix(p, "Sign up for ") || strings.HasPrefix(p, "Reporting by the ") || strings.Contains(p, " is committed to ") {
				if n := len(strings.Fields(p)); n < 20 || n > 50 {
					t.Errorf("a boilerplate paragraph of %d words: %q", n, p)
				}
				if bySite[a.Site] == nil {
					bySite[a.Site] = map[string]int{}
				}
				bySite[a.Site][p]++
			}
		}
	}
	seen := map[string]int{}
	for s, ps := range bySite {
		if len(ps) != 3 {
			t.Errorf("site %d has %d different boilerplate paragraphs, want 3", s, len(ps))
		}
		for p, n := range ps {
			if n != pages[s] {
				t.Errorf("site %d: %q on %d of its %d pages", s, p, n, pages[s])
			}
			if o, ok := seen[p]; ok {
				t.Errorf("sites %d and %d share %q", o, s, p)
			}
			seen[p] = s
		}
	}
	if again := dupgen.Generate(cfg); !cmp.Equal(res.Articles, again.Articles) {
		t.Error("the same config gave different articles")
	}
}
