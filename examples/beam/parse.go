package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"strconv"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/newsdump/newsdump"
)

// record is one parsed article as it travels through the pipeline. The
// article goes as its JSON (exactly what the command prints for it, so
// nothing is lost on the way: JSON keeps an empty list apart from a
// missing one, which a schema coder need not); File and Index are its
// place in the input order: files in byte order of their path, then the
// articles of each file in order.
type record struct {
	ID      uint64 // node of the key graph: a hash of File and Index
	File    string
	Index   int
	Article []byte
}

// before says whether r comes before o in the input order.
func (r record) before(o record) bool {
	if r.File != o.File {
		return r.File < o.File
	}
	return r.Index < o.Index
}

// nodeID names an article in the key graph. Two articles with the same
// hash would be one node: their components merge, which costs a larger
// component and never a different result (see resolve.go).
func nodeID(file string, index int) uint64 {
	h := fnv.New64a()
	io.WriteString(h, file)
	h.Write([]byte{0})
	io.WriteString(h, strconv.Itoa(index))
	return h.Sum64()
}

// parseFn parses one dump file into records, as the command does: gzip
// detected by its magic number, not by the name, and on a bad file the
// articles read before the problem are kept, the problem is logged as
// "file:line: what is wrong" and counted.
type parseFn struct {
	// Layout is "auto", "dump" or "page", as the command's -layout.
	Layout        string
	errors, bytes beam.Counter
}

func (fn *parseFn) Setup() {
	fn.errors = beam.NewCounter("newsdump", "parse_errors")
	fn.bytes = beam.NewCounter("newsdump", "article_json_bytes")
}

func (fn *parseFn) ProcessElement(ctx context.Context, f fileio.ReadableFile, emit func(record)) error {
	name := f.Metadata.Path
	rc, err := f.Open(ctx)
	if err != nil {
		fn.fail(ctx, fmt.Errorf("%s: %w", name, err))
		return nil
	}
	defer rc.Close()
	src, err := decompress(rc)
	if err != nil {
		fn.fail(ctx, fmt.Errorf("%s: %w", name, err))
		return nil
	}
	opts := []newsdump.ParseOption{newsdump.WithFile(name)}
	if l, ok := layouts[fn.Layout]; ok {
		opts = append(opts, newsdump.WithLayout(l))
	}
	i := 0
	for a, err := range newsdump.NewReader(src, opts...).All() {
		if err != nil {
			fn.fail(ctx, err)
			break
		}
		js, err := json.Marshal(a)
		if err != nil {
			return fmt.Errorf("%s: encoding article at line %d: %w", name, a.Source.Line, err)
		}
		fn.bytes.Inc(ctx, int64(len(js)))
		emit(record{ID: nodeID(name, i), File: name, Index: i, Article: js})
		i++
	}
	return nil
}

func (fn *parseFn) fail(ctx context.Context, err error) {
	log.Error(ctx, err.Error())
	fn.errors.Inc(ctx, 1)
}

// layouts are the values of -layout other than "auto".
var layouts = map[string]newsdump.Layout{"dump": newsdump.LayoutDump, "page": newsdump.LayoutPage}

// decompress returns the text of r, gunzipped when it starts with gzip's
// magic number, as the command reads its inputs.
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
	return zr, nil
}

// decodeArticle is the inverse of what parseFn does to an article.
func decodeArticle(r record) (newsdump.Article, error) {
	var a newsdump.Article
	if err := json.Unmarshal(r.Article, &a); err != nil {
		return a, fmt.Errorf("%s: article %d: %w", r.File, r.Index, err)
	}
	return a, nil
}
