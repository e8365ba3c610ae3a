package newsdump

import (
	"encoding/json"
	"errors"
	"io/fs"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// sharedSegment is where the shared evaluation data lives, beside the
// repository; users who fetch the module do not have it.
const sharedSegment = "../shared/segment/"

// readShared decodes a JSON file of the shared data into v, skipping the
// test when the file is absent.
func readShared(t *testing.T, name string, v any) {
	t.Helper()
	data, err := os.ReadFile(sharedSegment + name)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s%s is absent (it sits beside the repository in CI, not in the module): skipping", sharedSegment, name)
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s%s: %v", sharedSegment, name, err)
	}
}

// sentenceTexts returns the text of each span.
func sentenceTexts(text string, spans []Span) []string {
	out := make([]string, len(spans))
	for i, sp := range spans {
		out[i] = text[sp.Start:sp.End]
	}
	return out
}

// checkSpans fails unless spans are in order, non-empty, trimmed and
// non-overlapping, and everything outside them is whitespace, so that the
// spans plus the whitespace between them are exactly text.
func checkSpans(t *testing.T, text string, spans []Span) {
	t.Helper()
	prev := 0
	var rebuilt strings.Builder
	for i, sp := range spans {
		if sp.Start < prev || sp.End <= sp.Start || sp.End > len(text) {
			t.Fatalf("span %d %v out of order, empty or out of range (previous end %d, len %d) in %q", i, sp, prev, len(text), text)
		}
		gap := text[prev:sp.Start]
		if strings.TrimFunc(gap, unicode.IsSpace) != "" {
			t.Fatalf("text %q before span %d %v is not whitespace, in %q", gap, i, sp, text)
		}
		s := text[sp.Start:sp.End]
		if strings.TrimFunc(s, unicode.IsSpace) != s {
			t.Fatalf("span %d %v = %q is not trimmed", i, sp, s)
		}
		rebuilt.WriteString(gap)
		rebuilt.WriteString(s)
		prev = sp.End
	}
	if tail := text[prev:]; strings.TrimFunc(tail, unicode.IsSpace) != "" {
		t.Fatalf("text %q after the last span is not whitespace, in %q", tail, text)
	}
	rebuilt.WriteString(text[prev:])
	if rebuilt.String() != text {
		t.Fatalf("spans and gaps do not rebuild the input:\n got %q\nwant %q", rebuilt.String(), text)
	}
}

type goldenRule struct {
	ID        int      `json:"id"`
	Name      string   `json:"name"`
	Input     string   `json:"input"`
	Want      []string `json:"want"`
	InPySBD48 bool     `json:"in_pysbd48"`
}

// collapseSpace turns each run of whitespace into one space.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// TestGoldenRules runs the 52 English Golden Rules of the Pragmatic
// Segmenter: each input must split into exactly the wanted sentences.
// Spans point into the input and cannot rewrite it, while rules 40 and 41
// want an errant line break inside a sentence read as a space: for inputs
// with a line break, whitespace runs inside a sentence compare as one
// space.
func TestGoldenRules(t *testing.T) {
	var rules []goldenRule
	readShared(t, "golden_rules_en.json", &rules)
	if len(rules) != 52 {
		t.Fatalf("got %d golden rules, want 52", len(rules))
	}
	passed, passed48 := 0, 0
	for _, r := range rules {
		spans := Sentences(r.Input)
		checkSpans(t, r.Input, spans)
		got := sentenceTexts(r.Input, spans)
		if strings.Contains(r.Input, "\n") {
			for i := range got {
				got[i] = collapseSpace(got[i])
			}
		}
		if diff := cmp.Diff(r.Want, got); diff != "" {
			t.Errorf("rule %d (%s): %q (-want +got):\n%s", r.ID, r.Name, r.Input, diff)
			continue
		}
		passed++
		if r.InPySBD48 {
			passed48++
		}
	}
	t.Logf("golden rules: %d/52 (%d/48 on pySBD's subset)", passed, passed48)
}

type ewtParagraph struct {
	Doc   string   `json:"doc"`
	Par   int      `json:"par"`
	Text  string   `json:"text"`
	Sents []string `json:"sents"`
}

// boundaries returns the start offsets of every sentence but the first of
// a paragraph whose gold sentences are sents.
func goldBoundaries(t *testing.T, p ewtParagraph) map[int]bool {
	t.Helper()
	b := map[int]bool{}
	pos := 0
	for i, s := range p.Sents {
		k := strings.Index(p.Text[pos:], s)
		if k < 0 {
			t.Fatalf("%s par %d: gold sentence %q not in text", p.Doc, p.Par, s)
		}
		if i > 0 {
			b[pos+k] = true
		}
		pos += k + len(s)
	}
	return b
}

