package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
)

// writeFn writes the output file: every kept article's line in input
// order, as the command prints them. It runs once (on an impulse), with
// the lines as a side input, so an input without articles still gives an
// (empty) output. It is the pipeline's one step on one worker: it holds
// the kept lines to sort them (see the README for sharded output).
//
// It refuses to write when the label propagation had not converged
// (moved is not empty): the components, hence the result, could be
// wrong.
type writeFn struct {
	Path   string
	Rounds int
}

func (fn *writeFn) ProcessElement(ctx context.Context, _ []byte, lines func(*outLine) bool, moved func(*uint64) bool) error {
	var id uint64
	if moved(&id) {
		n := 1
		for moved(&id) {
			n++
		}
		return fmt.Errorf("components did not converge in %d rounds (%d labels still changed in the last): run with a larger -rounds", fn.Rounds, n)
	}
	var ls []outLine
	var l outLine
	for lines(&l) {
		ls = append(ls, l)
	}
	slices.SortFunc(ls, func(a, b outLine) int {
		if c := strings.Compare(a.File, b.File); c != 0 {
			return c
		}
		return a.Index - b.Index
	})
	return writeAtomically(ctx, fn.Path, func(w *bufio.Writer) error {
		for _, l := range ls {
			if _, err := w.Write(l.JSON); err != nil {
				return err
			}
		}
		return nil
	})
}

// writeAtomically writes path so that it is either the old file or the
// whole new one: a local path through a temporary file beside it, synced
// and renamed; a path with a scheme (gs://, s3://) through the Beam
// filesystem, whose objects appear whole when the writer closes.
func writeAtomically(ctx context.Context, path string, write func(*bufio.Writer) error) error {
	if strings.Contains(path, "://") {
		fs, err := filesystem.New(ctx, path)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		defer fs.Close()
		wc, err := fs.OpenWrite(ctx, path)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		bw := bufio.NewWriter(wc)
		if err := write(bw); err != nil {
			wc.Close()
			return fmt.Errorf("%s: %w", path, err)
		}
		if err := bw.Flush(); err != nil {
			wc.Close()
			return fmt.Errorf("%s: %w", path, err)
		}
		if err := wc.Close(); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		return nil
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	fail := func(err error) error {
		f.Close()
		os.Remove(tmp)
		return fmt.Errorf("%s: %w", path, err)
	}
	bw := bufio.NewWriter(f)
	if err := write(bw); err != nil {
		return fail(err)
	}
	if err := bw.Flush(); err != nil {
		return fail(err)
	}
	if err := f.Chmod(0o644); err != nil {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
