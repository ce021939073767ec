//go:build linux

package netlink

import (
	"bytes"
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"net"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
	"time"
)

// requirePrivileges skips a test that needs root, unless it runs in CI
// (CI=true), where a skipped privileged test would hide a failure.
func requirePrivileges(t testing.TB) {
	t.Helper()
	if os.Geteuid() == 0 {
		if _, err := exec.LookPath("ip"); err == nil {
			return
		}
		if os.Getenv("CI") == "true" {
			t.Fatal("privileged test cannot run in CI: iproute2's ip is not installed")
		}
		t.Skip("skipped: needs iproute2's ip command to make a network namespace")
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("privileged test cannot run in CI: not running as root")
	}
	t.Skip("skipped: needs root (CAP_SYS_ADMIN and CAP_NET_ADMIN) to create a throw-away network namespace")
}

// testNS is a throw-away network namespace made with `ip netns add`.
type testNS struct {
	t    testing.TB
	name string
}

// newTestNS creates a network namespace named nltest-<random> with the
// loopback up and a veth pair (veth0 10.0.0.1/24 and 2001:db8::1/64,
// veth1 10.0.0.2/24), and removes it when the test ends.
func newTestNS(t testing.TB) *testNS {
	t.Helper()
	requirePrivileges(t)
	var rnd [4]byte
	rand.Read(rnd[:])
	ns := &testNS{t: t, name: "nltest-" + hex.EncodeToString(rnd[:])}
	if out, err := exec.Command("ip", "netns", "add", ns.name).CombinedOutput(); err != nil {
		t.Fatalf("ip netns add %s: %v: %s", ns.name, err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("ip", "netns", "del", ns.name).CombinedOutput(); err != nil {
			t.Errorf("ip netns del %s: %v: %s", ns.name, err, out)
		}
	})
	ns.ip("link set lo up")
	ns.ip("link add veth0 type veth peer name veth1")
	ns.ip("link set veth0 up")
	ns.ip("link set veth1 up")
	ns.ip("addr add 10.0.0.1/24 dev veth0")
	ns.ip("addr add 10.0.0.2/24 dev veth1")
	ns.ip("-6 addr add 2001:db8::1/64 dev veth0 nodad")
	return ns
}

// ip runs `ip -n NS args...` and fails the test on error.
func (ns *testNS) ip(args string) string {
	ns.t.Helper()
	out, err := ns.tryIP(args)
	if err != nil {
		ns.t.Fatalf("ip -n %s %s: %v: %s", ns.name, args, err, out)
	}
	return out
}

// tryIP runs `ip -n NS args...` and returns its combined output.
func (ns *testNS) tryIP(args string) (string, error) {
	cmd := exec.Command("ip", append([]string{"-n", ns.name}, strings.Fields(args)...)...)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// batch feeds lines to `ip -n NS -batch -` and fails the test on error.
func (ns *testNS) batch(lines []string) {
	ns.t.Helper()
	if err := ns.tryBatch(lines); err != nil {
		ns.t.Fatal(err)
	}
}

// tryBatch feeds lines to `ip -n NS -batch -`; it may run on any
// goroutine.
func (ns *testNS) tryBatch(lines []string) error {
	cmd := exec.Command("ip", "-n", ns.name, "-batch", "-")
	cmd.Stdin = strings.NewReader(strings.Join(lines, "\n") + "\n")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("ip -batch: %v: %s", err, out)
	}
	return nil
}

// opts returns options for a Connection inside the namespace.
func (ns *testNS) opts(groups uint32) *ConnectionOptions {
	return &ConnectionOptions{Family: NETLINK_ROUTE, Groups: groups, NetNS: ns.name}
}

// new calls New inside the namespace, so that New's default socket is
// bound there; the calling thread returns to its own namespace.
func (ns *testNS) new() *Connection {
	ns.t.Helper()
	var c *Connection
	err := inNetNS(ns.name, func() error {
		var err error
		c, err = New()
		return err
	})
	if err != nil {
		ns.t.Fatalf("New in %s: %v", ns.name, err)
	}
	ns.t.Cleanup(func() { c.Close() })
	return c
}

// dial calls NewWithOpts with the namespace's options.
func (ns *testNS) dial(groups uint32) *Connection {
	ns.t.Helper()
	c, err := NewWithOpts(ns.opts(groups))
	if err != nil {
		ns.t.Fatalf("NewWithOpts: %v", err)
	}
	ns.t.Cleanup(func() { c.Close() })
	return c
}

// checkNoReader fails the test if a Connection reader goroutine is still
// running a short while after the connections were closed.
func checkNoReader(t testing.TB) {
	t.Helper()
	var stacks []byte
	deadline := time.Now().Add(5 * time.Second)
	for {
		buf := make([]byte, 1<<20)
		stacks = buf[:runtime.Stack(buf, true)]
		if !bytes.Contains(stacks, []byte("netlink.(*Connection).run")) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("a Connection reader goroutine outlived Close:\n%s", stacks)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// routeDst returns the destination prefix of an RTM_NEWROUTE or
// RTM_DELROUTE payload as "addr/len", read with the attribute iterator.
func routeDst(t testing.TB, m *Message) string {
	t.Helper()
	if len(m.Data) < rtmsgLen {
		t.Fatalf("%v: payload shorter than struct rtmsg", m)
	}
	dstLen := m.Data[1]
	ad := NewAttributeDecoder(m.Data[rtmsgLen:])
	for ad.Next() {
		if ad.Type() == RTA_DST {
			return fmt.Sprintf("%s/%d", ad.Addr(), dstLen)
		}
	}
	if err := ad.Err(); err != nil {
		t.Fatalf("%v: %v", m, err)
	}
	return fmt.Sprintf("default/%d", dstLen)
}

// ifindex returns the index of the named interface in the namespace.
func (ns *testNS) ifindex(name string) int {
	ns.t.Helper()
	var idx int
	err := inNetNS(ns.name, func() error {
		ifi, err := net.InterfaceByName(name)
		if err != nil {
			return err
		}
		idx = ifi.Index
		return nil
	})
	if err != nil {
		ns.t.Fatalf("interface %s: %v", name, err)
	}
	return idx
}

// nativeUint32 reads a host-order uint32.
func nativeUint32(b []byte) uint32 { return binary.NativeEndian.Uint32(b) }
