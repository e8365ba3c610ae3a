//go:build unix

package main

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// lockIndex takes the lock of the index at path: an exclusive flock of
// path+".lock", which the system releases when the process ends, however
// it ends. A run that finds it taken fails at once rather than wait: a
// daily crawl that overlaps the day before's is a problem to see, not to
// queue. The lock file is left in place: removing it would let a third
// run lock a new file while the second still holds the old one.
func lockIndex(path string) (unlock func(), err error) {
	name := path + ".lock"
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, pathError(name, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("%s: the index is in use by another newsdump run (%s is locked); try again when it ends", path, name)
		}
		return nil, fmt.Errorf("%s: locking: %w", name, err)
	}
	return func() { f.Close() }, nil
}

// syncDir makes the entries of a directory durable: a rename in it
// survives a power cut once the directory is synced.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