// TestEWTWeblog scores sentence boundaries against the gold splits of the
// UD English-EWT weblog paragraphs: a boundary is the start of a sentence
// other than a paragraph's first. Precision and recall must stay above the
// floors reached when the splitter was tuned.
func TestEWTWeblog(t *testing.T) {
	const minPrecision, minRecall, minF1 = 0.995, 0.965, 0.98
	var pars []ewtParagraph
	readShared(t, "ewt_weblog_en.json", &pars)
	tp, fp, fn := 0, 0, 0
	for _, p := range pars {
		gold := goldBoundaries(t, p)
		spans := Sentences(p.Text)
		checkSpans(t, p.Text, spans)
		got := map[int]bool{}
		for _, sp := range spans[min(1, len(spans)):] {
			got[sp.Start] = true
		}
		for b := range got {
			if gold[b] {
				tp++
			} else {
				fp++
				if testing.Verbose() {
					t.Logf("false split: %q | %q", p.Text[max(0, b-50):b], p.Text[b:min(len(p.Text), b+30)])
				}
			}
		}
		for b := range gold {
			if !got[b] {
				fn++
				if testing.Verbose() {
					t.Logf("missed split: %q | %q", p.Text[max(0, b-50):b], p.Text[b:min(len(p.Text), b+30)])
				}
			}
		}
	}
	p := float64(tp) / float64(tp+fp)
	r := float64(tp) / float64(tp+fn)
	f1 := 2 * p * r / (p + r)
	t.Logf("EWT weblog: %d boundaries, %d found, %d false: precision %.4f recall %.4f F1 %.4f", tp+fn, tp, fp, p, r, f1)
	if p < minPrecision || r < minRecall || f1 < minF1 {
		t.Errorf("precision %.4f recall %.4f F1 %.4f, want at least %.3f, %.3f, %.3f", p, r, f1, minPrecision, minRecall, minF1)
	}
}

