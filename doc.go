// Package newsdump turns scraped news text dumps into clean articles.
//
// It reads two layouts of text (see "Layouts" below): dumps of articles,
// one after another, such as the samples' site prints; and the text of
// whole web pages as an HTML-to-text converter printed them, menus,
// promos and footers and all, from any site.
//
// # What a dump is
//
// A dump is plain text scraped from a news site's article pages, one
// article after another. Each article page of the samples' site prints:
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
//     separates paragraphs by blank lines or by newlines; but an article
//     hard-wrapped at a fixed width (most lines reaching one margin of 55
//     to 85 columns, most of those mid-sentence) is joined back, each
//     paragraph closed by a shorter line or a blank line.
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
//   - Lines end with LF, CRLF or a lone CR. Every line is cleaned before
//     these rules see it (see "Text" below), so a line of invisible
//     characters is blank.
//   - Nothing else is dropped: every non-blank line of the input that is not
//     chrome ends up in a title, a caption or a paragraph (a fuzz test
//     checks this).
//
// # Layouts
//
// Each input's layout is decided from its first 16 KiB, after decoding
// and cleaning, unless [WithLayout] says: the samples' header (a "TT"
// line, a caption printed twice) makes it a dump; otherwise it is page
// text when it has at least 12 distinct lines and a quarter of them are
// short (four words or fewer, no sentence end: menus, link lists,
// buttons), or half of them are indented (as inscriptis prints nested
// blocks), or one is a byline or a date stamp. Anything else, such as
// bare articles (a title, then paragraphs) separated by blank lines, is
// a dump. [Explain] shows the decision line by line.
//
// # Pages
//
// Page text gives one [Article] per page. Its Title is the headline (not
// a kicker such as "Analysis" or a section name), Paragraphs the body in
// order, hard-wrapped lines joined; Captions the photo captions that
// carry a credit ("(Photo by X / AFP)", "(Getty Images)", or a credit on
// the next line: "Image Credit: X", "Photo: X"), each once however often
// the page prints it; a list bullet with no text is navigation, not an
// empty paragraph; Authors the people the
// byline names, as printed ("By Jane Doe and John Roe in London" gives
// both; agencies and "Staff" are not people); Published the first
// publication stamp in ISO 8601 as precise as the page is, with the
// page's offset when it prints a zone ("Published July 5, 2024 8:22am
// EDT" gives "2024-07-05T08:22:00-04:00"), never an update time and never
// a relative stamp ("12h ago") alone; Description the standfirst under
// the headline, when there is one. Everything else (navigation, link
// lists, buttons, promos, sign-up and paywall text, related headlines,
// footers, the byline and date lines themselves) is dropped, each line
// with a role that [Explain] reports. The headline and body are found by
// a small model over each line's features (length, stopwords,
// punctuation, capitals, bullets and indentation, its neighbours and its
// place on the page), trained on real pages of many sites and embedded in
// the package; bylines and dates by rules (internal/page and
// internal/pagemeta; the README gives their measured accuracy).
//
// A file may hold one page or many pages of one site. A new page starts
// where four of the current page's first lines (the site's banner and
// menu) recur in a row, from its first or second line on (some converters
// print the page's <title> first); or where the next <title> line ends in
// the same site name ("… | The Times") and two opening lines follow; or
// where the opening recurs within three lines after a copyright line —
// always once the current page has had a line of prose, so that a menu
// printed twice on one page does not cut it. A line that stands next to
// the same neighbour as on the previous page is the site's template: the
// page rules still read it (they were made for whole pages), and it never
// reaches the article. A Reader holds one page at a time and the previous
// page's line pairs, so its memory follows the largest page, not the
// file. Each page's Source is where the page starts; a page in which
// neither a headline nor a body is found gives no article, and one whose
// headline is not found has an empty Title.
//
// [Article.ID] is a 128-bit fingerprint, in hex, of the article's title,
// captions and paragraphs, each with its length: two copies of an article
// get the same ID wherever they were found, and any change to the text
// changes it. The fingerprint is a fast hash, not a cryptographic
// one: accidental collisions are out of reach, but an
// adversary who can choose texts could make two collide, so do not use IDs
// where that matters ([Dedupe] compares exact copies by SHA-256 of their
// text). The hash is part of the API: tests pin its output, and changing
// it would change every stored ID. [Article.Source] is the 1-based line and
// the byte offset of the first byte of the title in the input, and the file
// name given with [WithFile]. Offsets count bytes of the input as it was,
// before decoding: in a UTF-16 file they are even, and a byte-order mark
// counts.
//
// # Encodings
//
// Each input's encoding is decided from its first 4 KiB, in this order:
//
//  1. A byte-order mark: UTF-8, UTF-16 LE or BE, UTF-32 LE or BE. The mark
//     is skipped.
//  2. The magic number of a binary format (gzip, ZIP, PDF, PNG, JPEG, GIF,
//     bzip2, xz, zstd, 7-Zip, ELF, RIFF): the input is refused with
//     [ErrBinary], naming the format.
//  3. NUL bytes where UTF-16 or UTF-32 text that is mostly ASCII has them
//     (every other byte, or three bytes in four): UTF-16 or UTF-32 without
//     a mark, of the endianness the NULs show.
//  4. More than 5% control bytes (other than tab, LF, VT, FF, CR and ESC),
//     and more than 8: binary data, refused with [ErrBinary].
//  5. Valid UTF-8 (allowing a character cut by the 4 KiB boundary): UTF-8.
//     Anything else: Windows-1252, the superset of ISO-8859-1 that pages
//     labelled Latin-1 are really written in.
//
// In practice UTF-8 and Windows-1252 are read the same way: each line that
// is valid UTF-8 is read as UTF-8 and each line that is not is read as
// Windows-1252, so a UTF-8 dump with a few Windows-1252 lines loses
// nothing. The five bytes Windows-1252 leaves undefined are read as the C1
// controls of the same value, as browsers do. [Reader.Encoding] reports
// the decision; [WithEncoding] overrides it with any encoding of
// golang.org/x/text (the newsdump command's -encoding flag takes its IANA
// name), for the input detection cannot tell from Windows-1252, such as
// ISO-8859-2. A later line with as many control bytes (more than 5% of
// it, and more than 8) is reported as [ErrBinary] at that line.
//
// # Text
//
// Every title, caption, credit and paragraph is valid UTF-8 in
// Unicode Normalization Form C, its white space collapsed and trimmed:
//
//   - Mojibake (UTF-8 once read in a single-byte code page and written
//     again, "Blinkenâ€™s") is repaired, also when only some lines or words
//     are affected and when it was garbled more than once: each run of
//     characters that could be mojibake is decoded in each code page it
//     could have been read in (Windows-1252 and ISO-8859-1, Windows-1251,
//     MacRoman, ISO-8859-2, Windows-1250, Windows-1257, code page 437), and
//     the repair is kept only when a table of unlikely character sequences
//     says the text got clearly more plausible, so that correct text whose
//     bytes happen to form UTF-8 ("SOCIÉTÉ®", "3×£20", Portuguese "IRMÃ E")
//     is never changed. A space that stood for the 0xA0 of "à" ("voilÃ
//     tout") is repaired; a sequence that lost a byte becomes one U+FFFD,
//     but for "â€" and a U+FFFD at the end of a quotation, which is "”";
//     C1 controls are read as the Windows-1252 characters of the same
//     bytes (U+0085 is "…"). The README lists what is repaired and what is
//     left alone.
//   - Every run of white space (tabs, no-break and narrow no-break spaces,
//     any Unicode space) becomes one space.
//   - Control characters (C0 but tab, the C1 controls of the five bytes
//     Windows-1252 leaves undefined, DEL), soft hyphens, zero-width
//     spaces, word joiners and byte-order marks are removed. Zero-width
//     joiners and non-joiners are removed between Latin letters and at word
//     edges, and kept where they mean something: in Persian and Indic words
//     and emoji sequences.
//   - Curly quotes, dashes and ellipses are the publisher's text and are
//     kept as they are; folding them is for comparison only.
//
// A line of printable ASCII, or of UTF-8 that needs none of this (the
// common case), is used as it is read, without an extra copy.
//
// # Sentences
//
// [Sentences] splits English text into sentences and returns them as byte
// offsets ([Span]) into the text, so every sentence can be sliced out
// without copying and traced back to its input; [Article.Sentences] does it
// for each paragraph. It is a single linear pass with a small table of
// abbreviations, tuned on news: titles before names ("Brig. Gen. Yahya
// Saree"), dates ("since Oct. 17."), "U.S.", initials, numbers, quotes,
// ellipses, lists, datelines and headlines without a final period. The
// spans never overlap and only white space lies outside them.
//
// # Entities
//
// [ExtractEntities] finds people, organisations, places, nationality
// groups, dates, numbers, money and percentages in any text, with exact
// byte offsets and normalised values (ISO 8601 dates, plain numbers,
// canonical names). [Article.Entities] runs it over an article's title,
// description (the standfirst), caption texts and paragraphs, reads a
// headline in Title Case or capitals with what the body says rather than by
// its capitals, reads the agencies and photographers of photo credits and
// the authors of the byline, and groups the mentions of each entity under
// one value: a surname under the full name, country aliases under one
// country, a credit's "REUTERS" under the text's "Reuters", and a weekday
// under a date when a caption's date makes it safe; when unsure it leaves
// the value empty. Names come from an embedded averaged-perceptron tagger
// plus rules; dates and numbers come from rules. The model, gazetteer and
// word clusters load once, on first use (about 80 ms, 8 MB of heap).
//
// # Duplicates
//
// [Dedupe] keeps one copy of each story and lists where the others were in
// the kept article's Duplicates (positions only, the JSON the command
// prints); [DedupeClusters] gives the same decisions as clusters, with
// each copy's similarity; a [Deduper] does the same one article at a
// time, for services. Copies are exact (equal comparison text: title and
// paragraphs, NFC-normalised, case-folded, typographic punctuation and white
// space folded) or near: MinHash signatures of 3-word shingles of the prose
// ([Signature], [Sig]), candidates by LSH banding ([Sig.BandKeys]), each
// verified by its estimated Jaccard similarity against [DefaultThreshold].
// A copy joins a story only through the story's first article, so stories
// do not chain; headline-like lines (navigation, "Related coverage" lists)
// are left out so that shared site chrome does not merge stories, and
// shingles frequent across the input (boilerplate that reads as prose)
// are left out of the signatures compared, learnt from the data with a
// sketch of shingle counts ([ShingleCounts]). Signatures and band keys are
// pure functions of the text and of those counts, which are sums, so a
// distributed job can compute them in a map step and group by band key
// (see the README).
//
// A Deduper lasts across runs: [Deduper.WriteTo] saves its whole index,
// [ReadDeduper] reads it back to a Deduper that behaves exactly as the one
// saved, with the options it was built with (a contradicting option is an
// error), and input that is not a whole, valid index is an [*IndexError],
// never a partial index. Each story keeps when it was first seen
// ([WithClock]), [Deduper.AddStory] points a copy back at the story's kept
// copy, and [Deduper.Forget] drops the stories first seen before a date.
//
// # Streaming and memory
//
// [Parse] is a loop over a [Reader]. A Reader's memory follows the largest
// article, not the dump: it holds the article being read, the one before
// it (which a block without a header may still continue) and a small input
// buffer that grows only for a very long line. An article, or a single
// line, larger than [WithMaxArticleBytes] (default
// [DefaultMaxArticleBytes]) is an error rather than an out-of-memory crash,
// so a Reader's memory stays below a few times that limit.
//
// Parse reads a dump already in memory (a *bytes.Reader or
// *strings.Reader) where it is, and never writes to it. The articles Parse
// returns share memory with each other, so one article kept for long keeps
// the text of its neighbours alive: copy the few you keep
// (strings.Clone), or use a Reader, whose articles each have memory of
// their own.
//
// # Limits
//
// The longest line and the largest article are both [WithMaxArticleBytes]
// (64 MiB by default), counted in bytes of clean text; past it, a Reader
// returns [ErrArticleTooLarge] at the line where the limit was crossed
// instead of growing without bound. Nothing else is limited: a title may be
// 10 MB, an article may have 100,000 captions, a header may be repeated
// 10,000 times, a dump may hold a million blank lines, and the time taken
// stays linear in the input (tests check each of these). Input that is
// not text stops with [ErrBinary]; invalid UTF-8 anywhere is read as
// Windows-1252 (see Encodings), and a UTF-8 character cut by the end of the
// input becomes U+FFFD. A dump cut in the middle of an article gives that
// article as far as it goes. A line equal to the title before any body text
// is a repeat of the header and is dropped, however often it comes: a
// million lines of "a" are one article titled "a".
//
// # Errors
//
// Every error of reading is a *[ParseError] naming the file, line and byte
// offset where the problem was found (an invalid option is an
// *[OptionError] instead; see "Options"); it wraps [ErrArticleTooLarge],
// [ErrBinary] or the error of the underlying reader. Reading stops at the first error: the
// articles completed before it are returned first, and the article being
// read when it happened is not returned as if it were whole. After
// [ErrArticleTooLarge] that includes the article before the oversized
// text, which that text might have continued.
//
// # Options
//
// Options are functional options: [ParseOption] for [Parse], [NewReader]
// and [Explain], [DedupeOption] for [Dedupe], [NewDeduper] and
// [ReadDeduper]. An option given a value it cannot take (WithThreshold(25),
// WithThreshold(NaN), WithMaxArticleBytes(-5), WithKeep(99),
// WithLayout(99), WithEncoding of an encoding that cannot encode a
// newline, and nil for any option that takes a function, an interface or a
// pointer: WithClock(nil), WithContext(nil), WithEncoding(nil),
// WithShingleCounts(nil)) is never replaced by a default: it is an
// *[OptionError] naming the option, the value and what it takes, wrapping
// [ErrInvalidOption]. To get an option's default, leave the option out.
// When several options are invalid, the first is reported.
//
// Where the error goes follows what the function can return. Parse and
// Explain return it, reading nothing. NewReader, whose signature has no
// error, returns a Reader whose every Next returns it (and whose
// Encoding is ""), without reading its input. ReadDeduper returns it
// before reading the index. Dedupe and NewDeduper panic with it, as
// regexp.MustCompile panics on a bad pattern: their options are the
// program's own constants, not input, and an error return would change
// their signatures; a program that builds options from input (a flag, a
// request) checks the values first.
//
// # Cancellation
//
// [WithContext] makes a Reader stop when a context is done; it checks the
// context every 256 lines.
//
// # Concurrency
//
// [Parse] and the option functions are safe for concurrent use. A Reader
// belongs to one goroutine at a time.
package newsdump
