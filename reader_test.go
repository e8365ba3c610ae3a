package newsdump

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

const (
	articleA = "Title A\n\nCaption A. (AFP)\nCaption A. (AFP)\nTT\n20\n\nTitle A\n\nCaption A. (AFP)\nCaption A. (AFP)\n\nBody A one.\n\nBody A two."
	articleB = "Title B\n\nTT\n\nTitle B\n\nBody B."
	sep      = "\n\n\n\n"
)

var errBoom = errors.New("boom")

// TestReaderStreams shows that the Reader hands out an article as soon as
// the block after it is complete, without reading the rest of the input:
// the source fails right after the second article, and the first two are
// still returned, followed by the source's error with its position.
func TestReaderStreams(t *testing.T) {
	src := io.MultiReader(strings.NewReader(articleA+sep+articleB+sep), iotest.ErrReader(errBoom))
	r := NewReader(src, WithFile("stream.txt"))

	a, err := r.Next()
	if err != nil || a.Title != "Title A" {
		t.Fatalf("first Next = %q, %v; want Title A, nil", a.Title, err)
	}
	b, err := r.Next()
	if err != nil || b.Title != "Title B" {
		t.Fatalf("second Next = %q, %v; want Title B, nil", b.Title, err)
	}
	_, err = r.Next()
	var pe *ParseError
	if !errors.As(err, &pe) || !errors.Is(err, errBoom) {
		t.Fatalf("third Next error = %v; want a *ParseError wrapping %v", err, errBoom)
	}
	wantLines := strings.Count(articleA+sep+articleB+sep, "\n")
	if pe.File != "stream.txt" || pe.Line != wantLines+1 || pe.Offset != len(articleA+sep+articleB+sep) {
		t.Errorf("error at %s:%d offset %d; want stream.txt:%d offset %d", pe.File, pe.Line, pe.Offset, wantLines+1, len(articleA+sep+articleB+sep))
	}
	if _, again := r.Next(); again != err {
		t.Errorf("the error is not sticky: second call gave %v", again)
	}
}

// TestReaderErrorMidArticle: an article cut short by a read error is not
// returned as if it were whole; the error says where reading stopped.
func TestReaderErrorMidArticle(t *testing.T) {
	src := io.MultiReader(strings.NewReader(articleA+sep+"Title B\n\nTT\n"), iotest.ErrReader(errBoom))
	arts, err := Parse(src, WithFile("cut.txt"))
	if len(arts) != 1 || arts[0].Title != "Title A" {
		t.Errorf("got %d articles, want only Title A", len(arts))
	}
	if !errors.Is(err, errBoom) {
		t.Fatalf("err = %v, want %v", err, errBoom)
	}
	// The error names the line that could not be read: the one after the
	// last complete line.
	line := strings.Count(articleA+sep+"Title B\n\nTT\n", "\n") + 1
	if got, want := err.Error(), "cut.txt:"+strconv.Itoa(line)+": boom"; got != want {
		t.Errorf("err = %q, want %q", got, want)
	}
}

func TestArticleTooLarge(t *testing.T) {
	big := "Title C\n\nTT\n\nTitle C\n\n" + strings.Repeat("word ", 100) + "\n\nmore"
	arts, err := Parse(strings.NewReader(articleA+sep+big+sep+articleB), WithFile("big.txt"), WithMaxArticleBytes(300))
	if !errors.Is(err, ErrArticleTooLarge) {
		t.Fatalf("err = %v, want ErrArticleTooLarge", err)
	}
	var pe *ParseError
	errors.As(err, &pe)
	startC := strings.Count(articleA+sep, "\n") + 1
	if pe.File != "big.txt" || pe.Line != startC+6 {
		t.Errorf("error at %s:%d, want big.txt:%d (the line that crossed the limit)", pe.File, pe.Line, startC+6)
	}
	if !strings.Contains(err.Error(), "from its start at line "+strconv.Itoa(startC)) {
		t.Errorf("error %q does not name the article's first line %d", err, startC)
	}
	if len(arts) != 1 || arts[0].Title != "Title A" {
		t.Errorf("articles before the error: got %d, want Title A", len(arts))
	}
}

