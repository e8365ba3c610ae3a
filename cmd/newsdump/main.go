// Command newsdump turns scraped news text dumps into clean articles,
// printed as JSON Lines: one article per line, in input order.
//
// Usage:
//
//	newsdump [flags] [PATH ...]
//
// Each PATH is a dump file or a directory; a directory stands for every
// regular file below it, in lexical order, skipping names that start with
// a dot. With no PATH, or with "-", the dump is read from standard input
// and its articles' source file is "-". Gzip-compressed dumps are
// decompressed on the fly; lines and offsets are then those of the
// decompressed text. Each file's encoding is detected (see the package
// documentation) unless -encoding names one.
//
// Each file's layout (a dump of articles, or the text of web pages) is
// decided from its start unless -layout names it; for page text each page
// is one article, and "description", "authors" and "published" appear
// when the page prints them.
//
// # Explain
//
// -explain prints, instead of articles, every non-blank line of the
// inputs with what became of it and why, one line each:
//
//	FILE:LINE: ROLE (REASON): TEXT
//
// ROLE is one of title, description, byline, date, caption, credit, body
// (kept in the article) or chrome, repeat, template, navigation, promo,
// footer, other (dropped): the way to see why a site is parsed wrongly.
//
// A file that cannot be read or parsed is reported on standard error as
// "file:line: what is wrong" ("file: what is wrong" when the file cannot be
// opened at all); the articles read before the problem are still printed,
// the other files are still processed, and the exit status is 1.
// Usage errors exit with status 2.
//
// # Duplicates
//
// With -dedupe (the default) only one copy of each story is printed, the
// first one read, and its "duplicates" key lists where the other copies
// were, in every input: [{"file":…,"line":…,"offset":…}, …]. Copies are
// found as newsdump.Dedupe finds them: exact copies of the title and
// paragraphs after normalisation, and near copies whose estimated Jaccard
// similarity of word shingles is at least -threshold.
//
// Because a kept article lists copies found after it, output waits until
// every input has been read. To keep memory low the inputs are streamed
// through a newsdump.Deduper: only the kept articles are held, a copy
// costs only its position. -dedupe=false prints every article as soon as
// it is read, as before.
//
// -dedupe-report=FILE writes the clusters, one JSON object per story with
// copies ({"kept":…,"kept_id":…,"copies":[{"source":…,"similarity":…}]}),
// to FILE, or to standard error when FILE is "-".
//
// # An index across runs
//
// -index=FILE dedupes the inputs against the stories of earlier runs as
// well as among themselves: FILE is read (a missing FILE is an empty
// index), every article is added to it, and once the run has succeeded
// (every input read, the output written) FILE is replaced by the index
// with this run's stories, which are first seen at the time the run
// started. The output is what it would be without -index, except that an
// article whose story is in the index is not printed: each such story is
// printed once, after the kept articles, in the order its first copy was
// read, as
//
//	{"archived":{"id":…,"source":{…},"first_seen":"2026-01-05T06:00:00Z"},"duplicates":[{…},…]}
//
// where "archived" is the copy kept in the earlier run (its article ID,
// where it was, when the story was first seen) and "duplicates" are this
// run's copies of it. Article lines start with {"id": and these with
// {"archived":, so a reader tells them apart by the first key. With
// -index, -dedupe-report lists every story of the index with copies,
// earlier runs' included.
//
// -index-max-age=DURATION (a Go duration such as 2160h for 90 days)
// first forgets the stories of the index first seen longer than DURATION
// before the run started, so that the index holds a window of days and
// stops growing; their copies are then new stories.
//
// The index keeps the threshold it was built with: -threshold may be left
// out, and one that differs from the index's is an error. A run that
// fails (an input that cannot be read, an error writing the output) does
// not save the index. The save is atomic: a temporary file beside FILE,
// synced, renamed over it, and the directory synced, so that a crash at
// any moment leaves the old index or the new one. A run holds the lock
// FILE.lock (flock on Unix) from reading FILE to saving it; a second run
// that finds it held fails at once, saying so, and leaves the index
// alone. Where flock is not available FILE.lock is created exclusively
// and removed at the end; after a crash, remove it by hand.
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/newsdump/newsdump"
	"golang.org/x/text/encoding/ianaindex"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = `usage: newsdump [flags] [PATH ...]

newsdump reads news text dumps and prints their articles as JSON Lines on
standard output, one article per line, in input order:

  {"id":"…","title":"…","authors":["…"],"published":"2024-07-05T08:22:00-04:00",
   "captions":[{"text":"…","credit":"AFP"}],
   "paragraphs":["…"],"source":{"file":"…","line":1,"offset":0},
   "entities":[{"type":"PERSON","text":"…","value":"…","mentions":[
     {"field":"paragraphs","index":0,"start":24,"end":38,"text":"…"}]}]}

id is a hex fingerprint of the article's text; source is where its title
starts (1-based line, byte offset); entities (unless -entities=false)
groups the mentions of each person, organisation, place, group, date and
number, with byte offsets into the title, caption text or paragraph. With
-sentences, each article also has "sentences": for each paragraph, the
list of its sentences as byte offsets into that paragraph,
[[{"start":0,"end":57},...],...].

"description", "authors" and "published" appear when a page prints a
standfirst, a byline or a date. Each file is read as a dump of articles
or as the text of web pages (menus, promos and footers dropped, one
article per page), decided from its start unless -layout says; -explain
prints every line with what became of it and why instead.

Each PATH is a dump file or a directory (every regular file below it, in
lexical order, skipping names that start with a dot). With no PATH, or
with "-", standard input is read and its source file is "-". Gzip files
are decompressed; the encoding of each file (UTF-8, UTF-16, Windows-1252)
is detected unless -encoding names one.

With -dedupe (the default), each story is printed once, as first read,
and its "duplicates" key lists where its other copies were, in any input:
exact copies and near copies (estimated Jaccard similarity of word
shingles at least -threshold). Output then waits until all inputs are
read; only the kept articles are held in memory.

With -index FILE, the inputs are also deduped against the stories of
earlier runs kept in FILE, which is then saved with this run's stories
(atomically, and only if the run succeeded). An article whose story is in
FILE is not printed; each such story is printed once after the kept
articles, with this run's copies:
  {"archived":{"id":"…","source":{…},"first_seen":"…"},"duplicates":[…]}
-index-max-age forgets the stories of FILE first seen longer ago first.

A file that cannot be read or parsed is reported on standard error as
"file:line: what is wrong"; the articles read before the problem are still
printed, the other files are still processed, and the exit status is 1.

Flags:
`

