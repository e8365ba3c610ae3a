// Command nertrain trains the entity tagger embedded in newsdump and
// writes internal/ner/data/model.bin. It reads only ../shared/ner/train
// (never eval/): UNER English-EWT (train, dev and test files), the GUM
// documents listed in files.train and files.dev, and wikigold. From the
// repository root:
//
//	go run ./internal/ner/cmd/nertrain -data ../shared/ner -out internal/ner/data/model.bin
//
// or, with the gazetteer first, "go generate ./internal/ner". With
// -holdout the EWT and GUM dev files are left out: rules and features are
// tuned with such a model on those files (nereval -gum dev, and
// en_ewt-ud-dev.iob2), which the embedded model has seen. Training is
// deterministic for a given -seed and takes a few seconds on one core.
//
// The gold spans are cleaned on the way in: titles at the start of a
// person span ("Professor X", a GUM habit) are left out, a person span
// that is one nationality word ("Americans") becomes an other-name span,
// and OTH and MISC spans are learnt as other names, which ExtractEntities
// never outputs but which keep the tagger from calling them O.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/newsdump/newsdump/internal/ner"
	"github.com/newsdump/newsdump/internal/ner/conll"
)

func main() {
	data := flag.String("data", "../shared/ner", "folder holding train/")
	out := flag.String("out", "internal/ner/data/model.bin", "model file to write")
	epochs := flag.Int("epochs", 8, "passes over the training data")
	seed := flag.Uint64("seed", 1, "shuffling seed")
	holdout := flag.Bool("holdout", false, "leave out the EWT and GUM dev files, for a model to tune the rules on them (never embed it)")
	flag.Parse()
	if err := run(*data, *out, *epochs, *seed, *holdout); err != nil {
		fmt.Fprintln(os.Stderr, "nertrain:", err)
		os.Exit(1)
	}
}

func run(data, out string, epochs int, seed uint64, holdout bool) error {
	train := filepath.Join(data, "train")
	files, err := filepath.Glob(filepath.Join(train, "uner_en_ewt", "*.iob2"))
	if err != nil {
		return err
	}
	splits := []string{"train", "dev"}
	if holdout {
		files = slices.DeleteFunc(files, func(f string) bool { return strings.HasSuffix(f, "-dev.iob2") })
		splits = splits[:1]
	}
	gum := filepath.Join(train, "gum")
	for _, split := range splits {
		f, err := conll.GUMFiles(gum, split)
		if err != nil {
			return err
		}
		files = append(files, f...)
	}
	files = append(files, filepath.Join(train, "wikigold", "wikigold.conll.txt"))
	sents, err := conll.ReadFiles(files...)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "%d files, %d sentences\n", len(files), len(sents))
	m := ner.Train(sents, ner.DefaultGazetteer(), epochs, seed, os.Stderr)
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := m.Encode(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