// TestLongLineBounded: a line longer than the limit is refused while it is
// read, without holding it all in memory.
func TestLongLineBounded(t *testing.T) {
	src := io.MultiReader(strings.NewReader("Title\n"), &endless{b: 'x'})
	_, err := Parse(src, WithMaxArticleBytes(1<<20))
	if !errors.Is(err, ErrArticleTooLarge) {
		t.Fatalf("err = %v, want ErrArticleTooLarge", err)
	}
	if got := err.Error(); !strings.HasPrefix(got, "<input>:2: ") {
		t.Errorf("err = %q, want it to name line 2", got)
	}
}

// endless is a reader of one byte repeated forever.
type endless struct{ b byte }

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = e.b
	}
	return len(p), nil
}

func TestReaderAll(t *testing.T) {
	input := articleA + sep + articleB + sep + articleA
	want, err := Parse(strings.NewReader(input))
	if err != nil {
		t.Fatal(err)
	}
	var got []Article
	for a, err := range NewReader(strings.NewReader(input)).All() {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, a)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("All differs from Parse (-Parse +All):\n%s", diff)
	}
	n := 0
	for range NewReader(strings.NewReader(input)).All() {
		n++
		break
	}
	if n != 1 {
		t.Errorf("breaking out of All ran %d iterations", n)
	}
	var errs []error
	for _, err := range NewReader(iotest.ErrReader(errBoom)).All() {
		errs = append(errs, err)
	}
	if len(errs) != 1 || !errors.Is(errs[0], errBoom) {
		t.Errorf("All on a failing reader yielded %v, want one error wrapping boom", errs)
	}
}

func TestEmptyInputs(t *testing.T) {
	for _, in := range []string{"", "\n", "\n\n\n\n", " \t\n\r\n", "TT", "TT\n20\n\n\n\nTT\n"} {
		arts, err := Parse(strings.NewReader(in))
		if err != nil || len(arts) != 0 {
			t.Errorf("Parse(%q) = %d articles, %v; want none, nil", in, len(arts), err)
		}
	}
}

func TestParseErrorWithoutFile(t *testing.T) {
	err := &ParseError{Line: 3, Err: errBoom}
	if got, want := err.Error(), "<input>:3: boom"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if !errors.Is(err, errBoom) {
		t.Error("ParseError does not unwrap")
	}
}

func TestOffsetsAfterLeadingSpace(t *testing.T) {
	input := "\n\n  Title D\n\nTT\n\nTitle D\n\nBody D."
	arts, err := Parse(bytes.NewReader([]byte(input)))
	if err != nil || len(arts) != 1 {
		t.Fatalf("Parse = %d articles, %v", len(arts), err)
	}
	if got := arts[0].Source; got.Line != 3 || got.Offset != 4 {
		t.Errorf("Source = %+v, want line 3, offset 4", got)
	}
}

// The size limit holds for an article whose body goes on across blocks
// (paragraphs after two blank lines continue the article before them).
func TestArticleTooLargeAcrossBlocks(t *testing.T) {
	para := strings.Repeat("word ", 30) + "end."
	input := articleB
	for range 10 {
		input += sep + para
	}
	if arts, err := Parse(strings.NewReader(input)); err != nil || len(arts) != 1 || len(arts[0].Paragraphs) != 11 {
		t.Fatalf("without a limit: %d articles, %v; want 1 article of 11 paragraphs", len(arts), err)
	}
	_, err := Parse(strings.NewReader(input), WithMaxArticleBytes(5*len(para)))
	if !errors.Is(err, ErrArticleTooLarge) {
		t.Fatalf("err = %v, want ErrArticleTooLarge", err)
	}
	if !strings.Contains(err.Error(), "from its start at line 1 ") {
		t.Errorf("err = %q, want the limit counted from the article's first line", err)
	}

	// Two articles, each under the limit, are fine even if together they
	// are over it.
	two := articleB + sep + para + sep + para + sep + articleA + sep + para + sep + para
	arts, err := Parse(strings.NewReader(two), WithMaxArticleBytes(3*len(para)))
	if err != nil || len(arts) != 2 {
		t.Errorf("two articles under the limit: %d articles, %v", len(arts), err)
	}
}

