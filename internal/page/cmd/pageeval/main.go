// Command pageeval scores internal/page on the annotated pages of the
// shared extraction benchmark, per converter: body precision, recall and
// F1 (the benchmark's shingle scoring), headline exact-match accuracy,
// and the worst pages.
//
//	go run ./internal/page/cmd/pageeval                # embedded model, in-sample
//	go run ./internal/page/cmd/pageeval -cv 5          # 5-fold cross-validation by site
//	go run ./internal/page/cmd/pageeval -baseline      # keep the whole page
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/newsdump/newsdump/internal/page"
	"github.com/newsdump/newsdump/internal/page/eval"
)

func main() {
	data := flag.String("data", "../shared/extract", "directory holding dev/, dev_meta.json and dev_pages.json")
	cv := flag.Int("cv", 0, "if > 1, train on k-1 folds (grouped by site) and score the held-out fold")
	baseline := flag.Bool("baseline", false, "score keeping every non-blank line (sanity check of the scorer)")
	worst := flag.Int("worst", 10, "list this many worst pages per converter")
	modelPath := flag.String("model", "", "model file to use instead of the embedded one")
	badTitles := flag.Bool("titles", false, "list the pages whose headline is wrong")
	show := flag.String("show", "", "print page NAME line by line with its classes (G marks lines found in the gold body)")
	var o page.TrainOptions
	eval.OptionFlags(flag.CommandLine, &o)
	flag.Parse()
	pages, err := eval.Load(*data)
	if err != nil {
		log.Fatal(err)
	}
	if *show != "" {
		ex := page.Extract
		if *cv > 1 {
			// Train without the shown page's fold, as cross-validation does.
			folds := eval.Folds(pages, *cv)
			var train []*eval.Page
			for _, p := range pages {
				if p.Name == *show {
					for _, q := range pages {
						if folds[q] != folds[p] {
							train = append(train, q)
						}
					}
				}
			}
			m, err := page.Train(eval.Examples(train), o)
			if err != nil {
				log.Fatal(err)
			}
			ex = m.Extract
		}
		showPage(pages, *show, ex)
		return
	}
	var reps []eval.Report
	switch {
	case *cv > 1:
		reps, err = eval.CrossValidate(pages, *cv, o)
		if err != nil {
			log.Fatal(err)
		}
	default:
		ex := page.Extract
		if *baseline {
			ex = keepAll
		} else if *modelPath != "" {
			b, err := os.ReadFile(*modelPath)
			if err != nil {
				log.Fatal(err)
			}
			m := new(page.Model)
			if err := m.UnmarshalBinary(b); err != nil {
				log.Fatal(err)
			}
			ex = m.Extract
		}
		for _, c := range eval.Converters {
			reps = append(reps, eval.Run(pages, c, ex))
		}
	}
	for _, r := range reps {
		fmt.Printf("%-10s P %.4f  R %.4f  F1 %.4f  title %d/%d (%.1f%%)  nav-titles %d\n",
			r.Converter, r.P, r.R, r.F1, r.TitleOK, r.Pages, 100*float64(r.TitleOK)/float64(r.Pages), r.NavTitles)
	}
	for _, r := range reps {
		if !*badTitles {
			break
		}
		fmt.Printf("\nwrong %s headlines:\n", r.Converter)
		for _, w := range r.PerPage {
			if !w.TitleOK {
				fmt.Printf("  %s got %q\n  %s want %q\n", w.Page.Name, trunc(w.Title, 70), strings.Repeat(" ", len(w.Page.Name)), trunc(w.Page.Title, 70))
			}
		}
	}
	for _, r := range reps {
		if *worst <= 0 {
			break
		}
		fmt.Printf("\nworst %s pages:\n", r.Converter)
		for _, w := range r.Worst(*worst) {
			p, _ := w.Score.Precision()
			fmt.Printf("  %s F1 %.3f P %.3f R %.3f  %-28s title ok=%v %q\n", w.Page.Name, w.F1, p, w.Score.Recall(), w.Page.Site, w.TitleOK, trunc(w.Title, 60))
		}
	}
}

func keepAll(lines []string) page.Result {
	r := page.Result{Title: -1, Class: make([]page.Class, len(lines)), Reason: make([]page.Reason, len(lines))}
	for i, l := range lines {
		if t := strings.TrimSpace(l); t != "" {
			r.Body = append(r.Body, i)
			r.Paragraphs = append(r.Paragraphs, t)
			r.Class[i] = page.Body
		}
	}
	return r
}

func trunc(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

func showPage(pages []*eval.Page, name string, extract eval.Extractor) {
	for _, p := range pages {
		if p.Name != name {
			continue
		}
		fmt.Printf("%s %s\ntitle %q\n", p.Name, p.URL, p.Title)
		for _, c := range eval.Converters {
			lines := p.Lines[c]
			r := extract(lines)
			fmt.Printf("\n=== %s\n", c)
			for i, l := range lines {
				t := strings.TrimSpace(l)
				if t == "" {
					continue
				}
				g := " "
				if strings.Contains(p.Gold, strings.TrimLeft(t, "*+- ")) {
					g = "G"
				}
				fmt.Printf("%4d %s %-11s %-28s %s\n", i, g, r.Class[i], r.Reason[i], trunc(l, 110))
			}
		}
	}
}
