package netlink

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"testing"
	"time"
)

// TestMain runs the tests, then fails the run if a goroutine started by
// this package outlived them: the reader, a request's cancellation, a
// namespace switch.
func TestMain(m *testing.M) {
	code := m.Run()
	if code == 0 {
		if leaks := leakedGoroutines(5 * time.Second); leaks != "" {
			fmt.Fprintf(os.Stderr, "goroutines leaked by the package:\n%s\n", leaks)
			code = 1
		}
	}
	os.Exit(code)
}

// leakedGoroutines waits up to timeout for every goroutine running this
// package's code, other than the caller, to end, and returns the stacks
// of those that did not.
func leakedGoroutines(timeout time.Duration) string {
	deadline := time.Now().Add(timeout)
	for {
		buf := make([]byte, 1<<20)
		buf = buf[:runtime.Stack(buf, true)]
		var leaks [][]byte
		for _, g := range bytes.Split(buf, []byte("\n\n")) {
			if bytes.Contains(g, []byte("github.com/netlink-go/netlink.")) && !bytes.Contains(g, []byte("netlink.TestMain")) {
				leaks = append(leaks, g)
			}
		}
		if len(leaks) == 0 {
			return ""
		}
		if time.Now().After(deadline) {
			return string(bytes.Join(leaks, []byte("\n\n")))
		}
		time.Sleep(20 * time.Millisecond)
	}
}