// After an exceptional article (a 10 MB line in it), the Reader lets the
// grown buffers go instead of keeping them for the rest of the dump.
func TestReaderReleasesLargeBuffers(t *testing.T) {
	huge := "Title H\n\nTT\n\nTitle H\n\n" + strings.Repeat("x", 10<<20)
	rest := strings.Repeat(sep+articleA+sep+articleB, (16<<20)/len(sep+articleA+sep+articleB))
	r := NewReader(strings.NewReader(huge + rest))
	n := 0
	for a, err := range r.All() {
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 && a.Title != "Title H" || n > 0 && a.Title != "Title A" && a.Title != "Title B" {
			t.Fatalf("article %d is %q", n, a.Title)
		}
		if n++; n == 100000 {
			break // well past the huge line, before the end of the input
		}
	}
	if n != 100000 {
		t.Fatalf("%d articles, want at least 100000", n)
	}
	if c := cap(r.blk.side); c > maxKeptBuffer {
		t.Errorf("block buffer kept at %d bytes", c)
	}
	if c := cap(r.buf); c > maxKeptBuffer {
		t.Errorf("input buffer kept at %d bytes", c)
	}
}

// header returns an article's header as a site prints it: the title, each
// caption twice, the chrome.
func header(title string, captions ...string) string {
	var b strings.Builder
	b.WriteString(title + "\n\n")
	for _, c := range captions {
		b.WriteString(" " + c + "\n" + c + "\n")
	}
	b.WriteString("TT\n20\n\n")
	return b.String()
}

