module github.com/newsdump/newsdump/examples/inspect

go 1.25

require github.com/newsdump/newsdump v0.0.0

require golang.org/x/text v0.28.0 // indirect

replace github.com/newsdump/newsdump => ../..
