package newsdump

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"golang.org/x/text/encoding"
)

// DefaultMaxArticleBytes is the largest article, in bytes of text, that a
// [Reader] accepts unless [WithMaxArticleBytes] says otherwise. It bounds
// the memory one article can take; a longer article (or a single line longer
// than this) is reported as [ErrArticleTooLarge].
const DefaultMaxArticleBytes = 64 << 20

// ParseOption configures [Parse] and [NewReader].
type ParseOption func(*parseConfig)

type parseConfig struct {
	err             error // the first invalid option's *OptionError
	file            string
	maxArticleBytes int
	encoding        encoding.Encoding // nil: detect
	ctx             context.Context   // nil: never cancelled
	layout          Layout
	explain         func(LineRole) // nil: no explanation (see Explain)
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
// accepted (see [DefaultMaxArticleBytes]). n must be at least 1.
func WithMaxArticleBytes(n int) ParseOption {
	return func(c *parseConfig) {
		if n < 1 {
			c.invalid("WithMaxArticleBytes", strconv.Itoa(n), "want a number of bytes of at least 1")
			return
		}
		c.maxArticleBytes = n
	}
}

// WithContext makes a [Reader] (or [Parse]) stop when ctx is done: from
// then on Next returns a *[ParseError] wrapping ctx.Err(), at the line
// reached, and the articles read but not yet returned are dropped. The
// context is checked every 256 lines, so a Reader stops within some tens
// of kilobytes of a usual dump; a Read call on the underlying reader that
// blocks is not interrupted (close the source for that). A nil ctx is an
// invalid option (use context.Background, or leave the option out).
func WithContext(ctx context.Context) ParseOption {
	return func(c *parseConfig) {
		if ctx == nil {
			c.invalid("WithContext", "nil", "want a context; leave the option out for none")
			return
		}
		c.ctx = ctx
	}
}

// WithEncoding makes a [Reader] decode its input with enc instead of
// detecting the encoding, for the rare input whose encoding the detection
// gets wrong (an ISO-8859-2 dump, say, which detection reads as
// Windows-1252). Any encoding from golang.org/x/text works: a single-byte
// charmap, a multi-byte one such as Shift JIS, or UTF-16 (a byte-order mark
// at the start is then still skipped). A nil enc, or one that cannot
// encode a newline (so that no line could be found in its text), is an
// invalid option: leave the option out for detection.
func WithEncoding(enc encoding.Encoding) ParseOption {
	return func(c *parseConfig) {
		if enc == nil {
			c.invalid("WithEncoding", "nil", "want an encoding; leave the option out to detect it")
			return
		}
		if _, err := enc.NewEncoder().Bytes([]byte("\n")); err != nil {
			c.invalid("WithEncoding", fmt.Sprint(enc), "the encoding cannot encode a newline")
			return
		}
		c.encoding = enc
	}
}

// DefaultThreshold is the similarity at or above which two articles are
// the same story unless [WithThreshold] says otherwise: the estimated
// Jaccard similarity of their sets of 3-word shingles.
//
// It was chosen by measurement on a synthetic benchmark of 10,000 articles
// (real prose; copies re-crawled, re-rendered and syndicated with edits,
// truncation and other sites' chrome), pairwise precision and recall:
//
//	threshold  precision  recall
//	0.15       .9977      .9992
//	0.20       1.000      .9996
//	0.25       1.000      .9974
//	0.30       1.000      .9891
//	0.40       1.000      .9399
//	0.50       1.000      .8853
//
// 0.2 scores marginally better than 0.25 here, but precision falls off
// just below it, and real crawls have more shared boilerplate and more
// coverage of one event by different stories than the synthetic set: 0.25
// keeps a margin. Copies truncated to half their length have a similarity
// below 0.5 by definition, hence a low threshold.
const DefaultThreshold = 0.25

// Keep says which copy of a story [Dedupe] and [Deduper] keep.
type Keep int

const (
	// KeepFirst keeps the copy seen first (the default).
	KeepFirst Keep = iota
	// KeepLongest keeps the copy with the longest text (title and
	// paragraphs, in bytes); among equally long copies, the first.
	KeepLongest
)

// DedupeOption configures [Dedupe] and [NewDeduper].
type DedupeOption func(*dedupeConfig)

type dedupeConfig struct {
	err       error // the first invalid option's *OptionError
	threshold float64
	exactOnly bool
	keep      Keep
	now       func() time.Time // the clock of first-seen times; see WithClock
	counts    *ShingleCounts   // the whole input's, taken beforehand; see WithShingleCounts
}

// WithThreshold sets the similarity, between 0 and 1, at or above which two
// articles are copies of one story (see [DefaultThreshold]). t must be in
// (0, 1]: 0, NaN and a percentage such as 25 are invalid. The LSH banding
// is tuned for thresholds of 0.25 and above: below that, some pairs above
// the threshold are never compared (see [SigBands]).
func WithThreshold(t float64) DedupeOption {
	return func(c *dedupeConfig) {
		if !(t > 0 && t <= 1) {
			c.invalid("WithThreshold", strconv.FormatFloat(t, 'g', -1, 64), "want a similarity in (0, 1]")
			return
		}
		c.threshold = t
	}
}

// WithExactOnly finds exact duplicates only: articles whose comparison texts
// are equal. No signature is computed, which makes deduplication several
// times faster and its index much smaller.
func WithExactOnly() DedupeOption {
	return func(c *dedupeConfig) { c.exactOnly = true }
}

// WithKeep says which copy of each story to keep; [KeepFirst] by default.
// A value other than KeepFirst and KeepLongest is invalid.
func WithKeep(k Keep) DedupeOption {
	return func(c *dedupeConfig) {
		if k != KeepFirst && k != KeepLongest {
			c.invalid("WithKeep", "Keep("+strconv.Itoa(int(k))+")", "want KeepFirst or KeepLongest")
			return
		}
		c.keep = k
	}
}

// WithShingleCounts gives a Deduper the shingle counts of its whole
// input, taken beforehand ([ShingleCounts]): it then leaves out of the
// signatures it compares the shingles frequent by [Dedupe]'s rule, and
// counts nothing itself. A distributed job that resolves each part of its
// input with a Deduper of its own (examples/beam) gets Dedupe's result
// this way. The Deduper shares c's counters as they are when it is made:
// c must not change while the Deduper is used. A nil c is an invalid
// option (leave the option out for none); an index read back
// ([ReadDeduper]) has its own counts, and the option is then an error.
func WithShingleCounts(c *ShingleCounts) DedupeOption {
	return func(cfg *dedupeConfig) {
		if c == nil {
			cfg.invalid("WithShingleCounts", "nil", "want counts; leave the option out for none")
			return
		}
		cfg.counts = c
	}
}

func newDedupeConfig(opts []DedupeOption) dedupeConfig {
	c := dedupeConfig{threshold: DefaultThreshold, now: time.Now}
	for _, o := range opts {
		o(&c)
	}
	return c
}

// Layout is how the text of an input is laid out, which decides how
// [Parse] reads it (see "Layouts" in the package documentation).
type Layout int

const (
	// LayoutAuto decides from the start of each input (the default).
	LayoutAuto Layout = iota
	// LayoutDump is a dump of articles, one after another, separated by
	// runs of blank lines: the samples' site layout, or bare articles.
	LayoutDump
	// LayoutPage is the text of whole web pages as an HTML-to-text
	// converter printed them, one page or many of one site: the article
	// is found among the page's menus, promos and footers.
	LayoutPage
)

// WithLayout makes a [Reader] read its input in the given layout instead
// of deciding from the start of the input. A value other than LayoutAuto, LayoutDump and LayoutPage is invalid.
func WithLayout(l Layout) ParseOption {
	return func(c *parseConfig) {
		if l != LayoutAuto && l != LayoutDump && l != LayoutPage {
			c.invalid("WithLayout", "Layout("+strconv.Itoa(int(l))+")", "want LayoutAuto, LayoutDump or LayoutPage")
			return
		}
		c.layout = l
	}
}

// invalid records that an option was given a value it cannot take; the
// first such option is the one reported.
func (c *parseConfig) invalid(option, value, reason string) {
	if c.err == nil {
		c.err = &OptionError{Option: option, Value: value, Reason: reason}
	}
}

func (c *dedupeConfig) invalid(option, value, reason string) {
	if c.err == nil {
		c.err = &OptionError{Option: option, Value: value, Reason: reason}
	}
}
