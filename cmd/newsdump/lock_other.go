//go:build !unix

package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// lockIndex takes the lock of the index at path where flock is not
// available: it creates path+".lock" exclusively and removes it on
// unlock. A run killed while it held the lock leaves the file behind;
// the next run then fails and says to remove it once no run is going.
func lockIndex(path string) (unlock func(), err error) {
	name := path + ".lock"
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return nil, fmt.Errorf("%s: the index is in use by another newsdump run (%s exists; if no run is going, one was killed: remove it)", path, name)
	}
	if err != nil {
		return nil, pathError(name, err)
	}
	f.Close()
	return func() { os.Remove(name) }, nil
}

// syncDir does nothing here: Windows makes a rename durable with the
// file's own flush, and offers no directory handle to sync.
func syncDir(string) error { return nil }
