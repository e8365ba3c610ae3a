package main

import (
	"context"
	"encoding/binary"
	"slices"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/newsdump/newsdump"
)

// This file finds the stories' candidate groups without a global pass:
// the connected components of the graph whose nodes are articles and
// whose edges join two articles that share a band key or an exact key.
// Every article a Deduper could compare an article with, or file it
// beside, shares a key with it, so each component can be deduplicated on
// its own (resolve.go).
//
// Components are found by iterated min-label propagation over article
// pairs: the articles of each key are joined as a star (starFn, linksFn);
// every article starts with its own node ID as label; in each round every
// article takes the least label among its own and its neighbours', then
// the label of the node its label names (pointer jumping, jumpFn). A
// component of diameter d is labelled by its least ID after at most d
// rounds, fewer where jumping shortcuts it. Beam pipelines are graphs
// fixed before they run, so the rounds are unrolled (-rounds); the last
// round reports every label it still changed, and the writer refuses to
// write an output that did not converge.

// labelled is an article and its current label.
type labelled struct {
	ID    uint64
	Label uint64
}

// keysFn emits an article's keys: the band keys of the signature Dedupe
// compares it by (Counts.Signature; none when that signature is empty,
// as for an article without words or whose shingles are all frequent:
// the Deduper files it nowhere and compares it as an exact duplicate
// only) and the first 64 bits of its exact key.
//
// A band key is kept to its low 32 bits, the bits the Deduper files it
// by (internal/minhash.BandIndex): two keys that differ only above them
// share a bucket there, so they must join a component here, or the
// component's Deduper would miss what the bucket held. The price is
// chance collisions between unrelated keys, which join components that
// share nothing (see the README for what that costs). The exact keys are
// set apart by their top bit so that they never meet a band key.
type keysFn struct {
	counts sideCounts
}

func (fn *keysFn) ProcessElement(ctx context.Context, r record, side func(*[]byte) bool, emit func(uint64, uint64)) error {
	counts, err := fn.counts.get(side)
	if err != nil {
		return err
	}
	a, err := decodeArticle(r)
	if err != nil {
		return err
	}
	articlesCounter.Inc(ctx, 1)
	ek := newsdump.ExactKey(a)
	emit(binary.LittleEndian.Uint64(ek[:8])|exactKeyBit, r.ID)
	n := int64(1)
	if sig := counts.Signature(a); sig.Similarity(sig) != 0 { // empty: no band keys
		for _, k := range sig.BandKeys() { // they include the band number
			emit(uint64(uint32(k)), r.ID)
			n++
		}
	}
	keysCounter.Inc(ctx, n)
	return nil
}

// exactKeyBit marks an exact key, above the 32 bits of a band key.
const exactKeyBit = 1 << 63

// The counters that measure the graph; shuffle volumes follow from them
// (see the README).
var (
	articlesCounter = beam.NewCounter("newsdump", "articles")
	keysCounter     = beam.NewCounter("newsdump", "keys")
)

// starFn turns the articles of one key into a star: the key's least
// node joined to each other one, which connects them as the key does.
// A key of one article is no edge; most band keys of a story published
// once are of that kind. Copies of a story share many keys with the same
// articles, so the stars repeat the same pairs, which linksFn merges:
// the rounds then shuffle one edge per pair of articles, not one per key
// and article.
func starFn(_ uint64, ids func(*uint64) bool, emit func(uint64, uint64)) {
	var ms []uint64
	var id uint64
	for ids(&id) {
		ms = append(ms, id)
	}
	if len(ms) < 2 {
		return
	}
	least := slices.Min(ms)
	for _, m := range ms {
		if m != least {
			emit(least, m)
		}
	}
}

// linksFn merges the pairs of one star centre and emits each edge in
// both directions: the adjacency the rounds join labels with.
type linksFn struct {
	edges beam.Counter
}

func (fn *linksFn) Setup() { fn.edges = beam.NewCounter("newsdump", "edges") }

