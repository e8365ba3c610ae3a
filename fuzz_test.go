package newsdump

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// FuzzParse checks the parser's invariants on arbitrary input: it never
// fails on in-memory input within the size limit; it gives the same
// articles fed one byte at a time; every Source points at its title; no
// chrome line reaches a field; and no text is lost: every non-blank input
// line other than chrome is a title, a caption or a paragraph of some
// article.
func FuzzParse(f *testing.F) {
	for _, d := range dumpFiles(f) {
		data, err := os.ReadFile(d)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("TT\n20\n\n\n\nTT"))
	f.Add([]byte("A\nB (x)\nB (x)\nTT\nA\nC\nD (y)\nTT\nC\nE"))
	f.Fuzz(checkParse)
}

// checkParse checks Parse's invariants on any input: no error but
// ErrBinary; the same articles read one byte at a time; sources, clean
// text and round trips; no empty title or paragraph and no chrome kept;
// captions from the input; and every dropped line explained.
func checkParse(t *testing.T, input []byte) {
	t.Helper()
	arts, err := Parse(bytes.NewReader(input))
	if err != nil && !errors.Is(err, ErrBinary) {
		t.Fatalf("Parse: %v", err)
	}
	bytewise, err2 := Parse(iotest.OneByteReader(bytes.NewReader(input)))
	if fmt.Sprint(err) != fmt.Sprint(err2) {
		t.Fatalf("Parse, one byte at a time: error %v, want %v", err2, err)
	}
	if diff := cmp.Diff(arts, bytewise, cmpopts.EquateEmpty()); diff != "" {
		t.Fatalf("one byte at a time differs (-whole +bytewise):\n%s", diff)
	}
	checkSources(t, input, arts)
	for _, a := range arts {
		checkCleanText(t, a)
		checkRoundTrips(t, a)
	}

	kept := map[string]bool{}
	paged := layoutOf(input) == LayoutPage
	for _, a := range arts {
		// A page whose headline was not found has none.
		if a.Title == "" && !paged || a.Title == "TT" {
			t.Fatalf("bad title %q", a.Title)
		}
		kept[a.Title] = true
		for _, p := range a.Paragraphs {
			if p == "" || p == "TT" {
				t.Fatalf("bad paragraph %q", p)
			}
			kept[p] = true
		}
		for _, c := range a.Captions {
			kept["caption:"+c.Text+"\x00"+c.Credit] = true
		}
	}
	if err != nil {
		return // a binary line: the articles before it are checked above
	}
	lines := inputLines(t, input)
	normalised := strings.Join(lines, "\n")
	for _, a := range arts {
		for _, c := range a.Captions {
			if !strings.Contains(normalised, c.Text) || !strings.Contains(normalised, c.Credit) {
				t.Fatalf("caption %+v is not in the input", c)
			}
		}
	}
	checkExplained(t, input, lines, arts, paged)
}

// checkExplained checks that no text is lost without a class: Explain
// gives every non-blank input line exactly one role, with the line's
// text; every title, body and caption line is in an article (a body line
// inside a paragraph, where hard-wrapped lines were joined); and a dump
// drops nothing but chrome and repeats. paged says the input is page text.
func checkExplained(t *testing.T, input []byte, lines []string, arts []Article, paged bool) {
	t.Helper()
	roles, err := Explain(bytes.NewReader(input))
	if err != nil {
		t.Fatalf("Explain: %v, but Parse read the input", err)
	}
	byLine := map[int]LineRole{}
	for _, l := range roles {
		if _, dup := byLine[l.Line]; dup {
			t.Fatalf("line %d explained twice", l.Line)
		}
		byLine[l.Line] = l
	}
	var text strings.Builder
	for _, a := range arts {
		text.WriteString(a.Title + "\x00")
		for _, p := range a.Paragraphs {
			text.WriteString(p + "\x00")
		}
		for _, c := range a.Captions {
			text.WriteString(c.Text + "\x00" + c.Credit + "\x00")
		}
	}
	all := text.String()
	for i, s := range lines {
		if s == "" {
			continue
		}
		l, ok := byLine[i+1]
		switch {
		case !ok:
			t.Fatalf("line %d %q has no role", i+1, s)
		case l.Text != s:
			t.Fatalf("line %d explained as %q, want %q", i+1, l.Text, s)
		}
		delete(byLine, i+1)
		switch l.Role {
		case RoleTitle, RoleBody:
			if !strings.Contains(all, s) && !(paged && strings.Contains(all, withoutBullet(s))) {
				t.Fatalf("line %d %q is a %s line in no article", i+1, s, l.Role)
			}
		case RoleCaption:
			if c := splitCaption(s); !paged && !strings.Contains(all, c.Text) {
				t.Fatalf("line %d %q is a caption in no article", i+1, s)
			}
		case RoleChrome, RoleRepeat:
			if paged {
				t.Fatalf("line %d %q: %s in page text", i+1, s, l.Role)
			}
		default:
			if !paged && !chromeOrBlank(s) {
				t.Fatalf("line %d %q dropped from a dump as %s (%s)", i+1, s, l.Role, l.Reason)
			}
		}
	}
	for n, l := range byLine {
		t.Fatalf("line %d %q explained but not in the input", n, l.Text)
	}
}

