package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/newsdump/newsdump"
)

// storyDump is a dump of articles, one per name, each a story of its
// own: its body is words drawn at random with the name as the seed.
func storyDump(names ...string) string {
	var parts []string
	for _, n := range names {
		parts = append(parts, fmt.Sprintf("Title %s\n\nTT\n20\n\nTitle %s\n\n%s", n, n, randomProse(n, 60)))
	}
	return strings.Join(parts, "\n\n\n")
}

var proseWords = strings.Fields("council voted bridge river closed months engineers steel supports " +
	"corroded winters residents ferry detour miles repairs spring museum hills reopened decade " +
	"minister budget schools hospitals roads elections police robbery shares markets storm rain")

// randomProse is a sentence of n words drawn at random, the same for one
// seed.
func randomProse(seed string, n int) string {
	var h uint64 = 14695981039346656037
	for i := range len(seed) {
		h = (h ^ uint64(seed[i])) * 1099511628211
	}
	rng := rand.New(rand.NewPCG(h, 2))
	w := make([]string, n)
	for i := range w {
		w[i] = proseWords[rng.IntN(len(proseWords))]
	}
	return "The " + strings.Join(w, " ") + "."
}

// archivedLine is one line of -index output that is not an article.
type archivedLine struct {
	Archived   newsdump.Story    `json:"archived"`
	Duplicates []newsdump.Source `json:"duplicates"`
}

// splitIndexOutput parses -index output: article lines, then archived
// lines.
func splitIndexOutput(t *testing.T, out string) (arts []newsdump.Article, archived []archivedLine) {
	t.Helper()
	for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, `{"archived":`) {
			var a archivedLine
			dec := json.NewDecoder(strings.NewReader(line))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&a); err != nil {
				t.Fatalf("line %d: %v\n%s", i+1, err, line)
			}
			archived = append(archived, a)
			continue
		}
		if archived != nil {
			t.Fatalf("line %d: an article after the archived stories: %s", i+1, line)
		}
		arts = append(arts, decodeLines(t, line+"\n")...)
	}
	return arts, archived
}

