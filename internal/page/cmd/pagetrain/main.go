// Command pagetrain trains the model internal/page embeds, from the
// annotated pages of the shared extraction benchmark:
//
//	go run ./internal/page/cmd/pagetrain -data ../shared/extract -out internal/page/data/model.bin
//
// Only weights are written; no page text ends up in the model file.
package main

import (
	"flag"
	"fmt"
	"log"

	"github.com/newsdump/newsdump/internal/atomicfile"
	"github.com/newsdump/newsdump/internal/page"
	"github.com/newsdump/newsdump/internal/page/eval"
)

func main() {
	data := flag.String("data", "../shared/extract", "directory holding dev/, dev_meta.json and dev_pages.json")
	out := flag.String("out", "internal/page/data/model.bin", "model file to write")
	var o page.TrainOptions
	eval.OptionFlags(flag.CommandLine, &o)
	flag.Parse()
	pages, err := eval.Load(*data)
	if err != nil {
		log.Fatal(err)
	}
	m, err := page.Train(eval.Examples(pages), o)
	if err != nil {
		log.Fatal(err)
	}
	b, err := m.MarshalBinary()
	if err != nil {
		log.Fatal(err)
	}
	if err := atomicfile.WriteFile(*out, b); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("trained on %d pages, wrote %s (%d bytes)\n", len(pages), *out, len(b))
}
