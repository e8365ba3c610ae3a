package pagemeta

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

var (
	devCache      []string
	devCacheBytes int64
)

// devLines reads every line of the dev pages (both converters), or skips.
// It reads them once, so that the benchmark's repeated runs measure no
// file reading.
func devLines(tb testing.TB) ([]string, int64) {
	lines, n, err := readDevLines()
	if err != nil {
		tb.Fatal(err)
	}
	if len(lines) == 0 {
		tb.Skipf("dev pages not found at %s", devPagesDir)
	}
	return lines, n
}

var devPagesDir = filepath.Join("..", "..", "..", "shared", "extract", "dev")

// readDevLines is devLines without the test: no lines when the pages are
// absent.
func readDevLines() ([]string, int64, error) {
	if devCache != nil {
		return devCache, devCacheBytes, nil
	}
	files, _ := filepath.Glob(filepath.Join(devPagesDir, "*.txt"))
	var lines []string
	var n int64
	for _, f := range files {
		if strings.HasSuffix(f, ".gold.txt") {
			continue
		}
		raw, err := os.ReadFile(f)
		if err != nil {
			return nil, 0, err
		}
		n += int64(len(raw))
		lines = append(lines, strings.Split(string(raw), "\n")...)
	}
	devCache, devCacheBytes = lines, n
	return lines, n, nil
}

// BenchmarkAll runs Byline, Date and Credit over every line of the dev
// pages; SetBytes makes the figure MB/s of page text.
func BenchmarkAll(b *testing.B) {
	lines, n := devLines(b)
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, l := range lines {
			Byline(l)
			Date(l)
			Credit(l)
		}
	}
}

// BenchmarkNonMatching runs the three over lines none of them accepts, to
// show that rejecting a line allocates nothing.
func BenchmarkNonMatching(b *testing.B) {
	lines, _ := devLines(b)
	miss := make([]string, 0, len(lines))
	var n int64
	for _, l := range lines {
		_, ok1 := Byline(l)
		_, _, ok2 := Date(l)
		_, _, ok3 := Credit(l)
		if !ok1 && !ok2 && !ok3 {
			miss = append(miss, l)
			n += int64(len(l)) + 1
		}
	}
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, l := range miss {
			Byline(l)
			Date(l)
			Credit(l)
		}
	}
}

// TestDevNonMatchingAllocs checks that no dev line that none of the three
// accepts allocates.
func TestDevNonMatchingAllocs(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "extract", "dev")
	files, _ := filepath.Glob(filepath.Join(dir, "*.inscriptis.txt"))
	if len(files) == 0 {
		t.Skipf("dev pages not found at %s", dir)
	}
	var miss []string
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(raw), "\n") {
			_, ok1 := Byline(l)
			_, _, ok2 := Date(l)
			_, _, ok3 := Credit(l)
			if !ok1 && !ok2 && !ok3 {
				miss = append(miss, l)
			}
		}
	}
	allocs := testing.AllocsPerRun(3, func() {
		for _, l := range miss {
			Byline(l)
			Date(l)
			Credit(l)
		}
	})
	if allocs != 0 {
		t.Errorf("%d non-matching dev lines allocate %.1f times per pass", len(miss), allocs)
	}
}

func TestNonMatchingAllocs(t *testing.T) {
	lines := []string{
		"The council voted on Tuesday to close the library, citing costs that had risen for a decade.",
		"Top Stories", "Share this on WhatsApp", "By the end of the year, prices had doubled.",
		"Arsenal 3-1 Chelsea", "* Subscribe", "",
	}
	allocs := testing.AllocsPerRun(100, func() {
		for _, l := range lines {
			Byline(l)
			Date(l)
			Credit(l)
		}
	})
	if allocs != 0 {
		t.Errorf("non-matching lines allocate %.1f times per run", allocs)
	}
}

// devPage is one converter's text of one dev page, split into lines, with
// the line of its annotated headline (-1 when the title is not printed
// alone on a line), as [Find] is called with it.
type devPage struct {
	lines    []string
	headline int
}

var devPageCache []devPage

// devPages reads every dev page of both converters with its headline's
// line, or skips.
func devPages(tb testing.TB) []devPage {
	if devPageCache != nil {
		return devPageCache
	}
	dir := filepath.Join("..", "..", "..", "shared", "extract")
	raw, err := os.ReadFile(filepath.Join(dir, "dev_meta.json"))
	if err != nil {
		tb.Skipf("dev pages not found at %s: %v", dir, err)
	}
	var gold map[string]struct {
		Title string `json:"title"`
	}
	if err := json.Unmarshal(raw, &gold); err != nil {
		tb.Fatal(err)
	}
	names := make([]string, 0, len(gold))
	for name := range gold {
		names = append(names, name)
	}
	sort.Strings(names)
	var pages []devPage
	for _, name := range names {
		for _, conv := range []string{"inscriptis", "html-text"} {
			text, err := os.ReadFile(filepath.Join(dir, "dev", name+"."+conv+".txt"))
			if err != nil {
				tb.Fatal(err)
			}
			lines := strings.Split(string(text), "\n")
			head := -1
			title := strings.TrimSpace(gold[name].Title)
			for i, l := range lines {
				if strings.TrimSpace(l) == title {
					head = i
					break
				}
			}
			pages = append(pages, devPage{lines, head})
		}
	}
	devPageCache = pages
	return pages
}

// BenchmarkFind runs Find on every dev page with its annotated headline,
// as the root package calls it once a page; SetBytes counts the whole
// page, so the figure is MB/s of page text.
func BenchmarkFind(b *testing.B) {
	pages := devPages(b)
	var n int64
	for _, p := range pages {
		for _, l := range p.lines {
			n += int64(len(l)) + 1
		}
	}
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range pages {
			Find(p.lines, p.headline)
		}
	}
}
