package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/newsdump/newsdump"
)

// The command runs on all cores (-j) and prints what it prints on one,
// byte for byte. Each input is parsed by a goroutine of its own, at most
// filesInFlight(j)+1 inputs at a time, into batches of batchSize articles.
// One goroutine, the sequencer, takes the batches back in input order,
// file by file, and emits them. What is costly (an article's JSON with
// its sentences and entities) is done by j workers: before the sequencer
// for -dedupe=false, which then only writes the lines; after it with
// -dedupe, for the kept articles only (a copy is never printed, and is
// often most of a crawl): the sequencer gives each article to the
// Deduper, whose decisions depend on the order of Add, and hands the
// kept ones to a keptEncoder. Every channel is bounded, so memory stays
// at a few batches per input in flight, plus the kept lines, whatever
// the size of the inputs. With -j 1 the same steps run one after another
// in one goroutine.
//
// The Deduper's own preparation of an article (its comparison text and
// shingle hashes, a pure function of the article) runs inside Add, so in
// the sequencer: it is the part of the work that does not scale with -j.

// batchSize is the number of articles a worker takes at a time: enough
// that a batch costs far more than passing it on.
const batchSize = 16

// filesInFlight is how many inputs are parsed at a time: enough to keep j
// workers busy when the inputs are small, few enough that the batches
// waiting for the sequencer stay few.
func filesInFlight(j int) int { return j + 1 }

// batch is some consecutive articles of one input and, once a worker has
// seen to it, their lines. err, when not nil, is what ended the input
// after these articles.
type batch struct {
	file  string
	arts  []newsdump.Article
	lines []line
	err   error
	done  chan struct{} // closed when lines are ready (parallel runs)
}

// line is one article's output line without "duplicates": the JSON up to
// split, where ,"duplicates":[…] goes when the article has copies, and
// from split to the end (ending in a newline).
type line struct {
	json  []byte
	split int
}

// encoder makes the output lines of articles; it is safe for concurrent
// use.
type encoder struct {
	sentences, entities bool
}

// articleJSON is one output line: the article's own fields, then what
// the flags add. The added lists are pointers so that a flag that is on
// always prints its key, [] when there is nothing, and a flag that is off
// prints none. encoder.encode writes it in two parts.
type articleJSON struct {
	newsdump.Article
	Sentences *[][]newsdump.Span        `json:"sentences,omitempty"`
	Entities  *[]newsdump.ArticleEntity `json:"entities,omitempty"`
}

// extras are the keys that flags add after an article's own.
type extras struct {
	Sentences *[][]newsdump.Span        `json:"sentences,omitempty"`
	Entities  *[]newsdump.ArticleEntity `json:"entities,omitempty"`
}

// encode returns a's line: the JSON of articleJSON, in two parts around
// where "duplicates" goes. a.Duplicates must be empty.
func (e *encoder) encode(a newsdump.Article, buf *bytes.Buffer) (line, error) {
	buf.Reset()
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(a); err != nil {
		return line{}, err
	}
	split := buf.Len() - 2 // before "}\n"
	var x extras
	if e.sentences {
		sents := a.Sentences()
		if sents == nil {
			sents = [][]newsdump.Span{}
		}
		x.Sentences = &sents
	}
	if e.entities {
		ents := a.Entities()
		if ents == nil {
			ents = []newsdump.ArticleEntity{}
		}
		x.Entities = &ents
	}
	if x.Sentences != nil || x.Entities != nil {
		buf.Truncate(split)
		buf.WriteByte(',')
		start := buf.Len()
		if err := enc.Encode(x); err != nil {
			return line{}, err
		}
		// Drop the extras' own "{".
		b := buf.Bytes()
		copy(b[start:], b[start+1:])
		buf.Truncate(buf.Len() - 1)
	}
	return line{json: bytes.Clone(buf.Bytes()), split: split}, nil
}

// withDuplicates returns l's JSON with "duplicates": dups.
func (l line) withDuplicates(dups []newsdump.Source) []byte {
	if len(dups) == 0 {
		return l.json
	}
	d, _ := encodeJSON(dups) // Sources always encode
	out := make([]byte, 0, len(l.json)+len(d)+16)
	out = append(out, l.json[:l.split]...)
	out = append(out, `,"duplicates":`...)
	out = append(out, d[:len(d)-1]...) // without its newline
	return append(out, l.json[l.split:]...)
}

// encodeJSON is v as the command prints it: JSON without HTML escapes,
// and a newline.
func encodeJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	err := enc.Encode(v)
	return buf.Bytes(), err
}

// work fills b.lines.
func (e *encoder) work(b *batch, buf *bytes.Buffer) {
	b.lines = make([]line, len(b.arts))
	for i, a := range b.arts {
		l, err := e.encode(a, buf)
		if err != nil {
			// Only an unsupported value could fail; say where.
			b.err = fmt.Errorf("%s:%d: encoding the article: %w", a.Source.File, a.Source.Line, err)
			b.arts, b.lines = b.arts[:i], b.lines[:i]
			return
		}
		b.lines[i] = l
	}
}

// source opens one input for reading: see open.
type source func(in input) (io.Reader, func(), error)

