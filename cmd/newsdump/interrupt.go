package main

import (
	"context"
	"io"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// notifyInterrupts returns a context that is done once SIGINT or SIGTERM
// arrives, a function that says which one did (nil if none), and one
// that stops listening. After the first signal the command no longer
// catches them, so that a second one kills it at once.
func notifyInterrupts(parent context.Context) (ctx context.Context, which func() os.Signal, stop func()) {
	ctx, cancel := context.WithCancel(parent)
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	var mu sync.Mutex
	var got os.Signal
	done := make(chan struct{})
	go func() {
		select {
		case s := <-ch:
			signal.Stop(ch)
			mu.Lock()
			got = s
			mu.Unlock()
			cancel()
		case <-done:
		}
	}()
	which = func() os.Signal {
		mu.Lock()
		defer mu.Unlock()
		return got
	}
	var once sync.Once
	stop = func() {
		once.Do(func() {
			signal.Stop(ch)
			close(done)
			cancel()
		})
	}
	return ctx, which, stop
}

// exitStatus is the status of a command stopped by sig, as shells report
// one killed by it: 128 plus the signal's number (130 for SIGINT, 143 for
// SIGTERM).
func exitStatus(sig os.Signal) int {
	if s, ok := sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 130
}

// interruptibleReader reads r in a goroutine of its own, so that a Read
// blocked on a pipe or a terminal (standard input) returns ctx's error
// when ctx is done instead of holding the command until more input
// comes. A regular file's reads never block for long, and the Reader
// checks the context itself; only inputs of unknown size are wrapped.
type interruptibleReader struct {
	ctx    context.Context
	chunks chan []byte
	err    error // once chunks is closed
	rest   []byte
}

func newInterruptibleReader(ctx context.Context, r io.Reader) *interruptibleReader {
	ir := &interruptibleReader{ctx: ctx, chunks: make(chan []byte, 1)}
	go func() {
		defer close(ir.chunks)
		for {
			buf := make([]byte, 64<<10)
			n, err := r.Read(buf)
			if n > 0 {
				select {
				case ir.chunks <- buf[:n]:
				case <-ctx.Done():
					return
				}
			}
			if err != nil {
				ir.err = err // read by Read after chunks is closed
				return
			}
		}
	}()
	return ir
}

func (ir *interruptibleReader) Read(p []byte) (int, error) {
	if len(ir.rest) == 0 {
		select {
		case c, ok := <-ir.chunks:
			if !ok {
				if ir.err == nil {
					return 0, ir.ctx.Err()
				}
				return 0, ir.err
			}
			ir.rest = c
		case <-ir.ctx.Done():
			return 0, ir.ctx.Err()
		}
	}
	n := copy(p, ir.rest)
	ir.rest = ir.rest[n:]
	return n, nil
}

// signalName is the name a shell gives sig: SIGINT, SIGTERM.
func signalName(sig os.Signal) string {
	switch sig {
	case os.Interrupt:
		return "SIGINT"
	case syscall.SIGTERM:
		return "SIGTERM"
	}
	return sig.String()
}
