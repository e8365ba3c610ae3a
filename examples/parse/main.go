// Parse is a small program built on newsdump: it prints an outline of each
// article in the dumps named on the command line: where the article
// starts, its title, photo credits, paragraph count and ID.
//
//	go run ./examples/parse testdata/000_9e4be9335a49f043.txt
package main

import (
	"fmt"
	"io"
	"log"
	"os"

	"github.com/newsdump/newsdump"
)

func main() {
	log.SetFlags(0)
	if len(os.Args) < 2 {
		log.Fatal("usage: parse DUMP ...")
	}
	for _, name := range os.Args[1:] {
		if err := outline(os.Stdout, name); err != nil {
			log.Fatal(err) // a *newsdump.ParseError names the file and line
		}
	}
}

// outline prints the outline of every article in the dump file name.
func outline(w io.Writer, name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	// A Reader holds one article at a time, however large the dump.
	r := newsdump.NewReader(f, newsdump.WithFile(name))
	for a, err := range r.All() {
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%s:%d  %s\n", a.Source.File, a.Source.Line, a.Title)
		for _, c := range a.Captions {
			fmt.Fprintf(w, "    photo (%s)\n", c.Credit)
		}
		fmt.Fprintf(w, "    %d paragraphs, id %s\n", len(a.Paragraphs), a.ID)
	}
	return nil
}
