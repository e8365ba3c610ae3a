package peerbench

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jdkato/prose/v2"
	"github.com/neurosnap/sentences/english"
	"github.com/newsdump/newsdump"
)

// splitter turns a paragraph into trimmed sentence texts.
type splitter struct {
	name  string
	split func(string) []string
}

func splitters(tb testing.TB) []splitter {
	tb.Helper()
	tok, err := english.NewSentenceTokenizer(nil)
	if err != nil {
		tb.Fatal(err)
	}
	return []splitter{
		{"newsdump", func(text string) []string {
			var out []string
			for _, s := range newsdump.Sentences(text) {
				out = append(out, text[s.Start:s.End])
			}
			return out
		}},
		{"neurosnap/sentences", func(text string) []string {
			var out []string
			for _, s := range tok.Tokenize(text) {
				if t := strings.TrimSpace(s.Text); t != "" {
					out = append(out, t)
				}
			}
			return out
		}},
		{"prose", func(text string) []string {
			var out []string
			for _, s := range proseSentences(tb, text) {
				if t := strings.TrimSpace(s); t != "" {
					out = append(out, t)
				}
			}
			return out
		}},
	}
}

// proseSentences splits text with prose, segmentation only.
func proseSentences(tb testing.TB, text string) []string {
	doc, err := prose.NewDocument(text, prose.WithTokenization(false), prose.WithTagging(false), prose.WithExtraction(false))
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, s := range doc.Sentences() {
		out = append(out, s.Text)
	}
	return out
}

const shared = "../../../shared/segment/"

func readShared(t *testing.T, name string, v any) {
	t.Helper()
	data, err := os.ReadFile(shared + name)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s%s is absent (it sits beside the repository in CI): skipping", shared, name)
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatal(err)
	}
}

// TestGoldenRules scores each splitter on the 52 Golden Rules, scored as
// newsdump's own test does (whitespace runs inside a sentence compared as
// one space for the inputs with line breaks, rules 40-42), and
// requires newsdump to pass more of them than the peers.
func TestGoldenRules(t *testing.T) {
	var rules []struct {
		ID    int      `json:"id"`
		Input string   `json:"input"`
		Want  []string `json:"want"`
	}
	readShared(t, "golden_rules_en.json", &rules)
	scores := map[string]int{}
	for _, sp := range splitters(t) {
		for _, r := range rules {
			got := sp.split(r.Input)
			if strings.Contains(r.Input, "\n") {
				for i := range got {
					got[i] = strings.Join(strings.Fields(got[i]), " ")
				}
			}
			if cmp.Equal(r.Want, got) {
				scores[sp.name]++
			} else if testing.Verbose() {
				t.Logf("%s fails rule %d: %q", sp.name, r.ID, got)
			}
		}
		t.Logf("%s: %d/%d golden rules", sp.name, scores[sp.name], len(rules))
	}
	for name, n := range scores {
		if name != "newsdump" && scores["newsdump"] <= n {
			t.Errorf("newsdump passes %d rules, %s %d", scores["newsdump"], name, n)
		}
	}
}

// TestEWTWeblog scores sentence boundaries of each splitter on the UD
// English-EWT weblog paragraphs, as newsdump's own test does.
func TestEWTWeblog(t *testing.T) {
	var pars []struct {
		Text  string   `json:"text"`
		Sents []string `json:"sents"`
	}
	readShared(t, "ewt_weblog_en.json", &pars)
	f1s := map[string]float64{}
	for _, sp := range splitters(t) {
		tp, fp, fn := 0, 0, 0
		for _, p := range pars {
			gold := starts(p.Text, p.Sents)
			got := starts(p.Text, sp.split(p.Text))
			for b := range got {
				if gold[b] {
					tp++
				} else {
					fp++
				}
			}
			for b := range gold {
				if !got[b] {
					fn++
				}
			}
		}
		prec := float64(tp) / float64(tp+fp)
		rec := float64(tp) / float64(tp+fn)
		f1s[sp.name] = 2 * prec * rec / (prec + rec)
		t.Logf("%s: precision %.4f recall %.4f F1 %.4f", sp.name, prec, rec, f1s[sp.name])
	}
	for name, f1 := range f1s {
		if name != "newsdump" && f1s["newsdump"] <= f1 {
			t.Errorf("newsdump F1 %.4f, %s %.4f", f1s["newsdump"], name, f1)
		}
	}
}

// starts returns where each sentence but the first starts in text, finding
// the sentences in order.
func starts(text string, sents []string) map[int]bool {
	b := map[int]bool{}
	pos := 0
	for i, s := range sents {
		k := strings.Index(text[pos:], s)
		if k < 0 {
			continue
		}
		if i > 0 {
			b[pos+k] = true
		}
		pos += k + len(s)
	}
	return b
}

// paragraphs returns the samples' titles, captions and paragraphs repeated
// to about size bytes.
func paragraphs(b *testing.B, size int) []string {
	b.Helper()
	var one []string
	for _, name := range []string{"../../testdata/000_9e4be9335a49f043.txt", "../../testdata/001_9335ce0f20af1e91.txt"} {
		data, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		arts, err := newsdump.Parse(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		for _, a := range arts {
			one = append(one, a.Title)
			for _, c := range a.Captions {
				one = append(one, c.Text)
			}
			one = append(one, a.Paragraphs...)
		}
	}
	var out []string
	for n := 0; n < size; {
		for _, p := range one {
			out = append(out, p)
			n += len(p)
		}
	}
	return out
}

// BenchmarkSplit runs newsdump and neurosnap/sentences on the same text:
// the samples repeated to about 10 MB, whole and paragraph by paragraph.
func BenchmarkSplit(b *testing.B) {
	pars := paragraphs(b, 10<<20)
	whole := strings.Join(pars, "\n\n")
	tok, err := english.NewSentenceTokenizer(nil)
	if err != nil {
		b.Fatal(err)
	}
	impls := []struct {
		name  string
		split func(string) int
	}{
		{"newsdump", func(s string) int { return len(newsdump.Sentences(s)) }},
		{"neurosnap", func(s string) int { return len(tok.Tokenize(s)) }},
	}
	for _, im := range impls {
		b.Run(im.name+"/whole", func(b *testing.B) { benchSplit(b, []string{whole}, im.split) })
		b.Run(im.name+"/per-paragraph", func(b *testing.B) { benchSplit(b, pars, im.split) })
	}
}

// benchSplit splits each of texts with split, which returns how many
// sentences it found, in every iteration.
func benchSplit(b *testing.B, texts []string, split func(string) int) {
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for range b.N {
		n = 0
		for _, t := range texts {
			n += split(t)
		}
	}
	b.ReportMetric(float64(n), "sentences/op")
}

// BenchmarkProse runs prose (segmentation only) on the samples repeated to
// about 256 KB whole, and to 64 KB paragraph by paragraph: it loads its
// model on every call, so 10 MB per paragraph would take hours.
func BenchmarkProse(b *testing.B) {
	split := func(s string) int { return len(proseSentences(b, s)) }
	b.Run("whole", func(b *testing.B) {
		benchSplit(b, []string{strings.Join(paragraphs(b, 256<<10), "\n\n")}, split)
	})
	b.Run("per-paragraph", func(b *testing.B) { benchSplit(b, paragraphs(b, 64<<10), split) })
}
