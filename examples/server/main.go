// Server is a small HTTP service built on newsdump, with the standard
// library only: POST a dump to /parse and read its articles back as JSON
// Lines, each written as soon as it is read.
//
//	go run ./examples/server -addr localhost:8080
//	curl --data-binary @testdata/000_9e4be9335a49f043.txt 'localhost:8080/parse?entities=true'
//
// The body is a dump in any encoding the library reads, gzip-compressed
// when Content-Encoding says so or when it starts with gzip's magic
// number. Query parameters, each false unless given: entities and
// sentences add the keys the newsdump command's flags of those names add;
// dedupe prints each story of the request once, and each later copy of
// it as {"duplicate":{"id":…,"source":…,"of":…,"of_id":…}} instead of
// the article (copies within one request; a line that starts with
// {"id": is an article). They are off by default because they cost:
// entities make a request about seven times slower, and dedupe allocates
// the Deduper's 16 MiB of shingle counts per request (see the README).
//
// Every request is limited: -max-bytes of body, as sent and again
// decompressed (413); -timeout from its start to its last byte read (408,
// however slowly a client sends); -max-concurrent requests parsed at once,
// one more refused at once with 503 and Retry-After. Input that is not text
// is 415; any other bad input 400, with the *newsdump.ParseError's
// "line: what is wrong". A request refused before its first article gets
// that status and a body {"error":…,"status":…}; one that fails after
// its first article (the status, 200, is sent with it) ends with that
// line instead. GET /healthz answers {"status":"ok","parsing":N,…}.
//
// On SIGTERM or SIGINT the server stops accepting connections, lets the
// requests in flight finish for up to -shutdown-timeout, and exits.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

// run is the program: it parses args, serves until SIGTERM or SIGINT,
// and returns the exit status. It prints "listening on ADDR" to stderr
// once the server accepts connections.
func run(args []string, stderr io.Writer) int {
	logf := func(format string, a ...any) { fmt.Fprintf(stderr, "server: "+format+"\n", a...) }
	flags := flag.NewFlagSet("server", flag.ContinueOnError)
	flags.SetOutput(stderr)
	addr := flags.String("addr", "localhost:8080", "the address to listen on")
	maxBytes := flags.Int64("max-bytes", DefaultLimits.MaxBytes, "the largest dump a request may send, as sent and decompressed")
	timeout := flags.Duration("timeout", DefaultLimits.Timeout, "the longest a request may take to be read")
	maxConc := flags.Int("max-concurrent", DefaultLimits.MaxConcurrent, "the most requests parsed at once")
	grace := flags.Duration("shutdown-timeout", 30*time.Second, "how long requests in flight may take to finish after SIGTERM")
	if err := flags.Parse(args); err != nil {
		return 2
	}
	l := Limits{MaxBytes: *maxBytes, Timeout: *timeout, MaxConcurrent: *maxConc}
	err := l.check()
	if err == nil && *grace <= 0 {
		err = fmt.Errorf("-shutdown-timeout %v: want a duration above 0", *grace)
	}
	if err == nil && flags.NArg() > 0 {
		err = fmt.Errorf("unexpected argument %q", flags.Arg(0))
	}
	if err != nil {
		logf("%v", err)
		return 2
	}
	// Registered before the listener opens, so that a SIGTERM sent once
	// the server is up always reaches serve.
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		logf("%v", err)
		return 1
	}
	logf("listening on %s", ln.Addr())
	if err := serve(ctx, ln, l, *grace); err != nil {
		logf("%v", err)
		return 1
	}
	logf("stopped")
	return 0
}

// check says whether the limits can be served.
func (l Limits) check() error {
	switch {
	case l.MaxBytes < 1:
		return fmt.Errorf("-max-bytes %d: want at least 1", l.MaxBytes)
	case l.Timeout <= 0:
		return fmt.Errorf("-timeout %v: want a duration above 0", l.Timeout)
	case l.MaxConcurrent < 1:
		return fmt.Errorf("-max-concurrent %d: want at least 1", l.MaxConcurrent)
	}
	return nil
}

// serve serves the service on ln until ctx is done, then shuts down
// gracefully: no new connections, the requests in flight given up to
// grace to finish, then the rest cut.
func serve(ctx context.Context, ln net.Listener, l Limits, grace time.Duration) error {
	srv := &http.Server{
		Handler: newHandler(l),
		// A request's own time limit starts once its headers are read;
		// these bound the headers and idle connections.
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	err := srv.Shutdown(sctx)
	if errors.Is(err, context.DeadlineExceeded) {
		srv.Close()
		err = fmt.Errorf("shutdown: requests still running after %v were cut", grace)
	}
	<-done // http.ErrServerClosed
	return err
}
