package pagemeta

import (
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The fast paths (prefilters, Find's shared per-line work) must not change
// a single result: these tests run the entry points and their reference
// copies in reference_test.go on every line of every dev page, on
// generated lines and pages, and compare everything they return.

// lineResult is everything Byline, Name, Date, Credit and CreditLine
// return for one line.
type lineResult struct {
	Authors      []string
	BylineOK     bool
	Names        []string
	NameOK       bool
	ISO          string
	Kind         Kind
	DateOK       bool
	Text, Credit string
	CreditOK     bool
	Line         string
	LineOK       bool
}

func fastLine(l string) lineResult {
	var r lineResult
	r.Authors, r.BylineOK = Byline(l)
	r.Names, r.NameOK = Name(l)
	r.ISO, r.Kind, r.DateOK = Date(l)
	r.Text, r.Credit, r.CreditOK = Credit(l)
	r.Line, r.LineOK = CreditLine(l)
	return r
}

func refLine(l string) lineResult {
	var r lineResult
	r.Authors, r.BylineOK = bylineRef(l)
	r.Names, r.NameOK = nameRef(l)
	r.ISO, r.Kind, r.DateOK = dateRef(l)
	r.Text, r.Credit, r.CreditOK = creditRef(l)
	r.Line, r.LineOK = creditLineRef(l)
	return r
}

// lineVariants are the forms in which Find and the root package pass a
// line: as printed, trimmed, and with the "By " that Find puts before the
// line after a lone "By"; and with a stamp word before it, so that the
// date lines of the pages are read marked too.
func lineVariants(l string) []string {
	t := trimSpace(l)
	return []string{l, t, "By " + t, "Published " + t, "Updated: " + t, "  " + l + " "}
}

// checkLines compares the line functions on every variant of lines and
// reports the first differences.
func checkLines(t *testing.T, lines []string) {
	t.Helper()
	bad, checked := 0, 0
	for _, l := range lines {
		for _, v := range lineVariants(l) {
			checked++
			if d := cmp.Diff(refLine(v), fastLine(v)); d != "" {
				bad++
				if bad <= 10 {
					t.Errorf("line %q: (-reference +fast)\n%s", v, d)
				}
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d lines differ", bad, checked)
	}
}

// findHeadlines are the headline indexes Find is checked with on a page
// of n lines: unknown, the annotated one, and one line in five.
func findHeadlines(n, annotated int) []int {
	hs := []int{-1, annotated, n - 1}
	for h := 0; h < n; h += 5 {
		hs = append(hs, h)
	}
	return hs
}

// checkFind compares Find with its reference on a page at the given
// headlines, and counts a difference in *bad.
func checkFind(t *testing.T, name string, lines []string, heads []int, bad *int) {
	t.Helper()
	for _, h := range heads {
		if d := cmp.Diff(findRef(lines, h), Find(lines, h)); d != "" {
			*bad++
			if *bad <= 10 {
				t.Errorf("%s, headline %d: Find (-reference +fast)\n%s", name, h, d)
			}
		}
	}
}

func TestDevLinesMatchReference(t *testing.T) {
	lines, _ := devLines(t)
	checkLines(t, lines)
}

func TestDevFindMatchesReference(t *testing.T) {
	bad := 0
	for k, p := range devPages(t) {
		checkFind(t, "dev page "+strconv.Itoa(k), p.lines, findHeadlines(len(p.lines), p.headline), &bad)
	}
	if bad > 0 {
		t.Errorf("Find differs on %d page and headline pairs", bad)
	}
}

// genPieces are what the generated lines are made of: the words,
// numbers, separators and spaces of bylines and date stamps, and of the
// lines around them.
var genPieces = []string{
	"By", "by", "BY", "By:", "Von", "Por", "par", "Written", "Posted", "Published", "published", "Updated", "Last updated",
	"First published", "Authors:", "Author:", "on", "in", "at", "and", "&", ",", ", ", " and ", "|", " | ", "-", " - ", "—", "/", " / ", "·", "•",
	":", "(", ")", "@", "@jane", ".", "'s", "*", "+", "o", ">", " ", " ", "  ", "\t", "\u00a0", "\u200b",
	"Jane", "Doe", "JANE", "DOE", "J.", "Mary-Ann", "O'Brien", "DeWitt", "McDONALD", "van", "der", "bin", "Dr.", "Jr.", "MS", "RD",
	"Reuters", "AP", "Fox", "News", "Staff", "Reports", "The", "Associated", "Press", "Times", "Senior", "Writer", "Springfield.com",
	"FOXBusiness", "WittNEWSCorp", "Florida", "Today", "admin", "the", "end", "of", "year", "Top", "Stories",
	"Nov.", "November", "nov", "Mar", "19", "19th", "2019", "20194", "2019,", "11/19/2019", "11/19/19", "19.11.2019", "27/09/2018",
	"2019-11-19", "2019-11-19T09:02:00+01:00", "2019-11-19T09:02:00Z", "2018年8月16日", "3.", "März", "de", "outubro",
	"5:45", "5:45 AM", "10.02", "0339", "6:21", "PM", "p.m.", "a.m.", "am", "GMT", "EST", "ET", "PST", "UTC+05:30", "+0100", "-05",
	"ESTUpdated", "Tue", "Tuesday", "Monday", "12h", "ago", "2 hours ago", "min", "read", "5", "12", "13", "100", "1234567",
	"Photo", "Credit:", "Getty", "Images", "café", "Über", "É", "José", "Müller", "’", "Ni’matul", "Як", "\xff",
}

// genLine returns a line of up to max pieces.
func genLine(next func(int) int, max int) string {
	var b strings.Builder
	for n := 1 + next(max); n > 0; n-- {
		b.WriteString(genPieces[next(len(genPieces))])
		if next(3) > 0 {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// xorshift returns a deterministic generator of numbers below n.
func xorshift(seed uint64) func(n int) int {
	rng := seed
	return func(n int) int {
		rng ^= rng << 13
		rng ^= rng >> 7
		rng ^= rng << 17
		return int(rng % uint64(n))
	}
}

// genBylineLine returns a line in the shape of a byline or a date stamp:
// a prefix, names and a tail, each drawn from the forms Byline and Date
// read (and from near misses), so that the generated lines reach every
// way of accepting a line and not only the random ones.
func genBylineLine(next func(int) int) string {
	pick := func(l []string) string { return l[next(len(l))] }
	prefixes := []string{"", "", "By ", "by ", "BY ", "By: ", "Von ", "Por ", "Written by ", "Posted on Nov 19, 2019 by ", "Authors: ",
		"Author : ", "Story and photos by ", "Posted in ", "Nov. 19, 2019 ", "19.11.2019 | ", "5:45 AM PST 11/19/2019 by ", "* ", "/ ", "o ", "- ",
		"Published ", "Updated: ", "First published on Tuesday ", "Last updated ", "Photo: "}
	names := []string{"Jane Doe", "JANE DOE", "Mary J. Blige", "Sean O'Connor", "Ludwig van der Berg", "Ahmad bin Yusof", "Nora DeWitt",
		"Regan", "J. R. R. Tolkien", "Dr. Ann Lee", "Staff", "Staff Reports", "The Associated Press", "Fox News Staff", "admin",
		"the end of the year", "Top Stories", "Jane", "Ann Lee and Bob Stone", "Ann Lee, Bob Stone, and Cara Mills", "Ann Lee & Bob Stone",
		"Nora WittNEWSCorp", "Paul Steinhauser Fox News", "Obama's", "Miguel Bernal North Diving", "José Müller", "Élodie Dupré"}
	tails := []string{"", "", "", " @janedoe", "@JaneDoe", " jane@example.com", ", Reuters", ", AP Science Writer", ", The Lakeside Ledger",
		", MS, RD", ", said the", " - Nov 19, 2019", " | Updated 5:00 PM ET, Tue November 19, 2019", " — March 3, 2020", " in London",
		" in New York City Today", " on Monday, May 4th, 2020 at 9:00 a.m.", " | Politics", " Senior Political Writer", " Florida Today",
		" 3 min read", ", 2019", " 2019-11-19T09:02:00Z", " 11/19/19 06:56 AM EST", " (Reuters)", ":", " 12h ago", " for The Times"}
	return pick(prefixes) + pick(names) + pick(tails)
}

// genCaptionLine returns a line in the shape of a photo caption with its
// credit, or of a credit line alone.
func genCaptionLine(next func(int) int) string {
	pick := func(l []string) string { return l[next(len(l))] }
	texts := []string{"", "", "Fans at the rally.", "The bridge at night", "A man walks past (left) the shop.", "Jane Doe, 34, in 2019",
		"Ministers met on Tuesday. Discussions lasted for hours and hours, and then some more, until the talks ended late at night with no deal"}
	seps := []string{"", " ", " - ", " | ", ". ", " / "}
	credits := []string{"(Photo by John Doe / AFP)", "(Getty Images)", "(Reuters)", "(AP Photo/Jane Doe)", "( Reuters: Ann Lee/Pool )",
		"(BED)", "(1)", "(2019)", "Photograph: John Doe/Reuters", "John Doe/Getty Images", "Jane van Doe/AFP via Getty Images",
		"Image Credit: Jane Doe", "Photo credit: Jane", "Credit:", "Crédito: Ana Luz", "Foto: dpa", "Photo by Ann Lee",
		"Getty Images", "Reuters", "AP", "(Supplied)", "Courtesy/Handout", "10:30", "and/or", "http://example.com/a/b",
		"(AFP via Getty Images)", "(Photo: Jane Doe/The New York Times)", "Pictures: Jane Doe.", "PHOTO: JANE DOE"}
	return pick(texts) + pick(seps) + pick(credits)
}

func TestGeneratedLinesMatchReference(t *testing.T) {
	next := xorshift(1)
	lines := make([]string, 0, 50000)
	for len(lines) < 30000 {
		lines = append(lines, genLine(next, 12))
	}
	for len(lines) < 40000 {
		lines = append(lines, genBylineLine(next))
	}
	for len(lines) < cap(lines) {
		lines = append(lines, genCaptionLine(next))
	}
	checkLines(t, lines)
}

// genSparseLine returns a line that is mostly text without a date or a
// byline, and now and then a stamp or a byline, so that generated pages
// also have their only stamps far from the headline.
func genSparseLine(next func(int) int) string {
	switch next(40) {
	case 0:
		return genLine(next, 10)
	case 2:
		return genBylineLine(next)
	case 3: // longer than any entry point reads
		return [...]string{strings.Repeat(" ", 600) + "By", strings.Repeat("x ", 301) + "November 19, 2019",
			strings.Repeat(" ", 601) + "Jane Doe", strings.Repeat(" ", 590) + "Published November 19, 2019"}[next(4)]
	case 1:
		return [...]string{"First published November 19, 2019", "Posted on 2019-11-19", "Published: 19.11.2019 10:02",
			"Updated 3:04 PM ET, Tue November 19, 2019", "November 19, 2019", "By Jane Doe", "Jane Doe"}[next(7)]
	}
	words := [...]string{"The", "council", "voted", "on", "Tuesday", "to", "close", "the", "library", "Top", "Stories", "Share", "and", "3", "Comments", ","}
	var b strings.Builder
	for n := next(12); n > 0; n-- {
		b.WriteString(words[next(len(words))])
		b.WriteByte(' ')
	}
	return b.String()
}

func TestGeneratedFindMatchesReference(t *testing.T) {
	next := xorshift(2)
	bad := 0
	for k := 0; k < 600; k++ {
		lines := make([]string, 20+next(300))
		sparse := k%2 == 1
		for i := range lines {
			switch {
			case sparse:
				lines[i] = genSparseLine(next)
			case next(4) == 0: // blank, as a third of the converters' lines are
			case next(3) == 0:
				lines[i] = genLine(next, 4)
			default:
				lines[i] = genLine(next, 14)
			}
		}
		heads := []int{-1, next(len(lines)), next(len(lines)), len(lines) + 5}
		checkFind(t, "generated page "+strconv.Itoa(k), lines, heads, &bad)
	}
	if bad > 0 {
		t.Errorf("Find differs on %d page and headline pairs", bad)
	}
}

// FuzzMatchesReference compares the entry points with their reference
// copies on fuzzed lines, and Find on the fuzzed text split into lines.
func FuzzMatchesReference(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Add("Nov 19, 2019\n\nBy\nJane Doe\n\nThe council voted.\nPublished 19.11.2019 10:02")
	f.Fuzz(func(t *testing.T, text string) {
		for _, v := range lineVariants(text) {
			if d := cmp.Diff(refLine(v), fastLine(v)); d != "" {
				t.Fatalf("line %q: (-reference +fast)\n%s", v, d)
			}
		}
		lines := strings.Split(text, "\n")
		for _, h := range []int{-1, 0, len(lines) / 2, len(lines) - 1} {
			if d := cmp.Diff(findRef(lines, h), Find(lines, h)); d != "" {
				t.Fatalf("Find(%q, %d): (-reference +fast)\n%s", lines, h, d)
			}
		}
	})
}
