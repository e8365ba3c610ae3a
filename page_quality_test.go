package newsdump_test

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
	"github.com/newsdump/newsdump"
	"github.com/newsdump/newsdump/internal/pageeval"
)

var sharedExtract = filepath.Join("..", "shared", "extract")

// The floors Parse holds on the 91 real pages of ../shared/extract, for
// each converter's text (go run ./internal/pageeval/cmd/parseeval prints
// the figures): the body F1 by the benchmark's scoring, pages that give
// exactly one article, titles equal to the headline, titles that share no
// word with the headline (another story's headline, a promo), of which
// none may be a navigation line, and authors and dates as annotated.
//
// The page model was trained on these pages: these are in-sample figures,
// which guard against regressions. What the method does on pages it has
// not seen is measured by cross-validation in internal/page (its dev_test
// floors, and the README).
var pageFloors = map[string]struct {
	f1                            float64
	oneArticle, titles, unrelated int
	authors, dates                int
}{
	"inscriptis": {f1: 0.955, oneArticle: 89, titles: 86, unrelated: 3, authors: 85, dates: 82},
	"html-text":  {f1: 0.945, oneArticle: 89, titles: 85, unrelated: 1, authors: 84, dates: 82},
}

func TestPageFloors(t *testing.T) {
	if _, err := os.Stat(sharedExtract); err != nil {
		t.Skipf("no %s beside the repository (%v): the page floors need the annotated pages", sharedExtract, err)
	}
	pages, err := pageeval.Load(sharedExtract)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range pageeval.Converters {
		r := pageeval.Evaluate(pages, c)
		want := pageFloors[c]
		t.Logf("%s: P %.4f R %.4f F1 %.4f, %d/%d pages one article, %d titles, %d unrelated, %d authors, %d dates",
			c, r.Precision, r.Recall, r.F1, r.OneArticle, r.Pages, r.TitleOK, r.Unrelated, r.AuthorsOK, r.DatesOK)
		for _, err := range r.ParseErrors {
			t.Errorf("%s: %v", c, err)
		}
		if r.F1 < want.f1 {
			t.Errorf("%s: body F1 %.4f, want at least %.2f", c, r.F1, want.f1)
		}
		if r.OneArticle < want.oneArticle {
			t.Errorf("%s: %d pages gave one article, want at least %d", c, r.OneArticle, want.oneArticle)
		}
		if r.TitleOK < want.titles {
			t.Errorf("%s: %d titles are the headline, want at least %d", c, r.TitleOK, want.titles)
		}
		if r.Unrelated > want.unrelated {
			for _, res := range r.Results {
				if res.Unrelated {
					t.Logf("%s: %s: title %q shares no word with the headline", c, res.Name, res.Title)
				}
			}
			t.Errorf("%s: %d titles share no word with the headline, want at most %d", c, r.Unrelated, want.unrelated)
		}
		if r.Menus > 0 {
			t.Errorf("%s: %d titles are navigation lines", c, r.Menus)
		}
		if r.AuthorsOK < want.authors {
			t.Errorf("%s: authors right on %d pages, want at least %d", c, r.AuthorsOK, want.authors)
		}
		if r.DatesOK < want.dates {
			t.Errorf("%s: dates right on %d pages, want at least %d", c, r.DatesOK, want.dates)
		}
	}
}

// TestPageReadSizes parses every real page text, and the page texts of
// each converter back to back as one many-page file, from readers that
// hand over one byte or half of what is asked at a time: the Reader reads
// a page's plain lines where they sit in its input buffer, and the
// articles must not depend on where the reads end.
func TestPageReadSizes(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(sharedExtract, "dev", "*.*.txt"))
	if len(files) == 0 {
		t.Skipf("no page texts in %s beside the repository: this test needs the annotated pages", sharedExtract)
	}
	readers := map[string]func(io.Reader) io.Reader{
		"one byte": iotest.OneByteReader,
		"half":     iotest.HalfReader,
	}
	check := func(name string, data []byte) {
		want, err := newsdump.Parse(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for rname, wrap := range readers {
			got, err := newsdump.Parse(wrap(bytes.NewReader(data)))
			if err != nil {
				t.Fatalf("%s, %s reads: %v", name, rname, err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s: %s reads give other articles (-whole +%s):\n%s", name, rname, rname, diff)
			}
		}
	}
	joined := map[string][]byte{}
	for _, f := range files {
		if filepath.Ext(filepath.Base(f[:len(f)-len(".txt")])) == ".gold" {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		check(filepath.Base(f), data)
		conv := filepath.Ext(f[:len(f)-len(".txt")])
		joined[conv] = append(append(joined[conv], data...), "\n\n\n\n"...)
	}
	for conv, data := range joined {
		check("all pages"+conv, data)
	}
}
