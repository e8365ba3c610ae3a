// Inspect shows in a browser what newsdump made of a dump or of the text
// of a page: every input line coloured by its role (the classes of
// newsdump -explain, the reason on hover and on keyboard focus), beside it
// each article as a reader sees it with its entity mentions highlighted
// and linked to their grouped entity, and, for many articles, the
// duplicate clusters with a side-by-side view of two copies, their shared
// passages marked.
//
//	cd examples/inspect && go run . ../../testdata
//
// (or, from the repository's root, go -C examples/inspect run .
// ../../testdata) and open http://127.0.0.1:8080/. Paste or upload a
// dump, or pick a file or a directory below the directories named on the
// command line; no other file on the disk can be read: a path is checked
// within its directory (os.Root), so "..", absolute paths and symbolic
// links that lead out of it are refused.
//
// It listens on 127.0.0.1 unless -listen names another address; an
// address that is not a loopback one is refused unless -public is given,
// since the page reads the named directories for whoever reaches it. A
// request must name a loopback host too (against DNS rebinding), unless
// -public. A request's body and the files picked are limited to
// -max-bytes (413 beyond), and the page shows a request's first 20,000
// lines and 300 articles, counting the rest.
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

// DefaultMaxBytes is the largest dump (a request's body, or the files
// picked on the disk) inspected unless -max-bytes says otherwise.
const DefaultMaxBytes = 8 << 20

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

// run is the program: it parses args, serves until SIGTERM or SIGINT and
// returns the exit status. It prints "listening on http://ADDR/" to
// stderr once the server accepts connections.
func run(args []string, stderr io.Writer) int {
	logf := func(format string, a ...any) { fmt.Fprintf(stderr, "inspect: "+format+"\n", a...) }
	flags := flag.NewFlagSet("inspect", flag.ContinueOnError)
	flags.SetOutput(stderr)
	flags.Usage = func() {
		fmt.Fprintf(stderr, "usage: inspect [flags] [DIR ...]\n\n"+
			"Serves a page that shows what newsdump made of a dump: paste or upload one,\n"+
			"or pick a file or directory below one of the DIRs.\n\n")
		flags.PrintDefaults()
	}
	listen := flags.String("listen", "127.0.0.1:8080", "the address to listen on")
	public := flags.Bool("public", false, "allow -listen to name an address that is not a loopback one, and any Host header")
	maxBytes := flags.Int64("max-bytes", DefaultMaxBytes, "the largest dump inspected: a request's body, or the files picked, decompressed")
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if *maxBytes <= 0 {
		logf("-max-bytes %d: want a size above 0", *maxBytes)
		return 2
	}
	if err := checkListen(*listen, *public); err != nil {
		logf("%v", err)
		return 2
	}
	s, err := New(Config{Dirs: flags.Args(), MaxBytes: *maxBytes, Public: *public})
	if err != nil {
		logf("%v", err)
		return 2
	}
	defer s.Close()

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		logf("%v", err)
		return 1
	}
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,
	}
	logf("listening on http://%s/", ln.Addr())
	if *public {
		logf("-public: anyone who reaches %s can read the files below %q", ln.Addr(), flags.Args())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		logf("%v", err)
		return 1
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shut); err != nil {
		logf("shutdown: %v", err)
		return 1
	}
	return 0
}

// checkListen refuses an address that is not a loopback one, unless
// public: an empty host or an unspecified one (":8080", "0.0.0.0:8080")
// listens on every interface, and a host name other than localhost may
// resolve to anything.
func checkListen(addr string, public bool) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("-listen %q: %v", addr, err)
	}
	if public || isLoopbackHost(host) {
		return nil
	}
	return errors.New("-listen " + addr + ": not a loopback address; the page reads the directories named on the command line for whoever reaches it, so give -public to listen there")
}

// isLoopbackHost reports whether host (without a port) names this
// machine's loopback interface: localhost or a loopback IP.
func isLoopbackHost(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
