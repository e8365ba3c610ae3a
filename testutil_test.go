package newsdump

import (
	"bytes"
	"runtime"
)

// sampleDumps are the two real sample dumps, as copied from ../shared/samples
// with their names kept: the inputs most suites start from.
var sampleDumps = []string{"testdata/000_9e4be9335a49f043.txt", "testdata/001_9335ce0f20af1e91.txt"}

// layoutOf returns the layout a Reader reads input in, as it decides it
// at its start.
func layoutOf(input []byte) Layout {
	r := NewReader(bytes.NewReader(input))
	r.start()
	if r.paged {
		return LayoutPage
	}
	return LayoutDump
}

// heapAfter returns the live heap after a collection: what the memory
// tests and benchmarks take before and after the work they measure.
func heapAfter() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}
