package newsdump

import (
	"os"
	"strings"
	"testing"
)

// newsTypes are the entity types the news sets annotate, with their codes
// in the gold lists.
var newsTypes = []struct {
	code string
	typ  EntityType
}{{"PER", PERSON}, {"ORG", ORG}, {"LOC", LOCATION}}

// newsFloor is a precision, recall and F1 floor, in percent.
type newsFloor struct{ p, r, f float64 }

// setSentence is a line of a hand-written sentence set
// (testdata/*.tsv): the sentence, its gold list (after the tab) and its
// line number.
type setSentence struct {
	text, gold string
	line       int
}

// readSentenceSet reads a hand-written sentence set: one sentence a line,
// a tab, its gold list; lines starting with "#" are comments.
func readSentenceSet(t *testing.T, path string) []setSentence {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []setSentence
	for n, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		text, gold, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("%s:%d: no tab in %q", path, n+1, line)
		}
		out = append(out, setSentence{text, gold, n + 1})
	}
	return out
}

// scoreNewsSet scores the PERSON, ORG and LOCATION entities of
// ExtractEntities on a news set (testdata/news_*.tsv: a sentence, a tab,
// "TYPE:exact text|..." in the header's conventions). An entity counts
// when its exact text and type match one in the sentence's gold list,
// compared as a multiset. Misses and false positives are logged so that a
// reader sees the kinds of errors; the per-type and all-types figures are
// logged and checked against the floors.
func scoreNewsSet(t *testing.T, path string, floors map[EntityType]newsFloor, allFloor newsFloor) {
	t.Helper()
	type key struct {
		typ  EntityType
		text string
	}
	tp, gold, pred := map[EntityType]int{}, map[EntityType]int{}, map[EntityType]int{}
	set := readSentenceSet(t, path)
	for _, ss := range set {
		text, names := ss.text, ss.gold
		want := map[key]int{}
		var order []key
		for _, name := range strings.Split(names, "|") {
			if name == "" {
				continue
			}
			code, span, ok := strings.Cut(name, ":")
			found := false
			for _, ty := range newsTypes {
				if ty.code == code {
					want[key{ty.typ, span}]++
					order = append(order, key{ty.typ, span})
					gold[ty.typ]++
					found = true
				}
			}
			if !ok || !found || !strings.Contains(text, span) {
				t.Fatalf("%s:%d: bad gold entity %q in %q", path, ss.line, name, text)
			}
		}
		var got []string
		for _, e := range ExtractEntities(text) {
			if e.Type != PERSON && e.Type != ORG && e.Type != LOCATION {
				continue
			}
			got = append(got, string(e.Type)+":"+e.Text)
			pred[e.Type]++
			k := key{e.Type, e.Text}
			if want[k] > 0 {
				want[k]--
				tp[e.Type]++
			} else {
				t.Logf("false positive %s %q in %q", e.Type, e.Text, text)
			}
		}
		for _, k := range order {
			if want[k] > 0 {
				want[k]--
				t.Logf("missed %s %q in %q (found %q)", k.typ, k.text, text, got)
			}
		}
	}
	prf := func(tp, gold, pred int) (p, r, f float64) {
		if pred > 0 {
			p = 100 * float64(tp) / float64(pred)
		}
		if gold > 0 {
			r = 100 * float64(tp) / float64(gold)
		}
		if p+r > 0 {
			f = 2 * p * r / (p + r)
		}
		return p, r, f
	}
	var allTP, allGold, allPred int
	for _, ty := range newsTypes {
		p, r, f := prf(tp[ty.typ], gold[ty.typ], pred[ty.typ])
		t.Logf("%-8s P %d/%d = %.1f  R %d/%d = %.1f  F1 %.1f", ty.typ, tp[ty.typ], pred[ty.typ], p, tp[ty.typ], gold[ty.typ], r, f)
		if fl := floors[ty.typ]; p < fl.p || r < fl.r || f < fl.f {
			t.Errorf("%s P %.1f R %.1f F1 %.1f: below the floors %.1f / %.1f / %.1f", ty.typ, p, r, f, fl.p, fl.r, fl.f)
		}
		allTP, allGold, allPred = allTP+tp[ty.typ], allGold+gold[ty.typ], allPred+pred[ty.typ]
	}
	p, r, f := prf(allTP, allGold, allPred)
	t.Logf("all      P %d/%d = %.1f  R %d/%d = %.1f  F1 %.1f (%d sentences)", allTP, allPred, p, allTP, allGold, r, f, len(set))
	if p < allFloor.p || r < allFloor.r || f < allFloor.f {
		t.Errorf("all types P %.1f R %.1f F1 %.1f: below the floors %.1f / %.1f / %.1f", p, r, f, allFloor.p, allFloor.r, allFloor.f)
	}
}

