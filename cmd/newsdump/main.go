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
   "paragraphs":["…"],"source":{"file":"…","line":1,"offset":0},
   "entities":[{"type":"PERSON","text":"…","value":"…","mentions":[
     {"field":"paragraphs","index":0,"start":24,"end":38,"text":"…"}]}]}

id is a hex fingerprint of the article's text; source is where its title
starts (1-based line, byte offset); entities (unless -entities=false)
groups the mentions of each person, organisation, place, group, date and
number, with byte offsets into the title, caption text or paragraph.

Each PATH is a dump file or a directory (every regular file below it, in
lexical order, skipping names that start with a dot). With no PATH, or
with "-", standard input is read and its source file is "-".

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
	for _, p := range paths {
		files, err := expand(p)
		if err != nil {
			report(err)
		}
		for _, f := range files {
			if err := parseOne(f, stdin, enc, *maxArticle, *entities); err != nil {
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
// the flags add.
type articleJSON struct {
	newsdump.Article
	Entities *[]newsdump.ArticleEntity `json:"entities,omitempty"`
}

// parseOne streams the articles of one file to enc.
func parseOne(name string, stdin io.Reader, enc *json.Encoder, maxArticle int, entities bool) error {
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
		line := articleJSON{Article: a}
		if entities {
			ents := a.Entities()
			if ents == nil {
				ents = []newsdump.ArticleEntity{}
			}
			line.Entities = &ents
		}
		if err := enc.Encode(line); err != nil {
			return fmt.Errorf("%s: encoding article at line %d: %w", name, a.Source.Line, err)
		}
	}
	return nil
}
