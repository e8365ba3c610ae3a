package newsdump

import (
	"io"
	"strings"
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
	ID string `json:"id"`
	// Title is the headline; in page text, empty when the page's headline
	// was not found.
	Title string `json:"title"`
	// Description is the standfirst printed under the headline of a page,
	// when there is one (see "Pages" in the package documentation).
	Description string `json:"description,omitempty"`
	// Authors are the people a page's byline names, in its order;
	// agencies and "Staff" are not people and are left out.
	Authors []string `json:"authors,omitempty"`
	// Published is when the page says the article was first published,
	// in ISO 8601 as precise as the page is ("2024-07-05",
	// "2024-07-05T08:22:00-04:00"); empty when the page prints no
	// absolute date of first publication.
	Published  string    `json:"published,omitempty"`
	Captions   []Caption `json:"captions"`   // each photo once, in order
	Paragraphs []string  `json:"paragraphs"` // the body, in order
	Source     Source    `json:"source"`     // where the article starts
	// Duplicates lists where the other copies of this article were found.
	// Parse leaves it empty; it is filled by deduplication.
	Duplicates []Source `json:"duplicates,omitempty"`
}

// Text returns the article's plain text: its title, its description and
// its paragraphs, in that order, each once, separated by a blank line
// ("\n\n"); empty parts (a page with no headline found, an article with no
// description) are left out, so the text never starts or ends with a
// separator. Captions are not part of it: they describe the photos, not
// the story. The text has no other newlines, since no field has one, so
// splitting it at "\n\n" gives the parts back.
func (a Article) Text() string {
	n := 0
	a.eachTextPart(func(p string) { n += len(p) + 2 })
	if n == 0 {
		return ""
	}
	var b strings.Builder
	b.Grow(n - 2)
	a.eachTextPart(func(p string) {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(p)
	})
	return b.String()
}

// eachTextPart calls f with each non-empty field that Text joins, in
// order.
func (a *Article) eachTextPart(f func(string)) {
	for _, p := range [2]string{a.Title, a.Description} {
		if p != "" {
			f(p)
		}
	}
	for _, p := range a.Paragraphs {
		if p != "" {
			f(p)
		}
	}
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
// article's title (in page text, of the page's first line).
type Source struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Offset int    `json:"offset"`
}

// Parse reads a whole dump and returns its articles in input order. An
// empty dump gives no articles and no error. On error, Parse returns the
// articles read before the error together with a *[ParseError].
//
// Parse is a loop over [Reader.Next]; use a [Reader] to hold only one
// article in memory at a time. Unlike a Reader's, the articles Parse
// returns share memory with each other, which costs less than memory of
// their own for each. Together they hold about as much memory as their
// text; a program that keeps only a few of many articles for long should
// copy those (strings.Clone) or use a Reader. An article's ID is always a
// string of its own, so keeping IDs keeps nothing else alive (measured:
// under 2 KB per kept ID of 10,000 parses, where a shared buffer would
// keep 64 KiB), and a [Deduper] copies what it keeps of an article.
func Parse(r io.Reader, opts ...ParseOption) ([]Article, error) {
	var rd *Reader
	if data, ok := inMemory(r); ok {
		rd = newMemoryReader(data, opts)
	} else {
		rd = NewReader(r, opts...)
	}
	// The articles' text is copied into buffers that many articles fill
	// one after another, growing from 2 KiB to 64 KiB (see block.share
	// and arenaSize); each ID has a string of its own (Reader.finish).
	rd.blk.share = true
	// The Reader's working memory comes from the last Parse done with it
	// and goes back for the next (see readerScratch).
	scratch := scratchPool.Get().(*readerScratch)
	rd.adopt(scratch)
	defer func() { scratchPool.Put(rd.release(scratch)) }()
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
				batch = make([]Article, 0, min(max(2*cap(batch), 1), 1024))
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

func ignoreEOF(err error) error {
	if err == io.EOF {
		return nil
	}
	return err
}
