//go:build dataflow

package main

// Built with -tags dataflow, the command can run on Google Cloud Dataflow
// and read and write gs:// paths. They are behind a tag because they link
// the Google Cloud client libraries, which the local runners do not need.
import (
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/dataflow"
)
