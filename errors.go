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

// ErrInvalidOption is wrapped by every *[OptionError], for errors.Is.
var ErrInvalidOption = errors.New("invalid option")

// OptionError is the error for an option given a value it cannot take:
// WithThreshold(25), WithMaxArticleBytes(-5), WithKeep(Keep(99)),
// WithClock(nil). No option replaces a value it cannot take with a
// default: to get the default, leave the option out. [Parse] and a
// [Reader] return the error (a Reader from its first Next);
// [ReadDeduper] returns it; [Dedupe] and [NewDeduper], which have no
// error to return, panic with it, as regexp.MustCompile panics on a bad
// pattern (see "Options" in the package documentation). When several
// options are invalid, the first is reported.
type OptionError struct {
	Option string // the option's function: "WithThreshold"
	Value  string // the value given, as Go source would write it: "25", "NaN", "Keep(99)", "nil"
	Reason string // what the option takes
}

// Error formats the error as the call that was wrong and why:
// "newsdump.WithThreshold(25): want a similarity in (0, 1]".
func (e *OptionError) Error() string {
	return "newsdump." + e.Option + "(" + e.Value + "): " + e.Reason
}

func (e *OptionError) Unwrap() error { return ErrInvalidOption }
