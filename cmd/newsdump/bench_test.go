package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// benchCrawlArticles is the size of the benchmark's crawl: about 230 MB
// of generated dumps (internal/dupgen, about 2 kB a page, copies of each
// story on several sites), as the day's crawl of the issue; set
// NEWSDUMP_BENCH_ARTICLES for another size.
const benchCrawlArticles = 120000

// BenchmarkCommand runs the command with its defaults (entities and
// dedupe on) over a generated crawl at -j 1 and -j 2, in one run, and
// reports MB/s, MB/s per core and, for -j 2, the speed-up over the -j 1
// run before it:
//
//	go test -run '^$' -bench Command -benchtime 1x ./cmd/newsdump
//
// The crawl is written to a temporary directory first (about 10 s; it is
// read from the page cache after the first pass).
func BenchmarkCommand(b *testing.B) {
	n := benchCrawlArticles
	if s := os.Getenv("NEWSDUMP_BENCH_ARTICLES"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			b.Fatal(err)
		}
	}
	dir := generatedCrawl(b, n)
	size := dirSize(b, dir)
	b.Logf("crawl: %d articles, %.0f MB in %s", n, float64(size)/1e6, dir)
	secsPerOp := map[int]float64{}
	for _, j := range []int{1, 2} {
		b.Run(fmt.Sprintf("j=%d", j), func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for range b.N {
				if code := run([]string{"-j", strconv.Itoa(j), dir}, nil, io.Discard, io.Discard); code != 0 {
					b.Fatalf("exit %d", code)
				}
			}
			secs := b.Elapsed().Seconds() / float64(b.N)
			secsPerOp[j] = secs
			b.ReportMetric(float64(size)/1e6/secs/float64(j), "MB/s/core")
			if one, ok := secsPerOp[1]; ok && j > 1 {
				b.ReportMetric(one/secs, "speedup")
			}
		})
	}
}

func dirSize(b *testing.B, dir string) int64 {
	var size int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		size += info.Size()
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return size
}
