package main

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/newsdump/newsdump"
)

// openIndex locks the index at path and reads it, or returns an empty
// Deduper if there is none yet. The lock is held until unlock is called:
// from before the index is read until after the new one is renamed over
// it, so that two runs never both read the old index and one's save
// never undoes the other's.
func openIndex(path string, opts []newsdump.DedupeOption) (d *newsdump.Deduper, unlock func(), err error) {
	unlock, err = lockIndex(path)
	if err != nil {
		return nil, nil, err
	}
	removeStaleTemps(path)
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return newsdump.NewDeduper(opts...), unlock, nil
	}
	if err != nil {
		unlock()
		return nil, nil, pathError(path, err)
	}
	defer f.Close()
	d, err = newsdump.ReadDeduper(f, opts...)
	if err != nil {
		unlock()
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	return d, unlock, nil
}

// tempPattern is the name of the temporary file a save writes beside the
// index: hidden, and named after it so that a leftover one is known.
func tempPattern(path string) string { return "." + filepath.Base(path) + ".tmp-*" }

// removeStaleTemps removes the temporary files a save killed half-way
// left beside the index. It runs under the lock, so no save is writing
// one.
func removeStaleTemps(path string) {
	stale, _ := filepath.Glob(filepath.Join(filepath.Dir(path), tempPattern(path)))
	for _, s := range stale {
		os.Remove(s)
	}
}

// saveIndex replaces the index at path with d, atomically: it writes a
// temporary file in the same directory, syncs it to disk, renames it over
// the index and syncs the directory, so that a crash at any moment leaves
// either the old index or the new one under path, whole.
func saveIndex(path string, d *newsdump.Deduper) (err error) {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, tempPattern(path))
	if err != nil {
		return pathError(path, err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
			err = fmt.Errorf("%s: saving the index: %w", path, err)
		}
	}()
	mode := fs.FileMode(0o644)
	if info, err := os.Stat(path); err == nil {
		mode = info.Mode().Perm()
	}
	if err := f.Chmod(mode); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	if _, err := d.WriteTo(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	// The rename is durable once the directory is.
	return syncDir(dir)
}

// archivedJSON is the line printed, with -index, for a story of the index
// that the inputs had copies of.
type archivedJSON struct {
	Archived   newsdump.Story    `json:"archived"`
	Duplicates []newsdump.Source `json:"duplicates"`
}

// indexedRun is the bookkeeping of -dedupe with -index: which story each
// article joined, from AddStory, since a Source alone may name articles
// of two runs (standard input is "-" every day).
type indexedRun struct {
	keptStories []newsdump.Story                     // of each kept article
	copies      map[newsdump.Story][]newsdump.Source // this run's copies of each story
	archived    []newsdump.Story                     // stories of the index with copies in this run, in order of the first
	isKept      map[newsdump.Story]bool
}

func newIndexedRun() *indexedRun {
	return &indexedRun{copies: map[newsdump.Story][]newsdump.Source{}, isKept: map[newsdump.Story]bool{}}
}

func (r *dedupeRun) addIndexed(a newsdump.Article) *line {
	s, isDup := r.d.AddStory(a)
	x := r.indexed
	if !isDup {
		l := new(line)
		r.kept = append(r.kept, l)
		x.keptStories = append(x.keptStories, s)
		x.isKept[s] = true
		return l
	}
	if _, seen := x.copies[s]; !seen && !x.isKept[s] {
		x.archived = append(x.archived, s)
	}
	x.copies[s] = append(x.copies[s], a.Source)
	return nil
}

// printIndexed writes the kept articles with this run's copies, then one
// line per archived story with copies.
func (r *dedupeRun) printIndexed(write func([]byte) error) error {
	x := r.indexed
	for i, l := range r.kept {
		if l.json == nil {
			continue // not encoded: the encoder failed or was stopped
		}
		if err := write(l.withDuplicates(x.copies[x.keptStories[i]])); err != nil {
			return err
		}
	}
	for _, s := range x.archived {
		b, err := encodeJSON(archivedJSON{s, x.copies[s]})
		if err != nil {
			return err
		}
		if err := write(b); err != nil {
			return err
		}
	}
	return nil
}
