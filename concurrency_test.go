package newsdump

import (
	"bytes"
	"os"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestConcurrentUse runs every exported entry point from 16 goroutines on
// shared inputs, for the race detector, and checks that each goroutine gets
// what one goroutine alone gets.
func TestConcurrentUse(t *testing.T) {
	var input []byte
	for _, name := range sampleDumps {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		input = append(append(input, data...), "\n\n\n"...)
	}
	arts, err := Parse(bytes.NewReader(input))
	if err != nil {
		t.Fatal(err)
	}
	text := arts[0].Paragraphs[0]
	wantKept := Dedupe(arts)
	wantEnts := ExtractEntities(text)
	wantGroups := arts[0].Entities()
	wantSents := arts[1].Sentences()
	wantSig := Signature(arts[2])

	shared := NewDeduper()
	var wg sync.WaitGroup
	errs := make(chan string, 16*6)
	check := func(what string, want, got any) {
		if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
			errs <- what + " (-alone +concurrent):\n" + diff
		}
	}
	for range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got, err := Parse(bytes.NewReader(input))
			if err != nil {
				errs <- err.Error()
				return
			}
			check("Parse", arts, got)
			check("Dedupe", wantKept, Dedupe(arts))
			check("ExtractEntities", wantEnts, ExtractEntities(text))
			check("Article.Entities", wantGroups, arts[0].Entities())
			check("Article.Sentences", wantSents, arts[1].Sentences())
			check("Signature", wantSig, Signature(arts[2]))
			for _, a := range arts {
				shared.Add(a)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	// Sixteen times the same articles: still three stories.
	if n := len(shared.Clusters()); n != 3 {
		t.Errorf("the shared Deduper has %d stories, want 3", n)
	}
}
