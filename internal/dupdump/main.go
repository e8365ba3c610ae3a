// Command dupdump writes a synthetic set of dump files (internal/dupgen)
// into a directory, for tests outside this module: an internal package
// cannot be imported from another module, but its command can be run
// from this one.
//
// Usage:
//
//	go run ./internal/dupdump -n 1000 -seed 1 -shared ../shared DIR
//
// It writes each generated file under DIR by its generated name
// ("site07/0003.txt"). The base stories come from the corpora under
// SHARED/ner/train only (not from the sample dumps, which the root
// module's quality tests add), so the set depends on nothing but n, the
// seed and the corpora. The exit status is 1 on error, 2 on a usage error.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/newsdump/newsdump/internal/dupgen"
)

func main() {
	n := flag.Int("n", 1000, "number of articles (pages) to generate")
	seed := flag.Uint64("seed", 1, "generator seed: the same seed gives the same files")
	shared := flag.String("shared", filepath.Join("..", "shared"), "the project's shared data directory")
	flag.Parse()
	if flag.NArg() != 1 || *n <= 0 {
		fmt.Fprintln(os.Stderr, "usage: dupdump [-n N] [-seed S] [-shared DIR] OUTDIR")
		os.Exit(2)
	}
	if err := write(flag.Arg(0), *n, *seed, filepath.Join(*shared, "ner", "train")); err != nil {
		fmt.Fprintln(os.Stderr, "dupdump:", err)
		os.Exit(1)
	}
}

func write(out string, n int, seed uint64, train string) error {
	sents, err := dupgen.LoadSentences(train)
	if err != nil {
		return err
	}
	if len(sents) == 0 {
		return fmt.Errorf("%s: no corpus sentences found", train)
	}
	res := dupgen.Generate(dupgen.Config{N: n, Seed: seed, Sentences: sents})
	for _, f := range res.Files {
		path := filepath.Join(out, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
