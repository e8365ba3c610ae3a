package newsdump_test

import (
	"fmt"
	"strings"

	"github.com/newsdump/newsdump"
)

var bridge = []string{
	"The city council voted on Tuesday to close the old river bridge to all traffic for at least six months.",
	"Engineers found that the steel supports had corroded much faster than expected after two wet winters.",
	"Residents will have to use the ferry or a detour of twelve miles until the repairs end next spring.",
}

func ExampleDedupe() {
	articles := []newsdump.Article{
		{Title: "Bridge Closed for Months", Paragraphs: bridge, Source: newsdump.Source{File: "a.txt", Line: 1}},
		{Title: "Museum Reopens", Paragraphs: []string{"A small museum in the hills has reopened after a decade of restoration work."},
			Source: newsdump.Source{File: "a.txt", Line: 40}},
		// The same story syndicated: another title case, a byline, an edited word.
		{Title: "BRIDGE CLOSED FOR MONTHS", Paragraphs: append([]string{"By Jane Doe"}, bridge[0], bridge[1], strings.Replace(bridge[2], "twelve", "12", 1)),
			Source: newsdump.Source{File: "b.txt", Line: 7}},
	}
	for _, a := range newsdump.Dedupe(articles) {
		fmt.Printf("%s:%d %s, duplicates %v\n", a.Source.File, a.Source.Line, a.Title, a.Duplicates)
	}
	// Output:
	// a.txt:1 Bridge Closed for Months, duplicates [{b.txt 7 0}]
	// a.txt:40 Museum Reopens, duplicates []
}

func ExampleDeduper() {
	d := newsdump.NewDeduper()
	for i, title := range []string{"Bridge Closed for Months", "Bridge closed for months"} {
		a := newsdump.Article{Title: title, Paragraphs: bridge, Source: newsdump.Source{File: "feed", Line: i + 1}}
		if of, isDup := d.Add(a); isDup {
			fmt.Printf("line %d is a copy of line %d\n", a.Source.Line, of.Line)
			continue
		}
		fmt.Printf("line %d is new\n", a.Source.Line)
	}
	for _, c := range d.Clusters() {
		fmt.Printf("kept line %d; copies %v\n", c.Kept.Line, c.Copies)
	}
	// Output:
	// line 1 is new
	// line 2 is a copy of line 1
	// kept line 1; copies [{{feed 2 0} 1}]
}

// A distributed job computes signatures in its map step, groups articles
// by band key, and verifies the pairs that share one.
func ExampleSignature() {
	a := newsdump.Article{Title: "Bridge Closed for Months", Paragraphs: bridge}
	b := newsdump.Article{Title: "Bridge closed", Paragraphs: bridge[:2]}
	sa, sb := newsdump.Signature(a), newsdump.Signature(b)
	shared := 0
	ka, kb := sa.BandKeys(), sb.BandKeys()
	for i := range ka {
		if ka[i] == kb[i] {
			shared++
		}
	}
	fmt.Println("share a band key:", shared > 0)
	fmt.Println("same story:", sa.Similarity(sb) >= newsdump.DefaultThreshold)
	// Output:
	// share a band key: true
	// same story: true
}

// A distributed job counts the shingles of each distinct text on its
// workers, adds the counts up, and computes with the sum the signatures
// Dedupe compares: boilerplate frequent across the input is left out.
func ExampleShingleCounts() {
	const signup = "Sign up for our free newsletter to get the day's most important stories delivered to your inbox every weekday morning."
	story := func(i int) newsdump.Article {
		return newsdump.Article{Title: fmt.Sprintf("Report %d", i),
			Paragraphs: []string{fmt.Sprintf("Item%d of the day came in at hour%d.", i, i), signup}}
	}
	var workers [2]newsdump.ShingleCounts
	seen := map[[16]byte]bool{}
	for i := range 200 {
		if k := newsdump.ExactKey(story(i)); !seen[k] { // each distinct text once
			seen[k] = true
			workers[i%2].Add(story(i))
		}
	}
	var counts newsdump.ShingleCounts
	counts.Merge(&workers[0])
	counts.Merge(&workers[1])
	a, b := story(1), story(2)
	fmt.Printf("with the sign-up: %.2f\n", newsdump.Signature(a).Similarity(newsdump.Signature(b)))
	fmt.Printf("without frequent shingles: %.2f\n", counts.Signature(a).Similarity(counts.Signature(b)))
	// Output:
	// with the sign-up: 0.63
	// without frequent shingles: 0.00
}

// NewDeduper and Dedupe panic on an invalid option, as
// regexp.MustCompile does on a bad pattern; a threshold read from input
// is checked first.
func ExampleNewDeduper_invalidOption() {
	defer func() {
		err := recover().(*newsdump.OptionError)
		fmt.Println(err)
	}()
	newsdump.NewDeduper(newsdump.WithThreshold(25)) // a percentage, not a similarity
	// Output:
	// newsdump.WithThreshold(25): want a similarity in (0, 1]
}

// DedupeClusters says how close each copy Dedupe finds is to its story:
// the copy in capitals is the same text once folded, the truncated one
// shares about two thirds of its shingles.
func ExampleDedupeClusters() {
	articles := []newsdump.Article{
		{Title: "Bridge Closed for Months", Paragraphs: bridge, Source: newsdump.Source{File: "a.txt", Line: 1}},
		{Title: "BRIDGE CLOSED FOR MONTHS", Paragraphs: bridge, Source: newsdump.Source{File: "b.txt", Line: 7}},
		{Title: "Bridge Closed for Months", Paragraphs: bridge[:2], Source: newsdump.Source{File: "c.txt", Line: 3}},
	}
	for _, c := range newsdump.DedupeClusters(articles) {
		fmt.Printf("kept %s:%d\n", c.Kept.File, c.Kept.Line)
		for _, cp := range c.Copies {
			fmt.Printf("  copy %s:%d, similarity %.2f\n", cp.Source.File, cp.Source.Line, cp.Similarity)
		}
	}
	// Output:
	// kept a.txt:1
	//   copy b.txt:7, similarity 1.00
	//   copy c.txt:3, similarity 0.64
}
