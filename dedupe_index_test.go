package newsdump

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/newsdump/newsdump/internal/indexfile"
)

// indexWords is the vocabulary of wordArticles.
var indexWords = strings.Fields(`the council voted bridge river closed months engineers steel
	supports corroded wet winters residents ferry detour miles repairs spring museum hills
	reopened decade restoration minister said on tuesday that government would announce new
	budget plans for schools hospitals and roads after elections in march police arrested two
	men suspected of robbery at a jewellery shop downtown late night shares rose sharply
	markets opened higher investors welcomed figures showing inflation slowed storm cut power
	to thousands of homes across northern region weather service warned more rain`)

// wordArticles returns n articles of about stories stories without the
// shared corpora: each story a random title and paragraphs of words, each
// copy the story with, at random, one word changed, a paragraph dropped
// or the title in capitals, from sources spread over a few files.
func wordArticles(n, stories int, seed uint64) []Article {
	rng := rand.New(rand.NewPCG(seed, 1))
	sentence := func(words int) string {
		w := make([]string, words)
		for i := range w {
			w[i] = indexWords[rng.IntN(len(indexWords))]
		}
		return strings.Join(w, " ") + "."
	}
	type story struct {
		title string
		paras []string
	}
	ss := make([]story, stories)
	for i := range ss {
		ss[i].title = sentence(6)
		for range 2 + rng.IntN(4) {
			ss[i].paras = append(ss[i].paras, sentence(20+rng.IntN(30)))
		}
	}
	out := make([]Article, n)
	for i := range out {
		s := ss[rng.IntN(stories)]
		a := Article{Title: s.title, Paragraphs: append([]string(nil), s.paras...),
			Source: Source{File: fmt.Sprintf("crawl/%d.txt", rng.IntN(7)), Line: i + 1, Offset: 100 * i}}
		switch rng.IntN(5) {
		case 0:
			a.Title = strings.ToUpper(a.Title)
		case 1:
			p := rng.IntN(len(a.Paragraphs))
			w := strings.Fields(a.Paragraphs[p])
			w[rng.IntN(len(w))] = "changed"
			a.Paragraphs[p] = strings.Join(w, " ")
		case 2:
			if len(a.Paragraphs) > 2 {
				a.Paragraphs = a.Paragraphs[:len(a.Paragraphs)-1]
			}
		}
		a.ID = articleID(&a)
		out[i] = a
	}
	return out
}

// deduperState is everything a Deduper holds that decides what it does
// next, in a form cmp compares: the band index as each key's clusters in
// the order Visit walks them.
type deduperState struct {
	Threshold float64
	ExactOnly bool
	Keep      Keep
	Seq       int32
	Clusters  []cluster
	Sigs      []sig16
	Bands     map[uint32][]int32
	Exact     map[exactKey]exactHit
	Counters  [32]byte // SHA-256 of the shingle sketch's counters (cmp is slow on 16 MiB)
	HasCounts bool
	Counted   int64
	Fixed     bool // counts given (WithShingleCounts), not counted
}

func stateOf(d *Deduper) deduperState {
	d.mu.Lock()
	defer d.mu.Unlock()
	s := deduperState{Threshold: d.cfg.threshold, ExactOnly: d.cfg.exactOnly, Keep: d.cfg.keep, Seq: d.seq,
		Bands: map[uint32][]int32{}, Exact: map[exactKey]exactHit{}}
	for i := range int32(d.clusters.n) {
		s.Clusters = append(s.Clusters, *d.clusters.at(i))
	}
	for i := range int32(d.index.n) {
		s.Sigs = append(s.Sigs, d.index.at(i).sig)
	}
	d.bands.Entries(func(key uint32, c int32) { s.Bands[key] = append(s.Bands[key], c) })
	for k, h := range d.exact {
		s.Exact[k] = h
	}
	var counters []uint8
	counters, s.Counted = d.counts.Counters()
	s.Counters, s.HasCounts = sha256.Sum256(counters), counters != nil
	s.Fixed = d.countsFixed
	return s
}

