// Package atomicfile writes a file so that its path holds either the old
// contents or the whole new ones, never a part: the commands that build
// the embedded data (nertrain, nergaz, nerclusters, pagetrain) write
// through it, so that one stopped half-way leaves the old file in place.
package atomicfile

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
)

// Write runs write on a temporary file beside path (readable by all,
// 0644) and renames it over path once write and the close succeeded. On
// an error the temporary file is removed and path is left as it was.
func Write(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // gone already after the rename
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	b := bufio.NewWriter(tmp)
	if err := write(b); err != nil {
		tmp.Close()
		return err
	}
	if err := b.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// WriteFile writes data to path with Write.
func WriteFile(path string, data []byte) error {
	return Write(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}
