package newsdump

import (
	"bytes"
	"context"
	"errors"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/transform"
)

// noNewline is an encoding that cannot encode anything, a newline
// included: no line of its text could be found.
type noNewline struct{}

func (noNewline) NewDecoder() *encoding.Decoder { return encoding.Nop.NewDecoder() }
func (noNewline) NewEncoder() *encoding.Encoder { return &encoding.Encoder{Transformer: failing{}} }
func (noNewline) String() string                { return "no-newline" }

type failing struct{ transform.NopResetter }

func (failing) Transform(dst, src []byte, atEOF bool) (int, int, error) {
	return 0, 0, errors.New("cannot encode")
}

// untouchable is a source that fails the test when it is read: a Reader
// given an invalid option must not read its input.
type untouchable struct{ t *testing.T }

func (u untouchable) Read([]byte) (int, error) {
	u.t.Error("the input was read despite an invalid option")
	return 0, io.EOF
}

var invalidParseOptions = []struct {
	opt  ParseOption
	want OptionError
}{
	{WithMaxArticleBytes(0), OptionError{"WithMaxArticleBytes", "0", "want a number of bytes of at least 1"}},
	{WithMaxArticleBytes(-5), OptionError{"WithMaxArticleBytes", "-5", "want a number of bytes of at least 1"}},
	{WithMaxArticleBytes(math.MinInt), OptionError{"WithMaxArticleBytes", strconv.Itoa(math.MinInt), "want a number of bytes of at least 1"}},
	{WithLayout(99), OptionError{"WithLayout", "Layout(99)", "want LayoutAuto, LayoutDump or LayoutPage"}},
	{WithLayout(-1), OptionError{"WithLayout", "Layout(-1)", "want LayoutAuto, LayoutDump or LayoutPage"}},
	{WithEncoding(nil), OptionError{"WithEncoding", "nil", "want an encoding; leave the option out to detect it"}},
	{WithEncoding(noNewline{}), OptionError{"WithEncoding", "no-newline", "the encoding cannot encode a newline"}},
	{WithContext(nil), OptionError{"WithContext", "nil", "want a context; leave the option out for none"}}, //lint:ignore SA1012 the nil context is what is tested
}

func TestParseOptionErrors(t *testing.T) {
	dump := "Title\n\nA paragraph of the body.\n"
	for _, tc := range invalidParseOptions {
		name := tc.want.Option + "(" + tc.want.Value + ")"
		t.Run(name, func(t *testing.T) {
			check := func(what string, err error) {
				t.Helper()
				var oe *OptionError
				if !errors.As(err, &oe) {
					t.Fatalf("%s: error %v (%T), want an *OptionError", what, err, err)
				}
				if diff := cmp.Diff(tc.want, *oe); diff != "" {
					t.Errorf("%s: OptionError (-want +got):\n%s", what, diff)
				}
				if !errors.Is(err, ErrInvalidOption) {
					t.Errorf("%s: %v does not wrap ErrInvalidOption", what, err)
				}
			}
			// Before and after a valid option: the invalid value is never
			// replaced by a default.
			for _, opts := range [][]ParseOption{{tc.opt}, {WithFile("x.txt"), tc.opt}, {tc.opt, WithFile("x.txt")}} {
				arts, err := Parse(strings.NewReader(dump), opts...)
				check("Parse of a *strings.Reader", err)
				if len(arts) != 0 {
					t.Errorf("Parse returned %d articles with the error, want none", len(arts))
				}
				_, err = Parse(io.MultiReader(strings.NewReader(dump)), opts...)
				check("Parse of a stream", err)
			}
			r := NewReader(untouchable{t}, tc.opt)
			if enc := r.Encoding(); enc != "" {
				t.Errorf("Encoding() = %q, want \"\"", enc)
			}
			for i := range 2 {
				_, err := r.Next()
				check("Next #"+string(rune('1'+i)), err)
			}
			roles, err := Explain(strings.NewReader(dump), tc.opt)
			check("Explain", err)
			if len(roles) != 0 {
				t.Errorf("Explain returned %d lines with the error, want none", len(roles))
			}
		})
	}
}

// TestParseOptionFirstInvalid checks that of several invalid options the
// first is reported.
func TestParseOptionFirstInvalid(t *testing.T) {
	_, err := Parse(strings.NewReader("x\n"), WithFile("a"), WithLayout(7), WithMaxArticleBytes(-1))
	want := "newsdump.WithLayout(Layout(7)): want LayoutAuto, LayoutDump or LayoutPage"
	if err == nil || err.Error() != want {
		t.Errorf("error %v, want %q", err, want)
	}
}