// TestSentencesNews covers what news text does, most of it taken from the
// sample dumps.
func TestSentencesNews(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"title before a name", "Late Tuesday, Houthi military spokesman Brig. Gen. Yahya Saree said the militias shot down an MQ-9 Reaper drone over Yemen's Hajjah governorate.",
			[]string{"Late Tuesday, Houthi military spokesman Brig. Gen. Yahya Saree said the militias shot down an MQ-9 Reaper drone over Yemen's Hajjah governorate."}},
		{"titles", "Dr. Ahmed al-Mandhari met Gov. Gavin Newsom and Sen. Lindsey Graham.",
			[]string{"Dr. Ahmed al-Mandhari met Gov. Gavin Newsom and Sen. Lindsey Graham."}},
		{"U.S. mid-sentence", "The U.S. military said U.S. Central Command struck 12 targets.",
			[]string{"The U.S. military said U.S. Central Command struck 12 targets."}},
		{"U.S. ending a sentence", "The drones were not made in the U.S. They came from Iran.",
			[]string{"The drones were not made in the U.S.", "They came from Iran."}},
		{"U.S. ending a paragraph", "The strike was carried out by the U.S.",
			[]string{"The strike was carried out by the U.S."}},
		{"date ending a sentence", "The attacks bring the total number of strikes to at least 40 since Oct. 17. The Islamic Resistance also claimed responsibility.",
			[]string{"The attacks bring the total number of strikes to at least 40 since Oct. 17.", "The Islamic Resistance also claimed responsibility."}},
		{"date mid-sentence", "It came just ahead of the Jan. 20 inauguration of US President-elect Donald Trump.",
			[]string{"It came just ahead of the Jan. 20 inauguration of US President-elect Donald Trump."}},
		{"number prefix", "He is the No. 2 official. Iran is No. 1. The rest follow.",
			[]string{"He is the No. 2 official.", "Iran is No. 1.", "The rest follow."}},
		{"saint and street", "He prayed at St. Joseph's Church on Main St. The police watched.",
			[]string{"He prayed at St. Joseph's Church on Main St.", "The police watched."}},
		{"possessive after Jr.", "Martin Luther King Jr.'s speech was replayed. Robert F. Kennedy Jr. He spoke too.",
			[]string{"Martin Luther King Jr.'s speech was replayed.", "Robert F. Kennedy Jr.", "He spoke too."}},
		{"initials", "The book by J. R. R. Tolkien and the film by J.J. Abrams sold well.",
			[]string{"The book by J. R. R. Tolkien and the film by J.J. Abrams sold well."}},
		{"decimals and money", "The deal is worth $1.8 billion. Inflation rose 3.5% in May. Shares fell 2.5 percent.",
			[]string{"The deal is worth $1.8 billion.", "Inflation rose 3.5% in May.", "Shares fell 2.5 percent."}},
		{"a.m. and p.m.", "The attack began at 3 a.m. local time. Sirens sounded at 10:30 p.m. Residents fled. The vote is at 6 p.m. Friday.",
			[]string{"The attack began at 3 a.m. local time.", "Sirens sounded at 10:30 p.m.", "Residents fled.", "The vote is at 6 p.m. Friday."}},
		{"ellipses", "He paused . . . and then spoke. It was over… The crowd left... slowly.",
			[]string{"He paused . . . and then spoke.", "It was over…", "The crowd left... slowly."}},
		{"quote then attribution", "“An interceptor was launched toward the missile, and the missile was most likely successfully intercepted,” the Israeli military said.",
			[]string{"“An interceptor was launched toward the missile, and the missile was most likely successfully intercepted,” the Israeli military said."}},
		{"quote ending a sentence", "Saree said the militias targeted the drone with “a locally manufactured missile.” The US is targeting the Houthis.",
			[]string{"Saree said the militias targeted the drone with “a locally manufactured missile.”", "The US is targeting the Houthis."}},
		{"quoted question", "“Why now?” he asked. “Because we can,” she said.",
			[]string{"“Why now?” he asked.", "“Because we can,” she said."}},
		{"parentheses", "Houthi supporters chant slogans in Sanaa, Yemen, Friday, April 18, 2025. (AP Photo/Osamah Abdulrahman)",
			[]string{"Houthi supporters chant slogans in Sanaa, Yemen, Friday, April 18, 2025.", "(AP Photo/Osamah Abdulrahman)"}},
		{"parenthetical", "The group (which is backed by Iran.) denied it.",
			[]string{"The group (which is backed by Iran.) denied it."}},
		{"headline and blank line", "Yemen's Houthis Fire Missile Toward Northern Israel\n\nYemen's Houthi militias launched a missile early Wednesday.",
			[]string{"Yemen's Houthis Fire Missile Toward Northern Israel", "Yemen's Houthi militias launched a missile early Wednesday."}},
		{"lines without periods", "Israel, Hamas Reach Ceasefire Agreement\nIsrael and Hamas agreed to a deal.",
			[]string{"Israel, Hamas Reach Ceasefire Agreement", "Israel and Hamas agreed to a deal."}},
		{"bullet lines", "Key points:\n• Israel and Hamas agreed to a deal\n• Hostages will be released\n- Aid will flow",
			[]string{"Key points:", "• Israel and Hamas agreed to a deal", "• Hostages will be released", "- Aid will flow"}},
		{"bullets on one line", "• Hostages will be released • Aid will flow",
			[]string{"• Hostages will be released", "• Aid will flow"}},
		{"dashes inside a dash item", "- The talks - which began Monday - ended\n- Aid will flow",
			[]string{"- The talks - which began Monday - ended", "- Aid will flow"}},
		{"URL and e-mail", "Read more at https://www.reuters.com/world/middle-east/. Write to news@example.com. We reply.",
			[]string{"Read more at https://www.reuters.com/world/middle-east/.", "Write to news@example.com.", "We reply."}},
		{"URL mid-sentence", "See www.example.com/a.b for details.",
			[]string{"See www.example.com/a.b for details."}},
		{"emoji", "What a win 🎉 Fans celebrated! 🇮🇱🎉 Flags waved. 😀",
			[]string{"What a win 🎉 Fans celebrated! 🇮🇱🎉", "Flags waved. 😀"}},
		{"dateline", "GAZA (Reuters) - Israeli strikes killed 12 people, medics said.",
			[]string{"GAZA (Reuters) -", "Israeli strikes killed 12 people, medics said."}},
		{"no dateline", "NATO - Russia talks resumed.",
			[]string{"NATO - Russia talks resumed."}},
		{"title at a line end", "He met Mr.\nSmith yesterday.",
			[]string{"He met Mr.\nSmith yesterday."}},
		{"blank line after a title", "He met Mr.\n\nSmith yesterday.",
			[]string{"He met Mr.", "Smith yesterday."}},
		{"lines in a paragraph", "Sirens sounded in Haifa.\n“An interceptor was launched,” the military said.\nThose in the area could hear booms",
			[]string{"Sirens sounded in Haifa.", "“An interceptor was launched,” the military said.", "Those in the area could hear booms"}},
		{"e.g. and i.e.", "Some groups, e.g. the Houthis, fired drones, i.e. Shahed models.",
			[]string{"Some groups, e.g. the Houthis, fired drones, i.e. Shahed models."}},
		{"company", "The drones were built by Acme Inc. The company denied it. Acme Inc. Chairman John Doe spoke.",
			[]string{"The drones were built by Acme Inc.", "The company denied it.", "Acme Inc. Chairman John Doe spoke."}},
		{"hyphenated abbreviation", "U.S.-backed forces advanced. The vote was 5-3. Justice Kennedy joined.",
			[]string{"U.S.-backed forces advanced.", "The vote was 5-3.", "Justice Kennedy joined."}},
		{"non-breaking spaces", "It ended.\u00a0Then it began.\u2003",
			[]string{"It ended.", "Then it began."}},
		{"whitespace only", " \n\t ", nil},
		{"empty", "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			spans := Sentences(tc.text)
			checkSpans(t, tc.text, spans)
			got := sentenceTexts(tc.text, spans)
			if diff := cmp.Diff(tc.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Sentences(%q) (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}

// checkSentenceInvariants checks what must hold for any text: the spans
// are well formed (see checkSpans); leading whitespace only shifts them;
// and a blank line is a hard boundary, so that appending a blank line and
// more text leaves the text's own sentences as they were (which is why
// splitting a document whole or paragraph by paragraph agrees).
func checkSentenceInvariants(t *testing.T, text string) {
	t.Helper()
	spans := Sentences(text)
	checkSpans(t, text, spans)

	const prefix = " \n\u00a0"
	shifted := Sentences(prefix + text)
	want := make([]Span, len(spans))
	for i, sp := range spans {
		want[i] = Span{sp.Start + len(prefix), sp.End + len(prefix)}
	}
	if diff := cmp.Diff(want, shifted, cmpopts.EquateEmpty()); diff != "" {
		t.Fatalf("leading whitespace changed the sentences of %q (-want +got):\n%s", text, diff)
	}

	longer := Sentences(text + "\n\nThe end.")
	if len(longer) < len(spans) {
		t.Fatalf("appending a paragraph to %q lost sentences: %v, then %v", text, spans, longer)
	}
	if diff := cmp.Diff(spans, longer[:len(spans)], cmpopts.EquateEmpty()); diff != "" {
		t.Fatalf("appending a paragraph changed the sentences of %q (-alone +followed):\n%s", text, diff)
	}
}

// sentencePieces are fragments that exercise the splitter's rules;
// TestSentencesProperties glues random sequences of them together.
var sentencePieces = []string{
	"The", "house", "said", "U.S.", "Mr.", "Brig.", "Gen.", "Oct.", "17.", "No.", "2", "a.m.", "p.m.",
	"J.", "I.", "e.g.", "$1.8", "Co.", "Jr.'s", ".", "..", "...", ". . .", "…", "?", "!", "?!", ":",
	":)", "\"", "“", "”", "'", "’", "(", ")", "[", "]", "[...]", "•", "⁃", "-", "--", "—", "*", "1.",
	"2.)", "3)", "a.", "b.", "WASHINGTON", "(Reuters)", "https://example.com/a.b", "www.x.org",
	"jane.doe@example.com", "world.Today", "1,000.That", "🎉", "🇮🇱", "\u200d", "\ufe0f", "é", "Éclair",
	"\xff", "\xe2\x80", "\xc2", ";", ",", "http://", "://", "N°.",
	" ", " ", " ", " ", "  ", "\n", "\n\n", "\t", "\r\n", "\u00a0", "\u2003", "\u3000", "\u2028",
}

// TestSentencesProperties checks the invariants on the sample dumps and
// on many random texts built from tricky pieces.
func TestSentencesProperties(t *testing.T) {
	for _, name := range dumpFiles(t) {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		checkSentenceInvariants(t, string(data))
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for range 20000 {
		b.Reset()
		for range rng.IntN(30) {
			b.WriteString(sentencePieces[rng.IntN(len(sentencePieces))])
			if rng.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		checkSentenceInvariants(t, b.String())
	}
}

// TestSentencesConcurrent splits the same texts from several goroutines
// (run it with -race): the tables are only read, so every goroutine gets
// what a lone call gets.
func TestSentencesConcurrent(t *testing.T) {
	var texts []string
	for _, name := range dumpFiles(t) {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	want := make([][]Span, len(texts))
	for i, text := range texts {
		want[i] = Sentences(text)
	}
	errs := make(chan string, 8)
	for range 8 {
		go func() {
			for i, text := range texts {
				if diff := cmp.Diff(want[i], Sentences(text)); diff != "" {
					errs <- diff
					return
				}
			}
			errs <- ""
		}()
	}
	for range 8 {
		if diff := <-errs; diff != "" {
			t.Errorf("a concurrent call differs (-alone +concurrent):\n%s", diff)
		}
	}
}