// TestNewsHeldout scores ExtractEntities on testdata/news_heldout.tsv:
// hand-written wire-style sentences from every section of a paper
// (politics, markets, sports results, courts, science, technology, energy,
// culture), written and annotated apart from the rules and never tuned on:
// no rule is to be changed to fix one of its lines.
func TestNewsHeldout(t *testing.T) {
	// Floors 2 points under the figures reached (PERSON 89.4 / 92.3 /
	// 90.8, ORG 94.8 / 81.1 / 87.4, LOCATION 92.1 / 98.1 / 95.0, all 92.3
	// / 90.1 / 91.2, with roleNames; all 92.4 / 90.3 / 91.3, ORG 94.9 /
	// 81.5 / 87.7 with teamRoleAt; all was 92.1 / 89.7 / 90.9 with the
	// tagger's weights the mean of five runs, 91.0 / 89.7 / 90.4 with its
	// word clusters, 90.0 / 87.4 / 88.7 before them); when the set was added they were PERSON 83.3 /
	// 87.1 / 85.2, ORG 87.6 / 71.8 / 78.9, LOCATION 87.6 / 96.2 / 91.7,
	// all 86.4 / 84.5 / 85.5. Floors guard against regressions only: no
	// rule was tuned on these lines.
	scoreNewsSet(t, "testdata/news_heldout.tsv", map[EntityType]newsFloor{
		PERSON:   {87.9, 90.3, 89.1},
		ORG:      {93.0, 81.3, 86.7},
		LOCATION: {91.7, 96.1, 93.9},
	}, newsFloor{91.1, 88.9, 90.0})
}

// TestNewsDev scores ExtractEntities on testdata/news_dev.tsv, the news
// sentences the rules are tuned on (titles, long organisation names,
// countries as teams, little-known companies, events and products).
func TestNewsDev(t *testing.T) {
	// Floors 2 points under the figures reached (PERSON 87.9 / 92.8 /
	// 90.3, ORG 97.0 / 82.5 / 89.2, LOCATION 84.3 / 94.6 / 89.2, all 91.1 /
	// 87.8 / 89.4, with roleNames and companyHoldings; all was 90.7 / 87.5
	// / 89.1 with roleNames alone, 90.8 / 86.9 / 88.8 with the
	// tagger's weights the mean of five runs; all
	// was 91.1 / 87.8 / 89.4 with its word clusters, whose errors the
	// rules were written against, 89.6 / 86.1 / 87.8 before them); when
	// the set was added, before the rules written for it, all was 82.2 /
	// 78.5 / 80.3 and ORG 85.8 / 66.3 / 74.8.
	scoreNewsSet(t, "testdata/news_dev.tsv", map[EntityType]newsFloor{
		PERSON:   {87.9, 90.8, 89.3},
		ORG:      {95.0, 82.8, 88.5},
		LOCATION: {84.4, 92.6, 88.3},
	}, newsFloor{90.3, 87.0, 88.6})
}

// TestWikiDev scores ExtractEntities on testdata/wiki_dev.tsv,
// encyclopedia-style sentences (histories of companies, universities,
// labels, clubs, parties, agencies, broadcasters, churches and armies),
// the kind of background text news carries and the dev sets above lack.
func TestWikiDev(t *testing.T) {
	// Floors 2 points under the figures reached (PERSON 79.5 / 95.1 /
	// 86.6, ORG 91.1 / 85.3 / 88.1, LOCATION 84.6 / 93.4 / 88.8, all 88.0 /
	// 88.2 / 88.1, with the tagger's weights the mean of five runs); when
	// the set was added, before the rules written for it, all was 81.7 /
	// 78.6 / 80.1 and ORG 90.1 / 71.0 / 79.4. With the rules it reached
	// 89.4 / 88.5 / 89.0; the tagger's word clusters lowered it to 86.8
	// (the rules were written against the errors of the tagger before
	// them) while they raised every set not tuned on: UNER PUD 71.6 →
	// 72.5, GUM test 65.8 → 66.4, news_heldout 88.7 → 90.4.
	scoreNewsSet(t, "testdata/wiki_dev.tsv", map[EntityType]newsFloor{
		PERSON:   {77.5, 93.1, 84.6},
		ORG:      {89.1, 83.3, 86.1},
		LOCATION: {82.6, 91.4, 86.8},
	}, newsFloor{86.0, 86.2, 86.1})
}

// TestEntitiesCutSentences runs ExtractEntities on every prefix and
// suffix, cut at a space or a punctuation mark, of the hand-written
// sentences of testdata/*_dev.tsv, testdata/orgs_news.tsv and
// testdata/news_heldout.tsv (their text only, not their gold): the rules look a few tokens either side of a name, and
// a name at either end of a text must give no panic and entities whose
// Text is exactly text[Start:End], in order and apart.
func TestEntitiesCutSentences(t *testing.T) {
	var texts []string
	for _, path := range []string{"testdata/news_dev.tsv", "testdata/wiki_dev.tsv", "testdata/orgs_news.tsv", "testdata/news_heldout.tsv"} {
		for _, ss := range readSentenceSet(t, path) {
			texts = append(texts, ss.text)
		}
	}
	if len(texts) < 800 {
		t.Fatalf("%d sentences read, want the four sets' 800 or more", len(texts))
	}
	cuts := 0
	for _, text := range texts {
		for i := 0; i < len(text); i++ {
			c := text[i]
			if c >= 0x80 || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' {
				continue
			}
			// At a space, and on both sides of ASCII punctuation: "(IUCN",
			// "-Fried", "& Co".
			for _, cut := range []string{text[:i], text[i+1:], text[:i+1], text[i:]} {
				cuts++
				prev := 0
				for _, e := range ExtractEntities(cut) {
					if e.Start < prev || e.End <= e.Start || e.End > len(cut) || cut[e.Start:e.End] != e.Text {
						t.Fatalf("in %q: entity %+v is not text[%d:%d], or overlaps the one before (ending at %d)", cut, e, e.Start, e.End, prev)
					}
					prev = e.End
				}
			}
		}
	}
	t.Logf("%d cut sentences of %d", cuts, len(texts))
}