func (fn *linksFn) ProcessElement(ctx context.Context, centre uint64, ids func(*uint64) bool, emit func(uint64, uint64)) {
	seen := map[uint64]bool{}
	var id uint64
	for ids(&id) {
		if !seen[id] {
			seen[id] = true
			emit(centre, id)
			emit(id, centre)
		}
	}
	fn.edges.Inc(ctx, int64(len(seen)))
}

// offerFn sends an article's label to each of its neighbours.
func offerFn(_ uint64, labels func(*uint64) bool, nbrs func(*uint64) bool, emit func(uint64, uint64)) {
	var label, nbr uint64
	if !labels(&label) {
		return
	}
	for nbrs(&nbr) {
		emit(nbr, label)
	}
}

// relabelFn takes the least of an article's label and what its
// neighbours offered. It emits the new label (KV<id, label>) and, keyed
// by the new label, the article with the label it had before the round,
// for jumpFn.
type relabelFn struct {
	// Round is the round's number, from 1; its counters are
	// "offers_round_NN" and "labels_changed_round_NN".
	Round  int
	offers beam.Counter
}

func (fn *relabelFn) Setup() {
	fn.offers = beam.NewCounter("newsdump", "offers_round_"+itoa2(fn.Round))
}

func (fn *relabelFn) ProcessElement(ctx context.Context, id uint64, labels func(*uint64) bool, offers func(*uint64) bool, emit func(uint64, uint64), pointer func(uint64, labelled)) {
	var label, offer uint64
	if !labels(&label) {
		return
	}
	least := label
	n := int64(0)
	for offers(&offer) {
		least = min(least, offer)
		n++
	}
	fn.offers.Inc(ctx, n)
	emit(id, least)
	pointer(least, labelled{ID: id, Label: label})
}

// jumpFn gives every article whose label is node L the label of L: the
// shortcut that makes a long chain converge in about log2 of its length
// rounds rather than its length (labels only decrease, so L's label is at
// most L, and it is in L's component: no label leaves its component). It
// emits the round's labels, and to moved every article whose label the
// round changed.
type jumpFn struct {
	Round   int
	changed beam.Counter
}

func (fn *jumpFn) Setup() {
	fn.changed = beam.NewCounter("newsdump", "labels_changed_round_"+itoa2(fn.Round))
}

func (fn *jumpFn) ProcessElement(ctx context.Context, node uint64, pointing func(*labelled) bool, labels func(*uint64) bool, emit func(uint64, uint64), moved func(uint64)) {
	label := node
	var l uint64
	if labels(&l) {
		label = l
	}
	var p labelled
	for pointing(&p) {
		emit(p.ID, label)
		if label != p.Label {
			fn.changed.Inc(ctx, 1)
			moved(p.ID)
		}
	}
}

// itoa2 is n with at least two digits, so that counters sort by round.
func itoa2(n int) string {
	return string([]byte{byte('0' + n/10%10), byte('0' + n%10)})
}

func initialLabel(r record) (uint64, uint64) { return r.ID, r.ID }

// components labels every record's node with its component (the band
// keys by counts, the shingle counts side input) and returns
// the labels (KV<id, label>) and the IDs whose label the last round still
// changed (empty when the propagation converged).
func components(s beam.Scope, records, counts beam.PCollection, rounds int) (labels, moved beam.PCollection) {
	s = s.Scope("components")
	keyed := beam.ParDo(s, &keysFn{}, records, beam.SideInput{Input: counts})
	stars := beam.ParDo(s, starFn, beam.GroupByKey(s, keyed))
	adj := beam.ParDo(s, &linksFn{}, beam.GroupByKey(s, stars)) // KV<id, neighbour>
	labels = beam.ParDo(s, initialLabel, records)
	moved = beam.CreateList(s, []uint64{})
	for r := 1; r <= rounds; r++ {
		rs := s.Scope("round" + itoa2(r))
		offers := beam.ParDo(rs, offerFn, beam.CoGroupByKey(rs, labels, adj))
		next, pointers := beam.ParDo2(rs, &relabelFn{Round: r}, beam.CoGroupByKey(rs, labels, offers))
		labels, moved = beam.ParDo2(rs, &jumpFn{Round: r}, beam.CoGroupByKey(rs, pointers, next))
	}
	return labels, moved
}