// TestAdversarial feeds the parser what no site prints but crawls bring,
// and checks the documented result of each.
func TestAdversarial(t *testing.T) {
	t.Run("50 MB single line", func(t *testing.T) {
		line := strings.Repeat("x", 50<<20)
		arts, err := Parse(strings.NewReader(line))
		if err != nil || len(arts) != 1 || arts[0].Title != line || len(arts[0].Paragraphs) != 0 {
			t.Fatalf("got %d articles, err %v; want one titled with the whole line", len(arts), err)
		}
		// Past the limit: an error naming the line, not an out-of-memory crash.
		_, err = Parse(strings.NewReader(line), WithFile("long.txt"), WithMaxArticleBytes(1<<20))
		var pe *ParseError
		if !errors.As(err, &pe) || !errors.Is(err, ErrArticleTooLarge) || pe.Line != 1 || pe.File != "long.txt" {
			t.Errorf("with a 1 MiB limit: %v; want long.txt:1 wrapping ErrArticleTooLarge", err)
		}
	})
	t.Run("1 million blank lines", func(t *testing.T) {
		arts, err := Parse(strings.NewReader(strings.Repeat("\n", 1e6)))
		if err != nil || len(arts) != 0 {
			t.Errorf("got %d articles, err %v; want none", len(arts), err)
		}
	})
	t.Run("1 million one-character lines", func(t *testing.T) {
		// Alternating lines: a title and its body.
		arts, err := Parse(strings.NewReader(strings.Repeat("a\nb\n", 5e5)))
		if err != nil || len(arts) != 1 || arts[0].Title != "a" || len(arts[0].Paragraphs) != 1e6-1 {
			t.Errorf("got %d articles, err %v; want one with 999,999 paragraphs", len(arts), err)
		}
		// The same line a million times: the title, printed again and again,
		// which is what a repeated header is.
		arts, err = Parse(strings.NewReader(strings.Repeat("a\n", 1e6)))
		if err != nil || len(arts) != 1 || arts[0].Title != "a" || len(arts[0].Paragraphs) != 0 {
			t.Errorf("same line: got %d articles, err %v; want one titled a, the rest its repeats", len(arts), err)
		}
	})
	t.Run("10 MB title", func(t *testing.T) {
		title := strings.Repeat("Long title ", 1e6)[:10<<20-1] + "T"
		arts, err := Parse(strings.NewReader(title + "\n\nThe body."))
		if err != nil || len(arts) != 1 || arts[0].Title != title || len(arts[0].Paragraphs) != 1 {
			t.Errorf("got %d articles, err %v; want one with the 10 MB title and one paragraph", len(arts), err)
		}
	})
	t.Run("chrome with no article", func(t *testing.T) {
		arts, err := Parse(strings.NewReader("TT\n20\n\n\n\nTT\n\n\nTT\n16\n\n\n\nTT"))
		if err != nil || len(arts) != 0 {
			t.Errorf("got %+v, err %v; want no article", arts, err)
		}
	})
	t.Run("100,000 captions", func(t *testing.T) {
		const n = 100000
		caps := make([]string, n)
		for i := range caps {
			caps[i] = fmt.Sprintf("Photo number %d. (AFP)", i)
		}
		input := header("Title", caps...) + "Title\n\n" + strings.Join(caps, "\n") + "\n\nThe body."
		arts, err := Parse(strings.NewReader(input))
		if err != nil || len(arts) != 1 || len(arts[0].Captions) != n || len(arts[0].Paragraphs) != 1 {
			t.Fatalf("got %d articles, err %v; want one with %d captions and one paragraph", len(arts), err, n)
		}
		if c := arts[0].Captions[n-1]; c.Text != fmt.Sprintf("Photo number %d.", n-1) || c.Credit != "AFP" {
			t.Errorf("last caption %+v", c)
		}
	})
	t.Run("header repeated 10,000 times", func(t *testing.T) {
		repeat := strings.Repeat("Title\n\n Cap. (AFP)\nCap. (AFP)\n\n", 1e4)
		arts, err := Parse(strings.NewReader(header("Title", "Cap. (AFP)") + repeat + "The body."))
		want := []Article{{Title: "Title", Captions: []Caption{{"Cap.", "AFP"}}, Paragraphs: []string{"The body."}}}
		if err != nil || len(arts) != 1 || arts[0].Title != "Title" || len(arts[0].Captions) != 1 || len(arts[0].Paragraphs) != 1 {
			t.Errorf("got %+v, err %v; want %+v", arts, err, want)
		}
	})
	t.Run("invalid UTF-8 at every position", func(t *testing.T) {
		clean, err := os.ReadFile("testdata/one_article.txt")
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i <= len(clean); i++ {
			input := append(append(append([]byte(nil), clean[:i]...), 0xFF), clean[i:]...)
			arts, err := Parse(bytes.NewReader(input))
			if err != nil || len(arts) == 0 {
				t.Fatalf("0xFF at %d: %d articles, err %v", i, len(arts), err)
			}
			for _, a := range arts {
				checkCleanText(t, a)
			}
			if !articlesContain(arts, "ÿ") {
				t.Fatalf("0xFF at %d: the byte (ÿ in Windows-1252) is lost", i)
			}
		}
	})
	t.Run("cut at every byte", func(t *testing.T) {
		full, err := os.ReadFile("testdata/one_article.txt")
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i <= len(full); i++ {
			arts, err := Parse(bytes.NewReader(full[:i]))
			if err != nil {
				t.Fatalf("cut at %d: %v", i, err)
			}
			for _, a := range arts {
				checkCleanText(t, a)
			}
			// A character cut in two leaves U+FFFD, and only then.
			cutInside := i < len(full) && !utf8.RuneStart(full[i])
			if got := articlesContain(arts, "\uFFFD"); got != cutInside {
				t.Fatalf("cut at %d: U+FFFD in the text is %v, want %v", i, got, cutInside)
			}
		}
	})
	t.Run("cut in the middle of an article", func(t *testing.T) {
		full, err := os.ReadFile("testdata/001_9335ce0f20af1e91.txt")
		if err != nil {
			t.Fatal(err)
		}
		want, _ := Parse(bytes.NewReader(full))
		cut := bytes.Index(full, []byte("Those in the area"))
		got, err := Parse(bytes.NewReader(full[:cut+5]))
		if err != nil || len(got) != 2 {
			t.Fatalf("%d articles, err %v", len(got), err)
		}
		a, b := got[1], want[1]
		if a.Title != b.Title || len(a.Paragraphs) != 4 || a.Paragraphs[3] != "Those" || a.Paragraphs[2] != b.Paragraphs[2] {
			t.Errorf("the cut article: %q", a.Paragraphs)
		}
	})
}

