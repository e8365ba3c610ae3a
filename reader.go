package newsdump

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"iter"
	"unicode"
)

// Reader reads articles from a dump one at a time. It holds at most the
// article being assembled, the one before it (see below) and a fixed read
// buffer, so its memory follows the largest article, not the dump.
//
// Buffers grown by an exceptionally long line or article are released
// afterwards, so a Reader's memory returns to the size of the usual article.
//
// A Reader returns an article once the block after it has been read: a
// block of plain paragraphs with no header (no title repeat, no chrome, no
// captions) after two blank lines may be the same article's body continued
// rather than a new article, and that can only be known by reading it.
//
// A Reader is not safe for concurrent use; use one per goroutine.
type Reader struct {
	src *bufio.Reader
	cfg parseConfig

	line   int // lines consumed so far
	offset int // bytes consumed so far
	blanks int // blank lines since the last non-blank line
	eof    bool
	err    error // sticky: once set, every Next returns it

	blk     block
	held    Article // last complete article; may still gain continued body
	hasHeld bool
	heldN   int // bytes of text in held, for the size limit
	queue   []Article
	fp      fingerprinter
	long    []byte // a line longer than the bufio buffer is assembled here
}

// NewReader returns a Reader that reads a dump from r.
func NewReader(r io.Reader, opts ...ParseOption) *Reader {
	return &Reader{
		src: bufio.NewReaderSize(r, 64<<10),
		cfg: newParseConfig(opts),
	}
}

// Next returns the next article. At the end of the dump it returns io.EOF.
// Any other error is a *[ParseError]; it is returned only after every
// article completed before the error, and again on every later call.
func (r *Reader) Next() (Article, error) {
	for {
		if len(r.queue) > 0 {
			a := r.queue[0]
			r.queue[0] = Article{}
			r.queue = r.queue[1:]
			if len(r.queue) == 0 {
				r.queue = nil // let the backing array go
			}
			return r.finish(a), nil
		}
		if r.err != nil || r.eof {
			if r.hasHeld {
				a := r.held
				r.held, r.hasHeld = Article{}, false
				return r.finish(a), nil
			}
			if r.err != nil {
				return Article{}, r.err
			}
			return Article{}, io.EOF
		}
		r.step()
	}
}

// All returns an iterator over the remaining articles. It stops after the
// first error, which it yields with a zero Article.
func (r *Reader) All() iter.Seq2[Article, error] {
	return func(yield func(Article, error) bool) {
		for {
			a, err := r.Next()
			if err == io.EOF {
				return
			}
			if !yield(a, err) || err != nil {
				return
			}
		}
	}
}

func (r *Reader) finish(a Article) Article {
	a.ID = r.fp.id(&a)
	return a
}

// step reads one line and, when it ends a block, turns the block into
// articles.
func (r *Reader) step() {
	raw, err := r.readLine()
	start := r.offset
	if len(raw) > 0 {
		r.line++
		r.offset += len(raw)
		r.addLine(raw, start)
	}
	if err == io.EOF {
		r.eof = true
		r.flushBlock()
		return
	}
	if err != nil && r.err == nil {
		r.fail(r.line+1, r.offset, err) // the line that could not be read
	}
}

// fail records err, found at line and byte offset off, as the Reader's
// sticky error and drops the incomplete block.
func (r *Reader) fail(line, off int, err error) {
	r.err = &ParseError{File: r.cfg.file, Line: line, Offset: off, Err: err}
	r.blk.reset()
}

// readLine returns the next line with its terminator. The slice is valid
// until the next call. A line longer than the article limit is an error.
func (r *Reader) readLine() ([]byte, error) {
	if cap(r.long) > maxKeptBuffer {
		r.long = nil
	}
	line, err := r.src.ReadSlice('\n')
	if err != bufio.ErrBufferFull {
		return line, err
	}
	r.long = append(r.long[:0], line...)
	for err == bufio.ErrBufferFull {
		if len(r.long) > r.cfg.maxArticleBytes {
			return nil, r.tooLarge(r.line + 1)
		}
		line, err = r.src.ReadSlice('\n')
		r.long = append(r.long, line...)
	}
	return r.long, err
}

func (r *Reader) tooLarge(startLine int) error {
	return fmt.Errorf("%w: more than %d bytes of text from its start at line %d to here",
		ErrArticleTooLarge, r.cfg.maxArticleBytes, startLine)
}

// addLine adds one raw input line (with its terminator) that starts at
// byte offset start.
func (r *Reader) addLine(raw []byte, start int) {
	text, lead := cleanLine(raw)
	if len(text) == 0 {
		r.blanks++
		if r.blanks == 2 {
			r.flushBlock()
		}
		return
	}
	r.blanks = 0
	if r.blk.size()+len(text) > r.cfg.maxArticleBytes {
		first := r.line
		if len(r.blk.lines) > 0 {
			first = r.blk.lines[0].num
		}
		r.fail(r.line, start, r.tooLarge(first))
		return
	}
	r.blk.add(text, r.line, start+lead)
}

// flushBlock turns the block read so far into articles. A block with no
// header continues the held article's body.
func (r *Reader) flushBlock() {
	if len(r.blk.lines) == 0 {
		return
	}
	parts, header := r.blk.split()
	if !header && r.hasHeld && !r.blk.startsLikeArticle() {
		if r.heldN+r.blk.size() > r.cfg.maxArticleBytes {
			l := r.blk.lines[0]
			r.fail(l.num, l.off, r.tooLarge(r.held.Source.Line))
			return
		}
		r.heldN += r.blk.size()
		r.held.Paragraphs = append(r.held.Paragraphs, r.blk.allLines()...)
		r.blk.reset()
		return
	}
	if len(parts) > 0 {
		r.heldN = r.blk.size()
	}
	text := r.blk.takeText()
	for _, p := range parts {
		if r.hasHeld {
			r.queue = append(r.queue, r.held)
		}
		r.held, r.hasHeld = r.blk.article(p, text, r.cfg.file), true
	}
	r.blk.reset()
}

// cleanLine trims the line terminator and surrounding white space from a
// raw line, returning the text and how many bytes were trimmed in front.
func cleanLine(raw []byte) (text []byte, lead int) {
	text = bytes.TrimRight(raw, "\n")
	text = bytes.TrimRightFunc(text, isTrimmable)
	trimmed := bytes.TrimLeftFunc(text, isTrimmable)
	return trimmed, len(text) - len(trimmed)
}

// isTrimmable reports whether r is white space or an invisible character
// that can stand at either end of a line without being text: Unicode white
// space (which includes the CR of CRLF and the no-break spaces), the
// zero-width space and the byte-order mark.
func isTrimmable(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200B' || r == '\uFEFF'
}
