// Command metaeval scores pagemeta.Find on the hand-annotated dev pages:
// authors exact-set accuracy and date accuracy at the gold's precision,
// and lists the misses.
//
//	go run ./internal/pagemeta/cmd/metaeval [-dir /work/shared/extract] [-conv inscriptis] [-anchor=true]
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/newsdump/newsdump/internal/pagemeta/internal/deveval"
)

func main() {
	dir := flag.String("dir", "/work/shared/extract", "extract directory (dev_meta.json, dev/)")
	conv := flag.String("conv", "inscriptis", "converter text: inscriptis or html-text")
	anchor := flag.Bool("anchor", true, "anchor on the annotated headline's line; false reads from the top")
	quiet := flag.Bool("q", false, "print the numbers only")
	flag.Parse()
	res, err := deveval.Run(*dir, deveval.Options{Converter: *conv, Anchor: *anchor})
	if err != nil {
		fmt.Fprintln(os.Stderr, "metaeval:", err)
		os.Exit(1)
	}
	if !*quiet {
		for _, m := range res.Misses {
			fmt.Printf("miss %s %-7s gold=%s got=%s (line %d)\n", m.Name, m.Field, m.Gold, m.Got, m.Line)
		}
	}
	fmt.Printf("conv=%s anchor=%v pages=%d\n", *conv, *anchor, res.Pages)
	fmt.Printf("authors exact-set: %d/%d = %.3f\n", res.AuthorsCorrect, res.Pages, res.AuthorsAcc())
	fmt.Printf("date (gold non-null): %d/%d = %.3f\n", res.DateCorrect, res.DatePages, res.DateAcc())
	fmt.Printf("date null pages with nothing found: %d/%d\n", res.NullCorrect, res.NullPages)
}
