// Package newsdump turns scraped news text dumps into clean articles.
//
// # What a dump is
//
// A dump is plain text scraped from a news site's article pages, one
// article after another. Each article page prints:
//
//	Title of the article
//
//	 Caption of the first photo. (Photo by Jane Doe / AFP)
//	Caption of the first photo. (Photo by Jane Doe / AFP)
//	TT
//	20
//
//	Title of the article
//
//	 Caption of the first photo. (Photo by Jane Doe / AFP)
//	Caption of the first photo. (Photo by Jane Doe / AFP)
//
//	First paragraph of the body.
//
//	Second paragraph.
//	Third paragraph.
//
// that is: the title; each photo caption twice (one copy sometimes with a
// stray leading space), ending in the photo credit in parentheses; site
// chrome: "TT" (the font-size widget), sometimes followed by the font size;
// the title and captions again; the body, whose paragraphs are separated by
// blank lines in some articles and by single newlines in others. Articles
// are separated by runs of blank lines.
//
// # Use
//
// Read a whole dump with [Parse], or stream it with a [Reader]:
//
//	f, err := os.Open("dump.txt")
//	if err != nil {
//		log.Fatal(err)
//	}
//	defer f.Close()
//	r := newsdump.NewReader(f, newsdump.WithFile("dump.txt"))
//	for a, err := range r.All() {
//		if err != nil {
//			log.Fatal(err) // dump.txt:LINE: what is wrong
//		}
//		fmt.Println(a.Title, len(a.Captions), len(a.Paragraphs))
//	}
//
// # What Parse returns
//
// [Parse] and [Reader] return one [Article] per article: its title, its
// captions (each photo once, split into text and credit), its paragraphs,
// its position in the input and a fingerprint of its content. The chrome
// and the repeated header are dropped. The rules, decided on the samples and
// on what real crawls do:
//
//   - Articles are separated by two or more blank lines. A block after
//     such a separator that shows no header at all (no chrome, no doubled
//     caption, no repeated title) is still a new article, titled by its first
//     line, when that line reads like a headline (at most 250 bytes, not
//     ending in . , ; : or …) and more lines follow; otherwise it continues
//     the previous article's body, because scrapers often put extra blank
//     lines between paragraphs. A block at the start of the input is always
//     an article.
//   - Two articles separated by a single blank line are still told apart
//     when the second one's header is complete (title, captions, chrome,
//     title again).
//   - Every non-blank body line is one paragraph, whether the article
//     separates paragraphs by blank lines or by newlines.
//   - A caption is a header line between the title and the chrome. Its
//     credit is the balanced parenthesised group that ends it; a caption
//     with no such group has an empty credit. Identical captions are kept
//     once, in order of first appearance.
//   - Chrome is a line "TT", wherever it stands, and a bare number of one
//     to three digits on the line after it. It never reaches any field. A
//     bare number anywhere else is text.
//   - The header printed again after the chrome (the title, the captions,
//     even several times over) is dropped. A later line equal to the title
//     is body text and is kept.
//   - Lines are trimmed of surrounding white space, including the CR of CRLF
//     line endings, no-break spaces, zero-width spaces and byte-order marks.
//     Text inside a line is kept as the publisher wrote it: curly quotes and
//     dashes are not folded.
//   - Nothing else is dropped: every non-blank line of the input that is not
//     chrome ends up in a title, a caption or a paragraph (a fuzz test
//     checks this).
//
// [Article.ID] is the first 128 bits, in hex, of the SHA-256 of the
// article's title, captions and paragraphs, each length-prefixed: two
// copies of an article get the same ID wherever they were found, and any
// change to the text changes it. [Article.Source] is the 1-based line and
// the byte offset of the first byte of the title in the input, and the file
// name given with [WithFile].
//
// # Streaming and memory
//
// [Parse] is a loop over a [Reader]. A Reader holds the article being read,
// the one before it (which a block without a header may still continue)
// and a 64 KiB read buffer; its memory follows the largest article, not
// the dump. An article, or a single line, larger than [WithMaxArticleBytes]
// (default [DefaultMaxArticleBytes]) is an error rather than an
// out-of-memory crash, so a Reader's memory stays below about twice that
// limit.
//
// # Errors
//
// Every error is a *[ParseError] naming the file, line and byte offset
// where the problem was found; it wraps either [ErrArticleTooLarge] or the
// error of the underlying reader. Reading stops at the first error: the
// articles completed before it are returned first, and the article being
// read when it happened is not returned as if it were whole.
//
// # Concurrency
//
// [Parse] and the option functions are safe for concurrent use. A Reader
// belongs to one goroutine at a time.
package newsdump
