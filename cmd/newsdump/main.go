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
// and its articles' source file is "-".
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
package main

import (
	"bufio"
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

	"github.com/newsdump/newsdump"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = `usage: newsdump [flags] [PATH ...]

newsdump reads news text dumps and prints their articles as JSON Lines on
standard output, one article per line, in input order:

  {"id":"…","title":"…","captions":[{"text":"…","credit":"AFP"}],
   "paragraphs":["…"],"source":{"file":"…","line":1,"offset":0}}

id is a hex fingerprint of the article's text; source is where its title
starts (1-based line, byte offset).

Each PATH is a dump file or a directory (every regular file below it, in
lexical order, skipping names that start with a dot). With no PATH, or
with "-", standard input is read and its source file is "-".

With -dedupe (the default), each story is printed once, as first read,
and its "duplicates" key lists where its other copies were, in any input:
exact copies and near copies (estimated Jaccard similarity of word
shingles at least -threshold). Output then waits until all inputs are
read; only the kept articles are held in memory.

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
	dedupe := flags.Bool("dedupe", true,
		"print one copy of each story, listing the others in \"duplicates\"; output waits for all inputs")
	threshold := flags.Float64("threshold", newsdump.DefaultThreshold,
		"similarity (estimated Jaccard of word shingles, 0 to 1] at which two articles are one story")
	reportTo := flags.String("dedupe-report", "",
		"write the duplicate clusters as JSON Lines to this file (\"-\": standard error)")
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
	emit := func(a newsdump.Article) error { return enc.Encode(a) }
	var dd *dedupeRun
	if *dedupe {
		dd = &dedupeRun{d: newsdump.NewDeduper(newsdump.WithThreshold(*threshold))}
		emit = dd.add
	}
	for _, p := range paths {
		files, err := expand(p)
		if err != nil {
			report(err)
		}
		for _, f := range files {
			if err := parseOne(f, stdin, emit, *maxArticle); err != nil {
				report(err)
			}
		}
	}
	if dd != nil {
		if err := dd.finish(enc, *reportTo, stderr); err != nil {
			report(err)
		}
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintln(stderr, "newsdump: writing output:", err)
		return 1
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

// parseOne streams the articles of one file to emit.
func parseOne(name string, stdin io.Reader, emit func(newsdump.Article) error, maxArticle int) error {
	var src io.Reader = stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return pathError(name, err)
		}
		defer f.Close()
		src = f
	}
	r := newsdump.NewReader(src, newsdump.WithFile(name), newsdump.WithMaxArticleBytes(maxArticle))
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

// dedupeRun holds the kept articles until all inputs are read.
type dedupeRun struct {
	d    *newsdump.Deduper
	kept []newsdump.Article
}

func (r *dedupeRun) add(a newsdump.Article) error {
	if _, isDup := r.d.Add(a); !isDup {
		r.kept = append(r.kept, a)
	}
	return nil
}

// finish prints the kept articles with their duplicates, and the report.
func (r *dedupeRun) finish(enc *json.Encoder, reportTo string, stderr io.Writer) error {
	clusters := r.d.Clusters()
	dups := make(map[newsdump.Source][]newsdump.Source, len(clusters))
	for _, c := range clusters {
		for _, cp := range c.Copies {
			dups[c.Kept] = append(dups[c.Kept], cp.Source)
		}
	}
	for _, a := range r.kept {
		a.Duplicates = dups[a.Source]
		if err := enc.Encode(a); err != nil {
			return fmt.Errorf("%s: encoding article at line %d: %w", a.Source.File, a.Source.Line, err)
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
