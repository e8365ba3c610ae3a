//go:build !race

package newsdump

const (
	raceEnabled    = false
	poolDropsItems = false
)
