// Command nereval scores newsdump.ExtractEntities on gold IOB/CoNLL files:
// each sentence is turned back into raw text, tagged, and the PERSON, ORG
// and LOCATION entities are compared with the gold PER, ORG and LOC spans
// (exact span and type). From the repository root:
//
//	go run ./internal/ner/cmd/nereval ../shared/ner/eval/uner_en_pud/en_pud-ud-test.iob2
//	go run ./internal/ner/cmd/nereval -gum test ../shared/ner/train/gum
//
// With -skip-unlabelled a span found exactly where the corpus leaves a name
// without a label (conll.Sentence.Unlabelled: GUM's "the United States")
// is not counted against the tagger; the figures the README quotes are
// scored without it. With -errors it also prints every missed and spurious span; with
// -tagger it scores the labels of the statistical tagger (internal/ner)
// alone, to tell its errors from those of the rules. With -model it uses
// the weights in that file (from nertrain -out) instead of the embedded
// ones, so that a model trained with nertrain -holdout is scored on the
// dev files it left out without rebuilding the package:
//
//	go run ./internal/ner/cmd/nertrain -holdout -out /tmp/holdout.bin
//	go run ./internal/ner/cmd/nereval -model /tmp/holdout.bin -gum dev ../shared/ner/train/gum
//	go run ./internal/ner/cmd/nereval -model /tmp/holdout.bin ../shared/ner/train/uner_en_ewt/en_ewt-ud-dev.iob2
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/newsdump/newsdump"
	"github.com/newsdump/newsdump/internal/ner"
	"github.com/newsdump/newsdump/internal/ner/conll"
)

func main() {
	gum := flag.String("gum", "", "read the GUM documents of this split (train, dev, test) from the folder argument")
	errs := flag.Bool("errors", false, "print the wrong spans")
	tagger := flag.Bool("tagger", false, "score the statistical tagger alone, without the rules of ExtractEntities")
	skipUnlabelled := flag.Bool("skip-unlabelled", false, "do not count spans found exactly at a name the corpus leaves unlabelled (GUM's \"the United States\")")
	model := flag.String("model", "", "use the tagger weights in this file (written by nertrain) instead of the embedded ones")
	flag.Parse()
	if *model != "" {
		data, err := os.ReadFile(*model)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		m, err := ner.Decode(data, ner.DefaultGazetteer())
		if err != nil {
			fmt.Fprintln(os.Stderr, *model+":", err)
			os.Exit(1)
		}
		ner.DefaultModel = func() (*ner.Model, error) { return m, nil }
	}
	extract := Spans
	if *tagger {
		extract = TaggerSpans
	}
	files := flag.Args()
	name := strings.Join(files, " ")
	if *gum != "" && len(files) == 1 {
		var err error
		files, err = conll.GUMFiles(files[0], *gum)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		name = "GUM " + *gum
	}
	sents, err := conll.ReadFiles(files...)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if *skipUnlabelled {
		extract = skipping(sents, extract)
	}
	r := conll.Score(sents, extract)
	r.Write(os.Stdout, name)
	if *errs {
		for _, s := range sents {
			gold := map[conll.Span]bool{}
			for _, g := range s.Spans {
				gold[g] = true
			}
			pred := map[conll.Span]bool{}
			for _, p := range extract(s.Text) {
				pred[p] = true
			}
			for _, g := range s.Spans {
				if (g.Type == "PER" || g.Type == "ORG" || g.Type == "LOC") && !pred[g] {
					fmt.Printf("MISS %s %q\t| %s\n", g.Type, s.Text[g.Start:g.End], s.Text)
				}
			}
			for p := range pred {
				if !gold[p] {
					fmt.Printf("FALSE %s %q\t| %s\n", p.Type, s.Text[p.Start:p.End], s.Text)
				}
			}
		}
	}
}

// skipping returns extract without the spans that are exactly one of the
// Unlabelled spans of a sentence of that text.
func skipping(sents []conll.Sentence, extract func(string) []conll.Span) func(string) []conll.Span {
	unl := map[string]map[[2]int]bool{}
	for _, s := range sents {
		for _, u := range s.Unlabelled {
			if unl[s.Text] == nil {
				unl[s.Text] = map[[2]int]bool{}
			}
			unl[s.Text][[2]int{u.Start, u.End}] = true
		}
	}
	return func(text string) []conll.Span {
		spans := extract(text)
		skip := unl[text]
		if skip == nil {
			return spans
		}
		out := spans[:0:0]
		for _, p := range spans {
			if !skip[[2]int{p.Start, p.End}] {
				out = append(out, p)
			}
		}
		return out
	}
}

// Spans runs ExtractEntities and keeps the scored types, named as in the
// corpora.
func Spans(text string) []conll.Span {
	var out []conll.Span
	for _, e := range newsdump.ExtractEntities(text) {
		t := ""
		switch e.Type {
		case newsdump.PERSON:
			t = "PER"
		case newsdump.ORG:
			t = "ORG"
		case newsdump.LOCATION:
			t = "LOC"
		default:
			continue
		}
		out = append(out, conll.Span{Start: e.Start, End: e.End, Type: t})
	}
	return out
}

// TaggerSpans returns the PER, ORG and LOC spans of the embedded tagger's
// labels.
func TaggerSpans(text string) []conll.Span {
	m, err := ner.DefaultModel()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var d ner.Doc
	var s ner.Scratch
	d.Reset(text, ner.DefaultGazetteer())
	labels := make([]uint8, len(d.Toks))
	m.Tag(&d, labels, &s)
	var out []conll.Span
	for i := 0; i < len(labels); {
		l := labels[i]
		t := ner.LabelTypes[l]
		if l == ner.LO || t == "MISC" || l%2 == 0 {
			i++
			continue
		}
		j := i + 1
		for j < len(labels) && labels[j] == l+1 {
			j++
		}
		out = append(out, conll.Span{Start: int(d.Toks[i].Start), End: int(d.Toks[j-1].End), Type: t})
		i = j
	}
	return out
}
