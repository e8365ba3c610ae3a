package indexfile

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// sections are the test file's sections: one empty, one of several
// frames, one small.
var sections = []struct {
	kind    uint32
	payload []byte
}{
	{1, nil},
	{2, bytes.Repeat([]byte("0123456789"), MaxFrame/4)},
	{7, []byte("last")},
}

func testFile(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := NewWriter(&buf, 3)
	for _, s := range sections {
		w.Begin(s.kind)
		// In pieces, so that frames are cut across Write calls.
		for p := s.payload; len(p) > 0; p = p[min(len(p), 1000):] {
			w.Write(p[:min(len(p), 1000)])
		}
	}
	n, err := w.Close()
	if err != nil || n != int64(buf.Len()) {
		t.Fatalf("Close = %d, %v; wrote %d", n, err, buf.Len())
	}
	return buf.Bytes()
}

func TestRoundTrip(t *testing.T) {
	data := testFile(t)
	r, v, err := NewReader(bytes.NewReader(data), 3)
	if err != nil || v != 3 {
		t.Fatalf("NewReader = %d, %v", v, err)
	}
	for _, s := range sections {
		kind, err := r.Next()
		if err != nil || kind != s.kind {
			t.Fatalf("Next = %d, %v; want %d", kind, err, s.kind)
		}
		got, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(s.payload, got, cmp.Comparer(bytes.Equal)); diff != "" {
			t.Errorf("section %d (-want +got):\n%s", s.kind, diff)
		}
	}
	if kind, err := r.Next(); kind != End || err != nil {
		t.Errorf("after the last section: Next = %d, %v; want End", kind, err)
	}
}

func TestErrors(t *testing.T) {
	data := testFile(t)
	readAll := func(input []byte, maxVersion uint32) error {
		r, _, err := NewReader(bytes.NewReader(input), maxVersion)
		if err != nil {
			return err
		}
		for {
			kind, err := r.Next()
			if err != nil || kind == End {
				return err
			}
			if _, err := io.ReadAll(r); err != nil {
				return err
			}
		}
	}
	flipped := bytes.Clone(data)
	flipped[HeaderSize+8+MaxFrame/2] ^= 4 // in section 2's first frame
	huge := bytes.Clone(data)
	huge[HeaderSize+4+3] = 0x7f // section 1's frame length
	for _, tc := range []struct {
		name       string
		input      []byte
		maxVersion uint32
		want       error
		offset     int64
	}{
		{"newer", data, 2, ErrVersion, int64(len(Magic))},
		{"foreign", []byte("PK\x03\x04 a zip file"), 3, ErrNotIndex, 0},
		{"short foreign", []byte("x"), 3, ErrNotIndex, 0},
		{"magic only", []byte(Magic), 3, ErrTruncated, 0},
		{"cut in a frame", data[:HeaderSize+100], 3, ErrTruncated, HeaderSize + 12},
		{"no end", data[:len(data)-12], 3, ErrTruncated, int64(len(data) - 12)},
		{"bit flipped", flipped, 3, ErrCorrupt, HeaderSize + 12},
		{"length beyond MaxFrame", huge, 3, ErrCorrupt, HeaderSize},
	} {
		err := readAll(tc.input, tc.maxVersion)
		var fe *Error
		if !errors.As(err, &fe) || !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want an *Error wrapping %v", tc.name, err, tc.want)
			continue
		}
		if fe.Offset != tc.offset {
			t.Errorf("%s: offset %d, want %d (%v)", tc.name, fe.Offset, tc.offset, err)
		}
	}
}

// A decoder that reads less than its section holds is told so.
func TestSectionLeftUnread(t *testing.T) {
	r, _, err := NewReader(bytes.NewReader(testFile(t)), 3)
	if err != nil {
		t.Fatal(err)
	}
	r.Next()
	r.Next() // section 2, not read
	if _, err := r.Next(); !errors.Is(err, ErrCorrupt) {
		t.Errorf("Next with section 2 unread: %v, want ErrCorrupt", err)
	}
}
