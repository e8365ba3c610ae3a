package main

import (
	"context"
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
