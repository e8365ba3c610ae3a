//go:build unix

package main

import (
	"bufio"
	"io"
	"net/http"
	"strings"
	"syscall"
	"testing"
)

// TestSIGTERM runs the program as main does and sends the process a
// SIGTERM: run stops serving and returns 0.
func TestSIGTERM(t *testing.T) {
	pr, pw := io.Pipe()
	status := make(chan int, 1)
	go func() {
		status <- run([]string{"-addr", "127.0.0.1:0"}, pw)
		pw.Close()
	}()
	lines := bufio.NewScanner(pr)
	if !lines.Scan() || !strings.HasPrefix(lines.Text(), "server: listening on ") {
		t.Fatalf("first line %q, want the address listened on", lines.Text())
	}
	addr := strings.TrimPrefix(lines.Text(), "server: listening on ")
	resp, err := http.Get("http://" + addr + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	go io.Copy(io.Discard, pr)
	if got := <-status; got != 0 {
		t.Errorf("run returned %d after SIGTERM, want 0", got)
	}
	if _, err := http.Get("http://" + addr + "/healthz"); err == nil {
		t.Error("the server still answers after SIGTERM")
	}
}
