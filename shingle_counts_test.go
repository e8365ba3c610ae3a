package newsdump

import (
	"bytes"
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// siteStories are n short stories of one site, each with the site's
// sign-up paragraph: the stories share no 3-word run, the sign-up is most
// of their text.
func siteStories(n int) []Article {
	const signup = "Sign up for The Harbor Times morning briefing, a free newsletter with the day's most important stories, delivered to your inbox every weekday. You can unsubscribe at any time."
	arts := make([]Article, n)
	for i := range arts {
		arts[i] = Article{
			Title:      fmt.Sprintf("Story %d", i),
			Paragraphs: []string{fmt.Sprintf("Alpha%d bravo%d charlie%d delta%d echo%d foxtrot%d golf%d hotel%d india%d juliet%d.", i, i, i, i, i, i, i, i, i, i), signup},
			Source:     Source{File: "site", Line: i + 1},
		}
	}
	return arts
}

// Counts of the distinct texts, added up from two workers, give the
// signatures by which Dedupe tells apart stories that Signature alone
// finds alike through their boilerplate; they survive a round trip.
func TestShingleCounts(t *testing.T) {
	arts := siteStories(100)
	arts = append(arts, arts[7]) // an exact copy: counted once
	if Signature(arts[0]).Similarity(Signature(arts[1])) < DefaultThreshold {
		t.Fatal("the test's stories do not look alike through their boilerplate")
	}
	if kept := Dedupe(arts); len(kept) != 100 {
		t.Fatalf("Dedupe kept %d stories, want 100", len(kept))
	}
	var w1, w2 ShingleCounts
	seen := map[[16]byte]bool{}
	for i, a := range arts {
		if k := ExactKey(a); !seen[k] {
			seen[k] = true
			[]*ShingleCounts{&w1, &w2}[i%2].Add(a)
		}
	}
	var sum ShingleCounts
	sum.Merge(&w1)
	sum.Merge(&w2)
	for i := 1; i < 100; i++ {
		if s := sum.Signature(arts[0]).Similarity(sum.Signature(arts[i])); s >= DefaultThreshold {
			t.Fatalf("stories 0 and %d: similarity %.2f without the frequent shingles", i, s)
		}
	}
	if s := sum.Signature(arts[7]).Similarity(sum.Signature(arts[100])); s != 1 {
		t.Errorf("exact copies: similarity %.2f", s)
	}
	var empty ShingleCounts
	if empty.Signature(arts[3]) != Signature(arts[3]) {
		t.Error("with no counts, Signature differs")
	}
	data, err := sum.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var back ShingleCounts
	if err := back.UnmarshalBinary(data); err != nil {
		t.Fatal(err)
	}
	got, want := back.Signature(arts[5]), sum.Signature(arts[5])
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("after a round trip (-want +got):\n%s", diff)
	}
}

// Data that is not counts of this version is an error naming what is wrong.
func TestShingleCountsUnmarshalErrors(t *testing.T) {
	var c ShingleCounts
	good, err := c.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	newer := append([]byte(nil), good...)
	newer[len(countsMagic)] = countsVersion + 1
	for name, data := range map[string][]byte{
		"empty":     nil,
		"foreign":   []byte("PK\x03\x04 an archive"),
		"newer":     newer,
		"truncated": good[:len(good)-1],
	} {
		if err := c.UnmarshalBinary(data); !errors.Is(err, ErrCounts) {
			t.Errorf("%s: %v, want ErrCounts", name, err)
		}
	}
}

func FuzzShingleCounts(f *testing.F) {
	f.Add([]byte(countsMagic + "\x01\x00\x00\x00\x00\x00\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var c ShingleCounts
		if err := c.UnmarshalBinary(data); err == nil {
			c.Signature(Article{Title: "a title of some words", Paragraphs: []string{"and a body."}})
		}
	})
}

// A Deduper given the counts of its whole input (WithShingleCounts), fed
// the articles in input order, decides as Dedupe does: the same kept
// articles with the same duplicates, on sites whose boilerplate a Deduper
// counting as it goes would learn only from their first stories. So does
// a Deduper per part of the input, when the parts are closed under "shares
// a band key or the exact key" (the Beam pipeline's components), which
// examples/beam tests.
func TestWithShingleCounts(t *testing.T) {
	arts, _, _ := boilerplateArticles(t, 2000)
	var counts ShingleCounts
	seen := map[[16]byte]bool{}
	for _, a := range arts {
		if k := ExactKey(a); !seen[k] {
			seen[k] = true
			counts.Add(a)
		}
	}
	d := NewDeduper(WithShingleCounts(&counts))
	for _, a := range arts {
		d.Add(a)
	}
	got := d.collect(arts)
	want := Dedupe(arts)
	if diff := cmp.Diff(keptWithDups(want), keptWithDups(got)); diff != "" {
		t.Errorf("a Deduper with the input's counts differs from Dedupe (-Dedupe +Deduper):\n%s", diff)
	}
	streaming := NewDeduper()
	for _, a := range arts {
		streaming.Add(a)
	}
	if cmp.Equal(keptWithDups(want), keptWithDups(streaming.collect(arts))) {
		t.Log("a Deduper counting as it goes gives Dedupe's result too on this set: the test may not tell the counts apart")
	}
	back, err := ReadDeduper(bytes.NewReader(mustWrite(t, d)))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(stateOf(d), stateOf(back), allFields); diff != "" {
		t.Errorf("a Deduper with given counts, saved and read back (-written +read):\n%s", diff)
	}
	if _, err := ReadDeduper(bytes.NewReader(mustWrite(t, d)), WithShingleCounts(&counts)); !errors.Is(err, ErrIndexOptions) {
		t.Errorf("ReadDeduper with shingle counts: %v, want ErrIndexOptions", err)
	}
}

func mustWrite(t *testing.T, d *Deduper) []byte {
	t.Helper()
	var b bytes.Buffer
	if _, err := d.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
