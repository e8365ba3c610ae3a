module github.com/newsdump/newsdump/internal/peerbench

go 1.23.0

require (
	github.com/google/go-cmp v0.7.0
	github.com/neurosnap/sentences v1.1.2
	github.com/newsdump/newsdump v0.0.0
)

replace github.com/newsdump/newsdump => ../..
