package newsdump

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strconv"
	"strings"
	"unsafe"

	"golang.org/x/text/encoding"
)

// Article is one news article recovered from a dump: the publisher's text
// with the site chrome and the in-article repeats removed.
//
// The JSON form of an Article is exactly what the newsdump command prints
// for it, one object per line.
type Article struct {
	// ID is a stable hex fingerprint of the article's content (title,
	// captions and paragraphs as they are in this struct). Two copies of
	// the same article in different files, at different positions or with
	// different chrome get the same ID; any change to the text changes it.
	ID         string    `json:"id"`
	Title      string    `json:"title"`
	Captions   []Caption `json:"captions"`   // each photo once, in order
	Paragraphs []string  `json:"paragraphs"` // one per body line, in order
	Source     Source    `json:"source"`     // where the article starts
	// Duplicates lists where the other copies of this article were found.
	// Parse leaves it empty; it is filled by deduplication.
	Duplicates []Source `json:"duplicates,omitempty"`
}

// Caption is one photo caption. Credit is the text inside the parentheses
// that end the caption line ("Photo by Iranian Presidency / AFP", "AFP",
// "AP Photo/Osamah Abdulrahman"); Text is the caption without it. A caption
// line that does not end in parentheses, or ends in empty ones, has an empty
// Credit and is all Text.
type Caption struct {
	Text   string `json:"text"`
	Credit string `json:"credit"`
}

// Source is a position in an input: the file name given with [WithFile],
// the 1-based line number and the byte offset of the first byte of the
// article's title.
type Source struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Offset int    `json:"offset"`
}

// DefaultMaxArticleBytes is the largest article, in bytes of text, that a
// [Reader] accepts unless [WithMaxArticleBytes] says otherwise. It bounds
// the memory one article can take; a longer article (or a single line longer
// than this) is reported as [ErrArticleTooLarge].
const DefaultMaxArticleBytes = 64 << 20

// ParseOption configures [Parse] and [NewReader].
type ParseOption func(*parseConfig)

type parseConfig struct {
	file            string
	maxArticleBytes int
	encoding        encoding.Encoding // nil: detect
	ctx             context.Context   // nil: never cancelled
}

func newParseConfig(opts []ParseOption) parseConfig {
	c := parseConfig{maxArticleBytes: DefaultMaxArticleBytes}
	for _, o := range opts {
		o(&c)
	}
	return c
}

// WithFile sets the file name recorded in every Article's Source and in
// every error. Without it the name is empty.
func WithFile(name string) ParseOption {
	return func(c *parseConfig) { c.file = name }
}

// WithMaxArticleBytes sets the largest article, in bytes of text, that is
// accepted (see [DefaultMaxArticleBytes]). Values below 1 restore the default.
func WithMaxArticleBytes(n int) ParseOption {
	return func(c *parseConfig) {
		if n < 1 {
			n = DefaultMaxArticleBytes
		}
		c.maxArticleBytes = n
	}
}

// WithContext makes a [Reader] (or [Parse]) stop when ctx is done: from
// then on Next returns a *[ParseError] wrapping ctx.Err(), at the line
// reached, and the articles read but not yet returned are dropped. The
// context is checked every 256 lines, so a Reader stops within some tens
// of kilobytes of a usual dump; a Read call on the underlying reader that
// blocks is not interrupted (close the source for that).
func WithContext(ctx context.Context) ParseOption {
	return func(c *parseConfig) { c.ctx = ctx }
}

// Parse reads a whole dump and returns its articles in input order. An
// empty dump gives no articles and no error. On error, Parse returns the
// articles read before the error together with a *[ParseError].
//
// Parse is a loop over [Reader.Next]; use a [Reader] to hold only one
// article in memory at a time. Unlike a Reader's, the articles Parse
// returns share memory: their text is copied into buffers of 64 KiB (or
// the size of the article, if larger) that many articles fill one after
// another, which costs less than a string of its own for each. Together
// they hold about as much memory as their text; a program that keeps only
// a few of many articles for long should copy those (strings.Clone) or
// use a Reader.
func Parse(r io.Reader, opts ...ParseOption) ([]Article, error) {
	var rd *Reader
	if data, ok := inMemory(r); ok {
		rd = newMemoryReader(data, opts)
	} else {
		rd = NewReader(r, opts...)
	}
	rd.blk.share = true
	// The articles are gathered in batches and copied into one slice at
	// the end, rather than into a slice that doubles: fewer and smaller
	// copies of articles, whose every pointer the garbage collector has to
	// know about.
	var batches [][]Article
	var batch []Article
	n := 0
	for {
		a, err := rd.Next()
		if err == nil {
			if len(batch) == cap(batch) {
				if len(batch) > 0 {
					batches = append(batches, batch)
				}
				batch = make([]Article, 0, min(max(2*cap(batch), 16), 1024))
			}
			batch = append(batch, a)
			n++
			continue
		}
		if len(batches) == 0 {
			return batch, ignoreEOF(err)
		}
		out := make([]Article, 0, n)
		for _, b := range batches {
			out = append(out, b...)
		}
		return append(out, batch...), ignoreEOF(err)
	}
}

// inMemory returns the unread input of r, and consumes it, when r reads
// from memory (a *bytes.Reader or *strings.Reader, the usual way to parse
// a dump already read into memory): Parse then reads it where it is
// instead of copying it into a buffer first. The readers' WriteTo hands
// over the unread bytes in one Write (or WriteString) call, and memorySink
// keeps them. The io.Writer contract asks a writer not to keep what it is
// given, so that the caller may reuse the memory; these two readers never
// reuse or write theirs, and Parse only reads it, and only until it
// returns. Should a future WriteTo write in pieces, they are joined.
func inMemory(r io.Reader) ([]byte, bool) {
	switch r.(type) {
	case *bytes.Reader, *strings.Reader:
		var sink memorySink
		r.(io.WriterTo).WriteTo(&sink) // memorySink never fails
		return sink.data, true
	}
	return nil, false
}

type memorySink struct {
	data   []byte
	pieces int
}

func (s *memorySink) Write(p []byte) (int, error) {
	switch s.pieces++; s.pieces {
	case 1:
		s.data = p
	case 2:
		s.data = append(bytes.Clone(s.data), p...)
	default:
		s.data = append(s.data, p...)
	}
	return len(p), nil
}

// WriteString takes a string's bytes without a copy: the Reader never
// writes to its input in memory.
func (s *memorySink) WriteString(p string) (int, error) {
	return s.Write(unsafe.Slice(unsafe.StringData(p), len(p)))
}

func ignoreEOF(err error) error {
	if err == io.EOF {
		return nil
	}
	return err
}

// ParseError is the error returned for input that cannot be read or
// parsed. It names the file (as given with [WithFile]), the 1-based line and
// the byte offset where the problem was found, and wraps the cause, which is
// one of the sentinel errors of this package or the reader's own error.
type ParseError struct {
	File   string
	Line   int
	Offset int
	Err    error
}

// Error formats the error as "file:line: what is wrong", the form compilers
// and editors understand; a Reader given no file name says "<input>".
func (e *ParseError) Error() string {
	file := e.File
	if file == "" {
		file = "<input>"
	}
	return file + ":" + strconv.Itoa(e.Line) + ": " + e.Err.Error()
}

func (e *ParseError) Unwrap() error { return e.Err }

// ErrArticleTooLarge is wrapped by the *ParseError returned when one article
// (or one line) is longer than the limit set by [WithMaxArticleBytes].
var ErrArticleTooLarge = errors.New("article too large")
