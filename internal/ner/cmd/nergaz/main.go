// Command nergaz builds the tagger's compact gazetteer,
// internal/ner/data/gazetteer.txt, from the lists in ../shared/ner/gazetteers
// (see that folder's README for their sources and licences).
//
// Beside those it reads the organisation and sports-team lists of the npm
// package compromise (MIT), extracted into lists/ by lists/compromise.mjs,
// and the brand and operator names of the npm package
// name-suggestion-index (BSD 3-Clause), extracted by lists/nsi.mjs. The
// entries of the larger lists are cleaned (see clean): a name that is also
// a common word, a place or a person's name is left out. The
// name-suggestion-index names are class R (ner.GOrgNames), which the
// entity rules read like the organisations (O) and the tagger's features
// do not: with them as features the holdout model scored the same on the
// dev files, and the embedded model's figures moved by as much as another
// training seed moves them.
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
	"github.com/newsdump/newsdump/internal/atomicfile"
	"github.com/newsdump/newsdump/internal/ner"
	"github.com/newsdump/newsdump/internal/ner/conll"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// sources maps each list to its class letter in package ner. A file
// under lists/ is in this folder (kept whatever the case of its entries);
// the others are read from -in.
var sources = []struct {
	file, class string
	clean       bool // leave out common words, places and people's names
}{
	{"first_names.txt", "F", false},
	{"last_names.txt", "L", false},
	{"countries.txt", "C", false},
	{"capitals.txt", "K", false},
	{"cities15000.txt", "Y", false},
	{"demonyms.txt", "D", false},
	{"wordnet/org_all.txt", "O", false},
	{"wordnet/noun.group.txt", "O", false},
	{"wordnet/noun.location.txt", "W", false},
	{"wordnet/noun.person.txt", "P", false},
	{"lists/compromise-orgs.txt", "O", false},
	{"lists/compromise-teams.txt", "O", false},
	{"lists/nsi-orgs.txt", "R", true},
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
	// known holds the lower-cased names read so far, by class letter, for
	// clean; the V lines are the common words.
	known := map[string]map[string]bool{}
	for _, l := range lines {
		c, w, _ := strings.Cut(l, "\t")
		add(known, c, w)
	}
	dropped := 0
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
			if s.clean && !clean(name, known) {
				dropped++
				continue
			}
			add(known, s.class, strings.ToLower(name))
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
	if err := atomicfile.WriteFile(*out, []byte(strings.Join(lines, "\n")+"\n")); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "%d entries (%d names of the cleaned lists left out)\n", len(lines), dropped)
}

func add(known map[string]map[string]bool, class, low string) {
	if known[class] == nil {
		known[class] = map[string]bool{}
	}
	known[class][low] = true
}

// clean reports whether name, from one of the larger organisation lists,
// is kept: not a place (country, capital, city, other place) nor a
// nationality word ("Bristol", "Bavaria"); if one word, not a common
// lower-case word nor a first or family name ("Luna", "Adler", "Morgan");
// if longer, each word but
// the short joining ones capitalised ("A nice Holiday" is no name), and
// not a first name followed by a first or family name ("Ethan Allen",
// "Ralph Lauren"), which news more often uses for the person. A longer
// name of common words ("Colonial Pipeline", "National Weather Service")
// is kept: the entity rules take a gazetteer name only when its first and
// last words are capitalised.
func clean(name string, known map[string]map[string]bool) bool {
	low := strings.ToLower(name)
	for _, c := range []string{"C", "K", "Y", "W", "D"} {
		if known[c][low] {
			return false
		}
	}
	var words []string
	for _, t := range ner.Tokenize(name, nil) {
		w := name[t.Start:t.End]
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		lw := strings.ToLower(w)
		if !stopWords[lw] && !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
		words = append(words, lw)
	}
	if len(words) == 0 {
		return false
	}
	if len(words) == 1 {
		w := words[0]
		return !known["V"][w] && !known["F"][w] && !known["L"][w]
	}
	// A person: a first name, perhaps a middle name or initial, and a
	// first or family name that is no common word ("Asia Commercial Bank"
	// is no person).
	name1 := func(w string) bool { return (known["F"][w] || known["L"][w]) && !known["V"][w] }
	switch len(words) {
	case 2:
		return !(known["F"][words[0]] && name1(words[1]))
	case 3:
		return !(known["F"][words[0]] && (len(words[1]) == 1 || name1(words[1])) && name1(words[2]))
	}
	return true
}

// stopWords are the short words that join the words of a name, written
// in lower case ("Bank of America", "Banco do Brasil").
var stopWords = map[string]bool{
	"of": true, "the": true, "and": true, "for": true, "a": true, "an": true, "in": true, "on": true,
	"at": true, "by": true, "to": true, "de": true, "do": true, "da": true, "dos": true, "das": true,
	"di": true, "del": true, "della": true, "la": true, "le": true, "les": true, "des": true, "du": true,
	"der": true, "die": true, "und": true, "et": true, "y": true, "e": true, "van": true, "von": true,
	"al": true, "el": true,
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