// allFields lets cmp look into the Deduper's unexported types.
var allFields = cmp.Exporter(func(reflect.Type) bool { return true })

// fixedClock returns a clock that starts at t and moves on a second per
// call, so that stories' first-seen times differ and tests are
// deterministic.
func fixedClock(t time.Time) func() time.Time {
	return func() time.Time { t = t.Add(time.Second); return t }
}

var epoch = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func saveLoad(t *testing.T, d *Deduper, opts ...DedupeOption) (*Deduper, []byte) {
	t.Helper()
	var buf bytes.Buffer
	n, err := d.WriteTo(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(buf.Len()) {
		t.Errorf("WriteTo returned %d bytes, wrote %d", n, buf.Len())
	}
	got, err := ReadDeduper(bytes.NewReader(buf.Bytes()), opts...)
	if err != nil {
		t.Fatal(err)
	}
	return got, buf.Bytes()
}

type addResult struct {
	Story Story
	IsDup bool
}

// checkResume adds a, saves and loads the Deduper, adds b, and checks that
// every result, the clusters and the whole state equal those of one
// Deduper given a then b.
func checkResume(t *testing.T, a, b []Article, opts ...DedupeOption) {
	t.Helper()
	clock := append(opts[:len(opts):len(opts)], WithClock(fixedClock(epoch)))
	whole := NewDeduper(clock...)
	first := NewDeduper(append(opts[:len(opts):len(opts)], WithClock(fixedClock(epoch)))...)
	for _, x := range a {
		whole.AddStory(x)
		first.AddStory(x)
	}
	// The clock of the Deduper read back goes on from where the first
	// one's stopped: a's stories took len(first.clusters) ticks.
	resumed, _ := saveLoad(t, first, WithClock(fixedClock(epoch.Add(time.Duration(first.clusters.n)*time.Second))))
	if diff := cmp.Diff(stateOf(first), stateOf(resumed), allFields); diff != "" {
		t.Fatalf("read back differs from written (-written +read):\n%s", diff)
	}
	var want, got []addResult
	for _, x := range b {
		s, dup := whole.AddStory(x)
		want = append(want, addResult{s, dup})
		s, dup = resumed.AddStory(x)
		got = append(got, addResult{s, dup})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("AddStory after the index was read back (-one Deduper +resumed):\n%s", diff)
	}
	if diff := cmp.Diff(whole.Clusters(), resumed.Clusters()); diff != "" {
		t.Errorf("Clusters (-one Deduper +resumed):\n%s", diff)
	}
	if diff := cmp.Diff(stateOf(whole), stateOf(resumed), allFields); diff != "" {
		t.Errorf("state (-one Deduper +resumed):\n%s", diff)
	}
}

func TestDeduperResume(t *testing.T) {
	arts := wordArticles(2000, 500, 1)
	for _, tc := range []struct {
		name string
		opts []DedupeOption
	}{
		{"default", nil},
		{"threshold 0.5", []DedupeOption{WithThreshold(0.5)}},
		{"keep longest", []DedupeOption{WithKeep(KeepLongest)}},
		{"exact only", []DedupeOption{WithExactOnly()}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkResume(t, arts[:1300], arts[1300:], tc.opts...)
		})
	}
	t.Run("empty", func(t *testing.T) { checkResume(t, nil, arts[:100]) })
}

// TestDeduperResumePages is TestDeduperResume on what Parse reads from
// synthetic pages (internal/dupgen): site chrome, syndication, edits.
func TestDeduperResumePages(t *testing.T) {
	arts, _ := generated(t, 2000, 3)
	checkResume(t, arts[:len(arts)/2], arts[len(arts)/2:])
}

