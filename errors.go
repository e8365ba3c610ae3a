package newsdump

import (
	"errors"
	"strconv"
)

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

// ErrBinary is wrapped by the *ParseError returned for input that is not
// text: an image, an archive, a PDF, a compressed file (the newsdump command
// decompresses gzip itself), or a line that is mostly control bytes.
var ErrBinary = errors.New("binary data, not a text dump")