func articlesContain(arts []Article, s string) bool {
	for _, a := range arts {
		if strings.Contains(a.Title, s) {
			return true
		}
		for _, c := range a.Captions {
			if strings.Contains(c.Text, s) || strings.Contains(c.Credit, s) {
				return true
			}
		}
		for _, p := range a.Paragraphs {
			if strings.Contains(p, s) {
				return true
			}
		}
	}
	return false
}

// TestLinearTime checks that no input shape makes the parser quadratic:
// one input of 16n bytes takes about as long as sixteen inputs of n bytes.
// A quadratic path would take sixteen times as long; the bound (five times)
// leaves room for the noise of a shared machine and for caches, which a
// large input outgrows. Each measure is the fastest of five.
func TestLinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test; skipped with -short")
	}
	shapes := map[string]func(n int) string{
		"captions": func(n int) string {
			caps := make([]string, n/40)
			for i := range caps {
				caps[i] = fmt.Sprintf("Photo %d. (AFP)", i)
			}
			return header("Title", caps...) + "Title\n\n" + strings.Join(caps, "\n") + "\n\nBody."
		},
		"repeated headers": func(n int) string {
			return header("Title", "Cap. (AFP)") + strings.Repeat("Title\n\n Cap. (AFP)\nCap. (AFP)\n\n", n/40) + "Body."
		},
		"glued articles": func(n int) string {
			var b strings.Builder
			for i := 0; b.Len() < n; i++ {
				title := fmt.Sprintf("Title %d", i)
				b.WriteString(header(title, "Cap. (AFP)") + title + "\n\nCap. (AFP)\n\nBody.\n\n")
			}
			return b.String()
		},
		"continued bodies": func(n int) string {
			return header("Title", "Cap. (AFP)") + "Title\n\n" + strings.Repeat("A paragraph that goes on.\n\n\n", n/28)
		},
		"one long line":  func(n int) string { return strings.Repeat("word ", n/5) },
		"one-char lines": func(n int) string { return strings.Repeat("a\nb\n", n/4) },
		"chrome lines":   func(n int) string { return strings.Repeat("TT\n20\n", n/6) },
		"blank lines":    func(n int) string { return strings.Repeat("\n", n) },
		"CR lines":       func(n int) string { return strings.Repeat("Title\r\rBody.\r\r\r", n/15) },
		"mojibake":       func(n int) string { return "Title\n\n" + strings.Repeat("Blinkenâ€™s ", n/13) },
		"joiners":        func(n int) string { return "Title\n\n" + strings.Repeat("a\u200d\u200c", n/7) },
		"combining":      func(n int) string { return "Title\n\n" + strings.Repeat("Ã\u0303e\u0301", n/7) },
		"control bytes":  func(n int) string { return "Title\n\n" + strings.Repeat("ab\x01cdefghijklmnopqrstuvwxyzabc ", n/32) },
	}
	base := 512 << 10
	if raceEnabled {
		// The race detector slows the mojibake repair most: at 128 KB
		// the test took four minutes, most of CI's race run, for the
		// same ratios.
		base = 32 << 10
	}
	for name, shape := range shapes {
		t.Run(name, func(t *testing.T) {
			small, large := shape(base), shape(16*base)
			ts := fastest(t, small, 16)
			tl := fastest(t, large, 1)
			// The shapes do not hit their sizes exactly: compare per byte.
			ratio := (float64(tl) / float64(len(large))) / (float64(ts) / float64(16*len(small)))
			if ratio > 5 {
				t.Errorf("16 inputs of %d bytes took %v, one of %d bytes %v: %.1f times as long per byte",
					len(small), ts, len(large), tl, ratio)
			}
			t.Logf("16 × %d bytes: %v; %d bytes: %v (%.1f times per byte)", len(small), ts, len(large), tl, ratio)
		})
	}
}

