// Command parseeval runs newsdump.Parse on every annotated page of
// ../shared/extract, both converters' text, and prints the body's
// precision, recall and F1 by the benchmark's scoring, how often a page
// gave one article, its title, authors and date, and the worst pages:
//
//	go run ./internal/pageeval/cmd/parseeval [-dir ../shared/extract] [-worst 10] [-layout auto|dump|page]
//
// -layout dump scores Parse as it read pages before it knew page text
// (the whole page kept, nearly).
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/newsdump/newsdump"
	"github.com/newsdump/newsdump/internal/pageeval"
)

func main() {
	dir := flag.String("dir", "../shared/extract", "the directory with dev/ and dev_meta.json")
	worst := flag.Int("worst", 10, "how many of the worst pages to list")
	layout := flag.String("layout", "auto", "auto, dump or page: the layout Parse is told")
	flag.Parse()
	pages, err := pageeval.Load(*dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "parseeval:", err)
		os.Exit(1)
	}
	var opts []newsdump.ParseOption
	switch *layout {
	case "dump":
		opts = append(opts, newsdump.WithLayout(newsdump.LayoutDump))
	case "page":
		opts = append(opts, newsdump.WithLayout(newsdump.LayoutPage))
	}
	fmt.Printf("%-10s %5s %6s %6s %6s %9s %7s %9s %5s %8s %6s\n", "converter", "pages", "P", "R", "F1", "1 article", "title", "unrelated", "menu", "authors", "date")
	var reps []*pageeval.Report
	for _, c := range pageeval.Converters {
		r := pageeval.Evaluate(pages, c, opts...)
		reps = append(reps, r)
		fmt.Printf("%-10s %5d %6.4f %6.4f %6.4f %9d %7d %9d %5d %8d %6d\n", c, r.Pages, r.Precision, r.Recall, r.F1, r.OneArticle, r.TitleOK, r.Unrelated, r.Menus, r.AuthorsOK, r.DatesOK)
	}
	for _, r := range reps {
		fmt.Printf("\n%s: authors given on %d pages (%d wrong), %d pages name authors; dates given on %d (%d wrong), %d pages have one\n",
			r.Converter, r.AuthorsFound, r.AuthorsWrong, r.WithAuthors, r.DatesFound, r.DatesWrong, r.WithDates)
		for _, err := range r.ParseErrors {
			fmt.Println("  error:", err)
		}
		fmt.Printf("worst %d:\n", *worst)
		for _, w := range r.Worst(*worst) {
			p, _ := w.Score.Precision()
			fmt.Printf("  %s  P %.3f R %.3f  %d articles  title %q\n", w.Name, p, w.Score.Recall(), w.Articles, w.Title)
		}
	}
}