// withoutBullet returns a page line without the list bullet the page
// model takes off its body lines ("* ", "+ ", "- ", "• ", inscriptis's "o "
// before no lower-case letter).
func withoutBullet(s string) string {
	t := strings.TrimSpace(s)
	for _, b := range []string{"* ", "+ ", "- ", "\u2022 "} {
		if rest, ok := strings.CutPrefix(t, b); ok {
			return rest
		}
	}
	if len(t) >= 3 && t[:2] == "o " && !(t[2] >= 'a' && t[2] <= 'z') {
		return t[2:]
	}
	return t
}

// inputLines returns the lines of input as the parser sees them: decoded,
// split and cleaned, but not yet segmented into articles.
func inputLines(t *testing.T, input []byte) []string {
	t.Helper()
	r := NewReader(bytes.NewReader(input))
	if r.Encoding() == "" {
		t.Fatalf("no encoding for input the parser accepted")
	}
	input = input[r.dec.bom:]
	if r.dec.stream != nil {
		var err error
		if input, err = r.dec.stream.NewDecoder().Bytes(input); err != nil {
			t.Fatal(err)
		}
	}
	var lines []string
	for len(input) > 0 {
		n := lineEnd(input)
		text, _, err := r.lineText(input[:n])
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, string(text))
		input = input[n:]
	}
	return lines
}

// checkRoundTrips checks that an article survives what users do with it:
// the command's JSON rendering decodes to the same article, and the
// article printed again as a site prints it parses to the same article.
// The second holds for every article whose parts cannot be read as other
// parts: no caption printed the same as the title (as "0 (0)" is, from the
// caption line "0(0)"), no paragraph equal to the title or to a caption
// line, and a first paragraph that does not end in parentheses like a
// caption.
func checkRoundTrips(t *testing.T, a Article) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(a); err != nil {
		t.Fatal(err)
	}
	var back Article
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(a, back, cmpopts.EquateEmpty()); diff != "" {
		t.Fatalf("JSON round trip (-article +decoded):\n%s", diff)
	}

	if a.Title == "" {
		return // a page whose headline was not found: the samples' layout starts with one
	}
	lines := map[string]bool{a.Title: true}
	var dump strings.Builder
	dump.WriteString(a.Title + "\n\n")
	var caps []string
	for _, c := range a.Captions {
		line := c.Text
		if c.Credit != "" {
			line += " (" + c.Credit + ")"
		}
		if line == a.Title {
			return // printed, it is a repeat of the title
		}
		caps = append(caps, line)
		lines[line] = true
		dump.WriteString(" " + line + "\n" + line + "\n")
	}
	for _, p := range a.Paragraphs {
		if lines[p] {
			return
		}
	}
	if len(a.Paragraphs) > 0 {
		if _, _, ok := cutCredit(a.Paragraphs[0]); ok {
			return // reads as one more caption after the repeated title
		}
	}
	dump.WriteString("TT\n20\n\n" + a.Title + "\n\n")
	for _, c := range caps {
		dump.WriteString(c + "\n")
	}
	if len(caps) > 0 {
		dump.WriteString("\n")
	}
	dump.WriteString(strings.Join(a.Paragraphs, "\n\n"))
	again, err := Parse(strings.NewReader(dump.String()))
	if err != nil {
		t.Fatal(err)
	}
	// The samples' layout has no byline, date or standfirst: what a page
	// gave of them does not come back.
	ignore := cmpopts.IgnoreFields(Article{}, "Source", "Authors", "Published", "Description")
	if diff := cmp.Diff([]Article{a}, again, ignore, cmpopts.EquateEmpty()); diff != "" {
		t.Fatalf("the article printed as a dump parses differently (-article +parsed):\n%s\ndump:\n%s", diff, dump.String())
	}
}

