package newsdump

import (
	"os"
	"strings"
	"testing"
)

// TestOrgRecallNews scores the ORG entities of ExtractEntities on
// hand-written news sentences (testdata/orgs_news.tsv): companies, banks,
// utilities, agencies, armed forces, parties and clubs as wire copy names
// them, many at a sentence's start ("National Grid said"). The floors are
// the figures with the organisation lists of cmd/nergaz (before
// name-suggestion-index: recall 56.2, precision 87.5).
func TestOrgRecallNews(t *testing.T) {
	const recallFloor, precisionFloor = 66.0, 88.0
	data, err := os.ReadFile("testdata/orgs_news.tsv")
	if err != nil {
		t.Fatal(err)
	}
	var tp, gold, pred int
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		text, names, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("no tab in %q", line)
		}
		want := map[string]int{}
		for _, n := range strings.Split(names, "|") {
			if n != "" {
				want[n]++
				gold++
			}
		}
		var got []string
		for _, e := range ExtractEntities(text) {
			if e.Type != ORG {
				continue
			}
			pred++
			got = append(got, e.Text)
			if want[e.Text] > 0 {
				want[e.Text]--
				tp++
			}
		}
		for n, c := range want {
			if c > 0 {
				t.Logf("missed %q in %q (found %q)", n, text, got)
			}
		}
	}
	recall, precision := 100*float64(tp)/float64(gold), 100*float64(tp)/float64(pred)
	t.Logf("ORG recall %d/%d = %.1f, precision %d/%d = %.1f", tp, gold, recall, tp, pred, precision)
	if recall < recallFloor || precision < precisionFloor {
		t.Errorf("ORG recall %.1f, precision %.1f: below the floors %.0f, %.0f", recall, precision, recallFloor, precisionFloor)
	}
}
