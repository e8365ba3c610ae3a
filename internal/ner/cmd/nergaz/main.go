// Command nergaz builds the tagger's compact gazetteer,
// internal/ner/data/gazetteer.txt, from the lists in ../shared/ner/gazetteers
// (see that folder's README for their sources and licences).
//
// Beside those it reads the organisation and sports-team lists of the npm
// package compromise (MIT), extracted into lists/ by lists/compromise.mjs.
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
	"github.com/newsdump/newsdump/internal/ner"
	"github.com/newsdump/newsdump/internal/ner/conll"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
)

// sources maps each list to its class letter in package ner. A file
// under lists/ is in this folder (lower-case lists, kept whatever their
// case); the others are read from -in.
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
	{"lists/compromise-orgs.txt", "O"},
	{"lists/compromise-teams.txt", "O"},
}

// notNames are entries of the compromise lists that are abbreviations or
// groups of people, not the name of one organisation.
var notNames = map[string]bool{
	"co": true, "inc": true, "ltd": true, "dept": true, "assn": true, "univ": true,
	"brexiteers": true, "eurosceptics": true, "roman empire": true, "coco chanel": true,
}

func main() {
	in := flag.String("in", "../shared/ner/gazetteers", "folder of the source lists")
	out := flag.String("out", "internal/ner/data/gazetteer.txt", "file to write")
	train := flag.String("train", "../shared/ner/train", "folder of the training corpora, for the common-word list")
	lists := flag.String("lists", "internal/ner/cmd/nergaz/lists", "folder of the lists kept in the repository")
	flag.Parse()
	seen := map[string]bool{}
	lines, err := commonWords(*train)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, s := range sources {
		path, anyCase := filepath.Join(*in, s.file), false
		if rest, ok := strings.CutPrefix(s.file, "lists/"); ok {
			path, anyCase = filepath.Join(*lists, rest), true
		}
		f, err := os.Open(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			name := strings.TrimSpace(sc.Text())
			if anyCase {
				if notNames[name] || !keep(strings.ToUpper(name)) {
					continue
				}
			} else if !keep(name) {
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

// commonWords lists, as "V<TAB>word" lines, the words written in lower
// case at least three times, not at a sentence start, in the training
// corpora (UNER EWT, the GUM train and dev documents, wikigold). A
// capitalised word that is usually lower case is probably not a name.
func commonWords(train string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(train, "uner_en_ewt", "*.iob2"))
	if err != nil {
		return nil, err
	}
	for _, split := range []string{"train", "dev"} {
		f, err := conll.GUMFiles(filepath.Join(train, "gum"), split)
		if err != nil {
			return nil, err
		}
		files = append(files, f...)
	}
	files = append(files, filepath.Join(train, "wikigold", "wikigold.conll.txt"))
	sents, err := conll.ReadFiles(files...)
	if err != nil {
		return nil, err
	}
	count := map[string]int{}
	var toks []ner.Token
	for _, s := range sents {
		toks = ner.Tokenize(s.Text, toks[:0])
		for _, t := range toks {
			w := s.Text[t.Start:t.End]
			if t.SentStart || len(w) < 2 || !allLower(w) {
				continue
			}
			count[w]++
		}
	}
	var out []string
	for w, c := range count {
		if c >= 3 {
			out = append(out, "V\t"+w)
		}
	}
	return out, nil
}

func allLower(w string) bool {
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}
