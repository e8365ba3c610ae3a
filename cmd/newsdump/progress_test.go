package main

import (
	"strings"
	"testing"
	"time"
)

// The progress line shows files, MB, articles, MB/s and, with a known
// total, the share done and the time left; a message erases it first,
// and stopping erases it.
func TestProgressLine(t *testing.T) {
	var w strings.Builder // the fake terminal
	c := newConsole(&w)
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	c.now = func() time.Time { return now }
	c.startProgress(4<<20, 3)
	c.stopProgress() // no tick: nothing drawn, nothing to erase
	if w.String() != "" {
		t.Errorf("wrote %q without a tick", w.String())
	}
	c.start = now
	now = now.Add(2 * time.Second)
	c.bytes.Store(1 << 20)
	c.files.Store(1)
	c.articles.Store(250)
	c.draw()
	c.say("a.txt:3: what is wrong")
	c.draw()
	c.mu.Lock()
	c.erase()
	c.mu.Unlock()
	line := "1/3 files, 1.0 MB, 250 articles, 0.5 MB/s, 25%, ETA 6s"
	want := "\r\x1b[K" + line + "\r\x1b[Knewsdump: a.txt:3: what is wrong\n" + "\r\x1b[K" + line + "\r\x1b[K"
	if w.String() != want {
		t.Errorf("terminal got\n%q\nwant\n%q", w.String(), want)
	}
	c.totalBytes = -1 // standard input: no ETA
	if got := c.line(); got != "1/3 files, 1.0 MB, 250 articles, 0.5 MB/s" {
		t.Errorf("line with no total: %q", got)
	}
}

// Standard error that is not a terminal gets no progress line unless
// -progress asks; -q keeps it off.
func TestProgressOnlyWhenAsked(t *testing.T) {
	if isTerminal(&strings.Builder{}) {
		t.Error("a strings.Builder is a terminal")
	}
	big := strings.Repeat(dumpOf("A")+"\n\n\n", 100)
	if _, _, errOut := runCmd(t, big, "-q"); errOut != "" {
		t.Errorf("-q: stderr %q", errOut)
	}
	if _, _, errOut := runCmd(t, big); errOut != "" {
		t.Errorf("not a terminal: stderr %q", errOut)
	}
}
