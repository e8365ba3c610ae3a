package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/newsdump/newsdump"
)

// dedupeRun holds the kept articles' lines until all inputs are read:
// only the lines, not the articles, since the Deduper has seen them.
// A line is filled in by the encoders after add returns it (only kept
// articles are worth their entities), and read once they are done.
type dedupeRun struct {
	d       *newsdump.Deduper
	kept    []*line
	keptSrc []newsdump.Source
	indexed *indexedRun // with -index
}

// add gives a to the Deduper, and returns where its line goes when it
// is kept, nil when it is a copy. It is called in input order, so that
// the decisions are those of one core.
func (r *dedupeRun) add(a newsdump.Article) *line {
	if r.indexed != nil {
		return r.addIndexed(a)
	}
	if _, isDup := r.d.Add(a); isDup {
		return nil
	}
	l := new(line)
	r.kept = append(r.kept, l)
	r.keptSrc = append(r.keptSrc, a.Source)
	return l
}

// finish writes the kept articles with their duplicates, and the report.
func (r *dedupeRun) finish(write func([]byte) error, reportTo string, stderr io.Writer) error {
	clusters := r.d.Clusters()
	if r.indexed != nil {
		if err := r.printIndexed(write); err != nil {
			return err
		}
	} else {
		dups := make(map[newsdump.Source][]newsdump.Source, len(clusters))
		for _, c := range clusters {
			for _, cp := range c.Copies {
				dups[c.Kept] = append(dups[c.Kept], cp.Source)
			}
		}
		for i, l := range r.kept {
			if l.json == nil {
				continue // not encoded: the encoder failed or was stopped
			}
			if err := write(l.withDuplicates(dups[r.keptSrc[i]])); err != nil {
				return err
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