// fastest returns the shortest of five runs, each parsing input n times
// after a garbage collection. The articles are streamed, not kept, so that
// the time is the parser's, not the collector's growing work on a growing
// result.
func fastest(t *testing.T, input string, n int) time.Duration {
	best := time.Duration(1<<63 - 1)
	for range 5 {
		runtime.GC()
		start := time.Now()
		for range n {
			r := NewReader(strings.NewReader(input))
			for _, err := range r.All() {
				if err != nil {
					t.Fatal(err)
				}
			}
		}
		best = min(best, time.Since(start))
	}
	return best
}

// endlessDump is an io.Reader of articles that never ends, or ends after
// limit bytes: a dump of any size without the memory or the disk for it.
type endlessDump struct {
	article []byte
	pos     int
	limit   int64
	read    int64
}

func newEndlessDump(limit int64) *endlessDump {
	var b []byte
	for i := range 50 {
		title := fmt.Sprintf("Article number %d of a very long dump", i)
		b = append(b, header(title, "A photo of the scene. (AFP)")...)
		b = append(b, title+"\n\n A photo of the scene. (AFP)\n\n"...)
		for p := range 12 {
			b = append(b, fmt.Sprintf("Paragraph %d of article %d, long enough to be a paragraph of news text, as they are.\n\n", p, i)...)
		}
		b = append(b, "\n\n"...)
	}
	return &endlessDump{article: b, limit: limit}
}

// newEndlessPages returns an endless many-page dump of one site, as
// newEndlessDump for page text: 20 pages that open with the site's menu
// and end with its footer, over and over.
func newEndlessPages(limit int64) *endlessDump {
	var b []byte
	for i := range 20 {
		b = append(b, "Skip to main content\n  * Home\n  * World\n  * Business\n  * Sport\n  * Weather\nSign in\n\n"...)
		b = append(b, fmt.Sprintf("Page number %d of a site that never stops publishing\n\nBy Jane Roe\n\nMarch %d, 2024\n\n", i, i+1)...)
		for p := range 10 {
			b = append(b, fmt.Sprintf("Paragraph %d of page %d says what the story is about, at the length of a paragraph of news text, as they are.\n\n", p, i)...)
		}
		b = append(b, "Related\n  * Another story\n  * One more story\n\n  * About us\n  * Contact\n© 2024 The Site\n"...)
	}
	return &endlessDump{article: b, limit: limit}
}

func (d *endlessDump) Read(p []byte) (int, error) {
	if d.limit > 0 && d.read >= d.limit {
		return 0, io.EOF
	}
	if d.limit > 0 && int64(len(p)) > d.limit-d.read {
		p = p[:d.limit-d.read]
	}
	n := 0
	for n < len(p) {
		k := copy(p[n:], d.article[d.pos:])
		n += k
		d.pos = (d.pos + k) % len(d.article)
	}
	d.read += int64(n)
	return n, nil
}

