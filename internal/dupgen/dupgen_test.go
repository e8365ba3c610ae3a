package dupgen_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/newsdump/newsdump"
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

// The generated dump parses into exactly the intended articles, and the
// same seed gives the same dump.
func TestDumpParsesIntoIntendedArticles(t *testing.T) {
	sents := loadSentences(t)
	cfg := dupgen.Config{N: 3000, Seed: 7, Sentences: sents,
		Samples: []dupgen.Story{{Title: "A sample “story”", Captions: []dupgen.Caption{{"Crowds gather.", "AP"}}, Paragraphs: []string{"It began on Monday.", "It ended on Friday."}}}}
	res := dupgen.Generate(cfg)
	if len(res.Articles) != cfg.N {
		t.Fatalf("%d articles, want %d", len(res.Articles), cfg.N)
	}
	got, err := newsdump.Parse(bytes.NewReader(res.Dump))
	if err != nil {
		t.Fatal(err)
	}
	var want []newsdump.Article
	for _, a := range res.Articles {
		na := newsdump.Article{Title: a.Title, Paragraphs: a.Paragraphs}
		for _, c := range a.Captions {
			na.Captions = append(na.Captions, newsdump.Caption{Text: c.Text, Credit: c.Credit})
		}
		want = append(want, na)
	}
	if diff := cmp.Diff(want, got, cmpopts.IgnoreFields(newsdump.Article{}, "ID", "Source"), cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("parsed dump differs from the intended articles (-want +got):\n%s", diff)
	}
	again := dupgen.Generate(cfg)
	if !bytes.Equal(res.Dump, again.Dump) {
		t.Error("the same config gave a different dump")
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
	single := 0
	for _, n := range size {
		if n == 1 {
			single++
		}
		if n > 30 {
			t.Errorf("a story with %d copies", n)
		}
	}
	if r := float64(single) / float64(len(size)); r < 0.4 || r > 0.6 {
		t.Errorf("%.2f of stories are singletons, want about half", r)
	}
	t.Logf("%d stories (%d recombined), kinds %v", res.Stories, res.RecombinedStories, kinds)
}
