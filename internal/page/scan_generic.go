//go:build !amd64 || purego

package page

// scanBytes is scanBytesGeneric where there is no vector version.
func scanBytes(t string, bnd []int32) (nb int, seen uint8, pw uint32) {
	return scanBytesGeneric(t, bnd)
}
