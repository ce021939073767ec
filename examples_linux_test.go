//go:build linux

package netlink

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestExamplesPrintRouteChanges builds each example, runs it in a test
// namespace as an unprivileged user (listening needs no privileges),
// makes route changes, and checks what it printed and that it exits
// cleanly on SIGINT.
func TestExamplesPrintRouteChanges(t *testing.T) {
	for _, name := range []string{"notify", "handle"} {
		t.Run(name, func(t *testing.T) {
			ns := newTestNS(t)
			bin := filepath.Join(t.TempDir(), name)
			if out, err := exec.Command("go", "build", "-o", bin, "./examples/"+name).CombinedOutput(); err != nil {
				t.Fatalf("go build: %v: %s", err, out)
			}
			if err := os.Chmod(filepath.Dir(bin), 0o755); err != nil {
				t.Fatal(err)
			}
			var out syncBuffer
			cmd := exec.Command("ip", "netns", "exec", ns.name, "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", bin)
			cmd.Stdout = &out
			cmd.Stderr = &out
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer cmd.Process.Kill()
			deadline := time.Now().Add(recvTimeout)
			for !strings.Contains(out.String(), "Register alert handler") && time.Now().Before(deadline) {
				time.Sleep(10 * time.Millisecond)
			}
			time.Sleep(50 * time.Millisecond) // from registration to Notify or Handle
			ns.ip("route add 10.1.0.0/16 via 10.0.0.5")
			ns.ip("route add 10.2.0.0/16 via 10.0.0.5 table 100 proto static")
			ns.ip("route del 10.1.0.0/16")
			want := []string{
				"add 10.1.0.0/16 via 10.0.0.5 dev veth0 table main",
				"add 10.2.0.0/16 via 10.0.0.5 dev veth0 table 100 proto static",
				"del 10.1.0.0/16 via 10.0.0.5 dev veth0 table main",
			}
			for !strings.Contains(out.String(), want[2]) && time.Now().Before(deadline) {
				time.Sleep(10 * time.Millisecond)
			}
			if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
				t.Fatal(err)
			}
			if err := cmd.Wait(); err != nil {
				t.Errorf("exit after SIGINT: %v", err)
			}
			for _, line := range want {
				if !strings.Contains(out.String(), line+"\n") {
					t.Errorf("output lacks %q:\n%s", line, out.String())
				}
			}
		})
	}
}

// syncBuffer is a bytes.Buffer that a command writes to while the test
// reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