// FuzzReader streams arbitrary input through a Reader with a small article
// limit. Reading stops at the first error, which must be typed and carry a
// position, and every article returned before it must be exactly the
// article Parse returns at that place without the limit.
func FuzzReader(f *testing.F) {
	for _, d := range dumpFiles(f) {
		data, err := os.ReadFile(d)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, uint16(200))
	}
	f.Add([]byte("Title\n\n"+strings.Repeat("long paragraph ", 20)), uint16(64))
	f.Fuzz(func(t *testing.T, input []byte, limit uint16) {
		full, fullErr := Parse(bytes.NewReader(input))
		r := NewReader(bytes.NewReader(input), WithFile("f.txt"), WithMaxArticleBytes(int(limit)+1))
		var got []Article
		var err error
		for {
			var a Article
			if a, err = r.Next(); err != nil {
				break
			}
			got = append(got, a)
		}
		if err != io.EOF {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.File != "f.txt" || pe.Line < 1 || pe.Offset < 0 || pe.Offset > len(input) {
				t.Fatalf("error %v: want a *ParseError with a position in f.txt", err)
			}
			if !errors.Is(err, ErrArticleTooLarge) && !errors.Is(err, ErrBinary) {
				t.Fatalf("error %v: want ErrArticleTooLarge or ErrBinary", err)
			}
			if _, err2 := r.Next(); err2 != err {
				t.Fatalf("after the error, Next returned %v", err2)
			}
		} else if fullErr != nil {
			t.Fatalf("the limited Reader read to the end, Parse failed: %v", fullErr)
		}
		if len(got) > len(full) {
			t.Fatalf("%d articles with the limit, %d without", len(got), len(full))
		}
		ignore := cmpopts.IgnoreFields(Article{}, "Source")
		if diff := cmp.Diff(full[:len(got)], got, ignore, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("articles before the limit differ from Parse's (-Parse +limited):\n%s", diff)
		}
	})
}

// FuzzExtractEntities checks ExtractEntities on arbitrary text: no panic;
// every entity's Text is exactly text[Start:End], non-empty and valid
// offsets; entities are in order and do not overlap; types are known.
func FuzzExtractEntities(f *testing.F) {
	for _, d := range dumpFiles(f) {
		data, err := os.ReadFile(d)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	f.Add("US Secretary of State Antony Blinken’s visit on Oct. 7, 2023, cost $1.8 billion.")
	f.Add("Brig. Gen. al- U.S. 2023-11- 15-month - at least $ 1,2,3 Friday, April")
	known := map[EntityType]bool{PERSON: true, ORG: true, LOCATION: true, NORP: true, DATE: true, NUMBER: true, MONEY: true, PERCENT: true}
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, e := range ExtractEntities(text) {
			if e.Start < prev || e.End <= e.Start || e.End > len(text) {
				t.Fatalf("bad span [%d,%d) after %d in %d bytes: %+v", e.Start, e.End, prev, len(text), e)
			}
			if text[e.Start:e.End] != e.Text {
				t.Fatalf("Text %q is not text[%d:%d] = %q", e.Text, e.Start, e.End, text[e.Start:e.End])
			}
			if !known[e.Type] {
				t.Fatalf("unknown type %q", e.Type)
			}
			prev = e.End
		}
	})
}

// variant is a copy of a that differs only in what the comparison text
// folds away: the title's ASCII letters in capitals, curly double quotes
// made straight, single spaces doubled, and each paragraph re-wrapped
// before its first word that starts with a lower-case ASCII letter and
// follows a letter.
func variant(a Article) Article {
	fold := func(s string) string {
		s = strings.NewReplacer("“", `"`, "”", `"`).Replace(s)
		return strings.ReplaceAll(s, " ", "  ")
	}
	upper := strings.Map(func(r rune) rune {
		if 'a' <= r && r <= 'z' {
			return r - 'a' + 'A'
		}
		return r
	}, a.Title)
	v := Article{Title: fold(upper), Source: Source{File: "variant", Line: a.Source.Line}}
	for _, p := range a.Paragraphs {
		p = fold(p)
		cut := -1
		for i := 1; i+2 < len(p); i++ {
			if p[i] == ' ' && p[i+1] == ' ' && 'a' <= p[i+2] && p[i+2] <= 'z' && unicode.IsLetter(rune(p[i-1])) {
				cut = i
				break
			}
		}
		if cut > 0 {
			v.Paragraphs = append(v.Paragraphs, p[:cut], p[cut+2:])
		} else {
			v.Paragraphs = append(v.Paragraphs, p)
		}
	}
	return v
}

