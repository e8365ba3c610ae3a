package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	beamlog "github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/google/go-cmp/cmp"
	"github.com/newsdump/newsdump"
)

// newsdumpCmd is the newsdump command, built once for the tests: the
// pipeline's output is compared with what it prints.
var newsdumpCmd string

func TestMain(m *testing.M) {
	flag.Parse()
	beam.Init()
	// Beam and Prism log every stage at INFO; only warnings and errors
	// are worth a test's output. (After Init, which sets up logging.)
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	beamlog.SetLogger(quietLogger{})
	dir, err := os.MkdirTemp("", "newsdump-beam-test")
	if err != nil {
		panic(err)
	}
	newsdumpCmd = filepath.Join(dir, "newsdump")
	build := exec.Command("go", "build", "-o", newsdumpCmd, "github.com/newsdump/newsdump/cmd/newsdump")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		os.RemoveAll(dir)
		panic("building cmd/newsdump: " + err.Error())
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// quietLogger drops what the SDK logs below errors.
type quietLogger struct{}

func (quietLogger) Log(ctx context.Context, sev beamlog.Severity, calldepth int, msg string) {
	if sev >= beamlog.SevError {
		(&beamlog.Standard{}).Log(ctx, sev, calldepth+1, msg)
	}
}

// runTimeout bounds one pipeline run: Prism talks to its in-process
// worker over the loopback interface, and a test must not hang when that
// is not there.
const runTimeout = 10 * time.Minute

// runPipeline runs the pipeline over glob on runner and returns its
// output lines and what the run counted.
func runPipeline(t *testing.T, runner, glob string, cfg config) ([]string, result) {
	t.Helper()
	cfg.Input = glob
	cfg.Output = filepath.Join(t.TempDir(), "kept.jsonl")
	ctx, cancel := context.WithTimeout(context.Background(), runTimeout)
	defer cancel()
	res, err := run(ctx, runner, cfg)
	if err != nil {
		t.Fatalf("%s runner: %v", runner, err)
	}
	data, err := os.ReadFile(cfg.Output)
	if err != nil {
		t.Fatal(err)
	}
	return lines(data), res
}

// commandOutput is what `newsdump FILES...` prints.
func commandOutput(t *testing.T, files []string) []string {
	t.Helper()
	var out, errs bytes.Buffer
	cmd := exec.Command(newsdumpCmd, files...)
	cmd.Stdout, cmd.Stderr = &out, &errs
	if err := cmd.Run(); err != nil {
		t.Fatalf("newsdump: %v\n%s", err, errs.Bytes())
	}
	return lines(out.Bytes())
}

func lines(data []byte) []string {
	if len(data) == 0 {
		return nil
	}
	return strings.SplitAfter(strings.TrimSuffix(string(data), "\n"), "\n")
}

// globFiles is what the pipeline will read for glob, in its order.
func globFiles(t *testing.T, glob string) []string {
	t.Helper()
	files, err := filepath.Glob(glob)
	if err != nil || len(files) == 0 {
		t.Fatalf("%s: no files (%v)", glob, err)
	}
	return files
}

// decision is what was decided for one kept article: the article, by ID
// and place, and where its copies were, in order.
type decision struct {
	ID         string
	Source     newsdump.Source
	Duplicates []newsdump.Source
}

func decisionsOf(kept []newsdump.Article) []decision {
	ds := make([]decision, len(kept))
	for i, a := range kept {
		ds[i] = decision{a.ID, a.Source, a.Duplicates}
	}
	return ds
}

// decisionsOfLines reads the decisions back from output lines.
func decisionsOfLines(t *testing.T, out []string) []decision {
	t.Helper()
	kept := make([]newsdump.Article, len(out))
	for i, l := range out {
		if err := json.Unmarshal([]byte(l), &kept[i]); err != nil {
			t.Fatalf("output line %d: %v", i+1, err)
		}
	}
	return decisionsOf(kept)
}

// dedupeReference is the reference the pipeline must equal: the library's
// Dedupe over the articles of files, each parsed as the command parses it
// (gzip by its magic number, the path as the file name), in the
// command's file order (files sorts them as the command does).
func dedupeReference(t *testing.T, files []string) []newsdump.Article {
	t.Helper()
	files = slices.Sorted(slices.Values(files))
	var all []newsdump.Article
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		src, err := decompress(f)
		if err != nil {
			f.Close()
			t.Fatalf("%s: %v", name, err)
		}
		for a, err := range newsdump.NewReader(src, newsdump.WithFile(name)).All() {
			if err != nil {
				f.Close()
				t.Fatal(err)
			}
			all = append(all, a)
		}
		f.Close()
	}
	return newsdump.Dedupe(all)
}

// rendered is kept as the command prints it (encodeLine, which
// equalToDedupe holds to the command's own output where the command
// decides as Dedupe).
func rendered(t *testing.T, kept []newsdump.Article) []string {
	t.Helper()
	var out []byte
	for _, a := range kept {
		line, err := encodeLine(a, true)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, line...)
	}
	return lines(out)
}

