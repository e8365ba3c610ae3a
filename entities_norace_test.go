//go:build !race

package newsdump

// poolDropsItems is set when testing with -race, which makes sync.Pool drop
// items at random: allocation counts mean nothing then.
const poolDropsItems = false
