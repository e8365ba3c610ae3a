//go:build !amd64 || purego

package ner

// sumRows is sumRowsGeneric where there is no assembly version.
func (m *Model) sumRows(fs []uint64, sum *[NLabels]int32) { m.sumRowsGeneric(fs, sum) }
