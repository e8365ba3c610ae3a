package newsdump

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// sampleParagraphs returns the titles, captions and paragraphs of the
// sample dumps, repeated until they hold at least size bytes.
func sampleParagraphs(b *testing.B, size int) []string {
	b.Helper()
	var one []string
	for _, name := range sampleDumps {
		data, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		arts, err := Parse(bytes.NewReader(data))
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

// sentenceBenchSize is the size of the splitter benchmarks' input, as the
// sentence issue asks: about 10 MB.
const sentenceBenchSize = 10 << 20

// BenchmarkSentences splits the samples' text repeated to about 10 MB:
// as one document with paragraphs separated by blank lines, paragraph by
// paragraph (as Article.Sentences does), and as one 10 MB paragraph.
func BenchmarkSentences(b *testing.B) {
	pars := sampleParagraphs(b, sentenceBenchSize)
	b.Run("whole", func(b *testing.B) { benchSentences(b, []string{strings.Join(pars, "\n\n")}) })
	b.Run("per-paragraph", func(b *testing.B) {
		benchSentences(b, pars)
		b.ReportMetric(float64(len(pars)), "paragraphs/op")
	})
	b.Run("one-paragraph", func(b *testing.B) { benchSentences(b, []string{strings.Join(pars, " ")}) })
}

// benchSentences splits each of texts in every iteration.
func benchSentences(b *testing.B, texts []string) {
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	sentences := 0
	for range b.N {
		sentences = 0
		for _, t := range texts {
			sentences += len(Sentences(t))
		}
	}
	b.ReportMetric(float64(sentences), "sentences/op")
}

// BenchmarkSentencesAdversarial feeds inputs built to defeat a splitter
// that looks around too far, at 1 MB and 10 MB: time per byte must not
// grow with the size (compare the MB/s of the two sizes).
func BenchmarkSentencesAdversarial(b *testing.B) {
	units := []struct{ name, unit string }{
		{"glued-dots", "a."},
		{"dots", "."},
		{"spaced-dots", ". "},
		{"abbreviations", "U.S. Mr. "},
		{"initials", "J. "},
		{"url-token", "x://y."},
		{"quotes", "\""},
		{"colons", ": "},
		{"lines", "word\n"},
		{"list", "1. a "},
		{"bullets", "• a "},
		{"datelines", "WASHINGTON (AP) - "},
		{"no-stop", "abcdefgh "},
	}
	for _, u := range units {
		for _, size := range []int{1 << 20, sentenceBenchSize} {
			text := strings.Repeat(u.unit, size/len(u.unit))
			name := u.name + "/1MB"
			if size == sentenceBenchSize {
				name = u.name + "/10MB"
			}
			b.Run(name, func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				b.ReportAllocs()
				b.ResetTimer()
				for range b.N {
					Sentences(text)
				}
			})
		}
	}
}
