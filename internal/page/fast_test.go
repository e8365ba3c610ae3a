package page

import (
	"hash/maphash"
	"math"
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
	names, pages := devPageLines(t)
	if len(pages) == 0 {
		t.Skip("no ../shared/extract/dev")
	}
	def := defaultModel()
	generic := *def
	for i, lines := range pages {
		f := names[i]
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
	_, dev := devPageLines(t)
	pages := append([][]string{
		{"Home", "  * News", "A headline here", "  \tThe first paragraph of the story, long enough to be prose in it.  ", "Home", "* News", "\r"},
	}, dev...)
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

// TestEndClass checks endClass, which reads a table for ASCII, and
// sentenceEnd against the switches they were made from.
func TestEndClass(t *testing.T) {
	for r := rune(-1); r < 0x3000; r++ {
		want := endClassSwitch(r)
		if got := endClass(r); got != want {
			t.Fatalf("endClass(%q) = %d, want %d", r, got, want)
		}
		se := false
		switch want {
		case 1, 2, 4, 5, 6:
			se = true
		}
		if sentenceEnd(r) != se {
			t.Fatalf("sentenceEnd(%q) = %v, want %v", r, !se, se)
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
		for toks := 0; toks < 2*ratioToks; toks++ {
			l := lineInfo{toks: toks, stop: n, capTok: n, digitTok: n}
			if l.stop < 0 {
				continue
			}
			if stopBucket(&l) != stopBucketDiv(toks, n) || capBucket(&l) != capBucketDiv(toks, n) || digitBucket(&l) != digitBucketDiv(toks, n) {
				t.Fatalf("%d of %d tokens: buckets %d %d %d, want %d %d %d", n, toks, stopBucket(&l), capBucket(&l), digitBucket(&l),
					stopBucketDiv(toks, n), capBucketDiv(toks, n), digitBucketDiv(toks, n))
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

// TestFastScores holds the fast path's scores, bit for bit, to the
// generic path's on every line of the dev pages: the base scores of both
// body models, the second pass's, and every headline candidate's; and
// each candidate's bound (titleScoreFast without its words) to no less
// than its score; and prepTitle's candidates to titleCandidate.
func TestFastScores(t *testing.T) {
	names, pages := devPageLines(t)
	if len(pages) == 0 {
		t.Skip("no ../shared/extract/dev")
	}
	m := defaultModel()
	tabs := m.tabs()
	for i, lines := range pages {
		f := names[i]
		for _, ls := range [][]string{lines, lines[:len(lines)/2], lines[len(lines)/3:]} {
			c := new(pageCtx)
			c.init(ls, nil)
			n := len(c.nb)
			if n == 0 {
				continue
			}
			var buf [128]uint32
			pre, base := make([]float32, n), make([]float32, n)
			fpre, fbase := make([]float32, n), make([]float32, n)
			scoreBase(c, m.Pre, m.Body, m.Bits, pre, base, buf[:0])
			scoreBaseFast(c, tabs, fpre, fbase)
			for k := range n {
				if math.Float32bits(pre[k]) != math.Float32bits(fpre[k]) || math.Float32bits(base[k]) != math.Float32bits(fbase[k]) {
					t.Fatalf("%s: line %d: fast base scores %v %v, generic %v %v", f, c.nb[k], fpre[k], fbase[k], pre[k], base[k])
				}
			}
			c.preScore, c.pass = pre, make([]bool, n)
			m.firstPass(c, pre, c.pass)
			first := c.text(c.nb[0])
			c.prepTitle(first)
			for k := range n {
				if c.cand[k] != c.titleCandidate(k) {
					t.Fatalf("%s: line %d: prepTitle's candidate %v, titleCandidate's %v", f, c.nb[k], c.cand[k], !c.cand[k])
				}
				if !c.cand[k] {
					continue
				}
				want := dot(m.Title, c.titleFeatures(k, first, m.Bits, buf[:0]))
				got := c.titleScoreFast(tabs, k, first, false)
				bound := c.titleScoreFast(tabs, k, first, true)
				if math.Float32bits(got) != math.Float32bits(want) || bound < got {
					t.Fatalf("%s: line %d: fast headline score %v (bound %v), generic %v", f, c.nb[k], got, bound, want)
				}
			}
			c.title = m.pickTitle(c, buf[:0])
			score := make([]float32, n)
			scoreSecondFast(c, tabs, base, score)
			for k := range n {
				want := base[k] + dot(m.Body, c.secondFeatures(k, m.Bits, buf[:0]))
				if math.Float32bits(score[k]) != math.Float32bits(want) {
					t.Fatalf("%s: line %d: fast second score %v, generic %v", f, c.nb[k], score[k], want)
				}
			}
		}
	}
}

// TestStopwords checks the stopword table against the list: every word
// of it is found, and no other word of up to eight letters among many
// made from its words' letters and from other text.
func TestStopwords(t *testing.T) {
	want := map[uint64]bool{}
	for _, w := range stopwordList {
		want[packWord(w)] = true
		if !IsStopword(w) {
			t.Fatalf("IsStopword(%q) = false", w)
		}
	}
	var words []string
	for _, w := range stopwordList {
		for i := 0; i < len(w); i++ {
			words = append(words, w[:i]+w[i+1:], w+w[i:i+1], w[i:]+w[:i], w+"s")
		}
	}
	words = append(words, strings.Fields("news sport weather markets headline the of and por para über été 2024 x y z")...)
	for _, w := range words {
		if w == "" {
			continue // no token; its key, 0, marks a free slot
		}
		if got := isStopKey(packWord(w)); got != want[packWord(w)] {
			t.Fatalf("isStopKey(packWord(%q)) = %v, want %v", w, got, !got)
		}
	}
}

// devPageLines returns the lines of each page text in
// ../shared/extract/dev and its file's name; none without the folder.
func devPageLines(t *testing.T) (names []string, pages [][]string) {
	t.Helper()
	files, _ := filepath.Glob("../../../shared/extract/dev/*.txt")
	for _, f := range files {
		if strings.HasSuffix(f, ".gold.txt") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, f)
		pages = append(pages, strings.Split(string(b), "\n"))
	}
	return names, pages
}