// run is the whole command, with its environment passed in so that tests
// can call it.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("newsdump", flag.ContinueOnError)
	flags.SetOutput(stderr)
	maxArticle := flags.Int("max-article-bytes", newsdump.DefaultMaxArticleBytes,
		"largest article, in bytes of text, to accept; a larger one is an error")
	encName := flags.String("encoding", "",
		"decode every input with this `encoding` (an IANA name such as ISO-8859-2 or Shift_JIS)\ninstead of detecting it")
	sentences := flags.Bool("sentences", false,
		"add each paragraph's sentences as byte offsets (\"sentences\":[[{\"start\":0,\"end\":57},...],...])")
	dedupe := flags.Bool("dedupe", true,
		"print one copy of each story, listing the others in \"duplicates\"; output waits for all inputs")
	threshold := flags.Float64("threshold", newsdump.DefaultThreshold,
		"similarity (estimated Jaccard of word shingles, 0 to 1] at which two articles are one story")
	reportTo := flags.String("dedupe-report", "",
		"write the duplicate clusters as JSON Lines to this file (\"-\": standard error)")
	explain := flags.Bool("explain", false,
		"instead of articles, print each line of the inputs with what became of it and why")
	layout := flags.String("layout", "auto",
		"how the inputs are laid out: auto (decide per file), dump (articles one after another)\nor page (the text of whole web pages)")
	indexPath := flags.String("index", "",
		"dedupe against the stories of this index `file` too, and save it with this run's (created if missing)")
	maxAge := flags.Duration("index-max-age", 0,
		"with -index, forget the stories first seen longer than this `duration` before the run (e.g. 2160h), before deduping")
	entities := flags.Bool("entities", true,
		`add "entities": the people, organisations, places, groups, dates and numbers of each article`)
	flags.Usage = func() {
		fmt.Fprint(flags.Output(), usage)
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if !(*threshold > 0 && *threshold <= 1) {
		fmt.Fprintf(stderr, "newsdump: -threshold %v: want a number in (0, 1]\n", *threshold)
		return 2
	}
	if *reportTo != "" && !*dedupe {
		fmt.Fprintln(stderr, "newsdump: -dedupe-report needs -dedupe")
		return 2
	}
	if *indexPath != "" && (!*dedupe || *explain) {
		fmt.Fprintln(stderr, "newsdump: -index needs -dedupe, and does nothing with -explain")
		return 2
	}
	if *maxAge < 0 || *maxAge > 0 && *indexPath == "" {
		fmt.Fprintln(stderr, "newsdump: -index-max-age needs -index and a duration above 0")
		return 2
	}

	opts := []newsdump.ParseOption{newsdump.WithMaxArticleBytes(*maxArticle)}
	switch *layout {
	case "auto":
	case "dump":
		opts = append(opts, newsdump.WithLayout(newsdump.LayoutDump))
	case "page":
		opts = append(opts, newsdump.WithLayout(newsdump.LayoutPage))
	default:
		fmt.Fprintf(stderr, "newsdump: -layout %q: want auto, dump or page\n", *layout)
		return 2
	}
	if *encName != "" {
		e, err := ianaindex.IANA.Encoding(*encName)
		if err != nil || e == nil {
			fmt.Fprintf(stderr, "newsdump: unknown encoding %q\n", *encName)
			return 2
		}
		opts = append(opts, newsdump.WithEncoding(e))
	}

	paths := flags.Args()
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	out := bufio.NewWriter(stdout)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)

	status := 0
	report := func(err error) {
		fmt.Fprintln(stderr, err)
		status = 1
	}
	// record is what is printed for an article: the article itself, or
	// with what the flags add to it.
	record := func(a newsdump.Article) any {
		line := articleJSON{Article: a}
		if *sentences {
			sents := a.Sentences()
			if sents == nil {
				sents = [][]newsdump.Span{}
			}
			line.Sentences = &sents
		}
		if *entities {
			ents := a.Entities()
			if ents == nil {
				ents = []newsdump.ArticleEntity{}
			}
			line.Entities = &ents
		}
		return line
	}
	emit := func(a newsdump.Article) error { return enc.Encode(record(a)) }
	var dd *dedupeRun
	if *dedupe && *indexPath == "" {
		dd = &dedupeRun{d: newsdump.NewDeduper(newsdump.WithThreshold(*threshold))}
		emit = dd.add
	}
	if *indexPath != "" {
		// Every story this run adds is first seen at its start. The
		// index keeps its threshold unless -threshold is given, which
		// must then agree with it.
		start := time.Now().UTC()
		dopts := []newsdump.DedupeOption{newsdump.WithClock(func() time.Time { return start })}
		flags.Visit(func(f *flag.Flag) {
			if f.Name == "threshold" {
				dopts = append(dopts, newsdump.WithThreshold(*threshold))
			}
		})
		d, unlock, err := openIndex(*indexPath, dopts)
		if err != nil {
			fmt.Fprintln(stderr, "newsdump:", err)
			return 1
		}
		defer unlock()
		if *maxAge > 0 {
			d.Forget(start.Add(-*maxAge))
		}
		dd = &dedupeRun{d: d, indexed: newIndexedRun()}
		emit = dd.add
	}
	if *explain {
		for _, p := range paths {
			files, err := expand(p)
			if err != nil {
				report(err)
			}
			for _, f := range files {
				if err := explainOne(f, stdin, out, opts); err != nil {
					report(err)
				}
			}
		}
		if err := out.Flush(); err != nil {
			fmt.Fprintln(stderr, "newsdump: writing output:", err)
			return 1
		}
		return status
	}
	for _, p := range paths {
		files, err := expand(p)
		if err != nil {
			report(err)
		}
		for _, f := range files {
			if err := parseOne(f, stdin, emit, opts); err != nil {
				report(err)
			}
		}
	}
	if dd != nil {
		if err := dd.finish(enc, record, *reportTo, stderr); err != nil {
			report(err)
		}
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintln(stderr, "newsdump: writing output:", err)
		return 1
	}
	if *indexPath != "" && status == 0 {
		if err := saveIndex(*indexPath, dd.d); err != nil {
			report(fmt.Errorf("newsdump: %w", err))
		}
	}
	return status
}

