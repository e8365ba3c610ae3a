package newsdump

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unsafe"

	"github.com/newsdump/newsdump/internal/dupgen"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// benchSize is the size of the input of the main benchmarks: the two
// sample dumps repeated to about 16 MB.
const benchSize = 16 << 20

// benchDump is the two sample dumps repeated to about size bytes, articles
// separated as in the samples.
func benchDump(b *testing.B, size int) []byte {
	return repeatDumps(b, size, sampleDumps...)
}

// repeatDumps is the dumps in files, each ended by blank lines, repeated to
// about size bytes.
func repeatDumps(b *testing.B, size int, files ...string) []byte {
	b.Helper()
	var one []byte
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		one = append(append(one, data...), "\n\n\n\n"...)
	}
	return bytes.Repeat(one, size/len(one)+1)
}

// benchParse is the loop of the Parse benchmarks: input, parsed whole in
// each iteration, from a *bytes.Reader or, with stream, from a reader that
// is not known to be in memory.
func benchParse(b *testing.B, input []byte, stream bool) {
	b.SetBytes(int64(len(input)))
	b.ReportAllocs()
	for range b.N {
		var r io.Reader = bytes.NewReader(input)
		if stream {
			r = struct{ io.Reader }{r}
		}
		if arts, err := Parse(r); err != nil || len(arts) == 0 {
			b.Fatal(len(arts), err)
		}
	}
}

// BenchmarkLineScan is the floor any line-oriented parser pays: reading
// the same bytes line by line with bufio.Scanner and doing nothing else.
func BenchmarkLineScan(b *testing.B) {
	dump := benchDump(b, benchSize)
	b.SetBytes(int64(len(dump)))
	b.ReportAllocs()
	for range b.N {
		if lineScan(dump) == 0 {
			b.Fatal("scanned nothing")
		}
	}
}

// lineScan is BenchmarkLineScan's loop: it returns the bytes of text seen.
func lineScan(dump []byte) int {
	sc := bufio.NewScanner(bytes.NewReader(dump))
	n := 0
	for sc.Scan() {
		n += len(sc.Bytes())
	}
	return n
}

// BenchmarkParseToLineScan runs the line scan and Parse in turn on the same
// dump in every iteration and reports Parse's speed as a share of the line
// scan's, the median over the iterations: the figure the performance
// target is about, measured so that a machine whose speed drifts between
// one benchmark and the next (a shared one does) cannot skew it. MB/s
// counts the dump once per iteration, for both passes together.
func BenchmarkParseToLineScan(b *testing.B) {
	dump := benchDump(b, benchSize)
	b.SetBytes(int64(len(dump)))
	b.ReportAllocs()
	var ratios []float64
	var scan, parse time.Duration
	for range b.N {
		t0 := time.Now()
		if lineScan(dump) == 0 {
			b.Fatal("scanned nothing")
		}
		t1 := time.Now()
		if arts, err := Parse(bytes.NewReader(dump)); err != nil || len(arts) == 0 {
			b.Fatal(len(arts), err)
		}
		t2 := time.Now()
		scan += t1.Sub(t0)
		parse += t2.Sub(t1)
		ratios = append(ratios, float64(t1.Sub(t0))/float64(t2.Sub(t1)))
	}
	slices.Sort(ratios)
	mb := float64(len(dump)) * float64(b.N) / 1e6
	b.ReportMetric(mb/scan.Seconds(), "scan-MB/s")
	b.ReportMetric(mb/parse.Seconds(), "parse-MB/s")
	b.ReportMetric(100*ratios[len(ratios)/2], "%-of-scan")
}

func BenchmarkParse(b *testing.B) { benchParse(b, benchDump(b, benchSize), false) }

// BenchmarkParseStream is BenchmarkParse with the dump behind a reader
// that is not known to be in memory (a file, a network stream): Parse
// then reads it through its buffer, a copy that BenchmarkParse, on a
// *bytes.Reader, is spared.
func BenchmarkParseStream(b *testing.B) { benchParse(b, benchDump(b, benchSize), true) }

