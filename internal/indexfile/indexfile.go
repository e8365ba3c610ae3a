// Package indexfile is the container of newsdump's saved indexes: a
// header, then typed sections, each cut into checksummed frames, then an
// end marker. It knows nothing of what the sections hold.
//
//	file    = magic[8] version:u32 section* end
//	section = frame* (of one kind, each with a payload) frame (of that kind, empty)
//	frame   = kind:u32 length:u32 payload[length] crc:u32
//	end     = frame of kind 0, empty
//
// Integers are little-endian; crc is the CRC-32C (Castagnoli) of the
// frame's kind, length and payload. A frame holds at most MaxFrame bytes
// of payload, so that a reader verifies each frame before it hands out
// any of its bytes, holds one frame at a time and never trusts a length
// it has not checked (a corrupted length fails the checksum or the
// MaxFrame bound, it does not make the reader allocate gigabytes).
//
// CRC-32C rather than a cryptographic hash: the threat is accidental (a
// truncated copy, a flipped bit, a disk that lies), which a 32-bit CRC
// per 64 KiB frame detects with a miss chance of 2^-32 per damaged frame
// and every burst of up to 32 bits for certain, at the speed of the
// hardware instruction (several GB/s) instead of SHA-256's few hundred
// MB/s without SHA extensions. An index is not a security boundary: who
// can write it can write a valid one.
package indexfile

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
)

// Magic starts every index. Like PNG's signature it has a byte above
// 0x7f, a CR LF and a LF, so that a copy through a text-mode channel
// (which strips the high bit or rewrites line ends) no longer matches.
const Magic = "\x89NDX\r\n\x1a\n"

// HeaderSize is the size of the magic number and the version.
const HeaderSize = 8 + 4

// MaxFrame is the largest payload of one frame.
const MaxFrame = 64 << 10

// End is the kind of the frame that ends a file; section kinds are
// other values.
const End = 0

const frameHeader = 8 // kind, length

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// The kinds of error, wrapped by *Error.
var (
	ErrNotIndex  = errors.New("not an index (no index magic number)")
	ErrVersion   = errors.New("index version not supported")
	ErrTruncated = errors.New("index truncated")
	ErrCorrupt   = errors.New("index corrupt")
)

// Error is a problem at a byte offset of an index.
type Error struct {
	Offset int64  // of the frame or value at fault
	Kind   uint32 // the section being read, End if none
	Err    error  // wraps one of the Err values, or the reader's error
}

func (e *Error) Error() string { return fmt.Sprintf("byte %d: %v", e.Offset, e.Err) }
func (e *Error) Unwrap() error { return e.Err }

// Writer writes an index. Its methods record the first error and do
// nothing after it; Close returns it.
type Writer struct {
	w     io.Writer
	buf   []byte // the frame being filled: header, then payload
	kind  uint32
	n     int64
	err   error
	inSec bool
}

// NewWriter writes the header of an index of the given version to w.
func NewWriter(w io.Writer, version uint32) *Writer {
	iw := &Writer{w: w, buf: make([]byte, frameHeader, frameHeader+MaxFrame+4)}
	var h [HeaderSize]byte
	copy(h[:], Magic)
	binary.LittleEndian.PutUint32(h[len(Magic):], version)
	iw.write(h[:])
	return iw
}

func (w *Writer) write(p []byte) {
	if w.err != nil {
		return
	}
	n, err := w.w.Write(p)
	w.n += int64(n)
	w.err = err
}

// Begin starts a section of the given kind (not End), ending the one
// before if it is open.
func (w *Writer) Begin(kind uint32) {
	if kind == End && w.err == nil {
		w.err = errors.New("indexfile: section kind 0 is the end marker")
	}
	w.EndSection()
	w.kind, w.inSec = kind, true
}

