package page

import (
	"unicode"
	"unicode/utf8"
)

// This file implements the scoring of the Zyte article-extraction
// benchmark (github.com/scrapinghub/article-extraction-benchmark), so that
// numbers measured here are comparable with the figures it publishes for
// other extractors.

// isWordRune reports whether r belongs to a \w run as Python's re module
// defines it for str patterns: letters, digits (Unicode Nd and the other
// numeric classes Python counts), underscore. Combining marks are counted
// too, since a decomposed "é" must not split a word in two.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r == '_' || ('0' <= r && r <= '9') || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z')
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

// Tokens appends to dst the \w runs of s, in order.
func Tokens(dst []string, s string) []string {
	start := -1
	for i, r := range s {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			dst = append(dst, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		dst = append(dst, s[start:])
	}
	return dst
}

// Shingles returns the multiset of 4-token shingles of text as a count
// map, keyed by the tokens joined with a space. A text of fewer than four
// tokens is a single shingle of all its tokens; an empty text has none.
func Shingles(text string) map[string]int {
	toks := Tokens(nil, text)
	m := make(map[string]int)
	if len(toks) == 0 {
		return m
	}
	if len(toks) < 4 {
		m[join(toks)]++
		return m
	}
	for i := 0; i+4 <= len(toks); i++ {
		m[join(toks[i:i+4])]++
	}
	return m
}

func join(toks []string) string {
	n := len(toks) - 1
	for _, t := range toks {
		n += len(t)
	}
	b := make([]byte, 0, n)
	for i, t := range toks {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, t...)
	}
	return string(b)
}

// PageScore is one page's shingle overlap, normalised so that
// TP+FP+FN == 1 (all zero when both texts are empty).
type PageScore struct {
	TP, FP, FN float64
}

// ScorePage compares a predicted body text with the gold one.
func ScorePage(pred, gold string) PageScore {
	p, g := Shingles(pred), Shingles(gold)
	var tp, fp, fn int
	for k, pc := range p {
		gc := g[k]
		m := min(pc, gc)
		tp += m
		fp += pc - m
	}
	for k, gc := range g {
		if pc := p[k]; gc > pc {
			fn += gc - pc
		}
	}
	tot := tp + fp + fn
	if tot == 0 {
		return PageScore{}
	}
	t := float64(tot)
	return PageScore{TP: float64(tp) / t, FP: float64(fp) / t, FN: float64(fn) / t}
}

// Precision is TP/(TP+FP), with ok false where nothing was predicted
// that could count (TP+FP == 0). It is 1 where FP == FN == 0.
func (s PageScore) Precision() (p float64, ok bool) {
	if s.FP == 0 && s.FN == 0 {
		return 1, true
	}
	if s.TP+s.FP == 0 {
		return 0, false
	}
	return s.TP / (s.TP + s.FP), true
}

// Recall is TP/(TP+FN); 1 where FP == FN == 0, 0 where there is no gold.
func (s PageScore) Recall() float64 {
	if s.FP == 0 && s.FN == 0 {
		return 1
	}
	if s.TP+s.FN == 0 {
		return 0
	}
	return s.TP / (s.TP + s.FN)
}

// Aggregate averages page scores the benchmark's way: precision is the
// mean over pages that predicted something, recall the mean over all
// pages, and F1 the harmonic mean of the two means.
func Aggregate(scores []PageScore) (precision, recall, f1 float64) {
	var np int
	for _, s := range scores {
		if p, ok := s.Precision(); ok {
			precision += p
			np++
		}
		recall += s.Recall()
	}
	if np > 0 {
		precision /= float64(np)
	}
	if len(scores) > 0 {
		recall /= float64(len(scores))
	}
	if precision+recall > 0 {
		f1 = 2 * precision * recall / (precision + recall)
	}
	return precision, recall, f1
}
