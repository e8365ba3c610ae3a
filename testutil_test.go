package newsdump

// sampleDumps are the two real sample dumps, as copied from ../shared/samples
// with their names kept: the inputs most suites start from.
var sampleDumps = []string{"testdata/000_9e4be9335a49f043.txt", "testdata/001_9335ce0f20af1e91.txt"}
