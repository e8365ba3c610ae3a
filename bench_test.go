package newsdump

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"strings"
	"testing"
)

// benchDump is the two sample dumps repeated to about 8 MB, articles
// separated as in the samples.
func benchDump(b *testing.B) []byte {
	b.Helper()
	var one []byte
	for _, name := range []string{"testdata/000_9e4be9335a49f043.txt", "testdata/001_9335ce0f20af1e91.txt"} {
		data, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		one = append(append(one, data...), "\n\n\n\n"...)
	}
	return bytes.Repeat(one, (8<<20)/len(one)+1)
}

// BenchmarkLineScan is the floor any line-oriented parser pays: reading
// the same bytes line by line with bufio.Scanner and doing nothing else.
func BenchmarkLineScan(b *testing.B) {
	dump := benchDump(b)
	b.SetBytes(int64(len(dump)))
	b.ReportAllocs()
	for range b.N {
		sc := bufio.NewScanner(bytes.NewReader(dump))
		n := 0
		for sc.Scan() {
			n += len(sc.Bytes())
		}
		if n == 0 {
			b.Fatal("scanned nothing")
		}
	}
}

func BenchmarkParse(b *testing.B) {
	dump := benchDump(b)
	b.SetBytes(int64(len(dump)))
	b.ReportAllocs()
	for range b.N {
		arts, err := Parse(bytes.NewReader(dump))
		if err != nil || len(arts) == 0 {
			b.Fatal(len(arts), err)
		}
	}
}

// BenchmarkReader streams the articles without keeping them.
func BenchmarkReader(b *testing.B) {
	dump := benchDump(b)
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

// sampleText is the sample dumps' text repeated to about 8 MB.
func sampleText(b *testing.B) string {
	b.Helper()
	var one []byte
	for _, d := range []string{"testdata/000_9e4be9335a49f043.txt", "testdata/001_9335ce0f20af1e91.txt"} {
		data, err := os.ReadFile(d)
		if err != nil {
			b.Fatal(err)
		}
		one = append(one, data...)
	}
	return string(bytes.Repeat(one, 8<<20/len(one)+1))
}

// BenchmarkExtractEntities measures entity extraction on ~8 MB of news
// text, one paragraph (line) per call as Article.Entities does.
func BenchmarkExtractEntities(b *testing.B) {
	text := sampleText(b)
	lines := strings.Split(text, "\n")
	ExtractEntities("warm up: load the model")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, l := range lines {
			ExtractEntities(l)
		}
	}
}
