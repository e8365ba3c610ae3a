// Package conll reads gold named-entity files in the IOB/CoNLL formats of
// the training and evaluation corpora, turns each sentence back into raw
// text with the gold entities as byte spans of that text, and scores a
// tagger's spans against them.
//
// Three layouts are read, told apart line by line:
//   - Universal NER: "index TAB token TAB tag ...", with "# text = …" comments
//     giving the sentence as written (used as the raw text when every token
//     can be found in it, in order);
//   - GUM: "token TAB pos TAB tag";
//   - wikigold: "token SPACE tag", IOB1, "-DOCSTART-" lines between documents.
//
// IOB1 and IOB2 are both decoded by one rule: a span starts at B-X, or at
// I-X when the previous token is not part of an X span. "B-O" (a UNER
// artefact) is read as O.
package conll

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is one gold entity: bytes [Start, End) of its sentence's Text.
type Span struct {
	Start, End int
	Type       string // PER, ORG, LOC, or the corpus's other types (OTH, MISC)
}

// Sentence is one gold sentence as raw text.
type Sentence struct {
	Text  string
	Spans []Span
	// Unlabelled are names the corpus leaves without a label although
	// they are names: in GUM's layout, a run of proper nouns (NNP, NNPS)
	// that ends in a plural one and is all O. GUM's entity layer was
	// converted from mentions headed by a singular proper noun, so "the
	// United States" (86 times) and "the United Nations" (26) are O
	// there, where the other corpora call them a place and an
	// organisation. Their Type is empty. Score ignores them; training
	// leaves their tokens' labels to the model (ner.Train).
	Unlabelled []Span
}

type token struct {
	text, tag string
	pos       string // GUM's part-of-speech column, else ""
}

// ReadFile reads every sentence of one file.
func ReadFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var (
		out  []Sentence
		toks []token
		raw  string
		line int
	)
	flush := func() {
		if len(toks) > 0 {
			out = append(out, build(toks, raw))
		}
		toks, raw = toks[:0], ""
	}
	for sc.Scan() {
		line++
		l := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(l) == "" {
			flush()
			continue
		}
		if strings.HasPrefix(l, "# ") || l == "#" {
			if t, ok := strings.CutPrefix(l, "# text = "); ok {
				raw = t
			}
			continue
		}
		if strings.HasPrefix(l, "-DOCSTART-") {
			flush()
			continue
		}
		var fields []string
		if strings.Contains(l, "\t") {
			fields = strings.Split(l, "\t")
		} else {
			fields = strings.Fields(l)
		}
		var tok token
		switch {
		case len(fields) >= 3 && isIndex(fields[0]):
			if strings.Contains(fields[0], "-") || strings.Contains(fields[0], ".") {
				continue // multiword or empty-node lines carry no tag
			}
			tok = token{text: fields[1], tag: fields[2]}
		case len(fields) == 3 && strings.Contains(l, "\t"):
			tok = token{text: fields[0], tag: fields[2], pos: fields[1]}
		case len(fields) >= 2:
			tok = token{text: fields[0], tag: fields[len(fields)-1]}
		default:
			return out, fmt.Errorf("%s:%d: cannot read %q", path, line, l)
		}
		toks = append(toks, tok)
	}
	flush()
	return out, sc.Err()
}

func isIndex(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if (r < '0' || r > '9') && r != '-' && r != '.' {
			return false
		}
	}
	return true
}

// build makes the sentence text and the gold spans.
func build(toks []token, raw string) Sentence {
	offs, text, ok := align(toks, raw)
	if !ok {
		offs, text = Detokenize(tokenTexts(toks))
	}
	s := Sentence{Text: text}
	cur := -1
	curType := ""
	for i, t := range toks {
		prefix, typ, _ := strings.Cut(t.tag, "-")
		if typ == "O" || typ == "" || (prefix != "B" && prefix != "I") {
			cur, curType = -1, ""
			continue
		}
		if prefix == "B" || curType != typ {
			s.Spans = append(s.Spans, Span{Start: offs[i][0], End: offs[i][1], Type: typ})
			cur, curType = len(s.Spans)-1, typ
			continue
		}
		s.Spans[cur].End = offs[i][1]
	}
	s.Unlabelled = unlabelledNames(toks, offs)
	return s
}

// unlabelledNames returns the spans of Sentence.Unlabelled: maximal runs
// of capitalised proper nouns, all tagged O, whose last is plural.
func unlabelledNames(toks []token, offs [][2]int) []Span {
	var out []Span
	for i := 0; i < len(toks); {
		j := i
		for j < len(toks) && (toks[j].pos == "NNP" || toks[j].pos == "NNPS") && toks[j].tag == "O" && startsUpper(toks[j].text) {
			j++
		}
		if j == i {
			i++
			continue
		}
		if toks[j-1].pos == "NNPS" {
			out = append(out, Span{Start: offs[i][0], End: offs[j-1][1]})
		}
		i = j
	}
	return out
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func tokenTexts(toks []token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.text
	}
	return out
}

// align finds each token in raw, in order, separated only by white space.
func align(toks []token, raw string) ([][2]int, string, bool) {
	if raw == "" {
		return nil, "", false
	}
	offs := make([][2]int, len(toks))
	p := 0
	for i, t := range toks {
		for p < len(raw) && (raw[p] == ' ' || raw[p] == '\t') {
			p++
		}
		if !strings.HasPrefix(raw[p:], t.text) {
			return nil, "", false
		}
		offs[i] = [2]int{p, p + len(t.text)}
		p += len(t.text)
	}
	return offs, raw, true
}

// Detokenize joins tokens into text the way it would have been written:
// no space before closing punctuation and clitics ("," "." "'s" "n't"),
// none after opening brackets and opening quotes. It returns each token's
// byte span in the text.
func Detokenize(toks []string) ([][2]int, string) {
	var b strings.Builder
	offs := make([][2]int, len(toks))
	openDouble := false
	noSpaceNext := true
	for i, t := range toks {
		space := !noSpaceNext
		noSpaceNext = false
		switch {
		case t == `"`:
			if openDouble {
				space = false
			} else {
				noSpaceNext = true
			}
			openDouble = !openDouble
		case t == "“" || t == "‘" || t == "(" || t == "[" || t == "{" || t == "$" || t == "#":
			noSpaceNext = true
		case t == "-":
			space = false
			noSpaceNext = true
		case isClosing(t):
			space = false
		}
		if space && i > 0 {
			b.WriteByte(' ')
		}
		offs[i] = [2]int{b.Len(), b.Len() + len(t)}
		b.WriteString(t)
	}
	return offs, b.String()
}

func isClosing(t string) bool {
	switch t {
	case ",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "”", "’", "...", "'":
		return true
	}
	lt := strings.ToLower(t)
	if lt == "n't" || lt == "n’t" {
		return true
	}
	if r, n := utf8.DecodeRuneInString(t); (r == '\'' || r == '’') && n < len(t) {
		rest := t[n:]
		r2, _ := utf8.DecodeRuneInString(rest)
		return unicode.IsLetter(r2) && len(rest) <= 2 // 's 'll 're 've 'm 'd
	}
	return false
}
