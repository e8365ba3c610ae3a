// Package ner is the statistical part of newsdump's entity extraction: a
// tokenizer that keeps byte offsets, gazetteers, the features of an averaged
// perceptron sequence tagger (BIO labels for PER, ORG and LOC, Viterbi
// decoding) and the tagger's training. The rules for titles, dates, numbers
// and canonical names live in internal/entity, which calls Tag.
package ner

import (
	"unicode"
	"unicode/utf8"

	"github.com/newsdump/newsdump/internal/abbrev"
)

// Token is one token of a text: bytes [Start, End).
type Token struct {
	Start, End int32
	// SentStart is set on the first token of a sentence (after . ! ? or
	// a line break).
	SentStart bool
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// Tokenize appends the tokens of text to toks. Words are runs of letters,
// digits and marks, with internal apostrophes (O'Brien), digit groups
// (1,200 and 1.8), dotted acronyms (U.S.) and the period of known
// abbreviations; "'s" is its own token; every other character that is not
// white space is a token by itself (so "al-Sudani" is "al", "-", "Sudani").
func Tokenize(text string, toks []Token) []Token {
	sentStart := true
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == '\n' || r == '\r' {
			sentStart = true
			i += n
			continue
		}
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		start := i
		if isWordRune(r) {
			i = wordEnd(text, i)
		} else if isApostrophe(r) && clitic(text, i+n) > 0 {
			i += n + clitic(text, i+n) // 's 't 'll 're 've 'm 'd
		} else {
			i += n
		}
		toks = append(toks, Token{Start: int32(start), End: int32(i), SentStart: sentStart})
		sentStart = false
		if i-start == 1 && (text[start] == '.' || text[start] == '!' || text[start] == '?') {
			sentStart = true
		}
	}
	// A closing quote right after sentence-final punctuation is not a
	// sentence start; the word after it is.
	for k := 1; k < len(toks); k++ {
		if !toks[k].SentStart {
			continue
		}
		t := text[toks[k].Start:toks[k].End]
		if (t == "”" || t == "\"" || t == "’" || t == ")") && k+1 < len(toks) && toks[k-1].End == toks[k].Start {
			toks[k].SentStart = false
			toks[k+1].SentStart = true
		}
	}
	return toks
}

// clitic returns the length of the one- or two-letter clitic at i ("s",
// "t", "ll") when a non-word character follows it, else 0.
func clitic(text string, i int) int {
	for n := 1; n <= 2 && i+n <= len(text); n++ {
		c := text[i+n-1]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			if !wordAt(text, i+n) {
				return n
			}
			continue
		}
		return 0
	}
	return 0
}

func wordAt(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return isWordRune(r)
}

func isDigitAt(text string, i int) bool {
	return i < len(text) && text[i] >= '0' && text[i] <= '9'
}

// wordEnd returns the end of the word starting at i.
func wordEnd(text string, i int) int {
	start := i
	letters := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case isWordRune(r):
			if unicode.IsLetter(r) {
				letters++
			}
			i += n
			continue
		case (r == ',' || r == '.') && i > start && isDigitAt(text, i-1) && isDigitAt(text, i+1):
			i++
			continue
		case isApostrophe(r) && wordAt(text, i+n):
			// 's and 'S end the word; O'Brien and d'Ivoire do not.
			if (text[i+n] == 's' || text[i+n] == 'S') && !wordAt(text, i+n+1) {
				return i
			}
			if i+n+1 < len(text) && (text[i+n] == 't' || text[i+n] == 'T') && !wordAt(text, i+n+1) && i-1 > start && (text[i-1] == 'n' || text[i-1] == 'N') {
				return i // don't → don 't, keeps the verb whole enough
			}
			i += n
			continue
		case r == '.':
			w := text[start:i]
			// U.S. / U.N. / D.C.: single letters joined by periods.
			// (Acronyms are short; the bound keeps "U.S.U.S.…" linear.)
			if letters == 1 && i-start <= 2 || i-start <= 12 && abbrev.IsDotted(w) {
				if j := i + 1; j < len(text) {
					r2, n2 := utf8.DecodeRuneInString(text[j:])
					if unicode.IsUpper(r2) && j+n2 < len(text) && text[j+n2] == '.' {
						i = j + n2
						letters++
						continue
					}
				}
				if i-start <= 12 && abbrev.IsDotted(w) || isUpperLetter(w) {
					return i + 1
				}
			}
			if abbrev.Glued(w) && (i+1 >= len(text) || !wordAt(text, i+1)) {
				return i + 1
			}
			return i
		}
		break
	}
	return i
}

func isUpperLetter(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && unicode.IsUpper(r)
}
