package dupgen

import (
	"bufio"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// LoadSentences reads the running text of the NER training corpora under
// dir (the shared data's ner/train folder): UNER English-EWT (each
// sentence's "# text = " comment), GUM (*.iob2: one token per line, token
// first, tab-separated, blank line between sentences) and wikigold
// (wikigold.conll.txt: "token tag" per line, -DOCSTART- between documents).
// Tokenised sentences are detokenised (see Detokenize). Sentences come in
// corpus order, grouped by document: a nil entry ends each document.
func LoadSentences(dir string) ([]string, error) {
	var out []string
	ewt, err := filepath.Glob(filepath.Join(dir, "uner_en_ewt", "*.iob2"))
	if err != nil {
		return nil, err
	}
	sort.Strings(ewt)
	for _, f := range ewt {
		if out, err = readEWT(f, out); err != nil {
			return nil, err
		}
	}
	gum, err := filepath.Glob(filepath.Join(dir, "gum", "*.iob2"))
	if err != nil {
		return nil, err
	}
	sort.Strings(gum)
	for _, f := range gum {
		if out, err = readTokens(f, out, "\t"); err != nil {
			return nil, err
		}
	}
	if out, err = readTokens(filepath.Join(dir, "wikigold", "wikigold.conll.txt"), out, " "); err != nil {
		return nil, err
	}
	if len(ewt) == 0 || len(gum) == 0 {
		return nil, os.ErrNotExist
	}
	return out, nil
}

// undoMojibake repairs the few corpus sentences that are double-encoded
// ("The good Ã³l US of A"), as the parser does, so that a generated dump
// parses into exactly the intended articles. It handles only the simple
// case the corpora have: a whole sentence whose Windows-1252 bytes are
// valid UTF-8.
func undoMojibake(s string) string {
	if !strings.ContainsAny(s, "ÃÂ") {
		return s
	}
	b, err := charmap.Windows1252.NewEncoder().String(s)
	if err != nil || !utf8.ValidString(b) {
		return s
	}
	return b
}

// docEnd marks the end of a document in LoadSentences' result.
const docEnd = ""

func readEWT(name string, out []string) ([]string, error) {
	f, err := os.Open(name)
	if err != nil {
		return out, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "# newdoc"):
			out = append(out, docEnd)
		case strings.HasPrefix(line, "# text = "):
			if s := strings.TrimSpace(strings.TrimPrefix(line, "# text = ")); s != "" {
				out = append(out, undoMojibake(s))
			}
		}
	}
	return append(out, docEnd), sc.Err()
}

// readTokens reads a CoNLL-style file: the token is the first field of each
// line, sep-separated; a blank line ends a sentence; a -DOCSTART- line or a
// "# newdoc" comment ends a document.
func readTokens(name string, out []string, sep string) ([]string, error) {
	f, err := os.Open(name)
	if err != nil {
		return out, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var toks []string
	flush := func() {
		if len(toks) > 0 {
			out = append(out, Detokenize(toks))
			toks = toks[:0]
		}
	}
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		switch {
		case line == "":
			flush()
		case strings.HasPrefix(line, "-DOCSTART-"), strings.HasPrefix(line, "# newdoc"):
			flush()
			out = append(out, docEnd)
		case strings.HasPrefix(line, "#"):
		default:
			tok, _, _ := strings.Cut(line, sep)
			if tok != "" {
				toks = append(toks, tok)
			}
		}
	}
	flush()
	return append(out, docEnd), sc.Err()
}

// Detokenize joins Penn-Treebank-style tokens into running text: no space
// before closing punctuation and clitics, none after opening brackets,
// quotes paired, hyphens glued to both neighbours.
func Detokenize(toks []string) string {
	var b strings.Builder
	glue := true // no space before the next token
	quoteOpen := false
	for _, t := range toks {
		switch t {
		case "``":
			t = `"`
		case "''":
			t = `"`
		case "-LRB-":
			t = "("
		case "-RRB-":
			t = ")"
		}
		before, after := true, false // space before t; glue after t
		switch {
		case t == `"`:
			if quoteOpen {
				before = false
			} else {
				after = true
			}
			quoteOpen = !quoteOpen
		case t == "“" || t == "‘":
			after = true
		case t == "”":
			before = false
		case t == "-":
			before, after = false, true
		case strings.ContainsAny(t[:1], ",.;:!?)]}%") && len(t) <= 3:
			before = false
		case t == "'s" || t == "'S" || t == "n't" || t == "'re" || t == "'ve" || t == "'ll" || t == "'d" || t == "'m" || t == "'" ||
			t == "’s" || t == "n’t" || t == "’re" || t == "’ve" || t == "’ll" || t == "’d" || t == "’m" || t == "’":
			before = false
		case t == "(" || t == "[" || t == "{" || t == "$" || t == "#":
			after = true
		}
		if b.Len() > 0 && before && !glue {
			b.WriteByte(' ')
		}
		b.WriteString(t)
		glue = after
	}
	return b.String()
}
