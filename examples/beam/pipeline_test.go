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

// equalToCommand runs the pipeline over glob and compares its output
// with the command's, line by line.
func equalToCommand(t *testing.T, runner, glob string) ([]string, result) {
	t.Helper()
	want := commandOutput(t, globFiles(t, glob))
	got, res := runPipeline(t, runner, glob, defaultConfig())
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("pipeline output differs from the command's (-command +pipeline):\n%s", diff)
	}
	if res.parseErrors != 0 {
		t.Errorf("%d parse errors", res.parseErrors)
	}
	return got, res
}

func TestSamples(t *testing.T) {
	got, _ := equalToCommand(t, "prism", "../../testdata/00[01]_*.txt")
	if len(got) == 0 || !strings.Contains(strings.Join(got, ""), `"duplicates":[`) {
		t.Error("the samples gave no article with duplicates: the test compares nothing")
	}
}

// TestTestdata covers every dump of testdata/ (not the golden JSON, not
// the fuzz corpora below it): pages, empty files, odd layouts.
func TestTestdata(t *testing.T) {
	equalToCommand(t, "prism", "../../testdata/*.txt")
}

func TestDirectRunner(t *testing.T) {
	equalToCommand(t, "direct", "../../testdata/00[01]_*.txt")
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
	equalToCommand(t, "prism", generate(t, 1000))
}

// TestGenerated10k compares the pipeline's stories with Dedupe's on ten
// thousand generated articles: equal today; pairwise precision and recall
// of 0.999 are the floor should the library learn corpus-wide state that a
// component cannot see (see the README). It logs the graph's size, the
// rounds it took and the largest component.
func TestGenerated10k(t *testing.T) {
	if testing.Short() {
		t.Skip("10,000 articles take about a minute on the local runner")
	}
	glob := generate(t, 10000)
	want := commandOutput(t, globFiles(t, glob))
	got, res := runPipeline(t, "prism", glob, defaultConfig())
	p, r := pairwise(t, clustersOf(t, got), clustersOf(t, want))
	t.Logf("%d kept by the pipeline, %d by the command; pairwise precision %.4f, recall %.4f; equal: %v",
		len(got), len(want), p, r, cmp.Equal(got, want))
	rounds := 0
	for n := 1; n <= defaultRounds; n++ {
		if res.counters["labels_changed_round_"+itoa2(n)] > 0 {
			rounds = n
		}
	}
	t.Logf("%d articles, %d keys, %d edges, labels stable after %d rounds, largest component %d articles, article JSON %d bytes",
		res.counters["articles"], res.counters["keys"], res.counters["edges"], rounds+1, res.largest, res.counters["article_json_bytes"])
	if p < 0.999 || r < 0.999 {
		t.Errorf("pairwise precision %.4f, recall %.4f against Dedupe, want >= 0.999", p, r)
	}
}

// clustersOf maps every article of an output (kept or duplicate) to the
// kept article of its story.
func clustersOf(t *testing.T, out []string) map[newsdump.Source]newsdump.Source {
	t.Helper()
	m := map[newsdump.Source]newsdump.Source{}
	for _, l := range out {
		var a newsdump.Article
		if err := json.Unmarshal([]byte(l), &a); err != nil {
			t.Fatal(err)
		}
		m[a.Source] = a.Source
		for _, d := range a.Duplicates {
			m[d] = a.Source
		}
	}
	return m
}

// pairwise scores pred against truth: precision and recall of the pairs
// of articles put in one story.
func pairwise(t *testing.T, pred, truth map[newsdump.Source]newsdump.Source) (precision, recall float64) {
	t.Helper()
	if len(pred) != len(truth) {
		t.Fatalf("%d articles in the pipeline's output, %d in the command's", len(pred), len(truth))
	}
	type cell struct{ p, t newsdump.Source }
	cells := map[cell]int{}
	ps, ts := map[newsdump.Source]int{}, map[newsdump.Source]int{}
	for a, p := range pred {
		tr, ok := truth[a]
		if !ok {
			t.Fatalf("%v is in the pipeline's output only", a)
		}
		cells[cell{p, tr}]++
		ps[p]++
		ts[tr]++
	}
	pairs := func(n int) float64 { return float64(n) * float64(n-1) / 2 }
	var both, inP, inT float64
	for _, n := range cells {
		both += pairs(n)
	}
	for _, n := range ps {
		inP += pairs(n)
	}
	for _, n := range ts {
		inT += pairs(n)
	}
	precision, recall = 1, 1
	if inP > 0 {
		precision = both / inP
	}
	if inT > 0 {
		recall = both / inT
	}
	return precision, recall
}
