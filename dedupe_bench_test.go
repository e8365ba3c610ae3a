package newsdump

import (
	"fmt"
	"os"
	"runtime"
	"sync"
	"testing"

	"github.com/newsdump/newsdump/internal/dupgen"
)

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
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	d := NewDeduper()
	for i := range arts {
		d.Add(arts[i])
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	held := float64(after.HeapAlloc) - float64(before.HeapAlloc)
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
