package main

import (
	"context"
	"reflect"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/newsdump/newsdump"
)

// config is what a run is asked to do.
type config struct {
	Input     string  // glob of dump files
	Output    string  // the JSON Lines file to write
	Threshold float64 // as the command's -threshold
	Layout    string  // as the command's -layout
	Entities  bool    // as the command's -entities
	Rounds    int     // label-propagation rounds unrolled
}

// defaultRounds is enough for the components of the synthetic sets
// (measured: 10,000 generated articles need 16 to 18, see the README) with
// room to spare; a run that needs more fails rather than writing a wrong
// result.
const defaultRounds = 24

func defaultConfig() config {
	return config{Threshold: newsdump.DefaultThreshold, Layout: "auto", Entities: true, Rounds: defaultRounds}
}

func init() {
	for _, v := range []any{record{}, labelled{}, outLine{}} {
		beam.RegisterType(reflect.TypeOf(v))
	}
	register.DoFn3x1[context.Context, fileio.ReadableFile, func(record), error](&parseFn{})
	register.Emitter1[record]()
	beam.RegisterCoder(reflect.TypeOf(countsAcc{}), encodeCounts, decodeCounts)
	register.Function1x3(exactKeyFn)
	register.Function3x0(firstTextFn)
	register.Emitter1[[]byte]()
	register.Iter1[[]byte]()
	register.Combiner3[countsAcc, []byte, []byte](&countsFn{})
	register.DoFn4x1[context.Context, record, func(*[]byte) bool, func(uint64, uint64), error](&keysFn{})
	register.Emitter2[uint64, uint64]()
	register.Function3x0(starFn)
	register.DoFn4x0[context.Context, uint64, func(*uint64) bool, func(uint64, uint64)](&linksFn{})
	register.Iter1[uint64]()
	register.Function1x2(initialLabel)
	register.Function4x0(offerFn)
	register.DoFn6x0[context.Context, uint64, func(*uint64) bool, func(*uint64) bool, func(uint64, uint64), func(uint64, labelled)](&relabelFn{})
	register.Emitter2[uint64, labelled]()
	register.DoFn6x0[context.Context, uint64, func(*labelled) bool, func(*uint64) bool, func(uint64, uint64), func(uint64)](&jumpFn{})
	register.Iter1[labelled]()
	register.Emitter1[uint64]()
	register.Function1x2(byID)
	register.Function4x0(byLabelFn)
	register.Emitter2[uint64, record]()
	register.Iter1[record]()
	register.DoFn5x1[context.Context, uint64, func(*record) bool, func(*[]byte) bool, func(outLine), error](&resolveFn{})
	register.Emitter1[outLine]()
	register.DoFn4x1[context.Context, []byte, func(*outLine) bool, func(*uint64) bool, error](&writeFn{})
	register.Iter1[outLine]()
}

// build adds the deduplication of cfg.Input to s: parse, count the
// shingles of the distinct texts, key graph, components, one Deduper per
// component (given the counts), one output file.
func build(s beam.Scope, cfg config) {
	files := fileio.ReadMatches(s, fileio.MatchFiles(s, cfg.Input), fileio.ReadUncompressed())
	records := beam.ParDo(s, &parseFn{Layout: cfg.Layout}, files)
	counts := shingleCounts(s, records)
	labels, moved := components(s, records, counts, cfg.Rounds)
	grouped := beam.GroupByKey(s, beam.ParDo(s, byLabelFn, beam.CoGroupByKey(s, beam.ParDo(s, byID, records), labels)))
	lines := beam.ParDo(s, &resolveFn{Threshold: cfg.Threshold, Entities: cfg.Entities}, grouped, beam.SideInput{Input: counts})
	beam.ParDo0(s, &writeFn{Path: cfg.Output, Rounds: cfg.Rounds}, beam.Impulse(s),
		beam.SideInput{Input: lines}, beam.SideInput{Input: moved})
}
