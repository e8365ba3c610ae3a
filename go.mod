module github.com/newsdump/newsdump

go 1.23.0

require github.com/google/go-cmp v0.7.0

require golang.org/x/text v0.28.0
