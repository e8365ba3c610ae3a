package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/newsdump/newsdump"
)

// This file deduplicates each component with the library's own Deduper.
//
// Why the result is Dedupe's: Dedupe counts the shingles of every
// distinct text first, then adds the articles in input order to one
// Deduper whose counts are fixed. Each component's Deduper here is given
// the same counts (WithShingleCounts, the side input of counts.go), so it
// compares every article by the signature Dedupe compares it by. What the
// Deduper decides for an article then depends only on the clusters filed
// under the low 32 bits of the article's band keys (the first filed under
// each, up to its per-bucket cap) and on the article that first had its
// exact key. Every one of those shares a key with it in the graph
// (components.go keys bands by the same 32 bits), so is in its component;
// an article of another component is filed under none of its keys. A
// Deduper given one component's articles in input order therefore sees,
// for each of them, the same candidates in the same order as Dedupe's,
// and decides the same: equality by construction, which the tests check
// against Dedupe itself.

// byID keys a record by its node ID.
func byID(r record) (uint64, record) { return r.ID, r }

// byLabelFn keys each record by its component's label.
func byLabelFn(_ uint64, recs func(*record) bool, labels func(*uint64) bool, emit func(uint64, record)) {
	var label uint64
	if !labels(&label) {
		return
	}
	var r record
	for recs(&r) {
		emit(label, r)
	}
}

// outLine is one line of output and its place in the input order.
type outLine struct {
	File  string
	Index int
	JSON  []byte // with its newline
}

// resolveFn deduplicates one component and emits its kept articles as
// the command prints them.
type resolveFn struct {
	Threshold float64
	Entities  bool
	largest   beam.Distribution
	counts    sideCounts
}

func (fn *resolveFn) Setup() {
	fn.largest = beam.NewDistribution("newsdump", "component_size")
}

func (fn *resolveFn) ProcessElement(ctx context.Context, _ uint64, recs func(*record) bool, side func(*[]byte) bool, emit func(outLine)) error {
	counts, err := fn.counts.get(side)
	if err != nil {
		return err
	}
	var rs []record
	var r record
	for recs(&r) {
		rs = append(rs, r)
	}
	fn.largest.Update(ctx, int64(len(rs)))
	slices.SortFunc(rs, func(a, b record) int {
		switch {
		case a.before(b):
			return -1
		case b.before(a):
			return 1
		}
		return 0
	})
	arts := make([]newsdump.Article, len(rs))
	for i, r := range rs {
		a, err := decodeArticle(r)
		if err != nil {
			return err
		}
		arts[i] = a
	}
	kept, err := dedupeComponent(arts, fn.Threshold, counts)
	if err != nil {
		return err
	}
	for _, i := range kept.order {
		line, err := encodeLine(kept.articles[i], fn.Entities)
		if err != nil {
			return fmt.Errorf("%s: encoding article at line %d: %w", rs[i].File, kept.articles[i].Source.Line, err)
		}
		emit(outLine{rs[i].File, rs[i].Index, line})
	}
	return nil
}

// keptArticles are the articles of a component as Dedupe returns them:
// order lists the kept ones by index into articles, whose Duplicates are
// filled in.
type keptArticles struct {
	articles []newsdump.Article
	order    []int
}

// dedupeComponent runs a Deduper over one component's articles, in input
// order, and fills each kept article's Duplicates as Dedupe does: after
// any it already had, each copy followed by the copies that copy listed.
func dedupeComponent(arts []newsdump.Article, threshold float64, counts *newsdump.ShingleCounts) (keptArticles, error) {
	d := newsdump.NewDeduper(newsdump.WithThreshold(threshold), newsdump.WithShingleCounts(counts))
	at := make(map[newsdump.Source]int, len(arts))
	out := keptArticles{articles: arts}
	for i, a := range arts {
		if _, dup := at[a.Source]; dup {
			return out, fmt.Errorf("%s:%d: two articles at offset %d", a.Source.File, a.Source.Line, a.Source.Offset)
		}
		at[a.Source] = i
		if _, isDup := d.Add(a); !isDup {
			out.order = append(out.order, i)
		}
	}
	for _, c := range d.Clusters() {
		k := &arts[at[c.Kept]]
		dups := slices.Clone(k.Duplicates)
		for _, cp := range c.Copies {
			dups = append(dups, cp.Source)
			dups = append(dups, arts[at[cp.Source]].Duplicates...)
		}
		k.Duplicates = dups
	}
	return out, nil
}

// articleJSON is one line of the command's output with its default flags:
// the article's own fields, then "entities" ([] when there are none)
// unless -entities=false.
type articleJSON struct {
	newsdump.Article
	Entities *[]newsdump.ArticleEntity `json:"entities,omitempty"`
}

// encodeLine renders an article as the command does: json.Encoder
// without HTML escaping, one line.
func encodeLine(a newsdump.Article, entities bool) ([]byte, error) {
	line := articleJSON{Article: a}
	if entities {
		ents := a.Entities()
		if ents == nil {
			ents = []newsdump.ArticleEntity{}
		}
		line.Entities = &ents
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(line); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
