package newsdump

import (
	"bytes"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"iter"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/transform"
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
	src io.Reader
	cfg parseConfig

	// The input buffer: buf[pos:w] is read and not yet consumed; the bytes
	// before pos that the block still refers to are kept too (see fill).
	// A Reader without src has the caller's whole input as buf, and never
	// writes to it (newMemoryReader).
	buf    []byte
	pos, w int
	srcErr error // the error (io.EOF at the end) that ended the source

	line   int // lines consumed so far
	offset int // bytes consumed so far
	blanks int // blank lines since the last non-blank line
	eof    bool
	err    error // sticky: once set, every Next returns it

	started bool     // the encoding has been chosen
	dec     decoding // how the input is decoded
	lastCR  bool     // the last line read ended in CR: a LF next ends it
	checkAt int      // the line count at which to check the context next
	cl      lineCleaner
	decoded []byte // a line decoded from Windows-1252

	paged bool      // the input is page text (see page.go)
	pg    pageState // the pages of page text

	blk     block
	held    Article // last complete article; may still gain continued body
	hasHeld bool
	heldN   int       // bytes of text in held, for the size limit
	queue   []Article // articles ready to return, from queue[queued] on
	queued  int
}

// inputSize is the size of a Reader's input buffer; it grows for a longer
// line, and shrinks back after it.
const inputSize = 64 << 10

// readerScratch is the working memory a Reader grows as it reads (its
// lines, the page rules' buffers), none of which the articles it returns
// refer to. Parse hands it from one call to the next through
// scratchPool, so that a service parsing one page per call does not grow
// it anew every time.
type readerScratch struct {
	lines   []blockLine
	side    []byte
	idx     []int
	capIdx  []int
	capEnds []int
	pgLines []pageLineInfo
	pairs   pairSet
	page    pageScratch
}

var scratchPool = sync.Pool{New: func() any { return new(readerScratch) }}

// adopt gives r the buffers of s, emptied.
func (r *Reader) adopt(s *readerScratch) {
	b := &r.blk
	b.lines, b.side, b.idx, b.capIdx, b.capEnds = s.lines[:0], s.side[:0], s.idx[:0], s.capIdx[:0], s.capEnds[:0]
	r.pg.lines, r.pg.pairs, r.pg.scratch = s.pgLines[:0], s.pairs, s.page
	r.pg.pairs.forget()
	*s = readerScratch{}
}

// release moves r's buffers into s, except those grown past what a
// Reader keeps between blocks (block.reset drops the block's, the page
// state's follow the same bound), and returns s. r must not be used
// again.
func (r *Reader) release(s *readerScratch) *readerScratch {
	b := &r.blk
	b.reset()
	*s = readerScratch{b.lines, b.side, b.idx, b.capIdx, b.capEnds, r.pg.lines, r.pg.pairs, r.pg.scratch}
	if cap(s.pgLines) > maxKeptLines {
		s.pgLines = nil
	}
	if len(s.pairs.slots) > 2*maxKeptPageLines {
		s.pairs = pairSet{}
	}
	return s
}

// NewReader returns a Reader that reads a dump from r. When an option is
// invalid, the Reader reads nothing: its first Next returns the
// *[OptionError], as does every later one.
func NewReader(r io.Reader, opts ...ParseOption) *Reader {
	return (&Reader{src: r, cfg: newParseConfig(opts)}).checkOptions()
}

// newMemoryReader returns a Reader of a whole dump that is in memory: it
// reads data where it is, without copying it into a buffer of its own, and
// never writes to it. It has no source, and its source is at its end.
func newMemoryReader(data []byte, opts []ParseOption) *Reader {
	return (&Reader{buf: data, w: len(data), srcErr: io.EOF, cfg: newParseConfig(opts)}).checkOptions()
}

// checkOptions makes a Reader given an invalid option one that has
// started (so that Encoding reads nothing) and has failed with the
// option's error.
func (r *Reader) checkOptions() *Reader {
	if r.cfg.err != nil {
		r.started, r.err = true, r.cfg.err
	}
	return r
}

