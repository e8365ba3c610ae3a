package newsdump

import (
	"bytes"
	"io"
	"strings"
	"unsafe"
)

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