// BenchmarkParsePages is Parse of page text, against the line scan of
// the same bytes: the real pages of ../shared/extract, each converter's
// text of each page parsed on its own as a crawl's files are (skipped
// without ../shared), and a synthetic many-page dump of one site.
func BenchmarkParsePages(b *testing.B) {
	dev := func(b *testing.B) [][]byte {
		files, _ := filepath.Glob(filepath.Join("..", "shared", "extract", "dev", "*.*.txt"))
		var pages [][]byte
		for _, f := range files {
			if strings.HasSuffix(f, ".gold.txt") {
				continue
			}
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			pages = append(pages, data)
		}
		if len(pages) == 0 {
			b.Skip("no ../shared/extract/dev beside the repository")
		}
		return pages
	}
	synthetic := func(b *testing.B) [][]byte {
		data, err := io.ReadAll(newEndlessPages(benchSize))
		if err != nil {
			b.Fatal(err)
		}
		return [][]byte{data}
	}
	for _, in := range []struct {
		name  string
		input func(*testing.B) [][]byte
	}{{"dev", dev}, {"synthetic", synthetic}} {
		b.Run(in.name, func(b *testing.B) {
			files := in.input(b)
			size := 0
			for _, f := range files {
				size += len(f)
			}
			b.Run("Parse", func(b *testing.B) {
				b.SetBytes(int64(size))
				b.ReportAllocs()
				cpu0, cpuOK := cpuTime()
				for range b.N {
					for _, f := range files {
						if arts, err := Parse(bytes.NewReader(f)); err != nil || len(arts) == 0 {
							b.Fatal(len(arts), err)
						}
					}
				}
				// CPU time beside wall time: on a shared machine the
				// latter measures the neighbours too.
				if cpu1, ok := cpuTime(); ok && cpuOK && cpu1 > cpu0 {
					b.ReportMetric(float64(size)*float64(b.N)/(cpu1-cpu0).Seconds()/1e6, "cpuMB/s")
				}
			})
			b.Run("LineScan", func(b *testing.B) {
				b.SetBytes(int64(size))
				b.ReportAllocs()
				for range b.N {
					for _, f := range files {
						lineScan(f)
					}
				}
			})
		})
	}
}

// BenchmarkReader streams the articles without keeping them.
func BenchmarkReader(b *testing.B) {
	dump := benchDump(b, benchSize)
	b.SetBytes(int64(len(dump)))
	b.ReportAllocs()
	articles := 0
	for range b.N {
		r := NewReader(bytes.NewReader(dump))
		articles = 0
		for {
			_, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			articles++
		}
	}
	b.ReportMetric(float64(articles), "articles/op")
}

// BenchmarkParseEncoding parses the samples repeated to about 8 MB as they
// arrive in the encodings crawls bring. MB/s counts input bytes: the UTF-16
// input is about twice the size of the same text in UTF-8 or Windows-1252.
func BenchmarkParseEncoding(b *testing.B) {
	dump := benchDump(b, 8<<20)
	for _, tc := range []struct {
		name string
		enc  encoding.Encoding
	}{
		{"UTF-8", encoding.Nop},
		{"Windows-1252", charmap.Windows1252},
		{"UTF-16LE", unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)},
	} {
		input, err := tc.enc.NewEncoder().Bytes(dump)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(tc.name, func(b *testing.B) { benchParse(b, input, false) })
	}
}

// BenchmarkParseNames parses text full of accented Latin names ("Núñez",
// "São Paulo", "Genève": testdata's latin_names dump) repeated to about
// 8 MB, the cost of news that is not in English. (world_names, whose lines
// are traps for the cleaner, double encoding and joiners, takes the full
// cleaning path line after line and is no fair measure of anything.)
func BenchmarkParseNames(b *testing.B) {
	benchParse(b, repeatDumps(b, 8<<20, "testdata/latin_names.txt"), false)
}

// BenchmarkExtractEntities extracts entities from the main benchmark dump,
// one line (a paragraph, caption or title) per call as Article.Entities
// does; the model is loaded before the timer starts.
func BenchmarkExtractEntities(b *testing.B) {
	dump := benchDump(b, benchSize)
	lines := strings.Split(string(dump), "\n")
	ExtractEntities("warm up: load the model")
	b.SetBytes(int64(len(dump)))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0, cpuOK := cpuTime()
	for range b.N {
		for _, l := range lines {
			ExtractEntities(l)
		}
	}
	// On a shared machine wall time counts the waits for a core; CPU time
	// (the collector's included) does not.
	if cpu1, ok := cpuTime(); ok && cpuOK {
		b.ReportMetric(float64(len(dump))*float64(b.N)/(cpu1-cpu0).Seconds()/1e6, "MB/cpu-s")
	}
}

// BenchmarkDedupeDump deduplicates the articles of the main benchmark dump
// (parsed before the timer starts). The dump repeats the samples, so every
// article after the first few is an exact copy: this is the exact path at
// its busiest; BenchmarkDedupe measures near duplicates on synthetic
// stories.
func BenchmarkDedupeDump(b *testing.B) {
	dump := benchDump(b, benchSize)
	arts, err := Parse(bytes.NewReader(dump))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(dump)))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if kept := Dedupe(arts); len(kept) != 3 {
			b.Fatalf("%d stories kept, want 3", len(kept))
		}
	}
	b.ReportMetric(float64(len(arts))*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

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

// BenchmarkArticleID computes the ID of every article of the main
// benchmark dump, against SHA-256 over the same length-prefixed fields (the
// hash the ID used before). MB/s counts the bytes of text hashed.
func BenchmarkArticleID(b *testing.B) {
	arts, err := Parse(bytes.NewReader(benchDump(b, benchSize)))
	if err != nil {
		b.Fatal(err)
	}
	size := 0
	for _, a := range arts {
		size += len(a.Title)
		for _, c := range a.Captions {
			size += len(c.Text) + len(c.Credit)
		}
		for _, p := range a.Paragraphs {
			size += len(p)
		}
	}
	b.Run("fingerprint", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for range b.N {
			for i := range arts {
				articleID(&arts[i])
			}
		}
	})
	b.Run("SHA-256", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		h := sha256.New()
		var n [binary.MaxVarintLen64]byte
		field := func(s string) {
			h.Write(n[:binary.PutUvarint(n[:], uint64(len(s)))])
			h.Write(unsafe.Slice(unsafe.StringData(s), len(s)))
		}
		var sum [sha256.Size]byte
		for range b.N {
			for i := range arts {
				a := &arts[i]
				h.Reset()
				field(a.Title)
				h.Write(n[:binary.PutUvarint(n[:], uint64(len(a.Captions)))])
				for _, c := range a.Captions {
					field(c.Text)
					field(c.Credit)
				}
				for _, p := range a.Paragraphs {
					field(p)
				}
				_ = hex.EncodeToString(h.Sum(sum[:0])[:16])
			}
		}
	})
}

