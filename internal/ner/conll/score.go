package conll

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// ScoredTypes are the entity types scored, in report order.
var ScoredTypes = []string{"PER", "ORG", "LOC"}

// Counts are exact-span matches for one type.
type Counts struct {
	TP, FP, FN int
}

// Precision, Recall and F1 are percentages; 0 when undefined.
func (c Counts) Precision() float64 { return pct(c.TP, c.TP+c.FP) }
func (c Counts) Recall() float64    { return pct(c.TP, c.TP+c.FN) }
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// Report holds the counts per type and over all scored types.
type Report struct {
	ByType map[string]Counts
	All    Counts
}

// Extractor tags raw text; spans carry the corpus types PER, ORG, LOC
// (anything else is ignored).
type Extractor func(text string) []Span

// Score runs extract on every sentence and counts exact-span matches of
// the same type.
func Score(sents []Sentence, extract Extractor) Report {
	r := Report{ByType: map[string]Counts{}}
	scored := map[string]bool{}
	for _, t := range ScoredTypes {
		scored[t] = true
	}
	for _, s := range sents {
		gold := map[Span]bool{}
		for _, g := range s.Spans {
			if scored[g.Type] {
				gold[g] = true
			}
		}
		seen := map[Span]bool{}
		for _, p := range extract(s.Text) {
			if !scored[p.Type] || seen[p] {
				continue
			}
			seen[p] = true
			c := r.ByType[p.Type]
			if gold[p] {
				c.TP++
				delete(gold, p)
			} else {
				c.FP++
			}
			r.ByType[p.Type] = c
		}
		for g := range gold {
			c := r.ByType[g.Type]
			c.FN++
			r.ByType[g.Type] = c
		}
	}
	for _, c := range r.ByType {
		r.All.TP += c.TP
		r.All.FP += c.FP
		r.All.FN += c.FN
	}
	return r
}

// Write prints the report as a Markdown table.
func (r Report) Write(w io.Writer, name string) {
	fmt.Fprintf(w, "| %s | P | R | F1 | gold |\n|---|---:|---:|---:|---:|\n", name)
	row := func(t string, c Counts) {
		fmt.Fprintf(w, "| %s | %.1f | %.1f | %.1f | %d |\n", t, c.Precision(), c.Recall(), c.F1(), c.TP+c.FN)
	}
	for _, t := range ScoredTypes {
		row(t, r.ByType[t])
	}
	row("all", r.All)
}

// ReadFiles reads and concatenates several files.
func ReadFiles(paths ...string) ([]Sentence, error) {
	var out []Sentence
	for _, p := range paths {
		s, err := ReadFile(p)
		if err != nil {
			return out, err
		}
		out = append(out, s...)
	}
	return out, nil
}

// GUMFiles lists the GUM documents of one split ("train", "dev" or "test")
// that are present in dir: dir/files.SPLIT names them, one a line.
func GUMFiles(dir, split string) ([]string, error) {
	data, err := os.ReadFile(filepath.Join(dir, "files."+split))
	if err != nil {
		return nil, err
	}
	var out []string
	for _, name := range strings.Fields(string(data)) {
		p := filepath.Join(dir, name+".iob2")
		if _, err := os.Stat(p); err == nil {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out, nil
}