// produce parses one input into batches, giving each to send in order,
// the last one with the error that ended the input, if any. It stops
// early when ctx is done or send says to.
func produce(ctx context.Context, in input, open source, opts []newsdump.ParseOption, send func(*batch) bool) {
	src, closeSrc, err := open(in)
	if err != nil {
		send(&batch{file: in.name, err: err})
		return
	}
	defer closeSrc()
	r := newsdump.NewReader(src, append(opts, newsdump.WithFile(in.name), newsdump.WithContext(ctx))...)
	b := &batch{file: in.name}
	for a, err := range r.All() {
		if err != nil {
			if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
				return // interrupted: nothing to report
			}
			b.err = err
			break
		}
		b.arts = append(b.arts, a)
		if len(b.arts) == batchSize {
			if !send(b) {
				return
			}
			b = &batch{file: in.name}
		}
	}
	if len(b.arts) > 0 || b.err != nil {
		send(b)
	}
}

// pipeline runs the inputs through produce and, unless enc is nil,
// enc.work on j goroutines, and gives the batches to emit in input order,
// file by file; fileDone is called after each input's last batch. It
// returns when every input is done, or at once when ctx is done or emit
// returns false (no further batch is emitted).
func pipeline(ctx context.Context, inputs []input, j int, open source, opts []newsdump.ParseOption, enc *encoder,
	emit func(*batch) bool, fileDone func()) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if j == 1 {
		var buf bytes.Buffer
		for _, in := range inputs {
			if ctx.Err() != nil {
				return
			}
			ok := true
			produce(ctx, in, open, opts, func(b *batch) bool {
				if enc != nil {
					enc.work(b, &buf)
				}
				ok = ctx.Err() == nil && emit(b)
				return ok
			})
			if !ok || ctx.Err() != nil {
				return
			}
			fileDone()
		}
		return
	}

	work := make(chan *batch, j)
	var workers sync.WaitGroup
	for range j * btoi(enc != nil) {
		workers.Add(1)
		go func() {
			defer workers.Done()
			var buf bytes.Buffer
			for b := range work {
				if ctx.Err() == nil {
					enc.work(b, &buf)
				}
				close(b.done)
			}
		}()
	}
	// Each input in flight has its own queue of batches, in order; the
	// queues are handed to the sequencer in input order.
	queues := make(chan chan *batch, filesInFlight(j))
	var producers sync.WaitGroup
	go func() {
		defer close(queues)
		for _, in := range inputs {
			q := make(chan *batch, 2*j)
			select {
			case queues <- q:
			case <-ctx.Done():
				return
			}
			producers.Add(1)
			go func() {
				defer producers.Done()
				defer close(q)
				produce(ctx, in, open, opts, func(b *batch) bool {
					if enc != nil {
						b.done = make(chan struct{})
						select {
						case work <- b:
						case <-ctx.Done():
							return false
						}
					}
					select {
					case q <- b:
						return true
					case <-ctx.Done():
						return false
					}
				})
			}()
		}
	}()
	defer func() {
		// Stop the producers, then the workers. Queued batches are left
		// to the garbage collector.
		cancel()
		for q := range queues {
			for range q {
			}
		}
		producers.Wait()
		close(work)
		workers.Wait()
	}()
	for q := range queues {
		for b := range q {
			if b.done != nil {
				<-b.done
			}
			if ctx.Err() != nil || !emit(b) {
				return
			}
		}
		if ctx.Err() != nil {
			return
		}
		fileDone()
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// keptEncoder fills in the lines of kept articles (see dedupeRun.add) on
// j goroutines, in batches, or at once in the caller's with j = 1.
type keptEncoder struct {
	enc     *encoder
	jobs    chan *keptJob
	workers sync.WaitGroup
	pending *keptJob
	buf     bytes.Buffer // with j = 1

	mu  sync.Mutex
	err error // the first encoding error
}

type keptJob struct {
	arts  []newsdump.Article
	lines []*line
}

func newKeptEncoder(enc *encoder, j int) *keptEncoder {
	k := &keptEncoder{enc: enc, pending: &keptJob{}}
	if j == 1 {
		return k
	}
	k.jobs = make(chan *keptJob, 2*j)
	for range j {
		k.workers.Add(1)
		go func() {
			defer k.workers.Done()
			var buf bytes.Buffer
			for job := range k.jobs {
				k.do(job, &buf)
			}
		}()
	}
	return k
}

// add has a's line encoded into l.
func (k *keptEncoder) add(a newsdump.Article, l *line) {
	k.pending.arts = append(k.pending.arts, a)
	k.pending.lines = append(k.pending.lines, l)
	if len(k.pending.arts) == batchSize {
		k.flush()
	}
}

func (k *keptEncoder) flush() {
	job := k.pending
	k.pending = &keptJob{}
	if len(job.arts) == 0 {
		return
	}
	if k.jobs == nil {
		k.do(job, &k.buf)
		return
	}
	k.jobs <- job
}

func (k *keptEncoder) do(job *keptJob, buf *bytes.Buffer) {
	for i, a := range job.arts {
		l, err := k.enc.encode(a, buf)
		if err != nil {
			k.mu.Lock()
			if k.err == nil {
				k.err = fmt.Errorf("%s:%d: encoding the article: %w", a.Source.File, a.Source.Line, err)
			}
			k.mu.Unlock()
			continue
		}
		*job.lines[i] = l
	}
}

// wait encodes what is pending and returns once every line is filled in,
// with the first error.
func (k *keptEncoder) wait() error {
	k.flush()
	if k.jobs != nil {
		close(k.jobs)
		k.workers.Wait()
	}
	return k.err
}
