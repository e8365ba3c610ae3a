// Command nercompare scores newsdump.ExtractEntities and the Go peer
// github.com/jdkato/prose/v2 on the same evaluation sets, exact span and
// type (PERSON→PER, ORG→ORG, LOCATION and GPE→LOC), and times both on the
// sample dumps. It is a separate module so that importing newsdump never
// pulls prose in. From this folder:
//
//	go run . -data ../../../shared/ner
//
// prose gives no offsets: its entities are placed at the first occurrence
// of their text after the previous one, which is what a user would have
// to do too.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/jdkato/prose/v2"
	"github.com/newsdump/newsdump"
	"github.com/newsdump/newsdump/internal/ner/conll"
)

func main() {
	data := flag.String("data", "../../../shared/ner", "folder holding eval/ and train/gum")
	flag.Parse()
	gum, err := conll.GUMFiles(filepath.Join(*data, "train", "gum"), "test")
	check(err)
	sets := []struct {
		name  string
		files []string
	}{
		{"uner_en_pud", []string{filepath.Join(*data, "eval", "uner_en_pud", "en_pud-ud-test.iob2")}},
		{"gum_test", gum},
	}
	for _, s := range sets {
		sents, err := conll.ReadFiles(s.files...)
		check(err)
		for _, x := range []struct {
			name string
			f    conll.Extractor
		}{{"newsdump", newsdumpSpans}, {"prose", proseSpans}} {
			r := conll.Score(sents, x.f)
			r.Write(os.Stdout, s.name+" "+x.name)
			fmt.Println()
		}
	}
	var text []byte
	for _, d := range []string{"../../testdata/000_9e4be9335a49f043.txt", "../../testdata/001_9335ce0f20af1e91.txt"} {
		b, err := os.ReadFile(d)
		check(err)
		text = append(text, b...)
	}
	// newsdump is called per line (paragraph), as Article.Entities does;
	// prose gets the whole text as one document, so that its model is
	// loaded once per run rather than once per line.
	lines := strings.Split(string(text), "\n")
	for _, x := range []struct {
		name string
		reps int
		f    func()
	}{
		{"newsdump", 200, func() {
			for _, l := range lines {
				newsdump.ExtractEntities(l)
			}
		}},
		{"prose", 3, func() {
			if d, err := prose.NewDocument(string(text)); err == nil {
				d.Entities()
			}
		}},
	} {
		newsdump.ExtractEntities("warm up")
		start := time.Now()
		for r := 0; r < x.reps; r++ {
			x.f()
		}
		el := time.Since(start)
		mb := float64(len(text)*x.reps) / 1e6
		fmt.Printf("%s: %.2f MB in %v: %.3f MB/s\n", x.name, mb, el.Round(time.Millisecond), mb/el.Seconds())
	}
	fmt.Println("prose labels:", labels)
}

func newsdumpSpans(text string) []conll.Span {
	var out []conll.Span
	for _, e := range newsdump.ExtractEntities(text) {
		if t := corpusType(string(e.Type)); t != "" {
			out = append(out, conll.Span{Start: e.Start, End: e.End, Type: t})
		}
	}
	return out
}

func proseSpans(text string) []conll.Span {
	d, err := prose.NewDocument(text, prose.WithSegmentation(false))
	if err != nil {
		return nil
	}
	var out []conll.Span
	pos := 0
	for _, e := range d.Entities() {
		labels[e.Label]++
		k := strings.Index(text[pos:], e.Text)
		if k < 0 {
			continue
		}
		start := pos + k
		pos = start + len(e.Text)
		if t := corpusType(e.Label); t != "" {
			out = append(out, conll.Span{Start: start, End: pos, Type: t})
		}
	}
	return out
}

// labels counts prose's entity labels, printed at the end.
var labels = map[string]int{}

func corpusType(label string) string {
	switch label {
	case "PERSON":
		return "PER"
	case "ORG", "ORGANIZATION":
		return "ORG"
	case "LOCATION", "GPE", "GSP", "LOC":
		return "LOC"
	}
	return ""
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