func writeFile(t *testing.T, name, text string) string {
	t.Helper()
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

// Day 1 makes the index; day 2's copies of day 1's stories point back at
// them, its new story is printed as kept, and its output otherwise is
// what it would be without -index.
func TestIndexAcrossRuns(t *testing.T) {
	dir := t.TempDir()
	index := filepath.Join(dir, "stories.idx")
	day1 := writeFile(t, filepath.Join(dir, "day1.txt"), storyDump("Alpha", "Beta", "Alpha"))
	day2 := writeFile(t, filepath.Join(dir, "day2.txt"), storyDump("Gamma", "Beta", "Alpha", "Beta"))

	code, want, errOut := runCmd(t, "", day1)
	if code != 0 {
		t.Fatalf("without -index: exit %d, %s", code, errOut)
	}
	before := time.Now().UTC()
	code, got, errOut := runCmd(t, "", "-index", index, day1)
	if code != 0 || errOut != "" {
		t.Fatalf("day 1: exit %d, stderr %q", code, errOut)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("day 1 with a new index, output (-without -index +with):\n%s", diff)
	}
	day1Arts := decodeLines(t, got)
	if _, err := os.Stat(index); err != nil {
		t.Fatalf("day 1 saved no index: %v", err)
	}

	code, out, errOut := runCmd(t, "", "-index", index, day2)
	if code != 0 || errOut != "" {
		t.Fatalf("day 2: exit %d, stderr %q", code, errOut)
	}
	arts, archived := splitIndexOutput(t, out)
	if diff := cmp.Diff([]string{day2 + ": Title Gamma"}, titles(arts)); diff != "" {
		t.Errorf("day 2 kept (-want +got):\n%s", diff)
	}
	src := func(a newsdump.Article) newsdump.Source { return a.Source }
	day2Arts := decodeLines(t, func() string { _, o, _ := runCmd(t, "", "-dedupe=false", day2); return o }())
	if len(day1Arts) != 2 || len(day2Arts) != 4 {
		t.Fatalf("%d and %d articles on days 1 and 2, want 2 and 4", len(day1Arts), len(day2Arts))
	}
	if len(archived) != 2 {
		t.Fatalf("%d archived stories, want 2:\n%s", len(archived), out)
	}
	for _, a := range archived {
		if a.Archived.FirstSeen.Before(before) || a.Archived.FirstSeen.After(time.Now()) {
			t.Errorf("archived story first seen %v, not during day 1's run", a.Archived.FirstSeen)
		}
	}
	wantArchived := []archivedLine{
		{newsdump.Story{ID: day1Arts[1].ID, Source: src(day1Arts[1])}, []newsdump.Source{src(day2Arts[1]), src(day2Arts[3])}},
		{newsdump.Story{ID: day1Arts[0].ID, Source: src(day1Arts[0])}, []newsdump.Source{src(day2Arts[2])}},
	}
	for i := range archived {
		archived[i].Archived.FirstSeen = time.Time{}
	}
	if diff := cmp.Diff(wantArchived, archived); diff != "" {
		t.Errorf("day 2 archived stories (-want +got):\n%s", diff)
	}

	// A third run of day 2 finds Gamma archived too.
	_, out, _ = runCmd(t, "", "-index", index, day2)
	if arts, archived := splitIndexOutput(t, out); len(arts) != 0 || len(archived) != 3 {
		t.Errorf("day 2 again: %d kept, %d archived; want 0, 3", len(arts), len(archived))
	}
	// With a maximum age that every story is older than, the index is
	// forgotten first: day 2 is all new again.
	time.Sleep(2 * time.Millisecond)
	code, out, errOut = runCmd(t, "", "-index", index, "-index-max-age", "1ms", day2)
	if code != 0 {
		t.Fatalf("-index-max-age: exit %d, %s", code, errOut)
	}
	if arts, archived := splitIndexOutput(t, out); len(arts) != 3 || len(archived) != 0 {
		t.Errorf("day 2 with -index-max-age 1ms: %d kept, %d archived; want 3, 0", len(arts), len(archived))
	}
}

func TestIndexStdinEveryDay(t *testing.T) {
	// Standard input is "-" every day: a copy of yesterday's line 1 is
	// archived, not a duplicate of today's line 1.
	index := filepath.Join(t.TempDir(), "idx")
	runCmd(t, storyDump("Alpha"), "-index", index)
	today := storyDump("Beta", "Alpha")
	_, out, _ := runCmd(t, today, "-index", index)
	arts, archived := splitIndexOutput(t, out)
	_, all, _ := runCmd(t, today, "-dedupe=false")
	want := decodeLines(t, all)
	if len(arts) != 1 || arts[0].Title != "Title Beta" || arts[0].Duplicates != nil || len(archived) != 1 {
		t.Fatalf("kept %v, archived %v; want Beta alone, Alpha archived", titles(arts), archived)
	}
	if diff := cmp.Diff([]newsdump.Source{want[1].Source}, archived[0].Duplicates); diff != "" {
		t.Errorf("archived story's copies (-want +got):\n%s", diff)
	}
	if s := archived[0].Archived.Source; s.File != "-" || s.Line != 1 {
		t.Errorf("archived story kept at %v, want -:1", s)
	}
}

// A failed run, a locked index, a corrupt index, or a -threshold that
// contradicts the index leave the index as it was.
func TestIndexLeftAlone(t *testing.T) {
	dir := t.TempDir()
	index := filepath.Join(dir, "idx")
	good := writeFile(t, filepath.Join(dir, "a.txt"), storyDump("Alpha"))
	if code, _, errOut := runCmd(t, "", "-index", index, good); code != 0 {
		t.Fatal(errOut)
	}
	saved, err := os.ReadFile(index)
	if err != nil {
		t.Fatal(err)
	}
	other := writeFile(t, filepath.Join(dir, "b.txt"), storyDump("Beta"))
	check := func(what string, wantCode int, wantErr string, args ...string) {
		t.Helper()
		code, _, errOut := runCmd(t, "", append([]string{"-index", index}, args...)...)
		if code != wantCode || !strings.Contains(errOut, wantErr) {
			t.Errorf("%s: exit %d, stderr %q; want %d and %q", what, code, errOut, wantCode, wantErr)
		}
		now, err := os.ReadFile(index)
		if err != nil || !bytes.Equal(now, saved) {
			t.Errorf("%s: the index changed (%v)", what, err)
		}
	}
	check("a missing input", 1, "missing.txt", other, filepath.Join(dir, "missing.txt"))
	check("another threshold", 1, "option contradicts the index", "-threshold", "0.5", other)
	if code, _, errOut := runCmd(t, "", "-index", index, "-threshold", "0.25", good); code != 0 {
		t.Errorf("the index's own threshold: exit %d, %s", code, errOut)
	}
	if saved, err = os.ReadFile(index); err != nil {
		t.Fatal(err)
	}

	unlock, err := lockIndex(index)
	if err != nil {
		t.Fatal(err)
	}
	check("locked", 1, "in use by another newsdump run", other)
	unlock()

	writeFile(t, index, "not an index\n")
	saved = []byte("not an index\n")
	check("not an index", 1, "not an index", other)

	if code, _, errOut := runCmd(t, "", "-index", index, "-dedupe=false", other); code != 2 || !strings.Contains(errOut, "-index needs -dedupe") {
		t.Errorf("-index -dedupe=false: exit %d, %q; want a usage error", code, errOut)
	}
}

// crashChildEnv makes the test binary, run as a child, load the index
// the variable names, add articles and save it, printing "saving" first.
const crashChildEnv = "NEWSDUMP_TEST_CRASH_SAVE"

// crashArticles are the articles of the crash test: n stories of random
// words (no shared corpora needed), deterministic in seed.
func crashArticles(n int, seed uint64) []newsdump.Article {
	arts := make([]newsdump.Article, n)
	for i := range arts {
		name := fmt.Sprintf("Story %d %d", seed, i)
		arts[i] = newsdump.Article{Title: name, Paragraphs: []string{randomProse(name, 60)},
			Source: newsdump.Source{File: fmt.Sprintf("crawl-%d.txt", seed), Line: i + 1}}
	}
	return arts
}

var crashClock = newsdump.WithClock(func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) })

