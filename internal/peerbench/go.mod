module github.com/newsdump/newsdump/internal/peerbench

go 1.23.0

require (
	github.com/google/go-cmp v0.7.0
	github.com/jdkato/prose/v2 v2.0.0
	github.com/neurosnap/sentences v1.1.2
	github.com/newsdump/newsdump v0.0.0
)

require (
	github.com/deckarep/golang-set v1.7.1 // indirect
	github.com/mingrammer/commonregex v1.0.1 // indirect
	golang.org/x/text v0.28.0 // indirect
	gonum.org/v1/gonum v0.7.0 // indirect
	gopkg.in/neurosnap/sentences.v1 v1.0.6 // indirect
)

replace github.com/newsdump/newsdump => ../..
