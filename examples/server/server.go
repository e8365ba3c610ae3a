package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/newsdump/newsdump"
)

// Limits are what one server allows a request.
type Limits struct {
	// MaxBytes is the largest dump a request may send, in bytes as sent
	// and again in bytes once decompressed (so a small gzip bomb is
	// stopped at the same size as a large dump).
	MaxBytes int64
	// Timeout bounds a request from the start of its handling to its last
	// byte read; the response gets writeGrace more to say why it stopped.
	Timeout time.Duration
	// MaxConcurrent is the most requests parsed at once; one more is
	// refused with 503 at once, not queued, so that a client retries
	// elsewhere rather than waits behind a slow upload.
	MaxConcurrent int
}

// DefaultLimits are the limits of the flags' defaults.
var DefaultLimits = Limits{MaxBytes: 32 << 20, Timeout: 60 * time.Second, MaxConcurrent: 8}

// writeGrace is how long past Limits.Timeout a response may still be
// written, for the final error line of a request that ran out of time.
const writeGrace = time.Second

// server is the service's handler state.
type server struct {
	limits  Limits
	slots   chan struct{} // one per request being parsed
	parsing atomic.Int64  // requests being parsed, for /healthz
}

// newHandler returns the service's routes: POST /parse and GET /healthz.
func newHandler(l Limits) http.Handler {
	s := &server{limits: l, slots: make(chan struct{}, l.MaxConcurrent)}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /parse", s.parse)
	mux.HandleFunc("GET /healthz", s.healthz)
	return mux
}

// healthz says the server is up, with how many requests it is parsing.
func (s *server) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(health{Status: "ok", Parsing: s.parsing.Load(), MaxConcurrent: s.limits.MaxConcurrent})
}

type health struct {
	Status        string `json:"status"`
	Parsing       int64  `json:"parsing"`
	MaxConcurrent int    `json:"max_concurrent"`
}

// query is what a request's query parameters ask for.
type query struct {
	entities, sentences, dedupe bool
}

// parseQuery reads the boolean parameters; each is off unless given, and
// anything but a boolean (strconv.ParseBool) is an error, as is an unknown
// parameter (a misspelt one would otherwise be silently ignored).
func parseQuery(r *http.Request) (query, error) {
	var q query
	for key, vals := range r.URL.Query() {
		var dst *bool
		switch key {
		case "entities":
			dst = &q.entities
		case "sentences":
			dst = &q.sentences
		case "dedupe":
			dst = &q.dedupe
		default:
			return q, fmt.Errorf("unknown query parameter %q: want entities, sentences or dedupe", key)
		}
		v := vals[len(vals)-1]
		if v == "" {
			v = "true" // ?dedupe alone
		}
		b, err := strconv.ParseBool(v)
		if err != nil {
			return q, fmt.Errorf("query parameter %s=%q: want true or false", key, v)
		}
		*dst = b
	}
	return q, nil
}

// articleLine is one article of the response: the article's own fields,
// then what the query adds (as the newsdump command prints them).
type articleLine struct {
	newsdump.Article
	Sentences *[][]newsdump.Span        `json:"sentences,omitempty"`
	Entities  *[]newsdump.ArticleEntity `json:"entities,omitempty"`
}

// duplicateLine is printed, with dedupe, for an article that is a copy of
// a story printed earlier in the same response.
type duplicateLine struct {
	Duplicate duplicate `json:"duplicate"`
}

type duplicate struct {
	ID     string          `json:"id"`     // the copy's own ID
	Source newsdump.Source `json:"source"` // where the copy is
	Of     newsdump.Source `json:"of"`     // where the kept copy is
	OfID   string          `json:"of_id"`  // the kept copy's ID
}

// errorLine ends a response that stopped early, and is the whole body of
// one refused before its first article.
type errorLine struct {
	Error  string `json:"error"`
	Status int    `json:"status"`
}

// errTooLarge is the error of a dump larger than Limits.MaxBytes once
// decompressed.
var errTooLarge = errors.New("request body too large")