// equalToDedupe runs the pipeline over glob and compares its decisions
// and its lines with Dedupe's over the same articles. With command, it
// also compares the lines with what the command prints, when the
// command decides as Dedupe (the command's streaming Deduper learns
// boilerplate as it goes, so it may not): mustMatchCommand says that it
// must.
func equalToDedupe(t *testing.T, runner, glob string, command, mustMatchCommand bool) ([]string, result) {
	t.Helper()
	files := globFiles(t, glob)
	ref := dedupeReference(t, files)
	got, res := runPipeline(t, runner, glob, defaultConfig())
	if diff := cmp.Diff(decisionsOf(ref), decisionsOfLines(t, got)); diff != "" {
		t.Errorf("pipeline's decisions differ from Dedupe's (-Dedupe +pipeline):\n%s", diff)
	} else if diff := cmp.Diff(rendered(t, ref), got); diff != "" {
		t.Errorf("pipeline's lines differ from Dedupe's result as the command renders it (-Dedupe +pipeline):\n%s", diff)
	}
	if res.parseErrors != 0 {
		t.Errorf("%d parse errors", res.parseErrors)
	}
	if command {
		cmdOut := commandOutput(t, files)
		switch diff := cmp.Diff(decisionsOf(ref), decisionsOfLines(t, cmdOut)); {
		case diff == "":
			if diff := cmp.Diff(cmdOut, got); diff != "" {
				t.Errorf("pipeline output differs from the command's (-command +pipeline):\n%s", diff)
			}
		case mustMatchCommand:
			t.Errorf("the command no longer decides as Dedupe here (-Dedupe +command):\n%s", diff)
		default:
			t.Logf("the command's streaming Deduper decides otherwise than Dedupe here, so its lines are not compared:\n%s", diff)
		}
	}
	return got, res
}

func TestSamples(t *testing.T) {
	got, _ := equalToDedupe(t, "prism", "../../testdata/00[01]_*.txt", true, true)
	if len(got) == 0 || !strings.Contains(strings.Join(got, ""), `"duplicates":[`) {
		t.Error("the samples gave no article with duplicates: the test compares nothing")
	}
}

// TestTestdata covers every dump of testdata/ (not the golden JSON, not
// the fuzz corpora below it): pages, empty files, odd layouts.
func TestTestdata(t *testing.T) {
	equalToDedupe(t, "prism", "../../testdata/*.txt", true, true)
}

func TestDirectRunner(t *testing.T) {
	equalToDedupe(t, "direct", "../../testdata/00[01]_*.txt", true, true)
}

// TestNotConverged checks that a run whose rounds are too few fails
// instead of writing: one round cannot show that labels stopped changing.
func TestNotConverged(t *testing.T) {
	cfg := defaultConfig()
	cfg.Input = "../../testdata/00[01]_*.txt"
	cfg.Output = filepath.Join(t.TempDir(), "kept.jsonl")
	cfg.Rounds = 1
	ctx, cancel := context.WithTimeout(context.Background(), runTimeout)
	defer cancel()
	_, err := run(ctx, "prism", cfg)
	if err == nil || !strings.Contains(err.Error(), "did not converge") {
		t.Fatalf("run with 1 round: err = %v, want one saying it did not converge", err)
	}
	if _, err := os.Stat(cfg.Output); !os.IsNotExist(err) {
		t.Errorf("a run that did not converge wrote %s (%v)", cfg.Output, err)
	}
}

// sharedDir is the project's shared data, beside the repository, or
// where NEWSDUMP_SHARED says (a git worktree has no ../shared).
func sharedDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("NEWSDUMP_SHARED")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared")
	}
	if _, err := os.Stat(filepath.Join(dir, "ner", "train")); err != nil {
		t.Skipf("shared corpora not found at %s (they come with the project's CI data; NEWSDUMP_SHARED names another place): %v", dir, err)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// generate writes n synthetic pages (internal/dupgen, through the root
// module's internal/dupdump command) and returns the glob of their files.
func generate(t *testing.T, n int) string {
	t.Helper()
	shared := sharedDir(t)
	dir := t.TempDir()
	cmd := exec.Command("go", "run", "./internal/dupdump", "-n", strconv.Itoa(n), "-seed", "1", "-shared", shared, dir)
	cmd.Dir = filepath.Join("..", "..")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go run ./internal/dupdump: %v\n%s", err, out)
	}
	return filepath.Join(dir, "*", "*.txt")
}

func TestGenerated1k(t *testing.T) {
	equalToDedupe(t, "prism", generate(t, 1000), false, false)
}

// TestGenerated10k compares the pipeline with Dedupe on ten thousand
// generated articles, and logs the graph's size, the rounds it took and
// the largest component (the README's figures).
func TestGenerated10k(t *testing.T) {
	if testing.Short() {
		t.Skip("10,000 articles take about a minute on the local runner")
	}
	_, res := equalToDedupe(t, "prism", generate(t, 10000), false, false)
	rounds := 0
	for n := 1; n <= defaultRounds; n++ {
		if res.counters["labels_changed_round_"+itoa2(n)] > 0 {
			rounds = n
		}
	}
	t.Logf("%d articles, %d keys, %d edges, labels stable after %d rounds, largest component %d articles, article JSON %d bytes",
		res.counters["articles"], res.counters["keys"], res.counters["edges"], rounds+1, res.largest, res.counters["article_json_bytes"])
}