// crashNew is what the child saves: the index at path with the second
// batch of articles added.
func crashNew(path string) (*newsdump.Deduper, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	d, err := newsdump.ReadDeduper(f, crashClock)
	if err != nil {
		return nil, err
	}
	for _, a := range crashArticles(300, 2) {
		d.Add(a)
	}
	return d, nil
}

func TestMain(m *testing.M) {
	if path := os.Getenv(crashChildEnv); path != "" {
		d, err := crashNew(path)
		if err == nil {
			fmt.Println("saving")
			err = saveIndex(path, d)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	if args := os.Getenv(mainChildEnv); args != "" {
		os.Exit(runChild(args))
	}
	code := m.Run()
	removeCrawls()
	os.Exit(code)
}

// A save killed at any moment leaves the old index or the new one: the
// test binary, run as a child, saves a big index and is killed with
// SIGKILL at random moments of the save; every time, the index loads
// and is one of the two, byte for byte (WriteTo writes one Deduper
// always the same way).
func TestIndexSaveCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the crash test runs the test binary 10 times")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "big.idx")
	old := newsdump.NewDeduper(crashClock)
	for _, a := range crashArticles(4000, 1) {
		old.Add(a)
	}
	if err := saveIndex(path, old); err != nil {
		t.Fatal(err)
	}
	oldBytes, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var nb bytes.Buffer
	d, err := crashNew(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.WriteTo(&nb); err != nil {
		t.Fatal(err)
	}
	newBytes := nb.Bytes()
	t.Logf("old index %d bytes, new %d", len(oldBytes), len(newBytes))

	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 3))
	outcomes := map[string]int{}
	for run := range 10 {
		// Each run starts from the old index.
		if err := saveIndex(path, old); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), crashChildEnv+"="+path)
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(stdout)
		if !sc.Scan() || sc.Text() != "saving" {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("run %d: the child did not start saving: %q", run, sc.Text())
		}
		// The save of this index takes about ten milliseconds here: kill
		// within them, and now and then after.
		time.Sleep(time.Duration(rng.IntN(12_000)) * time.Microsecond)
		cmd.Process.Kill() // SIGKILL on Unix
		for sc.Scan() {
		}
		cmd.Wait()

		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("run %d: %v", run, err)
		}
		if _, err := newsdump.ReadDeduper(bytes.NewReader(got)); err != nil {
			t.Fatalf("run %d: the index does not load after the kill: %v", run, err)
		}
		temps, _ := filepath.Glob(filepath.Join(dir, tempPattern(path)))
		for _, tmp := range temps {
			os.Remove(tmp)
		}
		switch {
		case bytes.Equal(got, oldBytes) && len(temps) > 0:
			outcomes["old, killed while writing"]++
		case bytes.Equal(got, oldBytes):
			outcomes["old"]++
		case bytes.Equal(got, newBytes):
			outcomes["new"]++
		default:
			t.Fatalf("run %d: the index is neither the old one nor the new one (%d bytes)", run, len(got))
		}
	}
	t.Logf("outcomes: %v", outcomes)
}