func TestDeduperWriteToDeterministic(t *testing.T) {
	d := NewDeduper(WithClock(fixedClock(epoch)))
	for _, a := range wordArticles(500, 100, 2) {
		d.Add(a)
	}
	var b1, b2 bytes.Buffer
	if _, err := d.WriteTo(&b1); err != nil {
		t.Fatal(err)
	}
	if _, err := d.WriteTo(&b2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
		t.Error("two WriteTo of one Deduper differ")
	}
}

func TestAddStoryArchived(t *testing.T) {
	arts := wordArticles(2, 1, 3) // two copies of one story
	d := NewDeduper(WithClock(func() time.Time { return epoch }))
	s, dup := d.AddStory(arts[0])
	want := Story{ID: arts[0].ID, Source: arts[0].Source, FirstSeen: epoch}
	if dup || s != want {
		t.Errorf("first copy: AddStory = %+v, %v; want %+v, false", s, dup, want)
	}
	later := epoch.AddDate(0, 3, 0)
	resumed, _ := saveLoad(t, d, WithClock(func() time.Time { return later }))
	s, dup = resumed.AddStory(arts[1])
	if !dup || s != want {
		t.Errorf("copy months later: AddStory = %+v, %v; want %+v, true", s, dup, want)
	}
}

func TestForget(t *testing.T) {
	arts := wordArticles(1200, 300, 4)
	day := func(n int) time.Time { return epoch.AddDate(0, 0, n) }
	now := day(0)
	d := NewDeduper(WithClock(func() time.Time { return now }))
	for i, a := range arts[:900] {
		now = day(i / 300) // days 0, 1, 2
		d.Add(a)
	}
	before := stateOf(d)
	if n := d.Forget(day(0)); n != 0 {
		t.Errorf("Forget(day 0) removed %d stories, want 0", n)
	}
	if diff := cmp.Diff(before, stateOf(d), allFields); diff != "" {
		t.Errorf("Forget of nothing changed the state:\n%s", diff)
	}
	day0 := 0
	for _, cl := range before.Clusters {
		if cl.firstSeen < day(1).UnixNano() {
			day0++
		}
	}
	if n := d.Forget(day(1)); n != day0 {
		t.Errorf("Forget(day 1) removed %d stories, want %d", n, day0)
	}

	// What is left is what a Deduper given only the articles of stories
	// first seen on day 1 or later would hold; a forgotten story's copy is
	// new again.
	st := stateOf(d)
	for _, cl := range st.Clusters {
		if cl.firstSeen < day(1).UnixNano() {
			t.Errorf("story %q first seen %v survives Forget(day 1)", cl.keptID, time.Unix(0, cl.firstSeen))
		}
	}
	if len(st.Clusters) != len(before.Clusters)-day0 || len(st.Sigs) != len(st.Clusters) {
		t.Errorf("after Forget: %d stories, %d signatures; want %d", len(st.Clusters), len(st.Sigs), len(before.Clusters)-day0)
	}
	for _, h := range st.Exact {
		if int(h.cluster) >= len(st.Clusters) {
			t.Fatalf("exact key of story %d of %d", h.cluster, len(st.Clusters))
		}
	}
	for k, cs := range st.Bands {
		for _, c := range cs {
			if int(c) >= len(st.Clusters) {
				t.Fatalf("band key %x holds story %d of %d", k, c, len(st.Clusters))
			}
		}
	}
	seqs := map[int32]bool{}
	for _, cl := range st.Clusters {
		seqs[cl.kept.seq] = true
		for _, m := range cl.copies {
			seqs[m.seq] = true
		}
	}
	if len(seqs) != int(st.Seq) {
		t.Errorf("after Forget: %d articles numbered, count %d", len(seqs), st.Seq)
	}
	for s := range seqs {
		if s < 0 || s >= st.Seq {
			t.Errorf("article number %d out of 0..%d", s, st.Seq)
		}
	}
	forgotten := map[string]bool{}
	for _, cl := range before.Clusters {
		if cl.firstSeen < day(1).UnixNano() {
			forgotten[cl.keptID] = true
		}
	}
	now = day(3)
	for _, a := range arts[:300] { // day 0's articles again
		if !forgotten[a.ID] {
			continue
		}
		if _, dup := d.AddStory(a); dup {
			// Another copy of a forgotten story may have been added just
			// before; the kept copy itself must be new.
			continue
		}
		delete(forgotten, a.ID)
	}
	if len(forgotten) != 0 {
		t.Errorf("%d kept copies of forgotten stories were still duplicates", len(forgotten))
	}

	// Forgetting, then saving, loading and adding gives what forgetting
	// and adding gives.
	d2 := NewDeduper(WithClock(fixedClock(epoch)))
	for _, a := range arts[:600] {
		d2.Add(a)
	}
	d2.Forget(epoch.Add(200 * time.Second))
	checkResumeFrom(t, d2, arts[600:])
}

