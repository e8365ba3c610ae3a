package newsdump_test

import (
	"bytes"
	"errors"
	"fmt"
	"time"

	"github.com/newsdump/newsdump"
)

// A daily crawl keeps its Deduper in a file: yesterday's index finds
// today's copies of yesterday's stories, and stories older than a month
// are forgotten before the index is saved again. (A program writes the
// index to a temporary file and renames it over the old one, as the
// newsdump command's -index does; here a buffer stands for the file.)
func ExampleReadDeduper() {
	monday := time.Date(2026, 1, 5, 6, 0, 0, 0, time.UTC)
	d := newsdump.NewDeduper(newsdump.WithClock(func() time.Time { return monday }))
	d.Add(newsdump.Article{ID: "a1", Title: "Bridge Closed for Months", Paragraphs: bridge,
		Source: newsdump.Source{File: "monday.txt", Line: 1}})
	var file bytes.Buffer
	if _, err := d.WriteTo(&file); err != nil {
		fmt.Println(err)
		return
	}

	tuesday := monday.AddDate(0, 0, 1)
	d, err := newsdump.ReadDeduper(&file, newsdump.WithClock(func() time.Time { return tuesday }))
	if err != nil {
		fmt.Println(err)
		return
	}
	s, isDup := d.AddStory(newsdump.Article{ID: "b7", Title: "BRIDGE CLOSED FOR MONTHS", Paragraphs: bridge,
		Source: newsdump.Source{File: "tuesday.txt", Line: 40}})
	fmt.Printf("copy: %v, of %s at %s:%d, first seen %s\n", isDup, s.ID, s.Source.File, s.Source.Line, s.FirstSeen.Format(time.DateOnly))
	fmt.Println("forgotten:", d.Forget(tuesday.AddDate(0, -1, 0)))

	// Output:
	// copy: true, of a1 at monday.txt:1, first seen 2026-01-05
	// forgotten: 0
}

// An index that is damaged is an error that says what and where, never
// a partial index.
func ExampleIndexError() {
	var file bytes.Buffer
	newsdump.NewDeduper().WriteTo(&file)
	data := file.Bytes()

	_, err := newsdump.ReadDeduper(bytes.NewReader(data[:100]))
	fmt.Println(err)
	fmt.Println(errors.Is(err, newsdump.ErrIndexTruncated))

	data[30] ^= 1
	_, err = newsdump.ReadDeduper(bytes.NewReader(data))
	fmt.Println(err)
	// Output:
	// newsdump index: byte 100 (signatures): index truncated: input ends at byte 100
	// true
	// newsdump index: byte 12 (config): index corrupt: checksum mismatch in the frame at byte 12
}
