package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// output is where the JSON lines go: standard output, or with -o a
// temporary file beside FILE that replaces it at the end. It remembers
// the first write error, so that a broken output is reported once and
// stops the run.
type output struct {
	w    *bufio.Writer
	f    *os.File // with -o
	path string   // with -o: the final name
	err  error
}

// openOutput opens standard output, or a temporary file beside path
// (hidden, named after it) when path is not "".
func openOutput(path string, stdout io.Writer) (*output, error) {
	if path == "" {
		return &output{w: bufio.NewWriterSize(stdout, 64<<10)}, nil
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // named after the temporary file, not FILE
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &output{w: bufio.NewWriterSize(f, 64<<10), f: f, path: path}, nil
}

func (o *output) Write(p []byte) (int, error) {
	if o.err != nil {
		return 0, o.err
	}
	n, err := o.w.Write(p)
	if err != nil {
		o.err = o.wrap(err)
	}
	return n, o.err
}

// wrap names what failed: the -o file, or standard output.
func (o *output) wrap(err error) error {
	if o.f != nil {
		return fmt.Errorf("%s: %w", o.path, err)
	}
	return fmt.Errorf("writing output: %w", err)
}

// close flushes the output. With -o, keep renames the temporary file to
// its final name (after syncing it, so that a crash never leaves a
// partial file under that name); otherwise, or when anything failed, the
// temporary file is removed and the final name is left as it was.
func (o *output) close(keep bool) error {
	if o.err == nil {
		if err := o.w.Flush(); err != nil {
			o.err = o.wrap(err)
		}
	}
	if o.f == nil {
		return o.err
	}
	tmp := o.f.Name()
	if o.err == nil && keep {
		if err := o.f.Sync(); err != nil {
			o.err = o.wrap(err)
		}
	}
	if err := o.f.Close(); err != nil && o.err == nil {
		o.err = o.wrap(err)
	}
	if o.err == nil && keep {
		if err := os.Rename(tmp, o.path); err != nil {
			o.err = o.wrap(err)
		} else {
			syncDir(filepath.Dir(o.path))
		}
	}
	if o.err != nil || !keep {
		os.Remove(tmp)
	}
	return o.err
}

// articleKeys are the top-level keys of an article line, in the order
// they are printed; -fields takes a list of them.
var articleKeys = []string{"id", "title", "description", "authors", "published", "captions", "paragraphs", "source", "duplicates", "sentences", "entities"}

// parseFields parses -fields: a comma-separated list of article keys.
func parseFields(s string) (map[string]bool, error) {
	if s == "" {
		return nil, nil
	}
	keep := map[string]bool{}
	for _, k := range strings.Split(s, ",") {
		k = strings.TrimSpace(k)
		if !slices.Contains(articleKeys, k) {
			return nil, fmt.Errorf("-fields: unknown key %q; the keys are %s", k, strings.Join(articleKeys, ","))
		}
		keep[k] = true
	}
	return keep, nil
}

// keepFields rewrites one JSON object line with only the top-level keys
// in keep, in the order they had; the values are copied as they were.
func keepFields(line []byte, keep map[string]bool) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(line))
	if _, err := dec.Token(); err != nil { // {
		return nil, err
	}
	out := make([]byte, 0, len(line))
	out = append(out, '{')
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, err
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		k, _ := t.(string)
		if !keep[k] {
			continue
		}
		if len(out) > 1 {
			out = append(out, ',')
		}
		kb, _ := json.Marshal(k)
		out = append(out, kb...)
		out = append(out, ':')
		out = append(out, v...)
	}
	return append(out, '}', '\n'), nil
}
