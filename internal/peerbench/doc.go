// Package peerbench measures newsdump's sentence splitter beside other Go
// splitters, on the same inputs and in the same benchmark run. It is a
// separate module so that importing newsdump never pulls the peers in.
package peerbench
