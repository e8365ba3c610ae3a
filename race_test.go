//go:build race

package newsdump

// raceEnabled is true when the race detector is on: tests that stream a
// lot of data then use less of it.
const raceEnabled = true

// poolDropsItems is set when testing with -race, which makes sync.Pool drop
// items at random: allocation counts mean nothing then.
const poolDropsItems = true
