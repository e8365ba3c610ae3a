package main

import (
	"context"
	"encoding/binary"

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
// Components are found by iterated min-label propagation: every article
// starts with its own node ID as label; in each round every key takes the
// least label of its articles and every article the least label of its
// keys. A component of key-diameter d (key hops between its two farthest
// articles) is labelled by its least ID after at most d rounds. Beam
// pipelines are graphs fixed before they run, so the rounds are unrolled
// (-rounds); the last round reports every label it still changed, and the
// writer refuses to write an output that did not converge.

// edge is one article filed under one key.
type edge struct {
	Key uint64
	ID  uint64
}

// labelled is an article and its current label.
type labelled struct {
	ID    uint64
	Label uint64
}

// keysFn emits an article's keys: its band keys (none for an article
// without words, whose signature the Deduper files nowhere) and the
// first 64 bits of its exact key. The 64-bit keys are the pipeline's
// own: the Deduper files band keys by their low 32 bits, which at a
// million articles collide by chance; grouping by more bits only splits
// components along chance collisions.
func keysFn(r record, emit func(uint64, uint64)) error {
	a, err := decodeArticle(r)
	if err != nil {
		return err
	}
	ek := newsdump.ExactKey(a)
	emit(binary.LittleEndian.Uint64(ek[:8]), r.ID)
	sig := newsdump.Signature(a)
	if sig.Similarity(sig) == 0 { // no words: no band keys
		return nil
	}
	keys := sig.BandKeys()
	for i, k := range keys {
		if i > 0 && k == keys[i-1] {
			continue
		}
		emit(k, r.ID)
	}
	return nil
}

// sharedKeysFn keeps the keys that join two or more articles: a key of
// one article is no edge. Most band keys of a story published once are
// of this kind, so the rounds shuffle only the keys that matter.
type sharedKeysFn struct {
	edges beam.Counter
}

func (fn *sharedKeysFn) Setup() { fn.edges = beam.NewCounter("newsdump", "shared_key_edges") }

func (fn *sharedKeysFn) ProcessElement(ctx context.Context, key uint64, ids func(*uint64) bool, emit func(uint64, uint64)) {
	var first, id uint64
	n := 0
	for ids(&id) {
		switch n {
		case 0:
			first = id
		case 1:
			emit(id, key)
			emit(first, key)
			fn.edges.Inc(ctx, 2)
		default:
			emit(id, key)
			fn.edges.Inc(ctx, 1)
		}
		n++
	}
}

// labelEdgesFn sends an article's label to each of its keys.
func labelEdgesFn(id uint64, labels func(*uint64) bool, keys func(*uint64) bool, emit func(uint64, labelled)) {
	var label, key uint64
	if !labels(&label) {
		return
	}
	for keys(&key) {
		emit(key, labelled{id, label})
	}
}

// keyMinFn gives every article of a key the least label among them.
func keyMinFn(_ uint64, members func(*labelled) bool, emit func(uint64, uint64)) {
	var ms []labelled
	var m labelled
	for members(&m) {
		ms = append(ms, m)
	}
	least := ms[0].Label
	for _, m := range ms[1:] {
		least = min(least, m.Label)
	}
	for _, m := range ms {
		if m.Label != least {
			emit(m.ID, least)
		}
	}
}

// relabelFn takes the least of an article's label and what its keys
// offered, and emits the article to moved when that changed its label.
type relabelFn struct {
	// Round is the round's number, from 1; its counter is
	// "labels_changed_round_N".
	Round   int
	changed beam.Counter
}

func (fn *relabelFn) Setup() {
	fn.changed = beam.NewCounter("newsdump", "labels_changed_round_"+itoa2(fn.Round))
}

func (fn *relabelFn) ProcessElement(ctx context.Context, id uint64, labels func(*uint64) bool, offers func(*uint64) bool, emit func(uint64, uint64), moved func(uint64)) {
	var label, offer uint64
	if !labels(&label) {
		return
	}
	least := label
	for offers(&offer) {
		least = min(least, offer)
	}
	if least != label {
		fn.changed.Inc(ctx, 1)
		moved(id)
	}
	emit(id, least)
}

// itoa2 is n with at least two digits, so that counters sort by round.
func itoa2(n int) string {
	return string([]byte{byte('0' + n/10%10), byte('0' + n%10)})
}

func initialLabel(r record) (uint64, uint64) { return r.ID, r.ID }

// components labels every record's node with its component and returns
// the labels (KV<id, label>) and the IDs whose label the last round still
// changed (empty when the propagation converged).
func components(s beam.Scope, records beam.PCollection, rounds int) (labels, moved beam.PCollection) {
	s = s.Scope("components")
	keyed := beam.ParDo(s, keysFn, records)
	byID := beam.ParDo(s, &sharedKeysFn{}, beam.GroupByKey(s, keyed)) // KV<id, key>
	labels = beam.ParDo(s, initialLabel, records)
	moved = beam.CreateList(s, []uint64{})
	for r := 1; r <= rounds; r++ {
		rs := s.Scope("round" + itoa2(r))
		toKeys := beam.ParDo(rs, labelEdgesFn, beam.CoGroupByKey(rs, labels, byID))
		offers := beam.ParDo(rs, keyMinFn, beam.GroupByKey(rs, toKeys))
		labels, moved = beam.ParDo2(rs, &relabelFn{Round: r}, beam.CoGroupByKey(rs, labels, offers))
	}
	return labels, moved
}