// checkResumeFrom is checkResume from a Deduper already filled.
func checkResumeFrom(t *testing.T, d *Deduper, b []Article) {
	t.Helper()
	resumed, _ := saveLoad(t, d)
	d.cfg.now = func() time.Time { return epoch }
	resumed.cfg.now = d.cfg.now
	for _, x := range b {
		s1, dup1 := d.AddStory(x)
		s2, dup2 := resumed.AddStory(x)
		if s1 != s2 || dup1 != dup2 {
			t.Fatalf("after Forget and a save: %+v, %v; resumed %+v, %v", s1, dup1, s2, dup2)
		}
	}
	if diff := cmp.Diff(stateOf(d), stateOf(resumed), allFields); diff != "" {
		t.Errorf("state (-forgot +forgot and resumed):\n%s", diff)
	}
}

func TestForgetLimits(t *testing.T) {
	d := NewDeduper(WithClock(func() time.Time { return time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC) }))
	for _, a := range wordArticles(50, 10, 5) {
		d.Add(a)
	}
	n := d.clusters.n
	if got := d.Forget(time.Time{}); got != 0 {
		t.Errorf("Forget(zero time) removed %d of stories first seen at the earliest time", got)
	}
	if got := d.Forget(time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC)); got != n {
		t.Errorf("Forget(year 3000) removed %d stories, want %d", got, n)
	}
	if got := d.Clusters(); len(got) != 0 {
		t.Errorf("after forgetting all: %d clusters", len(got))
	}
	checkResumeFrom(t, d, wordArticles(50, 10, 6))
}

