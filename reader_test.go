package newsdump

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"

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
