// Package deveval scores [pagemeta.Find] on the hand-annotated dev pages
// of /work/shared/extract (dev_meta.json and dev/NAME.*.txt). It is shared
// by cmd/metaeval and the package's floor test. The pages are development
// data and are read from disk, never copied into the repository.
package deveval

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/newsdump/newsdump/internal/pagemeta"
)

// Gold is one page's annotation.
type Gold struct {
	Title      string   `json:"title"`
	Authors    []string `json:"authors"`
	Published  *string  `json:"published"`
	Confidence string   `json:"confidence"`
}

// Options select the converter's text and how the headline is found.
type Options struct {
	// Converter is "inscriptis" or "html-text".
	Converter string
	// Anchor: use the annotated headline's line as Find's anchor (the
	// root package finds the headline itself); otherwise read from the
	// top (headline -1).
	Anchor bool
}

// Miss is one page scored wrong.
type Miss struct {
	Name, Field, Gold, Got string
	Line                   int
}

// Result is the score of one run.
type Result struct {
	Pages          int
	AuthorsCorrect int
	DatePages      int // pages whose gold date is not null
	DateCorrect    int // of DatePages
	NullPages      int // pages whose gold date is null
	NullCorrect    int // of NullPages, nothing found
	Misses         []Miss
}

// AuthorsAcc is the share of pages whose author set is exactly right.
func (r Result) AuthorsAcc() float64 { return ratio(r.AuthorsCorrect, r.Pages) }

// DateAcc is the share of pages with a gold date whose date is right.
func (r Result) DateAcc() float64 { return ratio(r.DateCorrect, r.DatePages) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Run scores every page of dir (the extract directory).
func Run(dir string, opt Options) (Result, error) {
	var res Result
	raw, err := os.ReadFile(filepath.Join(dir, "dev_meta.json"))
	if err != nil {
		return res, err
	}
	var gold map[string]Gold
	if err := json.Unmarshal(raw, &gold); err != nil {
		return res, err
	}
	names := make([]string, 0, len(gold))
	for k := range gold {
		names = append(names, k)
	}
	sort.Strings(names)
	conv := opt.Converter
	if conv == "" {
		conv = "inscriptis"
	}
	for _, name := range names {
		g := gold[name]
		text, err := os.ReadFile(filepath.Join(dir, "dev", name+"."+conv+".txt"))
		if err != nil {
			return res, err
		}
		lines := strings.Split(string(text), "\n")
		head := -1
		if opt.Anchor {
			head = headlineLine(lines, g.Title)
		}
		m := pagemeta.Find(lines, head)
		res.Pages++
		if sameSet(m.Authors, g.Authors) {
			res.AuthorsCorrect++
		} else {
			res.Misses = append(res.Misses, Miss{name, "authors", fmt.Sprint(g.Authors), fmt.Sprint(m.Authors), m.AuthorsLine})
		}
		if g.Published == nil {
			res.NullPages++
			if m.Published == "" {
				res.NullCorrect++
			}
			continue
		}
		res.DatePages++
		if sameDate(m.Published, *g.Published) {
			res.DateCorrect++
		} else {
			res.Misses = append(res.Misses, Miss{name, "date", *g.Published, m.Published + " " + m.PublishedKind.String(), m.PublishedLine})
		}
	}
	return res, nil
}

// headlineLine returns the first line that is the headline, or -1.
func headlineLine(lines []string, title string) int {
	t := strings.TrimSpace(title)
	for i, l := range lines {
		if strings.TrimSpace(l) == t {
			return i
		}
	}
	return -1
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	x := append([]string(nil), a...)
	y := append([]string(nil), b...)
	sort.Strings(x)
	sort.Strings(y)
	for i := range x {
		if x[i] != y[i] {
			return false
		}
	}
	return true
}

// sameDate compares at gold's precision: the date, and HH:MM when gold
// has it, in the page's local time as printed (which is what the ISO
// string's wall clock is).
func sameDate(got, gold string) bool {
	if len(got) < 10 || got[:10] != gold[:10] {
		return false
	}
	if len(gold) > 10 {
		return len(got) >= 16 && got[10:16] == gold[10:16]
	}
	return true
}
