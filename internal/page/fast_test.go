package page

import (
	"hash/maphash"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestFastPath checks that the embedded model's table-driven scoring
// gives the same results as the generic hashed path (a copy of the
// model, which does not take the fast path) on the dev pages.
func TestFastPath(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/extract/dev/*.txt")
	if len(files) == 0 {
		t.Skip("no dev pages")
	}
	def := defaultModel()
	generic := *def
	for _, f := range files {
		if strings.HasSuffix(f, ".gold.txt") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(b), "\n")
		for _, ls := range [][]string{lines, lines[:len(lines)/2], lines[len(lines)/3:]} {
			want, got := generic.Extract(ls), def.Extract(ls)
			if !reflect.DeepEqual(want, got) {
				t.Fatalf("%s: fast path differs from the generic one", f)
			}
		}
	}
}

// TestExtractHashed checks that Extract gives the same result whether it
// hashes the lines itself or is given hashes made with another function.
func TestExtractHashed(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/extract/dev/*.txt")
	pages := [][]string{
		{"Home", "  * News", "A headline here", "  \tThe first paragraph of the story, long enough to be prose in it.  ", "Home", "* News", "\r"},
	}
	for _, f := range files {
		if strings.HasSuffix(f, ".gold.txt") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, strings.Split(string(b), "\n"))
	}
	seed := maphash.MakeSeed()
	for _, lines := range pages {
		hashes := make([]uint64, len(lines))
		for i, l := range lines {
			hashes[i] = maphash.String(seed, strings.TrimRight(strings.TrimLeft(l, " \t"), " \t\r"))
		}
		want, got := Extract(lines), ExtractHashed(lines, hashes)
		if !reflect.DeepEqual(want, got) {
			t.Fatalf("%q...: ExtractHashed differs from Extract", lines[0])
		}
	}
}

// TestBucketTables checks the bucket functions, which read tables for
// common values, against the switches they were made from, and relIndent
// against its definition.
func TestBucketTables(t *testing.T) {
	for n := -300; n <= 300; n++ {
		for _, f := range []struct {
			name      string
			got, want func(int) uint64
		}{{"tokBucket", tokBucket, tokBucketSwitch}, {"coarseTok", coarseTok, coarseTokSwitch},
			{"indentBucket", indentBucket, indentBucketSwitch}, {"distBucket", distBucket, distBucketSwitch}} {
			if g, w := f.got(n), f.want(n); g != w {
				t.Fatalf("%s(%d) = %d, want %d", f.name, n, g, w)
			}
		}
		for _, b := range []int{-1, 0, 3, 300} {
			want := uint64(2)
			switch {
			case n == b:
				want = 0
			case n < b:
				want = 1
			}
			if got := relIndent(n, b); got != want {
				t.Fatalf("relIndent(%d, %d) = %d, want %d", n, b, got, want)
			}
		}
	}
}
