package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// mainChildEnv makes the test binary, run as a child, be the command:
// the variable holds its arguments as a JSON list.
const mainChildEnv = "NEWSDUMP_TEST_MAIN_ARGS"

func runChild(argsJSON string) int {
	var args []string
	if err := json.Unmarshal([]byte(argsJSON), &args); err != nil {
		panic(err)
	}
	return run(args, os.Stdin, os.Stdout, os.Stderr)
}

// startCommand runs the command as a child process with the given
// arguments, its standard input a pipe.
func startCommand(t *testing.T, args ...string) (cmd *exec.Cmd, stdin io.WriteCloser, stdout *strings.Builder, stderr io.Reader) {
	t.Helper()
	argsJSON, _ := json.Marshal(args)
	cmd = exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), mainChildEnv+"="+string(argsJSON))
	stdout = new(strings.Builder)
	cmd.Stdout = stdout
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stderr, err = cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, stdin, stdout, stderr
}

// An interrupt stops reading (here, standard input, which would go on),
// prints what was decided (with -dedupe, the stories read with their
// copies), says where it stopped, and exits 130 for SIGINT, 143 for
// SIGTERM. The child's progress line (forced on) tells when it has read
// the articles written to it.
func TestInterrupt(t *testing.T) {
	for _, tc := range []struct {
		sig    syscall.Signal
		status int
		flags  []string
	}{
		{syscall.SIGINT, 130, nil},
		{syscall.SIGTERM, 143, nil},
		{syscall.SIGINT, 130, []string{"-dedupe=false", "-j", "1"}},
	} {
		t.Run(tc.sig.String()+" "+strings.Join(tc.flags, " "), func(t *testing.T) {
			cmd, stdin, stdout, stderr := startCommand(t, append([]string{"-progress"}, tc.flags...)...)
			// 1000 articles (55 kB), the second and third copies of
			// the first: more than the 16 KiB that decide the layout,
			// more than a batch; the reader then waits for more input.
			var dump strings.Builder
			for i := range 1000 {
				dump.WriteString(dumpOf(fmt.Sprintf("Story %d", max(i-2, 0))) + "\n\n\n")
			}
			if _, err := io.WriteString(stdin, dump.String()); err != nil {
				t.Fatal(err)
			}
			// Wait for the progress line to count articles: the
			// command is then blocked reading standard input.
			errText := waitFor(t, stderr, func(line string) bool {
				return strings.Contains(line, "files, ") && !strings.Contains(line, " 0 articles")
			})
			if err := cmd.Process.Signal(tc.sig); err != nil {
				t.Fatal(err)
			}
			rest, _ := io.ReadAll(stderr)
			errText += string(rest)
			err := cmd.Wait()
			stdin.Close()
			if cmd.ProcessState.ExitCode() != tc.status {
				t.Fatalf("exit %v, want %d; stderr %q", err, tc.status, errText)
			}
			// Every line whole, and with -dedupe the copies read are
			// listed.
			arts := decodeLines(t, stdout.String())
			if len(arts) < batchSize {
				t.Fatalf("%d articles printed, want at least the %d of one batch", len(arts), batchSize)
			}
			wantDups := 2
			if len(tc.flags) > 0 { // -dedupe=false
				wantDups = 0
			}
			if arts[0].Title != "Title Story 0" || len(arts[0].Duplicates) != wantDups {
				t.Errorf("first article %q with duplicates %v, want Title Story 0 with %d", arts[0].Title, arts[0].Duplicates, wantDups)
			}
			last := errText[strings.LastIndex(errText, "\x1b[K")+3:]
			name := map[syscall.Signal]string{syscall.SIGINT: "SIGINT", syscall.SIGTERM: "SIGTERM"}[tc.sig]
			if !strings.HasPrefix(last, "newsdump: "+name+": stopped reading after the article at -:") || strings.Count(last, "\n") != 1 {
				t.Errorf("last line of stderr %q, want where it stopped", last)
			}
		})
	}
}

// waitFor reads r until the last progress line drawn satisfies ok, and
// returns what it read; it fails the test if r ends first or after a
// minute (a hung child).
func waitFor(t *testing.T, r io.Reader, ok func(string) bool) string {
	t.Helper()
	got := make(chan string, 1)
	go func() {
		var seen strings.Builder
		br := bufio.NewReader(r)
		for {
			b, err := br.ReadByte()
			if err != nil {
				got <- ""
				return
			}
			seen.WriteByte(b)
			if b != '\r' {
				continue
			}
			s := strings.TrimSuffix(seen.String(), "\r")
			if ok(s[strings.LastIndexByte(s, '\r')+1:]) {
				got <- seen.String()
				return
			}
		}
	}()
	select {
	case s := <-got:
		if s == "" {
			t.Fatal("the child's standard error ended before it showed progress")
		}
		return s
	case <-time.After(time.Minute):
		t.Fatal("the child showed no progress in a minute")
	}
	return ""
}