// TestParseOptionLimits checks the edge values every option accepts.
func TestParseOptionLimits(t *testing.T) {
	dump := "Title\n\nBody.\n"
	for name, opt := range map[string]ParseOption{
		"WithMaxArticleBytes(1 << 62)": WithMaxArticleBytes(1 << 62),
		"WithLayout(LayoutAuto)":       WithLayout(LayoutAuto),
		"WithLayout(LayoutDump)":       WithLayout(LayoutDump),
		"WithLayout(LayoutPage)":       WithLayout(LayoutPage),
		"WithEncoding(ISO8859_2)":      WithEncoding(charmap.ISO8859_2),
		"WithContext(Background)":      WithContext(context.Background()),
		"WithFile(\"\")":               WithFile(""),
	} {
		if _, err := Parse(strings.NewReader(dump), opt); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	// The smallest limit is a limit, not the default.
	_, err := Parse(strings.NewReader(dump), WithMaxArticleBytes(1))
	if !errors.Is(err, ErrArticleTooLarge) {
		t.Errorf("WithMaxArticleBytes(1): error %v, want ErrArticleTooLarge", err)
	}
}

var invalidDedupeOptions = []struct {
	opt  DedupeOption
	want OptionError
}{
	{WithThreshold(25), OptionError{"WithThreshold", "25", "want a similarity in (0, 1]"}},
	{WithThreshold(0), OptionError{"WithThreshold", "0", "want a similarity in (0, 1]"}},
	{WithThreshold(-0.5), OptionError{"WithThreshold", "-0.5", "want a similarity in (0, 1]"}},
	{WithThreshold(1.0000001), OptionError{"WithThreshold", "1.0000001", "want a similarity in (0, 1]"}},
	{WithThreshold(math.NaN()), OptionError{"WithThreshold", "NaN", "want a similarity in (0, 1]"}},
	{WithThreshold(math.Inf(1)), OptionError{"WithThreshold", "+Inf", "want a similarity in (0, 1]"}},
	{WithKeep(99), OptionError{"WithKeep", "Keep(99)", "want KeepFirst or KeepLongest"}},
	{WithKeep(-1), OptionError{"WithKeep", "Keep(-1)", "want KeepFirst or KeepLongest"}},
	{WithClock(nil), OptionError{"WithClock", "nil", "want a clock; leave the option out for time.Now"}},
	{WithShingleCounts(nil), OptionError{"WithShingleCounts", "nil", "want counts; leave the option out for none"}},
}

// optionPanic returns what f panicked with, or nil.
func optionPanic(f func()) (v any) {
	defer func() { v = recover() }()
	f()
	return nil
}

func TestDedupeOptionErrors(t *testing.T) {
	index := indexBytes(t)
	arts := wordArticles(4, 12, 7)
	for _, tc := range invalidDedupeOptions {
		name := tc.want.Option + "(" + tc.want.Value + ")"
		t.Run(name, func(t *testing.T) {
			check := func(what string, v any) {
				t.Helper()
				oe, ok := v.(*OptionError)
				if !ok {
					t.Fatalf("%s: %v (%T), want an *OptionError", what, v, v)
				}
				if diff := cmp.Diff(tc.want, *oe); diff != "" {
					t.Errorf("%s: OptionError (-want +got):\n%s", what, diff)
				}
				if !errors.Is(oe, ErrInvalidOption) {
					t.Errorf("%s: %v does not wrap ErrInvalidOption", what, oe)
				}
			}
			for _, opts := range [][]DedupeOption{{tc.opt}, {WithExactOnly(), tc.opt}, {tc.opt, WithKeep(KeepLongest)}} {
				check("NewDeduper", optionPanic(func() { NewDeduper(opts...) }))
				check("Dedupe", optionPanic(func() { Dedupe(arts, opts...) }))
				check("Dedupe of nothing", optionPanic(func() { Dedupe(nil, opts...) }))
				d, err := ReadDeduper(bytes.NewReader(index), opts...)
				check("ReadDeduper", err)
				if d != nil {
					t.Error("ReadDeduper returned a Deduper with the error")
				}
			}
		})
	}
}

// TestDedupeOptionLimits checks the edge values every option accepts.
func TestDedupeOptionLimits(t *testing.T) {
	arts := wordArticles(4, 12, 7)
	for name, opt := range map[string]DedupeOption{
		"WithThreshold(1)":                WithThreshold(1),
		"WithThreshold(smallest)":         WithThreshold(math.SmallestNonzeroFloat64),
		"WithKeep(KeepFirst)":             WithKeep(KeepFirst),
		"WithKeep(KeepLongest)":           WithKeep(KeepLongest),
		"WithClock(time.Now)":             WithClock(time.Now),
		"WithShingleCounts(empty counts)": WithShingleCounts(new(ShingleCounts)),
	} {
		if v := optionPanic(func() { Dedupe(arts, opt) }); v != nil {
			t.Errorf("%s: Dedupe panicked: %v", name, v)
		}
	}
}

func TestOptionErrorMessage(t *testing.T) {
	err := error(&OptionError{"WithThreshold", "25", "want a similarity in (0, 1]"})
	if got, want := err.Error(), "newsdump.WithThreshold(25): want a similarity in (0, 1]"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}
