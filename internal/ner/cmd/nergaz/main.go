// Command nergaz builds the tagger's compact gazetteer,
// internal/ner/data/gazetteer.txt, from the lists in ../shared/ner/gazetteers
// (see that folder's README for their sources and licences).
//
// Each output line is "C<TAB>name" with C a class letter of package ner.
// Only names written in Latin script are kept (the tagger reads English
// news), at most eight tokens long, sorted and without duplicates, so the
// output is the same on every run. From the repository root:
//
//	go run ./internal/ner/cmd/nergaz -in ../shared/ner/gazetteers -out internal/ner/data/gazetteer.txt
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
)

// sources maps each list to its class letter in package ner.
var sources = []struct{ file, class string }{
	{"first_names.txt", "F"},
	{"last_names.txt", "L"},
	{"countries.txt", "C"},
	{"capitals.txt", "K"},
	{"cities15000.txt", "Y"},
	{"demonyms.txt", "D"},
	{"wordnet/org_all.txt", "O"},
	{"wordnet/noun.group.txt", "O"},
	{"wordnet/noun.location.txt", "W"},
	{"wordnet/noun.person.txt", "P"},
}

func main() {
	in := flag.String("in", "../shared/ner/gazetteers", "folder of the source lists")
	out := flag.String("out", "internal/ner/data/gazetteer.txt", "file to write")
	flag.Parse()
	seen := map[string]bool{}
	var lines []string
	for _, s := range sources {
		f, err := os.Open(filepath.Join(*in, s.file))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			name := strings.TrimSpace(sc.Text())
			if !keep(name) {
				continue
			}
			l := s.class + "\t" + name
			if !seen[l] {
				seen[l] = true
				lines = append(lines, l)
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	sort.Strings(lines)
	if err := os.WriteFile(*out, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "%d entries\n", len(lines))
}

// keep accepts Latin-script names of two or more letters with a capital
// (lower-case WordNet entries are common nouns, not names).
func keep(name string) bool {
	if len(name) < 2 || len(strings.Fields(name)) > 8 {
		return false
	}
	upper := false
	for _, r := range name {
		if r > 0x24F && r != '’' {
			return false
		}
		if unicode.IsUpper(r) {
			upper = true
		}
	}
	return upper
}