// Next returns the next article. At the end of the dump it returns io.EOF.
// Any other error is a *[ParseError], or an *[OptionError] for an invalid
// option; it is returned only after every article completed before the
// error, and again on every later call.
func (r *Reader) Next() (Article, error) {
	for {
		if r.queued < len(r.queue) {
			a := r.queue[r.queued]
			r.queue[r.queued] = Article{}
			if r.queued++; r.queued == len(r.queue) {
				r.queue, r.queued = r.queue[:0], 0
				if cap(r.queue) > maxKeptQueue {
					r.queue = nil // let a block of many articles go
				}
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
	// The ID has a string of its own, never a piece of a shared buffer:
	// it is what programs keep of many articles (as map keys, or in a
	// Deduper), and a kept piece would keep the whole buffer alive.
	a.ID = articleID(&a)
	return a
}

// step reads one line and, when it ends a block, turns the block into
// articles.
func (r *Reader) step() {
	if !r.started {
		r.start()
		if r.err != nil {
			return
		}
	}
	if r.cfg.ctx != nil && r.line >= r.checkAt {
		r.checkAt = r.line + contextEvery
		if err := r.cfg.ctx.Err(); err != nil {
			// Stop now: the articles not yet returned are dropped rather
			// than returned late.
			r.fail(r.line+1, r.offset, err)
			r.queue, r.queued, r.held, r.hasHeld = nil, 0, Article{}, false
			return
		}
	}
	if r.plainUTF8() && r.addBuffered() {
		return
	}
	raw, err := r.readLine()
	if r.lastCR && len(raw) > 0 && raw[0] == '\n' {
		// The LF of a CRLF that the CR-delimited read cut in two.
		r.offset += r.rawLen(raw[:1])
		raw = raw[1:]
	}
	if len(raw) > 0 {
		r.lastCR = raw[len(raw)-1] == '\r'
		r.addLines(raw)
	}
	if err == io.EOF {
		r.eof = true
		switch {
		case r.err != nil:
		case r.paged:
			r.flushPage(len(r.blk.lines), true)
		default:
			r.flushBlock()
		}
		return
	}
	if err != nil && r.err == nil {
		r.fail(r.line+1, r.offset, err) // the line that could not be read
	}
}

// contextEvery is how many lines a Reader reads between two looks at its
// context.
const contextEvery = 256

// plainUTF8 reports whether the input is UTF-8 with lines that end in LF
// or CRLF, the case the fast path serves.
func (r *Reader) plainUTF8() bool {
	return !r.dec.cr && r.dec.stream == nil && r.dec.perLine == nil
}

// addBuffered adds the plain lines at the front of what is buffered,
// without a read or a copy: each line is found and proved plain in one
// pass (plainLine) and its text goes straight into the block. It stops at
// the first line that is not plain or not complete in the buffer, which
// step then reads as usual, when an article is ready, and when the
// context is due to be checked. It reports whether it added any line.
func (r *Reader) addBuffered() bool {
	start := r.pos
	for r.err == nil && r.queued == len(r.queue) && (r.cfg.ctx == nil || r.line < r.checkAt) {
		if r.pos < r.w && r.buf[r.pos] == '\n' {
			// A blank line, a third of a dump's lines.
			r.line++
			r.offset++
			r.pos++
			if r.blanks++; r.blanks == 2 {
				r.flushBlock()
			}
			continue
		}
		// Indentation, which page text is full of, is dropped as cleaning
		// would drop it; the rest of the line may still be plain.
		indent := 0
		if r.pos < r.w && r.buf[r.pos] == ' ' { // (the samples' lines are not indented)
			indent = leadingSpaces(r.buf[r.pos:r.w])
		}
		n, size, ok := plainLine(r.buf[r.pos+indent : r.w])
		if !ok {
			break
		}
		n, size = n+indent, size+indent
		// Plain text has no two spaces in a row: past the indentation,
		// trimming takes at most one at the end.
		from, to := r.pos+indent, r.pos+n
		if to > from && r.buf[to-1] == ' ' {
			to--
		}
		r.line++
		r.addInput(from, to, r.offset)
		r.offset += size
		r.pos += size
	}
	if r.pos == start {
		return false
	}
	r.lastCR = false
	return true
}

// start chooses the encoding from the start of the input (or from
// WithEncoding), skips the byte-order mark and, for encodings whose newline
// is not the byte '\n', puts a decoder in front of the line reader.
func (r *Reader) start() {
	r.started = true
	if r.buf == nil {
		r.buf = make([]byte, inputSize)
	}
	for r.w < sniffLen && r.srcErr == nil {
		r.read()
	}
	if r.srcErr != nil && r.srcErr != io.EOF && r.w == 0 {
		r.fail(1, 0, r.srcErr)
		return
	}
	head := r.buf[:min(r.w, sniffLen)]
	var err error
	if r.cfg.encoding != nil {
		r.dec, err = forced(r.cfg.encoding, head)
	} else {
		r.dec, err = detect(head)
	}
	if err != nil {
		r.fail(1, 0, err)
		return
	}
	r.pos = r.dec.bom
	r.offset = r.dec.bom
	r.chooseLayout()
	if r.dec.stream != nil {
		// Decode everything from here on: what is buffered, then the rest.
		buffered := r.buf[r.pos:r.w]
		if r.src != nil {
			// The buffer is reused for the decoded text.
			r.src = io.MultiReader(bytes.NewReader(bytes.Clone(buffered)), r.src)
		} else {
			// The whole input is in memory (newMemoryReader): it is decoded
			// where it is, into a buffer of the Reader's own.
			r.src = bytes.NewReader(buffered)
			r.buf = make([]byte, inputSize)
		}
		r.src = transform.NewReader(r.src, r.dec.stream.NewDecoder())
		r.pos, r.w, r.srcErr = 0, 0, nil
	}
	r.blk.in = r.buf
}

// chooseLayout decides whether the input is page text, from what
// WithLayout says or else from the start of the input.
func (r *Reader) chooseLayout() {
	layout := r.cfg.layout
	if layout == LayoutAuto {
		for r.w-r.pos < layoutSniffLen && r.srcErr == nil && r.w < len(r.buf) {
			r.read()
		}
		end := min(r.w, r.pos+layoutSniffLen)
		head := r.buf[r.pos:end]
		whole := end == r.w && r.srcErr != nil
		if r.dec.stream != nil {
			// A decoder turns what it cannot read into U+FFFD rather
			// than fail, and a sniff needs no more.
			head, _ = r.dec.stream.NewDecoder().Bytes(head)
		}
		delim := byte('\n')
		if r.dec.cr {
			delim = '\r'
		}
		layout = sniffLayout(head, whole, delim, func(line []byte) []byte {
			// Indentation and a plain rest, the most common line of
			// page text, need no cleaning (as in addBuffered).
			if r.dec.stream == nil && r.dec.perLine == nil {
				rest := bytes.TrimLeft(trimTerminator(line), " ")
				if len(rest) > 0 && rest[len(rest)-1] != ' ' && plainText(rest) {
					return rest
				}
			}
			text, _, err := r.lineText(line)
			if err != nil {
				return nil
			}
			return text
		}, &r.pg.scratch.sniff)
	}
	if r.paged = layout == LayoutPage; r.paged {
		r.pg.seed = maphash.MakeSeed()
		r.pg.text = r.blk.text
	}
}

// maxEmptyReads is how many reads in a row may return nothing before the
// source is taken to be stuck (io.ErrNoProgress), as bufio does.
const maxEmptyReads = 100

// maxKeptQueue is the most queued articles whose slice the Reader keeps for
// the next block: a block that held more is let go, so that one huge block
// of glued articles does not pin its memory.
const maxKeptQueue = 64

// read reads once from the source into the free end of the buffer. A
// source that keeps returning nothing is an error, as for bufio.
func (r *Reader) read() {
	for tries := 0; tries < maxEmptyReads; tries++ {
		n, err := r.src.Read(r.buf[r.w:])
		if n < 0 || n > len(r.buf)-r.w {
			r.srcErr = errors.New("newsdump: invalid count from Read")
			return
		}
		r.w += n
		if err != nil {
			r.srcErr = err
			return
		}
		if n > 0 {
			return
		}
	}
	r.srcErr = io.ErrNoProgress
}

// fill makes room at the end of the buffer and reads into it. The input
// the block refers to is kept, unless it would take more than half the
// buffer: then the block's lines are copied out of it first. When the
// unfinished line alone takes more than half, the buffer doubles. So every
// fill frees at least half the buffer, which keeps the cost of moving input
// linear, and the buffer stays under four times the longest line.
func (r *Reader) fill() {
	keep := r.pos
	if from, ok := r.blk.inputFrom(); ok && from < keep {
		keep = from
		if r.w-keep > len(r.buf)/2 {
			r.blk.spill()
			keep = r.pos
		}
	}
	buf := r.buf
	switch n := r.w - keep; {
	case n > len(r.buf)/2:
		buf = make([]byte, 2*len(r.buf))
	case len(r.buf) > maxKeptBuffer && n < inputSize/2:
		buf = make([]byte, inputSize) // after a huge line
	}
	if keep > 0 || len(buf) != len(r.buf) {
		copy(buf, r.buf[keep:r.w])
		r.buf, r.w, r.pos = buf, r.w-keep, r.pos-keep
		r.blk.shift(keep)
		r.blk.in = r.buf
	}
	r.read()
}

// Encoding returns the name of the encoding the Reader decodes its input
// with: "UTF-8", "windows-1252", "UTF-16LE", "UTF-16BE", "UTF-32LE" or
// "UTF-32BE" as detected (see the package documentation for how), or the
// name of the encoding given with [WithEncoding]. Before the first article
// it reads the start of the input to decide. It returns "" when the input
// could not be read or is not text, or an option was invalid;
// [Reader.Next] returns that error.
func (r *Reader) Encoding() string {
	if !r.started {
		r.start()
	}
	return r.dec.name
}

// rawLen returns how many bytes of input the text p, as read, stands for.
func (r *Reader) rawLen(p []byte) int {
	if r.dec.stream == nil {
		return len(p)
	}
	return r.dec.rawLen(p)
}

// addLines adds what one read returned: normally one line, but several
// when lines inside it end with a lone CR (or, in a file of CR-terminated
// lines, with LF).
func (r *Reader) addLines(raw []byte) {
	if !r.dec.cr {
		// The usual case: one line ending in LF or CRLF (or in nothing,
		// or a CR, at the end of the input).
		cr := bytes.IndexByte(raw, '\r')
		if cr < 0 || cr == len(raw)-1 || cr == len(raw)-2 && raw[cr+1] == '\n' {
			start := r.offset
			r.line++
			r.offset += r.rawLen(raw)
			r.addLine(raw, start)
			return
		}
	}
	for len(raw) > 0 && r.err == nil { // nothing is added after an error
		n := lineEnd(raw)
		start := r.offset
		r.line++
		r.offset += r.rawLen(raw[:n])
		r.addLine(raw[:n], start)
		raw = raw[n:]
	}
}

// lineEnd returns the length of the first line of p, with its terminator:
// LF, CRLF or a lone CR.
func lineEnd(p []byte) int {
	cr := bytes.IndexByte(p, '\r')
	if cr < 0 || cr == len(p)-1 {
		if lf := bytes.IndexByte(p, '\n'); lf >= 0 {
			return lf + 1
		}
		return len(p)
	}
	if lf := bytes.IndexByte(p[:cr], '\n'); lf >= 0 {
		return lf + 1
	}
	if p[cr+1] == '\n' {
		return cr + 2
	}
	return cr + 1
}

// fail records err, found at line and byte offset off, as the Reader's
// sticky error and drops the incomplete block.
func (r *Reader) fail(line, off int, err error) {
	r.err = &ParseError{File: r.cfg.file, Line: line, Offset: off, Err: err}
	r.blk.reset()
}

// readLine returns the next line with its terminator, and consumes it.
// The slice is valid until the next read. A line longer than the article
// limit is an error.
func (r *Reader) readLine() ([]byte, error) {
	delim := byte('\n')
	if r.dec.cr {
		delim = '\r'
	}
	seen := 0 // bytes of the line already searched
	for {
		if k := bytes.IndexByte(r.buf[r.pos+seen:r.w], delim); k >= 0 {
			line := r.buf[r.pos : r.pos+seen+k+1]
			r.pos += len(line)
			return line, nil
		}
		seen = r.w - r.pos
		if r.srcErr != nil {
			line := r.buf[r.pos:r.w]
			r.pos = r.w
			return line, r.srcErr
		}
		if seen > r.cfg.maxArticleBytes {
			return nil, r.blockTooLarge(r.line + 1)
		}
		r.fill()
	}
}

func (r *Reader) tooLarge(startLine int) error {
	return fmt.Errorf("%w: more than %d bytes of text from its start at line %d to here",
		ErrArticleTooLarge, r.cfg.maxArticleBytes, startLine)
}

// addLine adds one raw input line (with its terminator) that starts at
// byte offset start.
func (r *Reader) addLine(raw []byte, start int) {
	text, lead, err := r.lineText(raw)
	if err != nil {
		r.fail(r.line, start, err)
		return
	}
	r.addText(text, lead, indentOf(raw[:lead]), start)
}

// indentOf returns the indentation that the white space before a line's
// text stands for, in characters: each space, tab or other Unicode space
// counts one, invisible characters (a zero-width space, a byte-order mark)
// none. A page's indentation is structure its rules read, and this is what
// stays of it whatever characters a page wrote it with.
func indentOf(prefix []byte) int {
	n := 0
	for len(prefix) > 0 {
		c, size := utf8.DecodeRune(prefix)
		if c == utf8.RuneError && size == 1 && prefix[0] == 0xA0 {
			c = ' ' // a Windows-1252 no-break space
		}
		if unicode.IsSpace(c) {
			n++
		}
		prefix = prefix[size:]
	}
	return n
}

// addText adds the clean text of the line just read, which starts at byte
// offset start and has lead bytes before its text, indent characters of
// indentation.
func (r *Reader) addText(text []byte, lead, indent, start int) {
	if len(text) == 0 {
		r.blanks++
		if r.blanks == 2 {
			r.flushBlock()
		}
		return
	}
	r.blanks = 0
	if r.fits(len(text), start) {
		r.blk.addCopy(text, r.line, start+lead, indent)
		if r.paged {
			r.pageLine()
		}
	}
}

// fits reports whether n more bytes of text, on the line just read at byte
// offset start, fit in the block; if not, it records the error.
func (r *Reader) fits(n, start int) bool {
	if r.blk.size()+n <= r.cfg.maxArticleBytes {
		return true
	}
	r.fail(r.line, start, r.blockTooLarge(r.line))
	return false
}

// blockTooLarge returns the error for the block, which continues with line,
// grown past the limit. Unless the block has shown chrome, and so is an
// article of its own, it might have continued the held article, which
// then is not whole either: it is dropped with the block.
func (r *Reader) blockTooLarge(line int) error {
	first := line
	if len(r.blk.lines) > 0 {
		first = r.blk.lines[0].num
	}
	if !r.blk.hasChrome() {
		r.held, r.hasHeld = Article{}, false
	}
	return r.tooLarge(first)
}

// addInput adds the plain line just read, whose text is in the input
// buffer at [from, to), starting at byte offset start.
func (r *Reader) addInput(from, to, start int) {
	if from == to {
		r.addText(nil, 0, 0, start)
		return
	}
	r.blanks = 0
	if r.blk.n+to-from <= r.cfg.maxArticleBytes || r.fits(to-from, start) {
		r.blk.addInput(from, to, r.line, start+from-r.pos, from-r.pos)
		if r.paged {
			r.pageLine()
		}
	}
}

// lineText decodes and cleans one raw line. It returns the clean text and
// how many bytes of input stand before it on the line.
func (r *Reader) lineText(raw []byte) (text []byte, lead int, err error) {
	line := trimTerminator(raw)
	switch {
	case r.dec.stream != nil: // decoded to UTF-8 before the line was read
		text, lead, err = r.cl.clean(line)
		if lead > 0 {
			lead = r.dec.rawLen(line[:lead])
		}
	case r.dec.perLine != nil:
		d, derr := r.dec.perLine.NewDecoder().Bytes(line)
		if derr != nil {
			return nil, 0, fmt.Errorf("cannot decode line as %s: %w", r.dec.name, derr)
		}
		text, lead, err = r.cl.clean(d)
		if lead > 0 {
			if e, eerr := r.dec.perLine.NewEncoder().Bytes(d[:lead]); eerr == nil {
				lead = len(e)
			}
		}
	default:
		if utf8.Valid(line) {
			return r.cl.clean(line) // which returns a plain line as it is
		}
		if cut := cutSequence(line); cut >= 0 && len(line) == len(raw) && r.dec.name == encUTF8 {
			// The end of a UTF-8 input that was cut in the middle of a
			// character (a truncated file): U+FFFD marks where it was.
			r.decoded = append(append(r.decoded[:0], line[:cut]...), "\uFFFD"...)
			return r.cl.clean(r.decoded)
		}
		// Not UTF-8: read as Windows-1252, line by line, so that a UTF-8
		// file with a few Windows-1252 lines loses nothing.
		r.decoded = decodeWindows1252(r.decoded[:0], line)
		text, lead, err = r.cl.clean(r.decoded)
		if lead > 0 {
			lead = utf8.RuneCount(r.decoded[:lead])
		}
	}
	return text, lead, err
}

// trimTerminator removes the LF, CRLF or CR that ends a raw line.
func trimTerminator(raw []byte) []byte {
	if n := len(raw); n > 0 && raw[n-1] == '\n' {
		raw = raw[:n-1]
	}
	if n := len(raw); n > 0 && raw[n-1] == '\r' {
		raw = raw[:n-1]
	}
	return raw
}

// flushBlock turns the block read so far into articles. A block with no
// header continues the held article's body.
func (r *Reader) flushBlock() {
	if len(r.blk.lines) == 0 || r.paged {
		return // a page ends where the next starts, or at the end
	}
	parts, header := r.blk.split()
	if !header && r.hasHeld && !r.blk.startsLikeArticle() {
		if r.heldN+r.blk.size() > r.cfg.maxArticleBytes {
			// The held article is the one too large: it is not returned
			// as if it were whole.
			l := r.blk.lines[0]
			r.fail(l.num, l.off, r.tooLarge(r.held.Source.Line))
			r.held, r.hasHeld = Article{}, false
			return
		}
		r.explainBlock(nil, true)
		r.heldN += r.blk.size()
		r.held.Paragraphs = append(r.held.Paragraphs, r.blk.allLines()...)
		r.blk.reset()
		return
	}
	r.explainBlock(parts, false)
	if len(parts) > 0 {
		r.heldN = r.blk.size()
	}
	for _, p := range parts {
		if r.hasHeld {
			r.queue = append(r.queue, r.held)
		}
		r.held, r.hasHeld = r.blk.article(p, r.cfg.file), true
	}
	r.blk.reset()
}
