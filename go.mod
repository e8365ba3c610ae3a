module github.com/newsdump/newsdump

go 1.23

require github.com/google/go-cmp v0.7.0
