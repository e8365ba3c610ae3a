// Command newsdump turns scraped news text dumps into clean articles,
// printed as JSON Lines: one article per line, in input order.
//
// Usage:
//
//	newsdump [flags] [PATH ...]
//
// Each PATH is a dump file or a directory. A directory stands for the
// regular files below it, in byte order of their paths, whose names dumps
// have: *.txt, *.gz (*.txt.gz among them) and names without an extension,
// except Go fuzz corpus files (they start "go test fuzz v1") and names
// that start with a dot, so that a testdata directory's *.golden.json
// files are not read as dumps. -include GLOB (repeatable) replaces that
// rule, -exclude GLOB (repeatable) skips files, both matched against the
// base name; -v names each file skipped and why. A file named as a PATH is
// always read. A file reached twice (named twice, through a directory and
// by name, or through a symlink: os.SameFile) is read the first time only,
// with a warning. With no PATH, or with "-", the dump is read from
// standard input and its articles' source file is "-". Gzip-compressed dumps are
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
// Every message on standard error has one form, once each:
//
//	newsdump: FILE[:LINE]: what is wrong
//
// A file that cannot be read or parsed is reported so (without LINE when
// it cannot be opened at all); the articles read before the problem are
// still printed, the other files are still processed, and the exit status
// is 1. Usage errors, among them an invalid flag value such as
// -max-article-bytes -5 or -threshold 25, exit with status 2: the command
// checks its flags itself before the library sees them. -version prints
// the version, commit and Go version of the build (runtime/debug).
//
// # Every core
//
// -j N (default GOMAXPROCS) parses up to N+2 files at a time and encodes
// the output lines, with their entities and sentences, on N goroutines;
// one goroutine takes the results back in input order, so that the output
// and every dedupe decision are those of -j 1, byte for byte. With
// -dedupe only the kept articles are encoded, after the Deduper has seen
// them in input order. Memory stays a few batches of 16 articles per file
// in flight, plus what -dedupe holds.
//
// # Progress and interrupts
//
// When standard error is a terminal (a character device), a progress
// line (files, MB read, articles, MB/s, and the share done and the time
// left when every input is a file) is redrawn every 250 ms and erased at
// the end; -progress shows it anyway, -q never. SIGINT or SIGTERM stops
// reading, prints what was decided so far (with -dedupe, every story read
// with the copies found so far; every line whole), a last line on
// standard error saying after which article it stopped, and exits with
// status 130 or 143, without saving -index. Articles parsed but not yet
// handed on (at most a batch per file) are not printed. A second signal
// kills the command at once.
//
// # Output
//
// -o FILE writes the output to a temporary file beside FILE, synced and
// renamed over FILE at the end; when the output cannot be written, FILE is
// left as it was. An input error does not stop the rename: FILE holds what
// standard output would have, and the exit status says 1. -fields
// KEY,KEY… keeps only those top-level keys of each article line, in
// their order (an unknown key is a usage error); the archived lines of
// -index are printed whole.
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
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
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
number, with byte offsets into the "title", the "description", one of
the "authors", a caption's text ("captions") or "credit" (agencies and
photographers), or one of the "paragraphs" (field; index is the author,
caption or paragraph). With
-sentences, each article also has "sentences": for each paragraph, the
list of its sentences as byte offsets into that paragraph,
[[{"start":0,"end":57},...],...].

"description", "authors" and "published" appear when a page prints a
standfirst, a byline or a date. Each file is read as a dump of articles
or as the text of web pages (menus, promos and footers dropped, one
article per page), decided from its start unless -layout says; -explain
prints every line with what became of it and why instead.

Each PATH is a dump file or a directory (the files below it that look
like dumps, in lexical order: see below). With no PATH, or with "-",
standard input is read and its source file is "-". Gzip files
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
"newsdump: file:line: what is wrong"; the articles read before the problem
are still printed, the other files are still processed, and the exit
status is 1. Usage errors exit with status 2.

The work runs on -j cores (all by default) and prints byte for byte what
one core prints. On a terminal, standard error shows a progress line
(-progress and -q force it on or off). SIGINT or SIGTERM stops reading,
prints what was decided so far (with -dedupe, every story read with the
copies found so far) and where it stopped, and exits with status 130 or
143; a second one kills at once.

A directory stands for the files below it whose names dumps have: *.txt,
*.gz and names without an extension (not Go fuzz corpus files, nor names
starting with a dot); -include GLOB replaces that rule, -exclude GLOB
skips files, and -v names each file skipped. A file reached twice (named
twice, through a directory, through a symlink) is read once.

