// Command beam deduplicates news dumps on Apache Beam: the library's
// Dedupe, printed as the newsdump command prints, for inputs too large
// for one machine.
//
// Usage:
//
//	go run . -input 'dumps/*/*.txt' -output kept.jsonl [-runner prism]
//
// It reads the dump files the glob matches, parses each as the newsdump
// command does, and writes the kept articles with their duplicates as
// JSON Lines, as `newsdump FILES...` prints them, with the decisions of
// the library's Dedupe over the same articles: files in byte order of
// their path, articles in file order, one copy of each story (the first)
// listing where the others were.
//
// # How
//
// Parse each file (one DoFn per file); count the shingles of the distinct
// texts (one per ExactKey) into one ShingleCounts, the side input of the
// later steps (counts.go); compute each article's band keys from the
// signature Dedupe compares it by (ShingleCounts.Signature) and its
// ExactKey; find the connected components of the graph whose edges join
// articles that share a key, by iterated min-label propagation
// (components.go); run the library's Deduper, given the counts, over each
// component's articles in input order (resolve.go); write the kept
// articles in input order (write.go). The result equals Dedupe's by
// construction (resolve.go says why), and the tests compare it with
// Dedupe's. It is the command's output where the command, whose
// streaming Deduper learns boilerplate as it goes, decides as Dedupe:
// on the samples and testdata, not in general on large inputs.
//
// Decided here, beyond the issue: the band groups only build the graph;
// candidate pairs are verified inside each component's Deduper (each
// pair once per query, as Dedupe does), not in the band groups, so that
// the per-bucket cap and the representative rule are the library's own.
// The first-copy rule is kept (the command's default); -threshold,
// -layout and -entities are the command's flags.
//
// -stats prints the job's counters to standard error: articles, keys,
// edges, labels changed and offers per round, the size of the largest
// component.
//
// The runner is -runner: prism (the default, in process), direct, or
// flink, spark and universal (a portable job server, -endpoint); build
// with -tags dataflow for dataflow and gs:// paths. See the README.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	//lint:ignore SA1019 the direct runner is deprecated for Prism, but it is the in-process fallback where Prism cannot listen on loopback.
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/direct"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/flink"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/spark"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/universal"
)

func main() {
	cfg := defaultConfig()
	flag.StringVar(&cfg.Input, "input", "", "glob of the dump files to read (required)")
	flag.StringVar(&cfg.Output, "output", "", "JSON Lines file to write the kept articles to (required)")
	flag.Float64Var(&cfg.Threshold, "threshold", cfg.Threshold, "similarity at which two articles are one story, as newsdump's -threshold")
	flag.StringVar(&cfg.Layout, "layout", cfg.Layout, "auto, dump or page, as newsdump's -layout")
	flag.BoolVar(&cfg.Entities, "entities", cfg.Entities, `add "entities" to each article, as newsdump's -entities`)
	flag.IntVar(&cfg.Rounds, "rounds", cfg.Rounds, "label-propagation rounds to unroll; a run that needs more fails")
	stats := flag.Bool("stats", false, "print the run's counters (graph size, rounds, largest component) to standard error")
	runner := flag.String("runner", "prism", "Beam runner: prism, direct, flink, spark, universal (dataflow with -tags dataflow)")
	flag.Parse()
	beam.Init()
	if err := cfg.check(); err != nil {
		fmt.Fprintln(os.Stderr, "beam:", err)
		os.Exit(2)
	}
	res, err := run(context.Background(), *runner, cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, "beam:", err)
		os.Exit(1)
	}
	if *stats {
		res.print(os.Stderr)
	}
	if res.parseErrors > 0 {
		fmt.Fprintf(os.Stderr, "beam: %d files could not be read or parsed whole (see the workers' logs)\n", res.parseErrors)
		os.Exit(1)
	}
}

func (c config) check() error {
	switch {
	case c.Input == "" || c.Output == "":
		return fmt.Errorf("-input and -output are required")
	case !(c.Threshold > 0 && c.Threshold <= 1):
		return fmt.Errorf("-threshold %v: want a number in (0, 1]", c.Threshold)
	case c.Layout != "auto" && c.Layout != "dump" && c.Layout != "page":
		return fmt.Errorf("-layout %q: want auto, dump or page", c.Layout)
	case c.Rounds < 1:
		return fmt.Errorf("-rounds %d: want at least 1", c.Rounds)
	}
	return nil
}

// result is what a run reports besides its output file.
type result struct {
	parseErrors int64
	counters    map[string]int64 // by name, summed over steps
	largest     int64            // the largest component's size
}

// print writes the counters, one per line, by name, and the largest
// component.
func (r result) print(w io.Writer) {
	names := slices.Sorted(maps.Keys(r.counters))
	for _, n := range names {
		fmt.Fprintf(w, "%s\t%d\n", n, r.counters[n])
	}
	fmt.Fprintf(w, "largest_component\t%d\n", r.largest)
}

// run builds the pipeline and runs it on runner.
func run(ctx context.Context, runner string, cfg config) (result, error) {
	p, s := beam.NewPipelineWithRoot()
	build(s, cfg)
	pr, err := beam.Run(ctx, runner, p)
	if err != nil {
		return result{}, err
	}
	res := result{counters: map[string]int64{}}
	if pr == nil {
		return res, nil
	}
	m := pr.Metrics().AllMetrics()
	for _, c := range m.Counters() {
		res.counters[c.Name()] += c.Result()
	}
	for _, d := range m.Distributions() {
		if d.Name() == "component_size" {
			res.largest = max(res.largest, d.Result().Max)
		}
	}
	res.parseErrors = res.counters["parse_errors"]
	return res, nil
}