// expand turns one PATH argument into the files it names.
func expand(p string) ([]string, error) {
	if p == "-" {
		return []string{p}, nil
	}
	info, err := os.Stat(p)
	if err != nil {
		return nil, pathError(p, err)
	}
	if !info.IsDir() {
		return []string{p}, nil
	}
	var files []string
	err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if path != p && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		// Follow links to files, but only regular files are dumps.
		if info, err := os.Stat(path); err == nil && info.Mode().IsRegular() {
			files = append(files, path)
		}
		return nil
	})
	// WalkDir sorts each directory's entries; sorting the whole paths makes
	// the order one simple rule: byte order of the path.
	sort.Strings(files)
	if err != nil {
		return files, pathError(p, err)
	}
	return files, nil
}

// pathError renders an error about a whole file as "file: what is wrong".
func pathError(p string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %s: %w", pe.Path, pe.Op, pe.Err)
	}
	return fmt.Errorf("%s: %w", p, err)
}

// articleJSON is one output line: the article's own fields, then what
// the flags add. The added lists are pointers so that a flag that is on
// always prints its key, [] when there is nothing, and a flag that is off
// prints none.
type articleJSON struct {
	newsdump.Article
	Sentences *[][]newsdump.Span        `json:"sentences,omitempty"`
	Entities  *[]newsdump.ArticleEntity `json:"entities,omitempty"`
}