// Write adds p to the open section's payload.
func (w *Writer) Write(p []byte) (int, error) {
	if !w.inSec && w.err == nil {
		w.err = errors.New("indexfile: Write outside a section")
	}
	n := len(p)
	for len(p) > 0 && w.err == nil {
		k := copy(w.buf[len(w.buf):frameHeader+MaxFrame], p)
		w.buf = w.buf[:len(w.buf)+k]
		p = p[k:]
		if len(w.buf) == frameHeader+MaxFrame {
			w.flush()
		}
	}
	if w.err != nil {
		return 0, w.err
	}
	return n, nil
}

// flush writes the frame being filled, which may be empty.
func (w *Writer) flush() {
	binary.LittleEndian.PutUint32(w.buf[0:], w.kind)
	binary.LittleEndian.PutUint32(w.buf[4:], uint32(len(w.buf)-frameHeader))
	w.buf = binary.LittleEndian.AppendUint32(w.buf, crc32.Checksum(w.buf, castagnoli))
	w.write(w.buf)
	w.buf = w.buf[:frameHeader]
}

// EndSection ends the open section, if any.
func (w *Writer) EndSection() {
	if !w.inSec {
		return
	}
	if len(w.buf) > frameHeader {
		w.flush()
	}
	w.flush() // the empty frame that ends the section
	w.inSec = false
}

// Close ends the open section and the file, and returns the number of
// bytes written and the first error.
func (w *Writer) Close() (int64, error) {
	w.EndSection()
	w.kind = End
	w.flush()
	return w.n, w.err
}

// Reader reads an index, one section at a time; within a section it is
// an io.Reader and io.ByteReader of the section's payload.
type Reader struct {
	r       *bufio.Reader
	off     int64  // bytes consumed from r
	kind    uint32 // of the current section
	frame   []byte // the current frame's verified payload
	pos     int    // read position in frame
	atEnd   bool   // the current section's empty frame was read
	done    bool   // the end marker was read
	version uint32
	dataOff int64 // offset of the current frame's payload
}

// NewReader reads the header of an index and returns a Reader positioned
// before its first section. An index of a version above maxVersion is an
// error wrapping ErrVersion; the version read is returned with it.
func NewReader(r io.Reader, maxVersion uint32) (*Reader, uint32, error) {
	ir := &Reader{r: bufio.NewReaderSize(r, 16<<10), atEnd: true}
	var h [HeaderSize]byte
	n, err := io.ReadFull(ir.r, h[:])
	ir.off += int64(n)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, 0, &Error{0, End, err}
	}
	if m := min(n, len(Magic)); string(h[:m]) != Magic[:m] {
		return nil, 0, &Error{0, End, ErrNotIndex}
	}
	if err != nil {
		return nil, 0, ir.readErr(0, err)
	}
	v := binary.LittleEndian.Uint32(h[len(Magic):])
	if v == 0 {
		return nil, 0, &Error{int64(len(Magic)), End, fmt.Errorf("%w: version 0", ErrCorrupt)}
	}
	if v > maxVersion {
		return nil, v, &Error{int64(len(Magic)), End, fmt.Errorf("%w: version %d, this reader knows up to %d", ErrVersion, v, maxVersion)}
	}
	ir.version = v
	return ir, v, nil
}

// readErr turns an error of the underlying reader at offset off into an
// *Error: an end of input is a truncation.
func (r *Reader) readErr(off int64, err error) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return &Error{off, r.kind, fmt.Errorf("%w: input ends at byte %d", ErrTruncated, r.off)}
	}
	return &Error{off, r.kind, err}
}