// FuzzDedupe checks deduplication's invariants on the articles of any
// dump: every article is kept or listed as a duplicate exactly once; the
// result is the same on a second run and unchanged by a second
// deduplication; similarities are symmetric and between 0 and 1; and a
// copy that differs only in case, quote style, spacing and line wrapping
// is an exact duplicate.
func FuzzDedupe(f *testing.F) {
	for _, d := range dumpFiles(f) {
		data, err := os.ReadFile(d)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("Ünïcode “Quotes” — and…\n\nTT\n\nÜnïcode “Quotes” — and…\n\nCafe\u0301 \u00a0 ß İ ı \xff\n"))
	f.Fuzz(func(t *testing.T, input []byte) {
		arts, _ := Parse(bytes.NewReader(input), WithFile("in"))
		if len(arts) > 64 {
			arts = arts[:64]
		}
		kept := Dedupe(arts)
		if err := accounted(arts, kept); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(kept, Dedupe(arts)); diff != "" {
			t.Fatalf("second run differs:\n%s", diff)
		}
		if diff := cmp.Diff(kept, Dedupe(kept)); diff != "" {
			t.Fatalf("deduplicating again changed the result:\n%s", diff)
		}
		st := getTextState()
		defer putTextState(st)
		for _, a := range arts {
			for _, line := range append([]string{a.Title}, a.Paragraphs...) {
				if fast, ok := appendFoldedASCII(nil, line); ok {
					if slow := slowFold(st, line); string(fast) != string(slow) {
						t.Fatalf("fast and full folding differ on %q: %q, %q", line, fast, slow)
					}
				}
			}
		}
		for i, a := range arts {
			sa := Signature(a)
			if i > 0 {
				sb := Signature(arts[i-1])
				s1, s2 := sa.Similarity(sb), sb.Similarity(sa)
				if s1 != s2 || s1 < 0 || s1 > 1 {
					t.Fatalf("similarities %v and %v", s1, s2)
				}
			}
			v := variant(a)
			got := Dedupe([]Article{a, v}, WithExactOnly())
			if len(got) != 1 {
				t.Fatalf("a variant is not an exact duplicate:\n%q %q\n%q %q", a.Title, a.Paragraphs, v.Title, v.Paragraphs)
			}
			if sv := Signature(v); sv != sa {
				t.Fatalf("a variant has another signature")
			}
		}
	})
}

// slowFold is the full path of textState.addLine: NFC, case folding,
// punctuation folding.
func slowFold(st *textState, s string) []byte {
	st.nfc = norm.NFC.AppendString(st.nfc[:0], s)
	folded, _, err := transform.Append(st.caser, make([]byte, 0, len(st.nfc)+foldSlack), st.nfc)
	if err != nil {
		folded = st.nfc
	}
	return appendFoldedPunct(nil, folded)
}

// FuzzSentences checks the invariants of checkSentenceInvariants on
// arbitrary input, seeded with the sample dumps and the news cases.
func FuzzSentences(f *testing.F) {
	for _, name := range dumpFiles(f) {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	for _, p := range sentencePieces {
		f.Add(p)
	}
	f.Add("At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went to the store.")
	f.Add("compounds. . . . The practice was not abandoned. . . .")
	f.Add("1.) The first item 2.) The second item")
	f.Add("words: WASHINGTON (Reuters) - U.S. Muslim groups said: http://a.b/c http://d.e/f Next")
	f.Add("Great news! 🎉 See you.")
	f.Fuzz(func(t *testing.T, text string) {
		checkSentenceInvariants(t, text)
	})
}

// TestTruncatedPages holds Parse's invariants (checkParse) on every real
// page text of ../shared/extract, whole and cut short at six places,
// mid-line and mid-character as a crawl that stopped writing leaves them.
func TestTruncatedPages(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "shared", "extract", "dev", "*.*.txt"))
	if len(files) == 0 {
		t.Skip("no ../shared/extract/dev beside the repository: this test needs the real page texts")
	}
	for _, f := range files {
		if strings.HasSuffix(f, ".gold.txt") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for k := 1; k <= 7; k++ {
			cut := len(data) * k / 7
			t.Run(fmt.Sprintf("%s/%d", filepath.Base(f), cut), func(t *testing.T) { checkParse(t, data[:cut]) })
		}
	}
}
