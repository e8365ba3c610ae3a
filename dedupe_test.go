package newsdump

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"
)

func art(file string, line int, title string, paras ...string) Article {
	return Article{Title: title, Paragraphs: paras, Source: Source{File: file, Line: line}}
}

// sources lists where each kept article and its duplicates are.
func keptWithDups(kept []Article) map[Source][]Source {
	m := map[Source][]Source{}
	for _, a := range kept {
		m[a.Source] = a.Duplicates
	}
	return m
}

var storyA = []string{
	"The city council voted on Tuesday to close the old river bridge to all traffic for at least six months.",
	"Engineers found that the steel supports had corroded much faster than expected after two wet winters.",
	"Residents will have to use the ferry or a detour of twelve miles until the repairs end next spring.",
	"The mayor said the closure was painful but that safety had to come first for the thousands who cross daily.",
}

var storyB = []string{
	"A small museum in the northern hills has reopened after a decade of restoration work on its painted ceilings.",
	"Volunteers from three villages spent their weekends cleaning the frescoes under the guidance of experts.",
	"The museum expects ten thousand visitors this summer, more than the valley's entire population.",
	"Its director hopes the income will pay for a new roof before the snow returns in November.",
}

// Copies that differ only in what the comparison text folds away are
// exact duplicates: quotes, dashes, ellipses, case, Unicode normalisation,
// white space, line wrapping, captions.
func TestExactDuplicatesFoldTypography(t *testing.T) {
	base := art("a", 1, "Bridge Closed \"for Months\" - Council's Vote...", "The café’s owner said: “It’s a blow.”", "Traffic — as expected — was light.")
	variants := []Article{
		art("b", 1, "BRIDGE CLOSED “FOR MONTHS” – COUNCIL’S VOTE…", "The cafe\u0301's owner said: \"It's a blow.\"", "Traffic - as expected - was light."),
		art("c", 1, "Bridge closed \"for months\" \u2014 council's vote...", "The café's owner", "said: \"It's a blow.\"", "Traffic \u2013 as\u00a0expected \u2013  was light."),
		{Title: base.Title, Paragraphs: base.Paragraphs, Captions: []Caption{{Text: "A bridge.", Credit: "AFP"}}, Source: Source{File: "d", Line: 1}},
	}
	kept := Dedupe(append([]Article{base}, variants...), WithExactOnly())
	want := map[Source][]Source{{File: "a", Line: 1}: {{File: "b", Line: 1}, {File: "c", Line: 1}, {File: "d", Line: 1}}}
	if diff := cmp.Diff(want, keptWithDups(kept)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// A changed word is not an exact duplicate.
	other := art("e", 1, base.Title, "The café’s owner said: “It’s a blessing.”", base.Paragraphs[1])
	if got := Dedupe([]Article{base, other}, WithExactOnly()); len(got) != 2 {
		t.Errorf("a changed word made an exact duplicate: %d kept", len(got))
	}
}

func TestNearDuplicates(t *testing.T) {
	a := art("a", 1, "Bridge Closed for Months", storyA...)
	edited := art("b", 1, "Bridge closed for months", append([]string{"By Jane Doe"}, strings.Replace(storyA[0], "at least six", "six", 1),
		strings.Replace(storyA[1], "much faster", "faster", 1), storyA[2], storyA[3], "Read the full story at The Valley Herald.")...)
	truncated := art("c", 1, "Bridge Closed for Months", storyA[0], storyA[1], strings.Join(strings.Fields(storyA[2])[:8], " "))
	other := art("d", 1, "Museum Reopens", storyB...)
	kept := Dedupe([]Article{a, edited, truncated, other})
	want := map[Source][]Source{{File: "a", Line: 1}: {{File: "b", Line: 1}, {File: "c", Line: 1}}, {File: "d", Line: 1}: nil}
	if diff := cmp.Diff(want, keptWithDups(kept)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if got := Dedupe([]Article{a, edited, truncated, other}, WithExactOnly()); len(got) != 4 {
		t.Errorf("exact only: %d kept, want 4", len(got))
	}
	// A threshold above the edited copy's similarity keeps it apart.
	s := Signature(a).Similarity(Signature(edited))
	if s < DefaultThreshold || s >= 0.95 {
		t.Fatalf("the edited copy's similarity %.2f is not between the default threshold and 0.95", s)
	}
	if got := Dedupe([]Article{a, edited}, WithThreshold(0.95)); len(got) != 2 {
		t.Errorf("threshold 0.95: %d kept, want 2", len(got))
	}
}

// A article mixing two stories (B = half of A + half of C) is similar to
// both, while A and C are unrelated. Clusters join only through their
// representative, so A~B and B~C do not merge A and C: C is compared with
// A, the representative of the cluster B joined, and stays apart.
func TestNoChaining(t *testing.T) {
	a := art("a", 1, "Bridge Closed", storyA...)
	b := art("b", 1, "Bridge Closed", append(append([]string{}, storyA[:2]...), storyB[2:]...)...)
	c := art("c", 1, "Museum Reopens", storyB...)
	sa, sb, sc := Signature(a), Signature(b), Signature(c)
	if sa.Similarity(sb) < DefaultThreshold || sb.Similarity(sc) < DefaultThreshold || sa.Similarity(sc) > 0.05 {
		t.Fatalf("test articles do not form a chain: A~B %.2f, B~C %.2f, A~C %.2f", sa.Similarity(sb), sb.Similarity(sc), sa.Similarity(sc))
	}
	kept := Dedupe([]Article{a, b, c})
	want := map[Source][]Source{{File: "a", Line: 1}: {{File: "b", Line: 1}}, {File: "c", Line: 1}: nil}
	if diff := cmp.Diff(want, keptWithDups(kept)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// Two different short stories on one site share its navigation line, its
// "Related coverage" list of other titles and its footer. That boilerplate
// is as long as the stories, yet they must stay apart.
func TestSharedBoilerplateDoesNotMerge(t *testing.T) {
	chromeTop := []string{"Home | World | Politics | Business | Sport | Culture | Opinion"}
	chromeEnd := []string{
		"Related coverage",
		"Central Bank Holds Rates Steady as Inflation Cools",
		"Port Workers End Strike After Pay Deal Is Reached",
		"Floods Cut Off Villages in the North After Heavy Rain",
		"Leaders Arrive for the Summit on Climate and Trade",
		"Protesters Gather Outside the Venue Before the Vote",
		"© 2025 The Valley Herald. All rights reserved.",
		"Follow The Valley Herald on social media and sign up for our newsletter.",
	}
	page := func(file, title string, story []string) Article {
		return art(file, 1, title, append(append(append([]string{}, chromeTop...), story...), chromeEnd...)...)
	}
	a := page("a", "Bridge Closed", storyA)
	b := page("b", "Museum Reopens", storyB)
	if got := Dedupe([]Article{a, b}); len(got) != 2 {
		t.Errorf("two stories merged through their site's boilerplate (similarity %.2f)", Signature(a).Similarity(Signature(b)))
	}
	// The test can fail: with every line shingled, boilerplate included,
	// the two pages would be near duplicates.
	if s := signatureOfAllLines(a).Similarity(signatureOfAllLines(b)); s < DefaultThreshold {
		t.Errorf("with boilerplate shingled the similarity is %.2f, below the threshold: the test proves nothing", s)
	}
}

// signatureOfAllLines is Signature without leaving out boilerplate lines.
func signatureOfAllLines(a Article) Sig {
	st := getTextState()
	defer putTextState(st)
	st.build(&a)
	for i := range st.lines {
		st.lines[i].shingled = true
	}
	var s Sig
	st.signature(s.mh())
	return s
}

func TestDedupeDeterministicIdempotentAndPure(t *testing.T) {
	var in []Article
	for i := range 40 {
		story := storyA
		if i%3 == 0 {
			story = storyB
		}
		paras := append([]string{}, story...)
		paras[i%4] = fmt.Sprintf("Paragraph %d was rewritten for copy %d of this story by an editor.", i%4, i)
		in = append(in, art("f", i+1, "Story", paras...))
	}
	in = append(in, art("g", 1, "Alone", "Nothing else is like this article about nothing in particular."))
	before := fmt.Sprint(in)
	first := Dedupe(in)
	if fmt.Sprint(in) != before {
		t.Error("Dedupe modified its input")
	}
	if diff := cmp.Diff(first, Dedupe(in)); diff != "" {
		t.Errorf("second run differs (-first +second):\n%s", diff)
	}
	if diff := cmp.Diff(first, Dedupe(first)); diff != "" {
		t.Errorf("deduplicating the result changed it (-first +again):\n%s", diff)
	}
	if len(first) != 3 {
		t.Errorf("%d kept, want 3 stories", len(first))
	}
	// Every input is kept or listed exactly once.
	if err := accounted(in, first); err != nil {
		t.Error(err)
	}
	if got := Dedupe(nil); len(got) != 0 {
		t.Errorf("Dedupe(nil) = %v", got)
	}
}

func TestKeepLongest(t *testing.T) {
	short := art("a", 1, "Bridge Closed", storyA[:3]...)
	long := art("b", 1, "Bridge Closed", storyA...)
	in := []Article{short, long}
	if diff := cmp.Diff(map[Source][]Source{short.Source: {long.Source}}, keptWithDups(Dedupe(in))); diff != "" {
		t.Errorf("KeepFirst (-want +got):\n%s", diff)
	}
	got := Dedupe(in, WithKeep(KeepLongest))
	if diff := cmp.Diff(map[Source][]Source{long.Source: {short.Source}}, keptWithDups(got)); diff != "" {
		t.Errorf("KeepLongest (-want +got):\n%s", diff)
	}
	d := NewDeduper(WithKeep(KeepLongest))
	if _, dup := d.Add(short); dup {
		t.Error("the first copy was a duplicate")
	}
	if _, dup := d.Add(long); dup {
		t.Error("KeepLongest: the longer copy was reported as a duplicate")
	}
	if of, dup := d.Add(short); !dup || of != long.Source {
		t.Errorf("third copy: dupOf %v, %v; want %v, true", of, dup, long.Source)
	}
	cl := d.Clusters()
	want := []Cluster{{Kept: long.Source, Copies: []Copy{{short.Source, 1}, {short.Source, 1}}}}
	if diff := cmp.Diff(want, cl); diff != "" {
		t.Errorf("clusters (-want +got):\n%s", diff)
	}
}

// Deduper.Add from many goroutines: the race detector checks the locking;
// exact copies give the same clusters whatever the order.
func TestDeduperConcurrent(t *testing.T) {
	d := NewDeduper()
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				story := storyA
				if i%2 == 0 {
					story = storyB
				}
				d.Add(art(fmt.Sprint(g), i+1, "T", story...))
			}
		}()
	}
	wg.Wait()
	cl := d.Clusters()
	if len(cl) != 2 || len(cl[0].Copies)+len(cl[1].Copies) != 8*50-2 {
		t.Errorf("got %d clusters, want 2 holding all 400 articles", len(cl))
	}
}

// accounted checks the result of deduplicating in: every article of in is
// kept or listed as a duplicate exactly once, and nothing else is listed.
func accounted(in, kept []Article) error {
	seen := map[Source]int{}
	for _, a := range kept {
		seen[a.Source]++
		for _, d := range a.Duplicates {
			seen[d]++
		}
	}
	for _, a := range in {
		if seen[a.Source] != 1 {
			return fmt.Errorf("%v is listed %d times", a.Source, seen[a.Source])
		}
	}
	if len(seen) != len(in) {
		return fmt.Errorf("%d sources listed for %d articles", len(seen), len(in))
	}
	return nil
}

// TestDeduperKeepsNoBuffer checks that a Deduper keeps nothing of the
// articles it is given but what it needs: 10,000 articles parsed one at a
// time from 4 KB dumps, each ID a piece of a 64 KiB buffer of its own (as
// a caller's articles may hold it), cost a Deduper less than 256 bytes
// more per article than the same articles with IDs of their own. (What a
// Deduper costs in itself, a fixed 16 MiB shingle sketch and about a
// kilobyte per story, is measured by the dedupe benchmarks.)
func TestDeduperKeepsNoBuffer(t *testing.T) {
	const n = 10000
	arts := make([]Article, n)
	for i := range arts {
		a, err := Parse(bytes.NewReader(smallDump(i)))
		if err != nil || len(a) != 1 {
			t.Fatalf("Parse: %d articles, %v; want 1", len(a), err)
		}
		arts[i] = a[0]
	}
	held := func(inBuffer bool) int64 {
		d := NewDeduper()
		before := heapAfter()
		for _, a := range arts {
			if inBuffer {
				buf := make([]byte, 64<<10)
				copy(buf, a.ID)
				a.ID = unsafe.String(&buf[0], len(a.ID))
			}
			d.Add(a)
		}
		h := int64(heapAfter()) - int64(before)
		if got := len(d.Clusters()); got != 0 {
			t.Errorf("%d clusters among %d different stories, want 0", got, n)
		}
		runtime.KeepAlive(d)
		return h
	}
	own, buffered := held(false), held(true)
	if extra := (buffered - own) / n; extra >= 256 {
		t.Errorf("a Deduper of %d articles whose IDs are pieces of 64 KiB buffers holds %d bytes of heap, %d more per article than with IDs of their own (%d); want < 256",
			n, buffered, extra, own)
	}
}

func TestDedupeClusters(t *testing.T) {
	a := art("a", 1, "Bridge Closed for Months", storyA...)
	exact := art("e", 1, "BRIDGE CLOSED FOR MONTHS", storyA...)
	edited := art("b", 1, "Bridge closed for months", append([]string{"By Jane Doe"}, strings.Replace(storyA[0], "at least six", "six", 1),
		strings.Replace(storyA[1], "much faster", "faster", 1), storyA[2], storyA[3], "Read the full story at The Valley Herald.")...)
	other := art("d", 1, "Museum Reopens", storyB...)
	arts := []Article{a, exact, edited, other}
	got := DedupeClusters(arts)
	if len(got) != 1 || len(got[0].Copies) != 2 {
		t.Fatalf("clusters %+v, want one with two copies", got)
	}
	c := got[0]
	if c.Kept != a.Source || c.Copies[0].Source != exact.Source || c.Copies[1].Source != edited.Source {
		t.Errorf("cluster %+v, want a kept with e and b as copies", c)
	}
	if c.Copies[0].Similarity != 1 {
		t.Errorf("the exact copy's similarity %v, want 1", c.Copies[0].Similarity)
	}
	if s := c.Copies[1].Similarity; !(s >= DefaultThreshold && s < 1) {
		t.Errorf("the edited copy's similarity %v, want in [%v, 1)", s, DefaultThreshold)
	}
	// With KeepLongest the edited copy, the longest, is kept, and the
	// representative is a copy of similarity 1.
	got = DedupeClusters(arts, WithKeep(KeepLongest))
	if len(got) != 1 || got[0].Kept != edited.Source || len(got[0].Copies) != 2 || got[0].Copies[0] != (Copy{a.Source, 1}) {
		t.Errorf("keep longest: clusters %+v, want b kept, a a copy of similarity 1", got)
	}
	if v := optionPanic(func() { DedupeClusters(arts, WithThreshold(2)) }); v == nil {
		t.Error("DedupeClusters with an invalid option did not panic")
	}
}

// TestDedupeClustersAgree checks that DedupeClusters describes exactly
// the decisions of Dedupe, on input with many copies.
func TestDedupeClustersAgree(t *testing.T) {
	arts := wordArticles(300, 12, 7)
	for _, opts := range [][]DedupeOption{nil, {WithKeep(KeepLongest)}, {WithExactOnly()}} {
		want := map[Source][]Source{}
		for _, a := range Dedupe(arts, opts...) {
			if len(a.Duplicates) > 0 {
				want[a.Source] = a.Duplicates
			}
		}
		got := map[Source][]Source{}
		for _, c := range DedupeClusters(arts, opts...) {
			for _, cp := range c.Copies {
				got[c.Kept] = append(got[c.Kept], cp.Source)
			}
		}
		if len(want) == 0 {
			t.Fatal("the input has no copies")
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("options %d: kept and copies (-Dedupe +DedupeClusters):\n%s", len(opts), diff)
		}
	}
}