// TestStreamingMemory streams a dump of 1 GB (256 MB under the race
// detector, which is ten times slower) through a Reader and checks that the
// live heap stays under a fixed bound: memory follows the article, not the
// dump.
func TestStreamingMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("streams 1 GB; skipped with -short")
	}
	size := int64(1 << 30)
	if raceEnabled {
		size = 256 << 20
	}
	src := newEndlessDump(size)
	articles := streamBounded(t, src, 5000, nil)
	if src.read != size || articles < 100000 {
		t.Fatalf("read %d bytes, %d articles", src.read, articles)
	}
}

// TestStreamingMemoryPages is TestStreamingMemory for page text: 256 MB
// (64 MB under the race detector) of pages of one site, whose live heap
// stays under the same bound, and each page one article.
func TestStreamingMemoryPages(t *testing.T) {
	if testing.Short() {
		t.Skip("streams 256 MB; skipped with -short")
	}
	size := int64(256 << 20)
	if raceEnabled {
		size = 64 << 20
	}
	src := newEndlessPages(size)
	pages := streamBounded(t, src, 2000, func(n int, a Article) {
		if want := fmt.Sprintf("Page number %d of a site that never stops publishing", n%20); a.Title != want && src.read < size {
			t.Fatalf("page %d: title %q, want %q", n, a.Title, want)
		}
	})
	if src.read != size || int64(pages) < size/int64(len(src.article))*20 {
		t.Fatalf("read %d bytes, %d pages", src.read, pages)
	}
}

// streamBounded reads src to its end through a Reader, giving check (when
// not nil) each article and its number, and fails when the live heap,
// looked at every `every` articles, holds more than 64 MB. It returns how
// many articles it read.
func streamBounded(t *testing.T, src *endlessDump, every int, check func(int, Article)) int {
	t.Helper()
	const bound = 64 << 20
	r := NewReader(src)
	var ms runtime.MemStats
	n, peak := 0, uint64(0)
	for {
		a, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if check != nil {
			check(n, a)
		}
		if n++; n%every == 0 {
			// What the Reader holds on to, not the garbage it left.
			runtime.GC()
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapAlloc)
			if ms.HeapAlloc > bound {
				t.Fatalf("after %d articles (%d MB read) the heap holds %d MB, over %d MB",
					n, src.read>>20, ms.HeapAlloc>>20, bound>>20)
			}
		}
	}
	t.Logf("%d MB, %d articles, largest live heap %d KB", src.read>>20, n, peak>>10)
	return n
}

// TestContextCancel checks that a Reader given a context stops soon after
// the context is cancelled, even on a dump that never ends.
func TestContextCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	src := newEndlessDump(0)
	r := NewReader(src, WithFile("endless.txt"), WithContext(ctx))
	for range 100 {
		if _, err := r.Next(); err != nil {
			t.Fatal(err)
		}
	}
	cancel()
	before := src.read
	var err error
	for n := 0; err == nil; n++ {
		if n > 1000 {
			t.Fatal("still reading 1,000 articles after cancel")
		}
		_, err = r.Next()
	}
	var pe *ParseError
	if !errors.Is(err, context.Canceled) || !errors.As(err, &pe) || pe.File != "endless.txt" || pe.Line < 1 {
		t.Errorf("error %v; want a *ParseError wrapping context.Canceled", err)
	}
	if after := src.read - before; after > 1<<20 {
		t.Errorf("read %d bytes after the cancel", after)
	}
	if _, err2 := r.Next(); err2 != err {
		t.Errorf("the next call returned %v, want the same error", err2)
	}

	// A context done before the start: no article at all.
	arts, err := Parse(strings.NewReader("Title\n\nBody."), WithContext(ctx))
	if len(arts) != 0 || !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled before the start: %d articles, err %v", len(arts), err)
	}
}