// indexBytes is a small index with copies, for the error tests.
func indexBytes(t testing.TB, opts ...DedupeOption) []byte {
	t.Helper()
	d := NewDeduper(append(opts, WithClock(fixedClock(epoch)))...)
	for _, a := range wordArticles(40, 12, 7) {
		d.Add(a)
	}
	var buf bytes.Buffer
	if _, err := d.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// wantIndexError checks that err is an *IndexError wrapping kind.
func wantIndexError(t *testing.T, what string, err, kind error) *IndexError {
	t.Helper()
	var ie *IndexError
	if !errors.As(err, &ie) {
		t.Fatalf("%s: error %v (%T), want an *IndexError", what, err, err)
	}
	if !errors.Is(err, kind) {
		t.Fatalf("%s: error %v, want one wrapping %v", what, err, kind)
	}
	return ie
}

func TestReadDeduperTruncated(t *testing.T) {
	data := indexBytes(t)
	for n := range len(data) {
		d, err := ReadDeduper(bytes.NewReader(data[:n]))
		if d != nil {
			t.Fatalf("the first %d of %d bytes gave a Deduper", n, len(data))
		}
		ie := wantIndexError(t, fmt.Sprintf("first %d of %d bytes", n, len(data)), err, ErrIndexTruncated)
		if ie.Offset > int64(n) {
			t.Fatalf("first %d bytes: error at byte %d, beyond the input", n, ie.Offset)
		}
	}
}

func TestReadDeduperCorrupt(t *testing.T) {
	data := indexBytes(t)
	kinds := []error{ErrNotIndex, ErrIndexVersion, ErrIndexTruncated, ErrIndexCorrupt}
	for i := range data {
		for _, bit := range []byte{0x01, 0x80} {
			bad := bytes.Clone(data)
			bad[i] ^= bit
			d, err := ReadDeduper(bytes.NewReader(bad))
			if d != nil || err == nil {
				t.Fatalf("byte %d ^ %#x: read without error", i, bit)
			}
			var ie *IndexError
			if !errors.As(err, &ie) {
				t.Fatalf("byte %d ^ %#x: %v (%T), want an *IndexError", i, bit, err, err)
			}
			known := false
			for _, k := range kinds {
				known = known || errors.Is(err, k)
			}
			if !known {
				t.Fatalf("byte %d ^ %#x: %v wraps none of the index errors", i, bit, err)
			}
			if i >= indexfile.HeaderSize && !errors.Is(err, ErrIndexCorrupt) && !errors.Is(err, ErrIndexTruncated) {
				t.Fatalf("byte %d ^ %#x (after the header): %v, want corrupt or truncated", i, bit, err)
			}
		}
	}
}

func TestReadDeduperErrors(t *testing.T) {
	data := indexBytes(t)
	newer := bytes.Clone(data)
	newer[len(indexfile.Magic)] = indexVersion + 1
	for _, tc := range []struct {
		name    string
		input   []byte
		kind    error
		section string
	}{
		{"empty", nil, ErrIndexTruncated, "header"},
		{"a dump", []byte("Bridge Closed for Months\n\nThe city council voted.\n"), ErrNotIndex, "header"},
		{"json", []byte(`{"id":"x"}`), ErrNotIndex, "header"},
		{"newer version", newer, ErrIndexVersion, "header"},
		{"end marker missing", data[:len(data)-12], ErrIndexTruncated, "end"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadDeduper(bytes.NewReader(tc.input))
			ie := wantIndexError(t, tc.name, err, tc.kind)
			if ie.Section != tc.section {
				t.Errorf("section %q, want %q (%v)", ie.Section, tc.section, err)
			}
		})
	}
}

func TestReadDeduperOptions(t *testing.T) {
	data := indexBytes(t, WithThreshold(0.4), WithKeep(KeepLongest))
	for _, opts := range [][]DedupeOption{
		nil,
		{WithThreshold(0.4)},
		{WithKeep(KeepLongest), WithClock(time.Now)},
	} {
		d, err := ReadDeduper(bytes.NewReader(data), opts...)
		if err != nil {
			t.Fatalf("options agreeing with the index: %v", err)
		}
		if d.cfg.threshold != 0.4 || d.cfg.keep != KeepLongest {
			t.Errorf("read with threshold %v, keep %v; want the index's 0.4, KeepLongest", d.cfg.threshold, d.cfg.keep)
		}
	}
	for name, opt := range map[string]DedupeOption{
		"threshold":  WithThreshold(0.25),
		"exact only": WithExactOnly(),
		"keep":       WithKeep(KeepFirst),
	} {
		_, err := ReadDeduper(bytes.NewReader(data), opt)
		ie := wantIndexError(t, name, err, ErrIndexOptions)
		if ie.Section != "config" {
			t.Errorf("%s: section %q, want config", name, ie.Section)
		}
	}
}