// readFrame reads and verifies the next frame.
func (r *Reader) readFrame() (kind uint32, err error) {
	start := r.off
	var h [frameHeader]byte
	n, err := io.ReadFull(r.r, h[:])
	r.off += int64(n)
	if err != nil {
		return 0, r.readErr(start, err)
	}
	kind = binary.LittleEndian.Uint32(h[0:])
	length := binary.LittleEndian.Uint32(h[4:])
	if length > MaxFrame {
		return 0, &Error{start, r.kind, fmt.Errorf("%w: frame of %d bytes, more than %d", ErrCorrupt, length, MaxFrame)}
	}
	if cap(r.frame) < int(length)+4 {
		r.frame = make([]byte, 0, max(int(length)+4, 2*cap(r.frame)))
	}
	buf := r.frame[:length+4]
	r.frame, r.pos = r.frame[:0], 0 // nothing of a frame that fails is read
	n, err = io.ReadFull(r.r, buf)
	r.off += int64(n)
	if err != nil {
		return 0, r.readErr(start, err)
	}
	crc := crc32.Update(crc32.Checksum(h[:], castagnoli), castagnoli, buf[:length])
	if crc != binary.LittleEndian.Uint32(buf[length:]) {
		return 0, &Error{start, r.kind, fmt.Errorf("%w: checksum mismatch in the frame at byte %d", ErrCorrupt, start)}
	}
	r.frame, r.dataOff = buf[:length], start+frameHeader
	return kind, nil
}

// Next moves to the next section and returns its kind, or End after the
// last one. The section before must have been read to its end: bytes
// left in it are an error wrapping ErrCorrupt, for its decoder expected
// less than was written.
func (r *Reader) Next() (uint32, error) {
	if r.done {
		return End, nil
	}
	if r.pos < len(r.frame) {
		return 0, r.extra()
	}
	if !r.atEnd {
		// The section's bytes are all read: its empty frame must follow.
		start := r.off
		kind, err := r.readFrame()
		if err != nil {
			return 0, err
		}
		if kind != r.kind || len(r.frame) != 0 {
			if kind == r.kind {
				return 0, r.extra()
			}
			return 0, &Error{start, r.kind, fmt.Errorf("%w: section %d not ended before a frame of kind %d", ErrCorrupt, r.kind, kind)}
		}
		r.atEnd = true
	}
	start := r.off
	kind, err := r.readFrame()
	if err != nil {
		return 0, err
	}
	r.kind = kind
	if kind == End {
		if len(r.frame) != 0 {
			return 0, &Error{start, End, fmt.Errorf("%w: end marker with a payload", ErrCorrupt)}
		}
		r.done = true
		return End, nil
	}
	r.atEnd = len(r.frame) == 0 // a section with no payload
	return kind, nil
}

// extra is the error for a section with bytes its decoder did not read.
func (r *Reader) extra() error {
	return &Error{r.Offset(), r.kind, fmt.Errorf("%w: section %d holds more than its contents", ErrCorrupt, r.kind)}
}

// Offset is the offset in the index of the next byte Read returns.
func (r *Reader) Offset() int64 { return r.dataOff + int64(r.pos) }

// InSection says whether the reader has read bytes of a section that it
// has not read to its end: an error then belongs to that section, else
// to the one that was to come next.
func (r *Reader) InSection() bool { return !r.atEnd || r.pos < len(r.frame) }

// Kind is the kind of the current section.
func (r *Reader) Kind() uint32 { return r.kind }

// fill makes a byte of the current section available, or returns io.EOF
// at its end.
func (r *Reader) fill() error {
	for r.pos == len(r.frame) {
		if r.atEnd {
			return io.EOF
		}
		start := r.off
		kind, err := r.readFrame()
		if err != nil {
			return err
		}
		if kind != r.kind {
			return &Error{start, r.kind, fmt.Errorf("%w: section %d interrupted by a frame of kind %d", ErrCorrupt, r.kind, kind)}
		}
		if len(r.frame) == 0 {
			r.atEnd = true
		}
	}
	return nil
}

// Read reads the current section's payload; it returns io.EOF at the
// end of the section.
func (r *Reader) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	if err := r.fill(); err != nil {
		return 0, err
	}
	n := copy(p, r.frame[r.pos:])
	r.pos += n
	return n, nil
}

// ReadByte reads one byte of the current section's payload.
func (r *Reader) ReadByte() (byte, error) {
	if err := r.fill(); err != nil {
		return 0, err
	}
	b := r.frame[r.pos]
	r.pos++
	return b, nil
}