// parseOne streams the articles of one file to emit.
func parseOne(name string, stdin io.Reader, emit func(newsdump.Article) error, opts []newsdump.ParseOption) error {
	src, closeSrc, err := open(name, stdin)
	if err != nil {
		return err
	}
	defer closeSrc()
	r := newsdump.NewReader(src, append(opts, newsdump.WithFile(name))...)
	for a, err := range r.All() {
		if err != nil {
			return err
		}
		if err := emit(a); err != nil {
			return fmt.Errorf("%s: encoding article at line %d: %w", name, a.Source.Line, err)
		}
	}
	return nil
}

// explainOne prints what Parse made of each line of one file, one line of
// output per line of input that is not blank:
//
//	FILE:LINE: ROLE (REASON): TEXT
func explainOne(name string, stdin io.Reader, w io.Writer, opts []newsdump.ParseOption) error {
	src, closeSrc, err := open(name, stdin)
	if err != nil {
		return err
	}
	defer closeSrc()
	roles, err := newsdump.Explain(src, append(opts, newsdump.WithFile(name))...)
	for _, l := range roles {
		if _, werr := fmt.Fprintf(w, "%s:%d: %s (%s): %s\n", name, l.Line, l.Role, l.Reason, l.Text); werr != nil {
			return werr
		}
	}
	return err
}

// open opens a named input, or standard input for "-", and decompresses
// it.
func open(name string, stdin io.Reader) (io.Reader, func(), error) {
	var src io.Reader = stdin
	closeSrc := func() {}
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, nil, pathError(name, err)
		}
		src, closeSrc = f, func() { f.Close() }
	}
	src, err := decompress(src)
	if err != nil {
		closeSrc()
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	return src, closeSrc, nil
}

// decompress returns the text of r: r itself, or what it decompresses to
// when it is gzip data (a .gz dump, or one or more gzip members one after
// another), whatever the file is called. Line numbers and offsets in
// articles and errors are then those of the decompressed text.
func decompress(r io.Reader) (io.Reader, error) {
	br := bufio.NewReader(r)
	magic, _ := br.Peek(2)
	if len(magic) < 2 || magic[0] != 0x1f || magic[1] != 0x8b {
		return br, nil
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	return gzipErrors{zr}, nil
}

// gzipErrors says that an error came from decompression, so that a
// truncated .gz file reads "file:line: gzip: unexpected EOF".
type gzipErrors struct{ r io.Reader }

func (g gzipErrors) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	if err != nil && err != io.EOF {
		err = fmt.Errorf("gzip: %w", err)
	}
	return n, err
}

// dedupeRun holds the kept articles until all inputs are read.
type dedupeRun struct {
	d       *newsdump.Deduper
	kept    []newsdump.Article
	indexed *indexedRun // with -index
}

func (r *dedupeRun) add(a newsdump.Article) error {
	if r.indexed != nil {
		r.addIndexed(a)
		return nil
	}
	if _, isDup := r.d.Add(a); !isDup {
		r.kept = append(r.kept, a)
	}
	return nil
}

// finish prints the kept articles with their duplicates, and the report.
func (r *dedupeRun) finish(enc *json.Encoder, record func(newsdump.Article) any, reportTo string, stderr io.Writer) error {
	clusters := r.d.Clusters()
	if r.indexed != nil {
		if err := r.printIndexed(enc, record); err != nil {
			return err
		}
	} else {
		dups := make(map[newsdump.Source][]newsdump.Source, len(clusters))
		for _, c := range clusters {
			for _, cp := range c.Copies {
				dups[c.Kept] = append(dups[c.Kept], cp.Source)
			}
		}
		for _, a := range r.kept {
			a.Duplicates = dups[a.Source]
			if err := enc.Encode(record(a)); err != nil {
				return fmt.Errorf("%s: encoding article at line %d: %w", a.Source.File, a.Source.Line, err)
			}
		}
	}
	if reportTo == "" {
		return nil
	}
	if reportTo == "-" {
		return writeReport(stderr, clusters, reportTo)
	}
	f, err := os.Create(reportTo)
	if err != nil {
		return pathError(reportTo, err)
	}
	if err := writeReport(f, clusters, reportTo); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return pathError(reportTo, err)
	}
	return nil
}

// writeReport writes one JSON object per cluster.
func writeReport(w io.Writer, clusters []newsdump.Cluster, name string) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for _, c := range clusters {
		if err := enc.Encode(c); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}
