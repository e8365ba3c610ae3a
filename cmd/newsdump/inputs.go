package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// input is one file to read: a path, or "-" for standard input, with its
// size when it is a regular file (for the progress display's ETA).
type input struct {
	name string
	size int64 // -1 when unknown (standard input, a pipe)
}

// inputFilter decides which files of a directory walk are read. Files
// named on the command line are always read: naming one is asking for it.
type inputFilter struct {
	include, exclude []string // globs on the base name
}

// fuzzHeader starts every file of a Go fuzz corpus (testdata/fuzz/...),
// whose names have no extension: they are tests' inputs, not dumps.
const fuzzHeader = "go test fuzz v1\n"

// why returns "" when a file met in a directory walk is read, or why it
// is skipped. The default (no -include) is the names dumps have: *.txt,
// *.gz (*.txt.gz among them) and names without an extension, except Go
// fuzz corpus files; -include GLOB replaces that default, -exclude GLOB
// skips files the default or -include would read. Globs match the base
// name (filepath.Match). Dot files were skipped before this is asked.
func (f *inputFilter) why(path string) string {
	base := filepath.Base(path)
	for _, g := range f.exclude {
		if ok, _ := filepath.Match(g, base); ok {
			return "matches -exclude " + g
		}
	}
	if len(f.include) > 0 {
		for _, g := range f.include {
			if ok, _ := filepath.Match(g, base); ok {
				return ""
			}
		}
		return "matches no -include"
	}
	switch ext := filepath.Ext(base); ext {
	case ".txt", ".gz":
		return ""
	case "":
		if isFuzzCorpus(path) {
			return "a Go fuzz corpus file"
		}
		return ""
	default:
		return "not a dump name (*.txt, *.gz, no extension; see -include)"
	}
}

func isFuzzCorpus(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false // the read will say what is wrong
	}
	defer f.Close()
	head := make([]byte, len(fuzzHeader))
	n, _ := f.Read(head)
	return bytes.Equal(head[:n], []byte(fuzzHeader))
}

// collectInputs turns the PATH arguments into the files to read, in
// order: each directory's files in byte order of their paths, each file
// once. A file reached a second time (named twice, through a directory
// and by name, or through a symlink: os.SameFile) is read the first time
// only, with a warning; so is "-". Errors and warnings go to say, one
// line each; skipped files too when verbose.
func collectInputs(paths []string, filter *inputFilter, verbose bool, say func(string)) (files []input, ok bool) {
	ok = true
	type seenFile struct {
		info fs.FileInfo
		name string
	}
	var seen []seenFile // a linear scan: SameFile has no key to hash on
	stdinSeen := false
	add := func(name string) {
		if name == "-" {
			if stdinSeen {
				say("-: standard input named again, read once")
				return
			}
			stdinSeen = true
			files = append(files, input{name: "-", size: -1})
			return
		}
		info, err := os.Stat(name)
		if err != nil {
			say(pathError(name, err).Error())
			ok = false
			return
		}
		for _, s := range seen {
			if os.SameFile(s.info, info) {
				say(fmt.Sprintf("%s: same file as %s, read once", name, s.name))
				return
			}
		}
		seen = append(seen, seenFile{info, name})
		size := int64(-1)
		if info.Mode().IsRegular() {
			size = info.Size()
		}
		files = append(files, input{name: name, size: size})
	}
	for _, p := range paths {
		if p == "-" {
			add(p)
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			say(pathError(p, err).Error())
			ok = false
			continue
		}
		if !info.IsDir() {
			add(p)
			continue
		}
		walked, err := walkDir(p, filter, verbose, say)
		if err != nil {
			say(err.Error())
			ok = false
		}
		for _, f := range walked {
			add(f)
		}
	}
	return files, ok
}

// walkDir lists the files below dir that filter reads, in byte order of
// their paths, skipping names that start with a dot.
func walkDir(dir string, filter *inputFilter, verbose bool, say func(string)) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if path != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			if verbose {
				say(path + ": skipped: a dot file")
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		// Follow links to files, but only regular files are dumps.
		if info, err := os.Stat(path); err != nil || !info.Mode().IsRegular() {
			if verbose {
				say(path + ": skipped: not a regular file")
			}
			return nil
		}
		if why := filter.why(path); why != "" {
			if verbose {
				say(path + ": skipped: " + why)
			}
			return nil
		}
		files = append(files, path)
		return nil
	})
	// WalkDir sorts each directory's entries; sorting the whole paths makes
	// the order one simple rule: byte order of the path.
	sort.Strings(files)
	if err != nil {
		return files, pathError(dir, err)
	}
	return files, nil
}

// pathError renders an error about a whole file as "file: what is wrong",
// without the name of the system call that failed.
func pathError(p string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Path, pe.Err)
	}
	return fmt.Errorf("%s: %w", p, err)
}
