package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/newsdump/newsdump"
	"github.com/newsdump/newsdump/internal/dupgen"
)

// sharedDir is the project's shared data, beside the repository.
var sharedDir = filepath.Join("..", "..", "..", "shared")

// generatedCrawl writes n generated articles (internal/dupgen: stories
// with copies on many sites) as dump files under a temporary directory,
// once per n, and returns it; it skips the test when the shared corpora
// are absent.
func generatedCrawl(tb testing.TB, n int) string {
	tb.Helper()
	crawlsMu.Lock()
	defer crawlsMu.Unlock()
	if dir, ok := crawls[n]; ok {
		return dir
	}
	train := filepath.Join(sharedDir, "ner", "train")
	if _, err := os.Stat(train); err != nil {
		tb.Skipf("generated crawls need the shared corpora: %v", err)
	}
	sents, err := dupgen.LoadSentences(train)
	if err != nil {
		tb.Fatal(err)
	}
	res := dupgen.Generate(dupgen.Config{N: n, Seed: 1, Sentences: sents})
	dir, err := os.MkdirTemp("", "newsdump-crawl-")
	if err != nil {
		tb.Fatal(err)
	}
	for _, f := range res.Files {
		path := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, f.Data, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	crawls[n] = dir
	return dir
}

var (
	crawlsMu sync.Mutex
	crawls   = map[int]string{} // removed by TestMain
)

func removeCrawls() {
	for _, dir := range crawls {
		os.RemoveAll(dir)
	}
}

// The output does not depend on -j: for the repository's test data, the
// samples and a generated crawl, with -dedupe on and off, with -index,
// -j 2 and -j 8 print byte for byte what -j 1 prints.
func TestParallelOutputSameAsOneCore(t *testing.T) {
	inputs := map[string][]string{
		"testdata": {filepath.Join("..", "..", "testdata")},
	}
	if _, err := os.Stat(filepath.Join(sharedDir, "samples")); err == nil {
		inputs["samples"] = []string{filepath.Join(sharedDir, "samples")}
	} else {
		t.Logf("no shared samples (%v): testing without them", err)
	}
	// The crawl is small enough for CI under the race detector (each
	// -j 8 run has several files in flight and every batch size) and
	// large enough for thousands of duplicate decisions.
	n := 1000
	if testing.Short() {
		n = 400
	}
	if _, err := os.Stat(filepath.Join(sharedDir, "ner", "train")); err == nil {
		inputs["generated"] = []string{generatedCrawl(t, n)}
		// Files given twice and mixed with a directory.
		inputs["mixed"] = []string{filepath.Join("..", "..", "testdata", "one_article.txt"), filepath.Join(generatedCrawl(t, n), "site00"), filepath.Join("..", "..", "testdata")}
	} else {
		t.Logf("no shared corpora (%v): testing without a generated crawl", err)
	}
	flagSets := [][]string{{}, {"-dedupe=false"}, {"-sentences", "-entities=false"}, {"-index", "INDEX"}}
	for name, paths := range inputs {
		for _, flags := range flagSets {
			t.Run(name+" "+strings.Join(flags, " "), func(t *testing.T) {
				var want string
				for _, j := range []int{1, 2, 8} {
					args := append([]string{"-j", fmt.Sprint(j)}, flags...)
					for i, a := range args {
						if a == "INDEX" { // a fresh index for each run
							args[i] = filepath.Join(t.TempDir(), "index")
						}
					}
					code, out, errOut := runCmd(t, "", append(args, paths...)...)
					if code != 0 {
						t.Fatalf("-j %d: exit %d, stderr %q", j, code, errOut)
					}
					if j == 1 {
						want = out
						if len(decodeArchiveFree(t, out)) == 0 {
							t.Fatalf("no articles printed")
						}
						continue
					}
					if out != want {
						t.Errorf("-j %d prints other output than -j 1 (-j1 +j%d):\n%s", j, j, cmp.Diff(want, out))
					}
				}
			})
		}
	}
}

// decodeArchiveFree returns the output's lines, checking that each is
// one JSON object.
func decodeArchiveFree(t *testing.T, out string) []string {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	for i, l := range lines {
		if !strings.HasPrefix(l, "{") || !strings.HasSuffix(l, "}") {
			t.Fatalf("line %d is not a JSON object: %.80q", i+1, l)
		}
	}
	return lines
}

// encoder.encode prints what encoding articleJSON prints, with and
// without duplicates, and with every combination of the flags.
func TestEncoderMatchesArticleJSON(t *testing.T) {
	a := newsdump.Article{ID: "i", Title: "Talks in <Paris> & Rome", Captions: []newsdump.Caption{{Text: "c", Credit: "AFP"}},
		Paragraphs: []string{"Emmanuel Macron met Giorgia Meloni in Rome on Tuesday. They talked."},
		Source:     newsdump.Source{File: "a&b.txt", Line: 3, Offset: 7}}
	dups := []newsdump.Source{{File: "<c>.txt", Line: 1}}
	for _, e := range []encoder{{}, {sentences: true}, {entities: true}, {sentences: true, entities: true}} {
		var buf bytes.Buffer
		l, err := e.encode(a, &buf)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range [][]newsdump.Source{nil, dups} {
			want := articleJSON{Article: a}
			want.Duplicates = d
			if e.sentences {
				s := a.Sentences()
				want.Sentences = &s
			}
			if e.entities {
				x := a.Entities()
				want.Entities = &x
			}
			wantJSON, err := encodeJSON(want)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(wantJSON), string(l.withDuplicates(d))); diff != "" {
				t.Errorf("%+v, duplicates %v (-want +got):\n%s", e, d, diff)
			}
		}
	}
}