Flags:
`

// stringList is a flag that may be given more than once.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(s string) error { *l = append(*l, s); return nil }

// run is the whole command, with its environment passed in so that tests
// can call it.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("newsdump", flag.ContinueOnError)
	flags.SetOutput(stderr)
	maxArticle := flags.Int("max-article-bytes", newsdump.DefaultMaxArticleBytes,
		"largest article, in bytes of text, to accept (above 0); a larger one is an error")
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
	jobs := flags.Int("j", runtime.GOMAXPROCS(0),
		"work on this many cores; the output is the same for any number")
	showProgress := flags.Bool("progress", false,
		"show a progress line on standard error even when it is not a terminal")
	quiet := flags.Bool("q", false,
		"show no progress line, even on a terminal")
	outPath := flags.String("o", "",
		"write the output to this `file` (through a temporary file beside it, renamed at the end) instead of standard output")
	fieldList := flags.String("fields", "",
		"print only these comma-separated article `keys` (e.g. id,title,source,duplicates)")
	var include, exclude stringList
	flags.Var(&include, "include",
		"in directories, read only the files whose base name matches this `glob` (instead of *.txt, *.gz and no extension); repeatable")
	flags.Var(&exclude, "exclude",
		"in directories, skip the files whose base name matches this `glob`; repeatable")
	verbose := flags.Bool("v", false,
		"name each file skipped in a directory, and why")
	version := flags.Bool("version", false,
		"print the version of newsdump and exit")
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
	usageError := func(format string, args ...any) int {
		fmt.Fprintf(stderr, "newsdump: "+format+"\n", args...)
		return 2
	}
	if *version {
		fmt.Fprintln(stdout, versionLine())
		return 0
	}
	if *maxArticle <= 0 {
		return usageError("-max-article-bytes %d: want a number of bytes above 0", *maxArticle)
	}
	if !(*threshold > 0 && *threshold <= 1) {
		return usageError("-threshold %v: want a number in (0, 1]", *threshold)
	}
	if *jobs < 1 {
		return usageError("-j %d: want a number of cores, 1 or more", *jobs)
	}
	if *showProgress && *quiet {
		return usageError("-progress and -q contradict each other")
	}
	for _, g := range append(append([]string{}, include...), exclude...) {
		if _, err := filepath.Match(g, ""); err != nil {
			return usageError("glob %q: %v", g, err)
		}
	}
	fields, err := parseFields(*fieldList)
	if err != nil {
		return usageError("%v", err)
	}
	if fields != nil && *explain {
		return usageError("-fields does nothing with -explain")
	}
	if *reportTo != "" && !*dedupe {
		return usageError("-dedupe-report needs -dedupe")
	}
	if *indexPath != "" && (!*dedupe || *explain) {
		return usageError("-index needs -dedupe, and does nothing with -explain")
	}
	if *maxAge < 0 || *maxAge > 0 && *indexPath == "" {
		return usageError("-index-max-age needs -index and a duration above 0")
	}

	opts := []newsdump.ParseOption{newsdump.WithMaxArticleBytes(*maxArticle)}
	switch *layout {
	case "auto":
	case "dump":
		opts = append(opts, newsdump.WithLayout(newsdump.LayoutDump))
	case "page":
		opts = append(opts, newsdump.WithLayout(newsdump.LayoutPage))
	default:
		return usageError("-layout %q: want auto, dump or page", *layout)
	}
	if *encName != "" {
		e, err := ianaindex.IANA.Encoding(*encName)
		if err != nil || e == nil {
			return usageError("unknown encoding %q", *encName)
		}
		opts = append(opts, newsdump.WithEncoding(e))
	}

	con := newConsole(stderr)
	status := 0
	report := func(err error) {
		con.say(err.Error())
		status = 1
	}
	paths := flags.Args()
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	inputs, ok := collectInputs(paths, &inputFilter{include: include, exclude: exclude}, *verbose, con.say)
	if !ok {
		status = 1
	}

	var dd *dedupeRun
	if *dedupe && *indexPath == "" {
		dd = &dedupeRun{d: newsdump.NewDeduper(newsdump.WithThreshold(*threshold))}
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
			report(err)
			return 1
		}
		defer unlock()
		if *maxAge > 0 {
			d.Forget(start.Add(-*maxAge))
		}
		dd = &dedupeRun{d: d, indexed: newIndexedRun()}
	}

	out, err := openOutput(*outPath, stdout)
	if err != nil {
		report(err)
		return 1
	}
	write := func(b []byte) error {
		if fields != nil {
			if kept, err := keepFields(b, fields); err == nil {
				b = kept
			}
		}
		_, err := out.Write(b)
		return err
	}

	ctx, interrupted, stopSignals := notifyInterrupts(context.Background())
	defer stopSignals()
	if *showProgress || !*quiet && isTerminal(stderr) {
		total := int64(0)
		for _, in := range inputs {
			if in.size < 0 {
				total = -1
				break
			}
			total += in.size
		}
		con.startProgress(total, len(inputs))
	}
	openInput := func(in input) (io.Reader, func(), error) {
		return open(ctx, in, stdin, con)
	}

	var last newsdump.Source // the last article emitted, to say where an interrupt stopped
	if *explain {
		for _, in := range inputs {
			if ctx.Err() != nil {
				break
			}
			if err := explainOne(in, openInput, out, opts); err != nil {
				if out.err != nil {
					break
				}
				report(err)
			}
			con.files.Add(1)
		}
	} else {
		enc := &encoder{
			sentences: *sentences && (fields == nil || fields["sentences"]),
			entities:  *entities && (fields == nil || fields["entities"]),
		}
		var kept *keptEncoder
		if dd != nil {
			kept = newKeptEncoder(enc, *jobs)
			enc = nil // the kept articles only are encoded, after Add
		}
		emit := func(b *batch) bool {
			for i, a := range b.arts {
				if dd != nil {
					if l := dd.add(a); l != nil {
						kept.add(a, l)
					}
				} else if write(b.lines[i].json) != nil {
					return false
				}
				last = a.Source
				con.articles.Add(1)
			}
			if b.err != nil {
				report(b.err)
			}
			return true
		}
		pipeline(ctx, inputs, *jobs, openInput, opts, enc, emit, func() { con.files.Add(1) })
		if kept != nil {
			if err := kept.wait(); err != nil {
				report(err)
			}
		}
	}
	con.stopProgress()
	if dd != nil && out.err == nil {
		if err := dd.finish(write, *reportTo, stderr); err != nil && out.err == nil {
			report(err)
		}
	}
	if err := out.close(true); err != nil {
		report(err)
	}
	if sig := interrupted(); sig != nil {
		where := "before the first article"
		if last.File != "" {
			where = fmt.Sprintf("after the article at %s:%d", last.File, last.Line)
		}
		con.say(fmt.Sprintf("%s: stopped reading %s (%d articles read, %d of %d inputs whole); what was read is printed",
			signalName(sig), where, con.articles.Load(), con.files.Load(), len(inputs)))
		return exitStatus(sig)
	}
	if *indexPath != "" && status == 0 {
		if err := saveIndex(*indexPath, dd.d); err != nil {
			report(err)
		}
	}
	return status
}

// explainOne prints what Parse made of each line of one file, one line of
// output per line of input that is not blank:
//
//	FILE:LINE: ROLE (REASON): TEXT
func explainOne(in input, open source, w io.Writer, opts []newsdump.ParseOption) error {
	name := in.name
	src, closeSrc, err := open(in)
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

// open opens a named input, or standard input for "-", counts the bytes
// read from it for the progress line, and decompresses it. An input of
// unknown size (standard input, a pipe) is read so that ctx interrupts
// it.
func open(ctx context.Context, in input, stdin io.Reader, con *console) (io.Reader, func(), error) {
	name := in.name
	var src io.Reader = stdin
	closeSrc := func() {}
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, nil, pathError(name, err)
		}
		src, closeSrc = f, func() { f.Close() }
	}
	if in.size < 0 {
		src = newInterruptibleReader(ctx, src)
	}
	src, err := decompress(countingReader{src, &con.bytes})
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
		return nil, gzipError(err)
	}
	return gzipErrors{zr}, nil
}

// gzipError says that err came from decompression, once: the gzip
// package's own errors already say "gzip: ".
func gzipError(err error) error {
	if strings.HasPrefix(err.Error(), "gzip: ") {
		return err
	}
	return fmt.Errorf("gzip: %w", err)
}

// gzipErrors says that an error came from decompression, so that a
// truncated .gz file reads "file:line: gzip: unexpected EOF".
type gzipErrors struct{ r io.Reader }

func (g gzipErrors) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	if err != nil && err != io.EOF {
		err = gzipError(err)
	}
	return n, err
}
