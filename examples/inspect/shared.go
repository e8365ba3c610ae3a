package main

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/newsdump/newsdump"
)

// sharedN is the length, in words, of the runs two copies must share for
// a passage to be marked as shared: word 4-grams, long enough that common
// phrases ("the United States said") rarely mark on their own.
const sharedN = 4

// word is one word of a text: its byte range and its folded form.
type word struct {
	start, end int
	key        string
}

// words splits t into words: runs of letters and digits, folded to
// lower case.
func words(t string) []word {
	var out []word
	start := -1
	for i, r := range t {
		in := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, word{start, i, strings.ToLower(t[start:i])})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, word{start, len(t), strings.ToLower(t[start:])})
	}
	return out
}

// gramKey is the key of the n-gram of ws starting at i.
func gramKey(ws []word, i int) string {
	var b strings.Builder
	for k := i; k < i+sharedN; k++ {
		b.WriteString(ws[k].key)
		b.WriteByte(0)
	}
	return b.String()
}

// grams is the set of word n-grams of the texts, each text on its own.
func grams(texts [][]word) map[string]bool {
	set := map[string]bool{}
	for _, ws := range texts {
		for i := 0; i+sharedN <= len(ws); i++ {
			set[gramKey(ws, i)] = true
		}
	}
	return set
}

// markShared cuts each text into segments, marking as Shared the runs of
// words that belong to an n-gram of other; it returns the segments and
// the share of all words that are marked.
func markShared(texts []string, ws [][]word, other map[string]bool) ([][]seg, float64) {
	var out [][]seg
	total, marked := 0, 0
	for p, t := range texts {
		w := ws[p]
		on := make([]bool, len(w))
		for i := 0; i+sharedN <= len(w); i++ {
			if other[gramKey(w, i)] {
				for k := i; k < i+sharedN; k++ {
					on[k] = true
				}
			}
		}
		var segs []seg
		at := 0
		for i := 0; i < len(w); {
			if !on[i] {
				i++
				continue
			}
			j := i
			for j+1 < len(w) && on[j+1] {
				j++
			}
			if w[i].start > at {
				segs = append(segs, seg{Text: t[at:w[i].start]})
			}
			segs = append(segs, seg{Text: t[w[i].start:w[j].end], Shared: true})
			at = w[j].end
			marked += j - i + 1
			i = j + 1
		}
		if at < len(t) {
			segs = append(segs, seg{Text: t[at:]})
		}
		total += len(w)
		out = append(out, segs)
	}
	if total == 0 {
		return out, 0
	}
	return out, float64(marked) / float64(total)
}

// comparedTexts are the texts of an article a comparison shows: its
// title, description and paragraphs, the text Dedupe compares.
func comparedTexts(a newsdump.Article) []string {
	t := []string{a.Title}
	if a.Description != "" {
		t = append(t, a.Description)
	}
	return append(t, a.Paragraphs...)
}

// compare puts two copies side by side, marking the passages of each that
// the other shares (runs of word 4-grams found in both).
func compare(a newsdump.Article, la string, b newsdump.Article, lb string) *compareView {
	ta, tb := comparedTexts(a), comparedTexts(b)
	wa, wb := make([][]word, len(ta)), make([][]word, len(tb))
	for i, t := range ta {
		wa[i] = words(t)
	}
	for i, t := range tb {
		wb[i] = words(t)
	}
	sa, fa := markShared(ta, wa, grams(wb))
	sb, fb := markShared(tb, wb, grams(wa))
	return &compareView{
		Left:  sideView{Label: la, Shared: percent(fa), Paras: sa},
		Right: sideView{Label: lb, Shared: percent(fb), Paras: sb},
	}
}

func percent(f float64) string {
	return strconv.Itoa(int(f*100+0.5)) + "%"
}
