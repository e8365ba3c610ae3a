//go:build amd64 && !purego

package ner

// sumRows writes to sum the label scores of the features fs, as
// sumRowsGeneric does, in assembly on amd64 processors with POPCNT
// (all but the first generations): the Go loop keeps its nine sums on
// the stack and tests for POPCNT at every row, where the assembly holds
// them in two SSE2 registers and one general one and adds eight of a
// row's weights in two instructions. The sums are of integers, so the
// order of the adds does not matter: the scores are the same.
func (m *Model) sumRows(fs []uint64, sum *[NLabels]int32) {
	if !hasPOPCNT || len(fs) == 0 {
		m.sumRowsGeneric(fs, sum)
		return
	}
	sumRowsAsm(&m.present[0], &m.rank[0], m.rows, fs, sum)
}

// hasPOPCNT reports the POPCNT instruction (CPUID leaf 1, ECX bit 23).
var hasPOPCNT = cpuid1ECX()&(1<<23) != 0

// cpuid1ECX returns ECX of CPUID leaf 1.
func cpuid1ECX() uint32

// sumRowsAsm is sumRows for a non-empty fs; present and rank are the
// model's bitmap and ranks (1<<HashBits/64 each), rows its kept rows,
// which hold a row for every bit of present.
//
//go:noescape
func sumRowsAsm(present *uint64, rank *uint32, rows []int16, fs []uint64, sum *[NLabels]int32)

// sumRowsAsm reads a row as sixteen bytes and two, for the nine labels
// that the constants beside Scratch hold the build to, and takes a
// feature's row from its top 20 bits (the shift by 44): these stop the
// build if HashBits changes.
const (
	_ = uint(64 - HashBits - 44)
	_ = uint(HashBits + 44 - 64)
)