// benchArticles are synthetic articles (internal/dupgen, seed 1), built
// once per size.
var benchArticles = sync.OnceValue(func() map[int][]Article { return map[int][]Article{} })
var benchMu sync.Mutex

func syntheticArticles(b *testing.B, n int) ([]Article, int64) {
	b.Helper()
	if _, err := os.Stat(sharedTrain); err != nil {
		b.Skipf("shared corpora not found at %s: %v", sharedTrain, err)
	}
	benchMu.Lock()
	defer benchMu.Unlock()
	cache := benchArticles()
	arts, ok := cache[n]
	if !ok {
		sents, err := corpusSentences()
		if err != nil {
			b.Fatal(err)
		}
		res := dupgen.Generate(dupgen.Config{N: n, Seed: 1, Sentences: sents, NoDump: true})
		arts = make([]Article, len(res.Articles))
		for i, a := range res.Articles {
			arts[i] = Article{Title: a.Title, Paragraphs: a.Paragraphs, Source: Source{File: "synthetic", Line: i + 1}}
		}
		cache[n] = arts
	}
	var size int64
	for _, a := range arts {
		size += int64(len(a.Title))
		for _, p := range a.Paragraphs {
			size += int64(len(p))
		}
	}
	return arts, size
}

// BenchmarkDeduperAdd measures deduplication on one goroutine: comparison
// text, signature, LSH lookup, verification and insertion for every
// article. It reports articles/s and the memory the Deduper holds after
// all articles: per article added and per story indexed (each story keeps
// one signature and its band entries; each copy only its position).
// Run on one core with -cpu 1. N = 1,000,000 is a manual run:
// NEWSDUMP_BENCH_1M=1 go test -run '^$' -bench 'DeduperAdd/N=1000000' -benchtime 1x -cpu 1 .
func BenchmarkDeduperAdd(b *testing.B) {
	sizes := []int{10_000, 100_000}
	if os.Getenv("NEWSDUMP_BENCH_1M") != "" {
		sizes = append(sizes, 1_000_000)
	}
	for _, n := range sizes {
		b.Run(fmt.Sprintf("N=%d", n), func(b *testing.B) {
			arts, size := syntheticArticles(b, n)
			b.SetBytes(size)
			b.ReportAllocs()
			b.ResetTimer()
			cpu0, cpuOK := cpuTime()
			var d *Deduper
			for range b.N {
				d = NewDeduper()
				for i := range arts {
					d.Add(arts[i])
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
			if cpu1, ok := cpuTime(); ok && cpuOK {
				b.ReportMetric(float64(n)*float64(b.N)/(cpu1-cpu0).Seconds(), "articles/cpu-s")
			}
			b.ReportMetric(float64(d.verified)/float64(n), "candidates/article")
			b.StopTimer()
			perArticle, perStory := deduperMemory(arts)
			b.ReportMetric(perArticle, "B/article")
			b.ReportMetric(perStory, "B/story")
		})
	}
}

// deduperMemory is the heap a Deduper holds after adding arts, per
// article and per story (cluster) in its index.
func deduperMemory(arts []Article) (perArticle, perStory float64) {
	before := heapAfter()
	d := NewDeduper()
	for i := range arts {
		d.Add(arts[i])
	}
	held := float64(heapAfter()) - float64(before)
	stories := d.clusters.n
	runtime.KeepAlive(d)
	return held / float64(len(arts)), held / float64(stories)
}

// BenchmarkDedupe is the batch function, signatures computed on all cores.
func BenchmarkDedupe(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("N=%d", n), func(b *testing.B) {
			arts, size := syntheticArticles(b, n)
			b.SetBytes(size)
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				Dedupe(arts)
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

// BenchmarkSignature is the map step alone: the comparison text and the
// MinHash signature of one article.
func BenchmarkSignature(b *testing.B) {
	arts, size := syntheticArticles(b, 10_000)
	b.SetBytes(size / int64(len(arts)))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0, cpuOK := cpuTime()
	for i := range b.N {
		_ = Signature(arts[i%len(arts)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	if cpu1, ok := cpuTime(); ok && cpuOK {
		b.ReportMetric(float64(b.N)/(cpu1-cpu0).Seconds(), "articles/cpu-s")
	}
}