// syntheticIndex builds a Deduper of n stories without Add, from random
// shingles, so that a 1M-story index takes seconds rather than the hour
// Add would take on the synthetic pages: each story has 120 shingles and
// 0 to 6 further copies (3 on average: 4 articles per story, about the
// 4.3 of the synthetic benchmark), each a distinct text (an exact key of its
// own) with 15 of its shingles replaced, from sources spread over 1,000
// files. It goes through insert, so the band index, exact map, shingle
// sketch and clusters are those Add would build.
func syntheticIndex(n int, seed uint64) *Deduper {
	rng := rand.New(rand.NewPCG(seed, 9))
	d := NewDeduper(WithClock(fixedClock(epoch)))
	files := make([]string, 1000)
	for i := range files {
		files[i] = fmt.Sprintf("crawl/2026-01-%02d/site-%03d.txt", i%28+1, i)
	}
	var p prepared
	randomKey := func() {
		binary.LittleEndian.PutUint64(p.key[:8], rng.Uint64())
		binary.LittleEndian.PutUint64(p.key[8:], rng.Uint64())
	}
	story := make([]uint64, 120)
	for s := range n {
		for i := range story {
			story[i] = rng.Uint64()
		}
		p.shingles, p.length = append(p.shingles[:0], story...), 1000+rng.IntN(4000)
		randomKey()
		src := Source{File: files[rng.IntN(len(files))], Line: 1 + rng.IntN(100_000), Offset: rng.IntN(1 << 24)}
		d.insert(&p, src, fmt.Sprintf("%016x%016x", s, rng.Uint64()))
		for range rng.IntN(7) {
			p.shingles = append(p.shingles[:0], story...)
			for range 15 {
				p.shingles[rng.IntN(len(story))] = rng.Uint64()
			}
			randomKey()
			src := Source{File: files[rng.IntN(len(files))], Line: 1 + rng.IntN(100_000), Offset: rng.IntN(1 << 24)}
			d.insert(&p, src, "")
		}
	}
	return d
}

func TestSyntheticIndex(t *testing.T) {
	d := syntheticIndex(1000, 1)
	if d.clusters.n != 1000 {
		t.Errorf("%d stories, want 1000: copies did not join their story", d.clusters.n)
	}
	if per := float64(d.seq) / float64(d.clusters.n); per < 3.7 || per > 4.3 {
		t.Errorf("%.2f articles per story, want about 4", per)
	}
	checkResumeFrom(t, d, wordArticles(200, 50, 8))
}

// countingWriter counts what is written to it.
type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }

// BenchmarkDeduperIndex saves and loads an index of synthetic stories
// (syntheticIndex): MB/s of index, bytes of index per story and per
// article, and the heap the Deduper holds per story, against which the
// file's size is to be read. Saving writes to a counting writer, loading
// reads from memory: the figures are the encoder's and decoder's, not a
// disk's. N = 1,000,000 is a manual run (about 4 GB of memory at its
// peak):
// NEWSDUMP_BENCH_1M=1 go test -run '^$' -bench 'DeduperIndex/N=1000000' -benchtime 1x -timeout 30m .
func BenchmarkDeduperIndex(b *testing.B) {
	sizes := []int{100_000}
	if os.Getenv("NEWSDUMP_BENCH_1M") != "" {
		sizes = append(sizes, 1_000_000)
	}
	for _, n := range sizes {
		var data []byte
		var heapPerStory float64
		b.Run(fmt.Sprintf("N=%d/save", n), func(b *testing.B) {
			before := heapAfter()
			d := syntheticIndex(n, 1)
			heapPerStory = (float64(heapAfter()) - float64(before)) / float64(n)
			var buf bytes.Buffer
			if _, err := d.WriteTo(&buf); err != nil {
				b.Fatal(err)
			}
			data = buf.Bytes()
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				if _, err := d.WriteTo(&countingWriter{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(data))/float64(n), "file-B/story")
			b.ReportMetric(float64(len(data))/float64(d.seq), "file-B/article")
			b.ReportMetric(heapPerStory, "heap-B/story")
		})
		b.Run(fmt.Sprintf("N=%d/load", n), func(b *testing.B) {
			if data == nil {
				b.Skip("the save benchmark did not run")
			}
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				if _, err := ReadDeduper(bytes.NewReader(data)); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/load")
		})
	}
}