// parse streams the articles of the dump in the request body as JSON
// Lines, each written and flushed as soon as the Reader returns it.
func (s *server) parse(w http.ResponseWriter, r *http.Request) {
	select {
	case s.slots <- struct{}{}:
		defer func() { <-s.slots }()
	default:
		w.Header().Set("Retry-After", "1")
		writeError(w, http.StatusServiceUnavailable, fmt.Errorf("busy: %d requests are being parsed", s.limits.MaxConcurrent))
		return
	}
	s.parsing.Add(1)
	defer s.parsing.Add(-1)

	q, err := parseQuery(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	deadline := time.Now().Add(s.limits.Timeout)
	rc := http.NewResponseController(w)
	// The body is read while the response is written; without this the
	// server would read the whole body before the first write.
	rc.EnableFullDuplex()
	// A full-duplex body left unread when the handler returns makes the
	// server panic as it reads the next request (golang/go#68560);
	// closing it first avoids that.
	defer r.Body.Close()
	// A client that sends slowly is stopped at the deadline, even inside a
	// Read that blocks, which the context alone could not interrupt.
	rc.SetReadDeadline(deadline)
	rc.SetWriteDeadline(deadline.Add(writeGrace))
	ctx, cancel := context.WithDeadline(r.Context(), deadline)
	defer cancel()

	body, err := decompressed(r, http.MaxBytesReader(w, r.Body, s.limits.MaxBytes), s.limits.MaxBytes)
	if err != nil {
		writeError(w, statusOf(err), err)
		return
	}
	rd := newsdump.NewReader(body, newsdump.WithContext(ctx))
	var dd *newsdump.Deduper
	if q.dedupe {
		dd = newsdump.NewDeduper()
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	started := false
	for {
		a, err := rd.Next()
		if err == io.EOF {
			return
		}
		if err != nil {
			if !time.Now().Before(deadline) {
				// Whatever failed first (a read past its deadline, the
				// context), the request ran out of time.
				err = &statusError{http.StatusRequestTimeout, fmt.Errorf("request took longer than %v: %w", s.limits.Timeout, err)}
			}
			if !started {
				writeError(w, statusOf(err), err)
				return
			}
			enc.Encode(errorLine{err.Error(), statusOf(err)})
			return
		}
		if !started {
			w.Header().Set("Content-Type", "application/jsonl; charset=utf-8")
			w.WriteHeader(http.StatusOK)
			started = true
		}
		var line any = articleLine{Article: a}
		if dd != nil {
			if story, isDup := dd.AddStory(a); isDup {
				line = duplicateLine{duplicate{a.ID, a.Source, story.Source, story.ID}}
			}
		}
		if al, ok := line.(articleLine); ok {
			line = q.fill(al)
		}
		if err := enc.Encode(line); err != nil {
			return // the client is gone, or too slow to read
		}
		if err := rc.Flush(); err != nil {
			return
		}
	}
}

// fill adds what the query asks for to an article's line: an empty list
// rather than none when asked for and there is nothing.
func (q query) fill(l articleLine) articleLine {
	if q.sentences {
		s := l.Article.Sentences()
		if s == nil {
			s = [][]newsdump.Span{}
		}
		l.Sentences = &s
	}
	if q.entities {
		e := l.Article.Entities()
		if e == nil {
			e = []newsdump.ArticleEntity{}
		}
		l.Entities = &e
	}
	return l
}

// decompressed returns the dump in body: gunzipped when the request says
// Content-Encoding: gzip or when the body starts with gzip's magic number,
// and in either case limited to max bytes once decompressed.
func decompressed(r *http.Request, body io.Reader, max int64) (io.Reader, error) {
	br := bufio.NewReader(body)
	gz := false
	switch ce := strings.ToLower(strings.TrimSpace(r.Header.Get("Content-Encoding"))); ce {
	case "gzip", "x-gzip":
		gz = true
	case "", "identity":
		head, _ := br.Peek(2)
		gz = len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b
	default:
		return nil, &statusError{http.StatusUnsupportedMediaType, fmt.Errorf("Content-Encoding %q: want gzip or none", ce)}
	}
	if !gz {
		return br, nil
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, err // gzip's errors say "gzip: …" themselves
	}
	return &limitReader{r: zr, left: max}, nil
}

// limitReader is io.LimitReader that fails with errTooLarge, rather than
// ending, after its limit.
type limitReader struct {
	r    io.Reader
	left int64
}

func (l *limitReader) Read(p []byte) (int, error) {
	// One byte more than is left tells a body of exactly the limit from
	// a longer one.
	if int64(len(p)) > l.left+1 {
		p = p[:l.left+1]
	}
	n, err := l.r.Read(p)
	if int64(n) > l.left {
		l.left = 0
		return 0, errTooLarge
	}
	l.left -= int64(n)
	return n, err
}

// statusError is an error with the status it is answered with.
type statusError struct {
	status int
	err    error
}

func (e *statusError) Error() string { return e.err.Error() }
func (e *statusError) Unwrap() error { return e.err }

// statusOf returns the HTTP status an error of reading a request is
// answered with.
func statusOf(err error) int {
	var se *statusError
	var mbe *http.MaxBytesError
	var ne net.Error
	switch {
	case errors.As(err, &se):
		return se.status
	case errors.As(err, &mbe), errors.Is(err, errTooLarge), errors.Is(err, newsdump.ErrArticleTooLarge):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, newsdump.ErrBinary):
		return http.StatusUnsupportedMediaType
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return http.StatusRequestTimeout
	}
	return http.StatusBadRequest
}

// writeError answers a request that is refused before its first article.
func writeError(w http.ResponseWriter, status int, err error) {
	w.Header().Set("Content-Type", "application/json")
	if status == http.StatusRequestEntityTooLarge || status == http.StatusRequestTimeout {
		// The rest of the body is not read: the connection cannot be reused.
		w.Header().Set("Connection", "close")
	}
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // "<input>:3: …" as it is
	enc.Encode(errorLine{err.Error(), status})
}
