package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

// progressEvery is how often the progress line is redrawn.
const progressEvery = 250 * time.Millisecond

// isTerminal says whether w is a terminal: a character device. It needs
// no dependency (golang.org/x/term would be one); /dev/null is a
// character device too, where a progress line costs nothing.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// console is standard error: the command's messages, one line each in the
// form "newsdump: what is wrong", and, when on, the progress line, which
// a message first erases and the next tick draws again.
type console struct {
	mu    sync.Mutex
	w     io.Writer
	drawn bool // the progress line is on the screen

	// What the progress line shows. bytes is added to by the goroutines
	// reading the inputs; the others by the one emitting results.
	bytes      atomic.Int64
	files      atomic.Int64
	articles   atomic.Int64
	totalBytes int64 // -1 when unknown (standard input)
	totalFiles int
	start      time.Time
	now        func() time.Time

	stop chan struct{}
	done chan struct{}
}

func newConsole(w io.Writer) *console {
	return &console{w: w, now: time.Now, totalBytes: -1}
}

// say writes one message line.
func (c *console) say(msg string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.erase()
	fmt.Fprintln(c.w, "newsdump: "+msg)
}

// erase clears the progress line (\r, then ANSI "erase in line"); c.mu
// is held.
func (c *console) erase() {
	if c.drawn {
		io.WriteString(c.w, "\r\x1b[K")
		c.drawn = false
	}
}

// startProgress draws the progress line every progressEvery until
// stopProgress, for inputs of total bytes (-1: unknown) in files files.
func (c *console) startProgress(total int64, files int) {
	c.totalBytes, c.totalFiles = total, files
	c.start = c.now()
	c.stop, c.done = make(chan struct{}), make(chan struct{})
	go func() {
		defer close(c.done)
		t := time.NewTicker(progressEvery)
		defer t.Stop()
		for {
			select {
			case <-c.stop:
				return
			case <-t.C:
				c.draw()
			}
		}
	}()
}

// stopProgress stops the display and erases it; it does nothing when the
// display was not started.
func (c *console) stopProgress() {
	if c.stop == nil {
		return
	}
	close(c.stop)
	<-c.done
	c.stop = nil
	c.mu.Lock()
	c.erase()
	c.mu.Unlock()
}

func (c *console) draw() {
	c.mu.Lock()
	defer c.mu.Unlock()
	io.WriteString(c.w, "\r\x1b[K"+c.line())
	c.drawn = true
}

// line is the progress line: files done, MB read, articles, MB/s and,
// when the total is known, the percentage and the time left.
func (c *console) line() string {
	const mb = 1 << 20
	read := c.bytes.Load()
	secs := c.now().Sub(c.start).Seconds()
	rate := 0.0
	if secs > 0 {
		rate = float64(read) / mb / secs
	}
	s := fmt.Sprintf("%d/%d files, %.1f MB, %d articles, %.1f MB/s", c.files.Load(), c.totalFiles, float64(read)/mb, c.articles.Load(), rate)
	if c.totalBytes > 0 && read > 0 {
		left := time.Duration(float64(c.totalBytes-read) / float64(read) * secs * float64(time.Second))
		s += fmt.Sprintf(", %d%%, ETA %s", 100*read/c.totalBytes, max(left, 0).Round(time.Second))
	}
	return s
}

// countingReader counts the bytes read from an input for the progress
// line: file bytes, before decompression, as the total is.
type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}