// TestIndexSizeOnPages logs what an index costs per story on the
// synthetic pages, in the file and in memory: the file should cost about
// what the Deduper holds.
func TestIndexSizeOnPages(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("-short or -race: a measurement that parses 10,000 synthetic pages")
	}
	arts, _ := generated(t, 10_000, 1)
	perArticle, perStory := deduperMemory(arts)
	d := NewDeduper()
	for _, a := range arts {
		d.Add(a)
	}
	var w countingWriter
	if _, err := d.WriteTo(&w); err != nil {
		t.Fatal(err)
	}
	filePerStory := float64(w.n) / float64(d.clusters.n)
	t.Logf("%d articles, %d stories: heap %.0f B/article, %.0f B/story; file %.0f B/article, %.0f B/story",
		len(arts), d.clusters.n, perArticle, perStory, float64(w.n)/float64(len(arts)), filePerStory)
	if filePerStory > 2*perStory {
		t.Errorf("the index file costs %.0f B per story, more than twice the %.0f B the Deduper holds", filePerStory, perStory)
	}
}

// resealed is input with the checksum of every frame it holds made right,
// so that the fuzzer's changes to a payload reach the decoder instead of
// stopping at the checksum.
func resealed(input []byte) []byte {
	out := bytes.Clone(input)
	for off := indexfile.HeaderSize; off+8 <= len(out); {
		n := int(binary.LittleEndian.Uint32(out[off+4:]))
		end := off + 8 + n
		if n > indexfile.MaxFrame || end+4 > len(out) {
			break
		}
		binary.LittleEndian.PutUint32(out[end:], crc32.Checksum(out[off:end], crc32.MakeTable(crc32.Castagnoli)))
		off = end + 4
	}
	return out
}

// FuzzReadDeduper: ReadDeduper never panics, fails only with an
// *IndexError of a known kind, and an index it accepts is a Deduper that
// works (Add, Clusters, Forget) and writes itself back to the same state.
func FuzzReadDeduper(f *testing.F) {
	f.Add(indexBytes(f))
	f.Add(indexBytes(f, WithExactOnly()))
	f.Add(indexBytes(f, WithKeep(KeepLongest), WithThreshold(0.6)))
	f.Add([]byte(indexfile.Magic))
	f.Fuzz(func(t *testing.T, input []byte) {
		for _, in := range [][]byte{input, resealed(input)} {
			d, err := ReadDeduper(bytes.NewReader(in))
			if err != nil {
				var ie *IndexError
				if d != nil || !errors.As(err, &ie) || ie.Offset < 0 || ie.Offset > int64(len(in)) {
					t.Fatalf("ReadDeduper: %v (%T, Deduper %v), want an *IndexError within the input", err, err, d != nil)
				}
				known := false
				for _, k := range []error{ErrNotIndex, ErrIndexVersion, ErrIndexTruncated, ErrIndexCorrupt} {
					known = known || errors.Is(err, k)
				}
				if !known {
					t.Fatalf("ReadDeduper: %v wraps no index error", err)
				}
				continue
			}
			want := stateOf(d)
			var buf bytes.Buffer
			if _, err := d.WriteTo(&buf); err != nil {
				t.Fatal(err)
			}
			again, err := ReadDeduper(&buf)
			if err != nil {
				t.Fatalf("an index read back does not read again: %v", err)
			}
			if diff := cmp.Diff(want, stateOf(again), allFields); diff != "" {
				t.Fatalf("written and read again (-read +again):\n%s", diff)
			}
			for _, a := range wordArticles(5, 2, 1) {
				d.Add(a)
			}
			d.Clusters()
			d.Forget(epoch)
		}
	})
}

// WriteTo and Forget may run while other goroutines add articles (run
// with -race).
func TestDeduperIndexConcurrent(t *testing.T) {
	arts := wordArticles(400, 100, 9)
	d := NewDeduper(WithClock(fixedClock(epoch)))
	done := make(chan struct{})
	go func() {
		defer close(done)
		for _, a := range arts {
			d.AddStory(a)
		}
	}()
	for range 5 {
		var buf bytes.Buffer
		if _, err := d.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		if _, err := ReadDeduper(&buf); err != nil {
			t.Fatalf("an index saved while articles were added: %v", err)
		}
		d.Forget(epoch.Add(10 * time.Second))
	}
	<-done
}
