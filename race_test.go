//go:build race

package newsdump

// raceEnabled is true when the race detector is on: tests that stream a
// lot of data then use less of it.
const raceEnabled = true
