package main

import (
	"fmt"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/newsdump/newsdump"
)

// This file counts the shingles of the whole input, as Dedupe does before
// it clusters anything (see "Boilerplate learnt from the data" in the
// library): every distinct comparison text once, whatever the number of
// its exact copies. The articles are grouped by their ExactKey and one of
// each group is counted (equal keys, equal texts: which one does not
// matter); the counts of each bundle are summed by a CombineFn, so a worker
// holds one 16 MiB sketch per bundle it counts and the merge holds two at
// a time. The sum goes to the later steps as a singleton side input, the
// bytes of ShingleCounts.MarshalBinary, unmarshalled once per DoFn
// instance (sideCounts), not per component.

// exactKeyFn keys an article's JSON by its ExactKey.
func exactKeyFn(r record) (string, []byte, error) {
	a, err := decodeArticle(r)
	if err != nil {
		return "", nil, err
	}
	k := newsdump.ExactKey(a)
	return string(k[:]), r.Article, nil
}

// firstTextFn passes on one article of each exact key.
func firstTextFn(_ string, texts func(*[]byte) bool, emit func([]byte)) {
	var t []byte
	if texts(&t) {
		emit(t)
	}
}

// countsAcc is countsFn's accumulator: the counts, and the number of
// texts added, so that an empty one is coded in a few bytes rather than
// 16 MiB.
type countsAcc struct {
	c     *newsdump.ShingleCounts
	texts int64
}

// encodeCounts and decodeCounts are countsAcc's coder: nothing for no
// texts, else MarshalBinary's bytes.
func encodeCounts(a countsAcc) ([]byte, error) {
	if a.texts == 0 || a.c == nil {
		return nil, nil
	}
	return a.c.MarshalBinary()
}

func decodeCounts(b []byte) (countsAcc, error) {
	a := countsAcc{c: new(newsdump.ShingleCounts)}
	if len(b) == 0 {
		return a, nil
	}
	if err := a.c.UnmarshalBinary(b); err != nil {
		return a, fmt.Errorf("shingle counts accumulator: %w", err)
	}
	a.texts = 1 // not empty; the exact number is not needed past this point
	return a, nil
}

// countsFn sums the shingle counts of the texts it is given. Its output
// is the counts' MarshalBinary bytes; nil when it counted nothing.
type countsFn struct{}

func (*countsFn) CreateAccumulator() countsAcc {
	return countsAcc{c: new(newsdump.ShingleCounts)}
}

func (*countsFn) AddInput(a countsAcc, js []byte) (countsAcc, error) {
	art, err := decodeArticle(record{File: "(counting)", Article: js})
	if err != nil {
		return a, err
	}
	a.c.Add(art)
	a.texts++
	return a, nil
}

func (*countsFn) MergeAccumulators(a, b countsAcc) countsAcc {
	switch {
	case b.texts == 0:
		return a
	case a.texts == 0:
		return b
	}
	a.c.Merge(b.c)
	a.texts += b.texts
	return a
}

func (*countsFn) ExtractOutput(a countsAcc) ([]byte, error) {
	return encodeCounts(a)
}

// shingleCounts returns the counts of records' distinct texts: a
// PCollection of one []byte (none if records is empty).
func shingleCounts(s beam.Scope, records beam.PCollection) beam.PCollection {
	s = s.Scope("shingle_counts")
	keyed := beam.ParDo(s, exactKeyFn, records)
	distinct := beam.ParDo(s, firstTextFn, beam.GroupByKey(s, keyed))
	return beam.Combine(s, &countsFn{}, distinct)
}

// sideCounts is the counts side input as a DoFn keeps it: unmarshalled by
// the DoFn instance's first element and then shared, read-only, by all
// the elements (and components) it processes. The counts do not change
// during a run, so the first read is every read.
type sideCounts struct {
	c *newsdump.ShingleCounts
}

// get returns the counts, reading the side input the first time.
func (sc *sideCounts) get(side func(*[]byte) bool) (*newsdump.ShingleCounts, error) {
	if sc.c != nil {
		return sc.c, nil
	}
	c := new(newsdump.ShingleCounts)
	var b []byte
	if side(&b) && len(b) > 0 {
		if err := c.UnmarshalBinary(b); err != nil {
			return nil, fmt.Errorf("shingle counts side input: %w", err)
		}
	}
	sc.c = c
	return c, nil
}
